//! Opening one input as bytes: a file or standard input, gunzipped when
//! compressed, without its UTF-8 byte order mark, stopped at its first NUL
//! byte (a binary file is never read whole).

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
/// in turn. A leading BOM is dropped. Reading fails at the first NUL byte
/// ([`is_nul_byte`]), after the bytes before it.
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

/// The byte order a UTF-16 byte order mark at the start of `head` names, if there is one.
fn utf16(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xff, 0xfe, ..] => Some("little-endian"),
        [0xfe, 0xff, ..] => Some("big-endian"),
        _ => None,
    }
}

fn decode(mut raw: Input, gz_extension: bool) -> io::Result<Input> {
    let head = read_head(&mut raw, GZIP_MAGIC.len())?;
    let gzip = gz_extension || head == GZIP_MAGIC;
    let raw = unread(head, raw);
    let mut plain: Input = if gzip {
        Box::new(BufReader::with_capacity(
            BUFFER_BYTES,
            GzipErrors(MultiGzDecoder::new(raw)),
        ))
    } else {
        raw
    };
    let head = read_head(&mut plain, BOM.len())?;
    if let Some(order) = utf16(&head) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the input is UTF-16 ({order} byte order mark), not UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`"
            ),
        ));
    }
    let plain = if head == BOM { plain } else { unread(head, plain) };
    Ok(Box::new(BufReader::with_capacity(BUFFER_BYTES, NulGuard::new(plain))))
}

/// Says that a failure of the gzip decoder is damaged gzip data (`unexpected
/// end of file` alone does not tell a truncated download).
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|error| {
            if error.kind() == io::ErrorKind::Interrupted {
                error
            } else {
                io::Error::new(error.kind(), format!("truncated or corrupt gzip data ({error})"))
            }
        })
    }
}

/// The error a [`NulGuard`] returns at a NUL byte; see [`is_nul_byte`].
#[derive(Debug)]
struct NulByte;

impl std::fmt::Display for NulByte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NUL byte in text (binary file?)")
    }
}

impl std::error::Error for NulByte {}

/// Whether `error` is the one a [`NulGuard`] returns at a NUL byte.
pub(crate) fn is_nul_byte(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<NulByte>())
}

/// Passes bytes through up to the first NUL byte, then fails with [`NulByte`].
///
/// Text never holds a NUL; a binary file (an image, an archive, random bytes)
/// almost always does, early. Checking as the bytes stream in, rather than per
/// line or per file once read, stops a binary file at its first block instead
/// of reading it whole (it may have no line break at all). Every byte before the
/// NUL is delivered first, so documents before the bad line are still read.
struct NulGuard<R> {
    inner: R,
    /// A NUL byte was met: every read from now on fails.
    at_nul: bool,
}

impl<R> NulGuard<R> {
    fn new(inner: R) -> Self {
        Self { inner, at_nul: false }
    }
}

impl<R: Read> Read for NulGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at_nul {
            return Err(io::Error::new(io::ErrorKind::InvalidData, NulByte));
        }
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or_default();
        // `contains` is a fast scan; the position is only needed when there is a NUL.
        if !read.contains(&0) {
            return Ok(n);
        }
        self.at_nul = true;
        match read.iter().position(|&b| b == 0) {
            Some(at) if at > 0 => Ok(at),
            _ => Err(io::Error::new(io::ErrorKind::InvalidData, NulByte)),
        }
    }
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
    fn a_nul_byte_ends_the_input_after_the_bytes_before_it() {
        let mut input = decode(Box::new(Cursor::new(b"ab\ncd\0ef\ngh".to_vec())), false).unwrap();
        let mut line = Vec::new();
        input.read_until(b'\n', &mut line).unwrap();
        assert_eq!(line, b"ab\n");
        line.clear();
        let error = input.read_until(b'\n', &mut line).unwrap_err();
        assert!(is_nul_byte(&error), "{error}");
        assert_eq!(line, b"cd", "the bytes before the NUL are delivered");
        let error = input.read_until(b'\n', &mut line).unwrap_err();
        assert!(is_nul_byte(&error), "and it stays an error: {error}");
        assert!(!is_nul_byte(&io::Error::other("other")));
        let mut packed = Vec::new();
        let error = decode(Box::new(Cursor::new(gzip(b"\0"))), false)
            .unwrap()
            .read_to_end(&mut packed)
            .unwrap_err();
        assert!(is_nul_byte(&error), "gunzipped bytes are checked: {error}");
    }

    #[test]
    fn a_binary_stream_stops_at_its_first_block() {
        // An endless stream of zeros (as /dev/zero): read whole, it would never end.
        let zeros = io::repeat(0);
        let mut input = decode(Box::new(BufReader::new(zeros)), false).unwrap();
        let mut sink = Vec::new();
        assert!(is_nul_byte(&input.read_to_end(&mut sink).unwrap_err()));
        assert!(sink.is_empty());
    }

    #[test]
    fn damaged_gzip_says_so() {
        let packed = gzip(&b"some text that compresses ".repeat(100));
        let error = decoded(packed[..packed.len() / 2].to_vec(), false).unwrap_err();
        assert!(
            error.to_string().starts_with("truncated or corrupt gzip data ("),
            "{error}"
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let packed = gzip(&b"some text that compresses ".repeat(100));
        let truncated = packed[..packed.len() / 2].to_vec();
        assert!(decoded(truncated, false).is_err());
    }
}
