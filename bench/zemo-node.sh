# Shared by the benchmark scripts (source it; not run on its own): starts Zemo on its own home with rate limits off,
# waits until it is ready, and leaves behind $zemo (the launcher's pid, stopped on exit), $db (a psql URL of its
# database), $token (an admin API token) and node_pid PORT (the pid of the Payara node listening on PORT).
# Expects $port (the first node's HTTP port) and the caller's ZEMO_* variables (e.g. ZEMO_NODES) already exported.
start_zemo() { # name → ZEMO_HOME under /tmp/zemo-bench-<name>.XXXX
  export ZEMO_HOME=$(mktemp -d "/tmp/zemo-bench-$1.XXXX") ZEMO_HTTP_PORT=$port ZEMO_ADMIN_PASSWORD=bench-admin-pass
  export ZEMO_RATELIMIT_ENABLED=false
  ./zemo run > "$ZEMO_HOME/run.log" 2>&1 &
  zemo=$!
  trap 'kill -TERM $zemo; wait $zemo || true' EXIT
  until grep -q "zemo: ready in" "$ZEMO_HOME/run.log"; do sleep 1; kill -0 $zemo; done
  db=$(grep 'zemo: database' "$ZEMO_HOME/run.log" | grep -o 'jdbc:postgresql://[^ ]*' | head -1 | sed 's#jdbc:postgresql://#postgresql://zemo:zemo@#')
  token=$(curl -s -u admin:bench-admin-pass -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "http://localhost:$port/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

# The node runs from the kept runtime's launch-micro.jar (ADR 0010), not payara-micro.jar.
node_pid() {
  pgrep -f "micro.jar.*--port $1" | head -1
}

# 10,000 finished jobs for the list figures (fewer if the table already holds some).
fill_jobs_table() {
  psql "$db" -qAtX -c "INSERT INTO jobs (type, owner_id, status, params, created_at, queued_at, finished_at, progress_done, progress_total)
     SELECT 'demo', 1, 'completed', '{\"items\":1}', now() - g * interval '1 second', now(), now(), 1, 1
     FROM generate_series(1, 10000 - (SELECT count(*) FROM jobs)) g" >/dev/null
}
