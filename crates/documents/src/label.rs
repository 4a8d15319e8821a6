//! Renaming labels: the [`LabelMap`].

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::ParseLabelMapError;

/// Renames labels, e.g. parsed from `pos=positive,neg=negative`.
///
/// Renaming is applied once, after trimming, and is not transitive
/// (`a=b,b=c` renames `a` to `b`). Labels not in the map are kept.
/// The default map is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelMap {
    renames: BTreeMap<String, String>,
}

impl LabelMap {
    /// The new name of `label`, or `label` itself when the map does not rename it.
    pub fn rename<'a>(&'a self, label: &'a str) -> &'a str {
        self.renames.get(label).map_or(label, String::as_str)
    }

    /// The renames `(from, to)`, sorted by `from`.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.renames.iter().map(|(from, to)| (from.as_str(), to.as_str()))
    }
}

impl FromStr for LabelMap {
    type Err = ParseLabelMapError;

    /// Parses comma-separated `FROM=TO` entries, whitespace around labels ignored.
    /// An empty or blank string is the empty map; an empty entry, an entry
    /// without exactly one `=`, an empty label or a `FROM` given twice is an error.
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut renames = BTreeMap::new();
        if spec.trim().is_empty() {
            return Ok(Self { renames });
        }
        for entry in spec.split(',') {
            let bad_entry = || ParseLabelMapError::Entry(entry.trim().to_string());
            let (from, to) = entry.split_once('=').ok_or_else(bad_entry)?;
            let (from, to) = (from.trim(), to.trim());
            if from.is_empty() || to.is_empty() || to.contains('=') {
                return Err(bad_entry());
            }
            if renames.insert(from.to_string(), to.to_string()).is_some() {
                return Err(ParseLabelMapError::Duplicate(from.to_string()));
            }
        }
        Ok(Self { renames })
    }
}

impl fmt::Display for LabelMap {
    /// The form [`FromStr`] parses: `from=to,...`, sorted by `from`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, (from, to)) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            write!(f, "{from}={to}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_renames() {
        let map: LabelMap = " pos = positive,neg=negative ".parse().unwrap();
        assert_eq!(map.rename("pos"), "positive");
        assert_eq!(map.rename("neg"), "negative");
        assert_eq!(map.rename("neutral"), "neutral");
        assert_eq!(map.rename("Pos"), "Pos", "case-sensitive");
        assert_eq!(map.to_string(), "neg=negative,pos=positive");
        assert_eq!(map.to_string().parse::<LabelMap>(), Ok(map));
    }

    #[test]
    fn renaming_is_not_transitive() {
        let map: LabelMap = "a=b,b=c".parse().unwrap();
        assert_eq!(map.rename("a"), "b");
        assert_eq!(map.rename("b"), "c");
    }

    #[test]
    fn empty_spec_is_empty_map() {
        assert_eq!("".parse::<LabelMap>(), Ok(LabelMap::default()));
        assert_eq!("  ".parse::<LabelMap>(), Ok(LabelMap::default()));
    }

    #[test]
    fn bad_syntax_is_an_error() {
        for spec in ["pos", "pos=", "=positive", "a=b,", "a=b,,c=d", "a=b=c", " = "] {
            assert!(
                matches!(spec.parse::<LabelMap>(), Err(ParseLabelMapError::Entry(_))),
                "{spec}"
            );
        }
        assert_eq!(
            "a=b,a=c".parse::<LabelMap>(),
            Err(ParseLabelMapError::Duplicate("a".to_string()))
        );
    }
}
