#!/usr/bin/env bash
# Pipeline end to end against the sandboxes (./zemo run --demo): wall time per step (serp, scrape, analyze,
# generate) over N pipelines run one after another. Needs curl, psql and python3. Usage: bench/pipeline.sh [pipelines=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
port=${BENCH_PORT:-18095}
export ZEMO_HOME=$(mktemp -d /tmp/zemo-bench-pipeline.XXXX) ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass
export ZEMO_RATELIMIT_ENABLED=false
./zemo run --demo > "$ZEMO_HOME/run.log" 2>&1 &
zemo=$!
trap 'kill -TERM $zemo; wait $zemo || true' EXIT
until grep -q "zemo: ready in" "$ZEMO_HOME/run.log"; do sleep 1; kill -0 $zemo; done
db=$(grep 'zemo: database' "$ZEMO_HOME/run.log" | grep -o 'jdbc:postgresql://[^ ]*' | head -1 | sed 's#jdbc:postgresql://#postgresql://zemo:zemo@#')
q() { psql "$db" -qAtX -c "$1"; }
b="http://localhost:$port/api/v1"
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
token=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' "$b/tokens" | field token)
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
prompt=$(curl -s "${auth[@]}" -d '{"title":"bench","body":"Статья: {{keyword}}, {{length}} слов, слова: {{terms}}; разделы: {{headings}}"}' "$b/prompts" | field id)
for i in $(seq 1 "$n"); do
  # a different query each time: the SERP cache must not make later runs look faster
  id=$(curl -s "${auth[@]}" -d "{\"type\":\"pipeline\",\"params\":{\"query\":\"как выбрать пластиковые окна $i\",\"language\":\"ru\",\"promptId\":$prompt}}" "$b/jobs" | field id)
  until [[ $(q "SELECT status FROM jobs WHERE id = $id") =~ ^(completed|failed|stopped|canceled)$ ]]; do sleep 0.5; done
  echo "pipeline $id: $(q "SELECT status FROM jobs WHERE id = $id")"
done
q "SELECT 'step ' || rpad(type, 9) || ' p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::numeric, 2) || ' s, max ' || round(max(s)::numeric, 2) || ' s'
   FROM (SELECT type, extract(epoch FROM finished_at - started_at) s FROM jobs WHERE parent_id IS NOT NULL AND status = 'completed') x GROUP BY type ORDER BY min(s)"
q "SELECT 'pipeline  p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::numeric, 2) || ' s, max ' || round(max(s)::numeric, 2) || ' s (submit to completed, incl. queueing of each step)'
   FROM (SELECT extract(epoch FROM finished_at - created_at) s FROM jobs WHERE type = 'pipeline' AND status = 'completed') x"
