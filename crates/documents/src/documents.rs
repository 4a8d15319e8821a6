//! The stream of documents over all sources, and its counters.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::iter::FusedIterator;
use std::sync::Arc;

use crate::source::{Source, Stream};
use crate::{Document, ReadError, ReadOptions};

/// Counters of what a [`Documents`] stream has read so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Inputs opened: files, and standard input.
    pub inputs: u64,
    /// Documents yielded.
    pub documents: u64,
    /// Documents yielded whose text is empty or only whitespace (kept, not skipped).
    pub empty_texts: u64,
}

/// An iterator over the documents of one or more inputs, in order.
///
/// Inputs are opened one at a time, when reached; at most one file is open and
/// memory is bounded by the longest line (or text file), not by the number of
/// documents. The stream ends after its first error: the error is the last item.
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Documents {
    sources: VecDeque<Source>,
    current: Option<Stream>,
    options: Arc<ReadOptions>,
    stats: ReadStats,
    finished: bool,
    /// When texts are joined by id: where each id was read (`PATH:LINE`).
    joined_ids: HashMap<String, String>,
}

impl Documents {
    /// A stream over `sources`, read with `options`.
    pub(crate) fn new(sources: Vec<Source>, options: ReadOptions) -> Self {
        Self {
            sources: sources.into(),
            current: None,
            options: Arc::new(options),
            stats: ReadStats::default(),
            finished: false,
            joined_ids: HashMap::new(),
        }
    }

    /// What has been read so far; final once the iterator returned `None`.
    pub fn stats(&self) -> ReadStats {
        self.stats
    }

    /// An error when `document`'s id was read before: a joined id labels one text once.
    fn check_joined_id(&mut self, document: &Document) -> Result<(), ReadError> {
        if let Some(first) = self.joined_ids.get(&document.id) {
            return Err(ReadError::DuplicateId {
                path: document.source.path.clone(),
                line: document.source.line,
                id: document.id.clone(),
                first: first.clone(),
            });
        }
        self.joined_ids.insert(document.id.clone(), document.source.to_string());
        Ok(())
    }

    fn fail(&mut self, error: ReadError) -> Option<Result<Document, ReadError>> {
        self.finished = true;
        self.current = None;
        self.sources.clear();
        Some(Err(error))
    }
}

impl Iterator for Documents {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            if let Some(stream) = &mut self.current {
                match stream.next() {
                    Some(Ok(document)) => {
                        if self.options.texts.is_some() {
                            if let Err(error) = self.check_joined_id(&document) {
                                return self.fail(error);
                            }
                        }
                        self.stats.documents += 1;
                        if document.text.trim().is_empty() {
                            self.stats.empty_texts += 1;
                        }
                        return Some(Ok(document));
                    }
                    Some(Err(error)) => return self.fail(error),
                    None => self.current = None,
                }
            }
            let Some(source) = self.sources.pop_front() else {
                self.finished = true;
                break;
            };
            match source.open(&self.options) {
                Ok(stream) => {
                    self.stats.inputs += 1;
                    self.current = Some(stream);
                }
                Err(error) => return self.fail(error),
            }
        }
        None
    }
}

impl FusedIterator for Documents {}

impl fmt::Debug for Documents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Documents")
            .field("pending_sources", &self.sources.len())
            .field("stats", &self.stats)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}
