from typing import Any, Iterable

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin

from . import Model

class NaiveBayesText(ClassifierMixin, BaseEstimator):
    """Naive Bayes over raw texts; parameters are the settings of ``stance train``."""

    classes_: npt.NDArray[Any]
    model_: Model
    def __init__(self, **settings: Any) -> None: ...
    def fit(self, X: Iterable[str], y: Iterable[Any]) -> NaiveBayesText: ...
    def predict(self, X: Iterable[str]) -> npt.NDArray[Any]: ...
    def predict_proba(self, X: Iterable[str]) -> npt.NDArray[np.float64]: ...
