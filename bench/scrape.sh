#!/usr/bin/env bash
# Scrape benchmark: fixture pages (own JVM) fetched, parsed and extracted by PageScraper in a JVM with -Xmx512m.
# Usage: [KINDS='plain mixed js on'] [ROUNDS=3] bench/scrape.sh [pages=200] [workers=32]   (from the repository root)
# Prints per kind (plain: ordinary pages, none rendered; mixed: 1 in 10 client-rendered; js: client-rendered pages;
# on: the ordinary pages with javascript=on, all rendered) the rounds'
# pages/s, heap figures and the process's peak RSS (/usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-200}
WORKERS=${2:-32}
ROUNDS=${ROUNDS:-3}
# Built in the reactor (no install: ~/.m2 may be shared), so the classpath points at persistence/target/classes.
./mvnw -q -o -pl batch -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=test >/dev/null
CP="batch/target/test-classes:batch/target/classes:$(cat batch/target/bench-cp.txt)"
OUT=$(mktemp -d)
java -Xmx256m -cp "$CP" com.zemo.scrape.fetch.FixtureServer > "$OUT/server.txt" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$OUT"' EXIT
for _ in $(seq 1 100); do [ -s "$OUT/server.txt" ] && break; sleep 0.1; done
BASE=$(head -1 "$OUT/server.txt")
echo "fixture server at $BASE; $PAGES pages, $WORKERS concurrent fetches, -Xmx512m; $(nproc) cores; $(date -u +%FT%TZ)"
for KIND in ${KINDS:-plain mixed js on}; do
  echo "== $KIND"
  /usr/bin/time -v java -Xmx512m -XX:+UseG1GC -cp "$CP" com.zemo.scrape.fetch.ScrapeBench "$BASE" "$PAGES" "$WORKERS" 2 "$KIND" "$ROUNDS" \
    2> "$OUT/time.txt" | grep -v '^$'
  grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$OUT/time.txt" | sed 's/^\s*/  /'
  grep -iE "OutOfMemory|Exception" "$OUT/time.txt" | head -3 || true
done
