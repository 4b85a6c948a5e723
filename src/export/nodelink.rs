//! NetworkX's node-link JSON, as `node_link_data` writes a `MultiDiGraph` (edges under `edges`,
//! the tie id as each edge's `key`): `networkx.node_link_graph(data, edges="edges")` reads it.
//! Lists are `;`-joined text and the metadata is flat, as in GraphML, so that what NetworkX
//! reads it can write to GraphML.

use std::io::Write;

use serde_json::{Map, Value as Json};

use super::Prepared;

pub(super) fn write_nodelink(prepared: &Prepared, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    write!(out, "{{\"directed\":true,\"multigraph\":true,\"graph\":")?;
    // Flat, as GraphML holds it, so that NetworkX can write the graph on to GraphML.
    let metadata: Map<String, Json> = prepared
        .metadata_fields()
        .into_iter()
        .map(|(name, value)| (name, value.json()))
        .collect();
    serde_json::to_writer(&mut out, &metadata)?;
    write!(out, ",\"nodes\":[")?;
    let (actor_count, tie_count) = prepared.counts();
    for index in 0..actor_count {
        let (id, _, properties) = prepared.actor(index);
        let mut node = Map::new();
        node.insert("id".into(), id.into());
        for (name, value) in properties {
            node.insert(name.into(), value.json());
        }
        if index > 0 {
            write!(out, ",")?;
        }
        serde_json::to_writer(&mut out, &Json::Object(node))?;
    }
    write!(out, "],\"edges\":[")?;
    for index in 0..tie_count {
        let (id, source, target, properties) = prepared.tie(index);
        let mut edge = Map::new();
        edge.insert("source".into(), source.into());
        edge.insert("target".into(), target.into());
        edge.insert("key".into(), id.into());
        for (name, value) in properties {
            edge.insert(name.into(), value.json());
        }
        if index > 0 {
            write!(out, ",")?;
        }
        serde_json::to_writer(&mut out, &Json::Object(edge))?;
    }
    writeln!(out, "]}}")?;
    out.flush()
}
