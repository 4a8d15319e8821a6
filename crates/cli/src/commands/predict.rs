//! `stance predict`: read documents in batches, predict each batch in parallel, print in input
//! order.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use rayon::prelude::*;
use stance_documents::screen::format_mismatches;
use stance_documents::{for_each_batch, read_inputs, Document, Screen};
use stance_model::{Classifier, Explanation, Prediction};

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
        check_writable(output)?;
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
    // Documents read before an error are still predicted and printed, then the error ends the run.
    for_each_batch(&mut documents, &mut screen, |batch| {
        write_batch(&batch, &models, args.explain, &writer, &mut sink)?;
        Ok::<(), anyhow::Error>(sink.flush()?)
    })?;
    sink.finish()?;

    let mut warnings = screen.warnings();
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

fn write_batch(
    batch: &[Document],
    models: &[Named],
    explain: Option<usize>,
    writer: &PredictionWriter,
    out: &mut impl Write,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let texts: Vec<&str> = batch.iter().map(|d| d.text.as_str()).collect();
    let predictions: Vec<Vec<Prediction>> = models.iter().map(|m| m.model.predict_batch(&texts)).collect();
    let explanations: Vec<Option<Vec<Explanation>>> = models
        .iter()
        .map(|m| explain.map(|n| texts.par_iter().map(|text| m.model.explain(text, n)).collect()))
        .collect();
    for (i, document) in batch.iter().enumerate() {
        let outcomes: Vec<Outcome<'_>> = models
            .iter()
            .enumerate()
            .map(|(m, named)| Outcome {
                labels: named.model.labels(),
                prediction: &predictions[m][i],
                explanation: explanations[m].as_ref().map(|e| &e[i]),
            })
            .collect();
        writer.row(out, &document.id, &outcomes)?;
    }
    Ok(())
}
