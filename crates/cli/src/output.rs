//! Where output goes ([`Sink`]: standard output, or a file written atomically) and the output
//! formats of `stance predict` ([`PredictionWriter`]: text, TSV, JSON lines).
//!
//! Schemas (also in the README):
//!
//! - TSV, one model: `id  label  probability  p_<label>...` (one column per model label, sorted),
//!   then `top_k` with `--top-k` and `evidence` with `--explain`.
//! - TSV, both built-in models: `id  stance  stance_probability  sentiment  sentiment_probability`,
//!   then `stance_top_k  sentiment_top_k` and `stance_evidence  sentiment_evidence`.
//! - JSON lines, one model: `{"id", "label", "probability", "probabilities": {label: p}}`, plus
//!   `top_k: [{"label", "probability"}]` with `--top-k`, and with `--explain` `runner_up`,
//!   `evidence` and `counter_evidence`: `[{"term", "value", "weight"}]`, the terms that pushed
//!   most toward the label and toward the runner-up.
//! - JSON lines, both built-in models: `{"id", "stance": {...}, "sentiment": {...}}`, each
//!   sub-object as the one-model object without `id`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;
use stance_model::{write_atomically, Classifier, Evidence, Explanation, InFlight, ModelError, ModelForm, Prediction};

use crate::args::PredictFormat;

/// The destination of a command's output.
pub enum Sink {
    /// Standard output, locked and buffered.
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A file, written atomically by [`Sink::finish`].
    File {
        /// The file.
        path: PathBuf,
        /// Everything written so far.
        buffer: Vec<u8>,
    },
    /// A FIFO, a device or another file that is not a regular one: written through, as is.
    Special {
        /// The file, as named.
        path: PathBuf,
        /// Its writer.
        out: BufWriter<fs::File>,
    },
}

/// What `-o PATH` names.
enum Target {
    /// `-`: standard output.
    Stdout,
    /// A regular file, or none yet: written atomically (a symbolic link is followed to the file it
    /// names, which is replaced; the link stays).
    File(PathBuf),
    /// An existing file that is not a regular one (a FIFO, `/dev/null`): written through.
    Special(PathBuf),
}

impl Target {
    fn of(path: &Path) -> Self {
        if path.as_os_str() == "-" {
            return Target::Stdout;
        }
        match fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => Target::Special(path.to_path_buf()),
            _ if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
                Target::File(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
            }
            _ => Target::File(path.to_path_buf()),
        }
    }
}

impl Sink {
    /// Standard output, or `path` when given (`-` is standard output too).
    pub fn new(path: Option<&Path>) -> Self {
        let stdout = || Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout().lock()));
        match path.map(Target::of) {
            None | Some(Target::Stdout) => stdout(),
            Some(Target::File(path)) => Sink::File {
                path,
                buffer: Vec::new(),
            },
            Some(Target::Special(path)) => match fs::OpenOptions::new().write(true).open(&path) {
                Ok(file) => Sink::Special {
                    out: BufWriter::new(file),
                    path,
                },
                // Reported at the first write, which fails the same way.
                Err(_) => Sink::File {
                    path,
                    buffer: Vec::new(),
                },
            },
        }
    }

    /// Flushes standard output or the special file, or writes the file (temporary file, fsync,
    /// rename).
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::File { path, buffer } => write_atomically(&path, &buffer).map_err(write_error)?,
            mut sink => sink.flush()?,
        }
        Ok(())
    }
}

/// An exclusive advisory lock on a model file, held while a command reads, changes and rewrites
/// it (`update`): two updates of one model run one after the other, and neither loses the other's
/// documents. Writing replaces the file (a new inode), so the lock is taken on the file the path
/// names once locked: a process that waited on the replaced file looks again.
pub struct ModelLock {
    _file: fs::File,
}

impl ModelLock {
    /// Waits for the lock on the file `path` names; `None` when it cannot be opened (reading the
    /// model then says why, as for any command).
    pub fn acquire(path: &Path) -> Result<Option<Self>> {
        loop {
            let Ok(file) = fs::File::open(path) else {
                return Ok(None);
            };
            file.lock().with_context(|| format!("cannot lock {}", path.display()))?;
            if same_file(&file, path) {
                return Ok(Some(Self { _file: file }));
            }
        }
    }
}

/// Whether `path` still names the open `file` (not a file written over it since it was opened).
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Fails when `output` is one of the command's own `inputs` (the same file by device and inode,
/// whatever the names: writing it would destroy what is being read).
fn check_not_an_input<'a>(output: &Path, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(out) = fs::metadata(output) else {
            return Ok(());
        };
        if !out.is_file() {
            return Ok(());
        }
        for input in inputs {
            if fs::metadata(input).is_ok_and(|i| i.dev() == out.dev() && i.ino() == out.ino()) {
                bail!(
                    "-o {} is the input {}: writing it would destroy what is being read; write elsewhere",
                    output.display(),
                    input.display()
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (output, inputs.into_iter().count());
    Ok(())
}

/// Fails, before any work, when `output` could not be written at the end: it is a directory, its
/// directory is missing or is not a directory, or no file can be created in it (read-only, `/proc`,
/// ...; checked by creating and removing an empty hidden file), or it is one of the command's own
/// `inputs`. Nothing is left behind. `-` (standard output) and existing special files (a FIFO, a
/// device), written through, pass.
pub fn check_writable<'a>(output: &Path, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    check_not_an_input(output, inputs)?;
    let output = &match Target::of(output) {
        Target::Stdout | Target::Special(_) => return Ok(()),
        Target::File(path) => path,
    };
    if output.is_dir() {
        bail!("{}: is a directory; -o names the file to write", output.display());
    }
    let dir = match output.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let cannot = || format!("cannot write {}", output.display());
    let metadata = dir
        .metadata()
        .with_context(|| format!("{}: no directory {}", cannot(), dir.display()))?;
    if !metadata.is_dir() {
        bail!("{}: {} is not a directory", cannot(), dir.display());
    }
    let probe = dir.join(stance_model::temporary_name("probe"));
    match fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = InFlight::new(&probe).complete(|| fs::remove_file(&probe));
            Ok(())
        }
        // Left by another run with the same process id: files can be created there.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => {
            Err(anyhow::Error::new(error).context(format!("{}: cannot create a file in {}", cannot(), dir.display())))
        }
    }
}

/// Fails, before any work, when `output` cannot hold a model: `-` or a file that is not a regular
/// one (a model is written atomically, to a file that can be replaced), or [`check_writable`] fails
/// (with the command's `inputs`).
pub fn check_model_output<'a>(output: &Path, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    match Target::of(output) {
        Target::Stdout => bail!("-o -: a model is written to a file, not to standard output"),
        Target::Special(path) => bail!(
            "-o {}: not a regular file; a model is written atomically to a file it can replace",
            path.display()
        ),
        Target::File(_) => check_writable(output, inputs),
    }
}

/// Writes `model` atomically, compact (prediction only) or full, and returns the form written; a
/// failure names the file as one that could not be written. A symbolic link is followed: the file
/// it names is replaced and the link stays.
pub fn save_model(model: &Classifier, path: &Path, compact: bool) -> Result<ModelForm> {
    let form = if compact { ModelForm::Compact } else { ModelForm::Full };
    let path = match Target::of(path) {
        Target::File(path) => path,
        Target::Stdout | Target::Special(_) => path.to_path_buf(),
    };
    model.save(&path, form).map_err(write_error)?;
    Ok(form)
}

/// A failed write: `cannot write FILE: CAUSE` for a file-system error, else the error as it is.
fn write_error(error: ModelError) -> anyhow::Error {
    match error {
        ModelError::Io { path, source } => {
            anyhow::Error::new(source).context(format!("cannot write {}", path.display()))
        }
        other => other.into(),
    }
}

impl Sink {
    /// What a write error names: the stream or the file written through.
    fn name(&self) -> String {
        match self {
            Sink::Stdout(_) => "standard output".into(),
            Sink::Special { path, .. } | Sink::File { path, .. } => path.display().to_string(),
        }
    }

    /// `error` with the name of what failed (its kind kept: a closed pipe is still one).
    fn named(&self, error: io::Error) -> io::Error {
        io::Error::new(error.kind(), format!("cannot write {}: {error}", self.name()))
    }
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = match self {
            Sink::Stdout(out) => out.write(bytes),
            Sink::Special { out, .. } => out.write(bytes),
            Sink::File { buffer, .. } => buffer.write(bytes),
        };
        written.map_err(|error| self.named(error))
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        let written = match self {
            Sink::Stdout(out) => out.write_all(bytes),
            Sink::Special { out, .. } => out.write_all(bytes),
            Sink::File { buffer, .. } => buffer.write_all(bytes),
        };
        written.map_err(|error| self.named(error))
    }

    fn flush(&mut self) -> io::Result<()> {
        let flushed = match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Special { out, .. } => out.flush(),
            Sink::File { .. } => Ok(()),
        };
        flushed.map_err(|error| self.named(error))
    }
}

/// One model's result for one document.
pub struct Outcome<'a> {
    /// The model's labels, sorted (the order of `prediction.probabilities`).
    pub labels: &'a [String],
    /// The prediction.
    pub prediction: &'a Prediction,
    /// Why, when `--explain` asked.
    pub explanation: Option<&'a Explanation>,
}

/// Which columns the output has: one model's, or several named models'.
pub enum Layout {
    /// One model, with these labels (one probability column each).
    Single(Vec<String>),
    /// Several models, by name (`stance`, `sentiment`).
    Named(Vec<&'static str>),
}

/// Writes predictions in one format.
pub struct PredictionWriter {
    format: PredictFormat,
    layout: Layout,
    top_k: Option<usize>,
    explain: bool,
}

/// A model's result as JSON.
#[derive(Serialize)]
struct ModelRecord<'a> {
    label: &'a str,
    probability: f64,
    probabilities: BTreeMap<&'a str, f64>,
    known_share: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_k: Option<Vec<Ranked<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    runner_up: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [Evidence]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counter_evidence: Option<&'a [Evidence]>,
}

#[derive(Serialize)]
struct Ranked<'a> {
    label: &'a str,
    probability: f64,
}

#[derive(Serialize)]
struct SingleRecord<'a> {
    id: &'a str,
    #[serde(flatten)]
    model: ModelRecord<'a>,
}

/// `{"id": ..., "<name>": {...}, ...}` with the models in layout order.
struct NamedRecords<'a> {
    id: &'a str,
    names: &'a [&'static str],
    records: Vec<ModelRecord<'a>>,
}

impl Serialize for NamedRecords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1 + self.records.len()))?;
        map.serialize_entry("id", self.id)?;
        for (name, record) in self.names.iter().zip(&self.records) {
            map.serialize_entry(name, record)?;
        }
        map.end()
    }
}

impl PredictionWriter {
    /// A writer of `format` for `layout`, with the optional top-k and explanation parts.
    pub fn new(format: PredictFormat, layout: Layout, top_k: Option<usize>, explain: bool) -> Self {
        Self {
            format,
            layout,
            top_k,
            explain,
        }
    }

    /// The header row (TSV only).
    pub fn header(&self, out: &mut impl Write) -> io::Result<()> {
        if self.format != PredictFormat::Tsv {
            return Ok(());
        }
        let mut columns: Vec<String> = vec!["id".into()];
        match &self.layout {
            Layout::Single(labels) => {
                columns.extend(["label".into(), "probability".into()]);
                columns.extend(labels.iter().map(|label| format!("p_{}", clean(label))));
                if self.top_k.is_some() {
                    columns.push("top_k".into());
                }
                if self.explain {
                    columns.push("evidence".into());
                }
            }
            Layout::Named(names) => {
                for name in names {
                    columns.extend([name.to_string(), format!("{name}_probability")]);
                }
                if self.top_k.is_some() {
                    columns.extend(names.iter().map(|name| format!("{name}_top_k")));
                }
                if self.explain {
                    columns.extend(names.iter().map(|name| format!("{name}_evidence")));
                }
            }
        }
        writeln!(out, "{}", columns.join("\t"))
    }

    /// The output of one document: `outcomes` has one entry per model of the layout.
    pub fn row(&self, out: &mut impl Write, id: &str, outcomes: &[Outcome<'_>]) -> io::Result<()> {
        match self.format {
            PredictFormat::Text => self.text_row(out, id, outcomes),
            PredictFormat::Tsv => self.tsv_row(out, id, outcomes),
            PredictFormat::Json => self.json_row(out, id, outcomes),
        }
    }

    fn names(&self) -> &[&'static str] {
        match &self.layout {
            Layout::Single(_) => &[],
            Layout::Named(names) => names,
        }
    }

    fn top_k<'a>(&self, outcome: &Outcome<'a>) -> Option<Vec<(&'a str, f64)>> {
        self.top_k.map(|k| outcome.prediction.top_k(outcome.labels, k))
    }

    fn text_row(&self, out: &mut impl Write, id: &str, outcomes: &[Outcome<'_>]) -> io::Result<()> {
        let names = self.names();
        let mut line = clean(id);
        for (index, outcome) in outcomes.iter().enumerate() {
            line.push('\t');
            if let Some(name) = names.get(index) {
                line.push_str(&format!("{name}: "));
            }
            match self.top_k(outcome) {
                Some(ranked) => {
                    let ranked: Vec<String> = ranked
                        .iter()
                        .map(|(label, p)| format!("{} {p:.3}", clean(label)))
                        .collect();
                    line.push_str(&ranked.join(", "));
                }
                None => {
                    let prediction = outcome.prediction;
                    line.push_str(&format!("{} ({:.3})", clean(&prediction.label), prediction.probability));
                }
            }
        }
        writeln!(out, "{line}")?;
        for (index, outcome) in outcomes.iter().enumerate() {
            let Some(explanation) = outcome.explanation else {
                continue;
            };
            let indent = match names.get(index) {
                Some(name) => {
                    writeln!(out, "  {name}:")?;
                    "    "
                }
                None => "  ",
            };
            for explanation_line in explanation.to_string().lines() {
                writeln!(out, "{indent}{explanation_line}")?;
            }
        }
        Ok(())
    }

    fn tsv_row(&self, out: &mut impl Write, id: &str, outcomes: &[Outcome<'_>]) -> io::Result<()> {
        let mut fields = vec![clean(id)];
        for outcome in outcomes {
            fields.push(clean(&outcome.prediction.label));
            fields.push(number(outcome.prediction.probability));
            if let Layout::Single(_) = self.layout {
                fields.extend(outcome.prediction.probabilities.iter().copied().map(number));
            }
        }
        if self.top_k.is_some() {
            for outcome in outcomes {
                let ranked = self.top_k(outcome).unwrap_or_default();
                let ranked: Vec<String> = ranked
                    .iter()
                    .map(|(label, p)| format!("{}={}", clean(label), number(*p)))
                    .collect();
                fields.push(ranked.join(";"));
            }
        }
        if self.explain {
            for outcome in outcomes {
                let evidence: Vec<String> = outcome
                    .explanation
                    .map(|explanation| {
                        explanation
                            .evidence
                            .iter()
                            .map(|e| format!("{}={:.4}", clean(&e.term), e.weight))
                            .collect()
                    })
                    .unwrap_or_default();
                fields.push(evidence.join(";"));
            }
        }
        writeln!(out, "{}", fields.join("\t"))
    }

    fn json_row(&self, out: &mut impl Write, id: &str, outcomes: &[Outcome<'_>]) -> io::Result<()> {
        let records: Vec<ModelRecord<'_>> = outcomes.iter().map(|outcome| self.record(outcome)).collect();
        let line = match &self.layout {
            Layout::Single(_) => {
                let model = records.into_iter().next().expect("one outcome per model");
                serde_json::to_string(&SingleRecord { id, model })
            }
            Layout::Named(names) => serde_json::to_string(&NamedRecords { id, names, records }),
        }?;
        writeln!(out, "{line}")
    }

    fn record<'a>(&self, outcome: &Outcome<'a>) -> ModelRecord<'a> {
        let prediction = outcome.prediction;
        ModelRecord {
            label: &prediction.label,
            probability: prediction.probability,
            probabilities: outcome
                .labels
                .iter()
                .map(String::as_str)
                .zip(prediction.probabilities.iter().copied())
                .collect(),
            known_share: prediction.known_share(),
            top_k: self.top_k(outcome).map(|ranked| {
                ranked
                    .into_iter()
                    .map(|(label, probability)| Ranked { label, probability })
                    .collect()
            }),
            runner_up: outcome.explanation.and_then(|e| e.runner_up.as_deref()),
            evidence: outcome.explanation.map(|e| e.evidence.as_slice()),
            counter_evidence: outcome.explanation.map(|e| e.counter_evidence.as_slice()),
        }
    }
}

/// A probability in TSV: the shortest text that reads back as the same number, with an exponent
/// when very small (`6.99e-11`), as in the JSON output.
pub fn number(value: f64) -> String {
    format!("{value:?}")
}

/// A value fit for one TSV field or text column: tabs and line breaks become spaces, other
/// control characters (an escape that would drive the terminal) are written escaped (`\u{1b}`).
pub fn clean(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

/// Whether `error` (or a cause of it) is a write to a closed pipe.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact() {
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1.0), "1.0");
        assert_eq!(number(6.994852616155621e-11), "6.994852616155621e-11");
        assert_eq!(number(6.994852616155621e-11).parse::<f64>(), Ok(6.994852616155621e-11));
    }

    #[test]
    fn fields_lose_tabs_and_line_breaks() {
        assert_eq!(clean("a\tb\r\nc"), "a b  c");
    }

    #[test]
    fn broken_pipes_are_found_in_the_chain() {
        let error = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&error));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
