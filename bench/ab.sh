#!/usr/bin/env bash
# Two builds of stance, before and after a change, timed in one run on IMDB (whole processes,
# /usr/bin/time -v): `train` then `eval` with the tuned flags of BENCHMARKS.md, 1..2- and 1..3-grams,
# the builds interleaved, median of RUNS (default 3). Prints one table: wall seconds and peak RSS
# of each step, and the ratio after / before. Both builds must give the same model bytes (checked).
#
#   bash bench/ab.sh BEFORE_BINARY AFTER_BINARY [RUNS]
#
# e.g. git worktree add /tmp/before REV && (cd /tmp/before && cargo build --release -p stance-cli
#      --target-dir /tmp/before-target) && bash bench/ab.sh /tmp/before-target/release/stance
#      target/release/stance
set -euo pipefail
before=$1
after=$2
runs=${3:-3}
data="${STANCE_DATASETS:-$(cd "$(dirname "$0")/.." && pwd)/../shared/datasets}"
[ -f "$data/imdb/train.tsv.gz" ] || { echo "bench/ab.sh: $data/imdb/train.tsv.gz not found (set STANCE_DATASETS)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # OUT_PREFIX COMMAND...: appends "wall_s rss_mib" to OUT_PREFIX.txt
    local out=$1
    shift
    /usr/bin/time -v "$@" > /dev/null 2> "$work/time.txt"
    awk -F': ' '/Maximum resident/ {rss=$2/1024} /Elapsed \(wall/ {n=split($2,t,":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]} END {printf "%.2f %.0f\n", s, rss}' "$work/time.txt" >> "$out.txt"
}

median() { # FILE COLUMN
    cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}

printf '| n-grams | step | before s | after s | after/before | before MiB | after MiB | after/before |\n'
printf '|---|---|--:|--:|--:|--:|--:|--:|\n'
for ngrams in 1..2 1..3; do
    flags=(--ngrams "$ngrams" --alpha 0.5 --weighting binary -q)
    for run in $(seq "$runs"); do
        for build in before after; do
            binary=$before
            [ "$build" = after ] && binary=$after
            measure "$work/$build-train" "$binary" train "$data/imdb/train.tsv.gz" -o "$work/$build.model" "${flags[@]}"
            measure "$work/$build-eval" "$binary" eval -m "$work/$build.model" "$data/imdb/test.tsv.gz" -q
        done
        cmp -s "$work/before.model" "$work/after.model" || { echo "bench/ab.sh: the two builds wrote different models ($ngrams)" >&2; exit 1; }
    done
    for step in train eval; do
        b=$(median "$work/before-$step.txt" 1); a=$(median "$work/after-$step.txt" 1)
        bm=$(median "$work/before-$step.txt" 2); am=$(median "$work/after-$step.txt" 2)
        awk -v n="$ngrams" -v s="$step" -v b="$b" -v a="$a" -v bm="$bm" -v am="$am" \
            'BEGIN {printf "| %s | %s | %.2f | %.2f | %.2f | %d | %d | %.2f |\n", n, s, b, a, a/b, bm, am, am/bm}'
        rm "$work/before-$step.txt" "$work/after-$step.txt"
    done
done
