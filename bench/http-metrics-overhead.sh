#!/usr/bin/env bash
# What HttpMetricsFilter costs per request: two single-node Zemo servers started side by side, one with
# zemo.metrics.http.enabled=true and one with false (same build, same machine), then interleaved wrk rounds of
# GET /api/v1/ping (the whole filter chain, no work) against each; the idle one waits while the other is measured.
# Usage: bench/http-metrics-overhead.sh [connections=16] [seconds=15] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-16}; secs=${2:-15}; rounds=${3:-3}
on_port=${BENCH_PORT:-18120}; off_port=$((on_port + 10))
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done; wait 2>/dev/null || true' EXIT
start() { # port enabled
  local home; home=$(mktemp -d /tmp/zemo-bench-metrics.XXXX)
  ZEMO_HOME=$home ZEMO_HTTP_PORT=$1 ZEMO_ADMIN_PASSWORD=bench-admin-pass ZEMO_METRICS_HTTP_ENABLED=$2 \
    ./zemo run > "$home/run.log" 2>&1 &
  pids+=($!)
}
start "$on_port" true
start "$off_port" false
for p in $on_port $off_port; do until curl -fs "http://localhost:$p/health/ready" >/dev/null 2>&1; do sleep 1; done; done
curl -s "http://localhost:$off_port/metrics?scope=application" | grep -q zemo_http_requests && { echo "metrics not off"; exit 1; }
echo "warm-up 30 s each"
wrk -t2 -c"$conns" -d30s "http://localhost:$on_port/api/v1/ping" >/dev/null
wrk -t2 -c"$conns" -d30s "http://localhost:$off_port/api/v1/ping" >/dev/null
for r in $(seq 1 "$rounds"); do
  for mode in on off; do
    port=$on_port; [[ $mode == off ]] && port=$off_port
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "http://localhost:$port/api/v1/ping")
    echo "round $r  metrics=$mode  req/s=$(echo "$out" | awk '/Requests\/sec/ {print $2}')  p50=$(echo "$out" | awk '$1=="50%" {print $2}')  p99=$(echo "$out" | awk '$1=="99%" {print $2}')"
  done
done
curl -s "http://localhost:$on_port/metrics?scope=application" | grep 'zemo_http_requests_seconds_count{endpoint="/api/v1/ping"'
