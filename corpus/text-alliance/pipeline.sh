#!/usr/bin/env bash
# Runs the whole Sift pipeline on this corpus. Usage: pipeline.sh SIFT CORPUS_DIR OUT_DIR
# (corpus/run-demo.sh can call it: bash "$corpus/pipeline.sh" "$sift" "$corpus" "$out").
# Every input is in CORPUS_DIR (see README.md for what is the paper's and what is reconstructed); the project is
# created in OUT_DIR/project, outputs are written to OUT_DIR.
set -euo pipefail
sift="$(realpath "$1")"
corpus="$(cd "$2" && pwd)"
out="$3"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
project="$out/project"

# Decisions carry no time: a fixed one keeps every output byte-identical between runs (not a date from the paper).
export SIFT_FIXED_TIME="${SIFT_FIXED_TIME:-2020-10-06T00:00:00Z}"

rm -rf "$project"
# Every step's full output goes to pipeline.log; the terminal gets a short summary at the end.
log="$out/pipeline.log"
: >"$log"
run() { echo "\$ sift $*" >>"$log"; "$sift" "$@" >>"$log" 2>&1 || { cat "$log"; echo "demo: step failed: sift $*" >&2; exit 1; }; }
"$sift" init "$project" --protocol "$corpus/protocol.yaml" >>"$log"
cd "$project"

# Records: reconstructions, not the paper's database exports (its per-database split is unknown).
run import "$corpus/records/reconstructed-included.ris" --database "Included studies (reconstructed)"
run import "$corpus/records/reconstructed-excluded-examples.bib" --database "Excluded examples (illustrative)"

run dedup       # D03 (BibTeX) duplicates S03 (RIS): one cluster expected
run rules       # the records carry no language or publication type; years are all >= 2005 or absent

# Both reviewers' files for a stage before the next stage (docs/screening.md).
for stage in title abstract full-text; do
  for reviewer in CML LJ; do
    run decisions import "$corpus/decisions/$stage-$reviewer.csv" --reviewer "$reviewer" --stage "$stage"
  done
done
"$sift" agreement >"$out/agreement.txt"

run extract import "$corpus/extraction/consensus.yaml" --reviewer consensus
run tables --format all --out "$out/tables"
run synthesis --out "$out/synthesis.md"
# verify lists the 14 figures the paper's tables do not reproduce; they are expected (README.md), so no --strict.
run verify --reported "$corpus/reported.yaml" --out "$out/verify.md"
run prisma --out "$out/prisma.svg"
run prisma --format md --out "$out/prisma.md"
run report --out "$out"
echo "Imported:";    grep -E ': [A-Za-z ]+: [0-9]+ read' "$log" | sed "s|$corpus/||; s|^|  |"
echo "De-duplication: $(grep -m1 -E 'duplicate' "$log" || true)"
echo "PRISMA: $(grep -m1 -E '^\| `included` ' "$out/prisma.md" | awk -F'|' '{gsub(/[*]/,"",$3); print $3 "=" $4}' | tr -s ' ') (diagram: prisma.svg)"
echo "Verify (reported vs reproduced): $(grep -m1 -E 'figures:' "$log")"
echo "Outputs in $out: index.html, prisma.svg, tables/ (Markdown, CSV, LaTeX, HTML), synthesis.md, verify.md, agreement.txt, pipeline.log"
