#!/usr/bin/env bash
# Python predict_proba on IMDB test, the stance package against scikit-learn (bench/python_predict.py).
#
#   bash bench/python_predict.sh [DATASETS]
#
# Builds the package into bench/.venv-python (gitignored) with pip, beside scikit-learn, then runs
# the comparison; writes bench/out/python_predict.json, which bench/run.sh's BENCHMARKS.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${STANCE_DATASETS:-$(pwd)/../shared/datasets}}"
[ -f "$data/imdb/test.tsv.gz" ] || { echo "bench/python_predict.sh: $data/imdb not found" >&2; exit 1; }
venv=bench/.venv-python
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q scikit-learn numpy ./crates/python
mkdir -p bench/out
(cd bench && "../$venv/bin/python" python_predict.py "$data" --json out/python_predict.json)
