//! Invalid input is an error, never a panic.

use stance_eval::{evaluate, EvalError, EvalInput, NeutralClass};

#[test]
fn mismatched_lengths() {
    let err = evaluate(&EvalInput::new(["a", "b"], ["a"])).unwrap_err();
    assert_eq!(
        err,
        EvalError::LengthMismatch {
            what: "predicted labels",
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        err.to_string(),
        "predicted labels has 1 entries but there are 2 documents"
    );
}

#[test]
fn empty_input() {
    let none: [&str; 0] = [];
    assert_eq!(evaluate(&EvalInput::new(none, none)), Err(EvalError::Empty));
}

#[test]
fn probability_rows_are_validated() {
    let input = |rows: Vec<Vec<f64>>| EvalInput::new(["a", "b"], ["a", "a"]).with_probabilities(["a", "b"], rows);
    let cases = [
        (
            vec![vec![1.0, 0.0]],
            EvalError::LengthMismatch {
                what: "probability rows",
                expected: 2,
                found: 1,
            },
        ),
        (
            vec![vec![1.0, 0.0], vec![1.0]],
            EvalError::ProbabilityWidth {
                row: 1,
                expected: 2,
                found: 1,
            },
        ),
        (
            vec![vec![1.0, 0.0], vec![0.5, 0.499]],
            EvalError::ProbabilitySum { row: 1, sum: 0.999 },
        ),
        (
            vec![vec![f64::NAN, 0.0], vec![0.5, 0.5]],
            EvalError::ProbabilityNaN { row: 0, column: 0 },
        ),
        (
            vec![vec![1.0, 0.0], vec![-0.5, 1.5]],
            EvalError::ProbabilityOutOfRange {
                row: 1,
                column: 0,
                value: -0.5,
            },
        ),
    ];
    for (rows, expected) in cases {
        assert_eq!(evaluate(&input(rows)), Err(expected));
    }
}

#[test]
fn true_label_needs_a_probability_column() {
    let input =
        EvalInput::new(["a", "c"], ["a", "a"]).with_probabilities(["a", "b"], vec![vec![1.0, 0.0], vec![0.5, 0.5]]);
    assert_eq!(
        evaluate(&input),
        Err(EvalError::MissingProbabilityLabel {
            row: 1,
            label: "c".into()
        })
    );
}

#[test]
fn named_neutral_label_must_exist() {
    let input = EvalInput::new(["a"], ["a"]).with_neutral(NeutralClass::Named("NONE".into()));
    assert_eq!(evaluate(&input), Err(EvalError::UnknownNeutralLabel("NONE".into())));
}
