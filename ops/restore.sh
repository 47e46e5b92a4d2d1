#!/usr/bin/env bash
# Restores a dump made by ops/backup.sh into the Zemo database: every Zemo object is dropped and recreated
# (pg_restore --clean --if-exists) in one transaction, so a failed restore leaves the database as it was.
#
#   ops/restore.sh --yes FILE
#
# Stop the Zemo nodes first (or at least put Zemo in read-only mode and drain jobs: docs/runbooks/rollback.md).
# Extensions (pgcrypto, uuid-ossp, vector) are left alone: they belong to the superuser and survive; on an
# empty database create them first as the superuser (docker/postgres/init-extensions.sql).
# Connection and ZEMO_PG_BIN: as for ops/backup.sh.
set -euo pipefail

yes=false
file=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --yes) yes=true; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "restore.sh: unknown option $1" >&2; exit 2 ;;
    *) file=$1; shift ;;
  esac
done
[[ -n "$file" && -r "$file" ]] || { echo "restore.sh: give a readable dump file" >&2; exit 2; }
$yes || { echo "restore.sh: this replaces every table of database ${PGDATABASE:-zemo}; add --yes to go on" >&2; exit 2; }

bin=${ZEMO_PG_BIN:+$ZEMO_PG_BIN/}
db=${PGDATABASE:-zemo}
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# The table of contents without the extensions (owned by the superuser; dropping them would fail or take
# every dependent object with them).
"${bin}pg_restore" --list "$file" | grep -v -E '^[0-9]+; [0-9]+ [0-9]+ (EXTENSION|COMMENT - EXTENSION) ' > "$list"

start=$(date +%s.%N)
"${bin}pg_restore" --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --no-password --use-list="$list" --dbname="$db" "$file"
end=$(date +%s.%N)
printf 'restored %s into %s %.1f s\n' "$file" "$db" "$(awk "BEGIN{print $end-$start}")"
