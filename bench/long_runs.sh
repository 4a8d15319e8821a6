#!/usr/bin/env bash
# Times whole processes on texts without whitespace (runs of `=`, of `.,;:!?`, of `ab-`), 1 MB and
# 10 MB each, for `stance predict` and `stance analyze`: tokenizing must be linear, so 10 MB takes
# about ten times 1 MB (it was quadratic: 400 KB of `=` took 51 s to predict, 48 s to analyze).
#
#     bash bench/long_runs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p stance-cli
stance=target/release/stance
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '| run | command | 1 MB | 10 MB | ratio |\n|---|---|---|---|---|\n'
for unit in '=' '.,;:!?' 'ab-'; do
  for size in 1 10; do
    python3 -c "import sys; u=sys.argv[1]; print(u * (int(sys.argv[2]) * 1000000 // len(u)))" "$unit" "$size" \
      > "$tmp/run-$size.txt"
  done
  for command in predict analyze; do
    seconds=()
    for size in 1 10; do
      extra=(); [ "$command" = predict ] && extra=(--task stance)
      start=$(date +%s.%N)
      "$stance" "$command" "${extra[@]}" -q "$tmp/run-$size.txt" > /dev/null
      seconds+=("$(echo "$(date +%s.%N) - $start" | bc)")
    done
    printf '| `%s` | %s | %.2f s | %.2f s | %.1f |\n' "$unit" "$command" "${seconds[0]}" "${seconds[1]}" \
      "$(echo "${seconds[1]} / ${seconds[0]}" | bc -l)"
  done
done
