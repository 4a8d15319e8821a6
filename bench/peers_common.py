"""Reading the benchmark splits for the peers (standard library only, shared by every venv).

The datasets are TSV files with the header `label<TAB>text` (optionally gzip), no quoting; the
rt-polarity folds file has the columns `row` and `fold` (0-based data row of all.tsv). Every peer
script takes the same two forms of split, so all systems see the same documents:

    --train TRAIN --test TEST        one split (IMDB)
    --cv ALL --folds-file FOLDS      fixed k-fold CV: fold k is the test part, the rest trains

and prints one JSON object on standard output: accuracy (mean over folds for CV) and the per-fold
accuracies.
"""
import argparse
import gzip
import json
import random
import sys


def read_tsv(path):
    """(labels, texts) of a `label<TAB>text` file, in file order."""
    opener = gzip.open if path.endswith(".gz") else open
    labels, texts = [], []
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        li, ti = header.index("label"), header.index("text")
        n = len(header)
        for line in f:
            fields = line.rstrip("\n").split("\t", n - 1)
            labels.append(fields[li])
            texts.append(fields[ti])
    return labels, texts


def read_folds(path):
    """{row: fold} of a `row<TAB>fold` file."""
    folds = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ri, fi = header.index("row"), header.index("fold")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            folds[int(fields[ri])] = fields[fi]
    return folds


def arguments(description, extra=None):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--train")
    p.add_argument("--test")
    p.add_argument("--cv", metavar="ALL")
    p.add_argument("--folds-file")
    if extra:
        extra(p)
    a = p.parse_args()
    if not ((a.train and a.test) or (a.cv and a.folds_file)):
        p.error("give --train and --test, or --cv and --folds-file")
    return a


def splits(a):
    """Yields (train_labels, train_texts, test_labels, test_texts) for each split, in fold order."""
    if a.train:
        yl, yt = read_tsv(a.train)
        tl, tt = read_tsv(a.test)
        yield yl, yt, tl, tt
        return
    labels, texts = read_tsv(a.cv)
    folds = read_folds(a.folds_file)
    if len(folds) != len(texts):
        sys.exit(f"{a.folds_file}: {len(folds)} rows, {a.cv}: {len(texts)} documents")
    for k in sorted(set(folds.values()), key=lambda v: (len(v), v)):
        test = [i for i in range(len(texts)) if folds[i] == k]
        train = [i for i in range(len(texts)) if folds[i] != k]
        yield ([labels[i] for i in train], [texts[i] for i in train],
               [labels[i] for i in test], [texts[i] for i in test])


def shuffled(labels, texts, seed=1):
    """The training documents in a seeded random order, for the online learners (VW, fastText):
    the files list all `pos` documents first, which an online learner must not see in that order."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    return [labels[i] for i in order], [texts[i] for i in order]


class Tally:
    """Accuracy per split. (The driver counts documents and bytes itself, outside the timed run.)"""

    def __init__(self):
        self.folds = []

    def add(self, test_labels, predicted):
        correct = sum(1 for g, p in zip(test_labels, predicted) if g == p)
        self.folds.append(correct / len(test_labels))

    def print(self, **extra):
        out = {"accuracy": sum(self.folds) / len(self.folds), "folds": self.folds}
        out.update(extra)
        print(json.dumps(out))
