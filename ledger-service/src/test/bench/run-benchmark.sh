#!/usr/bin/env bash
# Usage: ledger-service/src/test/bench/run-benchmark.sh — prints the ledger's performance figures (loopback, a few
# minutes). Needs the local stack (deploy/local/infra), pgbench and wrk. Creates ledger_bench, drops it at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../../.."
: "${DB_HOST:=127.0.0.1}" "${PGSUPERUSER:=postgres}"
psql_super() { psql -h "$DB_HOST" -U "$PGSUPERUSER" -v ON_ERROR_STOP=1 -q "$@"; }
trap 'psql_super -c "DROP DATABASE IF EXISTS ledger_bench WITH (FORCE)"' EXIT
psql_super -c "DROP DATABASE IF EXISTS ledger_bench WITH (FORCE)" -c "CREATE DATABASE ledger_bench OWNER ledger"
psql_super -d ledger_bench -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm' -c 'CREATE EXTENSION IF NOT EXISTS unaccent'
# The test JVM's heap is fixed and touched at start, as a long-running service's is after its first minutes: a default
# heap grows through the measured windows, and its first-touch page faults were a tenth of the ingest threads' CPU.
mvn -B -pl ledger-service verify -Dtest=LedgerBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
  "-DargLine=${LEDGER_BENCH_JVM_ARGS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}" "$@" 2>&1 | tee /tmp/ledger-bench-full.log | grep -E '^BENCH|^    |Latency|Req/Sec|requests in|Requests/sec|Non-2xx|[0-9]+%|Tests run:|ERROR' || true
