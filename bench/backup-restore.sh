#!/usr/bin/env bash
# Backup and restore time of a Zemo database with ops/backup.sh and ops/restore.sh. Fill the database first, e.g.
# with a legacy import of the generated --tasks 100000 file (docs/benchmarks/ops.md gives the commands).
# Connection: PGHOST PGPORT PGUSER PGDATABASE (PGPASSWORD); ZEMO_PG_BIN for the client binaries.
# Usage: bench/backup-restore.sh [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
dir=$(mktemp -d /tmp/zemo-bench-backup.XXXX)
trap 'rm -rf "$dir"' EXIT
bin=${ZEMO_PG_BIN:+$ZEMO_PG_BIN/}
echo "database ${PGDATABASE}: $("${bin}psql" -qAtX -c "SELECT pg_size_pretty(pg_database_size(current_database())) || ', ' || (SELECT sum(n_live_tup) FROM pg_stat_user_tables) || ' rows'")"
for r in $(seq 1 "$rounds"); do
  b=$(ops/backup.sh --dir "$dir" --keep 1)
  file=$(echo "$b" | awk '{print $2}')
  echo "round $r  $b ($(du -h "$file" | cut -f1))"
  echo "round $r  $(ops/restore.sh --yes "$file")"
done
