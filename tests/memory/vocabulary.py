#!/usr/bin/env python3
"""A labeled corpus with a chosen vocabulary, for peak memory against vocabulary size.

    python3 tests/memory/vocabulary.py VOCABULARY WORDS OUT.tsv

WORDS words drawn uniformly (seeded) from VOCABULARY invented words, 40 to a row, three labels.
Trained with `--ngrams 1..1`, the model's vocabulary is the words drawn (close to VOCABULARY when
WORDS is several times larger).
"""

import random
import sys


def main():
    vocabulary, words, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(7)
    names = [f"w{i:x}" for i in range(vocabulary)]
    labels = ["military", "negotiation", "neutral"]
    with open(out, "w", encoding="utf-8") as f:
        f.write("label\ttext\n")
        for row in range(words // 40):
            f.write(f"{labels[row % 3]}\t{' '.join(rng.choices(names, k=40))}\n")


if __name__ == "__main__":
    main()
