//! Stage 5: stemming with rust-stemmers (Snowball), in any of its 18 languages, or none.
//!
//! rust-stemmers needs lowercase input (the normalizer runs first) and 1.2 panics on some Greek
//! words (a byte index out of bounds in `replace_s`, e.g. on `ισαισα`). User input must never
//! crash the process, so each call runs under `catch_unwind`; a word the stemmer cannot handle is
//! kept unstemmed, and the panic message is not printed.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use rust_stemmers::{Algorithm, Stemmer as SnowballStemmer};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::FeatureError;

macro_rules! languages {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A stemming language of rust-stemmers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Language {
            $(
                #[doc = concat!("Snowball's ", $name, " stemmer.")]
                $variant,
            )*
        }

        impl Language {
            /// Every language, in alphabetical order.
            pub const ALL: &'static [Language] = &[$(Language::$variant),*];

            /// The lowercase name used on the command line and in model files.
            pub fn name(self) -> &'static str {
                match self { $(Language::$variant => $name),* }
            }

            fn algorithm(self) -> Algorithm {
                match self { $(Language::$variant => Algorithm::$variant),* }
            }
        }
    };
}

languages! {
    Arabic => "arabic", Danish => "danish", Dutch => "dutch", English => "english",
    Finnish => "finnish", French => "french", German => "german", Greek => "greek",
    Hungarian => "hungarian", Italian => "italian", Norwegian => "norwegian",
    Portuguese => "portuguese", Romanian => "romanian", Russian => "russian",
    Spanish => "spanish", Swedish => "swedish", Tamil => "tamil", Turkish => "turkish",
}

impl Language {
    /// The names of every language.
    pub fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|l| l.name()).collect()
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Language {
    type Err = FeatureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.name() == wanted)
            .ok_or_else(|| FeatureError::UnknownLanguage(s.to_string()))
    }
}

/// A stemmer that never panics, with a per-thread cache so each distinct word is stemmed once per
/// thread for the life of the process.
pub struct Stemmer {
    inner: SnowballStemmer,
    language: Language,
}

/// The stem cache of a thread is cleared when it holds this many words, which bounds its memory.
const STEM_CACHE_LIMIT: usize = 1 << 20;

/// Word -> stem, for one language.
type StemCache = FxHashMap<Box<str>, Box<str>>;

thread_local! {
    static STEM_CACHE: RefCell<FxHashMap<Language, StemCache>> = RefCell::new(FxHashMap::default());
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer")
    }
}

thread_local! {
    static STEMMING: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once per process, a panic hook that stays silent for panics inside the stemmer and
/// hands every other panic to the hook that was there before.
fn silence_stemmer_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !STEMMING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

impl Stemmer {
    /// A stemmer for `language`.
    pub fn new(language: Language) -> Self {
        silence_stemmer_panics();
        Self {
            inner: SnowballStemmer::create(language.algorithm()),
            language,
        }
    }

    /// Calls `f` with the stem of a lowercase word, from this thread's cache when it is there.
    pub fn with_stem<R>(&self, word: &str, f: impl FnOnce(&str) -> R) -> R {
        STEM_CACHE.with(|cache| {
            let mut caches = cache.borrow_mut();
            let cache = caches.entry(self.language).or_default();
            if let Some(stem) = cache.get(word) {
                return f(stem);
            }
            if cache.len() >= STEM_CACHE_LIMIT {
                cache.clear();
            }
            let stem = self.stem(word).into_boxed_str();
            let result = f(&stem);
            cache.insert(word.into(), stem);
            result
        })
    }

    /// The stem of a lowercase word; the word itself when the stemmer fails on it.
    pub fn stem(&self, word: &str) -> String {
        STEMMING.with(|flag| flag.set(true));
        let stem = panic::catch_unwind(AssertUnwindSafe(|| self.inner.stem(word).into_owned()));
        STEMMING.with(|flag| flag.set(false));
        stem.unwrap_or_else(|_| word.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighteen_languages_round_trip_by_name() {
        assert_eq!(Language::ALL.len(), 18);
        for language in Language::ALL {
            assert_eq!(language.name().parse::<Language>(), Ok(*language));
        }
        assert!("klingon".parse::<Language>().is_err());
    }

    #[test]
    fn english_stems() {
        let stemmer = Stemmer::new(Language::English);
        assert_eq!(stemmer.stem("negotiations"), "negoti");
        assert_eq!(stemmer.stem("strikes"), "strike");
    }

    #[test]
    fn greek_input_that_panics_rust_stemmers_is_kept() {
        let stemmer = Stemmer::new(Language::Greek);
        assert_eq!(stemmer.stem("ισαισα"), "ισαισα");
        assert!(!stemmer.stem("πολέμους").is_empty());
    }
}
