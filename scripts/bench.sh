#!/usr/bin/env bash
# GridFlow's benchmark command (README, "Benchmarks"). Builds what is missing, then runs
# cn.gridflow.bench.Bench with the given options, e.g.
#   ./scripts/bench.sh --db=mysql --scale=0.05        # a quick try
#   ./scripts/bench.sh --db=mysql                     # full size: 100,000 open tasks, 10,000 timers
#   ./scripts/bench.sh --db=h2 --only=throughput,sql
# The report (Markdown tables) is printed and written to backend/target/bench/report-<db>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
skip_npm=()
if [ -f frontend/target/classes/static/index.html ] || ls frontend/target/*.jar >/dev/null 2>&1; then
  skip_npm=(-Dskip.npm)
fi
# BENCH_HEAP (default 2g) and BENCH_JVM (extra JVM options, e.g. a flight recording) tune the benchmark's JVM.
extra=()
[ -n "${BENCH_HEAP:-}" ] && extra+=("-Dbench.heap=$BENCH_HEAP")
[ -n "${BENCH_JVM:-}" ] && extra+=("-Dbench.jvm=$BENCH_JVM")
exec ./mvnw -B -q -Pbench -pl processes,frontend,backend test -DskipTests "${skip_npm[@]}" \
  -Dbench.args="$*" "${extra[@]}"
