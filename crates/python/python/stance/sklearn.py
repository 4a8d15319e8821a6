"""A scikit-learn estimator over raw texts: :class:`NaiveBayesText`.

Its parameters are the training settings of ``stance train`` (``stance.SETTINGS``), with the
same names and defaults, so ``GridSearchCV(NaiveBayesText(), {"alpha": [0.1, 1.0], "ngrams":
["1..1", "1..2"]})``, ``cross_val_score`` and ``Pipeline`` work with it.
"""

import inspect

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from . import _stance

__all__ = ["NaiveBayesText"]

_NAMES = [setting["name"] for setting in _stance.SETTINGS]


class NaiveBayesText(ClassifierMixin, BaseEstimator):
    """Naive Bayes over raw texts, trained by ``stance.train`` with the settings given.

    Parameters are the training settings of ``stance train`` by name (``ngrams="1..2"``,
    ``alpha=1.0``, ``variant="multinomial"``, ``stopwords="none"``, ``lead_words=0``, ...; see
    ``stance.SETTINGS``). Labels may be any hashable values; ``classes_`` holds them sorted.
    After ``fit``, ``model_`` is the :class:`stance.Model`.
    """

    def __init__(self, **settings):
        unknown = sorted(set(settings) - set(_NAMES))
        if unknown:
            raise TypeError(f"unknown settings {unknown}; the settings are {_NAMES}")
        for setting in _stance.SETTINGS:
            setattr(self, setting["name"], settings.get(setting["name"], setting["default"]))

    def fit(self, X, y):
        """Trains on the texts ``X`` and their labels ``y``."""
        texts = _texts(X)
        y = np.asarray(y)
        if y.ndim != 1 or len(y) != len(texts):
            raise ValueError(f"y must hold one label per text: {len(texts)} texts, shape {y.shape}")
        self.classes_, encoded = np.unique(y, return_inverse=True)
        labels = [str(index) for index in encoded]
        self.model_ = _stance.train(texts, labels, **self.get_params(deep=False))
        # The model's labels are the class indices as text, sorted as text: the column of each class.
        self._columns = [self.model_.labels.index(str(i)) for i in range(len(self.classes_))]
        return self

    def predict_proba(self, X):
        """The probability of every class for each text, columns in ``classes_`` order."""
        check_is_fitted(self, "model_")
        return self.model_.predict_proba(_texts(X))[:, self._columns]

    def predict(self, X):
        """The most likely class of each text."""
        check_is_fitted(self, "model_")
        labels = self.model_.predict(_texts(X))
        return self.classes_[np.array([int(label) for label in labels], dtype=int)]


def _texts(X):
    """The texts of ``X`` (a list, a pandas Series, a 1-D array of str) as a list of str."""
    if isinstance(X, str):
        raise TypeError("X must be a sequence of str, not one str (wrap it in a list)")
    return [text for text in X]


NaiveBayesText.__init__.__signature__ = inspect.Signature(
    [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    + [
        inspect.Parameter(setting["name"], inspect.Parameter.KEYWORD_ONLY, default=setting["default"])
        for setting in _stance.SETTINGS
    ]
)
