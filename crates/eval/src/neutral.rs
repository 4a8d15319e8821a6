//! Which label is the neutral class, for the SemEval-2016 `F_avg`.

use crate::error::EvalError;

/// How to find the neutral class whose F1 `f_avg` leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NeutralClass {
    /// The one label named `neutral` or `none` in any ASCII case. If no label is, there is
    /// no `f_avg`; if several are, there is none either and a warning says so.
    #[default]
    Detect,
    /// Exactly this label (case-sensitive); it must be among the labels.
    Named(String),
    /// No neutral class: `f_avg` is never computed.
    Disabled,
}

impl NeutralClass {
    /// The index of the neutral class in `labels`, if there is one.
    pub(crate) fn resolve(&self, labels: &[String], warnings: &mut Vec<String>) -> Result<Option<usize>, EvalError> {
        match self {
            NeutralClass::Disabled => Ok(None),
            NeutralClass::Named(name) => labels
                .iter()
                .position(|label| label == name)
                .map(Some)
                .ok_or_else(|| EvalError::UnknownNeutralLabel(name.clone())),
            NeutralClass::Detect => {
                let found: Vec<usize> = labels
                    .iter()
                    .enumerate()
                    .filter(|(_, label)| looks_neutral(label))
                    .map(|(index, _)| index)
                    .collect();
                match found.as_slice() {
                    [index] => Ok(Some(*index)),
                    [] => Ok(None),
                    several => {
                        let names: Vec<&str> = several.iter().map(|&i| labels[i].as_str()).collect();
                        warnings.push(format!(
                            "several labels look like the neutral class ({}); F_avg is not \
                             computed: name the neutral class explicitly",
                            names.join(", ")
                        ));
                        Ok(None)
                    }
                }
            }
        }
    }
}

fn looks_neutral(label: &str) -> bool {
    label.eq_ignore_ascii_case("neutral") || label.eq_ignore_ascii_case("none")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_neutral_and_none_in_any_case() {
        let mut warnings = Vec::new();
        let detect = NeutralClass::Detect;
        let found = detect.resolve(&labels(&["AGAINST", "FAVOR", "NONE"]), &mut warnings);
        assert_eq!(found, Ok(Some(2)));
        let found = detect.resolve(&labels(&["Neutral", "negative"]), &mut warnings);
        assert_eq!(found, Ok(Some(0)));
        let found = detect.resolve(&labels(&["neg", "pos"]), &mut warnings);
        assert_eq!(found, Ok(None));
        assert!(warnings.is_empty());
    }

    #[test]
    fn two_candidates_give_no_neutral_and_a_warning() {
        let mut warnings = Vec::new();
        let found = NeutralClass::Detect.resolve(&labels(&["neutral", "none"]), &mut warnings);
        assert_eq!(found, Ok(None));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn named_label_must_exist() {
        let mut warnings = Vec::new();
        let named = NeutralClass::Named("other".into());
        assert_eq!(named.resolve(&labels(&["a", "other"]), &mut warnings), Ok(Some(1)));
        assert_eq!(
            named.resolve(&labels(&["a", "b"]), &mut warnings),
            Err(EvalError::UnknownNeutralLabel("other".into()))
        );
        assert_eq!(
            NeutralClass::Disabled.resolve(&labels(&["none"]), &mut warnings),
            Ok(None)
        );
    }
}
