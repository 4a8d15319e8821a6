//! Output: sparse rows in compressed sparse row (CSR) form, and their dense form for linfa.

use linfa::dataset::Records;
use ndarray::Array2;

/// One sparse row: sorted column indices and their values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SparseRow<'a> {
    /// Column indices, strictly increasing.
    pub indices: &'a [u32],
    /// The value of each column in `indices`.
    pub values: &'a [f64],
}

impl SparseRow<'_> {
    /// `(column, value)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.indices.iter().copied().zip(self.values.iter().copied())
    }
}

/// A matrix of sparse rows (CSR: `indptr`, `indices`, `values`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SparseMatrix {
    n_columns: usize,
    indptr: Vec<usize>,
    indices: Vec<u32>,
    values: Vec<f64>,
}

impl SparseMatrix {
    /// An empty matrix with `n_columns` columns and no rows.
    pub fn new(n_columns: usize) -> Self {
        Self {
            n_columns,
            indptr: vec![0],
            indices: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Appends a row from `(column, value)` pairs in any order; repeated columns are summed and
    /// columns outside the matrix are ignored.
    pub fn push_row(&mut self, entries: &mut [(u32, f64)]) {
        entries.sort_unstable_by_key(|&(column, _)| column);
        let start = self.indices.len();
        for &(column, value) in entries.iter().filter(|(c, _)| (*c as usize) < self.n_columns) {
            if self.indices.len() > start && self.indices.last() == Some(&column) {
                *self.values.last_mut().expect("a value per index") += value;
            } else {
                self.indices.push(column);
                self.values.push(value);
            }
        }
        self.indptr.push(self.indices.len());
    }

    /// Row `i`, if there is one.
    pub fn row(&self, i: usize) -> Option<SparseRow<'_>> {
        let (start, end) = (*self.indptr.get(i)?, *self.indptr.get(i + 1)?);
        Some(SparseRow {
            indices: &self.indices[start..end],
            values: &self.values[start..end],
        })
    }

    /// Every row, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = SparseRow<'_>> + '_ {
        self.indptr.windows(2).map(|w| SparseRow {
            indices: &self.indices[w[0]..w[1]],
            values: &self.values[w[0]..w[1]],
        })
    }

    /// The number of rows.
    pub fn n_rows(&self) -> usize {
        self.indptr.len() - 1
    }

    /// The number of columns.
    pub fn n_columns(&self) -> usize {
        self.n_columns
    }

    /// The number of stored (non-zero) entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// The CSR arrays: row pointers, column indices, values.
    pub fn csr(&self) -> (&[usize], &[u32], &[f64]) {
        (&self.indptr, &self.indices, &self.values)
    }

    /// The dense `n_rows x n_columns` form, for interop with linfa (mind the size).
    pub fn to_dense(&self) -> Array2<f64> {
        let mut dense = Array2::zeros((self.n_rows(), self.n_columns));
        for (i, row) in self.rows().enumerate() {
            for (column, value) in row.iter() {
                dense[(i, column as usize)] = value;
            }
        }
        dense
    }

    /// The sparse form of a dense matrix (zeros are not stored).
    pub fn from_dense(dense: &Array2<f64>) -> Self {
        let mut matrix = Self::new(dense.ncols());
        let mut entries = Vec::new();
        for row in dense.rows() {
            entries.clear();
            entries.extend(
                row.iter()
                    .enumerate()
                    .filter(|(_, v)| **v != 0.0)
                    .map(|(c, v)| (c as u32, *v)),
            );
            matrix.push_row(&mut entries);
        }
        matrix
    }
}

impl Records for SparseMatrix {
    type Elem = f64;

    fn nsamples(&self) -> usize {
        self.n_rows()
    }

    fn nfeatures(&self) -> usize {
        self.n_columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn rows_are_sorted_and_merged() {
        let mut m = SparseMatrix::new(4);
        m.push_row(&mut [(3, 1.0), (0, 2.0), (3, 0.5)]);
        m.push_row(&mut []);
        m.push_row(&mut [(9, 1.0), (1, 1.0)]);
        assert_eq!(m.n_rows(), 3);
        assert_eq!(m.row(0).unwrap().indices, &[0, 3]);
        assert_eq!(m.row(0).unwrap().values, &[2.0, 1.5]);
        assert!(m.row(1).unwrap().indices.is_empty());
        assert_eq!(m.row(2).unwrap().indices, &[1]);
        assert!(m.row(3).is_none());
        assert_eq!(m.csr().0, &[0, 2, 2, 3]);
    }

    #[test]
    fn dense_round_trip() {
        let dense = array![[0.0, 1.0, 0.0], [2.0, 0.0, 3.0]];
        let sparse = SparseMatrix::from_dense(&dense);
        assert_eq!(sparse.nnz(), 3);
        assert_eq!(sparse.to_dense(), dense);
        assert_eq!((sparse.nsamples(), sparse.nfeatures()), (2, 3));
    }
}
