#!/usr/bin/env python3
"""Turns JMH's JSON into the Markdown tables of BENCHMARKS.md.

For each benchmark: time per operation (ms, with JMH's 99.9% error, and the median of the
measured iterations, which a burst of other work on the machine moves less than the mean), bytes
allocated per operation, and time per stream (from the median); then, over the synthetic topologies, a least-squares line of time
against the number of streams (the slope, in ms per 1,000 streams) and how far time per stream
drifts from the smallest to the largest topology (1.0 means linear).

Usage: bench/summarize.py target/benchmarks/jmh-results.json
"""
import json
import sys

TO_MS = {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}


def streams(topology):
    """Total streams of a synthetic topology 'RxS'; None for the reference."""
    if "x" not in topology:
        return None
    regions, per_region = topology.split("x")
    return int(regions) * int(per_region)


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def fmt(value, digits=3):
    return f"{value:,.{digits}f}"


def overview(by_benchmark):
    """One row per topology, one column per benchmark: median ms/op."""
    topologies = []
    for rows in by_benchmark.values():
        for r in rows:
            if r["params"]["topology"] not in topologies:
                topologies.append(r["params"]["topology"])
    names = list(by_benchmark)
    print("### Overview: median ms/op\n")
    print("| topology | " + " | ".join(n.split(".")[-1] for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    for topology in topologies:
        cells = []
        for name in names:
            row = next((r for r in by_benchmark[name] if r["params"]["topology"] == topology), None)
            if row is None:
                cells.append("")
                continue
            metric = row["primaryMetric"]
            scale = TO_MS[metric["scoreUnit"]]
            cells.append(fmt(median([v * scale for fork in metric["rawData"] for v in fork])))
        print(f"| {topology} | " + " | ".join(cells) + " |")
    print()


def main(path):
    with open(path) as f:
        results = json.load(f)
    by_benchmark = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        by_benchmark.setdefault(name[-2] + "." + name[-1], []).append(r)

    overview(by_benchmark)
    for benchmark, rows in by_benchmark.items():
        print(f"### {benchmark}\n")
        print("| topology | streams | ms/op (mean) | ± error (99.9%) | ms/op (median) | B/op | µs per stream |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        points = []
        for r in rows:
            topology = r["params"]["topology"]
            metric = r["primaryMetric"]
            scale = TO_MS[metric["scoreUnit"]]
            ms = metric["score"] * scale
            # JMH writes the error as "NaN" when a run has a single iteration.
            err = metric["scoreError"] * scale if isinstance(metric["scoreError"], (int, float)) else float("nan")
            med = median([v * scale for fork in metric["rawData"] for v in fork])
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            n = streams(topology)
            per_stream = f"{fmt(med * 1000 / n, 2)}" if n else ""
            alloc_text = f"{alloc:,.0f}" if alloc is not None else ""
            print(f"| {topology} | {n if n else ''} | {fmt(ms)} | {fmt(err)} | {fmt(med)} | {alloc_text} | {per_stream} |")
            if n:
                points.append((n, med, topology))
        if len(points) >= 2:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
            slope = sum((x - mean_x) * (y - mean_y) for x, y, _ in points) / sum((x - mean_x) ** 2 for x in xs)
            smallest = min(points)
            largest = max(points)
            drift = (largest[1] / largest[0]) / (smallest[1] / smallest[0])
            same_streams = {}
            for n, ms, topology in points:
                same_streams.setdefault(topology.split("x")[1], []).append((int(topology.split("x")[0]), ms))
            print()
            print(f"Slope (least squares over the synthetic topologies, medians): {fmt(slope * 1000, 2)} ms per 1,000 streams; "
                  f"time per stream {fmt(smallest[1] * 1000 / smallest[0], 2)} µs at {smallest[2]}, "
                  f"{fmt(largest[1] * 1000 / largest[0], 2)} µs at {largest[2]} ({fmt(drift, 2)}x).")
            for per_region, series in sorted(same_streams.items(), key=lambda s: int(s[0])):
                series.sort()
                if len(series) >= 2:
                    (r0, t0), (r1, t1) = series[0], series[-1]
                    print(f"- {per_region} streams per region, {r0} to {r1} regions: time x{fmt(t1 / t0, 1)} "
                          f"for regions x{fmt(r1 / r0, 1)}.")
            for regions in sorted({int(t.split('x')[0]) for _, _, t in points}):
                series = sorted((int(t.split("x")[1]), ms) for _, ms, t in points if int(t.split("x")[0]) == regions)
                if len(series) >= 2:
                    (s0, t0), (s1, t1) = series[0], series[-1]
                    print(f"- {regions} region(s), {s0} to {s1} streams per region: time x{fmt(t1 / t0, 1)} "
                          f"for streams x{fmt(s1 / s0, 1)}.")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
