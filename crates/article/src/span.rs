//! Byte spans into the analyzed article.

use std::ops::Range;

use serde::Serialize;

/// A half-open byte range `start..end` into the original article text.
///
/// Both ends always fall on UTF-8 character boundaries, so `&article[span.range()]` never panics
/// for the text the span was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(2, 8);
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert!(a.contains(Span::new(2, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert_eq!(a.len(), 6);
        assert!(Span::new(3, 3).is_empty());
        assert_eq!(&"0123456789"[a.range()], "234567");
    }
}
