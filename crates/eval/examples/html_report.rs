//! Writes the HTML report of a made-up 5-fold cross-validation of a three-class
//! stance model, with a learning curve, a reliability diagram and five confident
//! errors:
//!
//! ```text
//! cargo run -p stance-eval --example html_report -- /tmp/report.html
//! ```
//!
//! The predictions are simulated (a seeded generator decides which are right), so
//! the page shows realistic shapes without a trained model.

use stance_eval::{
    cross_validate, EvalInput, Folds, HtmlReport, LearningCurvePoint, WrongExample, LEARNING_CURVE_FRACTIONS,
};

const LABELS: [&str; 3] = ["military", "negotiation", "neutral"];

/// A tiny xorshift generator, enough to make up data.
struct Dice(u64);

impl Dice {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A simulated prediction for a document of class `truth` and fixed `difficulty`
/// in [0, 1): the predicted class and a probability row over `LABELS`. `skill`
/// scales how often the model is right; a document right at some skill stays right
/// at a higher one, as with more training data.
fn predict(dice: &mut Dice, truth: usize, difficulty: f64, skill: f64) -> (usize, Vec<f64>) {
    let hit_rate = [0.86, 0.66, 0.78][truth] * skill;
    let right = difficulty < hit_rate;
    let predicted = if right {
        truth
    } else {
        // Negotiation is mostly confused with neutral, military with neutral too.
        let others: Vec<usize> = (0..3).filter(|&c| c != truth).collect();
        let lean = if truth == 1 { 0.75 } else { 0.6 };
        if dice.unit() < lean {
            *others.iter().find(|&&c| c == 2).unwrap_or(&others[0])
        } else {
            *others.iter().find(|&&c| c != 2).unwrap_or(&others[1])
        }
    };
    // Naive Bayes is over-confident: right or wrong, the top probability is high.
    let top = if right {
        0.55 + 0.44 * dice.unit().powf(0.5)
    } else {
        0.45 + 0.5 * dice.unit()
    };
    // The rest is split 25–75% between the other two, which keeps them below `top`.
    let rest = 1.0 - top;
    let share = rest * (0.25 + 0.5 * dice.unit());
    let mut row = vec![0.0; 3];
    row[predicted] = top;
    let others: Vec<usize> = (0..3).filter(|&c| c != predicted).collect();
    row[others[0]] = share;
    row[others[1]] = rest - share;
    (predicted, row)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        std::env::temp_dir()
            .join("stance-eval-report.html")
            .display()
            .to_string()
    });

    // 1,200 passages: 42% military, 24% negotiation, 34% neutral.
    let mut dice = Dice(0x5EED_1234_ABCD_0042);
    let truth: Vec<usize> = (0..1200)
        .map(|_| {
            let u = dice.unit();
            if u < 0.42 {
                0
            } else if u < 0.66 {
                1
            } else {
                2
            }
        })
        .collect();
    let difficulty: Vec<f64> = truth.iter().map(|_| dice.unit()).collect();
    let labels: Vec<&str> = truth.iter().map(|&c| LABELS[c]).collect();
    let folds = Folds::stratified(&labels, 5, 42)?;

    // Validation predictions of the full model in each fold.
    let mut fold_inputs = Vec::new();
    let mut reliability = Vec::new();
    for fold in 0..folds.n_folds() {
        let mut predicted = Vec::new();
        let mut rows = Vec::new();
        for &document in folds.validation_indices(fold) {
            let (p, row) = predict(&mut dice, truth[document], difficulty[document], 1.0);
            reliability.push((row[p], p == truth[document]));
            predicted.push(LABELS[p]);
            rows.push(row);
        }
        let fold_truth: Vec<&str> = folds.validation_indices(fold).iter().map(|&d| labels[d]).collect();
        fold_inputs.push(
            EvalInput::new(fold_truth, predicted)
                .with_labels(LABELS)
                .with_probabilities(LABELS, rows),
        );
    }

    // The learning curve: models trained on 10%, 20%, ..., 100% of each fold.
    let mut curve = Vec::new();
    for (i, &fraction) in LEARNING_CURVE_FRACTIONS.iter().enumerate() {
        let mut runs = Vec::new();
        for fold in 0..folds.n_folds() {
            let subsets = folds.learning_curve_subsets(fold, &LEARNING_CURVE_FRACTIONS, 7)?;
            let skill = 0.62 + 0.38 * fraction.powf(0.45);
            let validation = folds.validation_indices(fold);
            let fold_truth: Vec<&str> = validation.iter().map(|&d| labels[d]).collect();
            let predicted: Vec<&str> = validation
                .iter()
                .map(|&d| LABELS[predict(&mut dice, truth[d], difficulty[d], skill).0])
                .collect();
            let input = EvalInput::new(fold_truth, predicted).with_labels(LABELS);
            runs.push((subsets[i].len(), stance_eval::evaluate(&input)?));
        }
        curve.push(LearningCurvePoint::from_runs(fraction, &runs)?);
    }

    let cv = cross_validate(&fold_inputs)?
        .with_fold_names(folds.fold_names().iter().cloned())?
        .with_learning_curve(curve);

    let wrong = vec![
        WrongExample::new(
            "reuters-2016-0412",
            "negotiation",
            "military",
            0.97,
            "Envoys met in Geneva for a third round of talks while artillery fire continued along the \
             front line; both delegations said a ceasefire was \"within reach\" but accused the other \
             side of massing troops near the corridor.",
        )
        .with_evidence([
            ("artillery", 2.41),
            ("troops", 1.87),
            ("front line", 1.52),
            ("talks", -1.95),
        ]),
        WrongExample::new(
            "afp-2017-1190",
            "neutral",
            "military",
            0.93,
            "The ministry published the annual defence budget: <b>spending</b> on equipment & \
             personnel rose 4% — the report lists procurement of helicopters, drones and armoured \
             vehicles, without comment on operations.",
        )
        .with_evidence([("drones", 1.64), ("armoured", 1.33), ("budget", -0.88)]),
        WrongExample::new(
            "bbc-2018-0077",
            "military",
            "negotiation",
            0.88,
            "Rebel commanders said they would 'consider' the offer of talks only after the air strikes \
             on the northern districts stopped.",
        )
        .with_evidence([("offer", 1.48), ("talks", 1.91), ("air strikes", -2.2)]),
        WrongExample::new(
            "ap-2016-3321",
            "negotiation",
            "neutral",
            0.81,
            "Officials declined to comment on reports of back-channel contacts.",
        )
        .with_evidence([("officials", 0.97), ("declined", 0.84), ("comment", 0.71)]),
        WrongExample::new(
            "guardian-2019-0542",
            "neutral",
            "negotiation",
            0.76,
            "A long feature on the history of the region. ".repeat(3)
                + "Historians recall that the 1994 accords, mediated by neighbouring states, \
                   were followed by a decade of uneasy calm, and that refugees returned slowly \
                   to villages that had changed hands several times during the fighting; the \
                   article ends with interviews of farmers who remember both wars.",
        )
        .with_evidence([("accords", 1.72), ("mediated", 1.41), ("fighting", -0.63)]),
    ];

    let page = HtmlReport::new("Stance classifier — 5-fold cross-validation", &cv.pooled)
        .with_cross_validation(&cv)
        .with_reliability(reliability)
        .with_wrong_examples(wrong)
        .render();
    std::fs::write(&path, page)?;
    println!("{}", cv.to_text(3));
    println!("wrote {path}");
    Ok(())
}
