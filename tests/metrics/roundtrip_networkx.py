"""Reads relaymap's exports back with NetworkX (the CSV zip back with relaymap, the GeoPackage's
tables with sqlite3) and checks that every format carries the same nodes, edges and typed
attributes as the JSON document, that metrics attached with --with-metrics equal `relaymap
metrics`, that pseudonymised exports keep their promises, and that relaymap imports its own
graph files, and the same files as NetworkX writes them, back to the network exported.

Run by tests/run inside the virtual environment with the pinned NetworkX:
    python tests/metrics/roundtrip_networkx.py target/debug/relaymap
"""

import datetime
import hashlib
import hmac
import io
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import networkx as nx
import shapely.geometry

# Records with characters that XML, CSV and JSON each escape differently.
TRICKY = {
    "actors": [
        {"id": "o-tricky", "kind": "organisation", "name": "Café <Ünïon> & \"Friends\" 'of' ☂",
         "languages": ["fra", "ara"], "location": {"lat": 44.1, "lon": 8.2}, "channels": ["email"],
         "attributes": {"founded": 1999, "tags": ["a;b", "x<y"]}},
        {"id": "m-tricky", "kind": "migrant", "name": "Zaid, \"Z\" al-Amin", "languages": ["ara"],
         "consent": True},
        {"id": "m-hidden", "kind": "migrant", "name": "Hidden Person", "languages": ["tir"],
         "location": {"lat": 44.1234567, "lon": 8.2345678}, "consent": False},
    ],
    "ties": [
        {"id": "t-tricky", "source": "m-tricky", "target": "o-tricky", "kind": "member_of",
         "trust": 0.35, "channels": ["whatsapp", "phone"], "last_verified": "2026-10-01",
         "note": "met at <the> market;\nsays \"hi\" & leaves"},
        {"id": "t-hidden", "source": "m-hidden", "target": "m-tricky", "kind": "knows", "trust": 0.9},
    ],
}

ACTOR_LISTS = ("languages", "channels")
METRICS = "degree,strength,betweenness,pagerank,core_number,component,community,constraint,bonding,linking"


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True).stdout


def expected(document, lists_as_text):
    """Node and edge attributes as every export should carry them, from the JSON document."""
    def value(name, raw):
        return ";".join(raw) if lists_as_text and name in ACTOR_LISTS else raw

    nodes = {}
    for actor in document["actors"]:
        attrs = {"kind": actor["kind"], "name": actor["name"], "consent": actor["consent"],
                 "created_at": actor["created_at"], "updated_at": actor["updated_at"]}
        for name in ACTOR_LISTS:
            if actor.get(name):
                attrs[name] = value(name, actor[name])
        if actor.get("location"):
            attrs["lat"], attrs["lon"] = actor["location"]["lat"], actor["location"]["lon"]
        if actor.get("city"):
            attrs["city"] = actor["city"]
        if actor.get("attributes"):
            attrs["attributes"] = actor["attributes"]
        record = actor.get("consent_record")
        if record:
            attrs["consent_purposes"] = ";".join(record["purposes"]) if lists_as_text else record["purposes"]
            for field in ("recorded_on", "recorded_by", "expires"):
                if record.get(field):
                    attrs["consent_" + field] = record[field]
        nodes[actor["id"]] = attrs
    edges = {}
    for tie in document["ties"]:
        attrs = {"kind": tie["kind"], "trust": tie["trust"], "created_at": tie["created_at"],
                 "updated_at": tie["updated_at"]}
        for name in ("last_verified", "note"):
            if tie.get(name):
                attrs[name] = tie[name]
        if tie.get("channels"):
            attrs["channels"] = value("channels", tie["channels"])
        edges[tie["id"]] = (tie["source"], tie["target"], attrs)
    return nodes, edges


def read_back(graph, gexf=False, weighted=False):
    """Nodes and edges of a NetworkX multigraph, keyed by relaymap id."""
    nodes = {}
    for node, data in graph.nodes(data=True):
        data = dict(data)
        if gexf:
            label = data.pop("label")
            assert label == data.get("name", node), f"GEXF label of {node} is {label!r}"
        if "attributes" in data:
            data["attributes"] = json.loads(data["attributes"])
        nodes[node] = data
    edges = {}
    # GEXF comes back as a simple graph when it has no parallel edges: the key is then the id.
    triples = graph.edges(keys=True, data=True) if graph.is_multigraph() else \
        ((s, t, d.get("id"), d) for s, t, d in graph.edges(data=True))
    for source, target, key, data in triples:
        data = dict(data)
        if gexf:
            assert data.pop("id") == key
        # GEXF and GraphML carry the trust as the edge weight too (Gephi and igraph read it).
        if gexf or weighted:
            assert math.isclose(data.pop("weight"), data["trust"]), "the weight is the trust"
        edges[key] = (source, target, data)
    return nodes, edges


def read_gpkg(path):
    """The actors and ties layers of a GeoPackage as a NetworkX multigraph, each value typed as
    its column is declared (SQLite keeps a BOOLEAN as 0 or 1)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def rows(table):
        declared = {column[1]: column[2] for column in db.execute(f"PRAGMA table_info({table})")}
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield {name: bool(value) if declared[name] == "BOOLEAN" else value
                   for name, value in zip(names, row) if value is not None and name not in ("fid", "geom")}
    graph = nx.MultiDiGraph()
    for data in rows("actors"):
        graph.add_node(data.pop("id"), **data)
    for data in rows("ties"):
        graph.add_edge(data.pop("source"), data.pop("target"), key=data.pop("id"), **data)
    layers = {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")}
    assert layers == {"actors", "ties", "outlines", "metadata"}, layers
    return graph


def same(label, got, want, metric_rows=None):
    (got_nodes, got_edges), (want_nodes, want_edges) = got, want
    assert set(got_nodes) == set(want_nodes), f"{label}: nodes differ"
    assert set(got_edges) == set(want_edges), f"{label}: edges differ"
    for node, attrs in want_nodes.items():
        attrs = dict(attrs)
        if metric_rows is not None and node in metric_rows:
            attrs.update({k: v for k, v in metric_rows[node].items() if k not in ("id", "kind") and v is not None})
        got = got_nodes[node]
        assert set(got) == set(attrs), f"{label}: {node} has {sorted(got)}, expected {sorted(attrs)}"
        for name, want_value in attrs.items():
            value = got[name]
            assert type(value) is type(want_value) or isinstance(want_value, float), \
                f"{label}: {node}.{name} is {type(value).__name__}, expected {type(want_value).__name__}"
            if isinstance(want_value, float):
                assert math.isclose(value, want_value, rel_tol=1e-12, abs_tol=1e-15), f"{label}: {node}.{name}"
            else:
                assert value == want_value, f"{label}: {node}.{name} is {value!r}, expected {want_value!r}"
    for tie, (source, target, attrs) in want_edges.items():
        assert got_edges[tie][:2] == (source, target), f"{label}: {tie} joins other actors"
        assert got_edges[tie][2] == attrs, f"{label}: {tie} has {got_edges[tie][2]}, expected {attrs}"


def grid_centre(lat, lon, metres=1000.0):
    """The documented grid of graph-schema/README.md, written out again independently."""
    step = metres / 111_320.0
    row = math.floor((lat + 90.0) / step)
    centre_lat = min(max(-90.0 + (row + 0.5) * step, -90.0), 90.0)
    lon_step = min(step / max(math.cos(math.radians(centre_lat)), 1e-6), 360.0)
    column = math.floor((lon + 180.0) / lon_step)
    return centre_lat, min(max(-180.0 + (column + 0.5) * lon_step, -180.0), 180.0)


def check_pseudonymised(binary, db, document, workdir):
    path = os.path.join(workdir, "p.graphml")
    run(binary, "export", "--db", db, "--format", "graphml", "--pseudonymize", "--out", path)
    key = sqlite3.connect(db).execute("SELECT value FROM secrets WHERE name = 'pseudonym-key'").fetchone()
    assert key is not None, "the pseudonym key is a store secret made on first use"

    def pseudonym(prefix, domain, raw):
        message = domain.encode() + b"\0" + raw.encode()
        return prefix + hmac.new(bytes(key[0]), message, hashlib.sha256).hexdigest()[:20]
    graph = nx.read_graphml(path, force_multigraph=True)
    # No export holds migrants whose consent does not cover research today (none given, other
    # purposes only, or expired), not even the plain document: the store says who.
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()

    def covers_research(record):
        if record is None:
            return False
        record = json.loads(record)
        return "research" in record["purposes"] and (record.get("expires") is None or record["expires"] > today)
    left_out = {row[0] for row in sqlite3.connect(db).execute(
        "SELECT id, consent_record FROM actors WHERE kind = 'migrant'") if not covers_research(row[1])}
    assert "m-hidden" in left_out
    assert not left_out & {a["id"] for a in document["actors"]}, "the plain export leaves them out too"
    consenting = document["actors"]
    assert graph.number_of_nodes() == len(consenting)
    by_pseudonym = {pseudonym("a-", "actor", a["id"]): a for a in consenting}
    assert set(graph.nodes()) == set(by_pseudonym), "ids are HMAC-SHA-256 pseudonyms of the ids"
    for node, data in graph.nodes(data=True):
        actor = by_pseudonym[node]
        assert not {"name", "channels", "attributes", "created_at", "updated_at", "consent_recorded_by"} & set(data), data
        if actor.get("location"):
            want = grid_centre(actor["location"]["lat"], actor["location"]["lon"])
            assert math.isclose(data["lat"], want[0], abs_tol=1e-9) and math.isclose(data["lon"], want[1], abs_tol=1e-9)
        if actor.get("city"):
            assert data["city"] == pseudonym("a-", "actor", actor["city"])
    kept_ties = [t for t in document["ties"] if t["source"] not in left_out and t["target"] not in left_out]
    assert graph.number_of_edges() == len(kept_ties)
    for source, target, key_, data in graph.edges(keys=True, data=True):
        assert not {"note", "channels", "created_at", "updated_at"} & set(data), data
    text = open(path, encoding="utf-8").read()
    for actor in document["actors"]:
        assert actor["name"].replace("&", "&amp;").replace("<", "&lt;") not in text
        assert actor["id"] not in text, f"{actor['id']} appears in the pseudonymised export"
    assert "Hidden" not in text and "whatsapp" not in text and "market" not in text
    meta = graph.graph
    assert meta["pseudonymized"] is True and meta["location_grid_m"] == 1000
    assert meta["migrants_left_out"] == len(left_out) and meta["generator"].startswith("relaymap ")
    assert "snapshot_at" in meta
    # Two exports from one deployment link up.
    again = os.path.join(workdir, "p2.nodelink.json")
    run(binary, "export", "--db", db, "--format", "nodelink", "--pseudonymize", "--out", again)
    assert {n["id"] for n in json.load(open(again))["nodes"]} == set(graph.nodes())


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        db = os.path.join(workdir, "city.db")
        run(binary, "demo", "--db", db, "--migrants", "150")
        tricky = os.path.join(workdir, "tricky.json")
        json.dump(TRICKY, open(tricky, "w"))
        run(binary, "import", "--db", db, "--json", tricky)
        document = json.loads(run(binary, "export", "--db", db))
        # Exports leave out migrants without consent, and their metrics describe the network
        # exported: the reference is `relaymap metrics` on that network, imported afresh.
        exported_db = os.path.join(workdir, "exported.db")
        exported_json = os.path.join(workdir, "exported.json")
        json.dump(document, open(exported_json, "w"))
        run(binary, "import", "--db", exported_db, "--json", exported_json)
        metric_rows = {r["id"]: r for r in json.loads(run(binary, "metrics", "--db", exported_db, "--format", "json", "--only", METRICS))}
        checks = []

        def export(fmt, *extra):
            path = os.path.join(workdir, f"network.{fmt}")
            run(binary, "export", "--db", db, "--format", fmt, "--out", path, *extra)
            return path

        def graphml():
            want = expected(document, lists_as_text=True)
            same("graphml", read_back(nx.read_graphml(export("graphml"), force_multigraph=True), weighted=True), want)
            same("graphml --with-metrics", read_back(nx.read_graphml(
                export("graphml", "--with-metrics", "--only", METRICS), force_multigraph=True), weighted=True), want, metric_rows)
        checks.append(("GraphML", graphml))

        def gexf():
            want = expected(document, lists_as_text=True)
            same("gexf", read_back(nx.read_gexf(export("gexf")), gexf=True), want)
            same("gexf --with-metrics", read_back(nx.read_gexf(
                export("gexf", "--with-metrics", "--only", METRICS)), gexf=True), want, metric_rows)
        checks.append(("GEXF", gexf))

        def nodelink():
            data = json.load(open(export("nodelink", "--with-metrics", "--only", METRICS)))
            graph = nx.node_link_graph(data, edges="edges")
            assert graph.is_directed() and graph.is_multigraph()
            same("nodelink", read_back(graph), expected(document, lists_as_text=True), metric_rows)
            # What NetworkX reads it can write on to GraphML (no lists, no nested metadata).
            nx.write_graphml(graph, os.path.join(workdir, "from-nodelink.graphml"))
        checks.append(("node-link", nodelink))

        def imported_back(label, path, strip_times=False):
            """`relaymap import --graph PATH` into an empty store gives the exported network."""
            copy = os.path.join(workdir, f"back-{label}.db")
            run(binary, "import", "--db", copy, "--graph", path)
            back = json.loads(run(binary, "export", "--db", copy))
            want = document
            if strip_times:
                drop = ("created_at", "updated_at", "attributes")
                strip = lambda records: [{k: v for k, v in r.items() if k not in drop} for r in records]
                back = {"actors": strip(back["actors"]), "ties": strip(back["ties"])}
                want = {"actors": strip(document["actors"]), "ties": strip(document["ties"])}
            assert back == want, f"{label}: the network imported back differs"

        def imports():
            # relaymap's own files, with metrics (left out on import) and without.
            for fmt in ("graphml", "gexf", "nodelink"):
                imported_back(fmt, export(fmt))
                imported_back(fmt + " --with-metrics", export(fmt, "--with-metrics", "--only", METRICS))
            imported_back("csv zip --with-metrics", export("csv", "--with-metrics", "--only", METRICS), strip_times=True)
            # The same networks as NetworkX writes them.
            graph = nx.read_graphml(export("graphml"), force_multigraph=True)
            path = os.path.join(workdir, "nx.graphml")
            nx.write_graphml(graph, path)
            imported_back("GraphML written by NetworkX", path)
            graph = nx.read_gexf(export("gexf"))
            path = os.path.join(workdir, "nx.gexf")
            nx.write_gexf(graph, path)
            imported_back("GEXF written by NetworkX", path)
            graph = nx.node_link_graph(json.load(open(export("nodelink"))), edges="edges")
            path = os.path.join(workdir, "nx.nodelink.json")
            json.dump(nx.node_link_data(graph, edges="links"), open(path, "w"))
            imported_back("node-link written by NetworkX", path)
            nx.write_graphml(graph, os.path.join(workdir, "nx-from-nodelink.graphml"))
            imported_back("GraphML that NetworkX wrote from node-link", os.path.join(workdir, "nx-from-nodelink.graphml"))
        checks.append(("imported back", imports))

        def geojson():
            data = json.load(open(export("geojson")))
            assert data["type"] == "FeatureCollection" and data["metadata"]["format"] == "geojson"
            actors = {f["id"]: f for f in data["features"] if f["properties"]["feature"] == "actor"}
            ties = {f["id"]: f for f in data["features"] if f["properties"]["feature"] == "tie"}
            assert set(actors) == {a["id"] for a in document["actors"]}
            assert set(ties) == {t["id"] for t in document["ties"]}
            for actor in document["actors"]:
                feature = actors[actor["id"]]
                if actor.get("location"):
                    assert feature["geometry"] == {"type": "Point", "coordinates": [actor["location"]["lon"], actor["location"]["lat"]]}
                else:
                    assert feature["geometry"] is None
                assert feature["properties"]["name"] == actor["name"]
                if actor.get("languages"):
                    assert feature["properties"]["languages"] == ";".join(actor["languages"])
            located = {a["id"]: a["location"] for a in document["actors"] if a.get("location")}
            for tie in document["ties"]:
                geometry = ties[tie["id"]]["geometry"]
                ends = [located.get(tie["source"]), located.get(tie["target"])]
                if None not in ends and ends[0] != ends[1]:
                    assert geometry["coordinates"] == [[e["lon"], e["lat"]] for e in ends]
                else:
                    assert geometry is None
            # Every geometry is valid as GIS tools judge it, pseudonymised (ends on a 1 km grid
            # often share a cell) or not.
            for extra in ((), ("--pseudonymize",)):
                for feature in json.load(open(export("geojson", *extra)))["features"]:
                    if feature["geometry"] is not None:
                        assert shapely.geometry.shape(feature["geometry"]).is_valid, feature
        checks.append(("GeoJSON", geojson))

        def gpkg():
            graph = read_gpkg(export("gpkg", "--with-metrics", "--only", METRICS))
            same("gpkg --with-metrics", read_back(graph), expected(document, lists_as_text=True), metric_rows)
        checks.append(("GeoPackage", gpkg))

        def csv_zip():
            with zipfile.ZipFile(export("csv")) as archive:
                assert sorted(archive.namelist()) == ["actors.csv", "metadata.json", "ties.csv"]
                json.loads(archive.read("metadata.json"))
                for name in ("actors.csv", "ties.csv"):
                    with open(os.path.join(workdir, name), "wb") as f:
                        f.write(archive.read(name))
            copy = os.path.join(workdir, "copy.db")
            run(binary, "import", "--db", copy, "--actors", os.path.join(workdir, "actors.csv"),
                "--ties", os.path.join(workdir, "ties.csv"))
            back = json.loads(run(binary, "export", "--db", copy))
            strip = lambda records, drop: [{k: v for k, v in r.items() if k not in drop} for r in records]
            times = ("created_at", "updated_at")
            assert strip(back["actors"], times + ("attributes",)) == strip(document["actors"], times + ("attributes",)), \
                "the actors table imports back as it was (attributes are not CSV columns)"
            assert strip(back["ties"], times) == strip(document["ties"], times), "the ties table imports back"
        checks.append(("CSV zip", csv_zip))

        checks.append(("pseudonymised", lambda: check_pseudonymised(binary, db, document, workdir)))

        for label, check in checks:
            try:
                check()
                print(f"ok   {label}: {len(document['actors'])} actors, {len(document['ties'])} ties read back whole")
            except AssertionError as error:
                failures += 1
                print(f"FAIL {label}: {error}")
    print(f"exports: {len(checks) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
