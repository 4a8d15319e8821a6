//! A reader that remembers the last bytes it read.

use std::io::{self, Read};

/// Wraps a reader and keeps its last `window` bytes, so that a parser reading
/// ahead by less than `window` bytes can look back at what it consumed.
pub(super) struct Recent<R> {
    inner: R,
    ring: Vec<u8>,
    read: u64,
}

impl<R> Recent<R> {
    /// Remembers the last `window` (at least 1) bytes read from `inner`.
    pub(super) fn new(inner: R, window: usize) -> Self {
        Self {
            inner,
            ring: vec![0; window.max(1)],
            read: 0,
        }
    }

    /// The byte at `offset` from the start, if it is among the last bytes read.
    pub(super) fn byte_at(&self, offset: u64) -> Option<u8> {
        let window = self.ring.len() as u64;
        if offset >= self.read || self.read - offset > window {
            return None;
        }
        self.ring.get((offset % window) as usize).copied()
    }
}

impl<R: Read> Read for Recent<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let window = self.ring.len();
        let read = buf.get(..n).unwrap_or_default();
        let skipped = read.len().saturating_sub(window);
        let mut start = ((self.read + skipped as u64) % window as u64) as usize;
        let mut tail = &read[skipped..];
        while !tail.is_empty() {
            let len = tail.len().min(window - start);
            self.ring[start..start + len].copy_from_slice(&tail[..len]);
            tail = &tail[len..];
            start = 0;
        }
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    #[test]
    fn remembers_the_last_window_of_bytes() {
        let bytes: Vec<u8> = (0..=255).collect();
        for chunk in [1, 3, 4, 7, 100] {
            let mut recent = Recent::new(Cursor::new(bytes.clone()), 5);
            let mut buf = vec![0; chunk];
            let mut total = 0u64;
            loop {
                let n = recent.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                total += n as u64;
                for offset in 0..total {
                    let expected = (total - offset <= 5).then_some(offset as u8);
                    assert_eq!(recent.byte_at(offset), expected, "chunk {chunk} offset {offset}");
                }
                assert_eq!(recent.byte_at(total), None);
            }
        }
    }
}
