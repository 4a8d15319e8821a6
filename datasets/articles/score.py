#!/usr/bin/env python3
"""Scores `stance analyze` against the speaker labels of the real articles.

    python3 datasets/articles/score.py [--split dev|test|all] [--stance-model M] [--sentiment-model M]

Runs the release binary (target/release/stance) on every article of the split (read from
../shared/realnews/articles/, or $STANCE_REALNEWS/articles/) and compares with
datasets/articles/labels.tsv:

- attribution: the labels name speakers by character offsets into the article (`START-END`),
  resolved here against the article's text (a few are short keys the article never spells); a
  predicted speaker matches a labeled one of the same article when a name or an alias of one
  equals a name or an alias of the other, or ends it with two words or more (a title before the
  name: `Rick Perry` matches `Texas Gov. Rick Perry`); names are compared lowercase, letters and
  spaces only, without a leading article or number word (`The Pentagon` is `Pentagon`);
  precision = matched predicted speakers / predicted, recall = matched labeled / labeled;
- speaker stance on the matched pairs: accuracy, macro-F1 over the labels present, and the
  all-`neutral` baseline beside them;
- the article verdict: `mixed` when analyze says mixed, else its stance.

The test split is for the final measurement only: tune on dev.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


LEADING = {"the", "a", "an", "one", "several", "some", "two", "three", "multiple"}


def norm(name):
    """Lowercase letters and single spaces, without a leading article or number word."""
    words = re.sub(r"[^a-z ]", "", name.lower()).split()
    while words and words[0] in LEADING:
        words = words[1:]
    return " ".join(words)


def names(name, aliases):
    return {norm(name)} | {norm(a) for a in aliases if norm(a)}


def same(ours, theirs):
    """Two sets of names name one speaker: a name in common, or a name of two words or more that
    ends the other's (`rick perry` in `texas gov rick perry`: a title before the name)."""
    for a in ours:
        for b in theirs:
            if not a or not b:
                continue
            short, long = sorted((a.split(), b.split()), key=len)
            if short == long or (len(short) >= 2 and long[-len(short):] == short):
                return True
    return False


def resolve(key, text):
    """The words a label stands for: the span `START-END` of `text`, or the key itself."""
    match = re.fullmatch(r"(\d+)-(\d+)", key.strip())
    return text[int(match[1]) : int(match[2])] if match else key.strip()


def macro_f1(pairs):
    labels = sorted({t for t, _ in pairs} | {p for _, p in pairs})
    scores = []
    for label in labels:
        tp = sum(t == p == label for t, p in pairs)
        fp = sum(p == label != t for t, p in pairs)
        fn = sum(t == label != p for t, p in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    parser.add_argument("--stance-model")
    parser.add_argument("--sentiment-model")
    args = parser.parse_args()
    folder = Path(os.environ.get("STANCE_REALNEWS", ROOT.parent / "shared" / "realnews")) / "articles"
    if not folder.is_dir():
        sys.exit(f"score.py: {folder} is missing: the articles live in the shared folder")
    gold = defaultdict(list)
    verdicts = {}
    with open(ROOT / "datasets/articles/labels.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if args.split != "all" and row["split"] != args.split:
                continue
            if row["kind"] == "article":
                verdicts[row["file"]] = row["stance"]
            else:
                gold[row["file"]].append(row)
    files = sorted(verdicts)
    command = [str(ROOT / "target/release/stance"), "analyze", "--format", "json", "-q"]
    if args.stance_model:
        command += ["--stance-model", args.stance_model]
    if args.sentiment_model:
        command += ["--sentiment-model", args.sentiment_model]
    output = subprocess.run(command + [str(folder / f) for f in files], check=True, capture_output=True, text=True)
    predicted = {Path(json.loads(line)["id"]).name: json.loads(line) for line in output.stdout.splitlines()}
    n_pred = n_gold = matched = 0
    pairs, verdict_pairs = [], []
    for file in files:
        analysis = predicted[file]
        speakers = analysis["speakers"]
        n_pred += len(speakers)
        n_gold += len(gold[file])
        used = set()
        text = (folder / file).read_text(encoding="utf-8")
        for g in gold[file]:
            aliases = [resolve(a, text) for a in g["aliases"].split("|") if a.strip()]
            g_names = names(resolve(g["speaker"], text), aliases)
            for i, s in enumerate(speakers):
                if i not in used and same(g_names, names(s["name"], s["aliases"])):
                    used.add(i)
                    matched += 1
                    pairs.append((g["stance"], s["stance"]))
                    break
        article = analysis["article"]
        verdict_pairs.append((verdicts[file], "mixed" if article["mixed"] else article["stance"]))
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_gold if n_gold else 0.0
    accuracy = sum(t == p for t, p in pairs) / len(pairs) if pairs else 0.0
    baseline = [(t, "neutral") for t, _ in pairs]
    print(f"split {args.split}: {len(files)} articles, {n_gold} labeled speakers, {n_pred} found")
    print(f"attribution: precision {precision:.3f}, recall {recall:.3f} ({matched} matched)")
    print(
        f"speaker stance on matched pairs: accuracy {accuracy:.3f}, macro-F1 {macro_f1(pairs):.3f}; "
        f"all-neutral baseline: accuracy {sum(t == 'neutral' for t, _ in pairs) / max(1, len(pairs)):.3f}, "
        f"macro-F1 {macro_f1(baseline):.3f}"
    )
    print(f"  confusion (labeled -> predicted): {dict(Counter(pairs))}")
    verdict_accuracy = sum(t == p for t, p in verdict_pairs) / len(verdict_pairs)
    print(f"article verdict: accuracy {verdict_accuracy:.3f}; {dict(Counter(verdict_pairs))}")


if __name__ == "__main__":
    main()
