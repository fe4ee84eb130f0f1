#!/usr/bin/env bash
# Runs each fuzzer for SECONDS seconds (default 60), seeded with the shared fixtures and Tests/Regressions/fuzz.
#   Tests/Fuzz/run.sh [SECONDS]      (build first with Tests/Fuzz/build.sh)
# Corpora and any crash-*/timeout-*/oom-* inputs are kept under .build/fuzz/ (never in the repository).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/.build/fuzz}
SHARED=${SIFT_SHARED:-$ROOT/../shared}
TIME=${1:-60}
MAX_LEN=${FUZZ_MAX_LEN:-8192}  # bytes per input: small inputs run fast; the seeds are cut to this length
export SWIFT_BACKTRACE=enable=no  # let libFuzzer report Swift traps itself
seed() {  # seed TARGET FILES…
  local dir="$OUT/corpus-$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/" && chmod u+w "$dir/$(basename "$f")"; done
  return 0
}
EX="$SHARED"/fixtures/exports
REG="$ROOT"/Tests/Regressions/fuzz
seed RIS "$EX"/ris/* "$EX"/edge/*.ris "$EX"/edge/*.txt "$REG"/ris/*
seed WoS "$EX"/wos/* "$EX"/edge/*.isi "$REG"/wos/*
seed Medline "$EX"/medline/* "$EX"/edge/jabref-MedlinePlain* "$REG"/medline/*
seed Ovid "$EX"/ovid/* "$EX"/edge/jabref-Ovid* "$REG"/ovid/*
seed EndNoteTagged "$EX"/endnote-tagged/* "$EX"/edge/*.enw "$REG"/endnote-tagged/*
seed ScopusCSV "$EX"/scopus-csv/* "$REG"/scopus-csv/*
seed CSV "$EX"/scopus-csv/* "$REG"/csv/*
seed BibTeX "$EX"/bibtex/* "$EX"/edge/*.bib "$REG"/bibtex/*
seed EndNoteXML "$EX"/endnote-xml/* "$REG"/endnote-xml/*
seed PubMedXML "$EX"/pubmed-xml/* "$EX"/edge/*.xml "$REG"/pubmed-xml/*
seed Detect "$EX"/*/* "$REG"/*/*
TARGETS=(${FUZZ_TARGETS:-RIS WoS Medline Ovid EndNoteTagged ScopusCSV CSV BibTeX EndNoteXML PubMedXML Detect})
status=0
for target in "${TARGETS[@]}"; do
  echo "fuzz-$target: $TIME s"
  (cd "$OUT" && ./"fuzz-$target" -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 -max_len="$MAX_LEN" -print_final_stats=1 \
    -artifact_prefix="$OUT/$target-" "corpus-$target" 2>&1 | tee "$OUT/log-$target.txt" | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" ) || status=1
done
exit $status
