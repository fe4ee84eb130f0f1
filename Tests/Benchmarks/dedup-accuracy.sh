#!/usr/bin/env bash
# De-duplication accuracy and speed: sift against bib-dedupe 0.11.0 on every labelled set in
# ../shared/fixtures/dedup (or $SIFT_SHARED/fixtures/dedup), then a scale run on synthetic data.
# Usage: bash Tests/Benchmarks/dedup-accuracy.sh [--no-bib-dedupe] [--no-scale]
# SCALES (default "10000 100000 1000000") sets the sizes of the scale run; 1M needs about 3.2 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
SWIFT="${SWIFT:-swift}"
SHARED="${SIFT_SHARED:-../shared}"
DATA="$SHARED/fixtures/dedup"
RUN_BIB=1
RUN_SCALE=1
for arg in "$@"; do
  case "$arg" in
    --no-bib-dedupe) RUN_BIB=0 ;;
    --no-scale) RUN_SCALE=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
[ -d "$DATA" ] || { echo "dedup-accuracy: no labelled sets at $DATA (set SIFT_SHARED)" >&2; exit 1; }

echo "== building sift-bench (release)"
"$SWIFT" build -c release --product sift-bench >/dev/null
BENCH="$("$SWIFT" build -c release --show-bin-path)/sift-bench"

if [ "$RUN_BIB" = 1 ]; then
  if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import bib_dedupe" 2>/dev/null; then
    echo "== installing bib-dedupe 0.11.0 into .venv-bench/"
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q "bib-dedupe==0.11.0"
  fi
fi

echo "== accuracy (pairwise: every pair in one cluster; record-level: bib-dedupe's compare_dedupe_id)"
for dir in "$DATA"/*/; do
  name="$(basename "$dir")"
  truth="$dir/merged_record_ids.csv"
  records="$dir/records_pre_merged.csv"
  [ -f "$records" ] || records="$dir/labelled_test_set.csv"
  [ -f "$records" ] && [ -f "$truth" ] || continue
  "$BENCH" dedup --records "$records" --truth "$truth" --name "$name"
  if [ "$RUN_BIB" = 1 ]; then
    .venv-bench/bin/python Tests/Benchmarks/dedup_bibdedupe.py "$records" "$truth" "$name" 2>/dev/null \
      || echo "$name bib-dedupe failed"
  fi
done

if [ "$RUN_SCALE" = 1 ]; then
  echo "== scale (synthetic records, 1 in 5 an injected duplicate; candidate pairs; time of Deduplicator.run, peak RSS of the process)"
  for n in ${SCALES:-10000 100000 1000000}; do "$BENCH" dedup --scale "$n"; done
fi
