//! Crash safety of the commands that write models: `stance train`, `merge` and `update`, killed
//! with SIGKILL at a random (seeded) moment, leave at their output path either nothing (a new
//! output), the previous file byte for byte, or the complete new model (the kill came after the
//! rename) — never a partial file. A kill may leave a hidden temporary file (`.stance-XXXXXX.tmp`
//! during the write, `.stance-PID.probe` during the check of the output directory); it is never
//! read, and the next write into the directory removes those older than an hour.
//!
//! SIGINT, SIGTERM and SIGHUP, unlike SIGKILL, can be caught: sent while the model is being
//! written, they remove the temporary file and end the run as the signal does.
//!
//! Each run works on a generated corpus sized so that an uninterrupted run takes a good fraction of
//! a second; the loop stops after 30 kills or 20 seconds, whichever comes first. Run with
//! `--nocapture` to see the outcomes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use stance_model::Classifier;

const STANCE: &str = env!("CARGO_BIN_EXE_stance");
const ITERATIONS: usize = 30;
const TIME_BUDGET: Duration = Duration::from_secs(20);

/// SplitMix64: seeded, the same delays on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A labeled TSV corpus of `rows` rows of invented words: each label draws most words from its own
/// part of a vocabulary of some 20,000 words (so the models are large, as real ones are).
fn corpus(rows: usize, seed: u64) -> String {
    const LABELS: [&str; 3] = ["military", "negotiation", "neutral"];
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "ba", "qu", "ze", "ti", "po", "ga", "fe", "ho", "ju",
        "xa", "wy", "ce", "mo", "ri", "an",
    ];
    let word = |i: u64| -> String {
        let (a, b, c) = (i % 24, (i / 24) % 24, (i / 576) % 36);
        format!("{}{}{c}", SYLLABLES[a as usize], SYLLABLES[b as usize])
    };
    let mut rng = Rng(seed);
    let mut text = String::from("label\ttext\n");
    for row in 0..rows {
        let label = row % LABELS.len();
        text.push_str(LABELS[label]);
        text.push('\t');
        for k in 0..40 {
            let i = if rng.below(3) == 0 {
                rng.below(20_000)
            } else {
                label as u64 * 6_000 + rng.below(6_000)
            };
            if k > 0 {
                text.push(' ');
            }
            text.push_str(&word(i));
        }
        text.push_str(".\n");
    }
    text
}

fn stance(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(STANCE);
    command
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Runs to the end, successfully; returns how long it took.
fn run(dir: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = stance(dir, args).status().unwrap();
    assert!(status.success(), "{args:?}: {status}");
    start.elapsed()
}

/// One command writing one model file, and what may be found there after a kill.
struct Scenario {
    name: &'static str,
    args: Vec<&'static str>,
    output: &'static str,
    /// The file at the output path before each run, if any.
    previous: Option<Vec<u8>>,
    /// What an uninterrupted run writes (training is deterministic).
    complete: Vec<u8>,
    /// How long an uninterrupted run takes.
    duration: Duration,
}

/// What a kill left at the output path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Absent,
    PreviousIntact,
    CompleteNew,
}

/// The hidden temporary files of stance in `dir`.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().unwrap().to_string_lossy().starts_with(".stance-"))
        .collect();
    found.sort();
    found
}

#[test]
fn killing_train_merge_or_update_never_leaves_a_partial_model() {
    let sandbox = tempfile::tempdir().unwrap();
    let dir = sandbox.path();
    fs::write(dir.join("a.tsv"), corpus(6_000, 1)).unwrap();
    fs::write(dir.join("b.tsv"), corpus(4_000, 2)).unwrap();
    fs::write(dir.join("small.tsv"), corpus(30, 3)).unwrap();

    // Uninterrupted runs: the complete outputs and their durations.
    let read = |name: &str| fs::read(dir.join(name)).unwrap();
    let train = run(dir, &["train", "a.tsv", "-o", "a.model", "-q"]);
    run(dir, &["train", "b.tsv", "-o", "b.model", "-q"]);
    run(dir, &["train", "small.tsv", "-o", "small.model", "-q"]);
    let merge = run(dir, &["merge", "a.model", "b.model", "-o", "merged.model", "-q"]);
    fs::copy(dir.join("a.model"), dir.join("live.model")).unwrap();
    let update = run(dir, &["update", "-m", "live.model", "b.tsv", "-o", "live.model", "-q"]);
    let (a, small) = (read("a.model"), read("small.model"));
    let scenarios = [
        Scenario {
            name: "train into a new file",
            args: vec!["train", "a.tsv", "-o", "new.model", "-q"],
            output: "new.model",
            previous: None,
            complete: a.clone(),
            duration: train,
        },
        Scenario {
            name: "train over an existing model",
            args: vec!["train", "a.tsv", "-o", "old.model", "-q"],
            output: "old.model",
            previous: Some(small.clone()),
            complete: a.clone(),
            duration: train,
        },
        Scenario {
            name: "merge over an existing model",
            args: vec!["merge", "a.model", "b.model", "-o", "merged.model", "-q"],
            output: "merged.model",
            previous: Some(small),
            complete: read("merged.model"),
            duration: merge,
        },
        Scenario {
            name: "update in place",
            args: vec!["update", "-m", "live.model", "b.tsv", "-o", "live.model", "-q"],
            output: "live.model",
            previous: Some(a),
            complete: read("live.model"),
            duration: update,
        },
    ];
    for scenario in &scenarios {
        assert!(
            Classifier::from_bytes(&scenario.complete, Path::new(scenario.output)).is_ok(),
            "{}: the uninterrupted output loads",
            scenario.name
        );
    }
    eprintln!(
        "uninterrupted: train {:.2} s, merge {:.2} s, update {:.2} s; model {} bytes",
        train.as_secs_f64(),
        merge.as_secs_f64(),
        update.as_secs_f64(),
        scenarios[0].complete.len()
    );

    let mut rng = Rng(20_240_601);
    let mut outcomes: BTreeMap<(&str, Outcome), usize> = BTreeMap::new();
    let mut killed = 0;
    let mut finished = 0;
    let mut leftovers = Vec::new();
    let start = Instant::now();
    let mut iterations = 0;
    while iterations < ITERATIONS && start.elapsed() < TIME_BUDGET {
        let scenario = &scenarios[iterations % scenarios.len()];
        iterations += 1;
        let output = dir.join(scenario.output);
        match &scenario.previous {
            Some(bytes) => fs::write(&output, bytes).unwrap(),
            None => {
                let _ = fs::remove_file(&output);
            }
        }
        // Anywhere from the start to a little past the end of an uninterrupted run.
        let window = scenario.duration.as_micros() as u64 * 12 / 10;
        let delay = Duration::from_micros(rng.below(window.max(1)));
        let mut child = stance(dir, &scenario.args).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix; nothing if the run has ended.
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
        } else {
            killed += 1;
        }

        let outcome = match fs::read(&output) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                assert!(
                    scenario.previous.is_none(),
                    "{}: the previous file is gone after a kill at {delay:?}",
                    scenario.name
                );
                Outcome::Absent
            }
            Err(error) => panic!("{}: {error}", scenario.name),
            Ok(bytes) if Some(&bytes) == scenario.previous.as_ref() => Outcome::PreviousIntact,
            Ok(bytes) if bytes == scenario.complete => {
                assert!(
                    Classifier::load(&output).is_ok(),
                    "{}: a complete model loads",
                    scenario.name
                );
                Outcome::CompleteNew
            }
            Ok(bytes) => panic!(
                "{}: a kill at {delay:?} left {} bytes that are neither the previous file nor the complete model",
                scenario.name,
                bytes.len()
            ),
        };
        if status.success() {
            assert_eq!(
                outcome,
                Outcome::CompleteNew,
                "{}: a finished run wrote its model",
                scenario.name
            );
        }
        *outcomes.entry((scenario.name, outcome)).or_default() += 1;
        for path in temporaries(dir) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.ends_with(".tmp") || name.ends_with(".probe"),
                "an unexpected hidden file {name}"
            );
            if !leftovers.contains(&path) {
                leftovers.push(path);
            }
        }
    }
    eprintln!(
        "{iterations} runs in {:.1} s: {killed} killed, {finished} finished first",
        start.elapsed().as_secs_f64()
    );
    for ((name, outcome), n) in &outcomes {
        eprintln!("  {name}: {outcome:?} x{n}");
    }
    eprintln!("  temporary files left by kills: {}", leftovers.len());
    assert!(iterations >= 8, "too few runs in the time budget: {iterations}");
    assert!(killed > 0, "no run was killed");

    // Leftovers are never read; once older than an hour, the next write into the directory removes
    // them (and a fresh one, possibly another run's, is kept).
    let fresh = dir.join(stance_model::temporary_name("tmp"));
    fs::write(&fresh, b"another run's write in progress").unwrap();
    let stale = dir.join(stance_model::temporary_name("tmp"));
    fs::write(&stale, b"left by a kill").unwrap();
    // A user's own file that looks like ours, but is not one of our names: never removed.
    let users = dir.join(".stance-notes.tmp");
    fs::write(&users, b"my notes").unwrap();
    let hours_ago = SystemTime::now() - Duration::from_secs(7200);
    for path in leftovers.iter().chain([&stale, &users]) {
        if let Ok(file) = fs::File::options().write(true).open(path) {
            file.set_modified(hours_ago).unwrap();
        }
    }
    run(dir, &["train", "small.tsv", "-o", "small.model", "-q"]);
    let mut kept = vec![fresh, users];
    kept.sort();
    assert_eq!(
        temporaries(dir),
        kept,
        "stale temporary files are removed, fresh ones and a user's own kept"
    );
}

/// SIGINT, SIGTERM and SIGHUP sent while the model is being written (its temporary file seen in
/// the directory) end the run as the signal does, and remove the temporary file: nothing is left
/// behind, and the output is absent or the complete model.
#[test]
fn a_signal_during_the_write_removes_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;

    let sandbox = tempfile::tempdir().unwrap();
    let dir = sandbox.path();
    fs::write(dir.join("a.tsv"), corpus(6_000, 4)).unwrap();
    run(dir, &["train", "a.tsv", "-o", "complete.model", "-q"]);
    let complete = fs::read(dir.join("complete.model")).unwrap();
    let output = dir.join("new.model");
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let mut caught = 0;
        for _ in 0..4 {
            let _ = fs::remove_file(&output);
            let mut child = stance(dir, &["train", "a.tsv", "-o", "new.model", "-q"])
                .spawn()
                .unwrap();
            let mut sent = false;
            while child.try_wait().unwrap().is_none() {
                if temporaries(dir)
                    .iter()
                    .any(|path| path.extension().is_some_and(|e| e == "tmp"))
                {
                    // SAFETY: kill(2) on the child's process id, which it keeps until waited for.
                    unsafe { libc::kill(child.id() as libc::pid_t, signal) };
                    sent = true;
                    break;
                }
                std::thread::sleep(Duration::from_micros(100));
            }
            let status = child.wait().unwrap();
            let left = temporaries(dir);
            assert!(left.is_empty(), "signal {signal}: left {left:?}");
            match fs::read(&output) {
                Ok(bytes) => assert_eq!(bytes, complete, "signal {signal}: a partial model"),
                Err(error) => assert_eq!(error.kind(), std::io::ErrorKind::NotFound),
            }
            if sent && status.signal() == Some(signal) {
                caught += 1;
            }
        }
        eprintln!("signal {signal}: {caught} of 4 runs ended by it during the write");
        assert!(caught > 0, "signal {signal} never arrived during a write");
    }
}
