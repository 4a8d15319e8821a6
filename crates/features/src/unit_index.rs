//! A vocabulary's terms found by the ids of their units (the analyzed words an n-gram is made
//! of), so that prediction looks an n-gram up without joining its words into a string: a unit's
//! id by its text, then each longer n-gram's node by its prefix's node and its last unit (one
//! lookup of two integers), and the node's column.

use rustc_hash::FxHashMap;

use crate::analyzer::NgramNodes;

/// No column: a node that only prefixes vocabulary terms.
const NO_COLUMN: u32 = u32::MAX;

/// The units and n-gram nodes of a vocabulary's terms.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitIndex {
    /// Unit text -> unit id.
    units: FxHashMap<Box<str>, u32>,
    /// `(prefix node + 1, or 0 for none) << 32 | unit` -> node.
    nodes: FxHashMap<u64, u32>,
    /// Node -> column, or [`NO_COLUMN`].
    columns: Vec<u32>,
}

fn key(prefix: Option<u32>, unit: u32) -> u64 {
    (u64::from(prefix.map_or(0, |p| p + 1)) << 32) | u64::from(unit)
}

impl UnitIndex {
    /// The index of `terms`, term `i` being column `i` (units never hold a space, so a term's
    /// text splits into its units).
    pub(crate) fn new<'a>(terms: impl Iterator<Item = &'a str>) -> Self {
        let mut index = Self::default();
        for (column, term) in terms.enumerate() {
            let mut node = None;
            for unit in term.split(' ') {
                let next = index.units.len() as u32;
                let unit = *index.units.entry(unit.into()).or_insert(next);
                let next = index.columns.len() as u32;
                let id = *index.nodes.entry(key(node, unit)).or_insert(next);
                if id == next {
                    index.columns.push(NO_COLUMN);
                }
                node = Some(id);
            }
            if let Some(node) = node {
                index.columns[node as usize] = column as u32;
            }
        }
        index
    }

    /// The id of the unit `text`, if some term holds it.
    pub(crate) fn unit(&self, text: &str) -> Option<u32> {
        self.units.get(text).copied()
    }

    /// The node of the n-gram `prefix` (none for a unigram) followed by `unit`, if some term
    /// starts with it.
    pub(crate) fn node(&self, prefix: Option<u32>, unit: u32) -> Option<u32> {
        self.nodes.get(&key(prefix, unit)).copied()
    }

    /// The column of the term at `node`, if it is one.
    pub(crate) fn column(&self, node: u32) -> Option<u32> {
        self.columns.get(node as usize).copied().filter(|&c| c != NO_COLUMN)
    }
}

impl NgramNodes for &UnitIndex {
    fn unit(&mut self, text: &str) -> Option<u32> {
        UnitIndex::unit(self, text)
    }

    fn node(&mut self, prefix: Option<u32>, unit: u32) -> Option<u32> {
        UnitIndex::node(self, prefix, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_unit_by_unit() {
        let index = UnitIndex::new(["peac talk", "talk", "war zone again"].into_iter());
        let talk = index.unit("talk").unwrap();
        let unigram = index.node(None, talk).unwrap();
        assert_eq!(index.column(unigram), Some(1));
        let peace = index.node(None, index.unit("peac").unwrap()).unwrap();
        assert_eq!(index.column(peace), None, "a prefix only");
        assert_eq!(index.column(index.node(Some(peace), talk).unwrap()), Some(0));
        let war_zone = index
            .node(
                Some(index.node(None, index.unit("war").unwrap()).unwrap()),
                index.unit("zone").unwrap(),
            )
            .unwrap();
        assert_eq!(index.column(war_zone), None);
        assert_eq!(index.node(Some(war_zone), talk), None);
        assert_eq!(index.unit("ceasefir"), None);
    }
}
