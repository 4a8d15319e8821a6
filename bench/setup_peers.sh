#!/usr/bin/env bash
# Creates the peers' virtual environments under bench/.venv-* (gitignored) and installs them with pip.
# One venv per peer, so a peer's pins (fastText needs numpy<2) cannot break another's.
# Writes bench/.venv-STATUS: one line per peer, "NAME ok" or "NAME failed: REASON".
# A peer that cannot be installed is reported by run.sh, not dropped.
set -uo pipefail
cd "$(dirname "$0")"
py="${PYTHON:-python3}"
status=.venv-STATUS
: > "$status"

# name, then the pip requirements (pinned where the brief asks for it).
setup() {
  local name="$1"; shift
  local venv=".venv-$name" log=".venv-$name.log"
  if [ -x "$venv/bin/python" ] && [ -f "$venv/.installed" ] && [ "$(cat "$venv/.installed")" = "$*" ]; then
    echo "$name ok" >> "$status"; return
  fi
  rm -rf "$venv"
  if "$py" -m venv "$venv" > "$log" 2>&1 \
     && "$venv/bin/pip" install -q "$@" >> "$log" 2>&1; then
    echo "$*" > "$venv/.installed"
    echo "$name ok" >> "$status"
  else
    echo "$name failed: pip install $* ($(tail -n 1 "$log" | cut -c1-160))" >> "$status"
  fi
}

setup sklearn "scikit-learn" "numpy" "scipy"
setup vw "vowpalwabbit"
setup fasttext "fasttext-wheel==0.9.2" "numpy<2"
cat "$status"
