//! `stance predict`: read documents in batches, predict each batch in parallel, print in input
//! order.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use rayon::prelude::*;
use stance_documents::screen::format_mismatches;
use stance_documents::{for_each_batch, read_inputs, Document, Screen};
use stance_model::{Classifier, Explanation, Prediction, MIN_KNOWN_SHARE, UNCERTAIN};

use super::{list, warn};
use crate::args::{ModelChoice, PredictArgs, Task};
use crate::embedded;
use crate::output::{check_writable, Layout, Outcome, PredictionWriter, Sink};

/// A model and what the output calls it.
struct Named {
    name: &'static str,
    model: Classifier,
}

/// Runs `stance predict`.
pub fn run(args: &PredictArgs) -> Result<()> {
    let inputs = args.inputs(std::io::stdin().is_terminal())?;
    let options = args.reading.options(false)?;
    if let Some(output) = &args.output {
        check_writable(
            output,
            inputs
                .iter()
                .map(std::path::PathBuf::as_path)
                .chain(args.model.as_deref()),
        )?;
    }
    let (models, layout) = match args.model_choice() {
        ModelChoice::BothBuiltIn => {
            // Decoding a model is most of a short run's time: decode both at once.
            let models = Task::ALL
                .par_iter()
                .map(|&task| {
                    embedded::load(task).map(|model| Named {
                        name: task.name(),
                        model,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let layout = Layout::Named(models.iter().map(|m| m.name).collect());
            (models, layout)
        }
        choice => {
            let model = embedded::load_one(&choice)?;
            let layout = Layout::Single(model.labels().to_vec());
            (vec![Named { name: "model", model }], layout)
        }
    };
    let writer = PredictionWriter::new(args.format, layout, args.top_k, args.explain.is_some());
    warn(&format_mismatches(options.format, &inputs), args.quiet);

    let mut documents = read_inputs(&inputs, &options)?;
    let mut screen = Screen::prediction();
    let mut sink = Sink::new(args.output.as_deref());
    writer.header(&mut sink)?;
    let mut unfamiliar = Unfamiliar::default();
    // Documents read before an error are still predicted and printed, then the error ends the run.
    for_each_batch(&mut documents, &mut screen, |batch| {
        let run = Run {
            models: &models,
            explain: args.explain,
            min_confidence: args.min_confidence,
            writer: &writer,
        };
        write_batch(&batch, &run, &mut unfamiliar, &mut sink)?;
        Ok::<(), anyhow::Error>(sink.flush()?)
    })?;
    sink.finish()?;

    let mut warnings = screen.warnings();
    warnings.extend(unfamiliar.warning());
    if screen.admitted() == 0 {
        let directories = inputs.iter().any(|input| input.is_dir());
        warnings.push(format!(
            "no documents in {}{}",
            list(&inputs),
            if directories {
                " (a directory is searched for .txt files only)"
            } else {
                ""
            }
        ));
    }
    warn(&warnings, args.quiet);
    Ok(())
}

/// What every batch of one run is predicted with.
struct Run<'a> {
    models: &'a [Named],
    explain: Option<usize>,
    min_confidence: Option<f64>,
    writer: &'a PredictionWriter,
}

/// The documents a model barely knows ([`Prediction::barely_known`]): how many, and the first.
#[derive(Default)]
struct Unfamiliar {
    count: u64,
    first: Option<String>,
}

impl Unfamiliar {
    fn add(&mut self, id: &str) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some(id.to_string());
        }
    }

    /// One warning line, when there were any.
    fn warning(&self) -> Option<String> {
        let first = self.first.as_ref()?;
        let one = self.count == 1;
        Some(format!(
            "{} {} barely known to the model: fewer than {:.0}% of {} terms are in its vocabulary (another \
             language or domain?), so {} probabilities rest on a few terms and the priors; --min-confidence calls \
             {} {UNCERTAIN} (first: {first})",
            self.count,
            if one { "document is" } else { "documents are" },
            MIN_KNOWN_SHARE * 100.0,
            if one { "its" } else { "their" },
            if one { "its" } else { "their" },
            if one { "it" } else { "them" },
        ))
    }
}

fn write_batch(batch: &[Document], run: &Run<'_>, unfamiliar: &mut Unfamiliar, out: &mut impl Write) -> Result<()> {
    let texts: Vec<&str> = batch.iter().map(|d| d.text.as_str()).collect();
    let mut predictions: Vec<Vec<Prediction>> = run.models.iter().map(|m| m.model.predict_batch(&texts)).collect();
    for (i, document) in batch.iter().enumerate() {
        if predictions.iter().any(|p| p[i].barely_known()) {
            unfamiliar.add(&document.id);
        }
    }
    if let Some(min_confidence) = run.min_confidence {
        for prediction in predictions.iter_mut().flatten() {
            if !prediction.is_confident(min_confidence) {
                prediction.label = UNCERTAIN.to_string();
            }
        }
    }
    let explanations: Vec<Option<Vec<Explanation>>> = run
        .models
        .iter()
        .map(|m| {
            run.explain
                .map(|n| texts.par_iter().map(|text| m.model.explain(text, n)).collect())
        })
        .collect();
    for (i, document) in batch.iter().enumerate() {
        let outcomes: Vec<Outcome<'_>> = run
            .models
            .iter()
            .enumerate()
            .map(|(m, named)| Outcome {
                labels: named.model.labels(),
                prediction: &predictions[m][i],
                explanation: explanations[m].as_ref().map(|e| &e[i]),
            })
            .collect();
        run.writer.row(out, &document.id, &outcomes)?;
    }
    Ok(())
}
