//! GeoJSON (RFC 7946) for QGIS: one FeatureCollection of actors (Points at their location) and
//! ties (LineStrings between their ends' locations). Every geometry is valid (for shapely, GDAL
//! and QGIS): features without a known position, and ties whose ends share one (two people in
//! one grid cell), carry a null geometry, so the counts stay whole. Properties are the actor's
//! or tie's attributes plus `feature` (`actor` or `tie`), lists joined by `;` as in the other
//! flat formats (a list field stops `ogr2ogr` on its way to a Shapefile); the metadata block is
//! a foreign member `metadata`.

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Map, Value as Json, json};

use super::Prepared;

/// A property as GIS tools take it: lists joined by `;`, everything else as JSON.
fn flat(value: &super::Value) -> Json {
    match value {
        super::Value::List(_) => value.text().into(),
        _ => value.json(),
    }
}

pub(super) fn write_geojson(prepared: &Prepared, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    write!(out, "{{\"type\":\"FeatureCollection\",\"metadata\":")?;
    serde_json::to_writer(&mut out, prepared.metadata())?;
    write!(out, ",\"features\":[")?;
    let (actor_count, tie_count) = prepared.counts();
    let mut positions: HashMap<String, (f64, f64)> = HashMap::new();
    let mut first = true;
    let mut feature = |out: &mut std::io::BufWriter<_>,
                       id: &str,
                       geometry: Json,
                       properties|
     -> std::io::Result<()> {
        let separator = if first { "" } else { "," };
        first = false;
        write!(out, "{separator}")?;
        serde_json::to_writer(
            &mut *out,
            &json!({"type": "Feature", "id": id, "geometry": geometry, "properties": properties}),
        )?;
        Ok(())
    };
    for index in 0..actor_count {
        let (id, at, attributes) = prepared.actor(index);
        let mut properties = Map::new();
        properties.insert("feature".into(), "actor".into());
        properties.insert("id".into(), id.as_str().into());
        for (name, value) in attributes {
            properties.insert(name.into(), flat(&value));
        }
        let geometry = match at {
            Some((lat, lon)) => {
                positions.insert(id.clone(), (lat, lon));
                json!({"type": "Point", "coordinates": [lon, lat]})
            }
            None => Json::Null,
        };
        feature(&mut out, &id, geometry, properties)?;
    }
    for index in 0..tie_count {
        let (id, source, target, attributes) = prepared.tie(index);
        let mut properties = Map::new();
        properties.insert("feature".into(), "tie".into());
        properties.insert("id".into(), id.as_str().into());
        properties.insert("source".into(), source.as_str().into());
        properties.insert("target".into(), target.as_str().into());
        for (name, value) in attributes {
            properties.insert(name.into(), flat(&value));
        }
        let geometry = match super::tie_line(positions.get(&source), positions.get(&target)) {
            Some(((lat1, lon1), (lat2, lon2))) => {
                json!({"type": "LineString", "coordinates": [[lon1, lat1], [lon2, lat2]]})
            }
            None => Json::Null,
        };
        feature(&mut out, &id, geometry, properties)?;
    }
    writeln!(out, "]}}")?;
    out.flush()
}
