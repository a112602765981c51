#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers at 127.0.0.1:5432 and prints a URL the tests can use
# (on stdout; everything else goes to stderr). Installs the server from Debian's packages when
# missing, starts the local cluster when stopped, and, where the server asks for a password
# (Debian's default), gives the postgres role one and creates the `test` database.
set -euo pipefail
url="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "installing PostgreSQL" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if ! ready; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  done
fi
for _ in $(seq 1 60); do
  ready && break
  sleep 1
done
ready || { echo "error: PostgreSQL does not answer at 127.0.0.1:5432" >&2; exit 1; }

if ! psql "$url" -qAtc 'SELECT 1' >/dev/null 2>&1 && [ -z "${TEST_POSTGRES_URL:-}" ]; then
  echo "setting up the postgres role and the test database for the tests" >&2
  runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD 'postgres'" >&2
  runuser -u postgres -- psql -qAtc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
    || runuser -u postgres -- createdb test >&2
  url="postgres://postgres:postgres@127.0.0.1:5432/test"
fi
psql "$url" -qAtc 'SELECT 1' >/dev/null || { echo "error: cannot connect to $url" >&2; exit 1; }
echo "$url"
