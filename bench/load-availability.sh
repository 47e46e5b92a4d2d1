#!/usr/bin/env bash
# Load and availability check (issue 7 item 7): two local Zemo nodes (./zemo run with ZEMO_NODES=2: one embedded
# PostgreSQL and Redis, nodes on PORT and PORT+1), mixed load from bench/LoadAvailability.java (readers, job
# submitters, SSE clients) with client-side failover, node 2 killed (SIGKILL) in the middle, then every submitted
# job must complete. Run once without the kill for the baseline: KILL_AT=-1.
#   bench/load-availability.sh [SECONDS=60] [KILL_AT=SECONDS/2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
kill_at=${2:-$((seconds / 2))}
port=${BENCH_PORT:-18100}
export ZEMO_HOME=$(mktemp -d /tmp/zemo-bench-avail.XXXX) ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass ZEMO_NODES=2
export ZEMO_RATELIMIT_ENABLED=false ZEMO_JOBS_HEARTBEAT_MILLIS=1000 ZEMO_JOBS_TAKEOVER_AFTER_MILLIS=8000
: > "$ZEMO_HOME/run.log"
./zemo run > "$ZEMO_HOME/run.log" 2>&1 &
zemo=$!
trap 'kill -TERM $zemo 2>/dev/null; wait $zemo 2>/dev/null || true' EXIT
until grep -q "zemo: ready in" "$ZEMO_HOME/run.log"; do sleep 1; kill -0 $zemo; done
token=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://localhost:$port/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X PUT -d '{"maxConcurrent":16}' \
  "http://localhost:$port/api/v1/operator/job-types/demo/limit" > /dev/null
if [[ $kill_at -ge 0 ]]; then
  # the second node's JVM: the only process whose --rootdir is this run's payara/<node>-2 directory
  victim=$(pgrep -f -- "--rootdir $ZEMO_HOME/payara/node-$port-2" | head -1)
  ( sleep "$kill_at"; echo "== $(date -u +%T) SIGKILL node 2 (pid $victim)"; kill -9 "$victim" ) &
fi
java bench/LoadAvailability.java --nodes "http://localhost:$port,http://localhost:$((port + 1))" --token "$token" \
  --seconds "$seconds" --kill-at "$kill_at" --readers "${READERS:-8}" --submitters "${SUBMITTERS:-2}" --sse "${SSE:-4}"
