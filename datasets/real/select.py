#!/usr/bin/env python3
"""Chooses which real-news passages get labeled, reproducibly, and writes their ids.

    python3 datasets/real/select.py [../shared/realnews] > datasets/real/selection.tsv

Reads `wikipedia-current-events.tsv` from the real-news folder (default `../shared/realnews`
beside the repository) and writes one row per chosen passage: `id`, `split`, `stratum`.
Only ids are written; the text stays in the shared folder.

- test: a seeded random sample of 650 passages dated 2025-09-01 or later (the newest part of
  the pool), stratum `random`. Random on purpose: its scores mean "real news as it comes".
- train (dated before 2025-09-01), chosen so that the rare labels and the hard cases are covered:
  - `random`: a seeded random sample of 760 (the real label distribution, for priors and
    honest cross-validation);
  - `diplomacy`: every passage naming a ceasefire, truce, talks, negotiations, mediation,
    dialogue, reconciliation, an envoy, a summit, a peace deal, a prisoner exchange or amnesty;
  - `refusal`: every passage with a refusal, rejection, vow, threat, warning or ultimatum;
  - `toll`: a seeded sample of 350 passages reporting deaths, half with a named operation
    (air strike, raid, shelling, offensive, drone) and half with none (bombs, gunmen,
    explosions), for clarifications 2 and 13.
  - `random2`: a second seeded random sample of 2,400 of the passages not chosen above (its own
    seed, drawn after the rest, so that adding it left the earlier choice unchanged): more real
    training data at the real label distribution.
  - `rest`: every passage before 2025-09-01 that no stratum above chose (a third round of
    labeling, so that the whole older pool is labeled).
  A passage is listed once, under the first stratum that chose it, in the order above.
"""
import csv
import random
import re
import sys
from pathlib import Path

SEED = 20261207
TEST_FROM = "2025-09-01"
TEST_SIZE = 650
RANDOM_TRAIN_SIZE = 760
TOLL_SIZE = 350
SECOND_RANDOM_SIZE = 2400

DIPLOMACY = re.compile(
    r"cease-?fire|truce|armistice|peace (talk|deal|agreement|process|accord|plan|negotiat|"
    r"conference|summit)|negotiat|\btalks\b|mediat|dialogue|reconcil|prisoner (exchange|swap)|"
    r"amnesty|envoy|summit|diplomat",
    re.I,
)
REFUSAL = re.compile(r"\b(reject|refus|rules? out|ruled out|vow|threaten|ultimatum|warn)", re.I)
DEATHS = re.compile(r"\b(kill|dead|death|die[sd]?\b)", re.I)
OPERATION = re.compile(r"air ?strike|airstrike|\braid|shell(ing|ed|s)\b|offensive|drone|bombard", re.I)
NO_ACTOR = re.compile(r"\bbomb(ing|er|s)?\b|gunmen|explosion|blast|IED|roadside", re.I)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2].parent / "shared" / "realnews")
    pool = folder / "wikipedia-current-events.tsv"
    if not pool.exists():
        sys.exit(f"select.py: {pool} is missing: the real-news pool lives in ../shared/realnews")
    with pool.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows.sort(key=lambda r: r["id"])
    rng = random.Random(SEED)
    chosen: dict[str, tuple[str, str]] = {}

    newest = [r for r in rows if r["date"] >= TEST_FROM]
    for r in rng.sample(newest, TEST_SIZE):
        chosen[r["id"]] = ("test", "random")

    older = [r for r in rows if r["date"] < TEST_FROM]
    for r in rng.sample(older, RANDOM_TRAIN_SIZE):
        chosen[r["id"]] = ("train", "random")
    for stratum, pattern in (("diplomacy", DIPLOMACY), ("refusal", REFUSAL)):
        for r in older:
            if r["id"] not in chosen and pattern.search(r["text"]):
                chosen[r["id"]] = ("train", stratum)
    deaths = [r for r in older if r["id"] not in chosen and DEATHS.search(r["text"])]
    with_operation = [r for r in deaths if OPERATION.search(r["text"])]
    without = [r for r in deaths if not OPERATION.search(r["text"]) and NO_ACTOR.search(r["text"])]
    for r in rng.sample(with_operation, TOLL_SIZE // 2) + rng.sample(without, TOLL_SIZE - TOLL_SIZE // 2):
        chosen[r["id"]] = ("train", "toll")

    rest = [r for r in older if r["id"] not in chosen]
    for r in random.Random(SEED + 1).sample(rest, SECOND_RANDOM_SIZE):
        chosen[r["id"]] = ("train", "random2")

    for r in older:
        if r["id"] not in chosen:
            chosen[r["id"]] = ("train", "rest")

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["id", "split", "stratum"])
    for id_, (split, stratum) in sorted(chosen.items()):
        out.writerow([id_, split, stratum])


if __name__ == "__main__":
    main()
