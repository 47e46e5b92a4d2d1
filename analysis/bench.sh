#!/usr/bin/env bash
# Builds the JMH benchmarks of the analysis engine and runs them on one core.
# Usage: analysis/bench.sh [extra JMH args]   (default: -wi 3 -i 5 -f 1)
# Results: docs/benchmarks/analysis.md records the last run and its exact commands.
set -euo pipefail
cd "$(dirname "$0")"
../mvnw -q -Pbench -DskipTests package
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(-wi 3 -i 5 -f 1)
fi
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
"${pin[@]}" java -jar target/benchmarks.jar "${args[@]}"
