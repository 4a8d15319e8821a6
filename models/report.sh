#!/usr/bin/env bash
# Regenerates models/REPORT.md and the HTML reports beside it, from the datasets and the flags in
# models/*.flags, with the release `stance` binary:
#
#     bash models/report.sh            # reuses the recorded search in models/search/
#     bash models/report.sh --search   # also reruns the search (about 10 minutes on 2 cores)
#
# The held-out test reports use models trained on train.tsv only (the shipped models also saw
# test.tsv: see "Train only, or train + test?").
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p stance-cli
stance=target/release/stance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags() { sed 's/#.*//' "models/$1.flags" | xargs; }

STANCE_GRID='ngrams=1..1,1..2,1..3;alpha=0.1,0.3,0.5,1;weighting=count,binary,tfidf;variant=multinomial,complement;stopwords=none,english;negation=on,off'
SENTIMENT_GRID='ngrams=1..1,1..2,1..3;alpha=0.3,0.5,1,2,3;weighting=count,binary,tfidf;variant=multinomial,complement;stem=english,none;negation=on,off'
declare -A GROUP=([stance]=conflict [sentiment]=topic)
declare -A GRID=([stance]="$STANCE_GRID" [sentiment]="$SENTIMENT_GRID")

if [ "${1:-}" = "--search" ]; then
  for task in stance sentiment; do
    "$stance" tune "datasets/$task/train.tsv" --group-by "${GROUP[$task]}" --folds 5 --seed 42 \
      --grid "${GRID[$task]}" --quiet > "models/search/$task.txt"
  done
fi

section() {
  local task=$1 group=${GROUP[$1]}
  # shellcheck disable=SC2046 # the flags are words on purpose
  "$stance" train "datasets/$task/train.tsv" -o "$tmp/$task.model" --compact --quiet $(flags "$task")
  echo "## The $task model"
  echo
  echo "Flags (\`models/$task.flags\`): \`$(flags "$task")\`"
  echo
  echo "### The search"
  echo
  echo "\`stance tune datasets/$task/train.tsv --group-by $group --folds 5 --seed 42 --grid '${GRID[$task]}'\`"
  echo "(train file only; the test file was never part of it). Top 10 of $(grep -c '^ *[0-9]' "models/search/$task.txt") settings;"
  echo "the whole ranking is in \`models/search/$task.txt\`."
  echo
  echo '```'
  sed -n '1,13p' "models/search/$task.txt"
  echo '```'
  echo
  echo "### Held-out test (evaluated once; model trained on train.tsv only)"
  echo
  echo "\`stance eval -m <train-only model> datasets/$task/test.tsv --format markdown\`: the test set holds"
  echo "${group}s that never occur in the training data, written by a writer who never saw it."
  echo
  "$stance" eval -m "$tmp/$task.model" "datasets/$task/test.tsv" --format markdown
  echo
  echo "### Grouped cross-validation on train, with the learning curve"
  echo
  echo "\`stance cv datasets/$task/train.tsv --group-by $group --folds 5 --seed 42 <flags> --learning-curve\`"
  echo "(HTML: [\`$task-cv.html\`]($task-cv.html))."
  echo
  # shellcheck disable=SC2046
  "$stance" cv "datasets/$task/train.tsv" --group-by "$group" --folds 5 --seed 42 $(flags "$task") \
    --learning-curve --format markdown --quiet
  # shellcheck disable=SC2046
  "$stance" cv "datasets/$task/train.tsv" --group-by "$group" --folds 5 --seed 42 $(flags "$task") \
    --learning-curve --format html --quiet -o "models/$task-cv.html"
  echo
  echo "### Most informative terms of the shipped model"
  echo
  echo "\`stance inspect --task $task --top 12\` (terms are stemmed; \`NOT_\` marks a negation scope):"
  echo
  echo '```'
  "$stance" inspect --task "$task" --top 12 | sed -n '/informative/,$p'
  echo '```'
  echo
}

{
  cat models/report-intro.md
  section stance
  cat models/report-errors-stance.md
  section sentiment
  cat models/report-errors-sentiment.md
} > models/REPORT.md
echo "wrote models/REPORT.md"
