//! GeoPackage 1.3 (OGC 12-128) for QGIS and GDAL: one SQLite file that opens as layers in one
//! step. Three feature tables, each registered in `gpkg_contents` and `gpkg_geometry_columns`
//! with its bounding box, in WGS 84 (EPSG:4326; x is the longitude, y the latitude):
//!
//! - `actors`: a POINT at each actor's location, or a null geometry;
//! - `ties`: a LINESTRING between the ends' locations, or a null geometry when an end has none
//!   or both share one (the GeoJSON export's rule: a line needs two distinct points);
//! - `outlines`: each exported city's outline (MULTIPOLYGON); none when pseudonymised.
//!
//! and an attributes table `metadata` with the metadata block as `key`/`value` rows. Columns
//! are the attributes of the GeoJSON export, typed (TEXT, REAL, INTEGER, BOOLEAN; lists as
//! `;`-joined TEXT, which a Shapefile can hold too). Every layer is made even when it is empty,
//! so that every export has the same layers.
//!
//! SQLite writes a file, not a stream: the package is built in a temporary file that only this
//! user can read and that is removed whatever happens, then copied to the writer. This is the
//! one module besides the store that speaks SQL, since a GeoPackage is an SQLite database; it
//! never opens the store.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, Transaction, params, params_from_iter};

use super::{Prepared, Properties, Type, Value};

/// `PRAGMA application_id`: "GPKG" in ASCII.
const APPLICATION_ID: i32 = 0x4750_4B47;

/// `PRAGMA user_version`: GeoPackage 1.3.0. Nothing written here is new in 1.4, and GDAL
/// releases made before 1.4 (Debian 12's 3.6, QGIS 3.22's) warn about 1.4 files.
const USER_VERSION: i32 = 10_300;

/// The spatial reference system of every geometry: WGS 84, degrees of longitude and latitude.
const WGS84: i32 = 4326;

/// EPSG:4326 in OGC WKT, as GeoPackages define it.
const WGS84_DEFINITION: &str = concat!(
    r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,"#,
    r#"AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],"#,
    r#"PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],"#,
    r#"UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],"#,
    r#"AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#,
);

/// The tables every GeoPackage has (the specification's own definitions).
const CORE_TABLES: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
";

pub(super) fn write_gpkg(prepared: &Prepared, mut out: impl Write) -> std::io::Result<()> {
    let (scratch, mut file) = Scratch::create()?;
    build(prepared, &scratch.path).map_err(std::io::Error::other)?;
    // The open handle still reads the file once its name is gone: remove the name first, so
    // that a reader that stops early leaves nothing behind either.
    drop(scratch);
    std::io::copy(&mut file, &mut out)?;
    out.flush()
}

/// A temporary file for the package: a fresh random name in the temporary directory, created
/// (never reused) readable and writable by this user only, removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn create() -> std::io::Result<(Self, File)> {
        let name = format!("relaymap-export-{}.gpkg", uuid::Uuid::new_v4().simple());
        let path = std::env::temp_dir().join(name);
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path)?;
        Ok((Self { path }, file))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Writes the whole package into the empty SQLite file at `path`.
fn build(prepared: &Prepared, path: &Path) -> rusqlite::Result<()> {
    let mut db = Connection::open(path)?;
    db.pragma_update(None, "application_id", APPLICATION_ID)?;
    db.pragma_update(None, "user_version", USER_VERSION)?;
    // A scratch file: a failed export throws it away, so no journal and no syncing.
    db.pragma_update_and_check(None, "journal_mode", "OFF", |_| Ok(()))?;
    db.pragma_update(None, "synchronous", "OFF")?;
    let tx = db.transaction()?;
    tx.execute_batch(CORE_TABLES)?;
    for (name, id, organization, code, definition, description) in [
        (
            "WGS 84 geodetic",
            WGS84,
            "EPSG",
            WGS84,
            WGS84_DEFINITION,
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
        ),
        (
            "Undefined cartesian SRS",
            -1,
            "NONE",
            -1,
            "undefined",
            "undefined cartesian coordinate reference system",
        ),
        (
            "Undefined geographic SRS",
            0,
            "NONE",
            0,
            "undefined",
            "undefined geographic coordinate reference system",
        ),
    ] {
        tx.execute(
            "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, \
             organization_coordsys_id, definition, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![name, id, organization, code, definition, description],
        )?;
    }
    // The time the network was read, in the form the specification asks for.
    let snapshot = &prepared.metadata().snapshot_at;
    let last_change = crate::domain::parse_timestamp(snapshot)
        .map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_else(|_| snapshot.clone());
    write_actors_and_ties(&tx, prepared, &last_change)?;
    write_outlines(&tx, prepared, &last_change)?;
    write_metadata(&tx, prepared, &last_change)?;
    tx.commit()?;
    db.close().map_err(|(_, e)| e)
}

/// A feature table under construction: its rows go in with [`Layer::insert`], and
/// [`Layer::register`] enters it in `gpkg_contents` and `gpkg_geometry_columns` with the bounding
/// box of what went in.
struct Layer<'t> {
    tx: &'t Transaction<'t>,
    name: &'static str,
    geometry_type: &'static str,
    insert: String,
    envelope: Option<Envelope>,
}

impl<'t> Layer<'t> {
    /// Creates the table: `fid`, the geometry column `geom`, then `columns` (name, SQL type,
    /// and whether every row has a value).
    fn create(
        tx: &'t Transaction<'t>,
        name: &'static str,
        geometry_type: &'static str,
        columns: &[(&str, &str, bool)],
    ) -> rusqlite::Result<Self> {
        let declared: Vec<String> = columns
            .iter()
            .map(|(column, kind, required)| {
                let required = if *required { " NOT NULL" } else { "" };
                format!("\"{column}\" {kind}{required}")
            })
            .collect();
        tx.execute_batch(&format!(
            "CREATE TABLE \"{name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, \
             geom {geometry_type}{}{});",
            if declared.is_empty() { "" } else { ", " },
            declared.join(", ")
        ))?;
        let names: Vec<String> = columns.iter().map(|(c, _, _)| format!("\"{c}\"")).collect();
        let insert = format!(
            "INSERT INTO \"{name}\" (geom{}{}) VALUES ({})",
            if names.is_empty() { "" } else { ", " },
            names.join(", "),
            (1..=columns.len() + 1)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        Ok(Self {
            tx,
            name,
            geometry_type,
            insert,
            envelope: None,
        })
    }

    /// Adds a feature: its geometry (or none) and its column values, in the order of the
    /// columns.
    fn insert(&mut self, shape: Option<Shape>, values: Vec<Sql>) -> rusqlite::Result<()> {
        let geometry = match shape {
            Some(shape) => {
                let envelope = shape.envelope();
                self.envelope = Some(match self.envelope {
                    Some(all) => all.union(envelope),
                    None => envelope,
                });
                Sql::Blob(shape.geopackage_binary())
            }
            None => Sql::Null,
        };
        let mut statement = self.tx.prepare_cached(&self.insert)?;
        statement.execute(params_from_iter(std::iter::once(geometry).chain(values)))?;
        Ok(())
    }

    fn register(self, description: &str, last_change: &str) -> rusqlite::Result<()> {
        let [min_x, min_y, max_x, max_y] = match self.envelope {
            Some(e) => [e.min_x, e.min_y, e.max_x, e.max_y].map(Some),
            None => [None; 4],
        };
        self.tx.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, \
             last_change, min_x, min_y, max_x, max_y, srs_id) \
             VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                self.name,
                description,
                last_change,
                min_x,
                min_y,
                max_x,
                max_y,
                WGS84
            ],
        )?;
        self.tx.execute(
            "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, \
             srs_id, z, m) VALUES (?1, 'geom', ?2, ?3, 0, 0)",
            params![self.name, self.geometry_type, WGS84],
        )?;
        Ok(())
    }
}

/// The SQL type of an attribute (GeoPackage's names; lists are text).
fn sql_type(kind: Type) -> &'static str {
    match kind {
        Type::Text | Type::List => "TEXT",
        Type::Real => "REAL",
        Type::Count => "INTEGER",
        Type::Flag => "BOOLEAN",
    }
}

/// An attribute's value as SQLite stores it: lists joined by `;`, flags as 0 or 1.
fn sql_value(value: &Value) -> Sql {
    match value {
        Value::Text(s) => Sql::Text(s.clone()),
        Value::Real(x) => Sql::Real(*x),
        Value::Count(n) => Sql::Integer(i64::try_from(*n).unwrap_or(i64::MAX)),
        Value::Flag(b) => Sql::Integer(i64::from(*b)),
        Value::List(_) => Sql::Text(value.text()),
    }
}

/// The leading column values, then one value per schema column (null where the record has
/// none).
fn row(leading: Vec<String>, schema: &[(&str, Type)], properties: &Properties) -> Vec<Sql> {
    let mut values: Vec<Sql> = leading.into_iter().map(Sql::Text).collect();
    values.extend(schema.iter().map(|(name, _)| {
        properties
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Sql::Null, |(_, value)| sql_value(value))
    }));
    values
}

/// The column list of a layer: the leading text columns (always set), then the schema.
fn columns<'a>(leading: &[&'a str], schema: &[(&'a str, Type)]) -> Vec<(&'a str, &'a str, bool)> {
    leading
        .iter()
        .map(|&name| (name, "TEXT", true))
        .chain(
            schema
                .iter()
                .map(|&(name, kind)| (name, sql_type(kind), false)),
        )
        .collect()
}

fn write_actors_and_ties(
    tx: &Transaction,
    prepared: &Prepared,
    last_change: &str,
) -> rusqlite::Result<()> {
    let (actor_count, tie_count) = prepared.counts();
    let schema = prepared.schema(false);
    let mut actors = Layer::create(tx, "actors", "POINT", &columns(&["id"], &schema))?;
    let mut positions: HashMap<String, (f64, f64)> = HashMap::new();
    for index in 0..actor_count {
        let (id, at, properties) = prepared.actor(index);
        let shape = at.map(|(lat, lon)| Shape::Point { x: lon, y: lat });
        if let Some(at) = at {
            positions.insert(id.clone(), at);
        }
        actors.insert(shape, row(vec![id], &schema, &properties))?;
    }
    actors.register(
        "Migrants, organisations, responders and cities, at their locations",
        last_change,
    )?;
    let schema = prepared.schema(true);
    let leading = ["id", "source", "target"];
    let mut ties = Layer::create(tx, "ties", "LINESTRING", &columns(&leading, &schema))?;
    for index in 0..tie_count {
        let (id, source, target, properties) = prepared.tie(index);
        let shape = super::tie_line(positions.get(&source), positions.get(&target)).map(
            |((lat1, lon1), (lat2, lon2))| Shape::Line {
                from: (lon1, lat1),
                to: (lon2, lat2),
            },
        );
        ties.insert(shape, row(vec![id, source, target], &schema, &properties))?;
    }
    ties.register(
        "Ties between actors, as lines between their ends",
        last_change,
    )
}

fn write_outlines(
    tx: &Transaction,
    prepared: &Prepared,
    last_change: &str,
) -> rusqlite::Result<()> {
    let columns = [("city", "TEXT", true), ("name", "TEXT", false)];
    let mut outlines = Layer::create(tx, "outlines", "MULTIPOLYGON", &columns)?;
    for (city, name, area) in prepared.outlines() {
        let shape = Shape::MultiPolygon(area.polygons());
        outlines.insert(
            Some(shape),
            vec![Sql::Text(city), name.map_or(Sql::Null, Sql::Text)],
        )?;
    }
    outlines.register("The outlines of cities and districts", last_change)
}

fn write_metadata(
    tx: &Transaction,
    prepared: &Prepared,
    last_change: &str,
) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE metadata (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, \
         \"key\" TEXT NOT NULL UNIQUE, \"value\" TEXT);",
    )?;
    for (key, value) in prepared.metadata_fields() {
        tx.execute(
            "INSERT INTO metadata (\"key\", \"value\") VALUES (?1, ?2)",
            params![key, value.text()],
        )?;
    }
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) \
         VALUES ('metadata', 'attributes', 'metadata', ?1, ?2)",
        params![
            "The export's metadata: what, when, by what and how it was made",
            last_change
        ],
    )?;
    Ok(())
}

/// A bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Envelope {
    min_x: f64,
    max_x: f64,
    min_y: f64,
    max_y: f64,
}

impl Envelope {
    fn around(x: f64, y: f64) -> Self {
        Self {
            min_x: x,
            max_x: x,
            min_y: y,
            max_y: y,
        }
    }

    fn union(self, other: Self) -> Self {
        Self {
            min_x: self.min_x.min(other.min_x),
            max_x: self.max_x.max(other.max_x),
            min_y: self.min_y.min(other.min_y),
            max_y: self.max_y.max(other.max_y),
        }
    }
}

/// A geometry to write, x the longitude and y the latitude.
enum Shape<'a> {
    Point { x: f64, y: f64 },
    Line { from: (f64, f64), to: (f64, f64) },
    MultiPolygon(&'a geo::MultiPolygon<f64>),
}

/// The WKB geometry type codes (2D).
const WKB_POINT: u32 = 1;
const WKB_LINESTRING: u32 = 2;
const WKB_POLYGON: u32 = 3;
const WKB_MULTIPOLYGON: u32 = 6;

/// Little-endian WKB, as GeoPackages store it after their header.
struct Wkb(Vec<u8>);

impl Wkb {
    /// Starts a geometry: the byte order (1: little-endian) and the type.
    fn start(&mut self, kind: u32) {
        self.0.push(1);
        self.count(kind as usize);
    }

    fn count(&mut self, n: usize) {
        let n = u32::try_from(n).expect("a geometry has fewer than 2^32 parts");
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn point(&mut self, x: f64, y: f64) {
        self.0.extend_from_slice(&x.to_le_bytes());
        self.0.extend_from_slice(&y.to_le_bytes());
    }
}

impl Shape<'_> {
    fn envelope(&self) -> Envelope {
        match self {
            Shape::Point { x, y } => Envelope::around(*x, *y),
            Shape::Line { from, to } => {
                Envelope::around(from.0, from.1).union(Envelope::around(to.0, to.1))
            }
            Shape::MultiPolygon(shape) => shape
                .0
                .iter()
                .flat_map(|p| p.exterior().coords())
                .map(|c| Envelope::around(c.x, c.y))
                .reduce(Envelope::union)
                .expect("an outline has a point"),
        }
    }

    fn wkb(&self) -> Vec<u8> {
        let mut wkb = Wkb(Vec::new());
        match self {
            Shape::Point { x, y } => {
                wkb.start(WKB_POINT);
                wkb.point(*x, *y);
            }
            Shape::Line { from, to } => {
                wkb.start(WKB_LINESTRING);
                wkb.count(2);
                wkb.point(from.0, from.1);
                wkb.point(to.0, to.1);
            }
            Shape::MultiPolygon(shape) => {
                wkb.start(WKB_MULTIPOLYGON);
                wkb.count(shape.0.len());
                for polygon in &shape.0 {
                    wkb.start(WKB_POLYGON);
                    wkb.count(1 + polygon.interiors().len());
                    for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                        wkb.count(ring.0.len());
                        for c in &ring.0 {
                            wkb.point(c.x, c.y);
                        }
                    }
                }
            }
        }
        wkb.0
    }

    /// The GeoPackage binary form: "GP", version 0, flags (little-endian, an envelope of
    /// min x, max x, min y, max y; not empty; standard binary), the SRS id, the envelope, then
    /// the WKB.
    fn geopackage_binary(&self) -> Vec<u8> {
        const LITTLE_ENDIAN: u8 = 0b0000_0001;
        const ENVELOPE_XY: u8 = 0b0000_0010;
        let wkb = self.wkb();
        let envelope = self.envelope();
        let mut blob = Vec::with_capacity(8 + 32 + wkb.len());
        blob.extend_from_slice(b"GP");
        blob.push(0);
        blob.push(LITTLE_ENDIAN | ENVELOPE_XY);
        blob.extend_from_slice(&WGS84.to_le_bytes());
        for bound in [
            envelope.min_x,
            envelope.max_x,
            envelope.min_y,
            envelope.max_y,
        ] {
            blob.extend_from_slice(&bound.to_le_bytes());
        }
        blob.extend_from_slice(&wkb);
        blob
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_the_header_the_envelope_and_little_endian_wkb() {
        let blob = Shape::Point { x: 8.5, y: 44.25 }.geopackage_binary();

        assert_eq!(&blob[..4], b"GP\x00\x03");
        assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
        let doubles: Vec<f64> = blob[8..40]
            .chunks(8)
            .map(|b| f64::from_le_bytes(b.try_into().unwrap()))
            .collect();
        assert_eq!(doubles, [8.5, 8.5, 44.25, 44.25]);
        assert_eq!(&blob[40..45], &[1, 1, 0, 0, 0]);
        assert_eq!(f64::from_le_bytes(blob[45..53].try_into().unwrap()), 8.5);
        assert_eq!(f64::from_le_bytes(blob[53..61].try_into().unwrap()), 44.25);
        assert_eq!(blob.len(), 61);
    }

    #[test]
    fn a_multipolygon_holds_each_polygon_with_its_rings() {
        let ring = vec![
            (8.0, 44.0),
            (8.1, 44.0),
            (8.1, 44.1),
            (8.0, 44.1),
            (8.0, 44.0),
        ];
        let square = geo::Polygon::new(geo::LineString::from(ring), Vec::new());
        let shape = geo::MultiPolygon(vec![square]);

        let wkb = Shape::MultiPolygon(&shape).wkb();
        let envelope = Shape::MultiPolygon(&shape).envelope();

        // Multipolygon (1 + 4 + 4), polygon (1 + 4 + 4), ring (4 + 5 points of 16 bytes).
        assert_eq!(wkb.len(), 9 + 9 + 4 + 5 * 16);
        assert_eq!(&wkb[..9], &[1, 6, 0, 0, 0, 1, 0, 0, 0]);
        assert_eq!(&wkb[9..22], &[1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]);
        assert_eq!(
            envelope,
            Envelope {
                min_x: 8.0,
                max_x: 8.1,
                min_y: 44.0,
                max_y: 44.1
            }
        );
    }
}
