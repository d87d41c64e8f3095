#!/usr/bin/env bash
# What the plugin adds to a consumer's build, measured end to end with real Maven runs, as
# whole-process wall time against 'mvn validate' (Maven's own start-up and project loading, the
# floor any goal pays), in rounds whose order alternates so drift in the machine hits all alike:
#   validate            mvn -B -q -o validate
#   generate-noop       mvn -B -q -o generate-manifests, nothing changed (the stamp holds)
#   generate-changed    the same after a one-line spec change (the EU volume size flips between
#                       two valid values before each run, so every run renders and writes 1 file)
#   check-ci            mvn -B -q -o check-manifests with no stamp, as in CI on a fresh checkout
#                       (target/ removed before each run): a full render and compare
#   check-stamped       mvn -B -q -o check-manifests with the stamp of the last generate
# Then: a second no-op generate writes nothing (paths, sizes, mtimes, inodes, SHA-256 of k8s/).
# The consumer project is created in a temporary directory: a root POM declaring the plugin with
# <extensions>true</extensions> (as maven-plugin/src/it/consumer/pom.xml does) and the reference
# spec from overlays/ in nats/. Everything runs offline (-o) against ~/.m2.
#
# Usage: bench/build-cost.sh [rounds]      (default 7; at least 5)
# Env:   SKIP_INSTALL=1 skips 'mvn install' of the repository's snapshot jars.
#        MAVEN_REPO=<dir> uses that local repository instead of ~/.m2/repository.
# Output: target/benchmarks/build-cost.txt (summary) and build-cost-runs.csv (every run).
set -euo pipefail

RUNS="${1:-7}"
if (( RUNS < 5 )); then echo "use at least 5 rounds" >&2; exit 2; fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
VERSION=$(cd "$ROOT" && sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
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
grep -q 'size: 140Gi' nats/eu-central-1.yaml || { echo "overlays/eu-central-1.yaml no longer has 'size: 140Gi'" >&2; exit 1; }

# Milliseconds of one quiet Maven run; a failing run aborts the script (set -e).
time_mvn() {
  local start end
  start=$(date +%s%N)
  mvn -B -q -o "${REPO[@]}" "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# One measured run of a named case, with what that case needs done first (not timed).
run_case() {
  case "$1" in
    validate) time_mvn validate ;;
    generate-noop) time_mvn generate-manifests ;;
    generate-changed)
      if grep -q 'size: 140Gi' nats/eu-central-1.yaml; then sed -i 's/size: 140Gi/size: 141Gi/' nats/eu-central-1.yaml
      else sed -i 's/size: 141Gi/size: 140Gi/' nats/eu-central-1.yaml; fi
      time_mvn generate-manifests ;;
    check-ci) rm -rf target; time_mvn check-manifests; time_mvn generate-manifests > /dev/null ;;
    check-stamped) time_mvn check-manifests ;;
  esac
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Paths, sizes, mtimes (ns), inodes and hashes: any rewrite, even of identical bytes, changes one.
snapshot() {
  (cd k8s && find . -type f -printf '%p %s %T@ %i\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "First generate (creates k8s/), then one warm-up run of each case ..."
time_mvn generate-manifests > /dev/null
CASES=(validate generate-noop generate-changed check-ci check-stamped)
for c in "${CASES[@]}"; do run_case "$c" > /dev/null; done
FILES=$(find k8s -type f | wc -l)

CSV="$OUT/build-cost-runs.csv"
echo "round,case,ms" > "$CSV"
for (( i = 1; i <= RUNS; i++ )); do
  order=("${CASES[@]}")
  if (( i % 2 == 0 )); then order=(check-stamped check-ci generate-changed generate-noop validate); fi
  for c in "${order[@]}"; do
    ms=$(run_case "$c" | head -1)
    echo "$i,$c,$ms" >> "$CSV"
    echo "  round $i: $c ${ms} ms"
  done
done

col() { awk -F, -v c="$1" '$2 == c {print $3}' "$CSV"; }
VALIDATE=$(col validate | median)

time_mvn generate-manifests > /dev/null
BEFORE="$(snapshot)"
sleep 1.1   # so a rewrite would show in the mtimes even on a coarse clock
mvn -B -o "${REPO[@]}" generate-manifests > "$WORK/second.log" 2>&1
AFTER="$(snapshot)"
if [[ "$BEFORE" == "$AFTER" ]]; then REWRITTEN=0; else REWRITTEN=$(diff <(echo "$BEFORE") <(echo "$AFTER") | grep -c '^>' || true); fi
LOGLINE=$(grep -o 'Rendered .*' "$WORK/second.log" | head -1 || echo "(no summary line)")

{
  echo "Consumer project: reference spec (overlays/), $FILES files in k8s/, $RUNS alternating rounds"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # "paired": the median over rounds of (case - validate) in the same round, steadier than the
  # difference of the two medians when the machine drifts between rounds.
  python3 - "$CSV" "${CASES[@]}" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ms = {}
for r in rows:
    ms.setdefault(r["case"], {})[int(r["round"])] = int(r["ms"])
v = ms["validate"]
print("%-18s %9s %15s %15s %7s" % ("case", "median", "minus validate", "paired", "ratio"))
for case in sys.argv[2:]:
    m = statistics.median(ms[case].values())
    paired = statistics.median(ms[case][k] - v[k] for k in v)
    print("%-18s %6.0f ms %12.0f ms %12.0f ms %7.2f" % (case, m, m - statistics.median(v.values()), paired,
                                                        m / statistics.median(v.values())))
PY
  echo "files rewritten by a second no-op generate: $REWRITTEN"
  echo "second no-op generate logged: $LOGLINE"
} | tee "$OUT/build-cost.txt"
