#!/usr/bin/env bash
# Reproduces the memory figures of README.md "Limits" (peak RSS by /usr/bin/time -v). Writes
# some 4 GB to /tmp/stance-mem (never into the repository); takes about 15 minutes on 2 cores.
#   cargo build --release -p stance-cli && bash tests/memory/measure.sh [PARTS]
# PARTS: which of the four parts below to run (default 1234).
set -euo pipefail
parts=${1:-1234}
root=$(cd "$(dirname "$0")/../.." && pwd)
stance=$root/target/release/stance
out=/tmp/stance-mem
mkdir -p "$out"
cd "$out"

peak() { # COMMAND...: prints "peak RSS MB, wall s" of the command
    /usr/bin/time -v "$@" > /dev/null 2> time.txt || { cat time.txt; exit 1; }
    awk -F': ' '/Maximum resident/ {rss=$2/1024} /Elapsed \(wall/ {n=split($2,t,":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]} END {printf "%.0f MB, %.1f s", rss, s}' time.txt
    grep -h '^stance: trained' time.txt | sed 's/^/    /' || true
    echo
}

# 1. Training on 10%, 50% and 100% of a 2.2 GB corpus.
if [[ $parts == *1* ]]; then
[ -f corpus.tsv ] || python3 "$root/tests/memory/make_corpus.py" 2200000000 corpus.tsv
head -c 220076654 corpus.tsv | head -n -1 > c10.tsv
head -c 1100383269 corpus.tsv | head -n -1 > c50.tsv
for c in c10 c50 corpus; do
    echo "train $c.tsv ($(stat -c %s $c.tsv) bytes): $(peak "$stance" train $c.tsv -o $c.model)"
done
fi

# 2. Peak memory against vocabulary size (unigrams, 4 million words each).
if [[ $parts == *2* ]]; then
for v in 10000 100000 1000000 3000000; do
    python3 "$root/tests/memory/vocabulary.py" $v 4000000 v$v.tsv
    echo "train --ngrams 1..1, vocabulary $v: $(peak "$stance" train v$v.tsv -o v$v.model --ngrams 1..1)"
done
fi

if [[ $parts == *3* ]]; then
# 3. One 100 MB document: a .txt file and a TSV row; repeated sentences, and 100 MB of words
#    from a vocabulary of one million.
python3 - <<'PY'
import random
talks = "Envoys resumed peace talks and agreed to a ceasefire. "
mb = 100 << 20
text = (talks * (mb // len(talks) + 1))[:mb]
open("big.txt", "w").write(text)
open("big.tsv", "w").write("id\ttext\nbig\t" + text + "\n")
rng = random.Random(3)
names = [f"w{i:x}" for i in range(1_000_000)]
words = []
size = 0
while size < mb:
    chunk = " ".join(rng.choices(names, k=100_000)) + " "
    words.append(chunk)
    size += len(chunk)
open("distinct.txt", "w").write("".join(words)[:mb])
PY
[ -f small.model ] || "$stance" train "$root/datasets/stance/train.tsv" -o small.model -q
echo "predict big.txt (100 MB, one sentence repeated): $(peak "$stance" predict -m small.model big.txt)"
echo "predict big.tsv (a 100 MB row): $(peak "$stance" predict -m small.model big.tsv)"
echo "predict distinct.txt (100 MB, 1M distinct words): $(peak "$stance" predict -m small.model distinct.txt)"
echo "predict -j 1 big.txt: $(peak "$stance" -j 1 predict -m small.model big.txt)"
fi

# 4. analyze on long articles (tests/data/article.txt repeated to 1 and 5 MB), against a one-line
#    article: the growth over the built-in models' baseline, per byte of article.
if [[ $parts == *4* ]]; then
python3 - "$root/tests/data/article.txt" <<'PY'
import sys
text = open(sys.argv[1]).read() + "\n\n"
for mb in (1, 5):
    size = mb * 1_000_000
    open(f"article{mb}.txt", "w").write((text * (size // len(text) + 1))[:size])
open("article0.txt", "w").write("Envoys agreed to resume talks.\n")
PY
for format in text json; do
    for mb in 0 1 5; do
        echo "analyze --format $format article$mb.txt: $(peak "$stance" analyze --format $format article$mb.txt)"
    done
done
fi
