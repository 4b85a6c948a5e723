#!/usr/bin/env python3
"""Markdown tables, one per graph, of network-metric timings: relaymap beside igraph, NetworKit
and NetworkX, for BENCHMARKS.md.

    python3 tests/bench/metrics_table.py RESULTS.jsonl

RESULTS.jsonl holds the lines of tests/bench/metrics_reference.py and relaymap's own lines of the
same shape ({"tool": "relaymap", "algorithm": ..., "graph": ..., "seconds": ..., "capped": ...}).
Where one (graph, tool, algorithm) has several lines the median is shown. A capped run is a lower
bound ("> 900 s"), and the ratios built on one are bounds too. relaymap ÷ fastest: relaymap's
time over the faster of igraph and NetworKit (below 1: relaymap is faster). NetworkX ÷ relaymap:
how many times faster relaymap is than NetworkX. Standard library only.
"""
import json
import sys

TOOLS = [("relaymap", "relaymap"), ("igraph", "igraph"), ("networkit", "NetworKit"),
         ("networkx", "NetworkX")]
ALGORITHMS = ["pagerank", "components", "core_number", "clustering", "louvain",
              "betweenness_sampled", "betweenness_exact"]


def median(runs):
    """The middle run, capped ones counting as the slowest."""
    runs = sorted(runs, key=lambda r: (r["capped"], r["seconds"]))
    return runs[(len(runs) - 1) // 2]


def duration(run):
    if run is None:
        return "–"
    s = run["seconds"]
    if run["capped"]:
        return f"> {s:g} s"
    if s < 0.01:
        return f"{s * 1000:.2g} ms"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    return f"{s:.3g} s" if s < 100 else f"{s:.0f} s"


def ratio(top, bottom):
    """top ÷ bottom, with '>' or '<' when a capped time makes it a bound."""
    if top is None or bottom is None or (top["capped"] and bottom["capped"]) \
            or bottom["seconds"] <= 0:
        return "–"
    r = top["seconds"] / bottom["seconds"]
    bound = "> " if top["capped"] else "< " if bottom["capped"] else ""
    return f"{bound}{r:.2g}×" if r < 10 else f"{bound}{r:.0f}×"


def faster(a, b):
    """The faster of two runs (either may be missing); a capped run loses to a finished one."""
    runs = [r for r in (a, b) if r is not None]
    return min(runs, key=lambda r: (r["capped"], r["seconds"])) if runs else None


def threads(by_algorithm):
    """' (2 threads)', or ' (1 thread, 2 for pagerank)' when some algorithms differ."""
    if not by_algorithm:
        return ""
    counts = list(by_algorithm.values())
    usual = max(set(counts), key=counts.count)
    parts = [f"{usual} thread{'s' if usual != 1 else ''}"]
    for count in sorted(set(counts) - {usual}):
        names = ", ".join(a for a, c in by_algorithm.items() if c == count)
        parts.append(f"{count} for {names}")
    return f" ({', '.join(parts)})"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    runs = {}  # graph -> algorithm -> tool -> [lines]
    sizes, versions = {}, {}
    with open(sys.argv[1]) as f:
        for text in f:
            if not text.strip():
                continue
            line = json.loads(text)
            graph, tool = line["graph"], line["tool"]
            runs.setdefault(graph, {}).setdefault(line["algorithm"], {}) \
                .setdefault(tool, []).append(line)
            sizes.setdefault(graph, (line.get("n"), line.get("m")))
            if "version" in line:
                versions.setdefault(graph, {}).setdefault(tool, (line["version"], {}))
                if line.get("threads"):
                    versions[graph][tool][1][line["algorithm"]] = line["threads"]

    for graph, algorithms in runs.items():
        n, m = sizes[graph]
        print(f"#### {graph}" + (f": {n:,} nodes, {m:,} edges" if n is not None else ""))
        print()
        if versions.get(graph):
            known = versions[graph]
            print(", ".join(f"{name} {known[t][0]}{threads(known[t][1])}"
                            for t, name in TOOLS if t in known) + ".")
            print()
        print("| algorithm | " + " | ".join(name for _, name in TOOLS)
              + " | relaymap ÷ fastest of igraph/NetworKit | NetworkX ÷ relaymap |")
        print("|---" + "|---:" * (len(TOOLS) + 2) + "|")
        order = [a for a in ALGORITHMS if a in algorithms] + \
                [a for a in algorithms if a not in ALGORITHMS]
        for algorithm in order:
            best = {tool: median(lines) for tool, lines in algorithms[algorithm].items()}
            cells = [duration(best.get(tool)) for tool, _ in TOOLS]
            relaymap = best.get("relaymap")
            cells.append(ratio(relaymap, faster(best.get("igraph"), best.get("networkit"))))
            cells.append(ratio(best.get("networkx"), relaymap))
            print(f"| {algorithm} | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main()
