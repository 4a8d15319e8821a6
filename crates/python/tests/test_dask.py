"""The Dask recipes of README ("Python: scaling out on Dask") on a `distributed.LocalCluster`
with 2 worker processes: (1) predict a partitioned corpus of 100,000 texts with
`map_partitions`, the model shipped once; (2) train one model per partition and merge them, the
same model bytes as training on the whole corpus in one process."""

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import dask  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import stance  # noqa: E402
from conftest import corpus  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def predict_partition(texts: pd.Series, model: stance.Model) -> pd.Series:
    return pd.Series(model.predict(texts), index=texts.index, dtype=object)


def train_partition(frame: pd.DataFrame, settings: dict) -> stance.Model:
    return stance.train(frame["text"], frame["label"], **settings)


def texts_of_partition(number: int, size: int = 12_500) -> pd.DataFrame:
    """One partition of the corpus, made where it is read (on a worker)."""
    texts, _ = corpus(n_per_label=24)
    ids = range(number * size, (number + 1) * size)
    return pd.DataFrame({"text": [texts[i % len(texts)] + f" Report {i}." for i in ids]}, index=ids)


def test_predicting_100000_texts_on_two_workers(client):
    ddf = dd.from_map(texts_of_partition, range(8))
    model = dask.delayed(stance.Model.builtin("stance"), pure=True)  # one task: shipped once
    labels = ddf["text"].map_partitions(predict_partition, model, meta=("label", object)).compute()
    assert len(labels) == 100_000
    frame = pd.concat([texts_of_partition(number) for number in range(8)])
    assert list(labels) == stance.Model.builtin("stance").predict(frame["text"])
    workers = client.run(lambda: True)
    assert len(workers) == 2


def test_models_trained_per_partition_merge_into_the_model_of_all_the_data(client):
    texts, labels = corpus(n_per_label=300, seed=3)
    frame = pd.DataFrame({"text": texts, "label": labels})
    settings = {"ngrams": "1..2", "weighting": "binary", "alpha": 0.5}
    ddf = dd.from_pandas(frame, npartitions=4)
    models = [dask.delayed(train_partition)(part, settings) for part in ddf.to_delayed()]
    merged = dask.delayed(stance.merge)(models).compute()
    whole = stance.train(frame["text"], frame["label"], **settings)
    assert merged.to_bytes() == whole.to_bytes()
