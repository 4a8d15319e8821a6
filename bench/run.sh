#!/usr/bin/env bash
# Benchmarks the release `stance` binary against scikit-learn (MultinomialNB, ComplementNB, NBSVM),
# Vowpal Wabbit and fastText on rt-polarity (fixed 10-fold CV) and IMDB (train -> test), in one
# run on the same splits, and regenerates BENCHMARKS.md at the root of the project.
#
#   bash bench/run.sh [--quick] [DATASETS]
#
# DATASETS: the folder holding rt-polarity/ and imdb/ (default: $STANCE_DATASETS, else
# ../shared/datasets beside the project). --quick: 1 timed run per system instead of 3 and no
# scaling study, for development. About 30 minutes on 2 cores without --quick.
#
# Needs cargo, python3 (3.9+, with venv) and pip access: the peers are installed into
# bench/.venv-{sklearn,vw,fasttext} (gitignored) by bench/setup_peers.sh; a peer that cannot be
# installed is reported as such in BENCHMARKS.md. Raw results: bench/out/results.json. The Python
# package's predict_proba against scikit-learn's: bench/python_predict.sh (bench/out/python_predict.json).
set -euo pipefail
cd "$(dirname "$0")/.."
command="bash bench/run.sh"
quick=()
data=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick); command+=" --quick" ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench/run.sh: unknown option $arg" >&2; exit 2 ;;
    *) data="$arg"; command+=" $arg" ;;
  esac
done
data="${data:-${STANCE_DATASETS:-$(pwd)/../shared/datasets}}"
for f in rt-polarity/all.tsv rt-polarity/folds.tsv imdb/train.tsv.gz imdb/test.tsv.gz; do
  [ -f "$data/$f" ] || { echo "bench/run.sh: $data/$f not found (give the datasets folder or set STANCE_DATASETS)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

cargo build --release -q -p stance-cli
bash bench/setup_peers.sh
bash bench/python_predict.sh "$data"
python3 bench/bench.py "${quick[@]}" --command "$command" "$data"
