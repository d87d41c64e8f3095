#!/usr/bin/env bash
# What the plugin adds to a consumer's build, measured end to end with real Maven runs:
#   1. wall time of 'mvn generate-manifests' against 'mvn validate' (Maven's own start-up and
#      project loading, the floor any goal pays), interleaved run by run so drift in the machine
#      hits both alike; medians and their difference;
#   2. a second 'generate-manifests' writes zero files (paths, sizes, mtimes, inodes and SHA-256
#      of k8s/ identical before and after);
#   3. 'check-manifests' against 'generate-manifests', interleaved the same way.
# The consumer project is created in a temporary directory: a root POM declaring the plugin with
# <extensions>true</extensions> (as maven-plugin/src/it/consumer/pom.xml does) and the reference
# spec from overlays/ in nats/. Everything runs offline (-o) against ~/.m2.
#
# Usage: bench/build-cost.sh [runs]        (default 7 runs of each command; at least 5)
# Env:   SKIP_INSTALL=1 skips 'mvn install' of the repository's snapshot jars.
#        MAVEN_REPO=<dir> uses that local repository instead of ~/.m2/repository (a copy of it),
#        to measure one build of the plugin without replacing the snapshot others use.
# Output: target/benchmarks/build-cost.txt (summary) and build-cost-runs.csv (every run).
set -euo pipefail

RUNS="${1:-7}"
if (( RUNS < 5 )); then echo "use at least 5 runs" >&2; exit 2; fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
VERSION=0.1.0-SNAPSHOT
REPO=()
if [[ -n "${MAVEN_REPO:-}" ]]; then REPO=(-Dmaven.repo.local="$MAVEN_REPO"); fi

if [[ "${SKIP_INSTALL:-0}" != 1 ]]; then
  echo "Installing the snapshot plugin into ${MAVEN_REPO:-~/.m2/repository} ..."
  (cd "$ROOT" && mvn -B -q -o "${REPO[@]}" install -DskipTests)
fi

WORK="$(mktemp -d -t nats-manifests-build-cost-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
sed "s/@pluginVersion@/$VERSION/" "$ROOT/maven-plugin/src/it/consumer/pom.xml" > "$WORK/pom.xml"
mkdir "$WORK/nats"
cp "$ROOT"/overlays/*.yaml "$WORK/nats/"
cd "$WORK"

# Milliseconds of one quiet Maven run; a failing run aborts the script (set -e).
time_mvn() {
  local start end
  start=$(date +%s%N)
  mvn -B -q -o "${REPO[@]}" "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Paths, sizes, mtimes (ns), inodes and hashes: any rewrite, even of identical bytes, changes one.
snapshot() {
  (cd k8s && find . -type f -printf '%p %s %T@ %i\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

echo "First generate (creates k8s/), then one warm-up run of each command ..."
time_mvn generate-manifests > /dev/null
time_mvn validate > /dev/null
time_mvn check-manifests > /dev/null
FILES=$(find k8s -type f | wc -l)

CSV="$OUT/build-cost-runs.csv"
echo "round,command,ms" > "$CSV"
# Alternate which command goes first in each round, so neither always runs on a warmer machine.
for (( i = 1; i <= RUNS; i++ )); do
  if (( i % 2 )); then order=(validate generate-manifests check-manifests); else order=(check-manifests generate-manifests validate); fi
  for cmd in "${order[@]}"; do
    ms=$(time_mvn "$cmd")
    echo "$i,$cmd,$ms" >> "$CSV"
    echo "  round $i: $cmd ${ms} ms"
  done
done

col() { awk -F, -v c="$1" '$2 == c {print $3}' "$CSV"; }
VALIDATE=$(col validate | median)
GENERATE=$(col generate-manifests | median)
CHECK=$(col check-manifests | median)

BEFORE="$(snapshot)"
sleep 1.1   # so a rewrite would show in the mtimes even on a coarse clock
mvn -B -o "${REPO[@]}" generate-manifests > "$WORK/second.log" 2>&1
AFTER="$(snapshot)"
if [[ "$BEFORE" == "$AFTER" ]]; then REWRITTEN=0; else REWRITTEN=$(diff <(echo "$BEFORE") <(echo "$AFTER") | grep -c '^>' || true); fi
LOGLINE=$(grep -o 'Rendered .* ms' "$WORK/second.log" || echo "(no summary line)")

HYPERFINE=""
if command -v hyperfine > /dev/null; then
  # A cross-check with hyperfine's own statistics (it runs each command's runs back to back).
  hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$OUT/build-cost-hyperfine.json" \
    "mvn -B -q -o ${REPO[*]} validate" "mvn -B -q -o ${REPO[*]} generate-manifests" \
    "mvn -B -q -o ${REPO[*]} check-manifests" > "$OUT/build-cost-hyperfine.txt" 2>&1 \
    && HYPERFINE="hyperfine cross-check: $OUT/build-cost-hyperfine.txt"
fi

{
  echo "Consumer project: reference spec (overlays/), $FILES files in k8s/, $RUNS interleaved runs of each command"
  echo "median mvn -B -q -o validate            : $VALIDATE ms"
  echo "median mvn -B -q -o generate-manifests  : $GENERATE ms"
  echo "median mvn -B -q -o check-manifests     : $CHECK ms"
  echo "generate - validate (medians)           : $(( ${GENERATE%.*} - ${VALIDATE%.*} )) ms"
  echo "check - generate (medians)              : $(( ${CHECK%.*} - ${GENERATE%.*} )) ms"
  echo "files rewritten by a second generate    : $REWRITTEN"
  echo "second generate logged                  : $LOGLINE"
  [[ -n "$HYPERFINE" ]] && echo "$HYPERFINE"
} | tee "$OUT/build-cost.txt"
