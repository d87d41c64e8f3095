#!/usr/bin/env bash
# What a fresh JVM pays to generate the reference topology, phase by phase (ColdRender in the
# benchmarks jar: load+validate, first render, write, then a second load+render in the same JVM),
# over N fresh processes, with the medians; then one more run with -Xlog:class+load, counting
# the classes loaded per library.
#
# Usage: bench/cold-render.sh [runs]       (default 9)
# Env:   SKIP_BUILD=1 uses the benchmarks jar as it is; JAR=<path> runs another build of it (to
#        compare two trees; implies SKIP_BUILD=1).
#        JAVA_OPTS='...' adds JVM options (for example -XX:TieredStopAtLevel=1) to every run.
# Output: target/benchmarks/cold-render.txt
set -euo pipefail

RUNS="${1:-9}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
cd "$ROOT"
JAR="${JAR:-}"
if [[ -z "$JAR" && "${SKIP_BUILD:-0}" != 1 ]]; then
  BUILD=(mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am)
  "${BUILD[@]}" -o || "${BUILD[@]}"
fi
JAR="${JAR:-benchmarks/target/benchmarks.jar}"
WORK="$(mktemp -d -t nats-manifests-cold-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
read -r -a OPTS <<< "${JAVA_OPTS:-}"
run() { rm -rf "$WORK/k8s"; java "${OPTS[@]}" "$@" -cp "$JAR" io.teei.nats.manifests.bench.ColdRender overlays "$WORK/k8s"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$WORK/runs.txt"
for (( i = 1; i <= RUNS; i++ )); do run >> "$WORK/runs.txt"; done
run -Xlog:class+load=info:file="$WORK/classes.txt" > /dev/null
{
  echo "$JAR"
  echo "ColdRender over $RUNS fresh JVMs (${JAVA_OPTS:-default JVM options}), medians in ms:"
  grep '^jvm-to-main' "$WORK/runs.txt" | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin]
for k in range(0, len(rows[0]) - 2, 2):
    print("  %-22s %8.1f" % (rows[0][k], statistics.median(float(r[k + 1]) for r in rows)))
print("  %-22s %8d" % ("classes loaded", int(statistics.median(int(r[-1]) for r in rows))))'
  echo "classes loaded per library (one run):"
  sed -E 's/^\[[^]]*\]\[[^]]*\]\[[^]]*\] *//' "$WORK/classes.txt" | awk '{print $1}' | awk -F. '
    /^(java|javax|jdk|sun|com\.sun)\./ { n["JDK"]++; next }
    { n[$1 "." $2 "." $3]++ }
    END { for (k in n) printf "  %-34s %5d\n", k, n[k] }' | sort -k2 -rn
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/cold-render.txt"
