//! Opening one input as bytes: a file or standard input, gunzipped when
//! compressed, without its UTF-8 byte order mark.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use crate::ReadError;

/// A buffered reader over the decoded bytes of one input.
pub(crate) type Input = Box<dyn BufRead + Send>;

/// The path that names standard input.
pub(crate) const STDIN: &str = "-";

const BUFFER_BYTES: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const BOM: [u8; 3] = [0xef, 0xbb, 0xbf];

/// Whether `path` names standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Opens `path` (`-` for standard input). Gzip is detected by a `.gz`
/// extension or by the gzip magic bytes; concatenated gzip members are read
/// in turn. A leading BOM is dropped.
pub(crate) fn open(path: &Path) -> Result<Input, ReadError> {
    let raw: Input = if is_stdin(path) {
        Box::new(BufReader::with_capacity(BUFFER_BYTES, io::stdin()))
    } else {
        let file = File::open(path).map_err(|source| ReadError::Access {
            path: path.to_path_buf(),
            source,
        })?;
        Box::new(BufReader::with_capacity(BUFFER_BYTES, file))
    };
    let gz_extension = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("gz"));
    decode(raw, gz_extension).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        line: 1,
        source,
    })
}

fn decode(mut raw: Input, gz_extension: bool) -> io::Result<Input> {
    let head = read_head(&mut raw, GZIP_MAGIC.len())?;
    let gzip = gz_extension || head == GZIP_MAGIC;
    let raw = unread(head, raw);
    let mut plain: Input = if gzip {
        Box::new(BufReader::with_capacity(BUFFER_BYTES, MultiGzDecoder::new(raw)))
    } else {
        raw
    };
    let head = read_head(&mut plain, BOM.len())?;
    Ok(if head == BOM { plain } else { unread(head, plain) })
}

/// Reads up to `len` bytes (fewer only at the end of the input).
fn read_head(input: &mut Input, len: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(len);
    input.take(len as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Puts `head` back in front of `rest`.
fn unread(head: Vec<u8>, rest: Input) -> Input {
    Box::new(Cursor::new(head).chain(rest))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn decoded(bytes: Vec<u8>, gz_extension: bool) -> io::Result<Vec<u8>> {
        let mut input = decode(Box::new(Cursor::new(bytes)), gz_extension)?;
        let mut out = Vec::new();
        input.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn plain_bytes_pass_through() {
        for bytes in [&b""[..], b"a", b"\x1f", b"ab", b"abc", b"abcdef"] {
            assert_eq!(decoded(bytes.to_vec(), false).unwrap(), bytes);
        }
    }

    #[test]
    fn bom_is_dropped_once() {
        assert_eq!(decoded(b"\xef\xbb\xbfab".to_vec(), false).unwrap(), b"ab");
        assert_eq!(
            decoded(b"\xef\xbb\xbf\xef\xbb\xbf".to_vec(), false).unwrap(),
            b"\xef\xbb\xbf"
        );
        assert_eq!(decoded(b"\xef\xbb".to_vec(), false).unwrap(), b"\xef\xbb");
    }

    #[test]
    fn gzip_detected_by_magic_or_extension() {
        let packed = gzip(b"\xef\xbb\xbfhello");
        assert_eq!(decoded(packed.clone(), false).unwrap(), b"hello");
        assert_eq!(decoded(packed, true).unwrap(), b"hello");
    }

    #[test]
    fn concatenated_gzip_members_are_all_read() {
        let mut packed = gzip(b"one\n");
        packed.extend(gzip(b"two\n"));
        assert_eq!(decoded(packed, false).unwrap(), b"one\ntwo\n");
    }

    #[test]
    fn gz_extension_on_plain_text_is_an_error() {
        assert!(decoded(b"plain text".to_vec(), true).is_err());
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let packed = gzip(&b"some text that compresses ".repeat(100));
        let truncated = packed[..packed.len() / 2].to_vec();
        assert!(decoded(truncated, false).is_err());
    }
}
