//! Model files: a small binary header, a CRC-32 of the content, and a postcard payload.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "STNCMODL"
//! 8       4     format version (u32, little endian): 1 to 4 (below)
//! 12      1     form: 0 compact (prediction only), 1 full (with term statistics)
//! 13      8     payload length in bytes (u64, little endian)
//! 21      4     CRC-32 (IEEE) of the payload (u32, little endian)
//! 25      ...   payload: postcard encoding of the model
//! ```
//!
//! Versions: format 1 is the model without calibration and with the classic negation scope;
//! format 2 appends, after format 1's payload, the [`Calibration`] (optional) and the negation
//! [`ScopeRules`] as they were before agreement words existed; format 3 appends the calibration,
//! the whole scope rules and the [`FunctionWordNgrams`] setting; format 4 appends format 3's
//! fields and the lead's length ([`AnalyzerConfig::lead_words`]). A model is written in the oldest
//! format that holds it, so that older versions of stance read what they can; all four load.
//!
//! [`AnalyzerConfig::lead_words`]: stance_features::AnalyzerConfig::lead_words
//!
//! postcard was chosen for load speed and size: a compact, non-self-describing binary encoding
//! decoded straight into the model's structs, with no parsing of field names (a JSON export,
//! [`Classifier::to_json`], is for people). The checksum catches a flipped bit before decoding, so
//! damage is reported, never loaded as a different model. Files are written atomically: a temporary
//! file in the same directory, fsync, rename, fsync of the directory.
//!
//! A process killed during a write (SIGKILL, power loss) leaves the previous file intact, or no
//! file, and maybe its hidden temporary file ([`temporary_name`]): never read, and removed by
//! the next write into the same directory once it is an hour old ([`remove_stale_temporaries`]).

use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use stance_features::negation::ScopeRules;
use stance_features::{Featurizer, FeaturizerParts, FunctionWordNgrams};

use crate::calibration::Calibration;
use crate::classifier::{Classifier, TrainingMetadata};
use crate::estimator::NaiveBayes;
use crate::in_flight::InFlight;
use crate::statistics::{StatisticsTable, TrainingStatistics};
use crate::ModelError;

/// The first bytes of every model file.
pub const MAGIC: &[u8; 8] = b"STNCMODL";
/// The newest format version this build writes and reads.
pub const FORMAT_VERSION: u32 = LEAD_VERSION;
/// The format version of a model without calibration and with the classic negation scope.
const PLAIN_VERSION: u32 = 1;
/// The format version of a model whose scope rules have no agreement words and whose function-word
/// n-grams are kept.
const SCOPE_VERSION: u32 = 2;
/// The format version of a model with agreement words or dropped function-word n-grams, and no
/// lead.
const FUNCTION_WORDS_VERSION: u32 = 3;
/// The format version of a model that reads a lead.
const LEAD_VERSION: u32 = 4;
const HEADER_LEN: usize = 25;
/// The largest content a model file may announce (8 GiB): a header beyond it is damage.
pub const MAX_PAYLOAD: u64 = 8 << 30;

/// Which form of a model is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelForm {
    /// Only what prediction needs: for deployment and for the embedded default models.
    Compact,
    /// Also the term statistics: can be merged and updated.
    Full,
}

/// The payload as read: owned parts.
#[derive(Deserialize)]
struct Payload {
    featurizer: FeaturizerParts,
    estimator: NaiveBayes,
    metadata: TrainingMetadata,
    statistics: Option<StatisticsTable>,
}

/// What format 3 appends to format 1's payload: the calibration, the negation scope rules and
/// whether n-grams of function words are kept.
#[derive(Deserialize)]
struct Extensions {
    calibration: Option<Calibration>,
    negation_scope: ScopeRules,
    function_word_ngrams: FunctionWordNgrams,
}

/// What format 4 appends: format 3's fields and the lead's length.
#[derive(Deserialize)]
struct LeadExtensions {
    calibration: Option<Calibration>,
    negation_scope: ScopeRules,
    function_word_ngrams: FunctionWordNgrams,
    lead_words: usize,
}

/// What format 2 appends: the calibration and the scope rules without agreement words.
#[derive(Deserialize)]
struct ScopeExtensions {
    calibration: Option<Calibration>,
    negation_scope: ScopeRulesOfFormat2,
}

/// [`ScopeRules`] as format 2 stores them (its fields, in order, before agreement words).
#[derive(Serialize, Deserialize)]
struct ScopeRulesOfFormat2 {
    enders: Vec<String>,
    window: Option<usize>,
    content_words_only: bool,
    refusal_cues: Vec<String>,
}

impl From<ScopeRulesOfFormat2> for ScopeRules {
    fn from(rules: ScopeRulesOfFormat2) -> Self {
        Self {
            enders: rules.enders,
            window: rules.window,
            content_words_only: rules.content_words_only,
            refusal_cues: rules.refusal_cues,
            agreement_words: Vec::new(),
        }
    }
}

/// [`Extensions`] as written, borrowed from the classifier.
#[derive(Serialize)]
struct ExtensionsRef<'a> {
    calibration: Option<&'a Calibration>,
    negation_scope: &'a ScopeRules,
    function_word_ngrams: FunctionWordNgrams,
}

/// [`LeadExtensions`] as written.
#[derive(Serialize)]
struct LeadExtensionsRef<'a> {
    calibration: Option<&'a Calibration>,
    negation_scope: &'a ScopeRules,
    function_word_ngrams: FunctionWordNgrams,
    lead_words: usize,
}

/// [`ScopeExtensions`] as written.
#[derive(Serialize)]
struct ScopeExtensionsRef<'a> {
    calibration: Option<&'a Calibration>,
    negation_scope: ScopeRulesOfFormat2,
}

/// The payload as written: the same fields, borrowed from the classifier (no copy of the model).
#[derive(Serialize)]
struct PayloadRef<'a> {
    featurizer: &'a FeaturizerParts,
    estimator: &'a NaiveBayes,
    metadata: &'a TrainingMetadata,
    statistics: Option<StatisticsTable>,
}

impl<'a> PayloadRef<'a> {
    fn new(classifier: &'a Classifier, form: ModelForm) -> Result<Self, ModelError> {
        let statistics = match form {
            ModelForm::Compact => None,
            ModelForm::Full => Some(
                classifier
                    .statistics()
                    .ok_or(ModelError::CompactModel("writing a full model"))?
                    .to_table(),
            ),
        };
        Ok(Self {
            featurizer: classifier.featurizer().parts(),
            estimator: classifier.estimator(),
            metadata: classifier.metadata(),
            statistics,
        })
    }
}

/// The format version of `classifier`'s file and the bytes appended after format 1's payload.
fn extensions(classifier: &Classifier) -> Result<(u32, Vec<u8>), postcard::Error> {
    let analyzer = &classifier.featurizer().config().analyzer;
    let negation_scope = &analyzer.negation.scope;
    let calibration = classifier.calibration();
    let function_word_ngrams = analyzer.function_word_ngrams;
    if analyzer.lead_words != 0 {
        let extensions = LeadExtensionsRef {
            calibration,
            negation_scope,
            function_word_ngrams,
            lead_words: analyzer.lead_words,
        };
        return Ok((LEAD_VERSION, postcard::to_allocvec(&extensions)?));
    }
    if !negation_scope.agreement_words.is_empty() || function_word_ngrams != FunctionWordNgrams::Keep {
        let extensions = ExtensionsRef {
            calibration,
            negation_scope,
            function_word_ngrams,
        };
        return Ok((FUNCTION_WORDS_VERSION, postcard::to_allocvec(&extensions)?));
    }
    if calibration.is_some() || !negation_scope.is_clause() {
        let extensions = ScopeExtensionsRef {
            calibration,
            negation_scope: ScopeRulesOfFormat2 {
                enders: negation_scope.enders.clone(),
                window: negation_scope.window,
                content_words_only: negation_scope.content_words_only,
                refusal_cues: negation_scope.refusal_cues.clone(),
            },
        };
        return Ok((SCOPE_VERSION, postcard::to_allocvec(&extensions)?));
    }
    Ok((PLAIN_VERSION, Vec::new()))
}

impl Classifier {
    /// The model file's bytes in `form` (a compact classifier can only be written compact).
    pub fn to_bytes(&self, form: ModelForm) -> Result<Vec<u8>, ModelError> {
        let payload = PayloadRef::new(self, form)?;
        let encoding = |e: postcard::Error| ModelError::Unsupported(format!("the model cannot be encoded: {e}"));
        let mut body = postcard::to_allocvec(&payload).map_err(encoding)?;
        let (version, extensions) = extensions(self).map_err(encoding)?;
        body.extend(extensions);
        let mut bytes = Vec::with_capacity(HEADER_LEN + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&version.to_le_bytes());
        bytes.push(u8::from(form == ModelForm::Full));
        bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        Ok(bytes)
    }

    /// Reads a model from its bytes; `origin` names where they came from in errors.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Self, ModelError> {
        let corrupt = |reason: String| ModelError::Corrupt {
            path: origin.to_path_buf(),
            reason,
        };
        if bytes.is_empty() {
            return Err(corrupt("the file is empty".into()));
        }
        let magic_len = bytes.len().min(MAGIC.len());
        if bytes[..magic_len] != MAGIC[..magic_len] {
            return Err(corrupt(
                "it does not start with a stance model header (is it a model written by `stance train`?)".into(),
            ));
        }
        if bytes.len() < HEADER_LEN {
            return Err(corrupt(format!(
                "truncated: {} bytes, shorter than the {HEADER_LEN}-byte header",
                bytes.len()
            )));
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if version > FORMAT_VERSION {
            return Err(ModelError::FutureVersion {
                path: origin.to_path_buf(),
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        if version == 0 {
            return Err(corrupt("format version 0 does not exist".into()));
        }
        let form = bytes[12];
        let length = u64::from_le_bytes(bytes[13..21].try_into().expect("8 bytes"));
        let checksum = u32::from_le_bytes(bytes[21..25].try_into().expect("4 bytes"));
        let body = &bytes[HEADER_LEN..];
        if body.len() as u64 != length {
            return Err(corrupt(format!(
                "truncated or padded: the header announces {length} bytes of content, found {}",
                body.len()
            )));
        }
        if crc32fast::hash(body) != checksum {
            return Err(corrupt("checksum mismatch: the file is damaged".into()));
        }
        let undecodable = |e: postcard::Error| corrupt(format!("undecodable content: {e}"));
        let (mut payload, rest): (Payload, &[u8]) = postcard::take_from_bytes(body).map_err(undecodable)?;
        let analyzer = &mut payload.featurizer.config.analyzer;
        let (calibration, rest) = match version {
            PLAIN_VERSION => (None, rest),
            SCOPE_VERSION => {
                let (extensions, rest): (ScopeExtensions, &[u8]) =
                    postcard::take_from_bytes(rest).map_err(undecodable)?;
                analyzer.negation.scope = extensions.negation_scope.into();
                (extensions.calibration, rest)
            }
            FUNCTION_WORDS_VERSION => {
                let (extensions, rest): (Extensions, &[u8]) = postcard::take_from_bytes(rest).map_err(undecodable)?;
                analyzer.negation.scope = extensions.negation_scope;
                analyzer.function_word_ngrams = extensions.function_word_ngrams;
                (extensions.calibration, rest)
            }
            _ => {
                let (extensions, rest): (LeadExtensions, &[u8]) =
                    postcard::take_from_bytes(rest).map_err(undecodable)?;
                analyzer.negation.scope = extensions.negation_scope;
                analyzer.function_word_ngrams = extensions.function_word_ngrams;
                analyzer.lead_words = extensions.lead_words;
                (extensions.calibration, rest)
            }
        };
        if !rest.is_empty() {
            return Err(corrupt(format!("{} bytes after the content", rest.len())));
        }
        if (form == 1) != payload.statistics.is_some() || form > 1 {
            return Err(corrupt(format!("form byte {form} does not match the content")));
        }
        let featurizer = Featurizer::try_from(payload.featurizer).map_err(|e| corrupt(e.to_string()))?;
        let statistics = payload
            .statistics
            .map(|table| TrainingStatistics::from_table(featurizer.config().clone(), table))
            .transpose()
            .map_err(|e| corrupt(e.to_string()))?;
        Classifier::from_parts(featurizer, payload.estimator, payload.metadata, statistics, calibration)
            .map_err(corrupt)
    }

    /// Reads a model file: its header first, then no more than the content length the header
    /// states (at most [`MAX_PAYLOAD`]), so a large file that is not a model (or `/dev/zero`) is
    /// refused after 25 bytes, not read whole.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        use std::io::Read;
        let io = |source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::with_capacity(HEADER_LEN);
        file.take(HEADER_LEN as u64).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() < HEADER_LEN || bytes[..MAGIC.len()] != MAGIC[..] {
            // Too short, or not a model: the same errors as for bytes in memory.
            return Self::from_bytes(&bytes, path);
        }
        let length = u64::from_le_bytes(bytes[13..21].try_into().expect("8 bytes"));
        if length > MAX_PAYLOAD {
            return Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                reason: format!(
                    "the header announces {length} bytes of content, more than the {MAX_PAYLOAD} a model may hold"
                ),
            });
        }
        let file = std::fs::File::open(path).map_err(io)?;
        bytes.clear();
        // One byte more than announced, so that a padded file is still told apart.
        file.take(HEADER_LEN as u64 + length + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > HEADER_LEN as u64 + length {
            let size = std::fs::metadata(path).map_or(String::new(), |m| format!(" ({} bytes in all)", m.len()));
            return Err(ModelError::Corrupt {
                path: path.to_path_buf(),
                reason: format!(
                    "truncated or padded: the header announces {length} bytes of content, the file holds more{size}"
                ),
            });
        }
        Self::from_bytes(&bytes, path)
    }

    /// Writes a model file atomically (temp file, fsync, rename): a failure leaves no partial file
    /// and any previous file intact.
    pub fn save(&self, path: &Path, form: ModelForm) -> Result<(), ModelError> {
        let bytes = self.to_bytes(form)?;
        write_atomically(path, &bytes)
    }

    /// The whole model as pretty JSON, for people (statistics included in the full form).
    pub fn to_json(&self, form: ModelForm) -> Result<String, ModelError> {
        let payload = PayloadRef::new(self, form)?;
        let json_error = |e: serde_json::Error| ModelError::Unsupported(e.to_string());
        let mut json = serde_json::to_value(&payload).map_err(json_error)?;
        json["calibration"] = serde_json::to_value(self.calibration()).map_err(json_error)?;
        let analyzer = &self.featurizer().config().analyzer;
        json["negation_scope"] = serde_json::to_value(&analyzer.negation.scope).map_err(json_error)?;
        json["function_word_ngrams"] = serde_json::to_value(analyzer.function_word_ngrams).map_err(json_error)?;
        json["lead_words"] = analyzer.lead_words.into();
        serde_json::to_string_pretty(&json).map_err(json_error)
    }
}

/// Gives the temporary file the mode of the file it replaces, or `rw-r--r--` for a new file
/// (temporary files start private).
fn keep_permissions(path: &Path, temp: &std::fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode()).unwrap_or(0o644);
        temp.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, temp);
    Ok(())
}

/// `error` without the name of the temporary file that `tempfile` appends to its errors
/// (`No such file or directory (os error 2) at path "/dir/.stance-x1y2.tmp"`): the user never
/// named that file, and the error is reported for the file they did name.
fn without_temporary_path(error: std::io::Error) -> std::io::Error {
    let message = error.to_string();
    match message.rfind(" at path \"") {
        Some(end) => std::io::Error::new(error.kind(), &message[..end]),
        None => error,
    }
}

/// Temporary files older than this are left over from a killed process: no write lasts that long
/// between creating its temporary file and renaming it (the bytes are ready before it is created).
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// A fresh name for one of stance's hidden temporary files, `.stance-R.EXTENSION` with R twelve
/// random hex digits and four of their checksum: [`is_temporary_name`] recognizes it, and a user's
/// own `.stance-notes.tmp` does not pass for one (so the cleanup of stale files never removes it).
pub fn temporary_name(extension: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(now) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    let random = format!("{:012x}", hasher.finish() & 0xffff_ffff_ffff);
    format!(".stance-{random}{:04x}.{extension}", checksum(&random))
}

/// The four-hex-digit checksum of a temporary name's random part.
fn checksum(random: &str) -> u32 {
    crc32fast::hash(random.as_bytes()) & 0xffff
}

/// Whether `name` is one of stance's hidden temporary files ([`temporary_name`]): `.tmp` (a write
/// in progress) or `.probe` (the command line's check that a directory is writable), with the
/// checksum of its random part right.
fn is_temporary_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(".stance-") else {
        return false;
    };
    let Some(stem) = rest.strip_suffix(".tmp").or_else(|| rest.strip_suffix(".probe")) else {
        return false;
    };
    if stem.len() != 16 || !stem.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        return false;
    }
    let (random, sum) = stem.split_at(12);
    u32::from_str_radix(sum, 16).is_ok_and(|sum| sum == checksum(random))
}

/// Removes from `dir` the temporary files of stance ([`is_temporary_name`]) last modified more than
/// [`STALE_AFTER`] ago: what a killed process left. Best effort: errors are ignored, and a fresh
/// temporary file (another process's write in progress) is never touched.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let stale = entry.file_name().to_str().is_some_and(is_temporary_name)
            && entry.metadata().is_ok_and(|metadata| {
                metadata.is_file()
                    && metadata
                        .modified()
                        .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > STALE_AFTER))
            });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory, fsync and rename; then
/// removes the stale temporary files of killed runs from that directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    let io = |source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut attempt = 0;
    let (mut temp, in_flight) = loop {
        let name = temporary_name("tmp");
        // Registered before it exists, so that a signal never finds it made but unknown.
        let in_flight = InFlight::new(&dir.join(&name));
        match tempfile::Builder::new().prefix(&name).rand_bytes(0).tempfile_in(dir) {
            Ok(temp) => break (temp, in_flight),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => attempt += 1,
            Err(error) => return Err(io(without_temporary_path(error))),
        }
    };
    keep_permissions(path, temp.as_file()).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    in_flight.complete(|| temp.persist(path)).map_err(|e| io(e.error))?;
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    remove_stale_temporaries(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognized_exactly() {
        let (tmp, probe) = (temporary_name("tmp"), temporary_name("probe"));
        assert_ne!(tmp, temporary_name("tmp"), "every name is fresh");
        for name in [&tmp, &probe] {
            assert!(is_temporary_name(name), "{name}");
        }
        let forged = format!("{}0000.tmp", &tmp[..tmp.len() - 8]);
        let wrong_sum = if forged == tmp {
            tmp.replace(".tmp", "") + "1.tmp"
        } else {
            forged
        };
        for name in [
            "stance-a1B2c3.tmp",
            ".stance-.tmp",
            ".stance-a b.tmp",
            ".stance-abc.model",
            ".stance-../x.tmp",
            ".stance-notes.tmp",
            ".stance-a1B2c3.tmp",
            "model.tmp",
            wrong_sum.as_str(),
        ] {
            assert!(!is_temporary_name(name), "{name}");
        }
    }
}
