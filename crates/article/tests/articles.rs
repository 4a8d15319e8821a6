//! Whole articles written for the project: segmentation, attribution, and (with small classifiers
//! trained inline) the stance of each speaker and of the article.

mod common;

use stance_article::attribution::{attribute, Via};
use stance_article::segment::segment;
use stance_article::{analyze, ArticleAnalysis};

fn speakers_by_sentence(text: &str) -> Vec<Option<String>> {
    let segmentation = segment(text);
    attribute(text, &segmentation)
        .speaker_names()
        .map(|name| name.map(str::to_string))
        .collect()
}

fn sentence_texts(text: &str) -> Vec<&str> {
    segment(text).sentences.iter().map(|s| s.text(text)).collect()
}

#[test]
fn standoff_is_segmented_around_abbreviations_and_decimals() {
    let sentences = sentence_texts(common::STANDOFF);
    assert_eq!(sentences.len(), 13, "{sentences:#?}");
    assert_eq!(
        sentences[0],
        "Vardan Minister Demands Offensive as Mediator Urges Talks"
    );
    assert_eq!(
        sentences[2],
        "The U.N. envoy, Dr. Lina Ferro, urged both sides to return to peace talks in St. Aubin on Jan. 5."
    );
    assert_eq!(sentences[3], "“We will crush the rebels.");
    assert_eq!(
        sentences[5],
        "The offensive begins at dawn,” Kastrel told reporters on Monday."
    );
    assert_eq!(
        sentences[6],
        "He said air strikes would hit the rebel camps within 3.5 hours."
    );
    assert_eq!(sentences[12], "Heavy rain fell on the capital on Tuesday.");
    let segmentation = segment(common::STANDOFF);
    let quotes: Vec<bool> = segmentation.sentences.iter().map(|s| s.quote.is_some()).collect();
    assert_eq!(
        quotes,
        [false, false, false, true, true, true, false, false, true, true, false, false, false]
    );
    assert!(segmentation.sentences[0].headline);
}

#[test]
fn standoff_speakers_follow_names_pronouns_quotes_and_roles() {
    let speakers = speakers_by_sentence(common::STANDOFF);
    let kastrel = Some("Oren Kastrel".to_string());
    let ferro = Some("Lina Ferro".to_string());
    let morn = Some("Isak Morn".to_string());
    assert_eq!(
        speakers,
        [
            None,            // headline
            kastrel.clone(), // Defence Minister Oren Kastrel has demanded that ...
            ferro.clone(),   // The U.N. envoy, Dr. Lina Ferro, urged ...
            kastrel.clone(), // “We will crush the rebels.          (quotation, attributed at its end)
            kastrel.clone(), // Our troops are ready.
            kastrel.clone(), // ... ,” Kastrel told reporters       (surname)
            kastrel.clone(), // He said ...                         (pronoun)
            ferro.clone(),   // Ferro, the chief mediator, argues   (surname, appositive)
            ferro.clone(),   // “...,” she said.                    (pronoun)
            ferro.clone(),   // “Both sides must ...”               (quotation continues the speaker)
            ferro.clone(),   // The mediator said ...               (role)
            morn,            // Rebel commander Gen. Isak Morn rejected ...
            None,            // rain
        ]
    );
    let segmentation = segment(common::STANDOFF);
    let attribution = attribute(common::STANDOFF, &segmentation);
    let via: Vec<Option<Via>> = attribution.sentences.iter().map(|a| a.map(|a| a.via)).collect();
    assert_eq!(via[3], Some(Via::Quote));
    assert_eq!(via[5], Some(Via::Name));
    assert_eq!(via[6], Some(Via::Pronoun));
    assert_eq!(via[9], Some(Via::Quote));
    assert_eq!(via[10], Some(Via::Role));
    let ferro = &attribution.speakers[1];
    assert_eq!(ferro.name, "Lina Ferro");
    assert_eq!(ferro.aliases, ["Dr. Lina Ferro", "Ferro", "The mediator"]);
    assert_eq!(ferro.roles, ["envoy", "chief mediator"]);
    let kastrel = &attribution.speakers[0];
    assert_eq!(kastrel.roles, ["defence minister"]);
    assert_eq!(kastrel.sentences, [1, 3, 4, 5, 6]);
}

#[test]
fn unnamed_sources_speak_by_description_and_shared_surnames_give_no_speaker() {
    let names = speakers_by_sentence(common::UNNAMED);
    assert_eq!(
        names,
        [
            Some("Officials".to_string()),
            Some("rebel spokesman".to_string()),
            Some("rebel spokesman".to_string()),
            None,
            None
        ]
    );
}

#[test]
fn change_of_heart_keeps_one_speaker() {
    let speakers = speakers_by_sentence(common::CHANGE_OF_HEART);
    let reyk = Some("Tomas Reyk".to_string());
    assert_eq!(speakers, [None, reyk.clone(), reyk.clone(), None, reyk.clone(), reyk]);
}

fn analysis(text: &str) -> ArticleAnalysis {
    let (stance, sentiment) = common::classifiers();
    analyze(text, &stance, &sentiment)
}

#[test]
fn standoff_speakers_push_opposite_stances() {
    let analysis = analysis(common::STANDOFF);
    let kastrel = analysis.speaker("Oren Kastrel").expect("Kastrel speaks");
    let ferro = analysis.speaker("Ferro").expect("found by alias");
    assert_eq!(kastrel.stance, "military", "{kastrel:#?}");
    assert_eq!(ferro.stance, "negotiation", "{ferro:#?}");
    assert!(kastrel.confidence >= 0.6 && ferro.confidence >= 0.6);
    assert_eq!(
        analysis.speaker("Isak Morn").map(|s| s.stance.as_str()),
        Some("military")
    );
    assert!(analysis.article.mixed);
    assert_eq!(analysis.sentences[12].stance.label, "neutral");
    let shares: f64 = analysis.article.stance_shares.values().sum();
    assert!((shares - 1.0).abs() < 1e-9);
}

#[test]
fn change_of_heart_shows_in_the_vote() {
    let analysis = analysis(common::CHANGE_OF_HEART);
    let reyk = analysis.speaker("Tomas Reyk").expect("Reyk speaks");
    assert_eq!(reyk.sentences, [1, 2, 4, 5]);
    let labels: Vec<&str> = reyk
        .sentences
        .iter()
        .map(|&i| analysis.sentences[i].stance.label.as_str())
        .collect();
    assert_eq!(labels, ["military", "military", "negotiation", "negotiation"]);
    assert!(reyk.votes.contains_key("military") && reyk.votes.contains_key("negotiation"));
    assert!(reyk.confidence < 0.75, "{reyk:#?}");
}

#[test]
fn evidence_is_located_in_the_sentence() {
    let analysis = analysis(common::STANDOFF);
    let sentence = &analysis.sentences[1];
    assert_eq!(sentence.stance.label, "military");
    assert!(!sentence.stance.evidence.is_empty() && sentence.stance.evidence.len() <= 5);
    let located: Vec<&str> = sentence
        .stance
        .evidence
        .iter()
        .flat_map(|e| e.matches.iter())
        .map(|span| &common::STANDOFF[span.range()])
        .collect();
    assert!(located.contains(&"offensive"), "{located:?}");
    for span in sentence.stance.evidence.iter().flat_map(|e| &e.matches) {
        assert!(sentence.span.contains(*span));
    }
}

#[test]
fn renderings_are_deterministic_and_complete() {
    let first = analysis(common::STANDOFF);
    let second = analysis(common::STANDOFF);
    assert_eq!(first.to_json(), second.to_json());
    assert_eq!(first.to_html(), second.to_html());
    assert_eq!(first.to_text(), second.to_text());

    let json: serde_json::Value = serde_json::from_str(&first.to_json()).expect("valid JSON");
    assert_eq!(json["speakers"][0]["name"], "Oren Kastrel");
    assert_eq!(json["speakers"][0]["stance"], "military");
    assert_eq!(json["article"]["mixed"], true);
    assert!(json["article"]["stance"].is_string());
    assert_eq!(json["sentences"][6]["attribution"], "pronoun");
    assert_eq!(json["sentences"][3]["quote"], true);
    assert!(json["sentences"][1]["stance"]["probabilities"]["military"].is_f64());

    let text = first.to_text();
    assert!(text.starts_with("Article: stance "));
    assert!(text.contains("MIXED"));
    let speakers_at = text.find("Speakers").unwrap();
    let sentences_at = text.find("Sentences").unwrap();
    assert!(speakers_at < sentences_at);
    assert!(text[speakers_at..sentences_at].contains("Oren Kastrel"));

    let html = first.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("class=\"legend\""));
    assert!(html.contains("<table>"));
    assert!(html.contains("Vardan&#39;s Defence Minister"));
    assert!(html.contains("title=\"Sentence 6 · stance"));
}

/// A writer that takes `room` bytes, then fails.
struct Full {
    room: usize,
    written: Vec<u8>,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written.len() + buf.len() > self.room {
            return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full"));
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn renderings_written_as_they_go_equal_the_whole_ones_and_report_write_errors() {
    let analysis = analysis(common::STANDOFF);
    let mut text = Vec::new();
    analysis.write_text(&mut text).unwrap();
    assert_eq!(String::from_utf8(text).unwrap(), analysis.to_text());
    let mut html = Vec::new();
    analysis.write_html(&mut html).unwrap();
    assert_eq!(String::from_utf8(html).unwrap(), analysis.to_html());
    let mut full = Full {
        room: 100,
        written: Vec::new(),
    };
    let error = analysis.write_html(&mut full).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::StorageFull);
    assert!(full.written.len() <= 100);
}

#[test]
fn markup_in_the_article_is_escaped() {
    let text = "Crisis <b>Talks</b> & \"Truce\"\n\nThe envoy said <script>alert(1)</script> talks resume.";
    let html = analysis(text).to_html();
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;") && html.contains("&amp;"));
}

#[test]
fn empty_article() {
    let analysis = analysis("");
    assert!(analysis.sentences.is_empty() && analysis.speakers.is_empty());
    assert_eq!(analysis.article.stance, "neutral");
    assert!(!analysis.article.mixed);
    assert!(analysis.to_html().contains("No speaker found"));
    assert!(analysis.to_text().contains("(none found)"));
}
