#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers at 127.0.0.1:5432: installs it from Debian's packages
# when missing, starts the local cluster when stopped, and waits until it accepts connections.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_isready >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi
ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if ! ready; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
fi
for _ in $(seq 1 60); do
  ready && exit 0
  sleep 1
done
echo "error: PostgreSQL does not answer at 127.0.0.1:5432" >&2
exit 1
