//! Network Canvas exports (Interviewer 6, Fresco), read through a mapping the user gives once:
//! the GraphML (one `<graph>` per interview, its `nc:` attributes on the graph element, the
//! ego's data directly under it) and the CSV export (`…_ego.csv`, `…_attributeList_<Type>.csv`,
//! `…_edgeList_<Type>.csv` for each interview), as files or in the zip the apps write.
//!
//! Entities are keyed by their `networkCanvasUUID`: an alter from a roster keeps its id across
//! interviews and so becomes one actor. Variables the mapping does not name are left out (and
//! named in a note): a study's variables may hold what relaymap must not keep. The case id is
//! never read.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::graph::{GraphImport, Lines, children, utf8};
use super::records::{ActorRecord, ConsentRecord, Record, TieRecord};
use super::xlsform::csv_sheet;
use super::{DocumentError, Sheet};
use crate::domain::{ActorKind, Batch, DomainError, Purpose, RowError, RowRef, TieKind, WriteMode};

/// The namespace of Network Canvas's attributes on `<graph>`.
pub const NAMESPACE: &str = "http://schema.networkcanvas.com/xmlns";

/// The most bytes one file of a zip may hold once inflated.
const MAX_INFLATED: u64 = 256 << 20;

/// How the entities of a Network Canvas study become actors and ties; saved by name and used
/// again for every export of the study (graph-schema/README.md, "Network Canvas").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Harbour study", "ego": "migrant",
    "nodes": {"Person": {"kind": "migrant", "ego_tie": "knows"},
              "Association": {"kind": "organisation", "ego_tie": "member_of"}},
    "edges": {"know each other": "knows"},
    "variables": {"name": "nickname", "languages": ["language", "ego_language"],
                  "channels": "reach_by", "trust": "closeness", "consent": "consent_warnings"},
    "codes": {"Arabic": "ara", "Tigrinya": "tir", "phone call": "phone"},
    "trust_scale": 5, "consent_purposes": ["warnings"], "keep": ["neighbourhood"]}))]
pub struct Mapping {
    /// Its name, to use it again: 1 to 100 characters.
    pub name: String,
    /// The actor kind each person interviewed (the ego) becomes; egos are left out without it.
    #[serde(default)]
    pub ego: Option<String>,
    /// Node types, by name, and what they become; nodes of other types are left out.
    pub nodes: BTreeMap<String, NodeMapping>,
    /// Edge types, by name, and the tie kind each becomes; edges of other types are left out.
    #[serde(default)]
    pub edges: BTreeMap<String, String>,
    /// The variables, by name, that hold relaymap's fields.
    #[serde(default)]
    pub variables: Variables,
    /// Values as the protocol writes them (a choice's value or label) and the relaymap code
    /// each stands for, for languages and channels: `{"Arabic": "ara"}`.
    #[serde(default)]
    pub codes: BTreeMap<String, String>,
    /// What a trust variable counts up to: trust is its value divided by this (default 1).
    #[serde(default = "one")]
    pub trust_scale: f64,
    /// The purposes the study's consent covered, recorded for each person whose consent
    /// variable is true.
    #[serde(default)]
    pub consent_purposes: Vec<String>,
    /// Variables kept in the actors' `attributes`; every other variable is left out.
    #[serde(default)]
    pub keep: Vec<String>,
}

fn one() -> f64 {
    1.0
}

/// What the nodes of one type become.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeMapping {
    /// The actor kind.
    pub kind: String,
    /// The tie kind from the ego to each node of the type (the people and places the ego
    /// named); none without it.
    #[serde(default)]
    pub ego_tie: Option<String>,
}

/// Variable names for relaymap's fields; each a name or a list of names (the first that holds
/// a value wins), the same for egos, nodes and edges.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Variables {
    /// The display name.
    #[serde(default, deserialize_with = "names")]
    #[schema(value_type = Vec<String>)]
    pub name: Vec<String>,
    /// Languages: codes or values listed in `codes`; a text (`;`, `,` or spaces between) or a
    /// multiple choice.
    #[serde(default, deserialize_with = "names")]
    #[schema(value_type = Vec<String>)]
    pub languages: Vec<String>,
    /// Channels, as languages are.
    #[serde(default, deserialize_with = "names")]
    #[schema(value_type = Vec<String>)]
    pub channels: Vec<String>,
    /// Trust: a number up to `trust_scale`, on edges and, for the ego's ties, on the nodes.
    #[serde(default, deserialize_with = "names")]
    #[schema(value_type = Vec<String>)]
    pub trust: Vec<String>,
    /// A true/false variable: true records `consent_purposes` as agreed.
    #[serde(default, deserialize_with = "names")]
    #[schema(value_type = Vec<String>)]
    pub consent: Vec<String>,
}

fn names<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(name) => vec![name],
        OneOrMany::Many(names) => names,
    })
}

impl Mapping {
    /// Reads a mapping from JSON and checks it: every kind and purpose known, a trust scale
    /// above 0; the error names the field.
    pub fn parse(json: &str) -> Result<Self, DocumentError> {
        let mapping: Mapping = serde_json::from_str(json)
            .map_err(|e| DocumentError::Malformed(format!("not a mapping: {e}")))?;
        mapping.check().map_err(DocumentError::Malformed)?;
        Ok(mapping)
    }

    fn check(&self) -> Result<(), String> {
        let name = self.name.trim();
        if !(1..=100).contains(&name.chars().count())
            || crate::domain::text::check_visible(name).is_err()
        {
            return Err("name: 1 to 100 characters, no control characters".into());
        }
        if let Some(kind) = &self.ego {
            ActorKind::parse(kind).map_err(|e| format!("ego: {e}"))?;
        }
        if self.nodes.is_empty() {
            return Err("nodes: name at least one node type and the actor kind it becomes".into());
        }
        for (node_type, node) in &self.nodes {
            ActorKind::parse(&node.kind).map_err(|e| format!("nodes.{node_type}.kind: {e}"))?;
            if let Some(tie) = &node.ego_tie {
                TieKind::parse(tie).map_err(|e| format!("nodes.{node_type}.ego_tie: {e}"))?;
            }
        }
        for (edge_type, kind) in &self.edges {
            TieKind::parse(kind).map_err(|e| format!("edges.{edge_type}: {e}"))?;
        }
        if !(self.trust_scale.is_finite() && self.trust_scale > 0.0) {
            return Err("trust_scale: a number above 0".into());
        }
        for purpose in &self.consent_purposes {
            Purpose::parse(purpose).map_err(|e| format!("consent_purposes: {e}"))?;
        }
        let variables = &self.variables;
        let all = [
            &variables.name,
            &variables.languages,
            &variables.channels,
            &variables.trust,
            &variables.consent,
            &self.keep,
        ];
        if all
            .iter()
            .flat_map(|v| v.iter())
            .any(|v| v.trim().is_empty())
        {
            return Err("variables and keep: a variable's name is not empty".into());
        }
        if !variables.consent.is_empty() && self.consent_purposes.is_empty() {
            return Err("consent_purposes: say what the consent variable agrees to".into());
        }
        Ok(())
    }
}

/// Whether the bytes are a Network Canvas export (its GraphML, or a zip of its files), which
/// only a mapping can read.
pub fn is_network_canvas(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"PK\x03\x04") {
        return zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|archive| {
            archive.file_names().filter_map(Result::ok).any(|name| {
                let name = name.to_ascii_lowercase();
                name.ends_with("_ego.csv")
                    || name.contains("_attributelist")
                    || name.contains("_edgelist")
            })
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.windows(NAMESPACE.len())
        .any(|window| window == NAMESPACE.as_bytes())
}

/// One ego, node or edge as read: its id, type and variables (by name, as text).
struct Entity {
    row: RowRef,
    uid: String,
    kind: String,
    values: HashMap<String, String>,
    /// An edge's ends (node ids).
    ends: Option<(String, String)>,
}

/// One interview.
#[derive(Default)]
struct Session {
    ego: Option<Entity>,
    /// `YYYY-MM-DD` of its start.
    day: Option<String>,
    nodes: Vec<Entity>,
    edges: Vec<Entity>,
}

/// Reads a Network Canvas export (GraphML, one CSV file, or a zip of its files) into records.
pub fn read_network_canvas(
    bytes: &[u8],
    mapping: &Mapping,
    mode: WriteMode,
) -> Result<GraphImport, DocumentError> {
    let mut notes = Vec::new();
    let sessions = if bytes.starts_with(b"PK\x03\x04") {
        let files = unzip(bytes)?;
        let (graphml, csv): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|(name, _)| name.to_ascii_lowercase().ends_with(".graphml"));
        if !graphml.is_empty() {
            if !csv.is_empty() {
                notes.push(
                    "the zip holds the GraphML and the CSV export: the GraphML was read (the CSV \
                     files say the same)"
                        .into(),
                );
            }
            let mut sessions = Vec::new();
            for (name, data) in graphml {
                sessions.extend(read_graphml(&name, &data)?);
            }
            sessions
        } else {
            let sheets = csv
                .iter()
                .map(|(name, data)| csv_sheet(name, data))
                .collect::<Result<Vec<_>, _>>()?;
            read_csv_files(&sheets)?
        }
    } else {
        read_graphml("export.graphml", bytes)?
    };
    if sessions.is_empty() {
        return Err(DocumentError::Malformed(
            "the export holds no interview: no <graph> or _ego.csv, _attributeList or _edgeList \
             file"
                .into(),
        ));
    }
    Build::new(mapping, mode).run(sessions, notes)
}

/// The `.graphml` and `.csv` files of a zip (other files are not records).
fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, DocumentError> {
    let malformed = |e: zip::result::ZipError| DocumentError::Malformed(format!("not a zip: {e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(malformed)?;
    let mut files = Vec::new();
    for index in 0..archive.len() {
        let file = archive.by_index(index).map_err(malformed)?;
        let name = file.name().map_err(malformed)?;
        let name = name.rsplit('/').next().unwrap_or_default().to_owned();
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".graphml") || lower.ends_with(".csv")) {
            continue;
        }
        let mut data = Vec::new();
        file.take(MAX_INFLATED + 1)
            .read_to_end(&mut data)
            .map_err(|e| DocumentError::Malformed(format!("{name} in the zip: {e}")))?;
        if data.len() as u64 > MAX_INFLATED {
            return Err(DocumentError::Malformed(format!(
                "{name} in the zip is larger than {} MiB once inflated",
                MAX_INFLATED >> 20
            )));
        }
        files.push((name, data));
    }
    files.sort();
    Ok(files)
}

/// The interviews of a Network Canvas GraphML file: one per `<graph>`.
fn read_graphml(file: &str, bytes: &[u8]) -> Result<Vec<Session>, DocumentError> {
    let text = utf8(bytes)?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        DocumentError::Malformed(format!(
            "{file} is not well-formed XML: {e} (Network Canvas writes a case id with \", & or < \
             into the file unescaped)"
        ))
    })?;
    let root = xml.root_element();
    if root.tag_name().name() != "graphml" {
        return Err(DocumentError::Malformed(format!(
            "{file}: the root is <{}>, not <graphml>",
            root.tag_name().name()
        )));
    }
    let keys: HashMap<&str, &str> = children(root, "key")
        .filter_map(|key| Some((key.attribute("id")?, key.attribute("attr.name")?)))
        .collect();
    let mut lines = Lines::new(xml.input_text());
    let values_of = |element: roxmltree::Node| -> HashMap<String, String> {
        children(element, "data")
            .filter_map(|data| {
                let name = keys.get(data.attribute("key")?)?;
                let text: String = data
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                let text = text.trim();
                (!text.is_empty()).then(|| ((*name).to_owned(), text.to_owned()))
            })
            .collect()
    };
    let mut sessions = Vec::new();
    for graph in children(root, "graph") {
        let row = RowRef::new(file, lines.at(graph.range().start));
        let mut values = values_of(graph);
        let uid = values
            .remove(UUID)
            .or_else(|| {
                graph
                    .attribute((NAMESPACE, "sessionUUID"))
                    .map(str::to_owned)
            })
            .ok_or_else(|| {
                DocumentError::Malformed(format!(
                    "{file} line {}: a <graph> without nc:sessionUUID or an ego's \
                     networkCanvasUUID is not a Network Canvas interview",
                    row.line
                ))
            })?;
        let mut session = Session {
            day: graph
                .attribute((NAMESPACE, "sessionStartTime"))
                .map(|t| t.chars().take(10).collect()),
            ego: Some(Entity {
                row,
                uid,
                kind: "ego".into(),
                values,
                ends: None,
            }),
            ..Session::default()
        };
        // Node ids are counters of the file; edges are joined by the nodes' UUIDs.
        let mut by_id: HashMap<&str, String> = HashMap::new();
        for (element, edge) in [("node", false), ("edge", true)] {
            for node in children(graph, element) {
                let row = RowRef::new(file, lines.at(node.range().start));
                let mut values = values_of(node);
                let missing = |what: &str| {
                    DocumentError::Malformed(format!(
                        "{file} line {}: a <{element}> without {what}: not a Network Canvas \
                         export",
                        row.line
                    ))
                };
                let uid = values.remove(UUID).ok_or_else(|| missing(UUID))?;
                let kind = values.remove(TYPE).ok_or_else(|| missing(TYPE))?;
                values.remove("label");
                let ends = if edge {
                    let end = |uuid: &str, attribute: &str| {
                        values.get(uuid).cloned().or_else(|| {
                            node.attribute(attribute)
                                .and_then(|id| by_id.get(id).cloned())
                        })
                    };
                    let source = end(SOURCE, "source").ok_or_else(|| missing(SOURCE))?;
                    let target = end(TARGET, "target").ok_or_else(|| missing(TARGET))?;
                    Some((source, target))
                } else {
                    if let Some(id) = node.attribute("id") {
                        by_id.insert(id, uid.clone());
                    }
                    None
                };
                let entity = Entity {
                    row,
                    uid,
                    kind,
                    values,
                    ends,
                };
                if edge {
                    session.edges.push(entity);
                } else {
                    session.nodes.push(entity);
                }
            }
        }
        sessions.push(session);
    }
    Ok(sessions)
}

const UUID: &str = "networkCanvasUUID";
const TYPE: &str = "networkCanvasType";
const EGO: &str = "networkCanvasEgoUUID";
const SOURCE: &str = "networkCanvasSourceUUID";
const TARGET: &str = "networkCanvasTargetUUID";

/// Columns every CSV file of the export has, which are not variables.
const FIXED: [&str; 15] = [
    "nodeID",
    "edgeID",
    "from",
    "to",
    EGO,
    UUID,
    SOURCE,
    TARGET,
    "networkCanvasCaseID",
    "networkCanvasSessionID",
    "networkCanvasProtocolName",
    "sessionStart",
    "sessionFinish",
    "sessionExported",
    "APP_VERSION",
];

/// The interviews of the CSV export: the ego files say who was interviewed and when; node and
/// edge files (their type in the file name) join them by `networkCanvasEgoUUID`.
fn read_csv_files(sheets: &[Sheet]) -> Result<Vec<Session>, DocumentError> {
    let mut sessions: BTreeMap<String, Session> = BTreeMap::new();
    let order = |sheet: &Sheet| {
        let name = sheet.name.to_ascii_lowercase();
        if name.ends_with("_ego.csv") {
            0
        } else if name.contains("_attributelist") {
            1
        } else if name.contains("_edgelist") {
            2
        } else {
            3
        }
    };
    let mut sorted: Vec<&Sheet> = sheets.iter().collect();
    sorted.sort_by_key(|s| order(s));
    for sheet in sorted {
        let role = order(sheet);
        if role == 3 {
            return Err(DocumentError::Malformed(format!(
                "{}: not a file of a Network Canvas CSV export (…_ego.csv, \
                 …_attributeList_<Type>.csv, …_edgeList_<Type>.csv)",
                sheet.name
            )));
        }
        let kind = type_in_file_name(&sheet.name);
        let Some((header, body)) = sheet.rows.split_first() else {
            continue;
        };
        for (index, cells) in body.iter().enumerate() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row = RowRef::new(sheet.name.as_str(), index + 2);
            let mut values: HashMap<String, String> = header
                .iter()
                .zip(cells)
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(h, v)| (h.trim().to_owned(), v.trim().to_owned()))
                .collect();
            let missing = |column: &str| {
                DocumentError::Malformed(format!(
                    "{} line {}: no {column}: not a Network Canvas CSV export",
                    sheet.name, row.line
                ))
            };
            let ego = values.remove(EGO).ok_or_else(|| missing(EGO))?;
            let session = sessions.entry(ego.clone()).or_default();
            let uid = if role == 0 {
                ego
            } else {
                values.remove(UUID).ok_or_else(|| missing(UUID))?
            };
            let ends = if role == 2 {
                let source = values.remove(SOURCE).ok_or_else(|| missing(SOURCE))?;
                let target = values.remove(TARGET).ok_or_else(|| missing(TARGET))?;
                Some((source, target))
            } else {
                None
            };
            if role == 0 {
                session.day = values
                    .get("sessionStart")
                    .map(|t| t.chars().take(10).collect());
            }
            for fixed in FIXED.iter().chain(["COMMIT_HASH"].iter()) {
                values.remove(*fixed);
            }
            let entity = Entity {
                row,
                uid,
                kind: kind.clone(),
                values,
                ends,
            };
            match role {
                0 => session.ego = Some(entity),
                1 => session.nodes.push(entity),
                _ => session.edges.push(entity),
            }
        }
    }
    Ok(sessions.into_values().collect())
}

/// The type in a CSV file's name (`…_attributeList_Person.csv` → `Person`): the type's name
/// with every character but letters, digits and `_` taken out, as Network Canvas writes it.
fn type_in_file_name(file: &str) -> String {
    let stem = file.strip_suffix(".csv").unwrap_or(file);
    for marker in ["_attributeList_", "_edgeList_"] {
        if let Some(at) = stem.rfind(marker) {
            return stem[at + marker.len()..].to_owned();
        }
    }
    "ego".into()
}

/// A type's name as it is in a CSV file's name.
fn file_type(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// An id for a Network Canvas UUID: `nc-` and the UUID when it is a valid id, else `nc-` and
/// a digest of it (the same UUID, the same id, on every import).
fn nc_id(uid: &str) -> String {
    let valid = uid.len() <= 61
        && !uid.is_empty()
        && uid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    if valid {
        format!("nc-{uid}")
    } else {
        digest_id(&[uid])
    }
}

fn digest_id(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    let hex: String = hasher.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("nc-{hex}")
}

/// Turns interviews into records by a mapping.
struct Build<'m> {
    mapping: &'m Mapping,
    batch: Batch,
    errors: Vec<RowError>,
    actors: HashSet<String>,
    ties: HashSet<String>,
    /// The ties read so far, in order, and where each came from; added to the batch at the end.
    tie_records: Vec<(RowRef, TieRecord)>,
    /// Each (source, target, kind) read so far: its place in `tie_records`.
    pairs: HashMap<(String, String, String), usize>,
    /// Edges joined with an earlier tie of the same kind between the same two people.
    joined: usize,
    /// Variables seen that the mapping does not use.
    left_out: BTreeSet<String>,
    node_types_left_out: BTreeMap<String, usize>,
    edge_types_left_out: BTreeMap<String, usize>,
    edges_to_left_out: usize,
}

impl<'m> Build<'m> {
    fn new(mapping: &'m Mapping, mode: WriteMode) -> Self {
        Self {
            mapping,
            batch: Batch::new(mode),
            errors: Vec::new(),
            actors: HashSet::new(),
            ties: HashSet::new(),
            tie_records: Vec::new(),
            pairs: HashMap::new(),
            joined: 0,
            left_out: BTreeSet::new(),
            node_types_left_out: BTreeMap::new(),
            edge_types_left_out: BTreeMap::new(),
            edges_to_left_out: 0,
        }
    }

    fn node_mapping(&self, kind: &str) -> Option<&'m NodeMapping> {
        let nodes = &self.mapping.nodes;
        nodes.get(kind).or_else(|| {
            nodes
                .iter()
                .find(|(k, _)| file_type(k) == kind)
                .map(|e| e.1)
        })
    }

    fn edge_kind(&self, kind: &str) -> Option<&'m String> {
        let edges = &self.mapping.edges;
        edges.get(kind).or_else(|| {
            edges
                .iter()
                .find(|(k, _)| file_type(k) == kind)
                .map(|e| e.1)
        })
    }

    fn run(
        mut self,
        sessions: Vec<Session>,
        mut notes: Vec<String>,
    ) -> Result<GraphImport, DocumentError> {
        let count = sessions.len();
        for session in sessions {
            self.session(session);
        }
        for (row, record) in std::mem::take(&mut self.tie_records) {
            if let Err(errors) = record.add_to(&mut self.batch, &row) {
                self.errors.extend(errors);
            }
        }
        if !self.errors.is_empty() {
            return Err(DocumentError::Rows(self.errors));
        }
        notes.insert(
            0,
            format!(
                "{count} Network Canvas interview(s) read with the mapping “{}”; its edges are \
                 undirected, and each became a tie from the node it was drawn from",
                self.mapping.name
            ),
        );
        let list = |types: &BTreeMap<String, usize>| {
            types
                .iter()
                .map(|(t, n)| format!("{t} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.node_types_left_out.is_empty() {
            notes.push(format!(
                "node types the mapping does not name, left out: {}",
                list(&self.node_types_left_out)
            ));
        }
        if !self.edge_types_left_out.is_empty() {
            notes.push(format!(
                "edge types the mapping does not name, left out: {}",
                list(&self.edge_types_left_out)
            ));
        }
        if self.joined > 0 {
            notes.push(format!(
                "{} edge(s) joined the tie of the same kind between the same two people (the \
                 highest trust and every channel kept)",
                self.joined
            ));
        }
        if self.edges_to_left_out > 0 {
            notes.push(format!(
                "{} edge(s) to nodes left out, left out too",
                self.edges_to_left_out
            ));
        }
        if !self.left_out.is_empty() {
            let names: Vec<&str> = self.left_out.iter().map(String::as_str).collect();
            notes.push(format!(
                "variables the mapping does not use, left out (name them in keep to keep them): \
                 {}",
                names.join(", ")
            ));
        }
        Ok(GraphImport {
            batch: self.batch,
            format: "network_canvas",
            notes,
        })
    }

    fn session(&mut self, session: Session) {
        let mapping = self.mapping;
        let day = session.day.as_deref();
        let ego = match (&session.ego, &mapping.ego) {
            (Some(ego), Some(kind)) => {
                let id = nc_id(&ego.uid);
                self.actor(ego, &id, kind, "Interviewee", day);
                Some((ego.uid.as_str(), id))
            }
            (Some(ego), None) => {
                self.note_left_out(&ego.values, &[]);
                None
            }
            _ => None,
        };
        let mut ids: HashMap<&str, String> = HashMap::new();
        for node in &session.nodes {
            let Some(node_mapping) = self.node_mapping(&node.kind) else {
                *self
                    .node_types_left_out
                    .entry(node.kind.clone())
                    .or_default() += 1;
                continue;
            };
            let id = nc_id(&node.uid);
            self.actor(node, &id, &node_mapping.kind, &node.kind, day);
            if let (Some((ego_uid, ego_id)), Some(kind)) = (&ego, &node_mapping.ego_tie) {
                let tie = TieRecord {
                    id: Some(digest_id(&[ego_uid, &node.uid])),
                    source: Some(ego_id.clone()),
                    target: Some(id.clone()),
                    kind: Some(kind.clone()),
                    ..TieRecord::default()
                };
                self.tie(node, tie);
            }
            ids.insert(node.uid.as_str(), id);
        }
        for edge in &session.edges {
            let Some(kind) = self.edge_kind(&edge.kind) else {
                *self
                    .edge_types_left_out
                    .entry(edge.kind.clone())
                    .or_default() += 1;
                continue;
            };
            let (source, target) = edge.ends.clone().unwrap_or_default();
            let (Some(source), Some(target)) = (ids.get(source.as_str()), ids.get(target.as_str()))
            else {
                self.edges_to_left_out += 1;
                continue;
            };
            let tie = TieRecord {
                id: Some(nc_id(&edge.uid)),
                source: Some(source.clone()),
                target: Some(target.clone()),
                kind: Some(kind.clone()),
                ..TieRecord::default()
            };
            self.tie(edge, tie);
        }
    }

    /// The first of the variables that holds a value.
    fn first<'e>(entity: &'e Entity, names: &[String]) -> Option<(&'e str, &'e str)> {
        names
            .iter()
            .find_map(|n| entity.values.get_key_value(n.as_str()))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Codes from the first variable that holds any: its text (split at `;`, `,` or spaces,
    /// or a JSON list), or the options of a multiple choice (`<name>_<option>` true).
    fn codes(&self, entity: &Entity, names: &[String]) -> (Vec<String>, Vec<String>) {
        for name in names {
            let mut raw: Vec<String> = Vec::new();
            let mut used = Vec::new();
            if let Some(text) = entity.values.get(name) {
                used.push(name.clone());
                match serde_json::from_str::<Vec<serde_json::Value>>(text) {
                    Ok(items) => raw.extend(
                        items
                            .iter()
                            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned)),
                    ),
                    Err(_) => raw.extend(
                        text.split([';', ',', ' ', '\t'])
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                    ),
                }
            }
            let prefix = format!("{name}_");
            let mut options: Vec<(&String, &String)> = entity
                .values
                .iter()
                .filter(|(k, v)| k.starts_with(&prefix) && v.eq_ignore_ascii_case("true"))
                .collect();
            options.sort();
            for (key, _) in options {
                raw.push(key[prefix.len()..].to_owned());
            }
            used.extend(
                entity
                    .values
                    .keys()
                    .filter(|k| k.starts_with(&prefix))
                    .cloned(),
            );
            if !raw.is_empty() {
                let codes = raw
                    .iter()
                    .map(|value| {
                        self.mapping
                            .codes
                            .get(value.as_str())
                            .cloned()
                            .unwrap_or_else(|| value.trim().to_lowercase())
                    })
                    .collect();
                return (codes, used);
            }
        }
        (Vec::new(), Vec::new())
    }

    fn trust(&mut self, entity: &Entity) -> Option<f64> {
        let (name, raw) = Self::first(entity, &self.mapping.variables.trust)?;
        match raw.parse::<f64>() {
            Ok(value) => Some(value / self.mapping.trust_scale),
            Err(_) => {
                let reason = DomainError::NotANumber(raw.chars().take(24).collect());
                self.errors
                    .push(RowError::new(&entity.row, name.to_owned(), reason));
                None
            }
        }
    }

    fn actor(&mut self, entity: &Entity, id: &str, kind: &str, label: &str, day: Option<&str>) {
        let variables = &self.mapping.variables;
        let mut used: Vec<String> = Vec::new();
        let name = match Self::first(entity, &variables.name) {
            Some((variable, value)) => {
                used.push(variable.to_owned());
                value.to_owned()
            }
            // A name that says where it came from, not who it is.
            None => format!("{label} {}", &id[id.len().saturating_sub(6)..]),
        };
        let (languages, mut seen) = self.codes(entity, &variables.languages);
        used.append(&mut seen);
        let (channels, mut seen) = self.codes(entity, &variables.channels);
        used.append(&mut seen);
        let agreed = Self::first(entity, &variables.consent).map(|(variable, value)| {
            used.push(variable.to_owned());
            value.eq_ignore_ascii_case("true") || value == "1"
        });
        used.extend(Self::first(entity, &variables.trust).map(|(v, _)| v.to_owned()));
        let mut attributes = serde_json::Map::new();
        for keep in &self.mapping.keep {
            if let Some(value) = entity.values.get(keep) {
                attributes.insert(keep.clone(), serde_json::Value::String(value.clone()));
                used.push(keep.clone());
            }
        }
        self.note_left_out(&entity.values, &used);
        if !self.actors.insert(id.to_owned()) {
            // A roster's alter named in another interview: the same actor.
            return;
        }
        let record = ActorRecord {
            id: Some(id.to_owned()),
            kind: Some(kind.to_owned()),
            name: Some(name),
            languages,
            channels,
            consent_record: (agreed == Some(true)).then(|| ConsentRecord {
                purposes: self.mapping.consent_purposes.clone(),
                recorded_on: day.map(str::to_owned),
                recorded_by: Some(format!("Network Canvas ({})", self.mapping.name)),
                expires: None,
            }),
            attributes: (!attributes.is_empty()).then_some(serde_json::Value::Object(attributes)),
            ..ActorRecord::default()
        };
        if let Err(errors) = record.add_to(&mut self.batch, &entity.row) {
            self.errors.extend(errors);
        }
    }

    /// A tie: trust from the entity's trust variable (the edge, or for the ego's tie the node),
    /// channels from an edge's channel variable.
    fn tie(&mut self, entity: &Entity, mut record: TieRecord) {
        let id = record.id.clone().unwrap_or_default();
        if !self.ties.insert(id) {
            return;
        }
        record.trust = self.trust(entity);
        if entity.ends.is_some() {
            let (channels, used) = self.codes(entity, &self.mapping.variables.channels);
            record.channels = channels;
            let mut used = used;
            used.extend(
                Self::first(entity, &self.mapping.variables.trust).map(|(v, _)| v.to_owned()),
            );
            self.note_left_out(&entity.values, &used);
        }
        // relaymap keeps one tie per kind between two people (two edge types mapped to one tie
        // kind, or the same pair in two interviews): such edges are one tie, with the smaller
        // id, the highest trust and every channel.
        let key = (
            record.source.clone().unwrap_or_default(),
            record.target.clone().unwrap_or_default(),
            record.kind.clone().unwrap_or_default(),
        );
        if let Some(&at) = self.pairs.get(&key) {
            let first = &mut self.tie_records[at].1;
            // The smaller id stays, whichever file or order the edges came in.
            if record.id < first.id {
                first.id = record.id;
            }
            first.trust = match (first.trust, record.trust) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            for channel in record.channels {
                if !first.channels.contains(&channel) {
                    first.channels.push(channel);
                }
            }
            self.joined += 1;
            return;
        }
        self.pairs.insert(key, self.tie_records.len());
        self.tie_records.push((entity.row.clone(), record));
    }

    /// Notes the variables of an entity that nothing used (names only, never values).
    fn note_left_out(&mut self, values: &HashMap<String, String>, used: &[String]) {
        for name in values.keys() {
            if !used.contains(name) && !FIXED.contains(&name.as_str()) {
                self.left_out.insert(name.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_when_valid_and_digested_otherwise() {
        assert_eq!(
            nc_id("3f1c2a9e-0d4b-4c1e-9a7b-2f5d6e8a1b3c"),
            "nc-3f1c2a9e-0d4b-4c1e-9a7b-2f5d6e8a1b3c"
        );
        let odd = nc_id("a uid with spaces");
        assert!(odd.starts_with("nc-") && odd.len() == 35, "{odd}");
        assert_eq!(odd, nc_id("a uid with spaces"));
        assert_ne!(digest_id(&["a", "bc"]), digest_id(&["ab", "c"]));
    }

    #[test]
    fn type_names_are_read_from_file_names_as_written() {
        assert_eq!(
            type_in_file_name("case_1_abc_attributeList_Person.csv"),
            "Person"
        );
        assert_eq!(
            type_in_file_name("s_edgeList_closefriends.csv"),
            "closefriends"
        );
        assert_eq!(file_type("close friends"), "closefriends");
    }

    #[test]
    fn a_mapping_names_the_field_it_breaks() {
        let bad = |json: &str| match Mapping::parse(json) {
            Err(DocumentError::Malformed(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(
            bad(r#"{"name": "s", "nodes": {"P": {"kind": "alien"}}}"#).contains("nodes.P.kind")
        );
        assert!(bad(r#"{"name": "s", "nodes": {}}"#).starts_with("nodes"));
        assert!(
            bad(r#"{"name": "s", "nodes": {"P": {"kind": "migrant"}}, "trust_scale": 0}"#)
                .starts_with("trust_scale")
        );
        assert!(
            bad(r#"{"name": "s", "nodes": {"P": {"kind": "migrant"}}, "variables": {"consent": "c"}}"#)
                .starts_with("consent_purposes")
        );
        assert!(
            bad(r#"{"name": "s", "nodes": {"P": {"kind": "migrant"}}, "extra": 1}"#)
                .contains("unknown field")
        );
        let ok = Mapping::parse(
            r#"{"name": "s", "nodes": {"P": {"kind": "migrant"}}, "variables": {"name": ["a", "b"], "trust": "t"}}"#,
        )
        .unwrap();
        assert_eq!(ok.variables.name, ["a", "b"]);
        assert_eq!(ok.variables.trust, ["t"]);
        assert_eq!(ok.trust_scale, 1.0);
    }
}
