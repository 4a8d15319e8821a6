#!/usr/bin/env python3
"""A large labeled corpus for memory measurements, made from the project's own training sets.

    python3 tests/memory/make_corpus.py SIZE_BYTES OUT.tsv [SEED]

Every row of datasets/stance/train.tsv and datasets/sentiment/train.tsv (label, text) gets 256
variants, each with about 15% of its words replaced by words drawn (seeded) from all the rows:
a pool of some 1.5 million distinct rows. OUT.tsv (`label<TAB>text`) is rows drawn from that pool
until it holds SIZE_BYTES. Its vocabulary therefore grows quickly at first and then levels off,
while the corpus keeps growing: what `stance train` needs in memory should follow the vocabulary,
not the size. Never written into the repository (the README's figures use /tmp).
"""

import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = 256
SUBSTITUTION = 0.15


def rows():
    for name in ("stance", "sentiment"):
        with open(ROOT / "datasets" / name / "train.tsv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield row["label"], row["text"]


def main():
    size = int(sys.argv[1])
    out = Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    base = list(rows())
    words = [w for _, text in base for w in text.split()]
    pool = []
    for label, text in base:
        tokens = text.split()
        for _ in range(VARIANTS):
            variant = [rng.choice(words) if rng.random() < SUBSTITUTION else t for t in tokens]
            pool.append(f"{label}\t{' '.join(variant)}\n")
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("label\ttext\n")
        while written < size:
            chunk = "".join(rng.choices(pool, k=10_000))
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
    print(f"{out}: {written} bytes, pool of {len(pool)} rows from {len(base)}", file=sys.stderr)


if __name__ == "__main__":
    main()
