#!/usr/bin/env bash
# Jobs machinery figures: submit → running latency, trivial jobs per second on one node and on two,
# framework overhead per job, and GET /api/v1/jobs (20 per page, 10,000 jobs) against GET /api/v1/ping with wrk.
# Needs curl, psql and wrk (apt-get install postgresql-client wrk). Usage: [WARMUP=150] [ZEMO_HTTP_THREADS=n] bench/jobs.sh [nodes=1]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-1}
port=${BENCH_PORT:-18090}
export ZEMO_NODES=$nodes
. bench/zemo-node.sh
start_zemo jobs
q() { psql "$db" -qAtX -c "$1"; }
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
api() { echo "http://localhost:$((port + ($1 % nodes)))/api/v1"; }
curl -s "${auth[@]}" -X PUT -d '{"maxConcurrent":64}' "$(api 0)/operator/job-types/demo/limit" >/dev/null

echo "== warm-up: 200 trivial jobs"
for i in $(seq 1 200); do curl -s "${auth[@]}" -d '{"type":"demo","params":{"items":1}}' "$(api $i)/jobs" >/dev/null; done
until [[ $(q "SELECT count(*) FROM jobs WHERE status <> 'completed'") == 0 ]]; do sleep 1; done

echo "== submit -> running, one job at a time with free capacity (300 jobs, 20 per second)"
first=$(q "SELECT coalesce(max(id),0) FROM jobs")
for i in $(seq 1 300); do curl -s "${auth[@]}" -d '{"type":"demo","params":{"items":1}}' "$(api $i)/jobs" >/dev/null; sleep 0.05; done
until [[ $(q "SELECT count(*) FROM jobs WHERE id > $first AND status <> 'completed'") == 0 ]]; do sleep 1; done
q "SELECT 'submit->running ms: p50=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric,1) || ' p99=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric,1) || ' max=' || round(max(ms)::numeric,1)
   FROM (SELECT extract(epoch FROM started_at - created_at) * 1000 AS ms FROM jobs WHERE id > $first) x"
q "SELECT 'overhead per job ms (created->finished minus batch execution): p50=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY o)::numeric,1) || ' p99=' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY o)::numeric,1)
   || '; batch execution itself p50=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b)::numeric,1)
   FROM (SELECT extract(epoch FROM (j.finished_at - j.created_at) - (e.ended_at - e.started_at)) * 1000 AS o,
                extract(epoch FROM e.ended_at - e.started_at) * 1000 AS b
         FROM jobs j JOIN job_executions e ON e.job_id = j.id WHERE j.id > $first) x"

echo "== throughput: 1000 trivial jobs submitted at once through $nodes node(s)"
node_pid=$(node_pid "$port")
heap_used() { jcmd "$node_pid" GC.run >/dev/null; sleep 2; jcmd "$node_pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*'; }
heap_before=$(heap_used)
first=$(q "SELECT coalesce(max(id),0) FROM jobs")
seq 1 1000 | xargs -P 16 -I{} sh -c "curl -s -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '{\"type\":\"demo\",\"params\":{\"items\":1}}' http://localhost:\$(( $port + ({} % $nodes) ))/api/v1/jobs >/dev/null"
until [[ $(q "SELECT count(*) FROM jobs WHERE id > $first AND status <> 'completed'") == 0 ]]; do sleep 1; done
q "SELECT 'jobs/s on $nodes node(s): ' || round(count(*) / extract(epoch FROM max(finished_at) - min(created_at))::numeric, 1) || ' (' || count(*) || ' jobs in ' || round(extract(epoch FROM max(finished_at) - min(created_at))::numeric,1) || ' s)' FROM jobs WHERE id > $first"

heap_after=$(heap_used)
echo "retained heap after 1000 jobs and a full GC: before=${heap_before} KB after=${heap_after} KB -> $(( (heap_after - heap_before) * 1024 / 1000 )) bytes per job (node RSS $(ps -o rss= -p "$node_pid") KB)"

echo "== GET /api/v1/jobs (20 per page) with 10,000 jobs in the table, 64 connections, against /api/v1/ping"
fill_jobs_table
q "SELECT 'jobs in table: ' || count(*) FROM jobs"
b="http://localhost:$port/api/v1"
# On 2 cores C2 keeps compiling for minutes: warm both endpoints (WARMUP seconds each, default 150) before measuring.
warm=${WARMUP:-150}
wrk -t2 -c64 -d${warm}s -H "Authorization: Bearer $token" "$b/ping" >/dev/null
wrk -t2 -c64 -d${warm}s -H "Authorization: Bearer $token" "$b/jobs?size=20" >/dev/null
for r in 1 2 3; do
  for ep in ping "jobs?size=20"; do
    out=$(wrk -t2 -c64 -d20s --latency -H "Authorization: Bearer $token" "$b/$ep")
    echo "round $r  $ep  req/s=$(echo "$out" | awk '/Requests\/sec/ {print $2}')  p50=$(echo "$out" | awk '$1=="50%" {print $2}')  p99=$(echo "$out" | awk '$1=="99%" {print $2}')  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')"
  done
done
