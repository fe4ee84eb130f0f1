#!/usr/bin/env bash
# Team server load benchmark on PostgreSQL: REVIEWERS simulated reviewers (default 20) each screen DECISIONS records
# (default 200) at once through `sift-server`; prints decisions/s and p50/p95/p99 latency of the decision POST and
# checks through /decisions.csv that every decision was stored once (exit 1 if not).
# Steps: builds release `sift` and `sift-server`; makes a project in a temp dir (protocol with reviewers load1..loadN,
# stage title-abstract, RECORDS generated RIS records, default = DECISIONS); starts PostgreSQL with
# Tests/Scripts/postgres.sh unless one runs; copies the project into a new database (`sift-server store copy`); adds
# the reviewers (`sift-server reviewer add --password-stdin`); serves on a free port; runs server-load.py; stops what
# it started. Environment: REVIEWERS, DECISIONS, RECORDS, SWIFT, CONFIG (release, or debug for a quick look),
# KEEP=1 (keep the temp project).
set -euo pipefail
cd "$(dirname "$0")/../.."
REVIEWERS=${REVIEWERS:-20}
DECISIONS=${DECISIONS:-200}
RECORDS=${RECORDS:-$DECISIONS}
SWIFT=${SWIFT:-swift}
CONFIG=${CONFIG:-release}
PG=Tests/Scripts/postgres.sh

echo "== building $CONFIG sift and sift-server"
$SWIFT build -c "$CONFIG" --product sift >/dev/null
$SWIFT build -c "$CONFIG" --product sift-server >/dev/null
BIN=$($SWIFT build -c "$CONFIG" --show-bin-path)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sift-load.XXXXXX")
SERVER_PID=""
STARTED_PG=""
DB="sift_load_$$"
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$STARTED_PG" ]; then bash $PG stop >/dev/null || true; else bash $PG dropdb "$DB" >/dev/null 2>&1 || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== project: $RECORDS records, reviewers load1..load$REVIEWERS"
{
  echo "title: Server load test"
  printf 'reviewers: ['
  for i in $(seq 1 "$REVIEWERS"); do printf '%sload%d' "$([ "$i" = 1 ] || echo ', ')" "$i"; done
  echo ']'
  echo 'databases:'
  echo '  - name: Generated'
  echo 'criteria:'
  echo '  - {id: E1, label: Not relevant, text: Not about the question.}'
  echo 'stages: [title-abstract]'
} >"$WORK/protocol.yaml"
python3 - "$RECORDS" >"$WORK/records.ris" <<'PY'
import sys
for i in range(1, int(sys.argv[1]) + 1):
    print("TY  - JOUR")
    print(f"TI  - Load test record {i}: effects of intervention {i % 17} on outcome {i % 5}")
    print(f"AU  - Author{i}, A.")
    print(f"PY  - {2000 + i % 24}")
    print(f"DO  - 10.5555/load.{i}")
    print(f"AB  - Abstract of record {i}. <script>alert({i})</script> & more text.")
    print("ER  - ")
PY
"$BIN/sift" init "$WORK/project" --protocol "$WORK/protocol.yaml" >/dev/null
"$BIN/sift" import "$WORK/records.ris" --database Generated --project "$WORK/project" >/dev/null

echo "== PostgreSQL"
if URL=$(bash $PG url 2>/dev/null); then
  echo "using the running one"
else
  URL=$(bash $PG start)
  STARTED_PG=1
fi
STORE=$(bash $PG newdb "$DB")
echo "store: ${STORE/sift:sift@/sift:***@}"
"$BIN/sift-server" store copy --from "$WORK/project" --to "$STORE" --project "$WORK/project"

export SIFT_LOAD_PASSWORD="load-password-$$"
for i in $(seq 1 "$REVIEWERS"); do
  echo "$SIFT_LOAD_PASSWORD" | "$BIN/sift-server" reviewer add "load$i" --password-stdin \
    --project "$WORK/project" --store "$STORE" >/dev/null
done

echo "$SIFT_LOAD_PASSWORD" | "$BIN/sift-server" reviewer add loadcheck --role adjudicator --password-stdin \
  --project "$WORK/project" --store "$STORE" >/dev/null 2>&1

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/sift-server" serve --project "$WORK/project" --store "$STORE" --host 127.0.0.1 --port "$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "http://127.0.0.1:$PORT/login" 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log"; echo "sift-server exited"; exit 1; fi
  sleep 0.2
done

echo "== load: $REVIEWERS reviewers x $DECISIONS decisions"
status=0
python3 Tests/Benchmarks/server-load.py --base-url "http://127.0.0.1:$PORT" --reviewers "$REVIEWERS" \
  --decisions "$DECISIONS" --stage title-abstract --checker loadcheck || status=$?
if [ "$status" != 0 ]; then echo "-- server log (last 30 lines)"; tail -30 "$WORK/server.log"; fi
exit $status
