//! One module per input format, each turning an [`Input`](crate::input::Input)
//! into a stream of documents.

mod csv;
mod fasttext;
mod jsonl;
mod plain;
mod tsv;
mod web_page;

pub(crate) use self::csv::CsvDocuments;
pub(crate) use self::fasttext::FastTextDocuments;
pub(crate) use self::jsonl::JsonlDocuments;
pub(crate) use self::plain::read_text;
pub(crate) use self::tsv::TsvDocuments;
