//! Prints the text, Markdown and JSON reports of a small stance evaluation and a
//! McNemar comparison: `cargo run -p stance-eval --example stance_report`.

use stance_eval::{evaluate, mcnemar, EvalInput};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let truth = [
        "AGAINST", "AGAINST", "AGAINST", "FAVOR", "FAVOR", "NONE", "NONE", "NONE",
    ];
    let model_a = [
        "AGAINST", "AGAINST", "NONE", "AGAINST", "AGAINST", "NONE", "NONE", "AGAINST",
    ];
    let model_b = ["AGAINST", "NONE", "NONE", "FAVOR", "AGAINST", "NONE", "NONE", "NONE"];
    let probabilities = vec![
        vec![0.7, 0.1, 0.2],
        vec![0.5, 0.2, 0.3],
        vec![0.3, 0.2, 0.5],
        vec![0.5, 0.4, 0.1],
        vec![0.6, 0.3, 0.1],
        vec![0.2, 0.1, 0.7],
        vec![0.1, 0.1, 0.8],
        vec![0.4, 0.3, 0.3],
    ];
    let input = EvalInput::new(truth, model_a).with_probabilities(["AGAINST", "FAVOR", "NONE"], probabilities);
    let report = evaluate(&input)?;

    println!("{}", report.to_text(2));
    println!("{}", report.to_markdown(3));
    println!("{}", report.to_json()?);
    println!("{}", mcnemar(&truth, &model_a, &model_b)?);
    Ok(())
}
