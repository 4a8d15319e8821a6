//! `stance inspect`: what a model holds — labels, training data, settings, vocabulary — and the
//! terms that tell its labels apart.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use stance_model::{Classifier, ModelSummary};

use crate::args::{InspectArgs, InspectFormat, ModelChoice, Task};
use crate::embedded;
use crate::output::Sink;

/// Runs `stance inspect`.
pub fn run(args: &InspectArgs) -> Result<()> {
    let models: Vec<(String, Classifier)> = match args.model_choice() {
        ModelChoice::File(path) => vec![(path.display().to_string(), embedded::load_file(&path)?)],
        ModelChoice::BuiltIn(task) => vec![(built_in(task), embedded::load(task)?)],
        ModelChoice::BothBuiltIn => Task::ALL
            .iter()
            .map(|&task| Ok((built_in(task), embedded::load(task)?)))
            .collect::<Result<_>>()?,
    };
    let summaries: Vec<ModelSummary> = models
        .iter()
        .map(|(source, model)| ModelSummary::new(source, model, args.top))
        .collect();

    let mut out = Sink::new(None);
    match args.format {
        InspectFormat::Text => {
            for (index, summary) in summaries.iter().enumerate() {
                if index > 0 {
                    writeln!(out)?;
                }
                summary.write_text(&mut out, args.top)?;
            }
        }
        InspectFormat::Json => {
            let json = if let (ModelChoice::BothBuiltIn, [stance, sentiment]) = (args.model_choice(), &summaries[..]) {
                serde_json::to_string(&Both { stance, sentiment })?
            } else {
                serde_json::to_string(&summaries[0])?
            };
            writeln!(out, "{json}")?;
        }
    }
    out.finish()
}

fn built_in(task: Task) -> String {
    format!("built-in {task} model")
}

/// Both built-in models, in the order `predict` shows them.
#[derive(Serialize)]
struct Both<'a> {
    stance: &'a ModelSummary,
    sentiment: &'a ModelSummary,
}
