"""Checks a GeoPackage export against what `ogrinfo -ro -so -al` said of it, and against itself.

    python3 tests/gis/layers.py FILE OGRINFO_OUTPUT VARIANT

VARIANT is `plain`, `metrics` or `pseudonymised`. Prints `layer NAME COUNT` for each layer (for
tests/gis/check, which converts each to a Shapefile) and exits non-zero with the reasons when:
- the file is not a GeoPackage 1.3 (application_id, user_version, the three required spatial
  reference systems);
- ogrinfo's layers are not exactly actors, ties, outlines and metadata, of the geometry types
  relaymap writes, with the feature counts of the export's metadata (outlines: one per city, the
  demo city outlining every district; none when pseudonymised);
- a geometry is not valid (shapely), lies outside its layer's bounding box, or a tie has a line
  when its ends lack a location or share one (or none when they have two distinct ones);
- a pseudonymised file holds a name, channel, note, attribute or record time column.
"""

import re
import sqlite3
import struct
import sys

import shapely
import shapely.wkb

LAYERS = {"actors": "Point", "ties": "Line String", "outlines": "Multi Polygon", "metadata": "None"}
PERSONAL = {"name", "channels", "note", "attributes", "created_at", "updated_at", "consent_recorded_by"}


def ogrinfo_layers(text):
    """Layer name -> (geometry, feature count), as ogrinfo -so -al prints them."""
    layers = {}
    for block in re.split(r"^Layer name: ", text, flags=re.M)[1:]:
        name = block.split("\n", 1)[0].strip()
        geometry = re.search(r"^Geometry: (.*)$", block, flags=re.M)
        count = re.search(r"^Feature Count: (\d+)$", block, flags=re.M)
        layers[name] = (geometry.group(1) if geometry else "None", int(count.group(1)) if count else None)
    return layers


def geometry(blob):
    """The shapely geometry and the stored envelope (min x, max x, min y, max y) of a
    GeoPackage binary geometry."""
    assert blob[:3] == b"GP\x00", blob[:4]
    flags = blob[3]
    assert flags & 1, "little-endian"
    assert not flags & 0b10_0000, "standard GeoPackage binary"
    doubles = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}[(flags >> 1) & 0b111]
    (srs_id,) = struct.unpack("<i", blob[4:8])
    assert srs_id == 4326, srs_id
    envelope = struct.unpack(f"<{doubles}d", blob[8 : 8 + 8 * doubles])
    return shapely.wkb.loads(bytes(blob[8 + 8 * doubles :])), envelope[:4]


def main():
    path, info, variant = sys.argv[1:4]
    problems = []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (application_id,) = db.execute("PRAGMA application_id").fetchone()
    (user_version,) = db.execute("PRAGMA user_version").fetchone()
    if (application_id, user_version) != (0x47504B47, 10300):
        problems.append(f"application_id {application_id:#x}, user_version {user_version}")
    srs = {row[0] for row in db.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")}
    if not {4326, 0, -1} <= srs:
        problems.append(f"spatial reference systems {sorted(srs)}")

    metadata = dict(db.execute('SELECT "key", "value" FROM metadata'))
    if metadata.get("format") != "gpkg" or metadata.get("pseudonymized") != str(variant == "pseudonymised").lower():
        problems.append(f"metadata {metadata}")
    cities = db.execute("SELECT count(*) FROM actors WHERE kind = 'city'").fetchone()[0]
    expected = {
        "actors": int(metadata["actors"]),
        "ties": int(metadata["ties"]),
        "outlines": 0 if variant == "pseudonymised" else cities,
        "metadata": len(metadata),
    }
    if variant != "pseudonymised" and cities == 0:
        problems.append("the demo city has no districts")

    layers = ogrinfo_layers(open(info, encoding="utf-8").read())
    if set(layers) != set(LAYERS):
        problems.append(f"ogrinfo lists the layers {sorted(layers)}, not {sorted(LAYERS)}")
    for name, (kind, count) in layers.items():
        if LAYERS.get(name) != kind:
            problems.append(f"{name}: ogrinfo says {kind}, not {LAYERS.get(name)}")
        if expected.get(name) != count:
            problems.append(f"{name}: ogrinfo counts {count} features, the metadata {expected.get(name)}")

    # Every geometry valid and inside its layer's box; the ties without a line are exactly those
    # whose ends lack a location or share one.
    for table in ("actors", "ties", "outlines"):
        box = db.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (table,)
        ).fetchone()
        for (blob,) in db.execute(f"SELECT geom FROM {table} WHERE geom IS NOT NULL"):
            shape, envelope = geometry(blob)
            if not shape.is_valid:
                problems.append(f"{table}: invalid {shape.wkt[:80]}")
            (min_x, min_y, max_x, max_y) = shape.bounds
            if envelope and envelope != (min_x, max_x, min_y, max_y):
                problems.append(f"{table}: envelope {envelope} of {shape.wkt[:80]}")
            if not (box[0] <= min_x and box[1] <= min_y and max_x <= box[2] and max_y <= box[3]):
                problems.append(f"{table}: {shape.wkt[:80]} outside the layer's box {box}")
    at = {}
    for actor, blob in db.execute("SELECT id, geom FROM actors"):
        if blob is not None:
            point = geometry(blob)[0]
            at[actor] = (point.x, point.y)
    lines = 0
    for tie, source, target, blob in db.execute("SELECT id, source, target, geom FROM ties"):
        ends = (at.get(source), at.get(target))
        drawable = None not in ends and ends[0] != ends[1]
        if drawable != (blob is not None):
            problems.append(f"tie {tie}: ends {ends}, geometry {'none' if blob is None else 'a line'}")
        elif blob is not None:
            lines += 1
            if list(geometry(blob)[0].coords) != list(ends):
                problems.append(f"tie {tie}: not drawn from {ends[0]} to {ends[1]}")

    columns = {
        table: {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        for table in ("actors", "ties", "outlines")
    }
    if variant == "pseudonymised":
        for table in ("actors", "ties"):
            if columns[table] & PERSONAL:
                problems.append(f"pseudonymised {table} has {sorted(columns[table] & PERSONAL)}")
    if variant == "metrics":
        names = metadata.get("metrics_names", "").split(";")
        if not set(names) <= columns["actors"]:
            problems.append(f"metrics {names} are not all columns of actors")

    if problems:
        print("\n".join(problems[:40]))
        sys.exit(1)
    for name in LAYERS:
        print(f"layer {name} {expected[name]}")
    print(
        f"ok   {variant}: {expected['actors']} actors, {expected['ties']} ties ({lines} drawn), "
        f"{expected['outlines']} outlines, {expected['metadata']} metadata rows; geometries valid"
    )


if __name__ == "__main__":
    main()
