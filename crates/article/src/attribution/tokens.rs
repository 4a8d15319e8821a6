//! Tokens of a sentence for attribution: words (keeping `Gen.`, `U.S.`, `J.`, `Dastan’s`,
//! `al-Assad` whole) and single punctuation marks, each with its byte span and whether it lies
//! inside a quotation.

use super::gazetteer::{is_particle, keeps_period};
use crate::Span;

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Where it lies in the article.
    pub span: Span,
    /// A word (starts with a letter or digit) rather than a punctuation mark.
    pub word: bool,
    /// Inside a quotation (quotation marks included).
    pub quoted: bool,
}

impl<'a> Token<'a> {
    /// Starts with an uppercase letter, or with a lowercase name particle joined to a capitalized
    /// word (`al-Momani`, `bin-Laden`).
    pub fn is_capitalized(&self) -> bool {
        self.word
            && (self.text.chars().next().is_some_and(char::is_uppercase)
                || self.text.split_once(['-', '‐']).is_some_and(|(particle, rest)| {
                    is_particle(particle) && rest.chars().next().is_some_and(char::is_uppercase)
                }))
    }

    /// Starts with a lowercase letter (and is not a particle-prefixed name such as `al-Momani`).
    pub fn is_lowercase(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_lowercase) && !self.is_capitalized()
    }

    /// Two or more capitals and nothing but capitals and periods (`VNA`, `U.N.`).
    pub fn is_acronym(&self) -> bool {
        self.word
            && self.text.chars().filter(|c| c.is_uppercase()).count() >= 2
            && self.text.chars().all(|c| c.is_uppercase() || c == '.')
    }

    /// Ends with `'s` or `’s` (or a bare apostrophe after `s`).
    pub fn is_possessive(&self) -> bool {
        self.word && possessive_base(self.text).len() < self.text.len()
    }

    /// The text without a possessive ending.
    pub fn base(&self) -> &'a str {
        possessive_base(self.text)
    }

    /// Whether the token is the punctuation mark `mark`.
    pub fn is(&self, mark: &str) -> bool {
        self.text == mark
    }

    /// A quotation mark (opening or closing).
    pub fn is_quote_mark(&self) -> bool {
        matches!(self.text, "“" | "”" | "\"" | "„" | "«" | "»")
    }
}

fn possessive_base(text: &str) -> &str {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(base) = text.strip_suffix(ending) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    match text.strip_suffix(['\'', '’']) {
        Some(base) if base.ends_with('s') => base,
        _ => text,
    }
}

/// Whether `c` may continue a word when a letter or digit follows it.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// The tokens of the sentence at `span` of `article`; `quotations` are the spans of the article's
/// quotations.
pub(super) fn tokenize<'a>(article: &'a str, span: Span, quotations: &[Span]) -> Vec<Token<'a>> {
    let text = &article[span.range()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let word = c.is_alphanumeric();
        if word {
            i += 1;
            loop {
                match chars.get(i) {
                    Some(&(_, c)) if c.is_alphanumeric() => i += 1,
                    Some(&(_, c)) if is_joiner(c) && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) => {
                        i += 2
                    }
                    _ => break,
                }
            }
            // A trailing apostrophe of a plural possessive (`rebels’`).
            if matches!(chars.get(i), Some(&(_, '\'' | '’'))) && chars[i - 1].1 == 's' {
                i += 1;
            }
            if chars.get(i).is_some_and(|&(_, c)| c == '.') {
                let so_far = &text[byte(start)..byte(i)];
                let initial = so_far.chars().count() == 1 && so_far.chars().all(char::is_uppercase);
                if initial || so_far.contains('.') || keeps_period(so_far) {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
        let token_span = Span::new(span.start + byte(start), span.start + byte(i));
        tokens.push(Token {
            text: &article[token_span.range()],
            span: token_span,
            word,
            quoted: quotations.iter().any(|q| q.contains(token_span)),
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()), &[])
            .iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_and_marks() {
        assert_eq!(
            texts("Gen. Osk, Dastan’s adviser, said: “U.S.-led talks failed.”"),
            [
                "Gen.",
                "Osk",
                ",",
                "Dastan’s",
                "adviser",
                ",",
                "said",
                ":",
                "“",
                "U.S.",
                "-",
                "led",
                "talks",
                "failed",
                ".",
                "”"
            ]
        );
        assert_eq!(
            texts("J. K. Varga lost 3.5 tanks to al-Adid's men."),
            [
                "J.",
                "K.",
                "Varga",
                "lost",
                "3.5",
                "tanks",
                "to",
                "al-Adid's",
                "men",
                "."
            ]
        );
    }

    #[test]
    fn properties() {
        let text = "VNA U.N. Kastrel’s rebels’ and “quoted”";
        let quote = text.find('“').unwrap();
        let tokens = tokenize(text, Span::new(0, text.len()), &[Span::new(quote, text.len())]);
        assert!(tokens[0].is_acronym() && tokens[1].is_acronym() && !tokens[2].is_acronym());
        assert!(tokens[2].is_possessive() && tokens[2].base() == "Kastrel");
        assert!(tokens[3].is_possessive() && tokens[3].base() == "rebels");
        assert!(tokens[4].is_lowercase() && !tokens[4].quoted);
        assert!(tokens[5].is_quote_mark() && tokens[5].quoted && tokens[6].quoted);
    }
}
