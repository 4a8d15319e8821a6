//! Reading a run of capitalized words as a name: titles (`Vardani President`), the name proper
//! (`Ilse Marrow`), organisations (`Voice of Vardan`), and roles (`foreign policy adviser`).

use super::gazetteer::{
    is_definite, is_generic_modifier, is_indefinite, is_not_name, is_organisation_word, is_preposition,
    is_title_modifier, role_noun, title_role,
};
use super::tokens::Token;
use crate::Span;

/// A role someone holds, as far as the text tells: `Dastan’s foreign policy adviser` is
/// `{head: adviser, modifiers: [foreign, policy], origin: dastan}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Role {
    /// The role noun, normalized (`advisor` -> `adviser`).
    pub head: String,
    /// Lowercase words qualifying it (`defence`, `foreign`, `policy`).
    pub modifiers: Vec<String>,
    /// A country, people or organisation qualifying it (`vardani`, `dastan`), lowercase.
    pub origin: Option<String>,
}

impl Role {
    /// `foreign policy adviser`.
    pub fn describe(&self) -> String {
        let mut words: Vec<&str> = self.modifiers.iter().map(String::as_str).collect();
        words.push(&self.head);
        words.join(" ")
    }

    /// Whether `reference` (`the Dastani adviser`) can mean the holder of this role.
    pub fn matches(&self, reference: &Role) -> bool {
        self.head == reference.head
            && reference
                .modifiers
                .iter()
                .all(|m| is_generic_modifier(m) || self.modifiers.contains(m))
            && match (&self.origin, &reference.origin) {
                (Some(a), Some(b)) => same_origin(a, b),
                _ => true,
            }
    }
}

/// `dastan` and `dastani`, `vardan` and `vardanian`.
fn same_origin(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common == a.chars().count().min(b.chars().count()) || common >= 5
}

/// A name read from a run of capitalized words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ParsedName {
    /// The words of the name proper: `[Ilse, Marrow]` for `Vardani President Ilse Marrow`; the
    /// whole run for an organisation.
    pub words: Vec<String>,
    /// The run as written, titles included.
    pub surface: String,
    /// The role its titles or an appositive give.
    pub role: Option<Role>,
    /// A title, an honorific or a role marks a person.
    pub titled: bool,
    /// An organisation or place word (`Ministry`, `Voice of ...`) marks an organisation.
    pub organisation: bool,
    /// An acronym given in parentheses after the name (`Vardan News Agency (VNA)`).
    pub acronym: Option<String>,
    /// The run opens its sentence, where any word is capitalized.
    pub initial: bool,
    /// Where the mention lies in the article (with a parenthesized acronym, if any).
    pub span: Span,
}

impl ParsedName {
    /// The name as one string.
    pub fn full(&self) -> String {
        self.words.join(" ")
    }

    /// Whether the name is, by its form, a person's: titled, or two to four name-like words with
    /// no organisation word.
    pub fn looks_like_person(&self) -> bool {
        !self.organisation
            && (self.titled
                || (2..=4).contains(&self.words.len())
                    && self
                        .words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase) && is_name_word(w)))
    }
}

fn is_name_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// What a run of capitalized words refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Parsed {
    /// Someone or something named.
    Name(ParsedName),
    /// A title with no name after it (`the Vardani President`).
    Role(Role),
}

/// The number of leading tokens of a run that are not part of the name (`On Monday ...`).
pub(super) fn leading_non_names(run: &[Token]) -> usize {
    run.iter()
        .take_while(|t| is_not_name(t.text) || !t.is_capitalized() || is_seat(t.text))
        .count()
}

/// Where a body sits, before its name: `Britain-based`, `London-based` (the Britain-based Syrian
/// Observatory is the Syrian Observatory).
fn is_seat(word: &str) -> bool {
    word.len() > "-based".len() && word.ends_with("-based")
}

/// Whether the run `tokens[start..end]` (its first `kept` tokens being non-names) follows the
/// definite article: `the Rebel Front`, `The Vardan Times`. People's names rarely do, so an
/// untitled name after `the` is an organisation.
pub(super) fn after_the(tokens: &[Token], start: usize, kept: usize) -> bool {
    tokens[start..kept].iter().any(|t| t.text == "The") || start.checked_sub(1).is_some_and(|b| tokens[b].text == "the")
}

/// Reads `run`, capitalized words possibly joined by particles, already stripped of leading
/// non-names. `article` is the text the tokens point into.
pub(super) fn parse_run(article: &str, run: &[Token]) -> Option<Parsed> {
    let (first, last) = (run.first()?, run.last()?);
    let surface = article[first.span.start..last.span.start + last.base().len()].to_string();
    let span = Span::new(first.span.start, last.span.end);
    let words: Vec<&str> = run.iter().map(|t| t.base()).collect();
    // A possessive inside the run ends a prefix: `Dastan’s Foreign Minister ...`.
    let prefix_end = run[..run.len() - 1]
        .iter()
        .rposition(Token::is_possessive)
        .map_or(0, |i| i + 1);
    let title = (prefix_end..run.len() - 1).rfind(|&i| title_role(run[i].text).is_some());
    let Some(head) = title else {
        if let Some(role) = title_role(last.text).filter(|r| !r.is_empty()) {
            let start = title_start(run, run.len() - 1, prefix_end);
            return Some(Parsed::Role(role_of(run, start, run.len() - 1, role, &[])));
        }
        let words = &words[prefix_end..];
        return Some(Parsed::Name(ParsedName {
            organisation: is_organisation(words),
            words: words.iter().map(|w| w.to_string()).collect(),
            surface,
            role: None,
            titled: false,
            acronym: None,
            initial: false,
            span,
        }));
    };
    let start = title_start(run, head, prefix_end);
    let mut name_start = head + 1;
    let mut extension: Vec<&str> = Vec::new();
    // `Secretary of State Antony Blinken`, `Minister of Defence Oren Kastrel`.
    if matches!(words[name_start], "of" | "for") && name_start + 2 < words.len() {
        extension = vec![words[name_start + 1]];
        name_start += 2;
    }
    let name = &words[name_start..];
    if is_organisation(name) {
        let words = &words[prefix_end..];
        return Some(Parsed::Name(ParsedName {
            organisation: true,
            words: words.iter().map(|w| w.to_string()).collect(),
            surface,
            role: None,
            titled: false,
            acronym: None,
            initial: false,
            span,
        }));
    }
    let role = title_role(run[head].text).filter(|r| !r.is_empty());
    Some(Parsed::Name(ParsedName {
        words: name.iter().map(|w| w.to_string()).collect(),
        surface,
        role: role.map(|role| role_of(run, start, head, role, &extension)),
        titled: true,
        organisation: false,
        acronym: None,
        initial: false,
        span,
    }))
}

/// The first token of the title ending at `head`: back over modifiers and further titles.
fn title_start(run: &[Token], head: usize, floor: usize) -> usize {
    let mut start = head;
    while start > floor && (is_title_modifier(run[start - 1].text) || title_role(run[start - 1].text).is_some()) {
        start -= 1;
    }
    start
}

/// The role of the title `run[start..=head]`, with the words before `start` as its origin.
fn role_of(run: &[Token], start: usize, head: usize, role: &str, extension: &[&str]) -> Role {
    let origin_words: Vec<&str> = run[..start].iter().map(|t| t.base()).collect();
    let mut modifiers: Vec<String> = run[start..head]
        .iter()
        .filter(|t| title_role(t.text) != Some(""))
        .map(|t| normalize_modifier(t.text))
        .collect();
    modifiers.extend(extension.iter().map(|w| normalize_modifier(w)));
    Role {
        head: role.to_string(),
        modifiers,
        origin: (!origin_words.is_empty()).then(|| origin_words.join(" ").to_lowercase()),
    }
}

fn normalize_modifier(word: &str) -> String {
    match word.to_lowercase().as_str() {
        "defense" => "defence".to_string(),
        "lt." => "lieutenant".to_string(),
        "maj." => "major".to_string(),
        "brig." => "brigadier".to_string(),
        "gen." => "general".to_string(),
        other => other.to_string(),
    }
}

fn is_organisation(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| is_organisation_word(w) || matches!(*w, "of" | "for"))
}

/// Reads an appositive (`Dastan’s foreign policy adviser`, `the defence minister`, `a
/// spokesman for the army`) as a role; `None` when it names no role (`however`, `who ...`).
pub(super) fn parse_appositive(tokens: &[Token]) -> Option<Role> {
    let mut origin = None;
    let mut words: Vec<(String, bool)> = Vec::new();
    for token in tokens {
        if !token.word {
            return None;
        }
        let lower = token.text.to_lowercase();
        if is_preposition(&lower) || matches!(lower.as_str(), "who" | "which" | "and" | "whose") {
            break;
        }
        if words.is_empty() && origin.is_none() && (is_definite(&lower) || is_indefinite(&lower)) {
            continue;
        }
        let role = role_noun(&lower).or_else(|| title_role(token.text).filter(|r| !r.is_empty()));
        if token.is_capitalized() && role.is_none() && !is_title_modifier(token.text) {
            // A country, people or organisation: `Dastan’s`, `a senior U.N. official`.
            origin.get_or_insert_with(|| token.base().to_lowercase());
            continue;
        }
        words.push((lower, role.is_some()));
    }
    let head = words.iter().rposition(|(_, role)| *role)?;
    let modifiers = words[..head]
        .iter()
        .filter(|(w, _)| !w.ends_with("'s") && !w.ends_with("’s"))
        .map(|(w, _)| normalize_modifier(w))
        .collect();
    Some(Role {
        head: role_noun(&words[head].0)
            .or_else(|| title_role(&capitalize(&words[head].0)))
            .unwrap_or_default()
            .to_string(),
        modifiers,
        origin,
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn parse(text: &str) -> Parsed {
        let tokens = tokenize(text, Span::new(0, text.len()), &[]);
        let skip = leading_non_names(&tokens);
        parse_run(text, &tokens[skip..]).expect("a name")
    }

    fn name(text: &str) -> ParsedName {
        match parse(text) {
            Parsed::Name(name) => name,
            other => panic!("{other:?}"),
        }
    }

    fn role(head: &str, modifiers: &[&str], origin: Option<&str>) -> Role {
        Role {
            head: head.into(),
            modifiers: modifiers.iter().map(|m| m.to_string()).collect(),
            origin: origin.map(Into::into),
        }
    }

    #[test]
    fn title_and_name() {
        let parsed = name("Vardan President Ilse Marrow");
        assert_eq!(parsed.words, ["Ilse", "Marrow"]);
        assert_eq!(parsed.role, Some(role("president", &[], Some("vardan"))));
        assert!(parsed.looks_like_person());
        let parsed = name("Lt. Gen. Tomas Reyk");
        assert_eq!(parsed.role, Some(role("general", &["lieutenant"], None)));
        let parsed = name("Defence Minister Oren Kastrel");
        assert_eq!(parsed.role, Some(role("minister", &["defence"], None)));
        let parsed = name("Dr. Lina Ferro");
        assert_eq!((parsed.role, parsed.titled), (None, true));
        let parsed = name("Secretary of State Ada Vinter");
        assert_eq!(parsed.words, ["Ada", "Vinter"]);
        assert_eq!(parsed.role, Some(role("secretary", &["state"], None)));
    }

    #[test]
    fn leading_function_words_and_days_are_dropped() {
        assert_eq!(name("On Monday Kastrel").words, ["Kastrel"]);
    }

    #[test]
    fn possessive_prefix_is_an_origin() {
        let parsed = name("Dastan’s Foreign Minister Ilya Brandt");
        assert_eq!(parsed.words, ["Ilya", "Brandt"]);
        assert_eq!(parsed.role, Some(role("minister", &["foreign"], Some("dastan"))));
    }

    #[test]
    fn organisations() {
        let parsed = name("Voice of Vardan");
        assert!(parsed.organisation && !parsed.looks_like_person());
        assert!(name("Dastani Rebel Army").organisation);
        assert!(!name("Kastrel").looks_like_person());
        assert!(name("Oren Kastrel").looks_like_person());
        assert!(!name("VNA").looks_like_person());
    }

    #[test]
    fn title_without_name_is_a_role() {
        assert_eq!(
            parse("The Vardan President"),
            Parsed::Role(role("president", &[], Some("vardan")))
        );
    }

    #[test]
    fn appositives() {
        let text = "Dastan’s foreign policy adviser";
        let tokens = tokenize(text, Span::new(0, text.len()), &[]);
        assert_eq!(
            parse_appositive(&tokens),
            Some(role("adviser", &["foreign", "policy"], Some("dastan")))
        );
        let text = "a spokesman for the army";
        let tokens = tokenize(text, Span::new(0, text.len()), &[]);
        assert_eq!(parse_appositive(&tokens), Some(role("spokesman", &[], None)));
        let text = "a senior U.N. official";
        let tokens = tokenize(text, Span::new(0, text.len()), &[]);
        assert_eq!(
            parse_appositive(&tokens),
            Some(role("official", &["senior"], Some("u.n.")))
        );
        for text in ["however", "Ned Vale", "who leads the talks"] {
            let tokens = tokenize(text, Span::new(0, text.len()), &[]);
            assert_eq!(parse_appositive(&tokens), None, "{text}");
        }
    }

    #[test]
    fn role_matching() {
        let adviser = role("adviser", &["foreign", "policy"], Some("dastan"));
        assert!(adviser.matches(&role("adviser", &[], Some("dastani"))));
        assert!(adviser.matches(&role("adviser", &["senior"], None)));
        assert!(!adviser.matches(&role("adviser", &["security"], None)));
        assert!(!adviser.matches(&role("adviser", &[], Some("vardan"))));
        assert!(!adviser.matches(&role("minister", &[], None)));
        assert_eq!(adviser.describe(), "foreign policy adviser");
    }
}
