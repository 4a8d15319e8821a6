//! `stance._stance`: the Python bindings of stance, on the same crates as the command line.
//!
//! Batch calls (`predict`, `predict_proba`, `train`, `update`, `analyze`) copy their texts out of
//! Python, release the GIL and run on the Rust thread pool. Bad input raises `TypeError` (not a
//! sequence of str) or `ValueError` (with the library's message, as the command line prints it);
//! nothing panics into Python.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use numpy::{PyArray1, PyArray2, PyArrayMethods};
use pyo3::exceptions::{PyIOError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use stance_builtin::Task;
use stance_model::{
    Classifier, ModelError, ModelForm, ModelSummary, TrainingSettings, ValidTrainingSettings, ValueKind, SETTINGS,
    UNCERTAIN,
};

/// A trained naive Bayes model: a built-in one, one loaded from a model file, or one trained
/// with `stance.train`.
///
/// Models pickle as their model-file bytes, so they travel to worker processes (Dask, Spark,
/// multiprocessing) and load there exactly as they were.
#[pyclass(module = "stance", name = "Model")]
struct Model {
    inner: Arc<Classifier>,
}

impl Model {
    fn new(classifier: Classifier) -> Self {
        Self {
            inner: Arc::new(classifier),
        }
    }

    /// The form asked for: compact when `compact` says so, else the model's own (a full model
    /// keeps its statistics, a compact one has none to write).
    fn form(&self, compact: Option<bool>) -> ModelForm {
        match compact {
            Some(true) => ModelForm::Compact,
            Some(false) => ModelForm::Full,
            None if self.inner.statistics().is_some() => ModelForm::Full,
            None => ModelForm::Compact,
        }
    }
}

/// The message of `error` and of its causes, `: `-separated, as the command line prints errors.
fn message(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(&format!(": {e}"));
        cause = e.source();
    }
    text
}

fn value_error(error: impl std::error::Error) -> PyErr {
    PyValueError::new_err(message(&error))
}

fn model_error(error: ModelError) -> PyErr {
    match error {
        ModelError::Io { .. } => PyIOError::new_err(message(&error)),
        other => value_error(other),
    }
}

/// The texts of `sequence` (a list, tuple, pandas Series or any iterable of str), copied out of
/// Python; `what` names it in errors.
fn strings(sequence: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if sequence.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a sequence of str, not one str (wrap it in a list)"
        )));
    }
    let items = sequence.try_iter().map_err(|_| {
        let kind = sequence.get_type().name().map(|n| n.to_string()).unwrap_or_default();
        PyTypeError::new_err(format!("{what} must be a sequence of str, not {kind}"))
    })?;
    let mut texts = Vec::with_capacity(sequence.len().unwrap_or(0));
    for (index, item) in items.enumerate() {
        let item = item?;
        let text = item.downcast::<PyString>().map_err(|_| {
            let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!("{what}[{index}] is {kind}, not str"))
        })?;
        texts.push(text.to_cow()?.into_owned());
    }
    Ok(texts)
}

/// The `(text, label)` documents of two sequences of the same length.
fn documents(texts: &Bound<'_, PyAny>, labels: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let texts = strings(texts, "texts")?;
    let labels = strings(labels, "labels")?;
    if texts.len() != labels.len() {
        return Err(PyValueError::new_err(format!(
            "texts and labels differ in length: {} texts, {} labels",
            texts.len(),
            labels.len()
        )));
    }
    Ok(texts.into_iter().zip(labels).collect())
}

/// A setting's value from Python, as its flag takes it: True/False (or NumPy's) -> on/off, None
/// -> all, a number (Python's or NumPy's) as written, a (min, max) pair of n-gram lengths ->
/// `min..max`, str as it is.
fn setting_text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    let switch = value.downcast::<PyBool>().map(|on| on.is_true());
    if let Ok(on) = switch.or_else(|_| value.extract::<bool>()) {
        return Ok(if on { "on" } else { "off" }.to_string());
    }
    if value.is_none() {
        return Ok("all".to_string());
    }
    let number = value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>() || value.extract::<f64>().is_ok();
    if number || value.is_instance_of::<PyString>() {
        return Ok(value.str()?.to_cow()?.into_owned());
    }
    if let Ok(pair) = value.downcast::<PyTuple>() {
        if let Ok((min, max)) = pair.extract::<(usize, usize)>() {
            return Ok(format!("{min}..{max}"));
        }
    }
    let kind = value.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "setting {name}: expected str, int, float, bool, None or a (min, max) pair, not {kind}"
    )))
}

/// The training settings of keyword arguments, checked.
fn settings(keywords: Option<&Bound<'_, PyDict>>) -> PyResult<ValidTrainingSettings> {
    let mut settings = TrainingSettings::default();
    for (name, value) in keywords.into_iter().flatten() {
        let name: String = name.extract()?;
        let text = setting_text(&name, &value)?;
        settings.set(&name, &text).map_err(value_error)?;
    }
    settings.check().map_err(value_error)
}

/// `value` (JSON) as a Python object.
fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(value_error)?;
    py.import("json")?.call_method1("loads", (text,))
}

#[pymethods]
impl Model {
    /// The built-in model `name`: "stance" (military / negotiation / neutral) or "sentiment"
    /// (positive / negative / neutral).
    #[staticmethod]
    fn builtin(name: &str) -> PyResult<Self> {
        let task: Task = name.parse().map_err(value_error)?;
        Ok(Self {
            inner: builtin_model(task)?,
        })
    }

    /// The model in the model file at `path` (written by `stance train` or `Model.save`).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let classifier = py.allow_threads(|| Classifier::load(&path)).map_err(model_error)?;
        Ok(Self::new(classifier))
    }

    /// The model whose model-file bytes are `data` (what `to_bytes` gives).
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        let classifier = Classifier::from_bytes(data, "bytes".as_ref()).map_err(model_error)?;
        Ok(Self::new(classifier))
    }

    /// Writes the model to `path` atomically (a temporary file, then a rename), in its own form
    /// unless `compact` says which: True for the prediction-only form, which cannot be merged or
    /// updated; False for the full form (only a full model has it).
    #[pyo3(signature = (path, compact = None))]
    fn save(&self, py: Python<'_>, path: PathBuf, compact: Option<bool>) -> PyResult<()> {
        let form = self.form(compact);
        let model = &self.inner;
        py.allow_threads(|| model.save(&path, form)).map_err(model_error)
    }

    /// The model-file bytes, in the model's own form unless `compact` says which (as `save`).
    #[pyo3(signature = (compact = None))]
    fn to_bytes<'py>(&self, py: Python<'py>, compact: Option<bool>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self.inner.to_bytes(self.form(compact)).map_err(model_error)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The labels, sorted: the column order of `predict_proba`.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.labels().to_vec()
    }

    /// The training settings, by name in `stance train --help` order (the keywords of
    /// `stance.train`), as `stance inspect` shows them.
    #[getter]
    fn settings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let settings = self.inner.training_settings();
        let values = PyDict::new(py);
        for setting in SETTINGS.iter() {
            values.set_item(setting.name(), to_python(py, &setting.to_json(&settings))?)?;
        }
        Ok(values)
    }

    /// The most likely label of each text. With `min_confidence=P`, a text whose top probability
    /// is below P, or that the model barely knows (fewer than 30% of its terms in the vocabulary),
    /// gets the label "uncertain", as `stance predict --min-confidence` does.
    #[pyo3(signature = (texts, min_confidence = None))]
    fn predict(&self, py: Python<'_>, texts: &Bound<'_, PyAny>, min_confidence: Option<f64>) -> PyResult<Vec<String>> {
        if let Some(p) = min_confidence.filter(|p| !(0.0..=1.0).contains(p)) {
            return Err(PyValueError::new_err(format!(
                "min_confidence {p} is not a probability between 0 and 1"
            )));
        }
        let texts = strings(texts, "texts")?;
        let model = &self.inner;
        let predictions = py.allow_threads(|| model.predict_batch(&texts));
        Ok(predictions
            .into_iter()
            .map(|prediction| match min_confidence {
                Some(p) if !prediction.is_confident(p) => UNCERTAIN.to_string(),
                _ => prediction.label,
            })
            .collect())
    }

    /// The probability of every label for each text: a NumPy array of shape (len(texts),
    /// len(labels)), columns in `labels` order (calibrated when the model is).
    fn predict_proba<'py>(&self, py: Python<'py>, texts: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let texts = strings(texts, "texts")?;
        let model = &self.inner;
        let n_labels = model.labels().len();
        let flat: Vec<f64> = py.allow_threads(|| {
            model
                .predict_batch(&texts)
                .into_iter()
                .flat_map(|prediction| prediction.probabilities)
                .collect()
        });
        PyArray1::from_vec(py, flat).reshape([texts.len(), n_labels])
    }

    /// The `n` terms of `text` that weighed most for its label against the runner-up, as
    /// (term, weight) pairs, strongest first (weight: the term's contribution to the log-odds).
    #[pyo3(signature = (text, n = 10))]
    fn explain(&self, text: &str, n: usize) -> Vec<(String, f64)> {
        self.inner
            .explain(text, n)
            .evidence
            .into_iter()
            .map(|evidence| (evidence.term, evidence.weight))
            .collect()
    }

    /// What the model holds, as `stance inspect --format json` prints it, with the `top` most
    /// informative terms per label.
    #[pyo3(signature = (top = 10))]
    fn inspect<'py>(&self, py: Python<'py>, top: usize) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &ModelSummary::new("python", &self.inner, top))
    }

    /// Adds labeled documents to this (full) model: the same model as training on the old and
    /// the new documents together. A calibration is dropped (it was fitted for other data).
    fn update(&mut self, py: Python<'_>, texts: &Bound<'_, PyAny>, labels: &Bound<'_, PyAny>) -> PyResult<()> {
        let documents = documents(texts, labels)?;
        let model = Classifier::clone(&self.inner);
        let updated = py.allow_threads(|| model.update(&documents)).map_err(model_error)?;
        self.inner = Arc::new(updated);
        Ok(())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let from_bytes = slf.get_type().getattr("from_bytes")?;
        let bytes = slf.borrow().to_bytes(slf.py(), None)?;
        Ok((from_bytes, (bytes,)))
    }

    fn __repr__(&self) -> String {
        let flags = self.inner.training_settings().to_flags();
        format!(
            "Model(labels={:?}, documents={}, vocabulary={}, settings={:?})",
            self.inner.labels(),
            self.inner.metadata().fingerprint.documents,
            self.inner.featurizer().vocabulary().len(),
            flags.join(" ")
        )
    }
}

/// Trains a model on `texts` and their `labels` (two sequences of str of the same length). The
/// keyword arguments are the training settings of `stance train`, by name, with the same
/// defaults: ngrams="1..2" (or a (min, max) pair), alpha=1.0, variant="multinomial",
/// stopwords="none", negation=True, lead_words=0, max_features=None (all), ... (see
/// `stance.SETTINGS`).
#[pyfunction]
#[pyo3(signature = (texts, labels, **settings))]
fn train(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    labels: &Bound<'_, PyAny>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<Model> {
    let (config, params) = self::settings(settings)?.into_parts();
    let documents = documents(texts, labels)?;
    if let Some((_, first)) = documents.first() {
        if documents.iter().all(|(_, label)| label == first) {
            return Err(PyValueError::new_err(format!(
                "training needs at least two labels, but all {} documents are labeled `{first}`",
                documents.len()
            )));
        }
    }
    let classifier = py
        .allow_threads(|| Classifier::train(config, &params, &documents))
        .map_err(model_error)?;
    Ok(Model::new(classifier))
}

/// Merges full models trained with the same settings on different data, left to right: the
/// model of all their data (exactly, for count, binary and tf-idf weighting).
#[pyfunction]
fn merge(py: Python<'_>, models: Vec<PyRef<'_, Model>>) -> PyResult<Model> {
    let classifiers: Vec<Arc<Classifier>> = models.iter().map(|model| Arc::clone(&model.inner)).collect();
    let Some((first, rest)) = classifiers.split_first() else {
        return Err(PyValueError::new_err("merge needs at least one model"));
    };
    let merged = py
        .allow_threads(|| {
            rest.iter().try_fold(Classifier::clone(first), |merged, other| {
                merged.merge(Classifier::clone(other))
            })
        })
        .map_err(model_error)?;
    Ok(Model::new(merged))
}

/// The built-in model of `task`, decoded once per process and shared by every call.
fn builtin_model(task: Task) -> PyResult<Arc<Classifier>> {
    static MODELS: [OnceLock<Result<Arc<Classifier>, String>>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = match task {
        Task::Stance => 0,
        Task::Sentiment => 1,
    };
    MODELS[index]
        .get_or_init(|| stance_builtin::load(task).map(Arc::new).map_err(|e| message(&e)))
        .clone()
        .map_err(PyValueError::new_err)
}

/// An analysis with the article's id, as `stance analyze --format json` prints it.
#[derive(Serialize)]
struct Identified<'a> {
    id: &'a str,
    #[serde(flatten)]
    analysis: &'a stance_article::ArticleAnalysis,
}

/// Analyzes a whole article: stance and sentiment per sentence and per speaker, and a verdict,
/// as a dict with the schema of `stance analyze --format json`. The built-in models unless
/// `stance_model` / `sentiment_model` are given.
#[pyfunction]
#[pyo3(signature = (text, id = "-", stance_model = None, sentiment_model = None))]
fn analyze<'py>(
    py: Python<'py>,
    text: &str,
    id: &str,
    stance_model: Option<PyRef<'_, Model>>,
    sentiment_model: Option<PyRef<'_, Model>>,
) -> PyResult<Bound<'py, PyAny>> {
    let model = |given: Option<PyRef<'_, Model>>, task| match given {
        Some(model) => Ok(Arc::clone(&model.inner)),
        None => builtin_model(task),
    };
    let stance = model(stance_model, Task::Stance)?;
    let sentiment = model(sentiment_model, Task::Sentiment)?;
    let analysis = py.allow_threads(|| stance_article::analyze(text, &stance, &sentiment));
    to_python(
        py,
        &Identified {
            id,
            analysis: &analysis,
        },
    )
}

/// The table of training settings: one dict per setting, in `stance train --help` order, with
/// its `name` (the keyword of `train`), `flag`, `kind` (switch, count, number or text),
/// `default` (as a Python value) and `help`.
fn settings_table<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    let defaults = ValidTrainingSettings::default();
    let list = PyList::empty(py);
    for setting in SETTINGS.iter() {
        let entry = PyDict::new(py);
        entry.set_item("name", setting.name())?;
        entry.set_item("flag", setting.flag())?;
        let kind = match setting.kind() {
            ValueKind::Switch => "switch",
            ValueKind::Count => "count",
            ValueKind::Number => "number",
            ValueKind::Text => "text",
        };
        entry.set_item("kind", kind)?;
        entry.set_item("default", to_python(py, &setting.to_json(&defaults))?)?;
        entry.set_item("help", setting.help())?;
        list.append(entry)?;
    }
    Ok(list)
}

/// The compiled part of the `stance` package.
#[pymodule]
fn _stance(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Model>()?;
    module.add_function(wrap_pyfunction!(train, module)?)?;
    module.add_function(wrap_pyfunction!(merge, module)?)?;
    module.add_function(wrap_pyfunction!(analyze, module)?)?;
    module.add("SETTINGS", settings_table(module.py())?)?;
    module.add("UNCERTAIN", UNCERTAIN)?;
    Ok(())
}
