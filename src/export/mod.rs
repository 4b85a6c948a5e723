//! Exports of the network for research and mapping tools: the import document (JSON), a zip of
//! CSV tables, GraphML and GEXF (Gephi, NetworkX, igraph, R), NetworkX's node-link JSON, GeoJSON
//! and GeoPackage (QGIS, GDAL). Optionally pseudonymised, optionally with per-actor metrics as
//! node attributes.
//!
//! Every format is written from one [`Prepared`] view, so they all carry the same actors, ties
//! and attributes; the formats differ only in how they spell them.

mod geojson;
mod gpkg;
mod nodelink;
mod pseudonym;
mod scenario;
mod tables;
mod xml;

use std::collections::HashSet;
use std::io::Write;

use serde::Serialize;

use crate::analysis::{Area, Column, MetricsOptions, MetricsTable};
use crate::document::{ActorRecord, TieRecord, write_records};
use crate::domain::{
    ActorId, ActorKind, Date, Location, Network, Purpose, Timestamp, format_timestamp,
};

pub use pseudonym::Pseudonymizer;
pub use scenario::{TargetRow, write_targets_csv};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The import document: importing it into an empty store gives the same network.
    Json,
    /// A zip of `actors.csv`, `ties.csv` (the importer's columns) and `metadata.json`.
    Csv,
    /// GraphML with typed attributes (Gephi, NetworkX, igraph, R).
    Graphml,
    /// GEXF 1.3 with typed attributes (Gephi, NetworkX).
    Gexf,
    /// A FeatureCollection of actors (Points) and ties (LineStrings), for QGIS.
    Geojson,
    /// NetworkX's `node_link_data` (edges under `edges`).
    Nodelink,
    /// A GeoPackage of actors, ties and city outlines as layers, for QGIS and GDAL.
    Gpkg,
}

impl ExportFormat {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Geojson,
        ExportFormat::Nodelink,
        ExportFormat::Gpkg,
    ];

    /// The format's name in `--format` and `?format=`.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Nodelink => "nodelink",
            ExportFormat::Gpkg => "gpkg",
        }
    }

    /// A format by name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == raw)
    }

    /// The file name an export is saved under.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Json => "relaymap-network.json",
            ExportFormat::Csv => "relaymap-network.zip",
            ExportFormat::Graphml => "relaymap-network.graphml",
            ExportFormat::Gexf => "relaymap-network.gexf",
            ExportFormat::Geojson => "relaymap-network.geojson",
            ExportFormat::Nodelink => "relaymap-network.nodelink.json",
            ExportFormat::Gpkg => "relaymap-network.gpkg",
        }
    }

    /// The media type of an export.
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::Nodelink => "application/json",
            ExportFormat::Csv => "application/zip",
            ExportFormat::Graphml => "application/graphml+xml",
            ExportFormat::Gexf => "application/gexf+xml",
            ExportFormat::Geojson => "application/geo+json",
            ExportFormat::Gpkg => "application/geopackage+sqlite3",
        }
    }
}

impl utoipa::PartialSchema for ExportFormat {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::domain::enum_schema(Self::ALL.iter().map(|f| f.name()))
    }
}

impl utoipa::ToSchema for ExportFormat {}

/// Why an export cannot be made as asked.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExportError {
    /// The JSON document is the import format: it has no place for metrics.
    #[error(
        "the json document carries no metrics: use --with-metrics with csv, graphml, gexf, geojson, nodelink or gpkg, or relaymap metrics"
    )]
    MetricsInJson,
}

/// What an export holds besides the network.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Pseudonymise with this deployment's key.
    pub pseudonymize: Option<Pseudonymizer>,
    /// Per-actor metrics to attach, and how they were computed.
    pub metrics: Option<(MetricsTable, MetricsOptions)>,
    /// The outlines of cities, by city id, for the formats that draw them (GeoPackage). Only
    /// those of cities in the export are written, and none when pseudonymised.
    pub outlines: Vec<(ActorId, Area)>,
}

/// The block that tells a study what it cites: when, by what, with which parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    /// `relaymap` and its version.
    pub generator: String,
    /// When the network was read from the store (RFC 3339, UTC).
    pub snapshot_at: String,
    /// The format.
    pub format: &'static str,
    /// Whether ids are pseudonyms and personal fields are left out.
    pub pseudonymized: bool,
    /// The side of the location grid in metres, when locations are coarsened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_grid_m: Option<u32>,
    /// What the export is for: only migrants whose consent covers it are in it.
    pub purpose: &'static str,
    /// Migrants whose consent does not cover the purpose (never given, not for this purpose,
    /// or expired), left out with their ties.
    pub migrants_left_out: usize,
    /// Actors in the export.
    pub actors: usize,
    /// Ties in the export.
    pub ties: usize,
    /// The metrics attached, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<MetricsMetadata>,
}

/// How the attached metrics were computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsMetadata {
    /// The metric names, as attribute names.
    pub names: Vec<&'static str>,
    /// The seed of Louvain and of the sampled sources.
    pub seed: u64,
    /// Sources of the betweenness estimate (absent: exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betweenness_sample: Option<usize>,
    /// What the metrics describe.
    pub graph: &'static str,
}

/// An attribute value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Real(f64),
    Count(u64),
    Flag(bool),
    /// Written as `a;b` where the format has no lists.
    List(Vec<String>),
}

/// An attribute's type, as the typed formats declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    Text,
    Real,
    Count,
    Flag,
    List,
}

impl Value {
    fn kind(&self) -> Type {
        match self {
            Value::Text(_) => Type::Text,
            Value::Real(_) => Type::Real,
            Value::Count(_) => Type::Count,
            Value::Flag(_) => Type::Flag,
            Value::List(_) => Type::List,
        }
    }

    /// The value as one string, for XML and CSV (lists joined by `;`, as the importer reads).
    pub(crate) fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Real(x) => x.to_string(),
            Value::Count(n) => n.to_string(),
            Value::Flag(b) => b.to_string(),
            Value::List(items) => items.join(";"),
        }
    }

    /// The value as JSON; lists as `;`-joined text, as in the other graph formats, so that a
    /// tool that reads one format can write another (NetworkX's GraphML writer takes no lists).
    pub(crate) fn json(&self) -> serde_json::Value {
        match self {
            Value::Text(s) => s.as_str().into(),
            Value::Real(x) => (*x).into(),
            Value::Count(n) => (*n).into(),
            Value::Flag(b) => (*b).into(),
            Value::List(_) => self.text().into(),
        }
    }
}

/// Named attribute values of one actor or tie, in schema order, absent ones left out.
pub(crate) type Properties = Vec<(&'static str, Value)>;

/// The network in export form: each record is pseudonymised (when asked) and joined with its
/// metrics as it is written, so that an export of a large network never holds a second copy of
/// it in memory.
#[derive(Debug)]
pub struct Prepared<'a> {
    exportable: &'a Exportable,
    pseudonyms: Option<Pseudonymizer>,
    /// Each exported actor's row in the metrics table (cities have none).
    metric_rows: Vec<Option<usize>>,
    metrics: Option<MetricsTable>,
    /// The outlines written: the exported city's position among the exported actors, and its
    /// outline.
    outlines: Vec<(usize, Area)>,
    metadata: Metadata,
    /// The plain JSON document is written straight from the network.
    plain: bool,
}

impl Prepared<'_> {
    /// The metadata block the export carries.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// An actor as the export shows it: pseudonymised when asked (no name, channels,
    /// attributes or record times; location on the grid).
    fn actor_record(&self, index: usize) -> ActorRecord {
        let stored = self.exportable.actor(index);
        let mut record = ActorRecord::from(stored);
        if let Some(p) = &self.pseudonyms {
            record.id = Some(p.actor(stored.id.as_str()));
            record.city = stored.city.as_ref().map(|c| p.actor(c.as_str()));
            record.location = stored.location.map(|l| {
                let cell: Location = p.location(l);
                crate::document::LocationRecord {
                    lat: cell.lat(),
                    lon: cell.lon(),
                }
            });
            record.name = None;
            record.channels.clear();
            record.attributes = None;
            if let Some(consent) = &mut record.consent_record {
                consent.recorded_by = None;
            }
            record.created_at = None;
            record.updated_at = None;
        }
        record
    }

    /// A tie as the export shows it: pseudonymised when asked (no channels, note or record
    /// times).
    fn tie_record(&self, index: usize) -> TieRecord {
        let stored = self.exportable.tie(index);
        let mut record = TieRecord::from(stored);
        if let Some(p) = &self.pseudonyms {
            let tie = &stored.value;
            record.id = Some(p.tie(tie.id.as_str()));
            record.source = Some(p.actor(tie.source.as_str()));
            record.target = Some(p.actor(tie.target.as_str()));
            record.channels.clear();
            record.note = None;
            record.created_at = None;
            record.updated_at = None;
        }
        record
    }

    /// An actor's id, position (if known) and attributes.
    pub(crate) fn actor(&self, index: usize) -> (String, Option<(f64, f64)>, Properties) {
        let record = &self.actor_record(index);
        let mut properties: Properties = Vec::new();
        let mut text = |name, value: &Option<String>| {
            if let Some(value) = value {
                properties.push((name, Value::Text(value.clone())));
            }
        };
        text("kind", &record.kind);
        text("name", &record.name);
        if !record.languages.is_empty() {
            properties.push(("languages", Value::List(record.languages.clone())));
        }
        if let Some(location) = &record.location {
            properties.push(("lat", Value::Real(location.lat)));
            properties.push(("lon", Value::Real(location.lon)));
        }
        if let Some(city) = &record.city {
            properties.push(("city", Value::Text(city.clone())));
        }
        if !record.channels.is_empty() {
            properties.push(("channels", Value::List(record.channels.clone())));
        }
        properties.push(("consent", Value::Flag(record.consent)));
        if let Some(consent) = &record.consent_record {
            properties.push(("consent_purposes", Value::List(consent.purposes.clone())));
            for (name, value) in [
                ("consent_recorded_on", &consent.recorded_on),
                ("consent_recorded_by", &consent.recorded_by),
                ("consent_expires", &consent.expires),
            ] {
                if let Some(value) = value {
                    properties.push((name, Value::Text(value.clone())));
                }
            }
        }
        if let Some(attributes) = record
            .attributes
            .as_ref()
            .filter(|a| a.as_object().is_none_or(|o| !o.is_empty()))
        {
            properties.push(("attributes", Value::Text(attributes.to_string())));
        }
        for (name, value) in [
            ("created_at", &record.created_at),
            ("updated_at", &record.updated_at),
        ] {
            if let Some(value) = value {
                properties.push((name, Value::Text(value.clone())));
            }
        }
        if let (Some(table), Some(&Some(row))) = (&self.metrics, self.metric_rows.get(index)) {
            for (name, column) in &table.columns {
                match column {
                    Column::Count(values) => {
                        properties.push((name, Value::Count(values[row] as u64)));
                    }
                    Column::Real(values) if values[row].is_finite() => {
                        properties.push((name, Value::Real(values[row])));
                    }
                    Column::Real(_) => {}
                }
            }
        }
        let id = record.id.clone().unwrap_or_default();
        let at = record.location.as_ref().map(|l| (l.lat, l.lon));
        (id, at, properties)
    }

    /// A tie's id, ends and attributes.
    pub(crate) fn tie(&self, index: usize) -> (String, String, String, Properties) {
        let record = self.tie_record(index);
        let mut properties: Properties = Vec::new();
        if let Some(kind) = &record.kind {
            properties.push(("kind", Value::Text(kind.clone())));
        }
        if let Some(trust) = record.trust {
            properties.push(("trust", Value::Real(trust)));
        }
        if !record.channels.is_empty() {
            properties.push(("channels", Value::List(record.channels.clone())));
        }
        for (name, value) in [
            ("last_verified", &record.last_verified),
            ("note", &record.note),
            ("created_at", &record.created_at),
            ("updated_at", &record.updated_at),
        ] {
            if let Some(value) = value {
                properties.push((name, Value::Text(value.clone())));
            }
        }
        let TieRecord {
            id, source, target, ..
        } = record;
        (
            id.unwrap_or_default(),
            source.unwrap_or_default(),
            target.unwrap_or_default(),
            properties,
        )
    }

    /// How many actors and ties.
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.exportable.actors.len(), self.exportable.ties.len())
    }

    /// The city outlines the export carries: each city's id as the export shows it, its name,
    /// and its outline. None when pseudonymised: an outline is drawn by hand, to any precision,
    /// and would undo the location grid.
    pub(crate) fn outlines(&self) -> impl Iterator<Item = (String, Option<String>, &Area)> {
        self.outlines.iter().map(|(index, area)| {
            let record = self.actor_record(*index);
            (record.id.unwrap_or_default(), record.name, area)
        })
    }

    /// The metadata block as flat, typed fields (nested ones as `metrics_seed`, ...), for the
    /// formats that hold it as a list of named values.
    pub(crate) fn metadata_fields(&self) -> Vec<(String, Value)> {
        let json = serde_json::to_value(self.metadata()).expect("metadata is plain data");
        let mut fields = Vec::new();
        let mut add = |name: String, value: &serde_json::Value| match value {
            serde_json::Value::String(s) => fields.push((name, Value::Text(s.clone()))),
            serde_json::Value::Bool(b) => fields.push((name, Value::Flag(*b))),
            serde_json::Value::Number(n) => fields.push((
                name,
                n.as_u64()
                    .map_or(Value::Real(n.as_f64().unwrap_or(f64::NAN)), Value::Count),
            )),
            serde_json::Value::Array(items) => fields.push((
                name,
                Value::List(
                    items
                        .iter()
                        .map(|i| i.as_str().map_or(i.to_string(), str::to_owned))
                        .collect(),
                ),
            )),
            _ => {}
        };
        for (key, value) in json.as_object().expect("metadata is an object") {
            match value.as_object() {
                Some(inner) => inner.iter().for_each(|(k, v)| add(format!("{key}_{k}"), v)),
                None => add(key.clone(), value),
            }
        }
        fields
    }

    /// Every attribute name used by some actor (or tie), with its type, in the order of
    /// [`ACTOR_ATTRIBUTES`] (or [`TIE_ATTRIBUTES`]) and then the metrics: the schema the typed
    /// formats declare.
    pub(crate) fn schema(&self, ties: bool) -> Vec<(&'static str, Type)> {
        let mut seen: Vec<(&'static str, Type)> = Vec::new();
        let count = if ties {
            self.exportable.ties.len()
        } else {
            self.exportable.actors.len()
        };
        for index in 0..count {
            let properties = if ties {
                self.tie(index).3
            } else {
                self.actor(index).2
            };
            for (name, value) in properties {
                if !seen.iter().any(|(n, _)| *n == name) {
                    seen.push((name, value.kind()));
                }
            }
        }
        let order: Vec<&str> = if ties {
            TIE_ATTRIBUTES.to_vec()
        } else {
            ACTOR_ATTRIBUTES
                .iter()
                .copied()
                .chain(
                    self.metrics
                        .iter()
                        .flat_map(|t| t.columns.iter().map(|(n, _)| *n)),
                )
                .collect()
        };
        seen.sort_by_key(|(name, _)| order.iter().position(|n| n == name));
        seen
    }
}

/// The line a tie is drawn as, between its ends' positions (latitude, longitude): none when an
/// end has no position, or when both share one (two people in one grid cell), since a line
/// needs two distinct points to be valid for GIS tools.
pub(crate) fn tie_line(
    source: Option<&(f64, f64)>,
    target: Option<&(f64, f64)>,
) -> Option<((f64, f64), (f64, f64))> {
    match (source, target) {
        (Some(&a), Some(&b)) if a != b => Some((a, b)),
        _ => None,
    }
}

/// The attributes of actors, in the order exports declare them (metrics follow).
pub const ACTOR_ATTRIBUTES: [&str; 15] = [
    "kind",
    "name",
    "languages",
    "lat",
    "lon",
    "city",
    "channels",
    "consent",
    "consent_purposes",
    "consent_recorded_on",
    "consent_recorded_by",
    "consent_expires",
    "attributes",
    "created_at",
    "updated_at",
];

/// The attributes of ties, in the order exports declare them.
pub const TIE_ATTRIBUTES: [&str; 7] = [
    "kind",
    "trust",
    "channels",
    "last_verified",
    "note",
    "created_at",
    "updated_at",
];

/// Metrics as a role without access to personal data may see them: migrants whose consent does
/// not cover research on `today` left out, ids replaced by their pseudonyms, rows in pseudonym order (the order of ids could
/// hint at them).
pub fn pseudonymize_metrics(
    table: MetricsTable,
    network: &Network,
    pseudonyms: &Pseudonymizer,
    today: Date,
) -> MetricsTable {
    let hidden: HashSet<&ActorId> = network
        .actors
        .iter()
        .filter(|a| !Exportable::may_leave(a, Purpose::Research, today))
        .map(|a| &a.id)
        .collect();
    let mut rows: Vec<(ActorId, usize)> = table
        .ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !hidden.contains(id))
        .map(|(row, id)| {
            let pseudonym =
                ActorId::parse(&pseudonyms.actor(id.as_str())).expect("pseudonyms are valid ids");
            (pseudonym, row)
        })
        .collect();
    rows.sort();
    let pick_count = |values: &Vec<usize>| rows.iter().map(|&(_, r)| values[r]).collect();
    let pick_real = |values: &Vec<f64>| rows.iter().map(|&(_, r)| values[r]).collect();
    MetricsTable {
        kinds: rows.iter().map(|&(_, r)| table.kinds[r]).collect(),
        columns: table
            .columns
            .iter()
            .map(|(name, column)| {
                let column = match column {
                    Column::Count(values) => Column::Count(pick_count(values)),
                    Column::Real(values) => Column::Real(pick_real(values)),
                };
                (*name, column)
            })
            .collect(),
        ids: rows.into_iter().map(|(id, _)| id).collect(),
    }
}

/// The part of a network fit to leave the system: everyone but the migrants without consent, and
/// every tie they are part of. Every export is made from one, and so are the metrics it carries,
/// which thus describe the network exported (no degree counts a tie that is not in the file). A
/// view of a shared network (the positions of what is kept), not a copy of it.
#[derive(Debug)]
pub struct Exportable {
    network: std::sync::Arc<Network>,
    actors: Vec<u32>,
    ties: Vec<u32>,
    left_out: usize,
    purpose: Purpose,
}

impl Exportable {
    /// Whether an actor may leave the system for `purpose` on `today`: everyone but the
    /// migrants whose consent does not cover it (or has expired).
    pub fn may_leave(actor: &crate::domain::StoredActor, purpose: Purpose, today: Date) -> bool {
        actor.kind != ActorKind::Migrant || actor.consent.covers(purpose, today)
    }

    /// The part of `network` that may be exported for `purpose` on `today`.
    pub fn of(network: std::sync::Arc<Network>, purpose: Purpose, today: Date) -> Self {
        let leaves = |a: &crate::domain::StoredActor| Self::may_leave(a, purpose, today);
        let left_out: HashSet<&ActorId> = network
            .actors
            .iter()
            .filter(|a| !leaves(a))
            .map(|a| &a.id)
            .collect();
        let actors = (0..network.actors.len() as u32)
            .filter(|&i| leaves(&network.actors[i as usize]))
            .collect();
        let ties = (0..network.ties.len() as u32)
            .filter(|&i| {
                let tie = &network.ties[i as usize].value;
                !left_out.contains(&tie.source) && !left_out.contains(&tie.target)
            })
            .collect();
        let left_out = left_out.len();
        Self {
            network,
            actors,
            ties,
            left_out,
            purpose,
        }
    }

    /// The whole network this is a part of (to look records up by id; what is exported is
    /// [`Exportable::actors`] and [`Exportable::ties`]).
    pub fn whole(&self) -> &Network {
        &self.network
    }

    /// The actors that may be exported, in id order.
    pub fn actors(&self) -> impl Iterator<Item = &crate::domain::StoredActor> {
        self.actors
            .iter()
            .map(|&i| &*self.network.actors[i as usize])
    }

    /// The ties that may be exported, in id order.
    pub fn ties(&self) -> impl Iterator<Item = &crate::domain::StoredTie> {
        self.ties.iter().map(|&i| &*self.network.ties[i as usize])
    }

    fn actor(&self, index: usize) -> &crate::domain::StoredActor {
        &self.network.actors[self.actors[index] as usize]
    }

    fn tie(&self, index: usize) -> &crate::domain::StoredTie {
        &self.network.ties[self.ties[index] as usize]
    }
}

/// Prepares an exportable network for export: pseudonymises it when asked (dropping names,
/// channels, attributes, notes and record times, snapping locations to the grid) and joins the
/// metrics.
///
/// # Errors
/// [`ExportError::MetricsInJson`] when metrics are asked of the JSON document.
pub fn prepare<'a>(
    exportable: &'a Exportable,
    format: ExportFormat,
    options: ExportOptions,
    snapshot_at: &Timestamp,
) -> Result<Prepared<'a>, ExportError> {
    if format == ExportFormat::Json && options.metrics.is_some() {
        return Err(ExportError::MetricsInJson);
    }
    let left_out = exportable.left_out;
    let pseudonyms = options.pseudonymize;
    let plain = format == ExportFormat::Json && pseudonyms.is_none();
    let (table, metrics_options) = options.metrics.unzip();
    let outlines = if pseudonyms.is_some() {
        Vec::new()
    } else {
        // Outlines are read beside the snapshot: only those of cities exported are written.
        let network = exportable.whole();
        options
            .outlines
            .into_iter()
            .filter_map(|(city, area)| {
                let whole = network.actors.binary_search_by(|a| a.id.cmp(&city)).ok()?;
                if network.actors[whole].kind != ActorKind::City {
                    return None;
                }
                let index = exportable.actors.binary_search(&(whole as u32)).ok()?;
                Some((index, area))
            })
            .collect()
    };
    let metric_rows = match &table {
        Some(table) => exportable
            .actors()
            .map(|stored| table.ids.binary_search(&stored.id).ok())
            .collect(),
        None => Vec::new(),
    };
    let metadata = Metadata {
        generator: format!("relaymap {}", env!("CARGO_PKG_VERSION")),
        snapshot_at: format_timestamp(snapshot_at),
        format: format.name(),
        pseudonymized: pseudonyms.is_some(),
        location_grid_m: pseudonyms.as_ref().map(|_| Pseudonymizer::GRID_METRES),
        purpose: exportable.purpose.as_str(),
        migrants_left_out: left_out,
        actors: exportable.actors.len(),
        ties: exportable.ties.len(),
        metrics: metrics_options.map(|o| MetricsMetadata {
            names: o.names.clone(),
            seed: o.seed,
            betweenness_sample: o.sample,
            graph: "the relay graph of this exported network (undirected, simple: parallel \
                    ties merged; cities and located_in ties left out)",
        }),
    };
    Ok(Prepared {
        exportable,
        pseudonyms,
        metric_rows,
        metrics: table,
        outlines,
        metadata,
        plain,
    })
}

/// Writes a prepared export in a format.
pub fn write_export(
    prepared: &Prepared<'_>,
    format: ExportFormat,
    mut out: impl Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Json if prepared.plain => {
            let exportable = prepared.exportable;
            write_records(exportable.actors(), exportable.ties(), out)
        }
        ExportFormat::Json => write_document(prepared, &mut out),
        ExportFormat::Csv => tables::write_zip(prepared, out),
        ExportFormat::Graphml => xml::write_graphml(prepared, out),
        ExportFormat::Gexf => xml::write_gexf(prepared, out),
        ExportFormat::Geojson => geojson::write_geojson(prepared, out),
        ExportFormat::Nodelink => nodelink::write_nodelink(prepared, out),
        ExportFormat::Gpkg => gpkg::write_gpkg(prepared, out),
    }
}

/// The pseudonymised import document: the metadata block, then actors and ties with only the
/// fields they keep.
fn write_document(prepared: &Prepared<'_>, out: &mut impl Write) -> std::io::Result<()> {
    fn compact(value: impl Serialize) -> std::io::Result<serde_json::Value> {
        let mut value = serde_json::to_value(value)?;
        if let Some(object) = value.as_object_mut() {
            object.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
        }
        Ok(value)
    }
    write!(out, "{{\"metadata\":")?;
    serde_json::to_writer(&mut *out, &prepared.metadata)?;
    write!(out, ",\"actors\":[")?;
    let (actors, ties) = prepared.counts();
    for i in 0..actors {
        if i > 0 {
            write!(out, ",")?;
        }
        serde_json::to_writer(&mut *out, &compact(prepared.actor_record(i))?)?;
    }
    write!(out, "],\"ties\":[")?;
    for i in 0..ties {
        if i > 0 {
            write!(out, ",")?;
        }
        serde_json::to_writer(&mut *out, &compact(prepared.tie_record(i))?)?;
    }
    writeln!(out, "]}}")?;
    out.flush()
}
