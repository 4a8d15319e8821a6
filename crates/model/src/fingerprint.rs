//! A fingerprint of training data that does not depend on document order and adds up across
//! shards: the count of documents and the wrapping sum of a 64-bit hash of each (label, text).

use serde::{Deserialize, Serialize};

/// Order-independent fingerprint of a labeled corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DataFingerprint {
    /// Documents fingerprinted.
    pub documents: u64,
    /// Wrapping sum of the documents' hashes.
    pub sum: u64,
}

impl DataFingerprint {
    /// Adds one labeled document.
    pub fn add(&mut self, label: &str, text: &str) {
        self.documents += 1;
        self.sum = self.sum.wrapping_add(document_hash(label, text));
    }

    /// Adds another shard's fingerprint.
    pub fn merge(&mut self, other: DataFingerprint) {
        self.documents += other.documents;
        self.sum = self.sum.wrapping_add(other.sum);
    }
}

impl std::fmt::Display for DataFingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}-{}", self.sum, self.documents)
    }
}

/// FNV-1a over the label, a separator and the text, then SplitMix64's finalizer to spread bits.
/// Written out here so the value never changes with a dependency's version.
fn document_hash(label: &str, text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in label.bytes().chain([0xff]).chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash ^= hash >> 30;
    hash = hash.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash ^= hash >> 27;
    hash = hash.wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_does_not_matter_and_shards_add_up() {
        let docs = [("a", "one"), ("b", "two"), ("a", "three")];
        let mut forward = DataFingerprint::default();
        docs.iter().for_each(|(l, t)| forward.add(l, t));
        let mut backward = DataFingerprint::default();
        docs.iter().rev().for_each(|(l, t)| backward.add(l, t));
        assert_eq!(forward, backward);
        let mut shard_a = DataFingerprint::default();
        shard_a.add("a", "one");
        let mut shard_b = DataFingerprint::default();
        shard_b.add("b", "two");
        shard_b.add("a", "three");
        shard_a.merge(shard_b);
        assert_eq!(shard_a, forward);
    }

    #[test]
    fn label_and_text_are_kept_apart() {
        assert_ne!(document_hash("ab", "c"), document_hash("a", "bc"));
    }
}
