//! Sentences that a bag of words misreads (negation followed by a contrast, refusals under
//! negation, ruled-out talks): the built-in stance model must read each one's stance. The first
//! five come from the feature issue ("Real news, part 2"), the other ten were written for this
//! test before any data of their kind was added. None of them, nor a close paraphrase, is in the
//! training data: the second test checks word overlap against every file the default stance model
//! trains on (the written files always, the real-news texts when the shared folder is present).
//!
//! One sentence is still misread, and listed as such in [`KNOWN_MISREAD`]: the test fails if it
//! is misread no longer (move it back), or if any other sentence is misread.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// (sentence, the stance it leans toward).
const SENTENCES: [(&str, &str); 15] = [
    (
        "The president said he would not negotiate with terrorists but would defeat them on the battlefield.",
        "military",
    ),
    (
        "The ministers will not send troops but will push for a ceasefire at the summit.",
        "negotiation",
    ),
    (
        "This bombing will not weaken our nation but will strengthen our resolve to crush the militants.",
        "military",
    ),
    (
        "The rebel leader said he had never sent anyone to the talks and would never accept a truce.",
        "military",
    ),
    (
        "The rebel commander ruled out any talks and vowed to fight until the government falls.",
        "military",
    ),
    (
        "The army will not halt its offensive, the defence minister said, but will press on into the northern hills.",
        "military",
    ),
    (
        "Officials in the capital refused to order air strikes and instead invited the rebels to a round of talks in Oslo.",
        "negotiation",
    ),
    (
        "The junta spokesman insisted there would be no dialogue with the insurgents, only a campaign to wipe them out.",
        "military",
    ),
    (
        "The prime minister will not answer the shelling with force but will ask the mediators to reconvene.",
        "negotiation",
    ),
    (
        "Militia leaders dismissed the truce as a trick and promised fresh attacks on the garrison.",
        "military",
    ),
    (
        "The opposition would never join a war against its neighbour and called for an envoy to be sent at once.",
        "negotiation",
    ),
    (
        "The general said talks had failed and that his troops would now storm the city.",
        "military",
    ),
    (
        "The guerrilla council rejected the government's peace offer and ordered its units to keep fighting.",
        "military",
    ),
    (
        "The foreign minister said sending more soldiers would not end the war, and urged both sides to return to the negotiating table.",
        "negotiation",
    ),
    (
        "We did not come to these talks to surrender; we will take back every village by force, the rebel spokesman said.",
        "military",
    ),
];

/// The sentences of [`SENTENCES`] that the built-in model still misreads, with why: "never sent
/// anyone to the talks" is a boycott, but `NOT_sent` ("will not send troops") weighs toward
/// negotiation more than `REFUSE_truce` weighs against it (and the lead, `--lead-words`, reads
/// `NOT_sent` twice).
const KNOWN_MISREAD: &[&str] =
    &["The rebel leader said he had never sent anyone to the talks and would never accept a truce."];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_built_in_stance_model_reads_each_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sentences.tsv");
    let mut table = String::from("id\ttext\n");
    for (i, (text, _)) in SENTENCES.iter().enumerate() {
        table.push_str(&format!("s{}\t{text}\n", i + 1));
    }
    std::fs::write(&input, table).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(["predict", "--task", "stance", "--format", "tsv"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let surprises: Vec<String> = stdout
        .lines()
        .skip(1)
        .zip(SENTENCES)
        .filter_map(|(row, (text, expected))| {
            let fields: Vec<&str> = row.split('\t').collect();
            let misread = fields[1] != expected;
            let known = KNOWN_MISREAD.contains(&text);
            (misread != known).then(|| {
                let what = if known { "now read right" } else { "misread" };
                format!("{what}: {text} -> {} {} (expected {expected})", fields[1], fields[2])
            })
        })
        .collect();
    assert_eq!(stdout.lines().count(), SENTENCES.len() + 1, "{stdout}");
    assert!(KNOWN_MISREAD
        .iter()
        .all(|known| SENTENCES.iter().any(|(text, _)| text == known)));
    assert!(surprises.is_empty(), "{}", surprises.join("\n"));
}

/// The lowercase words of `text` (letters, digits and apostrophes).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words too common to say that two texts share wording.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "he", "she", "it",
    "they", "we", "his", "her", "its", "their", "our", "would", "will", "not", "no", "never", "said", "that", "this",
    "be", "was", "were", "had", "has", "have", "is", "are", "any", "all", "as", "into", "only", "there", "these",
    "then", "now", "more", "both", "every",
];

/// The longest run of consecutive words two texts may share: stock phrases of reporting ("the
/// president said he would not") are six words long; a copied clause is longer.
const LONGEST_SHARED_RUN: usize = 7;

/// Why `passage` is too close to `sentence`, if it is: more than [`LONGEST_SHARED_RUN`]
/// consecutive words in common, or three fifths of the sentence's content words.
fn too_close(sentence: &[String], passage: &[String]) -> Option<String> {
    let run_length = LONGEST_SHARED_RUN + 1;
    let runs: HashSet<&[String]> = passage.windows(run_length).collect();
    if let Some(run) = sentence.windows(run_length).find(|run| runs.contains(run)) {
        return Some(format!("shares the words \"{}\"", run.join(" ")));
    }
    let content: HashSet<&String> = sentence
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    let theirs: HashSet<&String> = passage.iter().collect();
    let shared = content.iter().filter(|w| theirs.contains(*w)).count();
    (shared * 5 >= content.len() * 3).then(|| format!("shares {shared} of {} content words", content.len()))
}

/// The text column of every row of a TSV file with a header.
fn texts_of(path: &Path, text_column: &str) -> Vec<String> {
    let table = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = header.iter().position(|c| *c == text_column).unwrap();
    lines
        .filter_map(|line| line.split('\t').nth(column).map(str::to_string))
        .collect()
}

#[test]
fn no_sentence_is_in_the_training_data() {
    let data = std::fs::read_to_string(root().join("models/stance.data")).unwrap();
    let mut files: Vec<PathBuf> = data
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(|line| root().join(line))
        .collect();
    assert!(!files.is_empty());
    let real = root().join("../shared/realnews/wikipedia-current-events.tsv");
    if real.exists() {
        files.push(real);
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing, and CI always has the shared folder",
            real.display()
        );
        eprintln!(
            "the real-news texts are absent ({}): checked the written files only",
            real.display()
        );
    }
    let sentences: Vec<Vec<String>> = SENTENCES.iter().map(|(text, _)| words(text)).collect();
    let mut close = Vec::new();
    for file in &files {
        for passage in texts_of(file, "text") {
            let passage_words = words(&passage);
            for (sentence, (text, _)) in sentences.iter().zip(SENTENCES) {
                if let Some(why) = too_close(sentence, &passage_words) {
                    close.push(format!("{}: {why}: {text}", file.display()));
                }
            }
        }
    }
    assert!(close.is_empty(), "{}", close.join("\n"));
}

#[test]
fn the_overlap_check_finds_a_paraphrase() {
    let sentence = words(SENTENCES[0].0);
    let paraphrase =
        words("The president said he would not negotiate with the terrorists, but would defeat them in battle.");
    assert!(too_close(&sentence, &paraphrase).is_some());
    let other = words(SENTENCES[1].0);
    assert!(too_close(&sentence, &other).is_none());
}
