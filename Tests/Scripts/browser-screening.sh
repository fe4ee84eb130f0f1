#!/usr/bin/env bash
# Browser test of the team screening server: headless Chromium driven through the Chrome DevTools Protocol signs in by
# typing into the form, screens three records with the keyboard (i Enter; e 1 Enter; m Enter), then checks with
# `sift decisions export` that exactly those decisions are in the store, and screenshots the queue and conflicts pages.
# Usage: Tests/Scripts/browser-screening.sh        (SCREENSHOTS=DIR to keep the PNGs somewhere; default a temp dir)
#        SIFT_BROWSER_STORE=postgres Tests/Scripts/browser-screening.sh
#          runs the server on PostgreSQL: a new database from Tests/Scripts/postgres.sh (started when needed), the
#          project moved there with `sift-server store copy`, and copied back to SQLite for the check.
# Needs Debian's `chromium` and `python3-websocket` (installed with apt when missing; root or sudo) and /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
/usr/bin/python3 -c 'import websocket' 2>/dev/null || missing+=(python3-websocket)
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-screening: installing ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

echo "browser-screening: building sift and sift-server (debug)"
swift build --product sift >/dev/null
swift build --product sift-server >/dev/null
bin="$(swift build --show-bin-path)"
sift="$bin/sift"
server="$bin/sift-server"

work="$(mktemp -d)"
SCREENSHOTS="${SCREENSHOTS:-$work/screenshots}"
mkdir -p "$SCREENSHOTS"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "${pgdb:-}" ]; then bash Tests/Scripts/postgres.sh dropdb "$pgdb" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

project="$work/project"
mkdir -p "$project"
cat >"$work/protocol.yaml" <<'YAML'
title: "Browser test review"
reviewers: [CML, LJ]
databases:
  - name: Scopus
criteria:
  - {id: I1, label: Therapy study, text: Studies a psychological therapy.}
  - {id: E1, label: Not therapy, text: Not about therapy.}
  - {id: E2, label: Not original research, text: "Reviews, editorials and comments."}
stages: [title, abstract, full-text]
screening:
  highlight: [alliance]
YAML
{
  n=0
  for title in "Therapeutic alliance in online therapy" "Alliance in email counselling" \
    "<script>alert(1)</script> & \"x\": a hostile title" "Chat therapy and the working alliance"; do
    n=$((n + 1))
    printf 'TY  - JOUR\nTI  - %s\nAU  - Smith, J.\nAU  - Jones, K.\nPY  - 2015\nJO  - Journal of Tests\nLA  - English\nID  - S%d\nAB  - A study of the working alliance (%d).\nER  - \n' "$title" "$n" "$n"
  done
} >"$work/scopus.ris"
"$sift" init "$project" --protocol "$work/protocol.yaml" >/dev/null
"$sift" import --project "$project" --database Scopus "$work/scopus.ris" >/dev/null
# LJ decided R000001 already (from the CLI), so CML's include makes a conflict for the adjudicator.
printf 'record,verdict,criteria,note\nR000001,exclude,E1,"not about therapy, says LJ"\n' >"$work/lj.csv"
"$sift" decisions import "$work/lj.csv" --reviewer LJ --stage title --project "$project" >/dev/null
store=()
pgdb=""
if [ "${SIFT_BROWSER_STORE:-sqlite}" = postgres ]; then
  bash Tests/Scripts/postgres.sh start >/dev/null
  pgdb="sift_browser_$$"
  pgurl="$(bash Tests/Scripts/postgres.sh newdb "$pgdb")"
  "$server" store copy --from "$project" --to "$pgurl" --project "$project" | tail -1
  store=(--store "$pgurl")
fi
password="browser test password"
for account in CML:reviewer LJ:reviewer ADJ:adjudicator; do
  echo "$password" | "$server" reviewer add "${account%%:*}" --role "${account##*:}" --password-stdin \
    --project "$project" "${store[@]}"
done

log="$work/server.log"
"$server" serve --project "$project" "${store[@]}" --host 127.0.0.1 --port 0 >"$log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; echo "FAIL: sift-server exited"; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "FAIL: sift-server printed no URL"; exit 1; }
echo "browser-screening: server at $url"

/usr/bin/python3 Tests/Scripts/browser-screening.py --url "$url" --password "$password" --out "$SCREENSHOTS"

# Exactly the three decisions typed in the browser, as CML, at the title stage.
check="$project"
if [ -n "$pgdb" ]; then
  # Back from PostgreSQL into a new SQLite project folder (with the protocol) for `sift decisions export`.
  check="$work/back"
  mkdir -p "$check"
  cp "$project/protocol.yaml" "$check/"
  "$server" store copy --from "$pgurl" --to "$check" --project "$project" | tail -1
fi
"$sift" decisions export --reviewer CML --stage title --project "$check" >"$work/cml.csv"
expected='R000001,title,CML,include,,
R000002,title,CML,exclude,E1,
R000003,title,CML,maybe,,'
actual="$(tail -n +2 "$work/cml.csv" | cut -d, -f1-6)"
if [ "$actual" != "$expected" ]; then
  echo "FAIL: decisions in the store differ from the keys pressed"
  echo "expected:"; echo "$expected"; echo "actual:"; echo "$actual"
  exit 1
fi
echo "ok   store holds exactly: $(echo "$actual" | tr '\n' ' ')"

kill -INT "$server_pid"
wait "$server_pid" || { echo "FAIL: sift-server did not stop cleanly on SIGINT"; cat "$log"; exit 1; }
server_pid=""
grep -q "sift-server: stopped" "$log" || { echo "FAIL: no clean stop message"; cat "$log"; exit 1; }
echo "ok   sift-server stopped cleanly on Ctrl-C"
echo "screenshots:"
ls -1 "$SCREENSHOTS"/*.png
