#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 300), two at a time (a 2-core machine), after
# seeding each corpus with a few valid inputs. Needs cargo-fuzz (`cargo install cargo-fuzz`) and a
# nightly compiler, or RUSTC_BOOTSTRAP=1 as here. Never part of CI. Logs: fuzz/logs/TARGET.log;
# crashes: fuzz/artifacts/TARGET/.
#   bash fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(featurizer read_tsv read_csv read_jsonl read_fasttext read_txt model_bytes model_mutations)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O

# Seeds: the first byte of a reader input picks options (0: defaults); the rest is the file.
seed() { mkdir -p "corpus/$1"; printf '\0%s' "$3" > "corpus/$1/$2"; }
seed read_tsv valid $'id\tlabel\ttext\n1\tmilitary\tTanks advanced.\n2\tneutral\tRain fell.\n'
seed read_csv valid $'id,label,text\n1,military,"Tanks, then ""jets"",\nadvanced."\n2,neutral,Rain\r\n'
seed read_jsonl valid $'{"id":"1","label":"military","text":"Tanks \\u00e9 advanced."}\n{"label":null,"text":3}\n'
seed read_fasttext valid $'__label__military __label__x Tanks advanced.\nno label here\n'
seed read_txt valid $'\xef\xbb\xbfEnvoys met.\r\nThey resumed peace talks.\n'
mkdir -p corpus/featurizer
printf '\x05\x04\x03%s' "The council did not approve air strikes, U.S. envoys said; talks resume." > corpus/featurizer/english
printf '\x21\x08\x01%s' "Οι πόλεμοι ισαισα δεν τελείωσαν. 1,600 νεκροί — café naïve" > corpus/featurizer/greek
mkdir -p corpus/model_mutations corpus/model_bytes
printf '\x00' > corpus/model_mutations/full
printf '\x01' > corpus/model_mutations/compact

mkdir -p logs
run() {
    local target=$1
    echo "== $target: ${seconds}s" >&2
    cargo fuzz run -O "$target" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 > "logs/$target.log" 2>&1 || echo "!! $target stopped: see fuzz/logs/$target.log" >&2
    tail -n 20 "logs/$target.log" | grep -E 'stat::number_of_executed_units|Done|SUMMARY|crash-|timeout-|oom-' >&2 || true
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" &
    if [ $((i + 1)) -lt ${#targets[@]} ]; then run "${targets[i + 1]}" & fi
    wait
done
