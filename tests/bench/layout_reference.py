"""Force layouts of the reference tools on relaymap's edge lists (tests/bench/layout-compare):
igraph's Fruchterman-Reingold (its defaults: 500 iterations, a grid beyond 1,000 vertices) and
DrL, and NetworkX's spring_layout (Fruchterman-Reingold, 50 iterations), each timed on the graph
already in memory, median of 3 runs (one run for NetworkX, which is skipped beyond MAX_NETWORKX
vertices: it takes minutes there). Prints one JSON line per timing, as the relaymap bench does.

    python layout_reference.py LABEL=EDGES [LABEL=EDGES ...]
"""
import json
import statistics
import sys
import time

MAX_NETWORKX = 5000


def read_edges(path):
    with open(path) as f:
        n, m = map(int, f.readline().split())
        edges = [tuple(map(int, line.split())) for line in f]
    assert len(edges) == m, f"{path}: header says {m} edges, found {len(edges)}"
    return n, edges


def timed(work, runs):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main():
    import igraph
    import networkx as nx

    for arg in sys.argv[1:]:
        label, path = arg.split("=", 1)
        n, edges = read_edges(path)
        g = igraph.Graph(n=n, edges=edges)
        runs = [
            ("igraph", igraph.__version__, "Fruchterman-Reingold",
             lambda: g.layout_fruchterman_reingold(), 3),
            ("igraph", igraph.__version__, "DrL", lambda: g.layout_drl(), 3),
        ]
        if n <= MAX_NETWORKX:
            h = nx.Graph()
            h.add_nodes_from(range(n))
            h.add_edges_from(edges)
            runs.append(("networkx", nx.__version__, "spring_layout (Fruchterman-Reingold)",
                         lambda: nx.spring_layout(h, seed=1), 1))
        for tool, version, algorithm, work, count in runs:
            seconds = timed(work, count)
            print(json.dumps({"tool": tool, "version": version, "algorithm": algorithm,
                              "graph": label, "n": n, "m": len(edges), "seconds": seconds,
                              "threads": 1}), flush=True)


if __name__ == "__main__":
    main()
