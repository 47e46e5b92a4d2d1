#!/usr/bin/env bash
# What the traffic switch costs an integrator's request: GET /api/v1/ping with an API token whose state is zemo,
# legacy (proxied to a WireMock stand-in for the monolith, answering at once) and shadow (proxied, then replayed on
# Zemo and compared), one node, wrk on loopback, interleaved rounds.
# Usage: bench/traffic-shadow-cost.sh [connections=16] [seconds=15] [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-16}; secs=${2:-15}; rounds=${3:-2}
port=${BENCH_PORT:-18140}; mono=$((port + 5))
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
wm=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | tail -1)
export ZEMO_HOME=$(mktemp -d /tmp/zemo-bench-traffic.XXXX)
mkdir -p "$ZEMO_HOME/wm/mappings"
cat > "$ZEMO_HOME/wm/mappings/ping.json" <<'JSON'
{"request": {"method": "GET", "url": "/api/v1/ping"},
 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": "{\"status\":\"ok\"}"}}
JSON
java -Xmx256m -jar "$wm" --port "$mono" --bind-address 127.0.0.1 --root-dir "$ZEMO_HOME/wm" --disable-banner --no-request-journal > "$ZEMO_HOME/wm.log" 2>&1 &
wmpid=$!
ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass ZEMO_RATELIMIT_ENABLED=false \
  ZEMO_LEGACY_BASE_URL="http://127.0.0.1:$mono" ./zemo run > "$ZEMO_HOME/run.log" 2>&1 &
zemo=$!
trap 'kill -TERM $zemo $wmpid 2>/dev/null; wait 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1; do sleep 1; done
created=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' "http://localhost:$port/api/v1/tokens")
token=$(echo "$created" | sed 's/.*"token":"\([^"]*\)".*/\1/')
id=$(echo "$created" | sed 's/.*"id":\([0-9]*\).*/\1/')
admin=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"admin"}' "http://localhost:$port/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
set_state() { curl -s -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "{\"state\":\"$1\"}" "http://localhost:$port/api/v1/admin/traffic/tokens/$id" > /dev/null; sleep 1; }
run() { wrk -t2 -c"$conns" -d"$1" --latency -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/ping"; }
for s in zemo legacy shadow; do set_state $s; run 20s > /dev/null; done   # warm-up
for r in $(seq 1 "$rounds"); do
  for s in zemo legacy shadow; do
    set_state $s
    out=$(run "${secs}s")
    echo "round $r  state=$s  req/s=$(echo "$out" | awk '/Requests\/sec/ {print $2}')  p50=$(echo "$out" | awk '$1=="50%" {print $2}')  p99=$(echo "$out" | awk '$1=="99%" {print $2}')"
  done
done
curl -s "http://localhost:$port/metrics?scope=application" | grep -E '^zemo_traffic_(shadow|requests)_total'
