//! What to read and how: [`ReadOptions`].

use std::path::Path;

use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

use crate::{InputFormat, LabelMap, ReadError, Texts};

/// Options for reading documents. The default reads documents with or
/// without labels from columns `text`, `label` and `id`, with the format taken from
/// each file's extension.
///
/// For training and evaluation set `require_label`:
///
/// ```
/// use stance_documents::ReadOptions;
///
/// let options = ReadOptions { require_label: true, ..ReadOptions::default() };
/// assert_eq!(options.text_column, "text");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format of every file and of standard input; `None` tells it from the
    /// extension (and reads standard input as one text). Ignored for directories,
    /// which are always read as `.txt` files.
    pub format: Option<InputFormat>,
    /// The column (or JSON key) holding the text; required unless [`Self::texts`]
    /// is given. Default `text`.
    pub text_column: String,
    /// The column (or JSON key) holding the label. Default `label`.
    pub label_column: String,
    /// The column (or JSON key) holding the id; optional. Default `id`.
    pub id_column: String,
    /// Renames labels after trimming.
    pub label_map: LabelMap,
    /// Whether every document must have a non-empty label (training, evaluation).
    /// When set, a table without the label column, a document without a label,
    /// and a directory without label sub-directories are errors; a directory
    /// is read with the labeled layout.
    pub require_label: bool,
    /// Whether every document must have a non-empty id from the id column (a
    /// missing column, or an empty id, is then an error). Implied for a table
    /// whose texts are joined by id.
    pub require_id: bool,
    /// Texts to join with: when given, a table (TSV, CSV, JSON lines) without a
    /// text column is a table of ids and labels whose documents take their text
    /// (and the other columns of their row there) from these texts by id; an id
    /// missing there is [`ReadError::UnknownId`]. Tables with a text column keep
    /// their own texts. Ids are then unique across the inputs: an id read twice is
    /// [`ReadError::DuplicateId`]. Texts without a label are not read.
    pub texts: Option<Arc<Texts>>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            format: None,
            text_column: "text".to_string(),
            label_column: "label".to_string(),
            id_column: "id".to_string(),
            label_map: LabelMap::default(),
            require_label: false,
            require_id: false,
            texts: None,
        }
    }
}

impl ReadOptions {
    /// The label of the document at `path:line` from its raw value: trimmed,
    /// empty as absent, renamed; an error when required and absent.
    pub(crate) fn label(&self, raw: Option<&str>, path: &Path, line: u64) -> Result<Option<String>, ReadError> {
        let label = raw.map(str::trim).filter(|label| !label.is_empty()).map(|label| {
            // One spelling per label: `négociation` typed with a combining accent (NFD) is the
            // same label as with a precomposed one (NFC).
            let label: String = label.nfc().collect();
            self.label_map.rename(&label).to_string()
        });
        if self.require_label && label.is_none() {
            return Err(ReadError::MissingLabel {
                path: path.to_path_buf(),
                line,
            });
        }
        Ok(label)
    }

    /// The id of the document at `path:line` from the id column's value: trimmed;
    /// `None` when absent or empty, an error then when `needed`.
    pub(crate) fn id(
        &self,
        raw: Option<&str>,
        needed: bool,
        path: &Path,
        line: u64,
    ) -> Result<Option<String>, ReadError> {
        match raw.map(str::trim) {
            Some(id) if !id.is_empty() => Ok(Some(id.to_string())),
            _ if needed => Err(ReadError::MissingId {
                path: path.to_path_buf(),
                line,
                column: self.id_column.clone(),
            }),
            _ => Ok(None),
        }
    }
}
