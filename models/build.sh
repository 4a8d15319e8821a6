#!/usr/bin/env bash
# Builds the two default models that `stance` embeds, then the binary that embeds them:
#
#     bash models/build.sh
#
# 1. builds the release binary (with whatever models/*.model hold now; empty files are fine),
# 2. for each task (stance, sentiment), trains on the written data listed in models/TASK.data
#    and the real-news training labels (datasets/real/TASK/train.tsv, texts joined by id from
#    ../shared/realnews/wikipedia-current-events.tsv) with the flags in models/TASK.flags, then
#    calibrates the model by 5-fold cross-validation on the real-news labels, folds grouped by
#    year, the written data training every fold (models/TASK.calibration names the method),
#    and writes models/TASK.model in the compact (prediction-only) form,
# 3. rebuilds the binary so that it embeds the new models, and prints their fingerprints.
#
# Why these data and flags: models/REPORT.md. The same data, flags and texts give the same bytes
# (tests/default_models.rs checks it). Without the shared real-news folder it stops and says so.
set -euo pipefail

cd "$(dirname "$0")/.."

# The training flags of each model live in models/TASK.flags (one or more flags per line, `#`
# comments), shared with the test that rebuilds the models (tests/default_models.rs).
flags() { sed 's/#.*//' "models/$1" | xargs; }

texts=${STANCE_REALNEWS:-../shared/realnews}/wikipedia-current-events.tsv
if [ ! -f "$texts" ]; then
  echo "models/build.sh: $texts is missing: the real-news texts that datasets/real/ labels by id live" >&2
  echo "in the shared folder beside the repository (set STANCE_REALNEWS to its realnews/ folder)." >&2
  exit 1
fi

# The crate embeds models/*.model with include_bytes!, so they must exist before it compiles.
touch models/stance.model models/sentiment.model

cargo build --release -p stance-cli
stance=target/release/stance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for task in stance sentiment; do
  read -r -a written <<< "$(flags "$task.data")"
  also=()
  for file in "${written[@]}"; do also+=(--train-also "$file"); done
  # shellcheck disable=SC2046 # the flags are words on purpose
  "$stance" train "${written[@]}" "datasets/real/$task/train.tsv" \
    --texts "$texts" -o "$tmp/$task.model" --compact --quiet $(flags "$task.flags")
  # shellcheck disable=SC2046
  "$stance" calibrate -m "$tmp/$task.model" "datasets/real/$task/train.tsv" --texts "$texts" \
    --group-by year --folds 5 --seed 42 "${also[@]}" \
    -o "models/$task.model" --quiet $(flags "$task.calibration")
done

cargo build --release -p stance-cli
"$stance" --version
