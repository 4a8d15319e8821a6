//! Reference checks: scikit-learn on a fixed toy set, and linfa-bayes 0.8.1 on random counts.

use linfa::prelude::*;
use linfa::ParamGuard;
use ndarray::{array, Array1, Array2};
use proptest::prelude::*;
use stance_features::SparseMatrix;
use stance_model::{NaiveBayes, NaiveBayesParams, Priors, Variant};

fn toy() -> (SparseMatrix, Vec<&'static str>, SparseMatrix) {
    let x = array![
        [2., 1., 0., 0.],
        [3., 0., 1., 0.],
        [0., 0., 2., 3.],
        [0., 1., 1., 4.],
        [1., 1., 1., 1.]
    ];
    let t = array![[1., 0., 0., 0.], [0., 0., 0., 5.], [1., 1., 1., 1.], [0., 2., 0., 1.]];
    (
        SparseMatrix::from_dense(&x),
        vec!["a", "a", "b", "b", "c"],
        SparseMatrix::from_dense(&t),
    )
}

fn fit(variant: Variant, norm: bool) -> (NaiveBayes, SparseMatrix) {
    let (x, y, t) = toy();
    let targets: Array1<String> = y.iter().map(|s| s.to_string()).collect();
    // scikit-learn's ComplementNB ignores class priors; ours counts them, so it is compared
    // with uniform priors, under which the two agree.
    let priors = if variant == Variant::Complement {
        Priors::Uniform
    } else {
        Priors::Learned
    };
    let params = NaiveBayesParams::new()
        .variant(variant)
        .alpha(0.5)
        .complement_norm(norm)
        .priors(priors)
        .check()
        .unwrap();
    let model = params.fit(&DatasetBase::new(x, targets)).unwrap();
    (model, t)
}

fn assert_log_proba(variant: Variant, norm: bool, expected: [[f64; 3]; 4], labels: [&str; 4]) {
    let (model, t) = fit(variant, norm);
    for (i, row) in t.rows().enumerate() {
        let got = model.predict_log_proba(row);
        for (g, e) in got.iter().zip(expected[i]) {
            assert!((g - e).abs() < 1e-12, "{variant:?} row {i}: {got:?} vs {expected:?}");
        }
    }
    let predicted: Array1<String> = model.predict(&t);
    for (i, (got, want)) in predicted.iter().zip(labels).enumerate() {
        // A row whose classes tie (to rounding) may go to any of them.
        let best = expected[i].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let tied = expected[i].iter().filter(|p| (best - *p).abs() < 1e-12).count() > 1;
        assert!(tied || got == want, "{variant:?} row {i}: {got} vs {want}");
    }
}

// Expected values computed with scikit-learn 1.9.1:
//   X = [[2,1,0,0],[3,0,1,0],[0,0,2,3],[0,1,1,4],[1,1,1,1]], y = [a,a,b,b,c]
//   T = [[1,0,0,0],[0,0,0,5],[1,1,1,1],[0,2,0,1]]
//   MultinomialNB(alpha=0.5) / ComplementNB(alpha=0.5[, norm=True]) / BernoulliNB(alpha=0.5)
//   .fit(X, y).predict_log_proba(T) and .predict(T)

#[test]
fn multinomial_matches_scikit_learn() {
    let expected = [
        [-0.23703266347487695, -3.0026527163985643, -1.8239977200569184],
        [-11.709246060785627, -0.007618955901164348, -4.8820062574642025],
        [-1.3355131283880954, -1.6489594601983208, -0.607470571977534],
        [-2.4015016432217875, -0.7966257824955294, -0.7796412107891291],
    ];
    assert_log_proba(Variant::Multinomial, false, expected, ["a", "b", "c", "c"]);
}

#[test]
fn complement_matches_scikit_learn() {
    let expected = [
        [-0.40368098631466287, -2.138282041702769, -1.5404450409471488],
        [-7.3350919343157095, -0.003406590348575378, -5.8966815720568055],
        [-0.8742374780275526, -1.0912427729094727, -1.3982816012127088],
        [-1.682589751249786, -0.7527806556457186, -1.0698698198024559],
    ];
    assert_log_proba(Variant::Complement, false, expected, ["a", "b", "a", "b"]);
}

#[test]
fn complement_with_weight_normalization_matches_scikit_learn() {
    let expected = [
        [-0.9617581478897267, -1.230354854047566, -1.122113808528559],
        [-1.7406731182703712, -0.5293120767131789, -1.445672113943616],
        [-1.09861228866811, -1.09861228866811, -1.09861228866811],
        [-1.2168274516203381, -1.0405490922136342, -1.0481918605536826],
    ];
    assert_log_proba(Variant::Complement, true, expected, ["a", "b", "a", "b"]);
}

#[test]
fn bernoulli_matches_scikit_learn() {
    let expected = [
        [-0.046008521207555386, -4.363496634743864, -3.4347833828711534],
        [-2.320138460574946, -0.1998749243748552, -2.490037497370344],
        [-1.9772588417830872, -1.4664332180170963, -0.46075892500825555],
        [-2.473557771979346, -0.3532942357792548, -1.5448445201066336],
    ];
    assert_log_proba(Variant::Bernoulli, false, expected, ["a", "b", "c", "b"]);
}

#[test]
fn a_very_long_document_has_finite_probabilities() {
    let (model, _) = fit(Variant::Multinomial, false);
    let long = SparseMatrix::from_dense(&array![[1600., 0., 0., 1600.]]);
    let p = model.predict_proba(long.row(0).unwrap());
    assert!(p.iter().all(|x| x.is_finite()));
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn ties_go_to_the_first_label_in_sorted_order() {
    let x = SparseMatrix::from_dense(&array![[1., 0.], [0., 1.]]);
    let targets: Array1<String> = array!["zeta".to_string(), "alpha".to_string()];
    let model = NaiveBayesParams::new()
        .check()
        .unwrap()
        .fit(&DatasetBase::new(x, targets))
        .unwrap();
    let empty = SparseMatrix::from_dense(&array![[0., 0.], [1., 1.]]);
    assert_eq!(model.predict(&empty).to_vec(), ["alpha", "alpha"]);
}

fn count_matrix() -> impl Strategy<Value = (Vec<Vec<u8>>, Vec<u8>, f64)> {
    (2usize..12, 1usize..8).prop_flat_map(|(rows, cols)| {
        (
            prop::collection::vec(prop::collection::vec(0u8..6, cols), rows),
            prop::collection::vec(0u8..3, rows),
            prop::sample::select(vec![0.1, 0.5, 1.0, 2.0]),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Our multinomial NB against linfa-bayes 0.8.1 (its dbg! output is captured by the harness).
    #[test]
    fn multinomial_agrees_with_linfa_bayes((rows, labels, alpha) in count_matrix()) {
        let n_cols = rows[0].len();
        let dense = Array2::from_shape_fn((rows.len(), n_cols), |(i, j)| f64::from(rows[i][j]));
        let y_usize: Array1<usize> = labels.iter().map(|&l| usize::from(l)).collect();
        let reference = linfa_bayes::MultinomialNb::params().alpha(alpha).fit(&Dataset::new(dense.clone(), y_usize)).unwrap();
        let y_string: Array1<String> = labels.iter().map(|&l| l.to_string()).collect();
        let ours = NaiveBayesParams::new().alpha(alpha).check().unwrap()
            .fit(&DatasetBase::new(SparseMatrix::from_dense(&dense), y_string)).unwrap();
        use linfa_bayes::NaiveBayes as _;
        let (log_proba, classes) = reference.predict_log_proba(dense.view());
        let class_names: Vec<String> = classes.iter().map(|c| c.to_string()).collect();
        prop_assert_eq!(ours.labels(), class_names.as_slice());
        let sparse = SparseMatrix::from_dense(&dense);
        for (i, row) in sparse.rows().enumerate() {
            let got = ours.predict_log_proba(row);
            for (c, g) in got.iter().enumerate() {
                prop_assert!((g - log_proba[(i, c)]).abs() < 1e-9, "row {} class {}: {} vs {}", i, c, g, log_proba[(i, c)]);
            }
            let mut sorted = got.clone();
            sorted.sort_by(|a, b| b.total_cmp(a));
            if sorted.len() < 2 || sorted[0] - sorted[1] > 1e-9 {
                let linfa_best = (0..got.len()).max_by(|&a, &b| log_proba[(i, a)].total_cmp(&log_proba[(i, b)])).unwrap();
                prop_assert_eq!(ours.predict_class(row), linfa_best);
            }
        }
    }
}
