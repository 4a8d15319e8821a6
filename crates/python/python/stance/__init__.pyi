from os import PathLike
from typing import Any, Iterable, Literal, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

SettingValue = Union[str, int, float, bool, None, tuple[int, int]]

SETTINGS: list[dict[str, Any]]
"""The training settings: name, flag, kind (switch, count, number, text), default, help."""

UNCERTAIN: str
"""The label of abstentions under ``min_confidence`` ("uncertain")."""

__version__: str

class Model:
    """A trained naive Bayes model; pickles as its model-file bytes."""

    @staticmethod
    def builtin(name: Literal["stance", "sentiment"]) -> Model:
        """The built-in stance or sentiment model."""
    @staticmethod
    def load(path: Union[str, PathLike[str]]) -> Model:
        """The model in a model file."""
    @staticmethod
    def from_bytes(data: bytes) -> Model:
        """The model of model-file bytes."""
    def save(self, path: Union[str, PathLike[str]], compact: Optional[bool] = None) -> None:
        """Writes the model file atomically; ``compact=True`` for the prediction-only form."""
    def to_bytes(self, compact: Optional[bool] = None) -> bytes:
        """The model-file bytes."""
    @property
    def labels(self) -> list[str]:
        """The labels, sorted: the column order of ``predict_proba``."""
    @property
    def settings(self) -> dict[str, Any]:
        """The training settings by name."""
    def predict(self, texts: Iterable[str], min_confidence: Optional[float] = None) -> list[str]:
        """The most likely label of each text (``"uncertain"`` below ``min_confidence``)."""
    def predict_proba(self, texts: Iterable[str]) -> npt.NDArray[np.float64]:
        """Probabilities, shape (len(texts), len(labels)), columns in ``labels`` order."""
    def explain(self, text: str, n: int = 10) -> list[tuple[str, float]]:
        """The n terms that weighed most for the label against the runner-up."""
    def inspect(self, top: int = 10) -> dict[str, Any]:
        """What the model holds, as ``stance inspect --format json``."""
    def update(self, texts: Iterable[str], labels: Iterable[str]) -> None:
        """Adds labeled documents to this full model."""

def train(texts: Iterable[str], labels: Iterable[str], **settings: SettingValue) -> Model:
    """Trains a model; keyword arguments are the settings of ``stance train`` by name."""

def merge(models: Sequence[Model]) -> Model:
    """Merges full models trained with the same settings: the model of all their data."""

def analyze(
    text: str,
    id: str = "-",
    stance_model: Optional[Model] = None,
    sentiment_model: Optional[Model] = None,
) -> dict[str, Any]:
    """Analyzes an article, as ``stance analyze --format json``."""
