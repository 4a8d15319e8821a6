#!/usr/bin/env bash
# Regenerates models/REPORT.md and the HTML reports beside it, with the release `stance` binary:
#
#     bash models/report.sh            # reuses the recorded searches in models/search/
#     bash models/report.sh --search   # also reruns the searches (about 10 minutes on 2 cores)
#
# It needs the real-news texts that datasets/real/ labels by id (../shared/realnews/, or
# STANCE_REALNEWS): without them it says so and stops. The prose comes from models/report-*.md.
set -euo pipefail
cd "$(dirname "$0")/.."
texts=${STANCE_REALNEWS:-../shared/realnews}/wikipedia-current-events.tsv
if [ ! -f "$texts" ]; then
  echo "models/report.sh: $texts is missing: the real-news texts live in the shared folder" >&2
  exit 1
fi
cargo build -q --release -p stance-cli
stance=target/release/stance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags() { sed 's/#.*//' "models/$1" | xargs; }

STANCE_GRID='ngrams=1..2,1..3;alpha=0.05,0.15,0.3,1;weighting=count,binary;variant=multinomial,complement;negation_scope=narrow,narrow-refusals;function_word_ngrams=keep,drop'
SENTIMENT_GRID='ngrams=1..2,1..3;alpha=0.05,0.1,0.3,1;weighting=count,binary;variant=multinomial,complement;function_word_ngrams=keep,drop;priors=learned,uniform'
declare -A GRID=([stance]="$STANCE_GRID" [sentiment]="$SENTIMENT_GRID")

if [ "${1:-}" = "--search" ]; then
  for task in stance sentiment; do
    read -r -a written <<< "$(flags "$task.data")"
    also=()
    for file in "${written[@]}"; do also+=(--train-also "$file"); done
    "$stance" tune "datasets/real/$task/train.tsv" --texts "$texts" --group-by year --folds 5 --seed 42 \
      "${also[@]}" --grid "${GRID[$task]}" --quiet > "models/search/$task.txt"
  done
  "$stance" tune datasets/real/sentiment/train.tsv --texts "$texts" --group-by year --folds 5 --seed 42 \
    --grid "$SENTIMENT_GRID" --quiet > models/search/sentiment-real-only.txt
fi

section() {
  local task=$1
  read -r -a written <<< "$(flags "$task.data")"
  echo "## The $task model"
  echo
  echo "Flags (\`models/$task.flags\`): \`$(flags "$task.flags")\`; calibration: \`$(flags "$task.calibration")\`;"
  echo "written data: \`${written[*]}\`."
  echo
  echo "### Real test split (the built-in model, scored once)"
  echo
  echo "\`stance eval --task $task datasets/real/$task/test.tsv --texts POOL --bootstrap 1000 --format markdown\`"
  echo
  "$stance" eval --task "$task" "datasets/real/$task/test.tsv" --texts "$texts" --bootstrap 1000 --format markdown
  echo
  echo "### Written test files (a model trained without them)"
  echo
  echo "The recipe of \`models/build.sh\` with \`datasets/$task/test.tsv\` left out, then"
  echo "\`stance eval -m MODEL datasets/$task/test.tsv\` (the previous train-only model scored macro-F1"
  echo "$( [ "$task" = stance ] && echo 0.856 || echo 0.860 ) there):"
  echo
  local train_only=() also=()
  for file in "${written[@]}"; do
    [ "$file" = "datasets/$task/test.tsv" ] && continue
    train_only+=("$file"); also+=(--train-also "$file")
  done
  # shellcheck disable=SC2046 # the flags are words on purpose
  "$stance" train "${train_only[@]}" "datasets/real/$task/train.tsv" --texts "$texts" -o "$tmp/$task-raw.model" \
    --compact --quiet $(flags "$task.flags")
  # shellcheck disable=SC2046
  "$stance" calibrate -m "$tmp/$task-raw.model" "datasets/real/$task/train.tsv" --texts "$texts" --group-by year \
    --folds 5 --seed 42 "${also[@]}" -o "$tmp/$task.model" --quiet $(flags "$task.calibration")
  "$stance" eval -m "$tmp/$task.model" "datasets/$task/test.tsv" --format markdown
  echo
  echo "### The search"
  echo
  echo "\`stance tune datasets/real/$task/train.tsv --texts POOL --group-by year --folds 5 --seed 42"
  echo "--train-also <each file of models/$task.data> --grid '${GRID[$task]}'\`: top 10 of"
  echo "$(grep -c '^ *[0-9]' "models/search/$task.txt") settings (the whole ranking: \`models/search/$task.txt\`)."
  echo
  echo '```'
  sed -n '1,13p' "models/search/$task.txt"
  echo '```'
  echo
  echo "### Cross-validation on the real training split, calibrated inside each fold"
  echo
  echo "\`stance cv datasets/real/$task/train.tsv --texts POOL --group-by year --folds 5 --seed 42 <flags>"
  echo "--train-also <written training data> --calibrate vector --learning-curve\`. The HTML version, with"
  echo "both reliability diagrams, the coverage table and the most confidently wrong passages, is written to"
  echo "\`models/$task-cv.html\` and not committed: it quotes real-news passages."
  echo
  local cv_also=()
  for file in "${train_only[@]}"; do cv_also+=(--train-also "$file"); done
  # shellcheck disable=SC2046
  "$stance" cv "datasets/real/$task/train.tsv" --texts "$texts" --group-by year --folds 5 --seed 42 \
    $(flags "$task.flags") "${cv_also[@]}" --calibrate vector --learning-curve --format markdown --quiet
  # shellcheck disable=SC2046
  "$stance" cv "datasets/real/$task/train.tsv" --texts "$texts" --group-by year --folds 5 --seed 42 \
    $(flags "$task.flags") "${cv_also[@]}" --calibrate vector --learning-curve --format html --quiet \
    -o "models/$task-cv.html"
  echo
  echo "### Most informative terms of the shipped model"
  echo
  echo "\`stance inspect --task $task --top 12\` (terms are stemmed; \`NOT_\` marks a negation scope, \`REFUSE_\` a refusal scope):"
  echo
  echo '```'
  "$stance" inspect --task "$task" --top 12
  echo '```'
  echo
}

{
  cat models/report-intro.md
  echo
  cat models/report-errors-real.md
  echo
  section stance
  section sentiment
} > models/REPORT.md
echo "wrote models/REPORT.md"
