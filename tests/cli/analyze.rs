//! `stance analyze`: whole articles with the built-in models.

use super::common::{json_lines, stderr_of_failure, stdout, Sandbox};

/// The example article written for the project (a defence minister demands an offensive, a
/// mediator urges talks).
fn article(sandbox: &Sandbox) -> std::path::PathBuf {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/article.txt")).unwrap();
    sandbox.write("article.txt", text)
}

#[test]
fn json_names_the_speakers_their_stances_and_a_mixed_article() {
    let sandbox = Sandbox::new();
    article(&sandbox);
    let out = stdout(sandbox.stance().args(["analyze", "--format", "json", "article.txt"]));
    let objects = json_lines(&out);
    assert_eq!(objects.len(), 1);
    let analysis = &objects[0];
    assert_eq!(analysis["id"], "article.txt");
    let stance_of = |name: &str| {
        analysis["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} is a speaker: {}", analysis["speakers"]))["stance"]
            .clone()
    };
    assert_eq!(stance_of("Tomas Arvelo"), "military");
    assert_eq!(stance_of("Ines Kadar"), "negotiation");
    assert_eq!(analysis["article"]["mixed"], true);
    assert!(analysis["sentences"].as_array().unwrap().len() >= 10);
}

#[test]
fn text_and_html_show_the_same_verdict() {
    let sandbox = Sandbox::new();
    article(&sandbox);
    let text = stdout(sandbox.stance().args(["analyze", "article.txt"]));
    assert!(text.starts_with("Article: stance "), "{text}");
    assert!(text.contains("MIXED") && text.contains("Tomas Arvelo") && text.contains("Ines Kadar"));
    sandbox
        .stance()
        .args(["analyze", "--format", "html", "-o", "page.html", "article.txt"])
        .assert()
        .success();
    let html = std::fs::read_to_string(sandbox.path("page.html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..40]
    );
    assert!(html.contains("Ines Kadar"));
}

#[test]
fn several_articles_in_json_give_one_line_each_and_html_wants_one() {
    let sandbox = Sandbox::new();
    article(&sandbox);
    sandbox.write("short.txt", "The envoy said talks would resume on Monday.");
    let out = stdout(
        sandbox
            .stance()
            .args(["analyze", "--format", "json", "article.txt", "short.txt"]),
    );
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["article.txt", "short.txt"]);
    let err = stderr_of_failure(
        sandbox
            .stance()
            .args(["analyze", "--format", "html", "article.txt", "short.txt"]),
        2,
    );
    assert!(err.contains("one article"), "{err}");
}

#[test]
fn a_missing_article_or_model_is_a_runtime_error() {
    let sandbox = Sandbox::new();
    let err = stderr_of_failure(sandbox.stance().args(["analyze", "nowhere.txt"]), 1);
    assert!(err.contains("nowhere.txt"), "{err}");
    article(&sandbox);
    let err = stderr_of_failure(
        sandbox
            .stance()
            .args(["analyze", "--stance-model", "none.model", "article.txt"]),
        1,
    );
    assert!(err.contains("none.model"), "{err}");
}

#[test]
fn tsv_gives_a_row_per_article_and_speaker_and_one_for_the_verdict() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(article(&sandbox)).unwrap();
    sandbox.write("corpus/a.txt", &text);
    sandbox.write("corpus/deeper/b.txt", &text);
    let out = stdout(sandbox.stance().args(["analyze", "--format", "tsv", "corpus"]));
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "article",
            "speaker",
            "kind",
            "sentences",
            "stance",
            "stance_probability",
            "sentiment",
            "sentiment_probability"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 8), "{out}");
    let verdicts: Vec<&Vec<&str>> = rows.iter().filter(|r| r[1] == "*ARTICLE*").collect();
    assert_eq!(verdicts.len(), 2, "{out}");
    assert!(verdicts.iter().all(|r| r[2] == "article" && r[4] == "mixed"), "{out}");
    let arvelo: Vec<&Vec<&str>> = rows.iter().filter(|r| r[1] == "Tomas Arvelo").collect();
    assert_eq!(arvelo.len(), 2);
    assert_eq!((arvelo[0][2], arvelo[0][4]), ("person", "military"));
    assert!(["positive", "negative", "neutral"].contains(&arvelo[0][6]));
    let p: f64 = arvelo[0][5].parse().unwrap();
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn summary_merges_a_speaker_across_articles() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(article(&sandbox)).unwrap();
    sandbox.write("corpus/a.txt", &text);
    sandbox.write("corpus/b.txt", &text);
    sandbox.write(
        "corpus/c.txt",
        "On Friday Arvelo said that the army would press the offensive into the hills. \
         He added that the air force would strike the rebel camps at dawn.",
    );
    let out = stdout(
        sandbox
            .stance()
            .args(["analyze", "--format", "tsv", "--summary", "corpus"]),
    );
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][..5], ["speaker", "kind", "articles", "sentences", "stance"]);
    let arvelo = rows.iter().find(|r| r[0] == "Tomas Arvelo").expect(&out);
    assert_eq!(arvelo[2], "3", "two full articles and one that says only Arvelo: {out}");
    assert!(arvelo[9].contains("Arvelo"), "{out}");
    assert_eq!(arvelo[4], "military");
    assert!(!rows.iter().any(|r| r[0] == "Arvelo"), "{out}");
    let json = json_lines(&stdout(sandbox.stance().args([
        "analyze",
        "--format",
        "json",
        "--summary",
        "corpus",
    ])));
    assert_eq!(json.len(), rows.len() - 1);
    assert!(json.iter().any(|s| s["name"] == "Tomas Arvelo" && s["articles"] == 3));
    let error = stderr_of_failure(
        sandbox
            .stance()
            .args(["analyze", "--format", "html", "--summary", "corpus"]),
        2,
    );
    assert!(error.contains("--summary is a table"), "{error}");
}

#[test]
fn a_saved_web_page_is_read_as_its_article_text() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(article(&sandbox)).unwrap();
    let mut paragraphs = text.trim().split("\n\n");
    let headline = paragraphs.next().unwrap();
    let body: String = paragraphs
        .map(|p| format!("<p>{}</p>", p.replace('"', "&quot;")))
        .collect();
    sandbox.write(
        "page.html",
        format!(
            "<html><head><title>Site</title><script>var x = \"the minister said\";</script></head>\
             <body><nav>Home | World | Contact</nav><article><h1>{headline}</h1>{body}</article>\
             <footer>All rights reserved</footer></body></html>"
        ),
    );
    let speakers = |file: &str| {
        let out = stdout(sandbox.stance().args(["analyze", "--format", "json", file]));
        let analysis = &json_lines(&out)[0];
        (
            analysis["speakers"].clone(),
            analysis["sentences"].as_array().unwrap().len(),
        )
    };
    assert_eq!(speakers("page.html"), speakers("article.txt"));
}
