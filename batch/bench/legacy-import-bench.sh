#!/usr/bin/env bash
# Legacy import benchmark: pgloader 3.6 (raw table copy, no conversion) against Zemo's importer (conversion,
# encryption, id map, quarantine, reconciliation), on the same generated SQLite file, each into a fresh
# database on the local PostgreSQL, both under /usr/bin/time -v.
#
#   batch/bench/legacy-import-bench.sh [--tasks 20000] [--seed 7] [--workdir /tmp/zemo-legacy-bench]
#                                      [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-user postgres] [--xmx 512m]
#
# JAVA_OPTS (default: serial GC, a 256 MB young generation and the C1 compiler only, as ./zemo legacy-import
# runs) tunes the importer's JVM: on a 2-core machine a job of this length spends more CPU in C2 compiler
# threads than C2's code saves, the serial collector needs no GC threads of its own, and a young generation
# that holds the chunks in flight halves its pauses (28 collections, 0.81 s, against 11, 0.41 s).
#
# Needs: python3 (the generator in shared/legacy), a JDK 17, PostgreSQL reachable with trust auth, and
# pgloader (installed with apt-get when missing). Prints, per tool, wall time, max RSS, its own CPU (user +
# system) and its PostgreSQL backends' CPU, then the ratio of the wall times.
set -euo pipefail

TASKS=20000; SEED=7; WORK=/tmp/zemo-legacy-bench; PGHOST=127.0.0.1; PGPORT=5432; PGUSER=postgres; XMX=512m
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) TASKS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --workdir) WORK=$2; shift 2 ;;
    --pg-host) PGHOST=$2; shift 2 ;;
    --pg-port) PGPORT=$2; shift 2 ;;
    --pg-user) PGUSER=$2; shift 2 ;;
    --xmx) XMX=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GENERATOR=${ZEMO_LEGACY_GENERATOR:-$(cd "$ROOT/.." && pwd)/shared/legacy/make_legacy_db.py}
mkdir -p "$WORK"
DB_FILE="$WORK/legacy-$TASKS-seed$SEED.sqlite"
export PGHOST PGPORT PGUSER

if [ ! -s "$DB_FILE" ]; then
  echo "generating $DB_FILE (--tasks $TASKS --seed $SEED)"
  python3 "$GENERATOR" "$DB_FILE" --tasks "$TASKS" --seed "$SEED" >/dev/null
fi
if ! command -v pgloader >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pgloader >/dev/null
fi

# Zemo's importer: this checkout's classes (batch and the modules it depends on, migrations included) and the
# runtime dependencies, all resolved in the reactor: nothing is installed into or taken from ~/.m2's com.zemo
# artifacts (other checkouts may have put stale ones there). The last module built (batch) writes cp.txt last.
( cd "$ROOT" && ./mvnw -q -ntp -pl batch -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime )
CP="$ROOT/batch/target/classes:$(tr ':' '\n' < "$WORK/cp.txt" | grep -v '/com/zemo/' | paste -sd:):$ROOT/persistence/target/classes:$ROOT/analysis/target/classes"

fresh_db() {
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>&1 | grep -v NOTICE || true
}
# PostgreSQL's CPU for a tool: the CPU of the backends that served it, which the postmaster collects when they
# exit (its children's user + system time in /proc). Only where the server runs on this machine and its data
# directory is readable; "n/a" otherwise. Background processes (checkpointer, WAL writer) are not included.
PG_PID=$(head -1 "$(psql -qXAt -d postgres -c 'SHOW data_directory' 2>/dev/null)/postmaster.pid" 2>/dev/null || true)
pg_cpu_ticks() {
  if [ -n "$PG_PID" ] && [ -r "/proc/$PG_PID/stat" ]; then awk '{print $16 + $17}' "/proc/$PG_PID/stat"; else echo ""; fi
}
pg_cpu_since() { # ticks at start → seconds, after the tool's backends have exited
  local now; sleep 0.5; now=$(pg_cpu_ticks)
  if [ -n "$1" ] && [ -n "$now" ]; then awk -v a="$1" -v b="$now" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }'; else echo "n/a"; fi
}

# Each tool starts right after a CHECKPOINT: neither pays for flushing the other's WAL and dirty pages.
checkpoint() {
  psql -qX -d postgres -c "CHECKPOINT" >/dev/null
}
measure() { # log-file → "seconds rss_mb cpu_s" (cpu: the tool's own user + system time)
  local wall rss user sys
  wall=$(grep "Elapsed (wall clock)" "$1" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$1" | awk '{print $NF}')
  user=$(grep "User time (seconds)" "$1" | awk '{print $NF}')
  sys=$(grep "System time (seconds)" "$1" | awk '{print $NF}')
  awk -v w="$wall" -v r="$rss" -v u="$user" -v y="$sys" 'BEGIN { n = split(w, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f %.0f %.1f", s, r / 1024, u + y }'
}

SOURCE_ROWS=$(python3 - "$DB_FILE" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
          ["users", "settings", "prompts", "tasks", "task_logs", "serp_results", "pages", "analyses", "generations"]))
PY
)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== pgloader: $(pgloader --version | head -1)"
fresh_db zemo_bench_pgloader
checkpoint
PG0=$(pg_cpu_ticks)
/usr/bin/time -v pgloader "sqlite://$DB_FILE" "postgresql://$PGUSER@$PGHOST:$PGPORT/zemo_bench_pgloader" > "$WORK/pgloader.log" 2>&1 || true
# pgloader reports table errors in its log and goes on: count what actually arrived.
PGL_ROWS=$(for t in users settings prompts tasks task_logs serp_results pages analyses generations; do
  psql -qXAt -d zemo_bench_pgloader -c "SELECT count(*) FROM $t" 2>/dev/null || echo 0
done | paste -sd+ | bc)
read -r PGL_S PGL_MB PGL_CPU <<< "$(measure "$WORK/pgloader.log")"
PGL_PG=$(pg_cpu_since "$PG0")
PGL_EXIT=$(grep "Exit status" "$WORK/pgloader.log" | awk '{print $NF}')
PGL_NOTE=""
if grep -q "Heap exhausted" "$WORK/pgloader.log"; then PGL_NOTE=", crashed: heap exhausted"; fi

echo "== Zemo importer (import + reconciliation)"
fresh_db zemo_bench_zemo
export ZEMO_SECRETS_KEY=${ZEMO_SECRETS_KEY:-bench-only-secret-key-0123456789}
checkpoint
PG0=$(pg_cpu_ticks)
/usr/bin/time -v java -Xmx"$XMX" ${JAVA_OPTS:--Xmn256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -cp "$CP" com.zemo.legacy.cli.LegacyCommand import --source "$DB_FILE" \
  --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/zemo_bench_zemo" --user "$PGUSER" --chunk 2000 \
  --report-json "$WORK/report.json" --report-html "$WORK/report.html" > "$WORK/zemo.log" 2>&1
read -r ZEMO_S ZEMO_MB ZEMO_CPU <<< "$(measure "$WORK/zemo.log")"
ZEMO_PG=$(pg_cpu_since "$PG0")
SUMMARY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary'])" "$WORK/report.json")

echo
printf '%-12s %10s %10s %8s %8s %s\n' tool wall_s max_rss_mb cpu_s pg_cpu_s rows
printf '%-12s %10s %10s %8s %8s %s\n' pgloader "$PGL_S" "$PGL_MB" "$PGL_CPU" "$PGL_PG" "$PGL_ROWS of $SOURCE_ROWS source rows copied raw (exit $PGL_EXIT$PGL_NOTE, $(grep -c ' ERROR ' "$WORK/pgloader.log" || true) ERROR lines)"
printf '%-12s %10s %10s %8s %8s %s\n' zemo "$ZEMO_S" "$ZEMO_MB" "$ZEMO_CPU" "$ZEMO_PG" "$SUMMARY"
echo "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%H:%M) UTC"
awk -v z="$ZEMO_S" -v p="$PGL_S" 'BEGIN { printf "ratio zemo/pgloader wall time: %.2f\n", z / p }'
grep -E "import took|import \+ reconciliation took" "$WORK/zemo.log" | sed 's/^INFO: //' | cut -c1-160
