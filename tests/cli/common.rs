//! The sandbox every test runs in, and the fixtures it writes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary under test.
pub const STANCE: &str = env!("CARGO_BIN_EXE_stance");

/// Labeled training data: three stance labels, six invented passages each.
pub const TRAIN_TSV: &str = "\
label\ttext
military\tArtillery shelled the northern ridge overnight and troops advanced.
military\tThe army launched air strikes on rebel positions near the border.
military\tFighter jets bombed the depot as tanks rolled into the town.
military\tSoldiers repelled an assault and the offensive pushed on.
military\tDrones struck a convoy while infantry stormed the hills.
military\tThe militia fired rockets at the garrison after troops advanced.
negotiation\tEnvoys met in Geneva to resume peace talks.
negotiation\tBoth delegations signed a ceasefire agreement after mediation.
negotiation\tThe mediators proposed a truce and the sides agreed to negotiate.
negotiation\tDiplomats held talks on a prisoner exchange deal.
negotiation\tNegotiators reached a framework accord at the summit.
negotiation\tThe foreign ministers agreed to continue dialogue next week.
neutral\tThe ministry published its annual census of the population.
neutral\tRainfall was above average in the valley this spring.
neutral\tThe museum reopened with an exhibition of old maps.
neutral\tOfficials reported that the harvest was larger than last year.
neutral\tA new railway timetable starts on Monday.
neutral\tThe university announced its enrollment figures.
";

/// Labeled test data with ids, one passage per label, each clearly of its label.
pub const TEST_TSV: &str = "\
id\tlabel\ttext
t1\tmilitary\tTanks and artillery shelled the town as troops advanced.
t2\tnegotiation\tEnvoys agreed to resume peace talks on a ceasefire.
t3\tneutral\tThe museum published the census figures on Monday.
";

/// The labels of the fixture model, sorted.
pub const LABELS: [&str; 3] = ["military", "negotiation", "neutral"];

/// A temporary directory that commands run in, so paths (and ids) are short and relative.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    /// An empty sandbox.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    /// The absolute path of `name` in the sandbox.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `contents` to `name` (creating directories) and returns its absolute path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, contents).unwrap();
        path
    }

    /// `stance` with the sandbox as working directory.
    pub fn stance(&self) -> Command {
        let mut command = Command::new(STANCE);
        command.current_dir(self.dir.path()).env_remove("NO_COLOR");
        command
    }

    /// Writes `train.tsv` and `test.tsv`, trains `model.model` on the first and returns its name.
    pub fn trained(&self) -> &'static str {
        self.write("train.tsv", TRAIN_TSV);
        self.write("test.tsv", TEST_TSV);
        self.stance()
            .args(["train", "train.tsv", "-o", "model.model", "--quiet"])
            .assert()
            .success();
        "model.model"
    }

    /// The names of the files in the sandbox's top directory, sorted.
    pub fn files(&self) -> Vec<String> {
        list(self.dir.path())
    }
}

/// The names of the entries of `dir`, sorted.
pub fn list(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Standard output of a successful run, as text.
pub fn stdout(command: &mut Command) -> String {
    let output = command.assert().success().get_output().stdout.clone();
    String::from_utf8(output).expect("UTF-8 output")
}

/// Standard error of a successful run, as text.
pub fn stderr_of_success(command: &mut Command) -> String {
    let output = command.assert().success().get_output().clone();
    String::from_utf8(output.stderr).expect("UTF-8 warnings")
}

/// Standard error of a run that exits with `code`, as text.
pub fn stderr_of_failure(command: &mut Command, code: i32) -> String {
    let output = command.assert().code(code).get_output().clone();
    assert!(
        output.stdout.is_empty() || code != 2,
        "a usage error prints nothing on stdout"
    );
    String::from_utf8(output.stderr).expect("UTF-8 errors")
}

/// Each line of JSON-lines output, parsed.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// A TSV output as its header and rows of fields.
pub fn tsv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text
        .lines()
        .map(|line| line.split('\t').map(String::from).collect::<Vec<_>>());
    let header = lines.next().expect("a header row");
    let rows: Vec<Vec<String>> = lines.collect();
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?} against {header:?}");
    }
    (header, rows)
}
