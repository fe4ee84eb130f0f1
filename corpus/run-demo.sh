#!/usr/bin/env bash
# The main job: runs the whole pipeline on a corpus project. Usage: run-demo.sh SIFT CORPUS_DIR OUT_DIR
set -euo pipefail
sift="$(realpath "$1")"; corpus="$2"; out="$3"
mkdir -p "$out"
echo "sift $("$sift" --version): demo on $corpus -> $out"
bash "$corpus/pipeline.sh" "$sift" "$corpus" "$out"
