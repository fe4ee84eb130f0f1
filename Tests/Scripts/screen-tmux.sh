#!/usr/bin/env bash
# Drives `sift screen` in a real terminal (tmux): single keys, progress, highlight, undo, quit and resume,
# then checks the decisions landed. Usage: Tests/Scripts/screen-tmux.sh [SIFT_BINARY]
# Needs tmux (apt-get install tmux); exits 0 with a note when tmux is missing.
set -euo pipefail
sift="$(realpath "${1:-.build/debug/sift}")"
command -v tmux >/dev/null || { echo "screen-tmux: tmux not installed; skipped"; exit 0; }
[ -x "$sift" ] || { echo "screen-tmux: no sift binary at $sift (run swift build first)"; exit 1; }

work="$(mktemp -d)"
session="sift-screen-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "screen-tmux: FAIL: $*"; echo "--- pane:"; tmux capture-pane -p -t "$session" 2>/dev/null || true; exit 1; }

cat >"$work/protocol.yaml" <<'YAML'
title: tmux screening test
reviewers: [CML, LJ]
databases: [{name: Scopus}]
criteria:
  - {id: E1, label: Not therapy, text: Not about therapy.}
stages: [title, abstract, full-text]
screening: {highlight: [alliance]}
YAML
for n in 1 2 3 4 5; do
  printf 'TY  - JOUR\nTI  - Study %s of the therapeutic alliance\nPY  - 2015\nDO  - 10.5555/t%s\nER  - \n\n' "$n" "$n"
done >"$work/a.ris"
"$sift" init "$work" >/dev/null
"$sift" import --project "$work" --database Scopus "$work/a.ris" >/dev/null

# Waits until the pane shows $1 (up to 10 s).
wait_for() {
  for _ in $(seq 1 100); do
    tmux capture-pane -p -t "$session" | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "pane never showed '$1'"
}

start() {
  tmux new-session -d -s "$session" -x 100 -y 30 \
    "cd '$work' && '$sift' screen --stage title --reviewer CML; echo SIFT-EXITED-\$?; sleep 30"
}

start
wait_for "1/5"
wait_for "Study 1 of the therapeutic alliance"
tmux send-keys -t "$session" i
wait_for "2/5"
tmux send-keys -t "$session" e
wait_for "3/5"
tmux send-keys -t "$session" u
wait_for "undone: R000002"
wait_for "2/5"
tmux send-keys -t "$session" m
wait_for "3/5"
tmux send-keys -t "$session" s
wait_for "Study 4 of"
tmux send-keys -t "$session" q
wait_for "SIFT-EXITED-0"
wait_for "stopped; 2/5 decided"
tmux kill-session -t "$session"

# The highlight term is shown in inverse video.
start
wait_for "3/5"
tmux capture-pane -p -e -t "$session" | grep -q $'\e\[7malliance' || fail "highlight term not in inverse video"
wait_for "Study 3 of"   # resumed at the first undecided record (the skipped one)
tmux send-keys -t "$session" i
wait_for "4/5"
tmux send-keys -t "$session" C-c   # Ctrl-C quits cleanly too (terminal restored)
wait_for "SIFT-EXITED-0"
tmux kill-session -t "$session"

export_csv="$("$sift" decisions export --project "$work" --reviewer CML)"
echo "$export_csv" | grep -q '^R000001,title,CML,include,' || fail "R000001 include missing: $export_csv"
echo "$export_csv" | grep -q '^R000002,title,CML,maybe,' || fail "R000002 maybe missing (undo then m): $export_csv"
echo "$export_csv" | grep -q '^R000003,title,CML,include,' || fail "R000003 include missing: $export_csv"
[ "$(echo "$export_csv" | wc -l)" -eq 4 ] || fail "expected 3 decisions: $export_csv"
history="$("$sift" decisions export --project "$work" --history --all)"
[ "$(echo "$history" | grep -c ',CML,')" -eq 5 ] || fail "expected 5 rows in history (incl. exclude + undo): $history"
echo "screen-tmux: OK (keys, progress, highlight, undo, skip, quit, resume; decisions landed)"
