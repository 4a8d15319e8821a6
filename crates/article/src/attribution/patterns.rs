//! Finding who a sentence attributes its content to: `X said`, `said X`, `X, the minister,
//! argued that`, `X has reportedly declared`, `according to X`, `quoted X as saying`, `the
//! president said`, `he said`, and, inside a quotation that reports speech itself, a subject at
//! the start of the quotation (`“The adviser said ...,” notes ...`). Unnamed sources that speak
//! as a group (`U.S. officials said`, `according to witnesses`) or as one described person (`a
//! Kurdish official said`) are mentions of their own, named by their description.
//!
//! The patterns only read the sentence; what a mention refers to is decided elsewhere.

use super::gazetteer::{
    is_between, is_definite, is_group_modifier, is_group_noun, is_indefinite, is_particle, is_passive_auxiliary,
    is_person_pronoun, is_preposition, is_quantifier, is_subordinator, reporting_verb, role_noun, title_role,
};
use super::names::{after_the, leading_non_names, parse_appositive, parse_run, Parsed, ParsedName, Role};
use super::tokens::Token;
use crate::Span;

/// Who a sentence names as its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mention {
    /// A name (`Oren Kastrel`, `Minister Kastrel`, `Kastrel`, `Vardan News Agency (VNA)`).
    Name(ParsedName),
    /// A definite description by role (`the president`, `the Dastani adviser`).
    Role {
        /// The role referred to.
        role: Role,
        /// The description as written.
        surface: String,
        /// Where it lies in the article.
        span: Span,
    },
    /// An unnamed source known by its description: a group (`U.S. officials`, `witnesses`) or
    /// one described person (`a Kurdish official`).
    Group {
        /// The description without its determiner (`U.S. officials`, `Kurdish official`).
        name: String,
        /// One person (`a Kurdish official`) rather than a group.
        person: bool,
        /// Where it lies in the article.
        span: Span,
    },
    /// `he` or `she`.
    Pronoun,
    /// Someone unnamed and undescribed (`they said`, `a commander said` in a subordinate clause).
    Unknown,
}

impl Mention {
    /// Where the mention lies in the article, for a name or a role.
    pub fn span(&self) -> Option<Span> {
        match self {
            Mention::Name(name) => Some(name.span),
            Mention::Role { span, .. } | Mention::Group { span, .. } => Some(*span),
            Mention::Pronoun | Mention::Unknown => None,
        }
    }
}

/// The mentions found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Mentions {
    /// The attribution outside quotation marks, if any.
    pub outer: Option<Mention>,
    /// A speaker named at the start of a quotation that itself reports speech.
    pub inner: Option<Mention>,
    /// The outer attribution only relays (`X reported`): a news outlet passing on what others say
    /// is no speaker, unless it speaks for itself elsewhere.
    pub relayed: bool,
}

/// Finds the mentions of one sentence's tokens.
pub(super) fn find(article: &str, tokens: &[Token]) -> Mentions {
    // `X confirmed that ..., according to media reports`: a source that names no one gives way
    // to the subject of a reporting verb.
    let (outer, relayed) = match explicit(article, tokens) {
        Some(Mention::Unknown) => match by_verb(article, tokens, false) {
            Some((mention, lemma)) if mention != Mention::Unknown => (Some(mention), lemma == "report"),
            _ => (Some(Mention::Unknown), false),
        },
        Some(mention) => (Some(mention), false),
        None => match by_verb(article, tokens, false) {
            Some((mention, lemma)) => (Some(mention), lemma == "report"),
            None => (None, false),
        },
    };
    let inner = by_verb(article, tokens, true)
        .map(|(mention, _)| mention)
        .filter(|m| *m != Mention::Unknown);
    Mentions { outer, inner, relayed }
}

/// `according to X`, `quoted X as saying`, `X was quoted as saying`, and the signature of an
/// embedded post (`... — Lina Ferro (@linaferro) May 4, 2015`).
fn explicit(article: &str, tokens: &[Token]) -> Option<Mention> {
    if let Some(mention) = post_signature(article, tokens) {
        return Some(mention);
    }
    for (i, token) in tokens.iter().enumerate() {
        if token.quoted || !token.word {
            continue;
        }
        if token.text.eq_ignore_ascii_case("according") && tokens.get(i + 1).is_some_and(|t| t.text == "to") {
            if let Some((mention, _)) = subject_right(article, tokens, i + 2) {
                return Some(mention);
            }
        }
        if token.text == "quoted" {
            if let Some((mention, end)) = subject_right(article, tokens, i + 1) {
                if as_saying(tokens, end) {
                    return Some(mention);
                }
            }
            if as_saying(tokens, i + 1) && i > 0 && is_passive_auxiliary(tokens[i - 1].text) {
                if let Some((mention, _)) = subject_left(article, tokens, i, true) {
                    return Some(mention);
                }
            }
        }
    }
    None
}

/// The author of an embedded social-media post, from its signature: a dash, the author's name,
/// then `(@handle)`.
fn post_signature(article: &str, tokens: &[Token]) -> Option<Mention> {
    let handle = tokens
        .windows(3)
        .position(|w| w[0].is("(") && w[1].is("@") && w[2].word)?;
    let dash = tokens[..handle].iter().rposition(|t| matches!(t.text, "—" | "–"))?;
    if dash + 1 >= handle || handle - dash > 7 || !tokens[dash + 1..handle].iter().all(|t| t.word) {
        return None;
    }
    if tokens[dash + 1..handle].iter().all(Token::is_capitalized) {
        if let Some((mention, _)) = name_right(article, tokens, dash + 1) {
            return Some(mention);
        }
    }
    Some(group(article, tokens, dash + 1, handle - 1))
}

fn as_saying(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| t.text == "as")
        && tokens
            .get(at + 1)
            .is_some_and(|t| matches!(t.text, "saying" | "telling" | "writing" | "stating"))
}

/// The first reporting verb with a subject, outside quotations (`inner == false`) or inside one
/// with its subject opening the quotation (`inner == true`).
fn by_verb(article: &str, tokens: &[Token], inner: bool) -> Option<(Mention, &'static str)> {
    for (v, token) in tokens.iter().enumerate() {
        if !token.word || token.quoted != inner {
            continue;
        }
        let Some(verb) = reporting_verb(token.text) else {
            continue;
        };
        let next = tokens.get(v + 1).map(|t| t.text);
        if (verb.lemma == "call" && next != Some("for"))
            || next == Some("by")
            || (verb.lemma == "accuse" && next == Some("of"))
        {
            continue;
        }
        // A plural noun (`demands`, `calls`) looks like a verb in `-s`; only a named subject makes
        // it one.
        let third_person = token.text.ends_with('s') && token.text != verb.lemma;
        let left = subject_left(article, tokens, v, false)
            .filter(|(mention, _)| !(third_person && *mention == Mention::Unknown));
        if inner {
            if let Some((mention, start)) = left {
                if start == 0 || tokens[start - 1].is_quote_mark() {
                    return Some((mention, verb.lemma));
                }
            }
            continue;
        }
        if let Some((mention, _)) = left {
            return Some((mention, verb.lemma));
        }
        if verb.invertible && v > 0 && (tokens[v - 1].is(",") || tokens[v - 1].is_quote_mark()) {
            if let Some((mention, _)) = subject_right(article, tokens, v + 1) {
                return Some((mention, verb.lemma));
            }
        }
    }
    None
}

/// The subject left of the verb at `verb`, and the index of its first token.
fn subject_left(article: &str, tokens: &[Token], verb: usize, passive_ok: bool) -> Option<(Mention, usize)> {
    let progressive = tokens[verb].text.ends_with("ing");
    let quoted = tokens[verb].quoted;
    let mut end = verb;
    let mut passive = false;
    while end > 0 && tokens[end - 1].is_lowercase() && is_between(tokens[end - 1].text) {
        passive |= is_passive_auxiliary(tokens[end - 1].text);
        end -= 1;
    }
    if passive && !progressive && !passive_ok {
        return None;
    }
    let mut appositive = None;
    let after_appositive = end > 0 && tokens[end - 1].is(",");
    if after_appositive && progressive {
        if let Some(found) = clause_subject(article, tokens, end - 1) {
            return Some(found);
        }
    }
    if after_appositive {
        let close = end - 1;
        let open = (close.saturating_sub(15)..close)
            .rev()
            .take_while(|&i| tokens[i].word || matches!(tokens[i].text, "," | "-" | "(" | ")" | "’" | "'"))
            .find(|&i| tokens[i].is(","));
        let Some(open) = open else {
            return opening_name_described(article, tokens, close);
        };
        let inside = &tokens[open + 1..close];
        if !inside.is_empty() && inside.iter().all(|t| t.is_capitalized() || is_particle(t.text)) {
            if open > 0 && tokens[open - 1].is_capitalized() && inside.len() == 1 {
                // `... in Cardiff, Wales, told`: a place and its region, not a speaker.
                return None;
            }
            // `the mediator, Lina Ferro, urged`: the name is in the commas, the role before them.
            let role = match open.checked_sub(1).and_then(|h| Some((h, role_noun(tokens[h].text)?))) {
                Some((h, noun)) => match role_left(article, tokens, h, noun) {
                    Some((Mention::Role { role, .. }, _)) => Some(role),
                    _ => None,
                },
                None => None,
            };
            return name_left(article, tokens, close, role);
        }
        // `The chief mediator, former foreign minister Ines Kadar, urged`: the appositive ends in
        // the name, after a lowercase description.
        let name_words = inside
            .iter()
            .rev()
            .take_while(|t| t.is_capitalized() || is_particle(t.text))
            .count();
        let description = &inside[..inside.len() - name_words];
        if name_words >= 2 && !description.is_empty() && description.iter().all(Token::is_lowercase) {
            return name_left(article, tokens, close, None);
        }
        appositive = parse_appositive(inside);
        end = open;
    }
    if end == 0 || tokens[end - 1].quoted != quoted {
        return None;
    }
    let last = tokens[end - 1];
    if matches!(last.text, "who" | "which")
        && end >= 3
        && tokens[end - 2].is(",")
        && (tokens[end - 3].is_capitalized() || tokens[end - 3].is(")"))
    {
        // `the Syrian Observatory for Human Rights, which said`: the name the clause is about.
        return antecedent_left(article, tokens, end - 2);
    }
    if is_person_pronoun(last.text) {
        let subordinate = end >= 2 && tokens[end - 2].word && is_subordinator(tokens[end - 2].text);
        return (!subordinate).then_some((Mention::Pronoun, end - 1));
    }
    if last.word && is_group_noun(&last.text.to_lowercase()) {
        return (!after_appositive && !in_subordinate_clause(tokens, end - 1))
            .then(|| group_left(article, tokens, end - 1));
    }
    if last.is_lowercase() {
        if let Some(head) = role_noun(last.text) {
            return role_left(article, tokens, end - 1, head);
        }
        let lower = last.text;
        let not_a_subject = last.is_possessive()
            || is_definite(lower)
            || is_indefinite(lower)
            || is_preposition(lower)
            || is_subordinator(lower)
            || matches!(lower, "and" | "or" | "not" | "never" | "who" | "which" | "what");
        let subordinate = in_subordinate_clause(tokens, end - 1);
        return (!after_appositive && !not_a_subject && !subordinate).then_some((Mention::Unknown, end - 1));
    }
    if last.is_capitalized() || last.is(")") {
        return name_left(article, tokens, end, appositive);
    }
    None
}

/// `said DHS spokesperson Marsha Catron`, `said long-time friend Daniel Lieber`: up to four words
/// of description (lowercase, an acronym such as `DHS` first) from `at`, then a name of two words
/// or more.
fn described_name_right(article: &str, tokens: &[Token], at: usize) -> Option<(Mention, usize)> {
    let first = tokens.get(at)?;
    if !(first.is_lowercase() || first.is_acronym()) || is_definite(first.text) || is_preposition(first.text) {
        return None;
    }
    let name = (at + 1..tokens.len().min(at + 5)).find(|&i| !tokens[i].is_lowercase())?;
    let description = &tokens[at..name];
    let plain = description
        .iter()
        .enumerate()
        .all(|(i, t)| t.word && (t.is_lowercase() || (i == 0 && t.is_acronym())) && !is_preposition(t.text));
    let full_name = tokens[name].is_capitalized() && tokens.get(name + 1).is_some_and(Token::is_capitalized);
    if plain && full_name && description.iter().any(Token::is_lowercase) {
        name_right(article, tokens, name)
    } else {
        None
    }
}

/// `The Washington Post’s Liz Sly agreed, saying ...`: a participle after a comma reports the
/// words of the sentence's subject, a name that opens the sentence (before `comma`, with nothing
/// but words between them).
fn clause_subject(article: &str, tokens: &[Token], comma: usize) -> Option<(Mention, usize)> {
    let verb = tokens[..comma].iter().position(Token::is_lowercase)?;
    let clause = &tokens[verb..comma];
    let opens_with_preposition = is_preposition(&tokens[0].text.to_lowercase());
    let subject_ends = !is_definite(tokens[verb].text) && !is_preposition(tokens[verb].text);
    if verb == 0
        || opens_with_preposition
        || !subject_ends
        || !tokens[..comma].iter().all(|t| t.word)
        || clause.len() > 6
    {
        return None;
    }
    name_left(article, tokens, verb, None)
}

/// The most tokens of a description set off by commas after a sentence's opening name.
const MAX_DESCRIPTION: usize = 40;

/// `David Schenker, former adviser to ... at The Washington Institute, said` and `Cliff Sloan, who
/// left the State Department on 31 December, told`: a sentence that opens with a name, then a
/// description between commas that starts in lowercase (any length up to [`MAX_DESCRIPTION`],
/// numbers and `&` included, no quotation), then the verb after `close`.
fn opening_name_described(article: &str, tokens: &[Token], close: usize) -> Option<(Mention, usize)> {
    let comma = tokens[..close].iter().position(|t| t.is(","))?;
    let description = &tokens[comma + 1..close];
    let opens_with_name = comma > 0
        && comma <= 6
        && tokens[..comma]
            .iter()
            .all(|t| t.is_capitalized() || is_particle(t.text));
    let described = description.first().is_some_and(Token::is_lowercase)
        && description.len() <= MAX_DESCRIPTION
        && description.iter().all(|t| !t.quoted && !t.is_quote_mark());
    if opens_with_name && described {
        name_left(article, tokens, comma, None)
    } else {
        None
    }
}

/// Whether the phrase starting at token `start` follows a subordinator within a few words
/// (`Although the rebels ...`, `while officials ...`).
fn in_subordinate_clause(tokens: &[Token], start: usize) -> bool {
    tokens[..start]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.word)
        .any(|t| is_subordinator(t.text))
}

/// A group of unnamed sources whose noun is at `head`, with the modifiers before it (`senior U.S.
/// defense officials`), and the index of its first token (a quantifier such as `several` included).
fn group_left(article: &str, tokens: &[Token], head: usize) -> (Mention, usize) {
    let mut start = head;
    while start > 0 && head - start < 4 {
        let token = tokens[start - 1];
        let modifier = token.word
            && token.quoted == tokens[head].quoted
            && (token.is_capitalized() || is_group_modifier(token.text))
            && !is_definite(token.text)
            && !is_indefinite(token.text)
            && !is_quantifier(token.text);
        if !modifier {
            break;
        }
        start -= 1;
    }
    let first = match start.checked_sub(1) {
        Some(b) if tokens[b].word && (is_quantifier(tokens[b].text) || is_definite(tokens[b].text)) => b,
        _ => start,
    };
    (group(article, tokens, start, head), first)
}

/// The unnamed source described by `tokens[start..=head]`: one person when its noun is a role
/// (`a Kurdish official`), else a group.
fn group(article: &str, tokens: &[Token], start: usize, head: usize) -> Mention {
    let span = Span::new(tokens[start].span.start, tokens[head].span.end);
    Mention::Group {
        name: article[span.range()].to_string(),
        person: role_noun(&tokens[head].text.to_lowercase()).is_some(),
        span,
    }
}

/// A group of unnamed sources starting at `at` (`according to Kurdish sources`, `said several
/// officials`): up to four modifiers, then the group noun.
fn group_right(article: &str, tokens: &[Token], at: usize) -> Option<(Mention, usize)> {
    let mut start = at;
    while tokens
        .get(start)
        .is_some_and(|t| t.word && (is_quantifier(t.text) || is_definite(t.text)))
    {
        start += 1;
    }
    (start..tokens.len().min(start + 5))
        .take_while(|&i| tokens[i].word && !is_preposition(tokens[i].text))
        .find(|&i| is_group_noun(&tokens[i].text.to_lowercase()))
        .map(|head| (group(article, tokens, start, head), head + 1))
}

/// A definite description ending in the role noun at `head` (`the Dastani adviser`).
fn role_left(article: &str, tokens: &[Token], head: usize, noun: &str) -> Option<(Mention, usize)> {
    let mut modifiers = Vec::new();
    let mut origin = None;
    let mut i = head;
    while i > 0 && head - i < 4 {
        let token = tokens[i - 1];
        if !token.word {
            break;
        }
        if is_definite(token.text) {
            if in_subordinate_clause(tokens, i - 1) {
                return None;
            }
            return Some((
                role_mention(article, tokens, i - 1, head, noun, modifiers, origin),
                i - 1,
            ));
        }
        if is_indefinite(token.text) {
            if in_subordinate_clause(tokens, i - 1) {
                return Some((Mention::Unknown, i - 1));
            }
            return Some((group(article, tokens, i, head), i - 1));
        }
        if token.is_capitalized() {
            origin = Some(token.base().to_lowercase());
            if token.is_possessive() {
                return Some((
                    role_mention(article, tokens, i - 1, head, noun, modifiers, origin),
                    i - 1,
                ));
            }
        } else if is_preposition(token.text) || is_subordinator(token.text) || reporting_verb(token.text).is_some() {
            break;
        } else {
            modifiers.insert(0, token.text.to_lowercase());
        }
        i -= 1;
    }
    Some((Mention::Unknown, head))
}

fn role_mention(
    article: &str,
    tokens: &[Token],
    start: usize,
    head: usize,
    noun: &str,
    modifiers: Vec<String>,
    origin: Option<String>,
) -> Mention {
    let span = Span::new(tokens[start].span.start, tokens[head].span.end);
    Mention::Role {
        role: Role {
            head: noun.to_string(),
            modifiers,
            origin,
        },
        surface: article[span.range()].to_string(),
        span,
    }
}

/// A name ending just before `end` (a capitalized word, or a parenthesized acronym after one),
/// the subject of what follows: not the object of a preposition or a verb before it.
fn name_left(article: &str, tokens: &[Token], end: usize, appositive: Option<Role>) -> Option<(Mention, usize)> {
    name_run_left(article, tokens, end, appositive, false)
}

/// The name a relative clause after `end` is about (`those of the Syrian Observatory for Human
/// Rights, which said`): any name, the object of a preposition too.
fn antecedent_left(article: &str, tokens: &[Token], end: usize) -> Option<(Mention, usize)> {
    name_run_left(article, tokens, end, None, true)
}

/// [`name_left`], and with `any_position` a name after a preposition or a verb too.
fn name_run_left(
    article: &str,
    tokens: &[Token],
    end: usize,
    appositive: Option<Role>,
    any_position: bool,
) -> Option<(Mention, usize)> {
    let quoted = tokens[end - 1].quoted;
    let mut run_end = end;
    let mut acronym = None;
    if tokens[end - 1].is(")") {
        if end >= 3 && tokens[end - 2].is_acronym() && tokens[end - 3].is("(") {
            acronym = Some(tokens[end - 2].text.to_string());
            run_end = end - 3;
        } else {
            // A short aside after the name (`Rep. Duncan Hunter (R-Calif.) said`).
            let open = (end.saturating_sub(7)..end - 1).rev().find(|&i| tokens[i].is("("))?;
            if open == 0 || !tokens[open - 1].is_capitalized() || tokens[open + 1..end - 1].iter().any(|t| t.is("(")) {
                return None;
            }
            run_end = open;
        }
    }
    let mut start = run_end;
    while start > 0 {
        let token = tokens[start - 1];
        let joins = token.is_lowercase()
            && is_particle(token.text)
            && start < run_end
            && start >= 2
            && tokens[start - 2].is_capitalized();
        if token.quoted == quoted && (token.is_capitalized() || joins) {
            start -= 1;
        } else {
            break;
        }
    }
    if start == run_end || tokens[run_end - 1].is_possessive() {
        return None;
    }
    let kept = start + leading_non_names(&tokens[start..run_end]);
    if kept == run_end || tokens[start..kept].iter().any(|t| is_subordinator(t.text)) {
        return None;
    }
    let mut before = start.checked_sub(1);
    if let Some(b) = before.filter(|&b| tokens[b].word && is_definite(tokens[b].text)) {
        before = b.checked_sub(1);
    }
    if let Some(token) = before.map(|b| tokens[b]).filter(|t| t.word) {
        let lower = token.text.to_lowercase();
        let joint = before.is_some_and(|b| b > 0 && tokens[b - 1].is_capitalized());
        if matches!(lower.as_str(), "and" | "or") && joint {
            return Some((Mention::Unknown, start));
        }
        if !any_position && (is_subordinator(&lower) || is_preposition(&lower) || reporting_verb(&lower).is_some()) {
            // `Greg Chen of the American Immigration Lawyers Association asked`: the person (a
            // full name) before the body they speak for.
            let person_end = before.filter(|_| matches!(lower.as_str(), "of" | "from" | "at"));
            return match person_end {
                Some(b) if b >= 2 && tokens[b - 1].is_capitalized() && tokens[b - 2].is_capitalized() => {
                    name_left(article, tokens, b, appositive)
                }
                _ => None,
            };
        }
    }
    let initial = tokens[..kept].iter().all(|t| !t.word);
    let role_before = role_before(tokens, start);
    let context = Context {
        acronym,
        role: appositive.or(role_before),
        initial,
        definite: after_the(tokens, start, kept),
        end: tokens[end - 1].span.end,
    };
    Some((mention_of(article, &tokens[kept..run_end], context)?, start))
}

/// A lowercase role right before a name: `defence minister Oren Kastrel`.
fn role_before(tokens: &[Token], start: usize) -> Option<Role> {
    let head = start.checked_sub(1)?;
    let noun = role_noun(tokens[head].text).filter(|_| tokens[head].is_lowercase())?;
    let mut modifiers = Vec::new();
    let mut origin = None;
    let mut i = head;
    while i > 0 && head - i < 3 {
        let token = tokens[i - 1];
        if token.is_capitalized() {
            origin = Some(token.base().to_lowercase());
            break;
        }
        if !token.is_lowercase()
            || is_definite(token.text)
            || is_indefinite(token.text)
            || is_preposition(token.text)
            || reporting_verb(token.text).is_some()
        {
            break;
        }
        modifiers.insert(0, token.text.to_string());
        i -= 1;
    }
    Some(Role {
        head: noun.to_string(),
        modifiers,
        origin,
    })
}

/// The subject right of a verb or of `according to`, starting at `at`, and the index after it.
fn subject_right(article: &str, tokens: &[Token], at: usize) -> Option<(Mention, usize)> {
    let token = tokens.get(at)?;
    if !token.word {
        return None;
    }
    if is_person_pronoun(token.text) {
        return Some((Mention::Pronoun, at + 1));
    }
    if let Some(found) = group_right(article, tokens, at) {
        return Some(found);
    }
    if let Some(found) = described_name_right(article, tokens, at) {
        return Some(found);
    }
    if is_definite(token.text) {
        let mut modifiers = Vec::new();
        let mut origin = None;
        for i in at + 1..tokens.len().min(at + 5) {
            let word = tokens[i];
            if !word.word {
                break;
            }
            let lower = word.text.to_lowercase();
            if let Some(noun) = role_noun(&lower) {
                let mention = role_mention(article, tokens, at, i, noun, modifiers, origin);
                return Some((mention, i + 1));
            }
            if word.is_capitalized() && title_role(word.text).is_none() {
                if modifiers.is_empty() && origin.is_none() && i + 1 < tokens.len() && !tokens[i + 1].is_lowercase() {
                    // `the Vardan Army`, `the U.N.`: a name after the article.
                    return name_right(article, tokens, i);
                }
                origin = Some(word.base().to_lowercase());
            } else {
                modifiers.push(lower);
            }
        }
        if tokens.get(at + 1).is_some_and(Token::is_capitalized) {
            return name_right(article, tokens, at + 1);
        }
        return Some((Mention::Unknown, at + 1));
    }
    if token.is_capitalized() {
        return name_right(article, tokens, at);
    }
    Some((Mention::Unknown, at + 1))
}

/// A name starting at `at`, with an optional parenthesized acronym and appositive after it.
fn name_right(article: &str, tokens: &[Token], at: usize) -> Option<(Mention, usize)> {
    let mut end = at;
    while end < tokens.len() {
        let token = tokens[end];
        let joins = token.is_lowercase()
            && is_particle(token.text)
            && end > at
            && tokens.get(end + 1).is_some_and(Token::is_capitalized);
        if token.is_capitalized() || joins {
            end += 1;
        } else {
            break;
        }
    }
    if end == at {
        return None;
    }
    if tokens[end - 1].is_possessive() {
        return Some((Mention::Unknown, end));
    }
    let mut after = end;
    let mut acronym = None;
    if tokens.get(end).is_some_and(|t| t.is("("))
        && tokens.get(end + 1).is_some_and(Token::is_acronym)
        && tokens.get(end + 2).is_some_and(|t| t.is(")"))
    {
        acronym = Some(tokens[end + 1].text.to_string());
        after = end + 3;
    }
    let appositive = if tokens.get(after).is_some_and(|t| t.is(",")) {
        let words = tokens[after + 1..].iter().take(12).take_while(|t| t.word).count();
        (words > 0)
            .then(|| parse_appositive(&tokens[after + 1..after + 1 + words]))
            .flatten()
    } else {
        None
    };
    let kept = at + leading_non_names(&tokens[at..end]);
    if kept == end {
        return None;
    }
    let context = Context {
        acronym,
        role: appositive,
        initial: false,
        definite: after_the(tokens, at, kept),
        end: tokens[after - 1].span.end,
    };
    Some((mention_of(article, &tokens[kept..end], context)?, end))
}

/// What surrounds a run of name tokens.
struct Context {
    /// A parenthesized acronym after it.
    acronym: Option<String>,
    /// A role from an appositive or a lowercase title before it.
    role: Option<Role>,
    /// The run opens the sentence.
    initial: bool,
    /// The run follows `the`.
    definite: bool,
    /// Where the mention ends, parenthesized acronym included.
    end: usize,
}

/// The mention a run of name tokens makes, with what surrounds it.
fn mention_of(article: &str, run: &[Token], context: Context) -> Option<Mention> {
    match parse_run(article, run)? {
        Parsed::Name(mut name) => {
            name.span.end = name.span.end.max(context.end);
            name.acronym = context.acronym;
            name.organisation |= context.definite && !name.titled;
            if name.role.is_none() && !name.organisation {
                name.titled |= context.role.is_some();
                name.role = context.role;
            }
            name.initial = context.initial;
            Some(Mention::Name(name))
        }
        Parsed::Role(role) => {
            let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
            Some(Mention::Role {
                surface: article[span.range()].to_string(),
                role,
                span,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::tokens::tokenize;

    fn mentions(text: &str) -> Mentions {
        let quotations: Vec<Span> = crate::segment::segment(text)
            .quotations
            .iter()
            .map(|q| q.span)
            .collect();
        let tokens = tokenize(text, Span::new(0, text.len()), &quotations);
        find(text, &tokens)
    }

    fn outer_name(text: &str) -> String {
        match mentions(text).outer {
            Some(Mention::Name(name)) => name.full(),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn outer_role(text: &str) -> Role {
        match mentions(text).outer {
            Some(Mention::Role { role, .. }) => role,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_relative_clause_speaks_for_its_antecedent() {
        assert_eq!(
            outer_name("The figures match those of the Dunmore Monitor for Human Rights, which said the militants had seized a depot."),
            "Dunmore Monitor for Human Rights"
        );
        assert_eq!(
            outer_name("Envoy Lina Ferro, who has said the talks would resume, left on Monday."),
            "Lina Ferro"
        );
        assert_eq!(mentions("The town, which said nothing, stayed quiet.").outer, None);
    }

    #[test]
    fn a_long_description_after_the_opening_name_is_skipped() {
        assert_eq!(
            outer_name(
                "Lina Ferro, former adviser to Defence Minister Oren Kastrel and director of the Gulf \
                 programme at The Dunmore Institute, said the army was ready."
            ),
            "Lina Ferro"
        );
        assert_eq!(
            outer_name("Piet Brel, who left the Foreign Ministry on 31 December, told reporters the talks were over."),
            "Piet Brel"
        );
        assert_eq!(
            outer_name("Lina Ferro, director of the Centre for Strategic & Gulf Studies, told reporters it was over."),
            "Lina Ferro"
        );
    }

    #[test]
    fn a_description_before_the_name_after_the_verb_is_skipped() {
        assert_eq!(
            outer_name("\"It is false,\" said DHS spokesperson Lina Ferro."),
            "Lina Ferro"
        );
        assert_eq!(
            outer_name("\"She is strong,\" said long-time friend Piet Brel in Dunmore."),
            "Piet Brel"
        );
    }

    #[test]
    fn a_participle_reports_the_words_of_the_opening_name() {
        assert_eq!(
            outer_name("The Dunmore Times’s Lina Ferro agreed, saying the drops went awry."),
            "Lina Ferro"
        );
        assert_eq!(
            outer_name("Piet Brel expressed concern, adding that the talks had stalled."),
            "Piet Brel"
        );
        assert!(!matches!(
            mentions("In Dunmore the talks stalled, saying nothing of the truce.").outer,
            Some(Mention::Name(_))
        ));
    }

    #[test]
    fn a_person_of_a_body_speaks_for_it() {
        assert_eq!(
            outer_name("Lina Ferro of the Dunmore Lawyers Association asked why the camp was growing."),
            "Lina Ferro"
        );
        assert!(!matches!(
            mentions("Supporters of the Dunmore Front said nothing.").outer,
            Some(Mention::Name(_))
        ));
    }

    #[test]
    fn where_a_body_sits_is_not_its_name() {
        assert_eq!(
            outer_name("The London-based Dunmore Monitor for Human Rights said the depot fell."),
            "Dunmore Monitor for Human Rights"
        );
        assert_eq!(
            outer_name("Dunmore-based analyst Lina Ferro said the depot fell."),
            "Lina Ferro"
        );
    }

    #[test]
    fn a_source_that_names_no_one_gives_way_to_a_named_subject() {
        assert_eq!(
            outer_name("The Dunmore Monitor confirmed that the depot had fallen, according to media reports."),
            "Dunmore Monitor"
        );
        assert_eq!(
            mentions("The depot had fallen, according to media reports.").outer,
            mentions("The depot had fallen, according to reports.").outer
        );
    }

    #[test]
    fn subject_before_verb() {
        assert_eq!(outer_name("Kastrel said the offensive would go on."), "Kastrel");
        assert_eq!(
            outer_name("Defence Minister Oren Kastrel has demanded that the army advance."),
            "Oren Kastrel"
        );
        assert_eq!(
            outer_name("On Monday Kastrel has reportedly declared victory."),
            "Kastrel"
        );
        assert_eq!(
            outer_name("In fact, Kastrel told reporters that he was ready."),
            "Kastrel"
        );
        assert_eq!(
            outer_name("The mediator met them, and Ferro called for talks."),
            "Ferro"
        );
    }

    #[test]
    fn appositive_gives_a_role() {
        let Some(Mention::Name(name)) =
            mentions("Lina Ferro, Vardan’s chief mediator, argues that talks can work.").outer
        else {
            panic!()
        };
        assert_eq!(name.full(), "Lina Ferro");
        assert_eq!(
            name.role.as_ref().map(Role::describe).as_deref(),
            Some("chief mediator")
        );
        assert!(name.looks_like_person());
    }

    #[test]
    fn speaker_after_verb() {
        assert_eq!(outer_name("“We will strike,” said Gen. Mira Osk."), "Mira Osk");
        assert_eq!(outer_name("Fighting resumed, said Ferro, the mediator."), "Ferro");
        assert_eq!(
            outer_name("“It is over,” notes the Vardan News Agency (VNA)."),
            "Vardan News Agency"
        );
    }

    #[test]
    fn explicit_patterns() {
        assert_eq!(outer_name("Talks are the only way, according to Ferro."), "Ferro");
        assert_eq!(
            outer_name("The agency quoted Kastrel as saying: “We advance.”"),
            "Kastrel"
        );
        assert_eq!(
            outer_name("Kastrel was quoted as saying the war would end soon."),
            "Kastrel"
        );
    }

    #[test]
    fn a_place_and_its_region_are_not_a_speaker() {
        assert_eq!(
            mentions("The president, speaking at a summit in Cardiff, Wales, told reporters the war would end.").outer,
            None
        );
    }

    #[test]
    fn an_appositive_that_ends_in_a_name_is_the_subject() {
        assert_eq!(
            outer_name("The chief mediator, former foreign minister Lina Ferro, urged both sides to talk."),
            "Lina Ferro"
        );
    }

    #[test]
    fn a_short_aside_after_a_name_is_skipped() {
        assert_eq!(
            outer_name("Rep. Lina Ferro (R-Vardan) said on Tuesday that the talks had failed."),
            "Lina Ferro"
        );
        assert_eq!(
            outer_name("Oren Kastrel (pictured), the defence minister, said the army was ready."),
            "Oren Kastrel"
        );
    }

    #[test]
    fn a_post_signature_names_its_author() {
        assert_eq!(
            outer_name("Talks resume today, officials say. — Lina Ferro (@linaferro) May 4, 2015"),
            "Lina Ferro"
        );
        assert!(matches!(
            mentions("Talks resume today. — ferro news (@ferronews) May 4, 2015").outer,
            Some(Mention::Group { ref name, person: false, .. }) if name == "ferro news"
        ));
        assert_eq!(mentions("Talks resume today — at noon (local time).").outer, None);
    }

    #[test]
    fn roles_pronouns_and_unknowns() {
        assert_eq!(
            outer_role("The defence minister said the army was ready.").head,
            "minister"
        );
        assert_eq!(
            outer_role("“No,” the Vardani president said.").origin.as_deref(),
            Some("vardani")
        );
        assert_eq!(mentions("“We go,” he said.").outer, Some(Mention::Pronoun));
        let group = |text: &str| match mentions(text).outer {
            Some(Mention::Group { name, person, .. }) => Some((name, person)),
            _ => None,
        };
        assert_eq!(
            group("Officials said the talks failed."),
            Some(("Officials".into(), false))
        );
        assert_eq!(
            group("Two officials said the talks failed."),
            Some(("officials".into(), false))
        );
        assert_eq!(
            group("Senior U.S. defense officials said the talks failed."),
            Some(("Senior U.S. defense officials".into(), false))
        );
        assert_eq!(
            group("The talks failed, according to Kurdish sources in the town."),
            Some(("Kurdish sources".into(), false))
        );
        assert_eq!(
            group("A spokesman said the talks failed."),
            Some(("spokesman".into(), true))
        );
        assert_eq!(
            group("A Kurdish official said the talks failed."),
            Some(("Kurdish official".into(), true))
        );
        assert_eq!(
            mentions("Although a spokesman said the talks failed, they went on.").outer,
            Some(Mention::Unknown)
        );
        assert_eq!(
            mentions("Kastrel and Ferro said nothing.").outer,
            Some(Mention::Unknown)
        );
    }

    #[test]
    fn untitled_names_after_the_are_organisations() {
        let Some(Mention::Name(name)) = mentions("The Kell Guardians have announced a new offensive.").outer else {
            panic!()
        };
        assert_eq!(name.full(), "Kell Guardians");
        assert!(name.organisation && !name.looks_like_person());
        let Some(Mention::Name(name)) = mentions("“Enough,” said the Kell Guardians.").outer else {
            panic!()
        };
        assert!(name.organisation);
    }

    #[test]
    fn not_attributions() {
        assert_eq!(mentions("The army shelled the town.").outer, None);
        assert_eq!(
            mentions("Although the rebels claimed victory, the town fell.").outer,
            None
        );
        assert_eq!(mentions("The government’s demands went unanswered.").outer, None);
        assert_eq!(mentions("Kastrel was told to wait.").outer, None);
        assert_eq!(mentions("Militants accused of the attack fled.").outer, None);
        assert_eq!(mentions("The plan proposed by Ferro stalled.").outer, None);
        assert_eq!(mentions("The envoy called the meeting useful.").outer, None);
    }

    #[test]
    fn quoted_report_names_its_own_speaker() {
        let found = mentions("“The Vardani envoy, however, also said the war must end,” notes VNA.");
        assert!(matches!(found.outer, Some(Mention::Name(ref n)) if n.full() == "VNA"));
        assert!(matches!(found.inner, Some(Mention::Role { ref role, .. }) if role.head == "envoy"));
        let found = mentions("“He said that talks would resume.”");
        assert_eq!((found.outer, found.inner), (None, Some(Mention::Pronoun)));
        let found = mentions("“We told them to leave,” Kastrel said.");
        assert_eq!(found.inner, None);
    }
}
