"""scikit-learn's CountVectorizer on the same IMDB training text as `cargo bench --bench featurize`.

Prints MB/s of text for fit_transform with unigrams and with 1..2-grams (best of 3 runs each).
"""
import gzip
import sys
import time

from sklearn.feature_extraction.text import CountVectorizer

path = sys.argv[1]
with gzip.open(path, "rt", encoding="utf-8") as f:
    next(f)
    texts = [line.rstrip("\n").split("\t", 1)[1] for line in f]
mb = sum(len(t.encode("utf-8")) for t in texts) / 2**20
for name, ngrams in [("unigrams", (1, 1)), ("1to2grams", (1, 2))]:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        CountVectorizer(ngram_range=ngrams).fit_transform(texts)
        best = min(best, time.perf_counter() - start)
    print(f"sklearn CountVectorizer {name}: {best:.2f} s, {mb / best:.1f} MiB/s ({mb:.1f} MiB)")
