//! The confusion matrix: rows are true labels, columns are predicted labels.

use std::collections::BTreeSet;

use serde::Serialize;

/// Counts of (true label, predicted label) pairs over sorted labels.
///
/// `matrix()[i][j]` is the number of documents whose true label is `labels()[i]`
/// and whose predicted label is `labels()[j]`. The labels are the sorted union of
/// the true, predicted and model labels, so the layout never depends on input
/// order. Serializes as `{"labels": [...], "matrix": [[...], ...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfusionMatrix {
    labels: Vec<String>,
    matrix: Vec<Vec<usize>>,
}

impl ConfusionMatrix {
    /// Counts parallel label slices (the caller checked their lengths) over the
    /// sorted union of both and `extra_labels`.
    pub(crate) fn count(y_true: &[String], y_pred: &[String], extra_labels: &[String]) -> Self {
        let labels: Vec<String> = y_true
            .iter()
            .chain(y_pred)
            .chain(extra_labels)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .cloned()
            .collect();
        let mut matrix = vec![vec![0; labels.len()]; labels.len()];
        for (truth, prediction) in y_true.iter().zip(y_pred) {
            // Both labels are in `labels` by construction, so the searches succeed.
            if let (Ok(row), Ok(column)) = (labels.binary_search(truth), labels.binary_search(prediction)) {
                matrix[row][column] += 1;
            }
        }
        ConfusionMatrix { labels, matrix }
    }

    /// The sorted labels naming both the rows and the columns.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The square matrix of counts, rows = true labels, columns = predicted labels.
    pub fn matrix(&self) -> &[Vec<usize>] {
        &self.matrix
    }

    /// The number of documents with this true and this predicted label (0 for a
    /// label that is not in the matrix).
    pub fn get(&self, true_label: &str, predicted_label: &str) -> usize {
        let index = |label: &str| self.labels.binary_search_by(|l| l.as_str().cmp(label));
        match (index(true_label), index(predicted_label)) {
            (Ok(row), Ok(column)) => self.matrix[row][column],
            _ => 0,
        }
    }

    /// The number of documents counted.
    pub fn total(&self) -> usize {
        self.matrix.iter().flatten().sum()
    }

    /// The number of correctly predicted documents (the trace).
    pub fn correct(&self) -> usize {
        (0..self.labels.len()).map(|i| self.matrix[i][i]).sum()
    }

    /// Per label, the number of documents with that true label (row sums, the support).
    pub fn true_counts(&self) -> Vec<usize> {
        self.matrix.iter().map(|row| row.iter().sum()).collect()
    }

    /// Per label, the number of documents predicted as that label (column sums).
    pub fn predicted_counts(&self) -> Vec<usize> {
        (0..self.labels.len())
            .map(|column| self.matrix.iter().map(|row| row[column]).sum())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rows_are_true_columns_are_predicted_labels_sorted() {
        let y_true = strings(&["b", "a", "a", "c"]);
        let y_pred = strings(&["a", "a", "c", "c"]);
        let cm = ConfusionMatrix::count(&y_true, &y_pred, &strings(&["d"]));
        assert_eq!(cm.labels(), strings(&["a", "b", "c", "d"]).as_slice());
        assert_eq!(
            cm.matrix(),
            &[vec![1, 0, 1, 0], vec![1, 0, 0, 0], vec![0, 0, 1, 0], vec![0, 0, 0, 0],]
        );
        assert_eq!(cm.get("b", "a"), 1);
        assert_eq!(cm.get("a", "b"), 0);
        assert_eq!(cm.get("zzz", "a"), 0);
        assert_eq!(cm.total(), 4);
        assert_eq!(cm.correct(), 2);
        assert_eq!(cm.true_counts(), vec![2, 1, 1, 0]);
        assert_eq!(cm.predicted_counts(), vec![2, 0, 2, 0]);
    }

    #[test]
    fn layout_does_not_depend_on_input_order() {
        let y_true = strings(&["x", "y", "z", "x"]);
        let y_pred = strings(&["y", "y", "x", "x"]);
        let mut reversed_true = y_true.clone();
        let mut reversed_pred = y_pred.clone();
        reversed_true.reverse();
        reversed_pred.reverse();
        assert_eq!(
            ConfusionMatrix::count(&y_true, &y_pred, &[]),
            ConfusionMatrix::count(&reversed_true, &reversed_pred, &[])
        );
    }
}
