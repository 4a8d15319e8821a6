//! Stage 6: word n-grams over the terms left by the earlier stages.
//!
//! N-grams are built after negation marking, stop-word removal and stemming, so a removed stop
//! word does not break an n-gram: "end of the war" with English stop words gives the bigram
//! `end war`. Punctuation is never part of a term, so n-grams run across it, as in
//! scikit-learn's `CountVectorizer`. The parts of an n-gram are joined by one space.

use serde::{Deserialize, Serialize};

use crate::FeatureError;

/// An inclusive range of n-gram lengths, `min..=max`; written `MIN..MAX` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NgramRange {
    /// Shortest n-gram (at least 1).
    pub min: usize,
    /// Longest n-gram (at least `min`).
    pub max: usize,
}

impl Default for NgramRange {
    fn default() -> Self {
        Self { min: 1, max: 2 }
    }
}

impl NgramRange {
    /// The longest n-gram a range may ask for: longer ones are all but unique to one document
    /// (no use to a classifier), and each costs its length in every position of every text.
    pub const MAX_LENGTH: usize = 10;

    /// A checked range: `1 <= min <= max <= MAX_LENGTH`.
    pub fn new(min: usize, max: usize) -> Result<Self, FeatureError> {
        if min == 0 || min > max || max > Self::MAX_LENGTH {
            return Err(FeatureError::NgramRange { min, max });
        }
        Ok(Self { min, max })
    }

    /// Calls `emit` with every n-gram of `units`, shortest n first, joined in `buffer`.
    pub fn for_each<F: FnMut(&str)>(&self, units: &[String], buffer: &mut String, emit: F) {
        self.for_each_from(units, None, 0, buffer, emit);
    }

    /// Calls `emit` with every n-gram of `units` that ends at or after `units[first]`, shortest n
    /// first: the n-grams of a batch whose first `first` units were carried over from the one
    /// before (where the n-grams ending among them were emitted). With `function_units` (one flag
    /// per unit), n-grams longer than one made only of flagged units are left out.
    pub fn for_each_from<F: FnMut(&str)>(
        &self,
        units: &[String],
        function_units: Option<&[bool]>,
        first: usize,
        buffer: &mut String,
        mut emit: F,
    ) {
        // No n-gram is longer than the units (a range read from a damaged file may be huge).
        for n in self.min..=self.max.min(units.len()) {
            if n == 1 {
                units.iter().skip(first).for_each(|unit| emit(unit));
                continue;
            }
            let start = (first + 1).saturating_sub(n);
            for (offset, window) in units[start..].windows(n).enumerate() {
                if !Self::counts(function_units, first, start + offset, n) {
                    continue;
                }
                buffer.clear();
                for (i, unit) in window.iter().enumerate() {
                    if i > 0 {
                        buffer.push(' ');
                    }
                    buffer.push_str(unit);
                }
                emit(buffer);
            }
        }
    }
}

impl NgramRange {
    /// Whether the n-gram of the `n` units from `start` is a term of a batch whose first `first`
    /// units were carried over: it ends at or after `units[first]`, and (with `function_units`)
    /// an n-gram longer than one is not made only of function words. The one rule of
    /// [`for_each_from`](Self::for_each_from) and of counting by unit ids.
    pub fn counts(function_units: Option<&[bool]>, first: usize, start: usize, n: usize) -> bool {
        start + n > first
            && (n == 1
                || !function_units
                    .is_some_and(|flags| flags.get(start..start + n).is_some_and(|w| w.iter().all(|&f| f))))
    }

    /// The n-grams of a batch of units given by id (`None`: a unit without one), as nodes: the
    /// n-grams [`for_each_from`](Self::for_each_from) would emit, in its order, each pushed onto
    /// `counted` as the node `step(prefix, unit)` finds for it (`prefix` is the node of its first
    /// n-1 units, `None` for a unigram), or `None` when there is none. No string is built: how
    /// training counts n-grams and prediction finds their columns. `nodes` is scratch space.
    pub fn counted_nodes<S>(
        &self,
        units: &[Option<u32>],
        function_units: Option<&[bool]>,
        first: usize,
        nodes: &mut Vec<Option<u32>>,
        counted: &mut Vec<Option<u32>>,
        mut step: S,
    ) where
        S: FnMut(Option<u32>, u32) -> Option<u32>,
    {
        let len = units.len();
        nodes.clear();
        nodes.resize(len, None);
        counted.clear();
        // By length, as the strings are emitted; nodes[start] holds the node of the (n-1)-gram
        // from start, the prefix of the n-gram from start.
        for n in 1..=self.max.min(len) {
            for start in 0..=len - n {
                let node = match (n, nodes[start], units[start + n - 1]) {
                    (1, _, Some(unit)) => step(None, unit),
                    (_, Some(prefix), Some(unit)) if n > 1 => step(Some(prefix), unit),
                    _ => None,
                };
                nodes[start] = node;
                if n >= self.min && Self::counts(function_units, first, start, n) {
                    counted.push(node);
                }
            }
        }
    }
}

impl std::fmt::Display for NgramRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.min, self.max)
    }
}

impl std::str::FromStr for NgramRange {
    type Err = FeatureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || FeatureError::NgramSyntax(s.to_string());
        let (min, max) = match s.trim().split_once("..") {
            Some((min, max)) => (min, max.trim_start_matches('=')),
            None => (s, s),
        };
        let min = min.trim().parse().map_err(|_| syntax())?;
        let max = max.trim().parse().map_err(|_| syntax())?;
        Self::new(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(range: NgramRange, units: &[&str]) -> Vec<String> {
        let units: Vec<String> = units.iter().map(|s| s.to_string()).collect();
        let mut out = Vec::new();
        range.for_each(&units, &mut String::new(), |g| out.push(g.to_string()));
        out
    }

    #[test]
    fn unigrams_and_bigrams() {
        assert_eq!(
            grams(NgramRange::new(1, 2).unwrap(), &["peac", "talk", "resum"]),
            ["peac", "talk", "resum", "peac talk", "talk resum"]
        );
    }

    #[test]
    fn only_trigrams_and_short_input() {
        assert_eq!(grams(NgramRange::new(3, 3).unwrap(), &["a", "b", "c"]), ["a b c"]);
        assert!(grams(NgramRange::new(3, 3).unwrap(), &["a", "b"]).is_empty());
    }

    #[test]
    fn parses_ranges() {
        assert_eq!("1..2".parse(), Ok(NgramRange { min: 1, max: 2 }));
        assert_eq!("1..=3".parse(), Ok(NgramRange { min: 1, max: 3 }));
        assert_eq!("2".parse(), Ok(NgramRange { min: 2, max: 2 }));
        assert!("0..2".parse::<NgramRange>().is_err());
        assert!("3..1".parse::<NgramRange>().is_err());
        assert!("a..b".parse::<NgramRange>().is_err());
        assert_eq!("1..10".parse(), Ok(NgramRange { min: 1, max: 10 }));
        assert!("1..11".parse::<NgramRange>().is_err(), "longer than MAX_LENGTH");
    }
}
