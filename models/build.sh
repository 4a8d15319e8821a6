#!/usr/bin/env bash
# Builds the two default models that `stance` embeds, then the binary that embeds them:
#
#     bash models/build.sh
#
# 1. builds the release binary (with whatever models/*.model hold now; empty files are fine),
# 2. trains models/stance.model on datasets/stance/{train,test}.tsv and models/sentiment.model on
#    datasets/sentiment/{train,test}.tsv, in the compact (prediction-only) form (why train + test:
#    models/REPORT.md),
# 3. rebuilds the binary so that it embeds the new models, and prints their fingerprints.
#
# The training settings of each model are in models/stance.flags and models/sentiment.flags,
# chosen by grouped cross-validation on the training files only (models/REPORT.md records the
# search). Change them there, rerun this script, and commit the .model files.
set -euo pipefail

cd "$(dirname "$0")/.."

# The training flags of each model live in models/TASK.flags (one or more flags per line, `#`
# comments), shared with the test that rebuilds the models (tests/default_models.rs).
flags() { sed 's/#.*//' "models/$1.flags" | xargs; }


# The crate embeds models/*.model with include_bytes!, so they must exist before it compiles.
touch models/stance.model models/sentiment.model

cargo build --release -p stance-cli
stance=target/release/stance

for task in stance sentiment; do
  # shellcheck disable=SC2046 # the flags are words on purpose
  "$stance" train "datasets/$task/train.tsv" "datasets/$task/test.tsv" -o "models/$task.model" --compact --quiet $(flags "$task")
done

cargo build --release -p stance-cli
"$stance" --version
