//! Every entry of the table: read, shown, defaulted and turned into flags the same way.

use super::*;

/// A value other than the default for each setting, and how it shows once set.
const EXAMPLES: &[(&str, &str, &str)] = &[
    ("ngrams", "1..3", "1..3"),
    ("stem", "None", "none"),
    ("stopwords", "English", "english"),
    ("negation", "off", "off"),
    ("negation_scope", "narrow_refusals", "narrow-refusals"),
    ("function_word_ngrams", "DROP", "drop"),
    ("lead_words", "8", "8"),
    ("numbers", "keep", "keep"),
    ("fold_accents", "yes", "on"),
    ("min_df", "2", "2"),
    ("max_df", "0.5", "0.5"),
    ("max_features", "100", "100"),
    ("weighting", "tf-idf", "tfidf"),
    ("l2", "on", "on"),
    ("alpha", "0.50", "0.5"),
    ("variant", "complement", "complement"),
    ("complement_norm", "on", "on"),
    ("priors", "a=0.25, b=0.75", "a=0.25,b=0.75"),
];

fn example(setting: &Setting) -> (&'static str, &'static str) {
    let (_, value, shown) = EXAMPLES
        .iter()
        .find(|(name, ..)| *name == setting.name())
        .unwrap_or_else(|| panic!("give the new setting `{}` an example here", setting.name()));
    (value, shown)
}

/// `settings` with what `setting`'s example needs to be valid (complement_norm needs complement).
fn with_example(setting: &Setting) -> ValidTrainingSettings {
    let mut settings = TrainingSettings::default();
    if setting.name() == "complement_norm" {
        settings.set("variant", "complement").unwrap();
    }
    setting.set(&mut settings, example(setting).0).unwrap();
    settings.check().unwrap()
}

#[test]
fn names_and_flags_are_unique_and_spelled_alike() {
    for (index, setting) in SETTINGS.iter().enumerate() {
        assert_eq!(setting.flag(), format!("--{}", setting.name().replace('_', "-")));
        assert_eq!(Setting::named(setting.name()).unwrap().name(), setting.name());
        assert_eq!(Setting::named(setting.flag()).unwrap().name(), setting.name());
        assert!(SETTINGS[..index].iter().all(|other| other.name() != setting.name()));
        assert!(setting.help().ends_with('.'), "{}", setting.name());
        assert_eq!(setting.value_name().is_empty(), setting.kind() == ValueKind::Switch);
    }
    assert_eq!(EXAMPLES.len(), SETTINGS.len(), "one example per setting");
}

#[test]
fn every_default_reads_back_as_itself() {
    let default = ValidTrainingSettings::default();
    for setting in SETTINGS.iter() {
        let mut settings = TrainingSettings::default();
        setting.set(&mut settings, &setting.default_value()).unwrap();
        assert_eq!(settings, TrainingSettings::default(), "{}", setting.name());
        assert_eq!(setting.show(&default), setting.default_value());
    }
    assert!(default.to_flags().is_empty());
}

#[test]
fn every_setting_reads_shows_and_becomes_flags() {
    let default = ValidTrainingSettings::default();
    for setting in SETTINGS.iter() {
        let (_, shown) = example(setting);
        let settings = with_example(setting);
        assert_eq!(setting.show(&settings), shown, "{}", setting.name());
        assert_ne!(
            shown,
            setting.default_value(),
            "{}: the example is the default",
            setting.name()
        );
        assert_eq!(settings.get(setting.name()).as_deref(), Some(shown));

        // Its flags, read back, give the same settings.
        let flags = settings.to_flags();
        assert!(flags.contains(&setting.flag().to_string()) || setting.off_flag().is_some());
        let mut again = TrainingSettings::default();
        let mut words = flags.iter().peekable();
        while let Some(flag) = words.next() {
            let entry = SETTINGS
                .iter()
                .find(|s| s.flag() == flag || s.off_flag().map(|(off, _)| off) == Some(flag.as_str()))
                .unwrap();
            let value = match entry.kind() {
                ValueKind::Switch if entry.flag() == flag => "on".to_string(),
                ValueKind::Switch => "off".to_string(),
                _ => words.next().unwrap().clone(),
            };
            entry.set(&mut again, &value).unwrap();
        }
        assert_eq!(again.check().unwrap(), settings, "{}: {flags:?}", setting.name());

        // The difference from the defaults is this setting (and what its example needed).
        let differences: Vec<&str> = settings.differences(&default).iter().map(|s| s.name()).collect();
        assert!(differences.contains(&setting.name()), "{differences:?}");

        // JSON holds the kind's type.
        let json = setting.to_json(&settings);
        match setting.kind() {
            ValueKind::Switch => assert!(json.is_boolean()),
            ValueKind::Count | ValueKind::Number => assert!(json.is_number(), "{json}"),
            ValueKind::Text => assert!(json.is_string()),
        }
    }
}

#[test]
fn showing_a_default_setting_writes_its_flag() {
    let default = ValidTrainingSettings::default();
    assert_eq!(
        default.flags_showing(&["alpha", "negation", "l2", "max_features"]),
        ["--negation", "--max-features", "all", "--alpha", "1"]
    );
}

#[test]
fn bad_values_and_combinations_are_refused() {
    let mut settings = TrainingSettings::default();
    for (name, value, expected) in [
        ("ngrams", "2..1", "bad value `2..1` for --ngrams"),
        ("alpha", "often", "bad value `often` for --alpha: expected a number"),
        ("max_features", "-1", ">= 1, or all"),
        ("lead_words", "1001", "from 0 to 1000"),
        (
            "stopwords",
            "no/such/file",
            "cannot read the stop-word list no/such/file",
        ),
        ("negation", "maybe", "expected on or off"),
        ("gamma", "1", "unknown setting `gamma`; the settings are ngrams, stem"),
    ] {
        let error = settings.set(name, value).unwrap_err().to_string();
        assert!(error.contains(expected), "{name}={value}: {error}");
    }
    assert_eq!(settings, TrainingSettings::default(), "a refused value changes nothing");

    // Read, but refused by the rules of the setting.
    for (name, value, expected) in [
        ("alpha", "0", "alpha must be a finite number > 0"),
        ("max_features", "0", "max_features"),
        ("priors", "a=0.5,b=0.6", "sum to"),
    ] {
        let mut settings = TrainingSettings::default();
        settings.set(name, value).unwrap();
        let error = settings.check().unwrap_err();
        assert!(matches!(error, SettingsError::Model(_)), "{name}={value}: {error:?}");
        assert!(error.to_string().contains(expected), "{name}={value}: {error}");
    }

    // Each valid alone, refused together.
    settings.set("complement_norm", "on").unwrap();
    let error = settings.check().unwrap_err();
    assert!(matches!(error, SettingsError::Incompatible(_)));
    assert!(error.to_string().contains("--variant complement"));
    let mut tfidf_l2 = TrainingSettings::default();
    tfidf_l2.set("weighting", "tfidf").unwrap();
    tfidf_l2.set("l2", "on").unwrap();
    assert!(tfidf_l2.check().unwrap_err().to_string().contains("tf-idf with L2"));
}
