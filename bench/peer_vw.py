"""Vowpal Wabbit peer: `--oaa` driven through the vowpalwabbit Python package (9.x has no `vw`
command), fed VW's own text format, one example per call, the way `vw` would read a data file.

    peer_vw.py --ngrams N [--passes P] [--bits B] (--train A --test B | --cv ALL --folds-file F)

Each training document becomes `CLASS | TEXT` with the text as it is in the file except for VW's
two special characters, `|` and `:`, replaced by spaces (VW splits features on whitespace and does
nothing else: no lower-casing). Labels map to classes 1..K in sorted order. Options:
`--oaa K -b BITS --ngram N` (no --ngram for N = 1; BITS = 24 by default, for room for bigrams),
VW's default loss and learning rate, one pass by default. The training documents are shuffled
with a fixed seed first: the files list all `pos` documents before the `neg` ones, and an online
learner must not see them in that order.
"""
from vowpalwabbit import Workspace

from peers_common import Tally, arguments, shuffled, splits

SPECIAL = str.maketrans({"|": " ", ":": " "})


def extra(p):
    p.add_argument("--ngrams", type=int, default=1, help="n-gram lengths 1..N (VW --ngram N)")
    p.add_argument("--passes", type=int, default=1)
    p.add_argument("--bits", type=int, default=24)


def main():
    a = arguments(__doc__, extra)
    tally = Tally()
    for yl, yt, tl, tt in splits(a):
        classes = sorted(set(yl))
        index = {c: i + 1 for i, c in enumerate(classes)}
        opts = f"--oaa {len(classes)} -b {a.bits} --quiet"
        if a.ngrams > 1:
            opts += f" --ngram {a.ngrams}"
        yl, yt = shuffled(yl, yt)
        vw = Workspace(opts)
        for _ in range(a.passes):
            for label, text in zip(yl, yt):
                vw.learn(f"{index[label]} | {text.translate(SPECIAL)}")
        predicted = [classes[int(vw.predict("| " + t.translate(SPECIAL))) - 1] for t in tt]
        vw.finish()
        tally.add(tl, predicted)
    tally.print(options=opts, passes=a.passes)


if __name__ == "__main__":
    main()
