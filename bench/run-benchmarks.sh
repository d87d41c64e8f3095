#!/usr/bin/env bash
# Builds the JMH benchmarks (profile 'benchmarks', not part of the default build) and runs them
# with settings sized for a 2-core machine: one fork, 3 warm-up and 5 measured iterations of 1 s,
# average time per operation and, with -prof gc, bytes allocated per operation. About 11 minutes.
#
# Usage: bench/run-benchmarks.sh [JMH regexp or options...]
#   bench/run-benchmarks.sh                         every benchmark
#   bench/run-benchmarks.sh 'LoadRenderBenchmark' -p topology=reference,100x100
#   JMH_OPTS='-f 1 -wi 1 -i 1' bench/run-benchmarks.sh ValidateBenchmark     (a quick smoke run)
# JMH refuses an option given twice, so the run settings live in JMH_OPTS rather than in the
# arguments. Run on an otherwise idle machine (check 'uptime'): on 2 cores, a concurrent build
# makes the figures 2-5 times larger and the errors wider than the means.
# Output (in target/benchmarks/ of the repository root):
#   jmh-results.json  JMH's JSON (every score, error and the gc.* secondary metrics)
#   jmh-results.txt   JMH's console log
#   jmh-summary.md    the tables of BENCHMARKS.md: ms/op, B/op, time per stream and the slope
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
cd "$ROOT"

# Offline first (everything is usually in ~/.m2); once online if JMH is not there yet.
BUILD=(mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am)
"${BUILD[@]}" -o || "${BUILD[@]}"

# The forks inherit these JVM options; the reference benchmark reads overlays/ from here.
read -r -a SETTINGS <<< "${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/jmh-results.txt"
java -Dnats.manifests.referenceSpec="$ROOT/overlays" -jar benchmarks/target/benchmarks.jar \
  "${SETTINGS[@]}" -prof gc -rf json -rff "$OUT/jmh-results.json" "$@" 2>&1 | tee -a "$OUT/jmh-results.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/jmh-results.txt"

python3 "$ROOT/bench/summarize.py" "$OUT/jmh-results.json" | tee "$OUT/jmh-summary.md"
