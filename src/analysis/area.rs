//! The affected area of a crisis scenario: a GeoJSON Polygon or MultiPolygon, given as a
//! Geometry, a Feature or a FeatureCollection. Points on the boundary count as inside.

use geo::{BoundingRect, Intersects};
use geojson::{GeoJson, GeometryValue};

use super::AnalysisError;

/// An area, with its bounding box for a cheap first test.
#[derive(Debug, Clone)]
pub struct Area {
    shape: geo::MultiPolygon<f64>,
    bounds: geo::Rect<f64>,
}

fn invalid(message: impl Into<String>) -> AnalysisError {
    AnalysisError::invalid("area", message)
}

/// Turns a GeoJSON ring into a geo ring, refusing open, short or off-globe rings.
fn ring(positions: &[geojson::Position]) -> Result<geo::LineString<f64>, AnalysisError> {
    if positions.len() < 4 {
        return Err(invalid("a polygon ring needs at least four positions"));
    }
    if positions.first() != positions.last() {
        return Err(invalid(
            "a polygon ring must be closed: its last position must repeat its first",
        ));
    }
    positions
        .iter()
        .map(|position| match position.as_slice() {
            [lon, lat, ..] if (-180.0..=180.0).contains(lon) && (-90.0..=90.0).contains(lat) => {
                Ok(geo::coord! { x: *lon, y: *lat })
            }
            [_, _, ..] => Err(invalid(
                "positions must be longitude, latitude in WGS-84 degrees",
            )),
            _ => Err(invalid("a position needs a longitude and a latitude")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(geo::LineString::new)
}

fn polygon(rings: &[Vec<geojson::Position>]) -> Result<geo::Polygon<f64>, AnalysisError> {
    let (exterior, interiors) = rings
        .split_first()
        .ok_or_else(|| invalid("a polygon needs at least one ring"))?;
    let interiors = interiors
        .iter()
        .map(|r| ring(r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(geo::Polygon::new(ring(exterior)?, interiors))
}

fn polygons(value: &GeometryValue, out: &mut Vec<geo::Polygon<f64>>) -> Result<(), AnalysisError> {
    match value {
        GeometryValue::Polygon { coordinates } => out.push(polygon(coordinates)?),
        GeometryValue::MultiPolygon { coordinates } => {
            for rings in coordinates {
                out.push(polygon(rings)?);
            }
        }
        other => {
            return Err(invalid(format!(
                "expected a Polygon or MultiPolygon, got a {}",
                other.type_name()
            )));
        }
    }
    Ok(())
}

impl Area {
    /// Parses an area from GeoJSON (Geometry, Feature or FeatureCollection of polygons).
    ///
    /// # Complexity
    /// O(points) to read; `contains` is O(points) per call.
    ///
    /// # Example
    /// ```
    /// # use std::sync::atomic::AtomicBool;
    /// # use relaymap::analysis::*;
    /// # use relaymap::document::read_json;
    /// # use relaymap::domain::WriteMode;
    /// // r-1 ── o-1 ── m-1     m-2 (alone)
    /// # let document = r#"{"actors": [
    /// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
    /// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
    /// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
    /// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
    /// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
    /// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
    /// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
    /// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
    /// # let graph = RelayGraph::build(&network, 1);
    /// # let never = AtomicBool::new(false);
    /// let square = serde_json::json!({"type": "Polygon",
    ///     "coordinates": [[[8.0, 44.0], [8.1, 44.0], [8.1, 44.1], [8.0, 44.1], [8.0, 44.0]]]});
    /// let area = Area::from_geojson(square).unwrap();
    /// assert!(area.contains(8.05, 44.05));
    /// assert!(area.contains(8.0, 44.05), "the boundary counts as inside");
    /// assert!(!area.contains(8.2, 44.05));
    /// ```
    pub fn from_geojson(value: serde_json::Value) -> Result<Self, AnalysisError> {
        let geojson: GeoJson =
            serde_json::from_value(value).map_err(|e| invalid(format!("not GeoJSON: {e}")))?;
        let mut shapes = Vec::new();
        match geojson {
            GeoJson::Geometry(geometry) => polygons(&geometry.value, &mut shapes)?,
            GeoJson::Feature(feature) => {
                let geometry = feature
                    .geometry
                    .ok_or_else(|| invalid("the feature has no geometry"))?;
                polygons(&geometry.value, &mut shapes)?;
            }
            GeoJson::FeatureCollection(collection) => {
                for feature in collection.features {
                    let geometry = feature
                        .geometry
                        .ok_or_else(|| invalid("a feature has no geometry"))?;
                    polygons(&geometry.value, &mut shapes)?;
                }
            }
        }
        let shape = geo::MultiPolygon(shapes);
        let bounds = shape
            .bounding_rect()
            .ok_or_else(|| invalid("the area is empty"))?;
        Ok(Self { shape, bounds })
    }

    /// The area as one GeoJSON MultiPolygon geometry, whatever form it was given in.
    pub fn to_geojson(&self) -> serde_json::Value {
        let ring = |r: &geo::LineString<f64>| r.coords().map(|c| [c.x, c.y]).collect::<Vec<_>>();
        let polygons: Vec<Vec<Vec<[f64; 2]>>> = self
            .shape
            .0
            .iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(ring)
                    .collect()
            })
            .collect();
        serde_json::json!({"type": "MultiPolygon", "coordinates": polygons})
    }

    /// The area's polygons, longitude as x and latitude as y.
    pub fn polygons(&self) -> &geo::MultiPolygon<f64> {
        &self.shape
    }

    /// Whether a point (longitude, latitude) is inside or on the boundary.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let (min, max) = (self.bounds.min(), self.bounds.max());
        if lon < min.x || lon > max.x || lat < min.y || lat > max.y {
            return false;
        }
        self.shape.intersects(&geo::Point::new(lon, lat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square() -> serde_json::Value {
        json!({"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]})
    }

    #[test]
    fn points_on_the_boundary_are_inside() {
        let area = Area::from_geojson(square()).unwrap();
        assert!(area.contains(0.5, 0.5));
        assert!(area.contains(1.0, 0.5), "edge");
        assert!(area.contains(0.0, 0.0), "corner");
        assert!(!area.contains(1.0001, 0.5));
    }

    #[test]
    fn features_and_collections_are_accepted() {
        let feature = json!({"type": "Feature", "properties": {}, "geometry": square()});
        let collection = json!({"type": "FeatureCollection", "features": [feature.clone()]});
        assert!(Area::from_geojson(feature).unwrap().contains(0.5, 0.5));
        assert!(Area::from_geojson(collection).unwrap().contains(0.5, 0.5));
    }

    #[test]
    fn an_area_written_back_as_geojson_reads_as_the_same_area() {
        let feature = json!({"type": "Feature", "properties": {}, "geometry": square()});
        let written = Area::from_geojson(feature).unwrap().to_geojson();
        assert_eq!(written["type"], "MultiPolygon");
        assert_eq!(written["coordinates"][0][0].as_array().unwrap().len(), 5);
        let again = Area::from_geojson(written).unwrap();
        assert!(again.contains(0.5, 0.5) && !again.contains(1.5, 0.5));
    }

    #[test]
    fn open_rings_and_other_geometries_are_refused() {
        let open = json!({"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]]});
        let point = json!({"type": "Point", "coordinates": [0.0, 0.0]});
        assert!(
            Area::from_geojson(open)
                .unwrap_err()
                .to_string()
                .contains("closed")
        );
        assert!(
            Area::from_geojson(point)
                .unwrap_err()
                .to_string()
                .contains("Polygon")
        );
    }
}
