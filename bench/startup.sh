#!/usr/bin/env bash
# Start-up time of `./zemo run` to /health UP, and the Payara node's idle RSS.
# The first run unpacks the embedded servers and initialises the database; the figure is from the runs after it.
# Usage: bench/startup.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-18080}
export ZEMO_HOME=${BENCH_HOME:-$(mktemp -d /tmp/zemo-bench-startup.XXXX)}
mkdir -p "$ZEMO_HOME"
export ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass
[[ -f launcher/target/zemo-launcher.jar ]] || ./mvnw -q -DskipTests install

pid=
trap '[[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null' EXIT   # never leave a stack running

start_once() {   # sets pid and secs
  local t0 t1
  t0=$(date +%s.%N)
  ./zemo run > "$ZEMO_HOME/bench-run.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "./zemo run ended before /health was UP:"; tail -20 "$ZEMO_HOME/bench-run.log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  secs=$(echo "$t1 - $t0" | bc)
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up run (unpacks binaries, initdb)…"
start_once; echo "first start: ${secs}s"; kill -TERM "$pid"; wait "$pid" || true
for i in $(seq 1 "$runs"); do
  start_once
  echo "start $i: ${secs}s to /health UP"
  if [[ $i == "$runs" ]]; then
    sleep "${IDLE_SECONDS:-60}"
    node=$(pgrep -f "micro.jar.*--port $port" | head -1)
    echo "idle RSS of the Payara node after ${IDLE_SECONDS:-60}s: $(( $(ps -o rss= -p "$node") / 1024 )) MB"
    echo "idle RSS of the launcher JVM: $(( $(ps -o rss= -p "$(pgrep -f 'zemo-launcher.jar' | head -1)") / 1024 )) MB"
    pg=$(pgrep -f "postgres -D $ZEMO_HOME/pgdata" | head -1 || true)
    [[ -n "$pg" ]] && echo "PostgreSQL postmaster RSS: $(( $(ps -o rss= -p "$pg") / 1024 )) MB"
  fi
  kill -TERM "$pid"; wait "$pid" || true
done
