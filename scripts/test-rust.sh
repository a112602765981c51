#!/usr/bin/env bash
# Runs the Rust tests with nextest. Tests named `...::postgres` need TEST_POSTGRES_URL; without
# it they are left out and this says how many, plainly. REQUIRE_POSTGRES=1 (CI) makes that an error.
set -euo pipefail
pg_filter='test(/::postgres$/)'
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  exec cargo nextest run --lib --bins --tests --no-fail-fast
fi
if [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "error: REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set: the PostgreSQL tests would be skipped" >&2
  exit 1
fi
skipped=$(cargo nextest list --lib --bins --tests -T oneline -E "$pg_filter" | wc -l)
notice="TEST_POSTGRES_URL is not set: skipping $skipped PostgreSQL tests (e.g. TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test make test)"
echo "$notice"
status=0
cargo nextest run --lib --bins --tests --no-fail-fast -E "not $pg_filter" || status=$?
echo "$notice"
exit $status
