#!/usr/bin/env bash
# Start Debian's PostgreSQL, create the test database, print its URL on stdout.
# Usage: export PROTESTWATCH_TEST_PG_URL="$(bash .ci/postgres.sh)"
# Idempotent: a running server and an existing database are reused. Messages go to stderr.
set -euo pipefail

DATABASE="${PROTESTWATCH_PG_DATABASE:-protestwatch_test}"
ROLE="${PROTESTWATCH_PG_ROLE:-protestwatch}"
# A throwaway password for a loopback-only test server.
PASSWORD="${PROTESTWATCH_PG_PASSWORD:-protestwatch}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "server did not become ready"; exit 1; }

as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -tAq $*"; }
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  as_postgres "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\"" >&2
fi
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != "1" ]; then
  as_postgres "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\"" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
