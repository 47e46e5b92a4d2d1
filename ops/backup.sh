#!/usr/bin/env bash
# PostgreSQL backup of the Zemo database: pg_dump custom format (-Fc, compressed, restorable table by table),
# written under a temporary name, checked with pg_restore --list, then renamed; keeps the N newest dumps.
#
#   ops/backup.sh [--dir DIR] [--keep N]
#
# Connection: the libpq variables PGHOST PGPORT PGUSER PGDATABASE and PGPASSWORD (or ~/.pgpass / PGPASSFILE).
# ZEMO_PG_BIN: directory of pg_dump/pg_restore when they are not on PATH or a newer major is needed
#   (pg_dump must be of the server's major version or newer).
# ZEMO_BACKUP_DIR (default ./backups), ZEMO_BACKUP_KEEP (default 14): same as --dir and --keep.
# Prints one line: the file, its size and the seconds it took. Exit code non-zero on any failure
# (a failed dump never removes an older one).
set -euo pipefail

dir=${ZEMO_BACKUP_DIR:-./backups}
keep=${ZEMO_BACKUP_KEEP:-14}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "backup.sh: --keep must be a positive number" >&2; exit 2; }

bin=${ZEMO_PG_BIN:+$ZEMO_PG_BIN/}
db=${PGDATABASE:-zemo}
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%S.%3NZ)   # sorts by time; ms keep quick repeats apart
final="$dir/zemo-$stamp.dump"
tmp="$dir/.zemo-$stamp.dump.partial"
trap 'rm -f "$tmp"' EXIT

start=$(date +%s.%N)
umask 077
"${bin}pg_dump" --format=custom --compress=6 --no-password --dbname="$db" --file="$tmp"
"${bin}pg_restore" --list "$tmp" > /dev/null   # a dump that cannot be listed is not a backup
mv "$tmp" "$final"
trap - EXIT
end=$(date +%s.%N)

# Retention: the newest $keep dumps stay (names sort by time); partial files of crashed runs go too.
mapfile -t dumps < <(find "$dir" -maxdepth 1 -type f -name 'zemo-*.dump' -printf '%f\n' | sort -r)
for old in "${dumps[@]:$keep}"; do
  rm -f -- "$dir/$old"
done
find "$dir" -maxdepth 1 -type f -name '.zemo-*.dump.partial' -mmin +60 -delete

size=$(stat -c %s "$final")
printf 'backup %s %d bytes %.1f s\n' "$final" "$size" "$(awk "BEGIN{print $end-$start}")"
