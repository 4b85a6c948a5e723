"""Compares relaymap's per-actor metrics with NetworkX on published networks.

Run by tests/run inside a virtual environment with a pinned NetworkX:
    python tests/metrics/compare_networkx.py target/debug/relaymap

Each network (Zachary's karate club, Les Miserables co-appearances, the Florentine families, as
NetworkX ships them) is imported through relaymap's own importer as migrants joined by `knows`
ties (trust = weight / largest weight), then `relaymap metrics --format json` is compared with
NetworkX's functions of the same names: 1e-6, PageRank 1e-5.
"""

import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

import math

TOLERANCE = {"pagerank": 1e-5, "eigenvector": 1e-5}


def relaymap_metrics(binary, graph, workdir):
    nodes = sorted(graph.nodes(), key=str)
    ids = {node: f"m-{i:03d}" for i, node in enumerate(nodes)}
    largest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1)
    document = {
        "actors": [{"id": ids[n], "kind": "migrant", "name": "n", "languages": ["aaa"]} for n in nodes],
        "ties": [
            {"id": f"t-{i:04d}", "source": ids[u], "target": ids[v], "kind": "knows",
             "trust": data.get("weight", 1) / largest}
            for i, (u, v, data) in enumerate(graph.edges(data=True))
        ],
    }
    path = os.path.join(workdir, "network.json")
    db = os.path.join(workdir, "network.db")
    with open(path, "w") as f:
        json.dump(document, f)
    subprocess.run([binary, "import", "--db", db, "--json", path], check=True, capture_output=True)
    out = subprocess.run([binary, "metrics", "--db", db, "--format", "json"], check=True, capture_output=True)
    rows = {row["id"]: row for row in json.loads(out.stdout)}
    summary = json.loads(subprocess.run([binary, "summary", "--db", db], check=True, capture_output=True).stdout)
    return {node: rows[ids[node]] for node in nodes}, largest, summary


def expected(graph, largest):
    strength = {n: sum(d.get("weight", 1) / largest for _, _, d in graph.edges(n, data=True)) for n in graph}
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c),))
    return {
        "degree": dict(graph.degree()),
        "strength": strength,
        "betweenness": nx.betweenness_centrality(graph),
        "closeness": nx.closeness_centrality(graph),
        "harmonic": nx.harmonic_centrality(graph),
        "pagerank": nx.pagerank(graph, alpha=0.85, weight=None, tol=1e-12, max_iter=1000),
        "eigenvector": nx.eigenvector_centrality(graph, max_iter=10000, tol=1e-12),
        "clustering": nx.clustering(graph),
        "constraint": nx.constraint(graph),
        "effective_size": nx.effective_size(graph),
        "core_number": nx.core_number(graph),
        "components": len(components),
    }


def main():
    binary = os.path.abspath(sys.argv[1])
    networks = {
        "karate club": nx.karate_club_graph(),
        "les miserables": nx.les_miserables_graph(),
        "florentine families": nx.florentine_families_graph(),
    }
    passed = failed = 0
    for name, graph in networks.items():
        with tempfile.TemporaryDirectory() as workdir:
            got, largest, summary = relaymap_metrics(binary, graph, workdir)
        want = expected(graph, largest)
        problems = []
        for metric, values in want.items():
            if metric == "components":
                labels = {row["component"] for row in got.values()}
                if len(labels) != values:
                    problems.append(f"components: {len(labels)} != {values}")
                continue
            tolerance = TOLERANCE.get(metric, 1e-6)
            for node, value in values.items():
                mine = got[node][metric]
                if isinstance(value, float) and math.isnan(value):
                    if mine is not None:
                        problems.append(f"{metric}[{node}]: relaymap {mine} != networkx nan")
                    continue
                if mine is None or abs(mine - value) > tolerance:
                    problems.append(f"{metric}[{node}]: relaymap {got[node][metric]} != networkx {value}")
        # Louvain depends on its random order: compare the quality of the partitions, not labels.
        ours = {}
        for node, row in got.items():
            ours.setdefault(row["community"], set()).add(node)
        q_ours = nx.community.modularity(graph, ours.values(), weight=None)
        q_networkx = nx.community.modularity(
            graph, nx.community.louvain_communities(graph, weight=None, seed=1), weight=None
        )
        whole = {
            "density": nx.density(graph),
            "components": nx.number_connected_components(graph),
            "average_clustering": nx.average_clustering(graph),
            "transitivity": nx.transitivity(graph),
            "degree_assortativity": nx.degree_assortativity_coefficient(graph),
            "modularity": q_ours,
        }
        for key, value in whole.items():
            if abs(summary[key] - value) > 1e-6:
                problems.append(f"summary {key}: relaymap {summary[key]} != networkx {value}")
        if q_ours < q_networkx - 0.02:
            problems.append(f"modularity of relaymap's communities {q_ours:.4f} < networkx's {q_networkx:.4f}")
        if problems:
            failed += 1
            print(f"FAIL {name}: {len(problems)} differences, first: {problems[:3]}")
        else:
            passed += 1
            print(f"ok   {name}: {graph.number_of_nodes()} actors, {len(want)} metrics match NetworkX {nx.__version__};"
                  f" summary matches; Louvain modularity {q_ours:.4f} (NetworkX {q_networkx:.4f})")
    print(f"metrics: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
