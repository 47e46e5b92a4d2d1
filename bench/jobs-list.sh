#!/usr/bin/env bash
# Only the list figure of bench/jobs.sh: GET /api/v1/jobs?size=20 with 10,000 jobs against GET /api/v1/ping, wrk at
# 64 connections, after a warm-up (60 s /ping, 120 s the list), two rounds of 20 s each. For comparing settings such as
# ZEMO_HTTP_THREADS quickly; also prints the node's CPU time per request. Needs curl, psql and wrk. Usage: [ZEMO_HTTP_THREADS=n] bench/jobs-list.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18090}
. bench/zemo-node.sh
start_zemo list
fill_jobs_table
b="http://localhost:$port/api/v1"
wrk -t2 -c64 -d60s -H "Authorization: Bearer $token" "$b/ping" >/dev/null
wrk -t2 -c64 -d120s -H "Authorization: Bearer $token" "$b/jobs?size=20" >/dev/null
# The node's own CPU time per request (user + system, from /proc): steadier between runs than req/s and p99 on a
# shared 2-core box, so it shows whether a change made a request cheaper even when the machine's speed moves.
node=$(node_pid "$port")
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$node/stat"; }
for r in 1 2; do
  for ep in ping "jobs?size=20"; do
    c0=$(cpu_ticks)
    out=$(wrk -t2 -c64 -d20s --latency -H "Authorization: Bearer $token" "$b/$ep")
    c1=$(cpu_ticks)
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "threads=${ZEMO_HTTP_THREADS:-default} round $r $ep req/s=$(echo "$out" | awk '/Requests\/sec/ {print $2}') p50=$(echo "$out" | awk '$1=="50%" {print $2}') p99=$(echo "$out" | awk '$1=="99%" {print $2}') node-cpu/req=$(( (c1 - c0) * 1000000 / hz / n ))us"
  done
done
