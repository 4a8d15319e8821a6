//! A grid of training settings, `KEY=V1,V2;KEY=...`, expanded into every combination. The keys are
//! the names of the table of settings ([`SETTINGS`]), and each value is read by its entry, so a
//! grid can vary any setting and knows none of its own.

use std::fmt;
use std::str::FromStr;

use stance_model::{Setting, SettingsError, TrainingSettings, ValidTrainingSettings, SETTINGS};

/// One setting set to one value: a coordinate of a point of the grid.
#[derive(Debug, Clone)]
pub struct GridValue {
    setting: &'static Setting,
    text: String,
}

impl GridValue {
    /// The setting.
    pub fn setting(&self) -> &'static Setting {
        self.setting
    }

    /// The value as written in the grid (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Sets it in `settings` (reading it again: a stop-word file is read where it is used).
    pub fn apply(&self, settings: &mut TrainingSettings) -> Result<(), SettingsError> {
        self.setting.set(settings, &self.text)
    }
}

impl fmt::Display for GridValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.setting.name(), self.text)
    }
}

/// The values one setting takes, in the order given.
#[derive(Debug, Clone)]
pub struct Axis {
    setting: &'static Setting,
    values: Vec<GridValue>,
}

impl Axis {
    /// The setting.
    pub fn setting(&self) -> &'static Setting {
        self.setting
    }
}

/// A point of the grid that can be trained: its values and the checked settings they give.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// One value per axis.
    pub point: Vec<GridValue>,
    /// The settings of the point, on top of the base settings, checked.
    pub settings: ValidTrainingSettings,
}

/// A point of the grid that cannot be trained, and why (complement_norm=on with
/// variant=multinomial; or, found when it is run, an alpha whose smoothed counts overflow).
#[derive(Debug, Clone)]
pub struct Skipped {
    /// One value per axis.
    pub point: Vec<GridValue>,
    /// Why it cannot be trained.
    pub reason: String,
}

/// A grid of training settings: the cartesian product of its axes.
#[derive(Debug, Clone)]
pub struct Grid {
    axes: Vec<Axis>,
}

impl Grid {
    /// The axes, in the order given.
    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }

    /// The number of combinations, counted without building them (saturating).
    pub fn count(&self) -> u64 {
        self.axes
            .iter()
            .fold(1u64, |count, axis| count.saturating_mul(axis.values.len() as u64))
    }

    /// Every combination, one value per axis (in axis order); the last axis varies fastest, as
    /// nested loops in the order written would.
    pub fn points(&self) -> Vec<Vec<GridValue>> {
        let mut points: Vec<Vec<GridValue>> = vec![Vec::new()];
        for axis in &self.axes {
            points = points
                .into_iter()
                .flat_map(|point| {
                    axis.values.iter().map(move |value| {
                        let mut next = point.clone();
                        next.push(value.clone());
                        next
                    })
                })
                .collect();
        }
        points
    }

    /// Every point applied on top of `base` and checked, in [`points`](Self::points) order:
    /// those that can be trained, and those that cannot with the reason.
    pub fn candidates(&self, base: &TrainingSettings) -> (Vec<Candidate>, Vec<Skipped>) {
        let mut candidates = Vec::new();
        let mut skipped = Vec::new();
        for point in self.points() {
            let mut settings = base.clone();
            let checked = point
                .iter()
                .try_for_each(|value| value.apply(&mut settings))
                .and_then(|()| settings.check());
            match checked {
                Ok(settings) => candidates.push(Candidate { point, settings }),
                Err(error) => skipped.push(Skipped {
                    point,
                    reason: error.to_string(),
                }),
            }
        }
        (candidates, skipped)
    }
}

impl FromStr for Grid {
    type Err = String;

    /// Reads `KEY=V1,V2;KEY=...`; every value is read by its setting's entry now, so a bad key
    /// or value is refused before anything runs. Values given twice (`alpha=1,1.0`) are refused.
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut axes: Vec<Axis> = Vec::new();
        for part in spec.split(';').map(str::trim).filter(|part| !part.is_empty()) {
            let (name, values) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}`: expected KEY=VALUE,VALUE,... (keys separated by `;`)"))?;
            let named = Some(name.trim())
                .filter(|name| !name.starts_with('-'))
                .and_then(Setting::named);
            let setting = named.ok_or_else(|| {
                let keys: Vec<&str> = SETTINGS.iter().map(Setting::name).collect();
                format!("unknown key `{}`; the keys are {}", name.trim(), keys.join(", "))
            })?;
            let key = setting.name();
            if axes.iter().any(|axis| axis.setting.name() == key) {
                return Err(format!("key `{key}` is given twice"));
            }
            let mut read: Vec<(GridValue, TrainingSettings)> = Vec::new();
            for text in values.split(',').map(str::trim) {
                if text.is_empty() {
                    return Err(format!("`{part}`: empty value for key `{key}`"));
                }
                let value = GridValue {
                    setting,
                    text: text.to_string(),
                };
                let settings =
                    read_alone(&value).map_err(|why| format!("bad value `{text}` for key `{key}`: {why}"))?;
                if read.iter().any(|(_, other)| *other == settings) {
                    return Err(format!("value `{text}` is given twice for key `{key}`"));
                }
                read.push((value, settings));
            }
            axes.push(Axis {
                setting,
                values: read.into_iter().map(|(value, _)| value).collect(),
            });
        }
        if axes.is_empty() {
            return Err("the grid is empty; expected KEY=VALUE,VALUE;KEY=... (e.g. alpha=0.1,1)".into());
        }
        Ok(Grid { axes })
    }
}

/// The default settings with `value` set, or why it cannot be: a value refused by the rules of its
/// own setting (alpha 0) is bad; one that only needs other settings (complement_norm=on needs
/// variant=complement) is not, and its combinations are checked when the grid is run.
fn read_alone(value: &GridValue) -> Result<TrainingSettings, String> {
    if value.text.contains('=') {
        return Err(format!(
            "a grid value cannot hold `=`; give it with {} instead",
            value.setting.flag()
        ));
    }
    let mut settings = TrainingSettings::default();
    value.apply(&mut settings).map_err(|error| match error {
        SettingsError::Value { reason, .. } => reason,
        other => other.to_string(),
    })?;
    match settings.check() {
        Ok(_) | Err(SettingsError::Incompatible(_)) => Ok(settings),
        Err(error) => Err(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(points: &[Vec<GridValue>]) -> Vec<String> {
        points
            .iter()
            .map(|point| point.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn points_are_the_cartesian_product_last_key_fastest() {
        let grid: Grid = "ngrams=1..1,1..2; alpha=0.1,1 ;".parse().unwrap();
        assert_eq!(
            texts(&grid.points()),
            [
                "ngrams=1..1 alpha=0.1",
                "ngrams=1..1 alpha=1",
                "ngrams=1..2 alpha=0.1",
                "ngrams=1..2 alpha=1"
            ]
        );
        let one: Grid = "negation=on,off".parse().unwrap();
        assert_eq!(one.points().len(), 2);
    }

    #[test]
    fn every_setting_is_a_key() {
        let grid: Grid = "ngrams=1..3;alpha=0.5;weighting=tfidf;variant=complement;stopwords=english,none;\
                          negation=on,off;min-df=2;max_df=0.9;max_features=all,100;stem=none,english;\
                          numbers=drop;l2=off;complement_norm=on;fold_accents=yes;priors=uniform;\
                          negation_scope=clause,narrow,narrow-refusals;function_word_ngrams=keep,drop;\
                          lead_words=0,8"
            .parse()
            .unwrap();
        assert_eq!(grid.axes().len(), SETTINGS.len());
        assert_eq!(grid.points().len(), 192);
        assert_eq!(grid.count(), 192);
        let too_long: Result<Grid, _> = "lead_words=1001".parse();
        assert!(too_long.unwrap_err().contains("from 0 to 1000"));
    }

    #[test]
    fn values_reach_the_settings() {
        let grid: Grid = "ngrams=1..1;alpha=0.5;negation=off;max_features=10;variant=complement;complement_norm=on"
            .parse()
            .unwrap();
        let mut settings = TrainingSettings::default();
        for value in &grid.points()[0] {
            value.apply(&mut settings).unwrap();
        }
        let valid = settings.check().unwrap();
        assert_eq!(
            valid.to_flags().join(" "),
            "--ngrams 1..1 --no-negation --max-features 10 --alpha 0.5 --variant complement --complement-norm"
        );
    }

    #[test]
    fn candidates_are_the_points_that_can_be_trained() {
        let grid: Grid = "variant=multinomial,complement;complement_norm=off,on".parse().unwrap();
        let mut base = TrainingSettings::default();
        base.set("ngrams", "1..1").unwrap();
        let (candidates, skipped) = grid.candidates(&base);
        assert_eq!(candidates.len(), 3);
        assert!(candidates
            .iter()
            .all(|c| c.settings.features().analyzer.ngrams.max == 1));
        assert_eq!(
            texts(&[skipped[0].point.clone()]),
            ["variant=multinomial complement_norm=on"]
        );
        assert!(
            skipped[0].reason.contains("--variant complement"),
            "{}",
            skipped[0].reason
        );
    }

    #[test]
    fn bad_grids_name_the_bad_key_or_value() {
        for (spec, expected) in [
            ("", "empty"),
            ("ngrams", "expected KEY=VALUE"),
            ("gamma=1,2", "unknown key `gamma`"),
            ("--alpha=1", "unknown key `--alpha`"),
            ("alpha=0.1,abc", "bad value `abc` for key `alpha`"),
            ("alpha=0", "bad value `0` for key `alpha`"),
            ("alpha=-1", "bad value `-1` for key `alpha`"),
            ("ngrams=2..1", "bad value `2..1` for key `ngrams`"),
            ("weighting=bm25", "bad value `bm25`"),
            ("negation=maybe", "bad value `maybe` for key `negation`"),
            ("max_df=1.5", "bad value `1.5` for key `max_df`"),
            ("max_features=0", "bad value `0` for key `max_features`"),
            (
                "stopwords=no-such-file.txt",
                "bad value `no-such-file.txt` for key `stopwords`",
            ),
            ("priors=a=0.5", "bad value `a=0.5` for key `priors`"),
            ("alpha=1;alpha=2", "key `alpha` is given twice"),
            ("alpha=1,1.0", "value `1.0` is given twice"),
            ("alpha=1,", "empty value for key `alpha`"),
        ] {
            let error = spec.parse::<Grid>().unwrap_err();
            assert!(error.contains(expected), "{spec}: {error}");
        }
    }
}
