//! What a word followed by a period is: an abbreviation that never ends a sentence, one that
//! ends it only in some contexts, or an ordinary word.

/// How a word written just before a `.` bears on a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// A title or a Latin abbreviation that is always followed by more of the sentence
    /// (`Dr.`, `Gen.`, `Lt.`, `St.`, `e.g.`, `vs.`).
    Never,
    /// Continues the sentence when a number follows (`Jan. 5`, `No. 10`).
    BeforeNumber,
    /// An initial, a dotted acronym or a company suffix (`J.`, `U.S.`, `a.m.`, `Inc.`): ends a
    /// sentence only when a typical sentence opener follows.
    Ambiguous,
    /// An ordinary word: the period ends the sentence.
    Ordinary,
}

/// Titles and Latin abbreviations that never end a sentence (compared lowercase).
const NEVER: &[&str] = &[
    "adm", "amb", "brig", "capt", "cdr", "cf", "cmdr", "col", "cpl", "cpt", "det", "dr", "e.g", "esp", "fr", "ft",
    "gen", "gens", "gov", "hon", "i.e", "incl", "insp", "lieut", "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs",
    "ms", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "rt", "sen", "sens", "sgt", "st", "supt", "viz", "vs",
    "approx", "ca", "al",
];

/// Abbreviations that stay inside the sentence before a number (compared lowercase).
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols",
    "p", "pp", "art", "fig", "figs", "ch", "sec", "para",
];

/// Company and name suffixes (compared lowercase).
const SUFFIXES: &[&str] = &[
    "inc", "ltd", "corp", "co", "jr", "sr", "bros", "plc", "llc", "dept", "univ", "govt",
];

/// Capitalized words that typically open a sentence; after an ambiguous abbreviation they signal
/// that a new sentence begins (`... in the U.S. The talks ...`).
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Nevertheless",
    "Next",
    "Now",
    "On",
    "Or",
    "Other",
    "Others",
    "Our",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Classifies `word`, the text just before a period, stripped of opening punctuation.
pub(super) fn classify(word: &str) -> Abbreviation {
    let lower = word.to_lowercase();
    if NEVER.contains(&lower.as_str()) {
        return Abbreviation::Never;
    }
    if BEFORE_NUMBER.contains(&lower.as_str()) {
        return Abbreviation::BeforeNumber;
    }
    if SUFFIXES.contains(&lower.as_str()) || is_initial(word) || is_dotted_acronym(word) {
        return Abbreviation::Ambiguous;
    }
    Abbreviation::Ordinary
}

/// Whether `word` (stripped of trailing punctuation) typically opens a sentence.
pub(super) fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

/// A single capital letter: `J` in `J. K. Rowling`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by periods: `U.S`, `U.N`, `a.m`, `Ph.D` (the final period is not part of
/// `word`).
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_latin_never_end_a_sentence() {
        for word in ["Dr", "Gen", "Lt", "Col", "Mr", "St", "e.g", "vs"] {
            assert_eq!(classify(word), Abbreviation::Never, "{word}");
        }
    }

    #[test]
    fn months_and_numbers_wait_for_a_digit() {
        for word in ["Jan", "Sept", "No"] {
            assert_eq!(classify(word), Abbreviation::BeforeNumber, "{word}");
        }
    }

    #[test]
    fn initials_acronyms_and_suffixes_are_ambiguous() {
        for word in ["J", "U.S", "U.N", "a.m", "Inc", "Jr"] {
            assert_eq!(classify(word), Abbreviation::Ambiguous, "{word}");
        }
    }

    #[test]
    fn ordinary_words_end_sentences() {
        for word in ["talks", "2001", "offensive", "a", "U.S-led", ""] {
            assert_eq!(classify(word), Abbreviation::Ordinary, "{word}");
        }
    }

    #[test]
    fn openers_are_capitalized_function_words() {
        assert!(is_sentence_opener("The"));
        assert!(!is_sentence_opener("the"));
        assert!(!is_sentence_opener("Army"));
    }
}
