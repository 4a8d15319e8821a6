"""scikit-learn peers: CountVectorizer + MultinomialNB / ComplementNB, and NBSVM.

    peer_sklearn.py MODEL --ngrams N (--train A --test B | --cv ALL --folds-file F)
    peer_sklearn.py --import-only

MODEL:
  mnb    CountVectorizer(ngram_range=(1, N)) + MultinomialNB()        (alpha=1, the defaults)
  cnb    CountVectorizer(ngram_range=(1, N)) + ComplementNB()         (alpha=1, the defaults)
  nbsvm  Wang & Manning (2012) NBSVM: binarized CountVectorizer(ngram_range=(1, N)) features
         scaled by the log-count ratio r = log((p/|p|1) / (q/|q|1)), p = alpha + sum of the positive
         documents' binary vectors, q likewise (alpha = 1); an L2-regularized logistic regression
         (liblinear, C = 1, as mesnilgr/nbsvm's `liblinear train -s 0`) on them; then the paper's
         interpolation w' = (1 - beta) * mean|w| + beta * w with beta = 0.25.

Everything uses CountVectorizer's defaults (lowercase, token_pattern r"(?u)\\b\\w\\w+\\b"), so the
three see the same features. --import-only imports what the others import and exits: its cost is
reported separately.
"""
import sys

if "--import-only" in sys.argv:
    import numpy  # noqa: F401
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: F401
    from sklearn.linear_model import LogisticRegression  # noqa: F401
    from sklearn.naive_bayes import ComplementNB, MultinomialNB  # noqa: F401
    sys.exit(0)

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB, MultinomialNB

from peers_common import Tally, arguments, splits


def extra(p):
    p.add_argument("model", choices=["mnb", "cnb", "nbsvm"])
    p.add_argument("--ngrams", type=int, default=1, help="n-gram lengths 1..N")
    p.add_argument("--C", type=float, default=1.0)
    p.add_argument("--beta", type=float, default=0.25)


class NBSVM:
    def __init__(self, C, beta, alpha=1.0):
        self.C, self.beta, self.alpha = C, beta, alpha

    def fit(self, X, y):
        self.classes = np.unique(y)
        if len(self.classes) != 2:
            sys.exit("nbsvm: two labels expected")
        X = (X > 0).astype(np.float64)
        pos = y == self.classes[1]
        p = self.alpha + np.asarray(X[pos].sum(axis=0)).ravel()
        q = self.alpha + np.asarray(X[~pos].sum(axis=0)).ravel()
        self.r = np.log((p / p.sum()) / (q / q.sum()))
        lr = LogisticRegression(C=self.C, solver="liblinear")
        lr.fit(X.multiply(self.r).tocsr(), pos.astype(int))
        w = lr.coef_.ravel()
        self.w = (1 - self.beta) * np.abs(w).mean() + self.beta * w
        self.b = lr.intercept_[0]
        return self

    def predict(self, X):
        X = (X > 0).astype(np.float64).multiply(self.r).tocsr()
        return np.where(X @ self.w + self.b > 0, self.classes[1], self.classes[0])


def main():
    a = arguments(__doc__, extra)
    tally = Tally()
    for yl, yt, tl, tt in splits(a):
        vec = CountVectorizer(ngram_range=(1, a.ngrams))
        X = vec.fit_transform(yt)
        y = np.array(yl)
        if a.model == "mnb":
            clf = MultinomialNB()
        elif a.model == "cnb":
            clf = ComplementNB()
        else:
            clf = NBSVM(a.C, a.beta)
        clf.fit(X, y)
        tally.add(tl, list(clf.predict(vec.transform(tt))))
    tally.print(features=len(vec.vocabulary_))


if __name__ == "__main__":
    main()
