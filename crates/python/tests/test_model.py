"""`stance.Model`: the built-in models, prediction, probabilities, explanations, inspection,
files and pickling, and the errors bad input raises."""

import json
import pickle
import subprocess

import numpy as np
import pytest

import stance


def test_the_builtin_stance_model_reads_a_sentence():
    model = stance.Model.builtin("stance")
    assert model.predict(["Envoys agreed to resume talks."]) == ["negotiation"]
    assert model.labels == ["military", "negotiation", "neutral"]
    assert stance.Model.builtin("sentiment").labels == ["negative", "neutral", "positive"]


def test_probabilities_are_a_numpy_array_in_label_order():
    model = stance.Model.builtin("stance")
    texts = ["Envoys agreed to resume talks.", "The army shelled the port overnight.", ""]
    proba = model.predict_proba(texts)
    assert isinstance(proba, np.ndarray) and proba.shape == (3, 3) and proba.dtype == np.float64
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert [model.labels[i] for i in proba.argmax(axis=1)][:2] == model.predict(texts)[:2]
    assert model.predict_proba([]).shape == (0, 3)


def test_min_confidence_abstains_as_the_cli_does():
    model = stance.Model.builtin("stance")
    texts = ["Envoys agreed to resume talks.", "La reunión fue larga y el clima era bueno."]
    labels = model.predict(texts, min_confidence=0.99)
    assert labels[1] == stance.UNCERTAIN == "uncertain"
    with pytest.raises(ValueError, match="not a probability"):
        model.predict(texts, min_confidence=1.5)


def test_any_sequence_of_str_is_taken_and_anything_else_is_a_type_error():
    pd = pytest.importorskip("pandas")
    model = stance.Model.builtin("stance")
    texts = ["Envoys agreed to resume talks.", "The army shelled the port overnight."]
    expected = model.predict(texts)
    assert model.predict(tuple(texts)) == expected
    assert model.predict(pd.Series(texts, index=[10, 20])) == expected
    assert model.predict(iter(texts)) == expected
    with pytest.raises(TypeError, match="not one str"):
        model.predict("one text")
    with pytest.raises(TypeError, match=r"texts\[1\] is int, not str"):
        model.predict(["a", 1])
    with pytest.raises(TypeError, match="must be a sequence of str, not int"):
        model.predict(5)


def test_explain_gives_the_terms_that_weighed_most():
    terms = stance.Model.builtin("stance").explain("The army shelled the port overnight.", 3)
    assert len(terms) == 3
    assert all(isinstance(term, str) and isinstance(weight, float) for term, weight in terms)
    assert [w for _, w in terms] == sorted((w for _, w in terms), reverse=True)


def test_settings_and_inspect_match_the_command_line(stance_binary):
    model = stance.Model.builtin("stance")
    assert list(model.settings) == [s["name"] for s in stance.SETTINGS]
    cli = json.loads(
        subprocess.run(
            [stance_binary, "inspect", "--task", "stance", "--format", "json", "--top", "5"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    summary = model.inspect(5)
    cli.pop("model")
    summary.pop("model")
    assert summary == cli
    assert model.settings == {**cli["features"], **cli["naive_bayes"]}


def test_models_save_load_and_pickle_as_their_bytes(tmp_path, labeled):
    texts, labels = labeled
    model = stance.train(texts, labels)
    path = tmp_path / "model.model"
    model.save(path)
    again = stance.Model.load(path)
    assert again.to_bytes() == model.to_bytes() == path.read_bytes()
    assert pickle.loads(pickle.dumps(model)).to_bytes() == model.to_bytes()
    builtin = stance.Model.builtin("sentiment")
    assert pickle.loads(pickle.dumps(builtin)).to_bytes() == builtin.to_bytes()
    compact = tmp_path / "compact.model"
    model.save(compact, compact=True)
    assert stance.Model.load(compact).predict(texts) == model.predict(texts)
    with pytest.raises(ValueError, match="compact"):
        builtin.to_bytes(compact=False)


def test_bad_files_and_names_raise_with_the_cause(tmp_path):
    with pytest.raises(OSError, match="No such file"):
        stance.Model.load(tmp_path / "missing.model")
    (tmp_path / "junk.model").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a valid model file"):
        stance.Model.load(tmp_path / "junk.model")
    with pytest.raises(ValueError, match="stance and sentiment"):
        stance.Model.builtin("weather")


def test_analyze_has_the_schema_of_the_cli(tmp_path, stance_binary):
    article = (
        'The talks collapsed on Monday. "We will never accept a truce," the rebel commander said. '
        'The foreign minister, Ines Kadar, urged both sides to return to the table in Geneva.'
    )
    analysis = stance.analyze(article, id="a1")
    assert list(analysis) == ["id", "sentences", "speakers", "article"]
    (tmp_path / "a1").write_text(article)
    cli = json.loads(
        subprocess.run(
            [stance_binary, "analyze", "--format", "json", "a1"],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp_path,
        ).stdout
    )
    assert analysis == cli
