//! Tables (TSV, CSV): a header row naming columns, then data rows.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::document::generated_id;
use crate::{Document, Location, ReadError, ReadOptions, Texts};

/// Turns the records of a table, header first, into documents.
pub(crate) struct Table {
    options: Arc<ReadOptions>,
    columns: Option<Columns>,
    rows: u64,
}

/// Where a row's text comes from.
enum TextFrom {
    /// This column of the row.
    Column(usize),
    /// The texts joined by id.
    Joined(Arc<Texts>),
}

/// The header's column names and where the text, label and id are.
struct Columns {
    names: Vec<String>,
    text: TextFrom,
    label: Option<usize>,
    id: Option<usize>,
}

impl Table {
    /// A table read with `options`.
    pub(crate) fn new(options: Arc<ReadOptions>) -> Self {
        Self {
            options,
            columns: None,
            rows: 0,
        }
    }

    /// Takes the next non-blank record, starting at `path:line`: the header when
    /// none was seen yet (`Ok(None)`), else a data row.
    pub(crate) fn record(&mut self, values: &[&str], path: &Path, line: u64) -> Result<Option<Document>, ReadError> {
        let Some(columns) = &self.columns else {
            self.columns = Some(Columns::from_header(values, &self.options, path, line)?);
            return Ok(None);
        };
        self.rows += 1;
        let source = Location {
            path: path.to_path_buf(),
            line,
            row: Some(self.rows),
        };
        columns.document(values, source, &self.options).map(Some)
    }

    /// Called at the end of the input: an error when there was no header.
    pub(crate) fn finish(&self, path: &Path) -> Result<(), ReadError> {
        match self.columns {
            Some(_) => Ok(()),
            None => Err(ReadError::MissingHeader {
                path: path.to_path_buf(),
            }),
        }
    }
}

impl Columns {
    fn from_header(values: &[&str], options: &ReadOptions, path: &Path, line: u64) -> Result<Self, ReadError> {
        let names: Vec<String> = values.iter().map(|name| name.trim().to_string()).collect();
        // A set, not a scan of the names before each one: a header of 100,000 columns is
        // checked in linear time.
        let mut seen = HashSet::with_capacity(names.len());
        if let Some(name) = names.iter().find(|name| !seen.insert(name.as_str())) {
            return Err(ReadError::DuplicateColumn {
                path: path.to_path_buf(),
                line,
                column: name.clone(),
            });
        }
        let find = |column: &str| names.iter().position(|name| name == column);
        let missing = |column: &str| ReadError::MissingColumn {
            path: path.to_path_buf(),
            line,
            column: column.to_string(),
            found: names.clone(),
        };
        let text = match (find(&options.text_column), &options.texts) {
            (Some(column), _) => TextFrom::Column(column),
            (None, Some(texts)) => TextFrom::Joined(Arc::clone(texts)),
            (None, None) => return Err(missing(&options.text_column)),
        };
        let label = find(&options.label_column);
        if options.require_label && label.is_none() {
            return Err(missing(&options.label_column));
        }
        let id = find(&options.id_column);
        let joined = matches!(text, TextFrom::Joined(_));
        if (options.require_id || joined) && id.is_none() {
            return Err(missing(&options.id_column));
        }
        Ok(Self { names, text, label, id })
    }

    fn document(&self, values: &[&str], source: Location, options: &ReadOptions) -> Result<Document, ReadError> {
        if values.len() != self.names.len() {
            return Err(ReadError::FieldCount {
                path: source.path,
                line: source.line,
                expected: self.names.len(),
                found: values.len(),
            });
        }
        // Indexing below is in bounds: every index is a header position and
        // the row has as many values as the header.
        let label = options.label(self.label.map(|i| values[i]), &source.path, source.line)?;
        let needs_id = options.require_id || matches!(self.text, TextFrom::Joined(_));
        let id = options
            .id(self.id.map(|i| values[i]), needs_id, &source.path, source.line)?
            .unwrap_or_else(|| generated_id(&source.path, source.row.unwrap_or(source.line)));
        let own_text = match self.text {
            TextFrom::Column(column) => Some(column),
            TextFrom::Joined(_) => None,
        };
        let special = [own_text, self.label, self.id];
        let mut fields: BTreeMap<String, String> = self
            .names
            .iter()
            .zip(values)
            .enumerate()
            .filter(|(index, _)| !special.contains(&Some(*index)))
            .map(|(_, (name, value))| (name.clone(), value.to_string()))
            .collect();
        let text = match &self.text {
            TextFrom::Column(column) => values[*column].to_string(),
            TextFrom::Joined(texts) => texts.join(&id, &mut fields, &source.path, source.line)?,
        };
        Ok(Document {
            id,
            text,
            label,
            fields,
            source,
        })
    }
}
