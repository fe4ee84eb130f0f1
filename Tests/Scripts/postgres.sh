#!/usr/bin/env bash
# A throwaway PostgreSQL for the team store's tests and the load benchmark, on 127.0.0.1 only.
# Usage: Tests/Scripts/postgres.sh start       starts one (or finds the running one), prints its URL
#        Tests/Scripts/postgres.sh url         prints the URL of the running one
#        Tests/Scripts/postgres.sh newdb NAME  creates database NAME (owner sift), prints its URL
#        Tests/Scripts/postgres.sh dropdb NAME drops database NAME
#        Tests/Scripts/postgres.sh stop        stops it and deletes its data
# URL: postgres://sift:sift@127.0.0.1:PORT/sift (role sift, password sift, may create databases; password checked
# with scram-sha-256). Data lives in a temp dir; the state file ($SIFT_PG_STATE, default .build/postgres.state in the
# checkout) remembers it for `url`, `newdb` and `stop`. Installs Debian's `postgresql` with apt-get when no
# /usr/lib/postgresql/*/bin exists (needs root or sudo). As root, the server runs as the `postgres` user.
# Other settings: SIFT_PG_PORT (default: a free port), SIFT_PG_MAX_CONNECTIONS (default 300).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="${SIFT_PG_STATE:-$ROOT/.build/postgres.state}"

die() { echo "postgres.sh: error: $*" >&2; exit 1; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

install_postgres() {
  echo "postgres.sh: installing postgresql with apt-get" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends postgresql >&2
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

load_state() {
  [ -f "$STATE" ] || die "no PostgreSQL started from this checkout ($STATE missing); run: $0 start"
  # shellcheck disable=SC1090
  . "$STATE"
}

running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  [ -d "$PGDIR/data" ] && as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1
}

psql_admin() {
  as_owner "$PGBIN/psql" -v ON_ERROR_STOP=1 -q -h "$PGDIR" -p "$PGPORT" -U postgres -d postgres "$@"
}

start() {
  if running; then echo "$PGURL"; return; fi
  local bin
  bin="$(find_bin)"
  if [ -z "$bin" ]; then install_postgres; bin="$(find_bin)"; fi
  [ -n "$bin" ] || die "no PostgreSQL binaries in /usr/lib/postgresql/*/bin after installing; install postgresql-15"
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    die "running as root but there is no 'postgres' user to run the server as; install postgresql with apt-get"
  fi
  local dir port
  dir="$(mktemp -d "${TMPDIR:-/tmp}/sift-postgres.XXXXXX")"
  port="${SIFT_PG_PORT:-$(free_port)}"
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  local pwfile="$dir/pw"
  echo postgres >"$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 --locale=C --encoding=UTF8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed (log above)"; }
  rm -f "$pwfile"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=${SIFT_PG_MAX_CONNECTIONS:-300}" \
    start >/dev/null || { cat "$dir/server.log" >&2; die "pg_ctl start failed (server log above)"; }
  PGBIN="$bin" PGDIR="$dir" PGPORT="$port"
  psql_admin -c "CREATE ROLE sift LOGIN CREATEDB PASSWORD 'sift'"
  psql_admin -c "CREATE DATABASE sift OWNER sift"
  PGURL="postgres://sift:sift@127.0.0.1:$port/sift"
  mkdir -p "$(dirname "$STATE")"
  printf 'PGBIN=%q\nPGDIR=%q\nPGPORT=%q\nPGURL=%q\n' "$bin" "$dir" "$port" "$PGURL" >"$STATE"
  echo "$PGURL"
}

stop() {
  if [ ! -f "$STATE" ]; then echo "postgres.sh: nothing to stop" >&2; return; fi
  load_state
  if [ -d "$PGDIR/data" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  case "$PGDIR" in
    "${TMPDIR:-/tmp}"/sift-postgres.*) rm -rf "$PGDIR" ;;
  esac
  rm -f "$STATE"
  echo "postgres.sh: stopped"
}

newdb() {
  local name="${1:-}"
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "newdb NAME: lower-case letters, digits and _ (got '$name')"
  running || die "PostgreSQL is not running; run: $0 start"
  psql_admin -c "CREATE DATABASE $name OWNER sift"
  echo "postgres://sift:sift@127.0.0.1:$PGPORT/$name"
}

dropdb() {
  local name="${1:-}"
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "dropdb NAME: lower-case letters, digits and _ (got '$name')"
  running || die "PostgreSQL is not running; run: $0 start"
  psql_admin -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running || die "PostgreSQL is not running; run: $0 start"; echo "$PGURL" ;;
  newdb) shift; newdb "$@" ;;
  dropdb) shift; dropdb "$@" ;;
  *) echo "usage: $0 start|url|newdb NAME|dropdb NAME|stop" >&2; exit 2 ;;
esac
