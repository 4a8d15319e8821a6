//! The terms seen in training, each with an index, keyed by the ids of their units.
//!
//! A unit is one unigram term (an analyzed word: `talk`, `NOT_send`); every n-gram is a path of
//! units, stored as a node whose key is its prefix's node and its last unit. Counting an n-gram
//! thus costs one lookup of two integers, whatever its length, instead of joining its words and
//! hashing and comparing the joined string; the string is built only when asked for (for the
//! terms that reach the vocabulary, a model file or a merge). Units never hold a space (the
//! tokenizer splits at whitespace), so a term's text splits back into its units.

use rustc_hash::FxHashMap;
use stance_features::NgramNodes;

/// No term index (a node that is only a prefix of counted n-grams).
const NO_TERM: u32 = u32::MAX;

/// Terms by index, keyed by their units.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermTable {
    /// The texts of the terms by index, as read from a model file: the keys below are built from
    /// them only when terms are counted into the table (`update`, `merge`), so that loading a model
    /// to predict costs no hashing.
    loaded: Option<Vec<String>>,
    /// Unit text -> unit id.
    unit_ids: FxHashMap<Box<str>, u32>,
    /// Unit id -> text.
    units: Vec<Box<str>>,
    /// `(prefix node + 1, or 0 for none) << 32 | unit` -> node.
    node_ids: FxHashMap<u64, u32>,
    /// Node -> (prefix node + 1, or 0, and last unit).
    nodes: Vec<(u32, u32)>,
    /// Node -> term index, or [`NO_TERM`].
    node_terms: Vec<u32>,
    /// Term index -> node.
    term_nodes: Vec<u32>,
}

impl TermTable {
    /// The table of `texts`, term `i` being `texts[i]` (unique texts, as a model file holds them).
    pub(crate) fn from_texts(texts: Vec<String>) -> Self {
        Self {
            loaded: Some(texts),
            ..Self::default()
        }
    }

    /// Builds the keys of loaded texts, before terms are counted in.
    fn expand(&mut self) {
        if let Some(texts) = self.loaded.take() {
            for text in &texts {
                self.index(text);
            }
        }
    }

    /// The number of terms.
    pub(crate) fn len(&self) -> usize {
        self.loaded.as_ref().map_or(self.term_nodes.len(), Vec::len)
    }

    /// Whether no term was seen.
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of the unit `text`, added if new.
    pub(crate) fn unit(&mut self, text: &str) -> u32 {
        self.expand();
        if let Some(&id) = self.unit_ids.get(text) {
            return id;
        }
        let id = self.units.len() as u32;
        self.units.push(text.into());
        self.unit_ids.insert(text.into(), id);
        id
    }

    /// The node of the n-gram `prefix` (a node, or none for a unigram) followed by `unit`, added
    /// if new.
    pub(crate) fn node(&mut self, prefix: Option<u32>, unit: u32) -> u32 {
        self.expand();
        let parent = prefix.map_or(0, |p| p + 1);
        let key = (u64::from(parent) << 32) | u64::from(unit);
        let next = self.nodes.len() as u32;
        let id = *self.node_ids.entry(key).or_insert(next);
        if id == next {
            self.nodes.push((parent, unit));
            self.node_terms.push(NO_TERM);
        }
        id
    }

    /// The term index of the n-gram at `node`, added if new.
    pub(crate) fn term_of(&mut self, node: u32) -> u32 {
        let term = &mut self.node_terms[node as usize];
        if *term == NO_TERM {
            *term = self.term_nodes.len() as u32;
            self.term_nodes.push(node);
        }
        *term
    }

    /// The term index of `text` (units joined by single spaces), added if new.
    pub(crate) fn index(&mut self, text: &str) -> u32 {
        self.expand();
        let mut node = None;
        for unit in text.split(' ') {
            let unit = self.unit(unit);
            node = Some(self.node(node, unit));
        }
        // `split` yields at least one part, so there is a node.
        node.map_or(NO_TERM, |node| self.term_of(node))
    }

    /// The text of term `index`: its units joined by single spaces.
    fn text(&self, index: u32) -> String {
        let mut units = Vec::new();
        let mut node = self.term_nodes[index as usize];
        loop {
            let (parent, unit) = self.nodes[node as usize];
            units.push(&*self.units[unit as usize]);
            if parent == 0 {
                break;
            }
            node = parent - 1;
        }
        units.reverse();
        units.join(" ")
    }

    /// The text of every term, by index.
    pub(crate) fn texts(&self) -> Vec<String> {
        match &self.loaded {
            Some(texts) => texts.clone(),
            None => (0..self.len() as u32).map(|index| self.text(index)).collect(),
        }
    }

    /// The index in `self` of every term of `other` (added if new), by `other`'s index: how the
    /// counts of a shard move into these statistics.
    pub(crate) fn absorb(&mut self, mut other: TermTable) -> Vec<u32> {
        self.expand();
        other.expand();
        let units: Vec<u32> = other.units.iter().map(|text| self.unit(text)).collect();
        // A node's prefix always comes before it, so one pass in order maps them all.
        let mut nodes: Vec<u32> = Vec::with_capacity(other.nodes.len());
        for &(parent, unit) in &other.nodes {
            let prefix = (parent != 0).then(|| nodes[(parent - 1) as usize]);
            let node = self.node(prefix, units[unit as usize]);
            nodes.push(node);
        }
        other
            .term_nodes
            .iter()
            .map(|&node| self.term_of(nodes[node as usize]))
            .collect()
    }
}

impl NgramNodes for TermTable {
    /// Every unit gets an id (added if new).
    fn unit(&mut self, text: &str) -> Option<u32> {
        Some(TermTable::unit(self, text))
    }

    /// Every n-gram gets a node (added if new).
    fn node(&mut self, prefix: Option<u32>, unit: u32) -> Option<u32> {
        Some(TermTable::node(self, prefix, unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_round_trip_through_their_units() {
        let mut table = TermTable::default();
        let talk = table.unit("talk");
        let node = table.node(None, talk);
        let peace = table.unit("peac");
        let bigram = table.node(Some(node), peace);
        assert_eq!(table.term_of(bigram), 0);
        assert_eq!(table.index("talk"), 1);
        assert_eq!(table.index("talk peac"), 0);
        assert_eq!(table.index("NOT_send talk peac"), 2);
        assert_eq!(table.texts(), ["talk peac", "talk", "NOT_send talk peac"]);

        let mut other = TermTable::default();
        assert_eq!(other.index("peac"), 0);
        assert_eq!(other.index("talk peac"), 1);
        assert_eq!(table.absorb(other), [3, 0]);
        assert_eq!(table.text(3), "peac");
        assert_eq!(table.len(), 4);

        // Loaded texts are the same terms, keyed only once counted into.
        let mut loaded = TermTable::from_texts(table.texts());
        assert_eq!((loaded.len(), loaded.texts()), (4, table.texts()));
        assert_eq!(loaded.index("talk peac"), 0);
        assert_eq!(loaded.index("war"), 4);
    }
}
