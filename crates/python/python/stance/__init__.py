"""Naive Bayes classifiers for the stance (military / negotiation / neutral) and the sentiment
(positive / negative / neutral) of news, on the same Rust crates as the ``stance`` command line.

>>> import stance
>>> stance.Model.builtin("stance").predict(["Envoys agreed to resume talks."])
['negotiation']

- :class:`Model`: ``Model.builtin("stance" | "sentiment")``, ``Model.load(path)``, ``save``,
  ``labels``, ``settings``, ``predict``, ``predict_proba`` (a NumPy array), ``explain``,
  ``inspect``, ``update``; models pickle as their model-file bytes.
- :func:`train` (the settings of ``stance train`` as keyword arguments, see :data:`SETTINGS`),
  :func:`merge`, :func:`analyze` (whole articles, as ``stance analyze --format json``).
- :mod:`stance.sklearn`: ``NaiveBayesText``, a scikit-learn estimator over raw texts.
"""

from ._stance import SETTINGS, UNCERTAIN, Model, analyze, merge, train

__all__ = ["Model", "train", "merge", "analyze", "SETTINGS", "UNCERTAIN"]
__version__ = "0.1.0"
