#!/usr/bin/env bash
# Ingest benchmark (make bench): generates a deterministic corpus into bench-out/, then measures in one run
# `wc -l` (I/O floor), Python's rispy.load (reference), `sift-bench ingest` on RIS (one thread, and the default that
# scans on a second thread) and on EndNote XML, and `sift convert --to jsonl` when that command exists.
# Prints wall and CPU (user+sys) seconds, records/s, records per CPU second, MB/s, peak RSS and the ratios vs rispy
# by wall time and by CPU time.
# Environment: RECORDS (default 100000), SEED (default 1), DUPLICATES (default 0.1), REPEAT (default 3: rounds; each
# round runs rispy and every Sift reader once, interleaved; per tool the best wall time and the best CPU time count,
# which evens out a busy machine, and each round's own ratios are printed).
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

# Each measurement prints one line: name records wall_seconds cpu_seconds peak_rss_mb (cpu = user + sys).
measure_time() { # name records command...
  local name=$1 records=$2 start end tmp rss=0 cpu=0 user sys
  shift 2
  tmp=$(mktemp)
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%M %U %S" -o "$tmp" "$@" >/dev/null 2>&1 || true
    read -r rss user sys < <(tail -1 "$tmp")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u+s}')
  else
    "$@" >/dev/null 2>&1
  fi
  end=$(date +%s.%N)
  rm -f "$tmp"
  echo "$name $records $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b-a}') $cpu" \
    "$(awk -v k="$rss" 'BEGIN{printf "%.1f", k/1024}')"
}

RESULTS=$(mktemp)
BYTES_RIS=$(stat -c %s "$RIS")
LINES=$(wc -l <"$RIS")

echo "== measuring: $REPEAT rounds; each round runs rispy once, then each Sift reader once (interleaved, so a"
echo "   machine that speeds up or slows down affects both); per tool the best wall and the best CPU time count"
measure_time "wc-l" "$LINES" wc -l "$RIS" >>"$RESULTS"

RAW=$(mktemp)
trap 'rm -f "$RESULTS" "$RAW"' EXIT
rispy_once() { # prints `rispy records wall cpu rss` for one rispy.load of the RIS file
  .venv-bench/bin/python - "$RIS" <<'PY'
import resource, sys, time
import rispy
start = time.perf_counter()
cpu_start = time.process_time()
with open(sys.argv[1], encoding="utf-8") as f:
    records = rispy.load(f)
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu_start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"rispy {len(records)} {seconds:.3f} {cpu:.3f} {rss:.1f}")
PY
}
sift_once() { # name file [sift-bench ingest options]: prints `name records wall cpu rss` for one run
  local name=$1 file=$2 line
  shift 2
  line=$("$BIN/sift-bench" ingest "$@" "$file" 2>&1 | grep '^sift ' || true)
  if [[ -z $line ]]; then
    echo "$name 0 0 0 0"
    return
  fi
  sed -E "s/.*records=([0-9]+) seconds=([0-9.]+) cpu=([0-9.]+) .*peakRSS_MB=([0-9.]+).*/$name \\1 \\2 \\3 \\4/" <<<"$line"
}
for round in $(seq "$REPEAT"); do
  {
    rispy_once
    # Parsing into records (the reader alone), then the whole ingest path of `sift import`/`convert` (`--full`:
    # NUL scrubbing and database filling on top), then the default (a second scanning thread when there are two
    # cores), then EndNote XML of the same records.
    sift_once "sift-ris-1thread" "$RIS" --threads 1
    sift_once "sift-ris-1thread-full" "$RIS" --threads 1 --full
    sift_once "sift-ris" "$RIS"
    sift_once "sift-endnote-xml" "$XML" --format endnote-xml --threads 1
  } >"$RAW.round"
  cat "$RAW.round" >>"$RAW"
  # This round's own ratios (rispy and Sift ran minutes apart at most): how far one run can be from the best.
  awk -v round="$round" '
    $1 == "rispy" { r = $4 } $1 == "sift-ris-1thread" { s = $4 } $1 == "sift-endnote-xml" { x = $4 }
    END { if (r > 0 && s > 0 && x > 0) printf "   round %d: rispy %.2f cpu s, RIS 1 thread %.2f (%.1fx), EndNote XML %.2f (%.1fx)\n", round, r, s, r / s, x, r / x }' "$RAW.round"
done
rm -f "$RAW.round"
# Best wall and best CPU time per tool, each on its own (on a busy machine they rarely come from the same run).
awk '
  !($1 in order) { order[$1] = ++n; names[n] = $1; rec[$1] = $2; wall[$1] = $3; cpu[$1] = $4; rss[$1] = $5; next }
  { if ($3 < wall[$1]) wall[$1] = $3; if ($4 < cpu[$1]) cpu[$1] = $4; if ($5 > rss[$1]) rss[$1] = $5 }
  END { for (i = 1; i <= n; i++) { k = names[i]; print k, rec[k], wall[k], cpu[k], rss[k] } }' "$RAW" >>"$RESULTS"
if "$BIN/sift" convert --help 2>/dev/null | grep -q -- "--to"; then
  RISN=$(grep '^sift-ris ' "$RESULTS" | cut -d' ' -f2)
  measure_time "sift-convert-jsonl" "$RISN" "$BIN/sift" convert "$RIS" --to jsonl --out "$OUT/records.jsonl" \
    --quiet >>"$RESULTS"
fi

BYTES_XML=$(stat -c %s "$XML" 2>/dev/null || echo 0)
echo
echo "== results, best of $REPEAT runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg);" \
  "RIS $((BYTES_RIS / 1048576)) MB, $LINES lines)"
echo "   wall = elapsed s; cpu = user+sys s over all threads; rec/cpu-s = records per CPU second (one core's rate)"
echo "   x rispy = sift's rate / rispy's rate: by records per wall second, and by records per CPU second"
awk -v ris="$BYTES_RIS" -v xml="$BYTES_XML" '
  {
    name[NR] = $1; rec[NR] = $2; sec[NR] = $3; cpu[NR] = $4; rss[NR] = $5
    if ($1 == "rispy" && $3 > 0) { base = $2 / $3; if ($4 > 0) cbase = $2 / $4 }
  }
  END {
    f = "%-22s %8s %7s %7s %10s %10s %7s %9s %8s %8s\n"
    printf f, "tool", "records", "wall s", "cpu s", "records/s", "rec/cpu-s", "MB/s", "peak RSS", "x rispy", "x rispy"
    printf f, "", "", "", "", "", "", "", "", "(wall)", "(cpu)"
    for (i = 1; i <= NR; i++) {
      if (sec[i] == 0) { printf "%-22s %8s\n", name[i], "skipped (no reader)"; continue }
      bytes = (name[i] == "sift-endnote-xml") ? xml : ris
      rate = rec[i] / sec[i]
      crate = cpu[i] > 0 ? rec[i] / cpu[i] : 0
      ratio = (base > 0 && name[i] != "wc-l") ? sprintf("%.1fx", rate / base) : "-"
      cratio = (cbase > 0 && crate > 0 && name[i] != "wc-l") ? sprintf("%.1fx", crate / cbase) : "-"
      printf "%-22s %8d %7.2f %7.2f %10.0f %10.0f %7.1f %7.1fMB %8s %8s\n", name[i], rec[i], sec[i], cpu[i], rate,
        crate, bytes / 1048576 / sec[i], rss[i], ratio, cratio
    }
    print ""
    print "targets: sift-ris-1thread >= 10x rispy (both columns); sift-endnote-xml >= 3x; peak RSS < 150 MB"
  }' "$RESULTS"

# De-duplication against import, through the CLI as a team runs it: `sift import` of the generated RIS into a new
# project, then `sift dedup` in that project. The issue's target: dedup takes less time than the import.
echo
echo "== project import vs dedup ($RECORDS records, with injected near-duplicates)"
PROJECT=$OUT/project
rm -rf "$PROJECT"
"$BIN/sift" init "$PROJECT" >/dev/null
timed() { # label command...: prints "label wall_s peak_rss_mb"
  local label=$1 tmp start end
  shift
  tmp=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp" "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$label $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $(( $(tail -n 1 "$tmp") / 1024 ))"
  rm -f "$tmp"
}
IMPORT=$(timed import "$BIN/sift" import --project "$PROJECT" --database Scopus "$RIS")
DEDUP=$(timed dedup "$BIN/sift" dedup --project "$PROJECT")
echo "$IMPORT" "$DEDUP" | awk '{ printf "sift import %.2f s (peak %d MB); sift dedup %.2f s (peak %d MB); dedup/import = %.2f (target < 1, dedup peak < 500 MB)\n", $2, $3, $5, $6, $5 / $2 }'
