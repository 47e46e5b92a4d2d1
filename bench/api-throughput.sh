#!/usr/bin/env bash
# GET /api/v1/me with a token against the trivial GET /api/v1/ping, on the same server in the same run, with wrk
# on loopback. Rate limits stay on (every /me still checks two Redisson limiters) but are set too high to refuse.
# Usage: bench/api-throughput.sh [connections=16] [seconds=20] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-16}; secs=${2:-20}; rounds=${3:-3}
port=${BENCH_PORT:-18081}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
export ZEMO_HOME=$(mktemp -d /tmp/zemo-bench-api.XXXX) ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass
export ZEMO_RATELIMIT_TOKEN_PER_MINUTE=1000000000 ZEMO_RATELIMIT_USER_PER_MINUTE=1000000000
./zemo run > "$ZEMO_HOME/bench-run.log" 2>&1 &
zemo=$!
trap 'kill -TERM $zemo; wait $zemo || true' EXIT
until curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1; do sleep 0.5; done
token=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://localhost:$port/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
base="http://localhost:$port/api/v1"
echo "warm-up 60 s (2 cores need it: the first minute runs much slower)…"
wrk -t2 -c"$conns" -d30s "$base/ping" >/dev/null
wrk -t2 -c"$conns" -d30s -H "Authorization: Bearer $token" "$base/me" >/dev/null
for r in $(seq 1 "$rounds"); do
  for ep in ping me; do
    hdr=(); [[ $ep == me ]] && hdr=(-H "Authorization: Bearer $token")
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "${hdr[@]}" "$base/$ep")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    echo "round $r  $ep  c=$conns  req/s=$rps  p50=$p50  p99=$p99  non2xx=${non2xx:-0}"
  done
done
