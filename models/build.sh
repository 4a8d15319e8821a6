#!/usr/bin/env bash
# Builds the two default models that `stance` embeds, then the binary that embeds them:
#
#     bash models/build.sh
#
# 1. builds the release binary (with whatever models/*.model hold now; empty files are fine),
# 2. trains models/stance.model on datasets/stance/train.tsv and models/sentiment.model on
#    datasets/sentiment/train.tsv, in the compact (prediction-only) form,
# 3. rebuilds the binary so that it embeds the new models, and prints their fingerprints.
#
# The flags below are the training settings of each model, chosen by grouped cross-validation on
# the training files only (models/REPORT.md records the search). Change them here, rerun this
# script, and commit the .model files.
set -euo pipefail

STANCE_FLAGS=(--ngrams 1..1 --stem english --stopwords english --negation --numbers token
              --weighting count --alpha 0.3 --variant multinomial --priors learned)
SENTIMENT_FLAGS=(--ngrams 1..3 --stem english --stopwords none --negation --numbers token
                 --weighting binary --alpha 1.0 --variant multinomial --priors learned)

cd "$(dirname "$0")/.."

# The crate embeds models/*.model with include_bytes!, so they must exist before it compiles.
touch models/stance.model models/sentiment.model

cargo build --release -p stance-cli
stance=target/release/stance

"$stance" train datasets/stance/train.tsv -o models/stance.model --compact "${STANCE_FLAGS[@]}"
"$stance" train datasets/sentiment/train.tsv -o models/sentiment.model --compact "${SENTIMENT_FLAGS[@]}"

cargo build --release -p stance-cli
"$stance" --version
