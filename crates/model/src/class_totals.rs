//! Per-class totals of feature values: the sufficient statistics of every naive Bayes variant.

use stance_features::SparseMatrix;

use crate::ModelError;

/// Per-class document counts and per-(feature, class) sums, over sorted labels.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassTotals {
    /// The class labels, sorted.
    pub labels: Vec<String>,
    /// Documents per class.
    pub documents: Vec<u64>,
    /// The number of features (columns).
    pub n_features: usize,
    /// Sum of feature values per class, at `feature * n_classes + class` (multinomial, complement).
    pub value_sums: Vec<f64>,
    /// Documents with the feature present per class, at `feature * n_classes + class` (Bernoulli).
    pub document_counts: Vec<f64>,
}

impl ClassTotals {
    /// The totals of a labeled sparse matrix.
    pub fn from_rows<S: AsRef<str>>(rows: &SparseMatrix, labels: &[S]) -> Result<Self, ModelError> {
        if rows.n_rows() != labels.len() {
            return Err(ModelError::LengthMismatch {
                rows: rows.n_rows(),
                labels: labels.len(),
            });
        }
        if labels.is_empty() {
            return Err(ModelError::NoDocuments);
        }
        let mut sorted: Vec<String> = labels.iter().map(|l| l.as_ref().to_string()).collect();
        sorted.sort();
        sorted.dedup();
        let n_classes = sorted.len();
        let n_features = rows.n_columns();
        let mut totals = Self {
            documents: vec![0; n_classes],
            value_sums: vec![0.0; n_features * n_classes],
            document_counts: vec![0.0; n_features * n_classes],
            labels: sorted,
            n_features,
        };
        for (row, label) in rows.rows().zip(labels) {
            let class = totals
                .labels
                .binary_search_by(|l| l.as_str().cmp(label.as_ref()))
                .expect("label listed");
            totals.documents[class] += 1;
            for (feature, value) in row.iter() {
                let at = feature as usize * n_classes + class;
                totals.value_sums[at] += value;
                if value > 0.0 {
                    totals.document_counts[at] += 1.0;
                }
            }
        }
        Ok(totals)
    }

    /// The number of classes.
    pub fn n_classes(&self) -> usize {
        self.labels.len()
    }
}
