#!/usr/bin/env bash
# Builds one libFuzzer target per reader, plus one for format detection (Ingest.detect + Ingest.read).
#   Tests/Fuzz/build.sh [OUT]        (OUT defaults to .build/fuzz)
#   .build/fuzz/fuzz-BibTeX -max_total_time=60 .build/fuzz/corpus-BibTeX   (run.sh seeds and runs them all)
# SiftCore and SiftIngest are compiled once with coverage instrumentation (-sanitize=fuzzer) and AddressSanitizer,
# then each Fuzz*.swift is linked against them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/.build/fuzz}
SWIFTC=${SWIFTC:-swiftc}
mkdir -p "$OUT"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g)
XML=(-I "$ROOT/Sources/CLibXML2")
for flag in $(pkg-config --cflags libxml-2.0); do XML+=(-Xcc "$flag"); done

"$SWIFTC" "${FLAGS[@]}" -wmo -num-threads 0 -module-name SiftCore -emit-module \
  -emit-module-path "$OUT/SiftCore.swiftmodule" -c -o "$OUT/SiftCore.o" "$ROOT"/Sources/SiftCore/*.swift
mapfile -t INGEST < <(find "$ROOT/Sources/SiftIngest" -name '*.swift' | sort)
"$SWIFTC" "${FLAGS[@]}" -wmo -num-threads 0 -module-name SiftIngest -I "$OUT" "${XML[@]}" -emit-module \
  -emit-module-path "$OUT/SiftIngest.swiftmodule" -c -o "$OUT/SiftIngest.o" "${INGEST[@]}"
TARGETS=(RIS WoS Medline Ovid EndNoteTagged ScopusCSV CSV BibTeX EndNoteXML PubMedXML Detect)
for target in "${TARGETS[@]}"; do
  "$SWIFTC" "${FLAGS[@]}" -I "$OUT" "${XML[@]}" "$ROOT/Tests/Fuzz/Fuzz$target.swift" "$ROOT/Tests/Fuzz/FuzzSupport.swift" \
    "$OUT/SiftCore.o" "$OUT/SiftIngest.o" -lxml2 -o "$OUT/fuzz-$target" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  echo "built $OUT/fuzz-$target"
done
