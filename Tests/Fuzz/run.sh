#!/usr/bin/env bash
# Runs each structured-format fuzzer for SECONDS seconds (default 60), seeded with the shared fixtures.
#   Tests/Fuzz/run.sh [SECONDS]      (build first with Tests/Fuzz/build.sh)
# Corpora and any crash-*/timeout-*/oom-* inputs are kept under .build/fuzz/ (never in the repository).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/.build/fuzz}
SHARED=${SIFT_SHARED:-$ROOT/../shared}
TIME=${1:-60}
export SWIFT_BACKTRACE=enable=no  # let libFuzzer report Swift traps itself
seed() {  # seed TARGET FILES…
  local dir="$OUT/corpus-$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/" && chmod u+w "$dir/$(basename "$f")"; done
  return 0
}
seed BibTeX "$SHARED"/fixtures/exports/bibtex/* "$SHARED"/fixtures/exports/edge/*.bib
seed EndNoteXML "$SHARED"/fixtures/exports/endnote-xml/*
seed PubMedXML "$SHARED"/fixtures/exports/pubmed-xml/* "$SHARED"/fixtures/exports/edge/*.xml
status=0
for target in BibTeX EndNoteXML PubMedXML; do
  echo "fuzz-$target: $TIME s"
  (cd "$OUT" && ./"fuzz-$target" -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/$target-" "corpus-$target" 2>&1 | tail -3) || status=1
done
exit $status
