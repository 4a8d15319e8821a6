//! `stance predict`: read documents in batches, predict each batch in parallel, print in input
//! order.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use rayon::prelude::*;
use stance_documents::{read_inputs, Document};
use stance_model::{Classifier, Explanation, Prediction};

use super::{note, BATCH};
use crate::args::{ModelChoice, PredictArgs, Task};
use crate::embedded;
use crate::output::{Layout, Outcome, PredictionWriter, Sink};

/// A model and what the output calls it.
struct Named {
    name: &'static str,
    model: Classifier,
}

/// Runs `stance predict`.
pub fn run(args: &PredictArgs) -> Result<()> {
    let inputs = args.inputs(std::io::stdin().is_terminal())?;
    let options = args.reading.options(false);
    let (models, layout) = match args.model_choice() {
        ModelChoice::BothBuiltIn => {
            let models = Task::ALL
                .iter()
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

    let mut documents = read_inputs(&inputs, &options)?;
    let mut sink = Sink::new(args.output.as_deref());
    writer.header(&mut sink)?;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        // Documents read before an error are still predicted and printed, then the error ends the run.
        let mut failure = None;
        for document in documents.by_ref().take(BATCH) {
            match document {
                Ok(document) => batch.push(document),
                Err(error) => failure = Some(error),
            }
        }
        write_batch(&batch, &models, args.explain, &writer, &mut sink)?;
        if let Some(error) = failure {
            sink.flush()?;
            return Err(error.into());
        }
        if batch.len() < BATCH {
            break;
        }
        sink.flush()?;
    }
    sink.finish()?;

    let stats = documents.stats();
    if stats.empty_texts > 0 && !args.quiet {
        note(format_args!(
            "stance: warning: {} of {} documents had an empty text (predicted from the priors alone)",
            stats.empty_texts, stats.documents
        ));
    }
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
