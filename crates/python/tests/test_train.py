"""`stance.train`, `stance.merge` and `Model.update`: the settings of `stance train` by name, and
models that merge and update exactly."""

import pytest

import stance


def test_settings_are_those_of_the_table_with_its_defaults(labeled):
    texts, labels = labeled
    model = stance.train(texts, labels)
    assert model.settings == {s["name"]: s["default"] for s in stance.SETTINGS}
    tuned = stance.train(texts, labels, ngrams=(1, 3), alpha=0.5, negation=False, max_features=None, lead_words=4)
    assert tuned.settings["ngrams"] == "1..3"
    assert tuned.settings["alpha"] == 0.5
    assert tuned.settings["negation"] is False
    assert tuned.settings["lead_words"] == 4
    assert tuned.settings["max_features"] is None
    assert "--ngrams 1..3" in repr(tuned)
    np = pytest.importorskip("numpy")
    numpy_values = stance.train(texts, labels, alpha=np.float64(0.25), lead_words=np.int64(3), l2=np.bool_(True))
    assert (numpy_values.settings["alpha"], numpy_values.settings["lead_words"]) == (0.25, 3)
    assert numpy_values.settings["l2"] is True


def test_bad_settings_and_data_raise_the_cli_messages(labeled):
    texts, labels = labeled
    cases = [
        (ValueError, "alpha must be a finite number > 0", dict(alpha=0)),
        (ValueError, "unknown setting `gamma`", dict(gamma=1)),
        (ValueError, "bad value `2..1` for --ngrams", dict(ngrams="2..1")),
        (ValueError, "--variant complement", dict(complement_norm=True)),
        (ValueError, "tf-idf with L2", dict(weighting="tfidf", l2=True)),
        (TypeError, "setting ngrams: expected", dict(ngrams=[1, 2])),
    ]
    for error, message, settings in cases:
        with pytest.raises(error, match=message):
            stance.train(texts, labels, **settings)
    with pytest.raises(ValueError, match="differ in length"):
        stance.train(texts, labels[:-1])
    with pytest.raises(ValueError, match="at least two labels"):
        stance.train(texts, ["military"] * len(texts))
    with pytest.raises(ValueError, match="`uncertain` is reserved"):
        stance.train(texts, ["uncertain"] + labels[1:])


def test_merged_shards_and_updates_are_the_model_of_all_the_data(labeled):
    texts, labels = labeled
    whole = stance.train(texts, labels)
    half = len(texts) // 2
    first = stance.train(texts[:half], labels[:half])
    second = stance.train(texts[half:], labels[half:])
    assert stance.merge([first, second]).to_bytes() == whole.to_bytes()
    first.update(texts[half:], labels[half:])
    assert first.to_bytes() == whole.to_bytes()
    with pytest.raises(ValueError, match="at least one model"):
        stance.merge([])
    other = stance.train(texts, labels, alpha=0.5)
    with pytest.raises(ValueError, match="cannot merge"):
        stance.merge([whole, other])
