#!/usr/bin/env bash
# Ingest benchmark (make bench): generates a deterministic corpus into bench-out/, then measures in one run
# `wc -l` (I/O floor), Python's rispy.load (reference), `sift-bench ingest` on RIS and EndNote XML, and
# `sift convert --to jsonl` when that command exists. Prints records/s, MB/s, peak RSS and ratios vs rispy.
# Environment: RECORDS (default 100000), SEED (default 1), DUPLICATES (default 0.1), REPEAT (default 3: each
# parser runs that many times and the fastest run counts, which evens out a busy machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${RECORDS:-100000}
SEED=${SEED:-1}
DUPLICATES=${DUPLICATES:-0.1}
REPEAT=${REPEAT:-3}
OUT=bench-out
SWIFT=${SWIFT:-swift}

echo "== building release binaries"
$SWIFT build -c release --product sift-bench >/dev/null
$SWIFT build -c release --product sift >/dev/null
BIN=$($SWIFT build -c release --show-bin-path)

STAMP="seed=$SEED records=$RECORDS duplicates=$DUPLICATES"
if [[ ! -f $OUT/records.ris || "$(cat $OUT/.stamp 2>/dev/null)" != "$STAMP" ]]; then
  echo "== generating $STAMP"
  "$BIN/sift-bench" generate --seed "$SEED" --records "$RECORDS" --duplicates "$DUPLICATES" --out "$OUT"
  echo "$STAMP" >"$OUT/.stamp"
fi
RIS=$OUT/records.ris
XML=$OUT/records.xml

echo "== rispy (Python) in .venv-bench/"
if [[ ! -x .venv-bench/bin/python ]]; then python3 -m venv .venv-bench; fi
.venv-bench/bin/python -c "import rispy" 2>/dev/null || .venv-bench/bin/pip install --quiet rispy

# Each measurement prints one line: name records seconds peak_rss_mb
measure_time() { # name records command...
  local name=$1 records=$2 start end rss=0
  shift 2
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    local tmp
    tmp=$(mktemp)
    /usr/bin/time -f "%M" -o "$tmp" "$@" >/dev/null 2>&1 || true
    rss=$(tail -1 "$tmp")
    rm -f "$tmp"
  else
    "$@" >/dev/null 2>&1
  fi
  end=$(date +%s.%N)
  echo "$name $records $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b-a}') $(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
}

RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
BYTES_RIS=$(stat -c %s "$RIS")
LINES=$(wc -l <"$RIS")

measure_time "wc-l" "$LINES" wc -l "$RIS" >>"$RESULTS"

.venv-bench/bin/python - "$RIS" "$REPEAT" >>"$RESULTS" <<'PY'
import gc, resource, sys, time
import rispy
best = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        records = rispy.load(f)
    seconds = time.perf_counter() - start
    count = len(records)
    del records
    gc.collect()
    best = seconds if best is None else min(best, seconds)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"rispy {count} {best:.3f} {rss:.1f}")
PY

parse_sift() { # name file [sift-bench ingest options]
  local line name=$1 file=$2 best="" candidate
  shift 2
  for _ in $(seq "$REPEAT"); do
    candidate=$("$BIN/sift-bench" ingest "$@" "$file" 2>&1 | grep '^sift ' || true)
    [[ -z $candidate ]] && break
    if [[ -z $best ]] || awk -v a="$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$candidate")" \
      -v b="$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$best")" 'BEGIN{exit !(a < b)}'; then
      best=$candidate
    fi
  done
  line=$best
  if [[ -z $line ]]; then
    echo "$name 0 0 0"
    return
  fi
  local records seconds rss
  records=$(sed -E 's/.*records=([0-9]+).*/\1/' <<<"$line")
  seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
  rss=$(sed -E 's/.*peakRSS_MB=([0-9.]+).*/\1/' <<<"$line")
  echo "$name $records $seconds $rss"
}
parse_sift "sift-ris" "$RIS" >>"$RESULTS"
# The EndNote XML reader comes from another branch; --format reaches it even before it is registered.
REPEAT=1 parse_sift "sift-endnote-xml" "$XML" --format endnote-xml >>"$RESULTS"
if "$BIN/sift" convert --help 2>/dev/null | grep -q -- "--to"; then
  RISN=$(grep '^sift-ris ' "$RESULTS" | cut -d' ' -f2)
  measure_time "sift-convert-jsonl" "$RISN" "$BIN/sift" convert "$RIS" --to jsonl --out "$OUT/records.jsonl" --quiet >>"$RESULTS"
fi

BYTES_XML=$(stat -c %s "$XML" 2>/dev/null || echo 0)
echo
echo "== results, best of $REPEAT runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); RIS $((BYTES_RIS / 1048576)) MB, $LINES lines)"
awk -v ris="$BYTES_RIS" -v xml="$BYTES_XML" '
  { name[NR] = $1; rec[NR] = $2; sec[NR] = $3; rss[NR] = $4; if ($1 == "rispy" && $3 > 0) base = $2 / $3 }
  END {
    printf "%-20s %10s %9s %12s %9s %10s %10s\n", "tool", "records", "seconds", "records/s", "MB/s", "peakRSS", "vs rispy"
    for (i = 1; i <= NR; i++) {
      if (sec[i] == 0) { printf "%-20s %10s\n", name[i], "skipped (no reader)"; continue }
      bytes = (name[i] == "sift-endnote-xml") ? xml : ris
      rate = rec[i] / sec[i]
      ratio = (base > 0 && name[i] != "wc-l") ? sprintf("%.1fx", rate / base) : "-"
      printf "%-20s %10d %9.2f %12.0f %9.1f %8.1fMB %10s\n", name[i], rec[i], sec[i], rate, bytes / 1048576 / sec[i], rss[i], ratio
    }
    print ""
    print "targets: sift-ris >= 10x rispy records/s; sift-endnote-xml >= 3x; peak RSS < 150 MB"
  }' "$RESULTS"
