//! The input formats, and telling them from a file name.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::ParseFormatError;

/// How an input's bytes become documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Tab-separated values with a header row, no quoting. Extension `.tsv`.
    Tsv,
    /// RFC 4180 comma-separated values with a header row. Extension `.csv`.
    Csv,
    /// One JSON object per line. Extensions `.jsonl`, `.ndjson`.
    Jsonl,
    /// The whole input is one document. Extension `.txt`; `.html` and `.htm` too, read as the
    /// page's article text.
    Txt,
    /// `__label__X text` lines. Extensions `.ft`, `.fasttext`.
    FastText,
}

impl InputFormat {
    /// Every format, in declaration order.
    pub const ALL: [InputFormat; 5] = [Self::Tsv, Self::Csv, Self::Jsonl, Self::Txt, Self::FastText];

    /// The name [`FromStr`] accepts: `tsv`, `csv`, `jsonl`, `txt`, `fasttext`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tsv => "tsv",
            Self::Csv => "csv",
            Self::Jsonl => "jsonl",
            Self::Txt => "txt",
            Self::FastText => "fasttext",
        }
    }

    /// The format named by a path's extension, ignoring case and a final `.gz`
    /// (`news.TSV.gz` is [`InputFormat::Tsv`]); `None` when the extension is unknown.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?;
        let extension = if extension.eq_ignore_ascii_case("gz") {
            Path::new(path.file_stem()?).extension()?
        } else {
            extension
        };
        let extension = extension.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "tsv" => Some(Self::Tsv),
            "csv" => Some(Self::Csv),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            "txt" | "html" | "htm" => Some(Self::Txt),
            "ft" | "fasttext" => Some(Self::FastText),
            _ => None,
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = ParseFormatError;

    /// Parses a [name](InputFormat::name), ignoring ASCII case.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| ParseFormatError(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats() {
        let cases = [
            ("a.tsv", Some(InputFormat::Tsv)),
            ("dir/a.CSV", Some(InputFormat::Csv)),
            ("a.jsonl.gz", Some(InputFormat::Jsonl)),
            ("a.ndjson", Some(InputFormat::Jsonl)),
            ("a.txt.GZ", Some(InputFormat::Txt)),
            ("a.ft", Some(InputFormat::FastText)),
            ("a.fasttext", Some(InputFormat::FastText)),
            ("a.gz", None),
            (".gz", None),
            ("a", None),
            ("a.json", None),
        ];
        for (path, format) in cases {
            assert_eq!(InputFormat::from_path(Path::new(path)), format, "{path}");
        }
    }

    #[test]
    fn names_round_trip() {
        for format in InputFormat::ALL {
            assert_eq!(format.to_string().parse::<InputFormat>(), Ok(format));
        }
        assert_eq!("FastText".parse::<InputFormat>(), Ok(InputFormat::FastText));
        let error = "xml".parse::<InputFormat>().unwrap_err();
        assert!(error.to_string().contains("`xml`"), "{error}");
    }
}
