//! Stage 2: Unicode lowercasing and optional accent folding.
//!
//! rust-stemmers only stems lowercase input, so lowercasing always runs. Typographic apostrophes
//! (`’`, `ʼ`) become `'` so that `don’t` and `don't` are one term.

use serde::{Deserialize, Serialize};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Settings of the normalizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NormalizerConfig {
    /// Remove accents (`café` -> `cafe`) by decomposing and dropping combining marks.
    #[serde(default)]
    pub fold_accents: bool,
}

impl NormalizerConfig {
    /// Writes the normalized form of `word` into `out` (cleared first).
    pub fn normalize_into(&self, word: &str, out: &mut String) {
        out.clear();
        if word.is_ascii() {
            out.push_str(word);
            out.make_ascii_lowercase();
            return;
        }
        let push = |c: char, out: &mut String| match c {
            '\u{2019}' | '\u{02BC}' | '\u{2018}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        };
        if self.fold_accents {
            for c in word.nfd().filter(|c| !is_combining_mark(*c)) {
                push(c, out);
            }
        } else {
            for c in word.chars() {
                push(c, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize(config: NormalizerConfig, word: &str) -> String {
        let mut out = String::new();
        config.normalize_into(word, &mut out);
        out
    }

    #[test]
    fn lowercases_unicode() {
        assert_eq!(normalize(NormalizerConfig::default(), "KABUL"), "kabul");
        assert_eq!(normalize(NormalizerConfig::default(), "ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(normalize(NormalizerConfig::default(), "Ümit"), "ümit");
    }

    #[test]
    fn folds_accents_only_when_asked() {
        let fold = NormalizerConfig { fold_accents: true };
        assert_eq!(normalize(fold, "Pérez"), "perez");
        assert_eq!(normalize(NormalizerConfig::default(), "Pérez"), "pérez");
    }

    #[test]
    fn typographic_apostrophes_become_ascii() {
        assert_eq!(normalize(NormalizerConfig::default(), "Don’t"), "don't");
    }
}
