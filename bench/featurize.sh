#!/usr/bin/env bash
# Featurization throughput: ours (criterion, MiB/s) and scikit-learn's CountVectorizer on the same
# IMDB training text, in the same run. Needs ../shared/datasets (or STANCE_DATASETS) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${STANCE_DATASETS:-$(pwd)/../shared/datasets}"
if [ ! -f "$data/imdb/train.tsv.gz" ]; then
  echo "skipping: $data/imdb/train.tsv.gz not found (set STANCE_DATASETS)"; exit 0
fi
venv=bench/.venv-sklearn
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q scikit-learn; }
STANCE_DATASETS="$data" cargo bench -q -p stance-features --bench featurize -- --warm-up-time 1 --measurement-time 15 2>&1 \
  | grep -E "^featurize|thrpt" | paste - - | sed -E 's/ +/ /g'
"$venv/bin/python" bench/featurize_sklearn.py "$data/imdb/train.tsv.gz"
