//! The built-in models: both by default, one with --task, --version, --label-map in eval.

use super::common::{json_lines, stderr_of_failure, stdout, tsv, Sandbox};

const NEWS: &str = "\
id\ttext
n1\tArtillery and air strikes pounded the city as the offensive continued.
n2\tNegotiators welcomed the agreement and praised the progress of the peace talks.
";

#[test]
fn both_models_run_without_a_model_flag() {
    let sandbox = Sandbox::new();
    sandbox.write("news.tsv", NEWS);

    let text = stdout(sandbox.stance().args(["predict", "news.tsv"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("n1\tstance: "), "{text}");
    assert!(lines[0].contains("\tsentiment: "), "{text}");

    let (header, rows) = tsv(&stdout(
        sandbox.stance().args(["predict", "news.tsv", "--format", "tsv"]),
    ));
    assert_eq!(
        header,
        [
            "id",
            "stance",
            "stance_probability",
            "sentiment",
            "sentiment_probability"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert!(["military", "negotiation", "neutral"].contains(&rows[0][1].as_str()));
    assert!(["positive", "negative", "neutral"].contains(&rows[0][3].as_str()));

    let json = json_lines(&stdout(
        sandbox.stance().args(["predict", "news.tsv", "--format", "json"]),
    ));
    assert_eq!(json.len(), 2);
    let keys: Vec<&str> = json[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 3);
    assert_eq!(json[0]["id"], "n1");
    for task in ["stance", "sentiment"] {
        let sub = &json[0][task];
        assert!(sub["label"].is_string() && sub["probability"].is_number(), "{sub}");
        assert_eq!(sub["probabilities"].as_object().unwrap().len(), 3, "{sub}");
    }
    assert_eq!(json[0]["stance"]["label"], "military");
    assert_eq!(json[1]["stance"]["label"], "negotiation");

    let explained = json_lines(&stdout(sandbox.stance().args([
        "predict",
        "news.tsv",
        "--format",
        "json",
        "--explain",
        "2",
        "--top-k",
        "2",
    ])));
    for task in ["stance", "sentiment"] {
        assert!(explained[0][task]["evidence"].is_array());
        assert_eq!(explained[0][task]["top_k"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn one_built_in_model_with_task() {
    let sandbox = Sandbox::new();
    sandbox.write("news.tsv", NEWS);
    let (header, _) = tsv(&stdout(sandbox.stance().args([
        "predict",
        "--task",
        "sentiment",
        "news.tsv",
        "--format",
        "tsv",
    ])));
    assert_eq!(
        header,
        ["id", "label", "probability", "p_negative", "p_neutral", "p_positive"]
    );
    let (header, _) = tsv(&stdout(
        sandbox
            .stance()
            .args(["predict", "--task", "stance", "news.tsv", "--format", "tsv"]),
    ));
    assert_eq!(header[3..], ["p_military", "p_negotiation", "p_neutral"]);
}

#[test]
fn version_shows_each_models_fingerprint() {
    let sandbox = Sandbox::new();
    let version = stdout(sandbox.stance().arg("--version"));
    assert!(
        version.starts_with(&format!("stance {}\n", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    for task in ["stance", "sentiment"] {
        let line = version
            .lines()
            .find(|line| line.starts_with(&format!("  {task} ")))
            .unwrap_or_else(|| panic!("{task} in {version}"));
        let fingerprint = line.split_whitespace().nth(2).unwrap().trim_end_matches(',');
        let (hash, documents) = fingerprint.split_once('-').unwrap();
        assert_eq!(hash.len(), 16, "{line}");
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
        assert!(documents.parse::<u64>().unwrap() > 0, "{line}");
        assert!(line.contains("documents"), "{line}");
    }
    assert_eq!(version, stdout(sandbox.stance().arg("-V")));
}

#[test]
fn label_map_lets_the_sentiment_model_read_pos_and_neg() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "polarity.tsv",
        "label\ttext\n\
         pos\tA moving, beautifully acted film that I loved.\n\
         neg\tA dull, tedious mess with a terrible script.\n",
    );
    let json = stdout(sandbox.stance().args([
        "eval",
        "--task",
        "sentiment",
        "polarity.tsv",
        "--format",
        "json",
        "--label-map",
        "pos=positive,neg=negative",
    ]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["n_documents"], 2);
    assert_eq!(report["per_class"]["positive"]["support"], 1);

    let error = stderr_of_failure(
        sandbox.stance().args(["eval", "--task", "sentiment", "polarity.tsv"]),
        1,
    );
    assert!(
        error.starts_with("stance: error: polarity.tsv:2: label `pos`"),
        "{error}"
    );
    assert!(error.contains("--label-map"), "{error}");
}
