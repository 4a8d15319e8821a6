//! Every entry of the library's table of training settings, end to end: its flag trains a model
//! whose `inspect` shows the value (JSON, text and train flags), its name is a key of `tune
//! --grid` that reaches the ranking and the printed command, and a model trained with it does not
//! merge with a model trained with the defaults. A new entry is checked here by adding its example.

use serde_json::Value;
use stance_model::{Setting, TrainingSettings, ValueKind, SETTINGS};

use super::common::{stderr_of_failure, stdout, Sandbox, TRAIN_TSV};

/// A value other than the default for every setting, as its flag (or the grid) takes it.
const EXAMPLES: &[(&str, &str)] = &[
    ("ngrams", "1..3"),
    ("stem", "none"),
    ("stopwords", "stop.txt"),
    ("negation", "off"),
    ("negation_scope", "narrow"),
    ("function_word_ngrams", "drop"),
    ("lead_words", "4"),
    ("numbers", "keep"),
    ("fold_accents", "on"),
    ("min_df", "2"),
    ("max_df", "0.9"),
    ("max_features", "50"),
    ("weighting", "binary"),
    ("l2", "on"),
    ("alpha", "0.5"),
    ("variant", "bernoulli"),
    ("complement_norm", "on"),
    ("priors", "uniform"),
];

/// What `setting`'s example needs besides itself to be trained (complement_norm needs complement).
fn companions(setting: &Setting) -> Vec<&'static str> {
    match setting.name() {
        "complement_norm" => vec!["--variant", "complement"],
        _ => Vec::new(),
    }
}

/// The command-line words that set `setting` to `value`.
fn flags(setting: &Setting, value: &str) -> Vec<String> {
    match (setting.kind(), value, setting.off_flag()) {
        (ValueKind::Switch, "on", _) => vec![setting.flag().to_string()],
        (ValueKind::Switch, _, Some((off, _))) => vec![off.to_string()],
        (ValueKind::Switch, ..) => panic!("{}: a switch's example is on, or off with an off flag", setting.name()),
        _ => vec![setting.flag().to_string(), value.to_string()],
    }
}

fn inspect_json(sandbox: &Sandbox, model: &str) -> Value {
    serde_json::from_str(&stdout(sandbox.stance().args(["inspect", model, "--format", "json"]))).unwrap()
}

/// The rows of `inspect`'s text that show settings.
fn settings_rows(sandbox: &Sandbox, model: &str) -> Vec<String> {
    stdout(sandbox.stance().args(["inspect", model, "--top", "0"]))
        .lines()
        .filter(|line| {
            ["analysis", "pruning", "weighting", "naive Bayes"].contains(&line.trim().split("  ").next().unwrap())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_setting_reaches_train_inspect_tune_and_merge() {
    assert_eq!(EXAMPLES.len(), SETTINGS.len(), "one example per setting");
    let sandbox = Sandbox::new();
    sandbox.write("train.tsv", TRAIN_TSV);
    sandbox.write("stop.txt", "the\nof\n# a comment\n");
    sandbox
        .stance()
        .args(["train", "train.tsv", "-o", "default.model", "--quiet"])
        .assert()
        .success();
    let default_json = inspect_json(&sandbox, "default.model");
    let default_rows = settings_rows(&sandbox, "default.model");

    for setting in SETTINGS.iter() {
        let name = setting.name();
        let (_, value) = EXAMPLES.iter().find(|(n, _)| *n == name).expect("an example");
        let section = setting.section().key();
        let model = format!("{name}.model");
        let mut words = flags(setting, value);
        words.extend(companions(setting).iter().map(ToString::to_string));

        // Train with the flag; inspect shows the value as the library reads it.
        sandbox
            .stance()
            .args(["train", "train.tsv", "-o", &model, "--quiet"])
            .args(&words)
            .assert()
            .success();
        let mut expected = TrainingSettings::default();
        let mut parts = words.iter();
        while let Some(flag) = parts.next() {
            let entry = Setting::named(flag)
                .or_else(|| {
                    SETTINGS
                        .iter()
                        .find(|s| s.off_flag().map(|(off, _)| off) == Some(flag.as_str()))
                })
                .unwrap();
            let text = match entry.kind() {
                ValueKind::Switch if entry.flag() == flag => "on".to_string(),
                ValueKind::Switch => "off".to_string(),
                _ => parts.next().unwrap().clone(),
            };
            let text = match entry.name() {
                "stopwords" => sandbox.path(&text).display().to_string(),
                _ => text,
            };
            entry.set(&mut expected, &text).unwrap();
        }
        let json = inspect_json(&sandbox, &model);
        assert_eq!(
            json[section][name],
            setting.to_json(&expected.check().unwrap()),
            "{name}"
        );
        assert_ne!(json[section][name], default_json[section][name], "{name}");
        let train_flags: Vec<String> = serde_json::from_value(json["train_flags"].clone()).unwrap();
        assert!(train_flags.contains(&words[0]), "{name}: {train_flags:?}");
        assert_ne!(
            settings_rows(&sandbox, &model),
            default_rows,
            "{name}: inspect's text shows it"
        );

        // A key of the grid: tune runs it and prints it in the best command line.
        let grid = format!("{name}={value}");
        let tuned: Value = serde_json::from_str(&stdout(
            sandbox
                .stance()
                .args([
                    "tune",
                    "train.tsv",
                    "--folds",
                    "2",
                    "--quiet",
                    "--format",
                    "json",
                    "--grid",
                    &grid,
                ])
                .args(companions(setting)),
        ))
        .unwrap();
        let best = &tuned["ranking"][0];
        assert_eq!(best["settings"][name], *value, "{name}: {tuned}");
        let best_flags: Vec<String> = serde_json::from_value(best["flags"].clone()).unwrap();
        assert!(best_flags.contains(&words[0]), "{name}: {best_flags:?}");

        // A model trained with it does not merge with the defaults, and says why.
        let error = stderr_of_failure(
            sandbox
                .stance()
                .args(["merge", "default.model", &model, "-o", "merged.model"]),
            1,
        );
        assert!(error.contains(&words[0]), "{name}: {error}");
    }
}
