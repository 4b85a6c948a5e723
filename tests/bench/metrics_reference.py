#!/usr/bin/env python3
"""Network-metric timings of igraph, NetworKit and NetworkX on one graph, to set beside relaymap's.
Not a test: figures go to BENCHMARKS.md by hand (tests/bench/metrics_table.py makes the tables).

    target/bench-venv/bin/python tests/bench/metrics_reference.py EDGELIST LABEL \
        [--tools igraph,networkit,networkx] [--only ALGOS] [--cap-seconds 900] [--seed 1]

The venv, made once and reused (as tests/run does with target/test-venv):
    [ -x target/bench-venv/bin/python ] || python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install --quiet -r tests/bench/requirements.txt

EDGELIST is `n m` on its first line, then m lines `u v` (0-based, undirected, simple). ALGOS is
a comma list of pagerank, components, core_number, clustering, louvain, betweenness_sampled,
betweenness_exact; the default is all but betweenness_exact.

Each (tool, algorithm) runs in a child process of its own, which runs it once untimed on a tiny
graph (one-time costs: imports, thread start-up), loads the graph (not timed), then times one run
of the algorithm alone with time.perf_counter. A child still running after --cap-seconds is killed
and reported as a lower bound ("capped": true, "seconds": the cap). One JSON line per result on
stdout; progress, and warnings when cheap invariants disagree (PageRank sum, number of
components, largest core number), on stderr. Each line also has "threads" (how many the tool may
use) and "cpu_seconds" (all its threads' CPU time: above "seconds" when it ran in parallel). Run it
on an idle machine: the script warns when other work takes the CPUs.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

ALGORITHMS = ["pagerank", "components", "core_number", "clustering", "louvain",
              "betweenness_sampled", "betweenness_exact"]
SAMPLES = 256  # sources of the betweenness estimate


def read_edges(path):
    import numpy as np
    with open(path) as f:
        n, m = map(int, f.readline().split())
    edges = np.loadtxt(path, dtype=np.int64, skiprows=1, ndmin=2).reshape(-1, 2)
    assert len(edges) == m, f"{path}: header says {m} edges, found {len(edges)}"
    return n, edges


def networkx_scaling(raw, n, sources=None):
    """igraph's raw betweenness scaled as NetworkX's normalized `betweenness_centrality`: igraph
    counts each undirected pair once, NetworkX twice; from k sampled sources NetworkX divides by
    k(n-2), by (k-1)(n-2) at the sources themselves (so with its sources the values agree)."""
    if n <= 2:
        return raw
    if sources is None:
        return [2 * b / ((n - 1) * (n - 2)) for b in raw]
    k, chosen = len(sources), set(sources)
    return [2 * b / ((k - 1 if v in chosen else k) * (n - 2)) for v, b in enumerate(raw)]


def igraph_tool(n, edges, seed):
    import igraph
    random.seed(seed)  # igraph draws its random numbers from Python's random module by default
    g = igraph.Graph(n=n, edges=edges.tolist())

    def sampled():
        sources = random.Random(seed).sample(range(n), SAMPLES)  # NetworkX's choice for the seed
        return networkx_scaling(g.betweenness(sources=sources), n, sources)

    algorithms = {
        "pagerank": lambda: g.pagerank(damping=0.85),
        "components": g.connected_components,
        "core_number": g.coreness,
        "clustering": lambda: g.transitivity_local_undirected(mode="zero"),
        "louvain": lambda: g.community_multilevel(resolution=1),
        "betweenness_sampled": sampled,
        "betweenness_exact": lambda: networkx_scaling(g.betweenness(), n),
    }
    checks = {"pagerank": sum, "components": len, "core_number": max}
    # One thread, but for PageRank: its solver (PRPACK) is OpenMP, on every core unless
    # OMP_NUM_THREADS says otherwise.
    omp = os.environ.get("OMP_NUM_THREADS", "").split(",")[0]
    threads = {**dict.fromkeys(ALGORITHMS, 1),
               "pagerank": int(omp) if omp.isdigit() else os.cpu_count()}
    return igraph.__version__, threads, algorithms, checks


def networkit_tool(n, edges, seed):
    import networkit as nk
    nk.setNumberOfThreads(os.cpu_count())
    nk.setSeed(seed, True)  # one generator per thread, each seeded from this
    g = nk.Graph(n)
    u, v = edges.T.copy()  # addEdges wants two C-contiguous arrays
    g.addEdges((u, v))
    g.indexEdges()

    def run(algorithm, *args, **kwargs):
        a = algorithm(g, *args, **kwargs)
        a.run()
        return a

    c = nk.centrality
    algorithms = {
        # On an undirected graph NetworKit spreads no sink mass (its distributeSinks is for
        # directed ones), so with isolated nodes its PageRank sums to less than 1.
        "pagerank": lambda: run(c.PageRank, damp=0.85),
        "components": lambda: run(nk.components.ConnectedComponents),
        "core_number": lambda: run(c.CoreDecomposition),
        "clustering": lambda: run(c.LocalClusteringCoefficient, turbo=True),
        "louvain": lambda: run(nk.community.PLM, gamma=1.0),
        "betweenness_sampled": lambda: run(c.EstimateBetweenness, SAMPLES, normalized=True,
                                           parallel=True),
        "betweenness_exact": lambda: run(c.Betweenness, normalized=True),
    }
    checks = {"pagerank": lambda a: sum(a.scores()),
              "components": lambda a: a.numberOfComponents(),
              "core_number": lambda a: int(max(a.scores()))}
    return nk.__version__, dict.fromkeys(ALGORITHMS, nk.getMaxNumberOfThreads()), algorithms, checks


def networkx_tool(n, edges, seed):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    algorithms = {
        "pagerank": lambda: nx.pagerank(g, alpha=0.85),
        "components": lambda: list(nx.connected_components(g)),
        "core_number": lambda: nx.core_number(g),
        "clustering": lambda: nx.clustering(g),
        "louvain": lambda: nx.community.louvain_communities(g, resolution=1, seed=seed),
        "betweenness_sampled": lambda: nx.betweenness_centrality(g, k=SAMPLES, seed=seed),
        "betweenness_exact": lambda: nx.betweenness_centrality(g),
    }
    checks = {"pagerank": lambda r: sum(r.values()), "components": len,
              "core_number": lambda r: max(r.values())}
    return nx.__version__, dict.fromkeys(ALGORITHMS, 1), algorithms, checks


TOOLS = {"igraph": igraph_tool, "networkit": networkit_tool, "networkx": networkx_tool}


def warm_up(tool, algorithm, seed):
    """Runs the algorithm once on a 300-node ring with chords, untimed, so that one-time costs
    (NetworkX importing SciPy, OpenMP starting its threads) stay out of the figure."""
    import numpy as np
    ring = np.arange(300)
    edges = np.sort(np.concatenate([np.stack([ring, (ring + 1) % 300], axis=1),
                                    np.stack([ring, (ring + 7) % 300], axis=1)]), axis=1)
    TOOLS[tool](300, edges, seed)[2][algorithm]()


def child(tool, algorithm, path, seed):
    """Runs one (tool, algorithm): a `ready` line once loaded, then the result line."""
    warm_up(tool, algorithm, seed)
    n, edges = read_edges(path)
    version, threads, algorithms, checks = TOOLS[tool](n, edges, seed)
    print(json.dumps({"version": version, "threads": threads[algorithm]}), flush=True)
    cpu, start = time.process_time(), time.perf_counter()
    result = algorithms[algorithm]()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    check = checks[algorithm](result) if algorithm in checks else None
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "check": check}), flush=True)


def measure(tool, algorithm, args, n, m):
    """Runs one (tool, algorithm) in a child process; its JSON line and invariant, or None."""
    command = [sys.executable, os.path.abspath(__file__), args.edgelist, args.label,
               "--child", f"{tool}:{algorithm}", "--seed", str(args.seed)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
        ready = proc.stdout.readline()  # loading is not timed, nor capped
        if not ready:
            proc.wait()
            print(f"!! {tool} {algorithm}: the child failed while loading", file=sys.stderr)
            return None, None
        line = {"tool": tool, **json.loads(ready), "algorithm": algorithm, "graph": args.label,
                "n": n, "m": m}
        try:
            proc.wait(timeout=args.cap_seconds)  # the child prints one short line: no pipe stall
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return {**line, "seconds": args.cap_seconds, "cpu_seconds": None, "capped": True}, None
        out = proc.stdout.read()  # not communicate(): it would skip what readline() buffered
    if proc.returncode != 0 or not out.strip():
        print(f"!! {tool} {algorithm}: the child failed (exit {proc.returncode})", file=sys.stderr)
        return None, None
    done = json.loads(out.strip().splitlines()[-1])
    return {**line, "seconds": round(done["seconds"], 6),
            "cpu_seconds": round(done["cpu_seconds"], 3), "capped": False}, done["check"]


def warn_disagreements(invariants):
    """invariants: {algorithm: {tool: value}}, the cheap checks the children computed untimed."""
    for tool, total in invariants.get("pagerank", {}).items():
        if abs(total - 1) > 1e-3:
            print(f"!! WARNING {tool}: PageRank sums to {total:.6f}, not 1", file=sys.stderr)
    for algorithm, what in [("components", "number of components"),
                            ("core_number", "largest core number")]:
        values = invariants.get(algorithm, {})
        if len(set(values.values())) > 1:
            print(f"!! WARNING: the {what} differs across tools: {values}", file=sys.stderr)


def busy_share(seconds=2):
    """The share of the CPUs that other work takes, over a few seconds (None where no /proc)."""
    def sample():
        with open("/proc/stat") as f:
            ticks = [int(x) for x in f.readline().split()[1:]]
        return sum(ticks), ticks[3] + ticks[4]  # all, idle + iowait
    try:
        total, idle = sample()
        time.sleep(seconds)
        total2, idle2 = sample()
    except OSError:
        return None
    return 1 - (idle2 - idle) / max(total2 - total, 1)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("edgelist")
    p.add_argument("label")
    p.add_argument("--tools", default="igraph,networkit,networkx")
    p.add_argument("--only", default=",".join(a for a in ALGORITHMS if a != "betweenness_exact"))
    p.add_argument("--cap-seconds", type=float, default=900)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        tool, algorithm = args.child.split(":")
        return child(tool, algorithm, args.edgelist, args.seed)

    tools, algorithms = args.tools.split(","), args.only.split(",")
    for name, known in [(tools, TOOLS), (algorithms, ALGORITHMS)]:
        if unknown := [x for x in name if x not in known]:
            p.error(f"unknown: {', '.join(unknown)} (known: {', '.join(known)})")
    with open(args.edgelist) as f:
        n, m = map(int, f.readline().split())
    if (busy := busy_share()) is not None and busy > 0.1:
        print(f"!! other work takes {busy:.0%} of the CPUs: the OpenMP runs (NetworKit, parts of "
              "igraph's PageRank) slow down many times over when a core is taken", file=sys.stderr)
    invariants = {}
    for algorithm in algorithms:
        for tool in tools:
            print(f"-- {args.label}: {tool} {algorithm}", file=sys.stderr, flush=True)
            line, check = measure(tool, algorithm, args, n, m)
            if line is None:
                continue
            print(f"   {line['seconds']:.3f} s{' (capped)' if line['capped'] else ''}, "
                  f"{line['threads']} thread(s), check {check}", file=sys.stderr, flush=True)
            print(json.dumps(line), flush=True)
            if check is not None:
                invariants.setdefault(algorithm, {})[tool] = check
    warn_disagreements(invariants)


if __name__ == "__main__":
    main()
