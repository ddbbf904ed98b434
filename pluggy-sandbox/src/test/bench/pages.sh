#!/usr/bin/env bash
# Usage: pluggy-sandbox/src/test/bench/pages.sh [base-url] [seconds] — the transaction page benchmark of a running
# sandbox: a 1,000,000-transaction account, 500-transaction pages with every field, read by wrk (a C load generator,
# Debian package wrk) with 50 connections: hot (a cached page), cold (random pages, generated on demand), and one
# client walking v2 by its next links; then hot and cold again with each connection pausing PAUSE_MS (default 100)
# between an answer and its next request (50 clients at ~500 pages/s, as users and syncs ask, rather than as fast as
# the machine answers). Prints p50/p99/max, the rate, the sandbox's and wrk's CPU time per page and
# the load average. Loopback only; each run lasts [seconds] (default 15).
set -euo pipefail

BASE=${1:-http://localhost:8090}
SECONDS_PER_RUN=${2:-15}
CLIENTS=${CLIENTS:-50}
PAUSE_MS=${PAUSE_MS:-100}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

port=${BASE##*:}
port=${port%%/*}
pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
[[ -n $pid ]] || { echo "nothing listens on port $port" >&2; exit 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

post() { curl -fsS -X POST "$BASE$1" -H 'Content-Type: application/json' -d "$2"; }
post /sandbox/reset '{}' >/dev/null
post /sandbox/settings '{"rateLimitsEnabled":false}' >/dev/null
KEY=$(post /auth "{\"clientId\":\"${SANDBOX_CLIENT_ID:-sandbox-client-id}\",\"clientSecret\":\"${SANDBOX_CLIENT_SECRET:-sandbox-client-secret}\"}" |
  sed 's/.*"apiKey":"\([^"]*\)".*/\1/')
ACCOUNT=$(post /sandbox/scenarios '{"connectorId":0,"transactionCount":1000000,"accounts":[{"type":"BANK"}],
  "dateFrom":"2024-07-01","dateTo":"2025-06-30","seed":42}' | sed 's/.*"accounts":\[{"id":"\([^"]*\)".*/\1/')
export KEY ACCOUNT
echo "sandbox $BASE (pid $pid), account $ACCOUNT: 1,000,000 transactions, $CLIENTS connections, ${SECONDS_PER_RUN} s per run"

# run MODE CONNECTIONS SECONDS [PAUSE_MS]: one wrk run, then its figures and CPU time per page.
run() {
  local mode=$1 connections=$2 seconds=$3 pause=${4:-0} threads=2 before after out wrk_cpu server_ms wrk_ms requests
  ((connections > 1)) || threads=1
  before=$(cpu_ticks "$pid")
  out=$(MODE=$mode PAUSE_MS=$pause /usr/bin/time -f 'WRKCPU %U %S' \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s -s "$HERE/pages.lua" "$BASE" 2>&1)
  after=$(cpu_ticks "$pid")
  requests=$(sed -n 's/^RESULT .* requests=\([0-9]*\) .*/\1/p' <<<"$out")
  wrk_cpu=$(awk '/^WRKCPU/ {print $2 + $3}' <<<"$out")
  server_ms=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.3f", t / hz * 1000 / n}')
  wrk_ms=$(awk -v c="$wrk_cpu" -v n="$requests" 'BEGIN {printf "%.3f", c * 1000 / n}')
  echo "$(grep '^RESULT' <<<"$out" | cut -c8-) sandbox_cpu_ms_per_page=$server_ms wrk_cpu_ms_per_page=$wrk_ms" \
    "load=$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run hot "$CLIENTS" 5 >/dev/null # warm-up: JIT, checkpoints of the running balance
run cold "$CLIENTS" 5 >/dev/null
run hot "$CLIENTS" "$SECONDS_PER_RUN"
run cold "$CLIENTS" "$SECONDS_PER_RUN"
run walk 1 "$SECONDS_PER_RUN"
run hot "$CLIENTS" "$SECONDS_PER_RUN" "$PAUSE_MS"
run cold "$CLIENTS" "$SECONDS_PER_RUN" "$PAUSE_MS"
