#!/usr/bin/env bash
# What the nats-manifests command line costs in a fresh JVM, against building the rendered
# overlays with kubectl kustomize: N rounds on a scratch repository holding the reference spec in
# nats/ and its tree in k8s/, each round timing (order alternating per round):
#   kustomize         kubectl kustomize of both rendered overlays, one after the other
#   generate-changed  nats-manifests generate after a one-line spec change (the EU volume size flips
#                     between 140Gi and 141Gi, so it renders and rewrites the two files that name it)
#   generate-noop     nats-manifests generate again, nothing changed (the stamp holds)
#   help              nats-manifests --help
# Reports each case's median wall time and the medians of the paired per-round differences and
# ratios against kustomize.
#
# Usage: bench/cli-cost.sh [rounds]      (default 9)
# Env:   SKIP_BUILD=1 uses cli/target/nats-manifests-<version>.tar.gz as it is.
# Output: target/benchmarks/cli-cost.txt
set -euo pipefail
# A failed run inside $(ms ...) stops the benchmark instead of being timed.
shopt -s inherit_errexit

ROUNDS="${1:-9}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  BUILD=(mvn -B -q -DskipTests package -pl cli -am)
  "${BUILD[@]}" -o || "${BUILD[@]}"
fi
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
WORK="$(mktemp -d -t nats-manifests-cli-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
tar -xzf "cli/target/nats-manifests-$VERSION.tar.gz" -C "$WORK"
CLI="$WORK/nats-manifests-$VERSION/bin/nats-manifests"
export XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$WORK/repo/nats"
cp overlays/*.yaml "$WORK/repo/nats/"
cd "$WORK/repo"
"$CLI" generate --spec nats --out k8s > /dev/null

ms() { local start end; start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
kustomize() { kubectl kustomize k8s/overlays/us-east-1/nats > /dev/null && kubectl kustomize k8s/overlays/eu-central-1/nats; }
flip() {
  if grep -q 'size: 140Gi' nats/eu-central-1.yaml; then sed -i 's/size: 140Gi/size: 141Gi/' nats/eu-central-1.yaml
  else sed -i 's/size: 141Gi/size: 140Gi/' nats/eu-central-1.yaml; fi
}
changed() { "$CLI" generate --spec nats --out k8s | grep -Eq '\([1-9][0-9]* changed, 0 removed\)'; }
noop() { "$CLI" generate --spec nats --out k8s | grep -q '^Rendered nothing'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$WORK/runs.txt"
for (( i = 1; i <= ROUNDS; i++ )); do
  if (( i % 2 )); then
    k=$(ms kustomize); flip; c=$(ms changed); n=$(ms noop); h=$(ms "$CLI" --help)
  else
    h=$(ms "$CLI" --help); n=$(ms noop); flip; c=$(ms changed); k=$(ms kustomize)
  fi
  echo "round $i kustomize $k generate-changed $c generate-noop $n help $h" >> "$WORK/runs.txt"
done
{
  echo "nats-manifests $VERSION command line, $ROUNDS rounds on $(nproc) cores (java: $(java -version 2>&1 | head -1))"
  cat "$WORK/runs.txt"
  python3 - "$WORK/runs.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.startswith("round")]
cases = {rows[0][k]: [int(r[k + 1]) for r in rows] for k in range(2, len(rows[0]), 2)}
for name, values in cases.items():
    print("  %-18s median %6d ms" % (name, statistics.median(values)))
base = cases["kustomize"]
for name in ("generate-changed", "generate-noop", "help"):
    diffs = [a - b for a, b in zip(cases[name], base)]
    ratios = [a / b for a, b in zip(cases[name], base)]
    print("  %-18s paired median %+6d ms against kustomize, ratio %.2f" % (name, statistics.median(diffs), statistics.median(ratios)))
PY
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/cli-cost.txt"
