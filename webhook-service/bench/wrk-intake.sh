#!/usr/bin/env bash
# Usage: webhook-service/bench/wrk-intake.sh [seconds-per-step]   (default 10)
#
# The packaged webhook-service (target/quarkus-app, build it first) on 127.0.0.1:18082 against the local
# PostgreSQL (database webhooks_test) and Kafka (a topic of its own, webhook-service.benchmark), loaded by wrk
# (Debian: apt-get install -y wrk) with pre-signed, distinct transactions/created deliveries: three paced steps
# (about 1 000, 2 000 and 3 000 deliveries per second: each connection pauses between requests) and one
# unpaced step (as fast as 16 connections go). Prints throughput, latency percentiles (wrk measures from
# sending, so pauses do not count) and how long the outbox takes to drain after each step.
# Loopback only; bounded (about 3 × seconds + 60 s); cleans its rows and topic up.
set -euo pipefail

STEP=${1:-10}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODULE=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/webhook-bench.XXXXXX)
PORT=18082
TOPIC=webhook-service.benchmark
SECRET=bench-secret-$RANDOM
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -U postgres -d webhooks_test -qtA)
kafka() { timeout 120 java -Xmx256m -cp "$ROOT/deploy/local/kafka/lib/*" org.apache.kafka.tools.TopicCommand \
  --bootstrap-server 127.0.0.1:9092 "$@" 2>/dev/null; }

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $MODULE/target/quarkus-app/quarkus-run.jar ]] || { echo "package webhook-service first" >&2; exit 1; }

APP_PID=
cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  "${PSQL[@]}" -c "DELETE FROM webhook_events WHERE event_id LIKE 'wrk-%'" >/dev/null || true
  kafka --delete --topic "$TOPIC" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt.pem" -pubout -out "$WORK/jwt-public.pem"
kafka --create --if-not-exists --topic "$TOPIC" --partitions 12 --replication-factor 1 >/dev/null

# Enough distinct deliveries that no step repeats an eventId: signature<TAB>body per line.
python3 - "$SECRET" "$WORK/requests.tsv" <<'PY'
import hashlib, hmac, sys, uuid
secret, path = sys.argv[1].encode(), sys.argv[2]
items = [str(uuid.uuid4()) for _ in range(500)]
company = str(uuid.uuid4())
with open(path, "w") as out:
    for i in range(600_000):
        body = ('{"event":"transactions/created","eventId":"wrk-%s","itemId":"%s","clientUserId":"%s",'
                '"accountId":"%s","transactionsCreatedAtFrom":"2024-05-01T10:00:00.000Z",'
                '"createdTransactionsLink":"https://api.pluggy.ai/transactions"}'
                % (uuid.uuid4(), items[i % 500], company, uuid.uuid4()))
        out.write(hmac.new(secret, body.encode(), hashlib.sha256).hexdigest() + "\t" + body + "\n")
PY

JWT_PUBLIC_KEY_LOCATION=$WORK/jwt-public.pem PLUGGY_WEBHOOK_SECRET=$SECRET QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_HTTP_HOST=127.0.0.1 FINANCEHUB_DB_SUFFIX=_test MP_MESSAGING_OUTGOING_WEBHOOK_EVENTS_TOPIC=$TOPIC \
  QUARKUS_LOG_CATEGORY__IO_FINANCEHUB_WEBHOOK__LEVEL=WARN \
  java -Xmx512m -jar "$MODULE/target/quarkus-app/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in {1..120}; do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { tail -20 "$WORK/app.log"; exit 1; }

backlog() { "${PSQL[@]}" -c "SELECT count(*) FROM webhook_outbox WHERE published_at IS NULL"; }
drain_ms() {
  local start now
  start=$(date +%s%N)
  while [[ $(backlog) != 0 ]]; do
    now=$(date +%s%N); (((now - start) / 1000000 > 60000)) && { echo timeout; return; }
    sleep 0.02
  done
  now=$(date +%s%N); echo $(((now - start) / 1000000))
}

# Warm-up (JIT, connection pools), not reported.
wrk -t2 -c16 -d5s -s "$HERE/signed.lua" "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" 2 >/dev/null
drain_ms >/dev/null

printf '\nwebhook intake (wrk), %s s per step, loopback, %s cores\n' "$STEP" "$(nproc)"
printf '%8s %6s %10s %9s %9s %9s %9s %8s %10s\n' offered conns req/s p50_ms p90_ms p99_ms p99.9_ms errors drain_ms
# offered rate:connections (pause = connections × 1000 / rate ms); "max" has no pause.
for step in 1000:16 2000:32 3000:48 max:16; do
  rate=${step%:*} conns=${step#*:}
  pause=0; [[ $rate != max ]] && pause=$((conns * 1000 / rate))
  out=$(wrk -t2 -c"$conns" -d"${STEP}s" -s "$HERE/signed.lua" "http://127.0.0.1:$PORT" -- "$WORK/requests.tsv" 2 "$pause")
  drain=$(drain_ms)
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  pct() { awk -v p="$1" '$1 == "p"p {print $2}' <<<"$out"; }
  errors=$(awk '/^requests/ {gsub(",", ""); print $4 + $6}' <<<"$out")
  printf '%8s %6s %10s %9s %9s %9s %9s %8s %10s\n' "$rate" "$conns" "$rps" "$(pct 50)" "$(pct 90)" "$(pct 99)" "$(pct 99.9)" \
    "$errors" "$drain"
done
