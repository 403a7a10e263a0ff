#!/usr/bin/env bash
# Run `dateline tag` over a TBAQ-shaped corpus (plain/<doc>.txt + plain/<doc>.dct
# + gold.jsonl, e.g. TimeBank+AQUAINT from ../shared/corpora/tbaq) and print the
# TempEval-3 scorer's figures.
#
# usage: scripts/eval-tbaq.sh [CORPUS_DIR [OUT_DIR]] [-- SCORER_ARGS...]
#   CORPUS_DIR   default: ../shared/corpora/tbaq (or ../../shared/... from a worktree)
#   OUT_DIR      default: target/eval-tbaq (one TimeML file per document)
#   SCORER_ARGS  passed to timex_score.py, e.g. -- --errors 40 or -- --json
# DATELINE_BIN=path uses that binary instead of building a release one.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=""
for d in ../shared ../../shared; do
    if [ -d "$d/corpora/tbaq" ]; then shared=$d; break; fi
done
corpus=""
out="target/eval-tbaq"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then corpus=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then out=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
corpus=${corpus:-$shared/corpora/tbaq}
scorer=${SCORER:-$shared/eval/timex_score.py}
if [ ! -d "$corpus/plain" ] || [ ! -f "$scorer" ]; then
    echo "eval-tbaq: corpus ($corpus) or scorer ($scorer) not found" >&2
    exit 2
fi

bin=${DATELINE_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=target/release/dateline
fi

rm -rf "$out"
mkdir -p "$out"
n=0
for f in "$corpus"/plain/*.txt; do
    doc=$(basename "$f" .txt)
    dct=""
    if [ -f "$corpus/plain/$doc.dct" ]; then dct=$(tr -d '[:space:]' < "$corpus/plain/$doc.dct"); fi
    if [ -n "$dct" ]; then
        "$bin" tag --published "$dct" --format timeml "$f" > "$out/$doc.tml" 2>> "$out/stderr.log" || true
    else
        "$bin" tag --format timeml "$f" > "$out/$doc.tml" 2>> "$out/stderr.log" || true
    fi
    n=$((n + 1))
done
echo "eval-tbaq: tagged $n documents into $out" >&2
python3 "$scorer" "$corpus" "$out" --brief "$@"
