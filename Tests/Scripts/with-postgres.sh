#!/usr/bin/env bash
# Runs a command with SIFT_TEST_POSTGRES_URL pointing at a throwaway PostgreSQL on 127.0.0.1 (Tests/Scripts/postgres.sh
# starts it, installing Debian's postgresql if missing) and stops it afterwards. An URL already set is used as is.
# Usage: bash Tests/Scripts/with-postgres.sh swift test --skip-build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${SIFT_TEST_POSTGRES_URL:-}" ]; then exec "$@"; fi
url="$(bash "$here/postgres.sh" start)"
trap 'bash "$here/postgres.sh" stop >/dev/null 2>&1 || true' EXIT
echo "with-postgres: PostgreSQL for the tests at ${url/:sift@/:***@}"
SIFT_TEST_POSTGRES_URL="$url" "$@"
