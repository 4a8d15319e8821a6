"""fastText peer: supervised training through fasttext-wheel 0.9.2 (in its own venv, numpy<2;
pip's fasttext 0.9.3 returns NaN on rt-polarity).

    peer_fasttext.py [--word-ngrams N] [--epoch E] (--train A --test B | --cv ALL --folds-file F)

Each training document is written to a temporary file as `__label__LABEL TEXT` (fastText's input
format; it splits on whitespace and does nothing else), in a seeded random order: the files list
all `pos` documents first. Everything else is fastText's default (dim 100, lr 0.1, epoch 5,
wordNgrams 1, its default thread count), unless --word-ngrams / --epoch are given. Test documents
are predicted in one `predict` call.
"""
import os
import tempfile

import fasttext

from peers_common import Tally, arguments, shuffled, splits


def extra(p):
    p.add_argument("--word-ngrams", type=int)
    p.add_argument("--epoch", type=int)


def main():
    a = arguments(__doc__, extra)
    params = {}
    if a.word_ngrams:
        params["wordNgrams"] = a.word_ngrams
    if a.epoch:
        params["epoch"] = a.epoch
    tally = Tally()
    for yl, yt, tl, tt in splits(a):
        yl, yt = shuffled(yl, yt)
        fd, path = tempfile.mkstemp(suffix=".ft")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                for label, text in zip(yl, yt):
                    f.write(f"__label__{label} {text}\n")
            model = fasttext.train_supervised(input=path, verbose=0, **params)
        finally:
            os.unlink(path)
        labels, _ = model.predict(tt)
        tally.add(tl, [ls[0][len("__label__"):] for ls in labels])
    tally.print(params=params)


if __name__ == "__main__":
    main()
