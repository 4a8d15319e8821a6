"""Python predict_proba on IMDB test: the stance package against scikit-learn, in one process.

    python_predict.py DATASETS [--repeats N] [--json OUT]

Both are fitted on IMDB train (25,000 reviews): stance.train(ngrams="1..2") (the settings of
`stance train`, 1..2-grams) and Pipeline(CountVectorizer(ngram_range=(1, 2)), MultinomialNB()).
Then each one's predict_proba on the 25,000 test reviews is timed, the two interleaved, N times
(median reported); the texts are in memory as a list of str before any timing. Prints a Markdown
section and, with --json, writes the figures.
"""
import argparse
import datetime
import json
import platform
import statistics
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline

import stance
from bench_report import python_predict_section
from peers_common import read_tsv


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    train_labels, train_texts = read_tsv(f"{args.datasets}/imdb/train.tsv.gz")
    test_labels, test_texts = read_tsv(f"{args.datasets}/imdb/test.tsv.gz")

    fit_stance, model = timed(lambda: stance.train(train_texts, train_labels, ngrams="1..2"))
    pipeline = Pipeline([("counts", CountVectorizer(ngram_range=(1, 2))), ("nb", MultinomialNB())])
    fit_sklearn, _ = timed(lambda: pipeline.fit(train_texts, train_labels))

    times = {"stance": [], "sklearn": []}
    for _ in range(args.repeats):
        seconds, ours = timed(lambda: model.predict_proba(test_texts))
        times["stance"].append(seconds)
        seconds, theirs = timed(lambda: pipeline.predict_proba(test_texts))
        times["sklearn"].append(seconds)
    truth = np.array(test_labels)
    accuracy = {
        "stance": float((np.array(model.labels)[ours.argmax(axis=1)] == truth).mean()),
        "sklearn": float((pipeline.classes_[theirs.argmax(axis=1)] == truth).mean()),
    }
    median = {name: statistics.median(values) for name, values in times.items()}
    figures = {
        "measured": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "texts": len(test_texts),
        "repeats": args.repeats,
        "predict_proba_seconds": times,
        "median_seconds": median,
        "ratio": median["sklearn"] / median["stance"],
        "fit_seconds": {"stance": fit_stance, "sklearn": fit_sklearn},
        "accuracy": accuracy,
        "versions": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "stance": stance.__version__,
        },
    }
    if args.json:
        with open(args.json, "w") as out:
            json.dump(figures, out, indent=1)
    print("\n".join(python_predict_section(figures)))


if __name__ == "__main__":
    main()
