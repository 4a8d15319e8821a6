"""`stance.sklearn.NaiveBayesText` in scikit-learn's machinery: parameters from the table of
settings, cross_val_score, GridSearchCV over alpha and n-grams, Pipeline, clone."""

import numpy as np
import pytest

pytest.importorskip("sklearn")

from sklearn.base import clone  # noqa: E402
from sklearn.model_selection import GridSearchCV, cross_val_score  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import FunctionTransformer  # noqa: E402

import stance  # noqa: E402
from stance.sklearn import NaiveBayesText  # noqa: E402


def test_parameters_are_the_training_settings():
    params = NaiveBayesText().get_params()
    assert list(params) == sorted(s["name"] for s in stance.SETTINGS)
    assert params["alpha"] == 1.0 and params["ngrams"] == "1..2" and params["max_features"] is None
    estimator = NaiveBayesText(alpha=0.5, ngrams="1..1")
    assert clone(estimator).get_params() == estimator.get_params()
    with pytest.raises(TypeError, match="unknown settings"):
        NaiveBayesText(gamma=1)


def test_fit_predict_and_probabilities_in_class_order(labeled):
    texts, labels = labeled
    y = np.array([{"military": 2, "negotiation": 0, "neutral": 1}[label] for label in labels])
    estimator = NaiveBayesText().fit(texts, y)
    assert list(estimator.classes_) == [0, 1, 2]
    proba = estimator.predict_proba(texts)
    assert proba.shape == (len(texts), 3)
    np.testing.assert_array_equal(estimator.predict(texts), estimator.classes_[proba.argmax(axis=1)])
    assert estimator.score(texts, y) > 0.9


def test_cross_validation_grid_search_and_pipelines_work(labeled):
    texts, labels = labeled
    scores = cross_val_score(NaiveBayesText(), texts, labels, cv=3)
    assert len(scores) == 3 and scores.mean() > 0.8
    search = GridSearchCV(NaiveBayesText(), {"alpha": [0.1, 1.0], "ngrams": ["1..1", "1..2"]}, cv=3)
    search.fit(texts, labels)
    assert set(search.best_params_) == {"alpha", "ngrams"}
    assert len(search.cv_results_["params"]) == 4
    assert search.predict(texts[:2]).shape == (2,)
    lower = FunctionTransformer(lambda xs: [x.lower() for x in xs])
    pipeline = Pipeline([("lower", lower), ("nb", NaiveBayesText(stopwords="english"))]).fit(texts, labels)
    assert pipeline.score(texts, labels) > 0.9
