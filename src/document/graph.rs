//! Graph files read back into a batch: GraphML, GEXF and node-link JSON (relaymap's own exports
//! and what NetworkX, igraph or Gephi write), and the CSV zip of an export; the kind of file is
//! recognised from its content.
//!
//! Nodes become actors and edges ties, by the attribute names of the export (graph-schema/README.md,
//! "Exports"); a node's other attributes are kept in its `attributes`; metric columns, which
//! exports add, are left out with a note. Every bad node or edge is reported, as for the other
//! readers, with the line of the file (XML) or its place in its list (JSON).

use std::collections::{BTreeSet, HashMap};
use std::io::Read;

use serde_json::{Map, Value as Json};

use super::network_canvas::{Mapping, is_network_canvas, read_network_canvas};
use super::{ActorRecord, ConsentRecord, CsvFile, DocumentError, LocationRecord, Record};
use super::{TieRecord, read_csv, read_json};
use crate::domain::{Batch, DomainError, RowError, RowRef, WriteMode};

/// What a graph file held, as a batch, with what was left out.
#[derive(Debug)]
pub struct GraphImport {
    /// The records.
    pub batch: Batch,
    /// The kind of file recognised: `graphml`, `gexf`, `nodelink`, `json`, `csv` or
    /// `network_canvas`.
    pub format: &'static str,
    /// What was read differently or left out, in words (metric columns, unknown edge
    /// attributes, an undirected graph).
    pub notes: Vec<String>,
}

/// The most bytes one file of a CSV zip may hold once inflated.
const MAX_INFLATED: u64 = 1 << 30;

/// Reads a graph file of any kind relaymap knows, recognised from its first bytes: `<` (GraphML
/// or GEXF, by the root element), `{` (the JSON document, or node-link JSON when it has
/// `nodes`) or a zip (`actors.csv` and `ties.csv` as the CSV export writes them).
/// `ignored` names the attributes to leave out with a note (the metric names). A Network
/// Canvas export (its GraphML, or a zip of its files) is read only with a `mapping`.
///
/// # Returns
/// The batch, or [`DocumentError::Malformed`] when the file is none of these, or
/// [`DocumentError::Rows`] with every bad node and edge.
pub fn read_graph(
    bytes: &[u8],
    mode: WriteMode,
    ignored: &[&str],
    mapping: Option<&Mapping>,
) -> Result<GraphImport, DocumentError> {
    match (is_network_canvas(bytes), mapping) {
        (true, Some(mapping)) => return read_network_canvas(bytes, mapping, mode),
        (true, None) => {
            return Err(DocumentError::Malformed(
                "a Network Canvas export: import it with a mapping that says what its node and \
                 edge types and variables are (graph-schema/README.md, \"Network Canvas\")"
                    .into(),
            ));
        }
        (false, Some(_)) => {
            return Err(DocumentError::Malformed(
                "a mapping reads Network Canvas exports (their GraphML, CSV files or zip); this \
                 file is not one"
                    .into(),
            ));
        }
        (false, None) => {}
    }
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .position(|b| !b.is_ascii_whitespace());
    match start.map(|i| bytes[i..].first().copied().unwrap_or(0)) {
        _ if bytes.starts_with(b"PK\x03\x04") => read_csv_zip(bytes, mode, ignored),
        Some(b'<') => {
            let text = utf8(bytes)?;
            let options = roxmltree::ParsingOptions {
                allow_dtd: false,
                ..roxmltree::ParsingOptions::default()
            };
            let xml = roxmltree::Document::parse_with_options(text, options)
                .map_err(|e| DocumentError::Malformed(format!("not well-formed XML: {e}")))?;
            let root = xml.root_element();
            let mut reader = Reader::new(ignored);
            let format = match root.tag_name().name() {
                "graphml" => {
                    reader.graphml(&xml, root)?;
                    "graphml"
                }
                "gexf" => {
                    reader.gexf(&xml, root)?;
                    "gexf"
                }
                other => {
                    return Err(DocumentError::Malformed(format!(
                        "an XML file whose root is <{other}>: relaymap reads GraphML and GEXF"
                    )));
                }
            };
            reader.finish(mode, format)
        }
        Some(b'{') => {
            let text = utf8(bytes)?;
            #[derive(serde::Deserialize)]
            struct Probe {
                nodes: Option<serde::de::IgnoredAny>,
            }
            let probe: Option<Probe> = serde_json::from_str(text).ok();
            if probe.is_some_and(|p| p.nodes.is_some()) {
                let value: Json = serde_json::from_str(text)
                    .map_err(|e| DocumentError::Malformed(format!("not JSON: {e}")))?;
                let mut reader = Reader::new(ignored);
                reader.nodelink(&value)?;
                reader.finish(mode, "nodelink")
            } else {
                Ok(GraphImport {
                    batch: read_json(text, mode)?,
                    format: "json",
                    notes: Vec::new(),
                })
            }
        }
        _ => Err(DocumentError::Malformed(
            "not a file relaymap reads: the JSON document, GraphML, GEXF, node-link JSON or the \
             CSV zip of an export"
                .into(),
        )),
    }
}

pub(super) fn utf8(bytes: &[u8]) -> Result<&str, DocumentError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| DocumentError::Malformed("the file is not UTF-8 text".into()))?;
    Ok(text.trim_start_matches('\u{feff}'))
}

/// The CSV export's zip: `actors.csv` and `ties.csv` (other files, such as `metadata.json`,
/// are not records).
fn read_csv_zip(
    bytes: &[u8],
    mode: WriteMode,
    ignored: &[&str],
) -> Result<GraphImport, DocumentError> {
    let malformed = |e: zip::result::ZipError| DocumentError::Malformed(format!("not a zip: {e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(malformed)?;
    let mut entry = |name: &str| -> Result<Option<Vec<u8>>, DocumentError> {
        let Some(index) = archive.index_for_name(name) else {
            return Ok(None);
        };
        let file = archive.by_index(index).map_err(malformed)?;
        let mut out = Vec::new();
        file.take(MAX_INFLATED + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocumentError::Malformed(format!("{name} in the zip: {e}")))?;
        if out.len() as u64 > MAX_INFLATED {
            return Err(DocumentError::Malformed(format!(
                "{name} in the zip is larger than {} MiB once inflated",
                MAX_INFLATED >> 20
            )));
        }
        Ok(Some(out))
    };
    let actors = entry("actors.csv")?;
    let ties = entry("ties.csv")?;
    if actors.is_none() && ties.is_none() {
        return Err(DocumentError::Malformed(
            "the zip holds neither actors.csv nor ties.csv".into(),
        ));
    }
    let read = read_csv(
        actors.as_deref().map(|reader| CsvFile {
            name: "actors.csv".into(),
            reader,
        }),
        ties.as_deref().map(|reader| CsvFile {
            name: "ties.csv".into(),
            reader,
        }),
        mode,
        ignored,
    )?;
    Ok(GraphImport {
        batch: read.batch,
        format: "csv",
        notes: read.notes,
    })
}

/// A value of a node or edge attribute as the file types it.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Text(String),
    Number(f64),
    Flag(bool),
    List(Vec<String>),
}

impl Val {
    /// A value typed by its declared type (GraphML `attr.type`, GEXF `type`).
    fn typed(raw: &str, kind: &str) -> Self {
        match kind {
            "double" | "float" | "int" | "integer" | "long" => raw
                .trim()
                .parse::<f64>()
                .map_or_else(|_| Val::Text(raw.to_owned()), Val::Number),
            "boolean" => match raw.trim() {
                "true" | "1" => Val::Flag(true),
                "false" | "0" => Val::Flag(false),
                _ => Val::Text(raw.to_owned()),
            },
            // GEXF's list type: `[a, b]` (Gephi) or `a|b`.
            "liststring" => Val::List(
                raw.trim()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .split([',', '|'])
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            _ => Val::Text(raw.to_owned()),
        }
    }

    fn from_json(value: &Json) -> Option<Self> {
        match value {
            Json::Null => None,
            Json::String(s) => Some(Val::Text(s.clone())),
            Json::Number(n) => n.as_f64().map(Val::Number),
            Json::Bool(b) => Some(Val::Flag(*b)),
            Json::Array(items) => Some(Val::List(
                items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                    .collect(),
            )),
            Json::Object(_) => Some(Val::Text(value.to_string())),
        }
    }

    /// The text, for fields that hold text (a number or a flag as written).
    fn text(&self) -> String {
        match self {
            Val::Text(s) => s.clone(),
            Val::Number(n) => n.to_string(),
            Val::Flag(b) => b.to_string(),
            Val::List(items) => items.join(";"),
        }
    }

    /// A list: a list as it is, text split at `;`.
    fn list(&self) -> Vec<String> {
        match self {
            Val::List(items) => items.clone(),
            other => other
                .text()
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    fn json(&self) -> Json {
        match self {
            Val::Text(s) => Json::String(s.clone()),
            Val::Number(n) => serde_json::Number::from_f64(*n).map_or(Json::Null, Json::Number),
            Val::Flag(b) => Json::Bool(*b),
            Val::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
        }
    }
}

/// One node or edge as read: where it is, its ends (edges), and its attributes by name.
struct Element {
    row: RowRef,
    id: Option<String>,
    ends: Option<(Option<String>, Option<String>)>,
    label: Option<String>,
    weight: Option<String>,
    values: Vec<(String, Val)>,
}

/// Collects nodes and edges, then turns them into records.
struct Reader<'a> {
    ignored: &'a [&'a str],
    nodes: Vec<Element>,
    edges: Vec<Element>,
    left_out: BTreeSet<String>,
    notes: Vec<String>,
    errors: Vec<RowError>,
}

/// A declared attribute: its name and type, and the default value when one is declared.
struct Declared {
    name: String,
    kind: String,
    default: Option<String>,
}

/// The declared defaults of the attributes a node or edge does not give.
fn add_defaults<'d>(values: &mut Vec<(String, Val)>, declared: impl Iterator<Item = &'d Declared>) {
    for key in declared {
        if let Some(raw) = &key.default
            && !values.iter().any(|(n, _)| *n == key.name)
        {
            values.push((key.name.clone(), Val::typed(raw, &key.kind)));
        }
    }
}

/// A GraphML or GEXF `<node>` or `<edge>` (in `nodes` or `edges`) with its attribute values;
/// GEXF's `label` and `weight` are XML attributes.
fn xml_element(
    lines: &mut Lines,
    node: roxmltree::Node,
    file: &str,
    values: Vec<(String, Val)>,
) -> Element {
    let attribute = |name: &str| node.attribute(name).map(str::to_owned);
    Element {
        row: RowRef::new(file, lines.at(node.range().start)),
        id: attribute("id"),
        ends: (file == "edges").then(|| (attribute("source"), attribute("target"))),
        label: attribute("label"),
        weight: attribute("weight"),
        values,
    }
}

/// Lines of a file counted as its elements are visited, in order: linear in the file's size,
/// where asking for each element's line from the start would be quadratic.
pub(super) struct Lines<'t> {
    text: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of a byte offset.
    pub(super) fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += self.text[self.offset..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.offset = offset;
        self.line
    }
}

pub(super) fn children<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

impl<'a> Reader<'a> {
    fn new(ignored: &'a [&'a str]) -> Self {
        Self {
            ignored,
            nodes: Vec::new(),
            edges: Vec::new(),
            left_out: BTreeSet::new(),
            notes: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// GraphML: `<key>`s declare the attributes; the first `<graph>` holds the nodes and edges.
    fn graphml(
        &mut self,
        xml: &roxmltree::Document,
        root: roxmltree::Node,
    ) -> Result<(), DocumentError> {
        let mut lines = Lines::new(xml.input_text());
        // Declared attributes by what they are for (`node`, `edge`, `all`), then by id.
        let mut keys: HashMap<String, HashMap<String, Declared>> = HashMap::new();
        for key in children(root, "key") {
            let (Some(id), Some(name)) = (key.attribute("id"), key.attribute("attr.name")) else {
                continue;
            };
            let target = key.attribute("for").unwrap_or("all");
            keys.entry(target.to_owned()).or_default().insert(
                id.to_owned(),
                Declared {
                    name: name.to_owned(),
                    kind: key.attribute("attr.type").unwrap_or("string").to_owned(),
                    default: children(key, "default")
                        .next()
                        .and_then(|d| d.text())
                        .map(str::to_owned),
                },
            );
        }
        let graph = children(root, "graph")
            .next()
            .ok_or_else(|| DocumentError::Malformed("the GraphML file has no <graph>".into()))?;
        if graph.attribute("edgedefault") == Some("undirected") {
            self.notes.push(
                "the graph is undirected: each edge became a tie from the node written first \
                 (source) to the other (target)"
                    .into(),
            );
        }
        let declared = |target: &str, id: &str| {
            [target, "all"]
                .into_iter()
                .find_map(|t| keys.get(t).and_then(|k| k.get(id)))
        };
        for (element, target, file) in [("node", "node", "nodes"), ("edge", "edge", "edges")] {
            let defaults: Vec<&Declared> = [target, "all"]
                .into_iter()
                .filter_map(|t| keys.get(t))
                .flat_map(|k| k.values())
                .filter(|d| d.default.is_some())
                .collect();
            for node in children(graph, element) {
                let mut values = Vec::new();
                for data in children(node, "data") {
                    let Some(key) = data.attribute("key").and_then(|k| declared(target, k)) else {
                        continue;
                    };
                    let text: String = data
                        .descendants()
                        .filter(|d| d.is_text())
                        .filter_map(|d| d.text())
                        .collect();
                    values.push((key.name.clone(), Val::typed(&text, &key.kind)));
                }
                add_defaults(&mut values, defaults.iter().copied());
                self.push(xml_element(&mut lines, node, file, values));
            }
        }
        Ok(())
    }

    /// GEXF (1.1 to 1.3): `<attributes>` declare the attributes of each class; node labels
    /// and edge weights are XML attributes.
    fn gexf(
        &mut self,
        xml: &roxmltree::Document,
        root: roxmltree::Node,
    ) -> Result<(), DocumentError> {
        let mut lines = Lines::new(xml.input_text());
        let graph = children(root, "graph")
            .next()
            .ok_or_else(|| DocumentError::Malformed("the GEXF file has no <graph>".into()))?;
        if graph.attribute("defaultedgetype") == Some("undirected") {
            self.notes.push(
                "the graph is undirected: each edge became a tie from its source to its target"
                    .into(),
            );
        }
        // Declared attributes by class (`node`, `edge`), then by id.
        let mut declared: HashMap<String, HashMap<String, Declared>> = HashMap::new();
        for attributes in children(graph, "attributes") {
            let class = attributes.attribute("class").unwrap_or("node");
            for attribute in children(attributes, "attribute") {
                let Some(id) = attribute.attribute("id") else {
                    continue;
                };
                declared.entry(class.to_owned()).or_default().insert(
                    id.to_owned(),
                    Declared {
                        name: attribute.attribute("title").unwrap_or(id).to_owned(),
                        kind: attribute.attribute("type").unwrap_or("string").to_owned(),
                        default: children(attribute, "default")
                            .next()
                            .and_then(|d| d.text())
                            .map(str::to_owned),
                    },
                );
            }
        }
        for (list, element, class, file) in [
            ("nodes", "node", "node", "nodes"),
            ("edges", "edge", "edge", "edges"),
        ] {
            let empty = HashMap::new();
            let declared = declared.get(class).unwrap_or(&empty);
            for node in children(graph, list).flat_map(|l| children(l, element)) {
                let mut values = Vec::new();
                for value in children(node, "attvalues").flat_map(|v| children(v, "attvalue")) {
                    let key = value.attribute("for").or_else(|| value.attribute("id"));
                    let Some(key) = key.and_then(|k| declared.get(k)) else {
                        continue;
                    };
                    let raw = value.attribute("value").unwrap_or_default();
                    values.push((key.name.clone(), Val::typed(raw, &key.kind)));
                }
                add_defaults(&mut values, declared.values());
                self.push(xml_element(&mut lines, node, file, values));
            }
        }
        Ok(())
    }

    /// Node-link JSON as NetworkX's `node_link_data` writes it (edges under `edges` or
    /// `links`; a multigraph's edge key is the tie id).
    fn nodelink(&mut self, value: &Json) -> Result<(), DocumentError> {
        let list = |name: &str| value.get(name).and_then(Json::as_array);
        let nodes = list("nodes").ok_or_else(|| {
            DocumentError::Malformed("node-link JSON whose nodes are not a list".into())
        })?;
        if value.get("directed") == Some(&Json::Bool(false)) {
            self.notes.push(
                "the graph is undirected: each edge became a tie from its source to its target"
                    .into(),
            );
        }
        let edges = list("edges").or_else(|| list("links"));
        for (file, items) in [("nodes", Some(nodes)), ("edges", edges)] {
            for (index, item) in items.into_iter().flatten().enumerate() {
                let row = RowRef::new(file, index + 1);
                let Some(object) = item.as_object() else {
                    let reason = DomainError::Malformed("not a JSON object".into());
                    self.errors.push(RowError::new(&row, "record", reason));
                    continue;
                };
                let text = |name: &str| {
                    object.get(name).and_then(|v| match v {
                        Json::String(s) => Some(s.clone()),
                        Json::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                };
                let edge = file == "edges";
                let own: &[&str] = if edge {
                    &["source", "target", "key", "id"]
                } else {
                    &["id"]
                };
                let values = object
                    .iter()
                    .filter(|(k, _)| !own.contains(&k.as_str()))
                    .filter_map(|(k, v)| Val::from_json(v).map(|v| (k.clone(), v)))
                    .collect();
                let element = Element {
                    row,
                    id: if edge {
                        text("key").or_else(|| text("id"))
                    } else {
                        text("id")
                    },
                    ends: edge.then(|| (text("source"), text("target"))),
                    label: None,
                    weight: None,
                    values,
                };
                self.push(element);
            }
        }
        Ok(())
    }

    fn push(&mut self, element: Element) {
        if element.ends.is_some() {
            self.edges.push(element);
        } else {
            self.nodes.push(element);
        }
    }

    /// Turns the elements into records and checks them; every bad one is reported.
    fn finish(
        mut self,
        mode: WriteMode,
        format: &'static str,
    ) -> Result<GraphImport, DocumentError> {
        let mut batch = Batch::new(mode);
        for node in std::mem::take(&mut self.nodes) {
            let row = node.row.clone();
            let record = self.actor(node);
            if let Err(errors) = record.and_then(|r| r.add_to(&mut batch, &row)) {
                self.errors.extend(errors);
            }
        }
        let mut unknown_edge_fields = BTreeSet::new();
        for edge in std::mem::take(&mut self.edges) {
            let row = edge.row.clone();
            let record = self.tie(edge, &mut unknown_edge_fields);
            if let Err(errors) = record.and_then(|r| r.add_to(&mut batch, &row)) {
                self.errors.extend(errors);
            }
        }
        if !self.errors.is_empty() {
            return Err(DocumentError::Rows(self.errors));
        }
        if !self.left_out.is_empty() {
            let names: Vec<&str> = self.left_out.iter().map(String::as_str).collect();
            self.notes.push(format!(
                "metric columns left out (relaymap computes them): {}",
                names.join(", ")
            ));
        }
        if !unknown_edge_fields.is_empty() {
            let names: Vec<&str> = unknown_edge_fields.iter().map(String::as_str).collect();
            self.notes.push(format!(
                "edge attributes that ties do not have, left out: {}",
                names.join(", ")
            ));
        }
        Ok(GraphImport {
            batch,
            format,
            notes: self.notes,
        })
    }

    /// A metric column: left out, and noted once.
    fn metric(&mut self, name: &str) -> bool {
        let metric = self.ignored.contains(&name);
        if metric {
            self.left_out.insert(name.to_owned());
        }
        metric
    }

    fn actor(&mut self, node: Element) -> Result<ActorRecord, Vec<RowError>> {
        let row = node.row;
        let mut errors = Vec::new();
        let mut record = ActorRecord {
            id: node.id,
            ..ActorRecord::default()
        };
        let mut extra = Map::new();
        let mut attributes: Option<Map<String, Json>> = None;
        let (mut lat, mut lon) = (None, None);
        let mut consent = ConsentRecord::default();
        let mut consent_given = false;
        let number = |name: &str, value: &Val, errors: &mut Vec<RowError>| match value {
            Val::Number(n) => Some(*n),
            other => match other.text().trim().parse::<f64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    let reason = DomainError::NotANumber(other.text().chars().take(24).collect());
                    errors.push(RowError::new(&row, name, reason));
                    None
                }
            },
        };
        for (name, value) in node.values {
            let text = || Some(value.text()).filter(|s| !s.trim().is_empty());
            match name.as_str() {
                "kind" => record.kind = text(),
                "name" => record.name = text(),
                "city" => record.city = text(),
                "languages" => record.languages = value.list(),
                "channels" => record.channels = value.list(),
                "lat" => lat = number("lat", &value, &mut errors),
                "lon" => lon = number("lon", &value, &mut errors),
                "consent" => match value {
                    Val::Flag(b) => consent_given = b,
                    ref other => match other.text().trim().to_ascii_lowercase().as_str() {
                        "true" | "yes" | "1" => consent_given = true,
                        "false" | "no" | "0" | "" => {}
                        raw => errors.push(RowError::new(
                            &row,
                            "consent",
                            DomainError::NotABoolean(raw.chars().take(24).collect()),
                        )),
                    },
                },
                "consent_purposes" => consent.purposes = value.list(),
                "consent_recorded_on" => consent.recorded_on = text(),
                "consent_recorded_by" => consent.recorded_by = text(),
                "consent_expires" => consent.expires = text(),
                "attributes" => match &value {
                    Val::Text(raw) if raw.trim().is_empty() => {}
                    Val::Text(raw) => match serde_json::from_str::<Json>(raw) {
                        Ok(Json::Object(map)) => attributes = Some(map),
                        _ => errors.push(RowError::new(
                            &row,
                            "attributes",
                            DomainError::AttributesNotObject,
                        )),
                    },
                    _ => errors.push(RowError::new(
                        &row,
                        "attributes",
                        DomainError::AttributesNotObject,
                    )),
                },
                "created_at" => record.created_at = text(),
                "updated_at" => record.updated_at = text(),
                // What graph tools add to every node: not facts about the actor.
                "label" | "x" | "y" | "z" | "size" | "r" | "g" | "b" => {
                    if name == "label" {
                        record.name = record.name.take().or_else(text);
                    }
                }
                other if self.metric(other) => {}
                other => {
                    extra.insert(other.to_owned(), value.json());
                }
            }
        }
        if record.name.is_none() {
            record.name = node.label.filter(|l| !l.trim().is_empty());
        }
        record.location = match (lat, lon) {
            (Some(lat), Some(lon)) => Some(LocationRecord { lat, lon }),
            (Some(_), None) => {
                errors.push(RowError::new(&row, "lon", DomainError::HalfLocation));
                None
            }
            (None, Some(_)) => {
                errors.push(RowError::new(&row, "lat", DomainError::HalfLocation));
                None
            }
            (None, None) => None,
        };
        record.consent = consent_given;
        if consent != ConsentRecord::default() {
            record.consent_record = Some(consent);
        }
        if attributes.is_some() || !extra.is_empty() {
            let mut all = attributes.unwrap_or_default();
            for (key, value) in extra {
                all.entry(key).or_insert(value);
            }
            record.attributes = Some(Json::Object(all));
        }
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    fn tie(
        &mut self,
        edge: Element,
        unknown: &mut BTreeSet<String>,
    ) -> Result<TieRecord, Vec<RowError>> {
        let row = edge.row;
        let mut errors = Vec::new();
        let (source, target) = edge.ends.unwrap_or_default();
        let mut record = TieRecord {
            id: edge.id,
            source,
            target,
            ..TieRecord::default()
        };
        let parse_trust = |raw: &Val, errors: &mut Vec<RowError>| match raw {
            Val::Number(n) => Some(*n),
            other => match other.text().trim().parse::<f64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    let reason = DomainError::NotANumber(other.text().chars().take(24).collect());
                    errors.push(RowError::new(&row, "trust", reason));
                    None
                }
            },
        };
        let mut weight = None;
        for (name, value) in edge.values {
            let text = || Some(value.text()).filter(|s| !s.trim().is_empty());
            match name.as_str() {
                "kind" => record.kind = text(),
                "trust" => record.trust = parse_trust(&value, &mut errors),
                "weight" => weight = Some(value),
                "channels" => record.channels = value.list(),
                "last_verified" => record.last_verified = text(),
                "note" => record.note = text(),
                "created_at" => record.created_at = text(),
                "updated_at" => record.updated_at = text(),
                "id" | "key" | "label" => {}
                other if self.metric(other) => {}
                other => {
                    unknown.insert(other.to_owned());
                }
            }
        }
        // The edge weight stands for trust when trust itself is not there (GEXF, NetworkX).
        if record.trust.is_none() {
            let weight = weight.or_else(|| edge.weight.map(Val::Text));
            record.trust = weight.and_then(|w| parse_trust(&w, &mut errors));
        }
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }
}
