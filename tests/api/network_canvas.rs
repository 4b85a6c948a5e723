//! Network Canvas exports in: the GraphML and the CSV export that Interviewer and Fresco write
//! (as their exporter writes them: one `<graph>` per interview with `nc:` attributes and the
//! ego's data under it; `…_ego.csv`, `…_attributeList_<Type>.csv`, `…_edgeList_<Type>.csv`),
//! read through a mapping saved once and used again by name.

use std::io::Write;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, client_with, error_of, spawn_app};

/// A variable's value as an interview holds it.
#[derive(Clone)]
enum V {
    Text(&'static str),
    Number(f64),
    Flag(bool),
    /// A multiple choice: the options chosen among all the options.
    Choice(&'static [&'static str], &'static [&'static str]),
}

type Vars = Vec<(&'static str, V)>;

/// Variables as `(name, text)`.
type Cells = Vec<(String, String)>;

struct Node {
    uid: &'static str,
    kind: &'static str,
    vars: Vars,
}

struct Edge {
    uid: &'static str,
    kind: &'static str,
    from: &'static str,
    to: &'static str,
    vars: Vars,
}

struct Interview {
    case: &'static str,
    session: &'static str,
    ego: &'static str,
    start: &'static str,
    ego_vars: Vars,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

const LANGUAGES: &[&str] = &["Arabic", "Tigrinya", "Japanese"];
const ASSOCIATION: &str = "9d5ed678fe57bcca610140957afab571b0b5ae0a";

fn harbour() -> Interview {
    Interview {
        case: "H-17",
        session: "0b6a3c52-7c1e-4d8b-9a51-3f0e2d7c1a11",
        ego: "e0c9f7a2-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
        start: "2026-11-30T09:15:00.000Z",
        ego_vars: vec![
            ("nickname", V::Text("Hana")),
            ("language", V::Choice(&["Arabic"], LANGUAGES)),
            ("reach_by", V::Text("phone whatsapp")),
            ("consent_warnings", V::Flag(true)),
            ("legal_status", V::Text("undocumented")),
            ("neighbourhood", V::Text("Harbour")),
        ],
        nodes: vec![
            Node {
                uid: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c01",
                kind: "Person",
                vars: vec![
                    ("nickname", V::Text("Yonas")),
                    ("language", V::Choice(&["Tigrinya"], LANGUAGES)),
                    ("closeness", V::Number(4.0)),
                    ("legal_status", V::Text("asylum seeker")),
                ],
            },
            Node {
                uid: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c02",
                kind: "Person",
                vars: vec![
                    ("nickname", V::Text("Sara <b>&\"x\"</b>, Jr")),
                    ("language", V::Choice(&["Arabic", "Japanese"], LANGUAGES)),
                    ("closeness", V::Number(5.0)),
                ],
            },
            Node {
                uid: ASSOCIATION,
                kind: "Association",
                vars: vec![("nickname", V::Text("Eritrean Association"))],
            },
            Node {
                uid: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c04",
                kind: "Place",
                vars: vec![("nickname", V::Text("Station square"))],
            },
        ],
        edges: vec![
            Edge {
                uid: "a1b2c3d4-0000-4000-8000-000000000001",
                kind: "know each other",
                from: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c01",
                to: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c02",
                vars: vec![("strength", V::Number(3.0))],
            },
            // A second edge type between the same two people, mapped to the same tie kind.
            Edge {
                uid: "a1b2c3d4-0000-4000-8000-000000000003",
                kind: "family",
                from: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c01",
                to: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c02",
                vars: vec![("strength", V::Number(4.0))],
            },
            Edge {
                uid: "a1b2c3d4-0000-4000-8000-000000000002",
                kind: "know each other",
                from: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c01",
                to: "6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c04",
                vars: vec![],
            },
        ],
    }
}

/// A second interview naming the same association from the roster (the same UUID).
fn station() -> Interview {
    Interview {
        case: "S-02",
        session: "1c7b4d63-8d2f-4e9c-8b62-4f1e3d8c2b22",
        ego: "f1dae8b3-2c4e-4f60-9bac-1d2e3f4a5b6c",
        start: "2026-12-01T14:00:00.000Z",
        ego_vars: vec![
            ("nickname", V::Text("Amanuel")),
            ("language", V::Choice(&["Tigrinya"], LANGUAGES)),
        ],
        nodes: vec![Node {
            uid: ASSOCIATION,
            kind: "Association",
            vars: vec![("nickname", V::Text("Eritrean Association"))],
        }],
        edges: vec![],
    }
}

fn mapping() -> Value {
    json!({
        "name": "Harbour study",
        "ego": "migrant",
        "nodes": {
            "Person": {"kind": "migrant", "ego_tie": "knows"},
            "Association": {"kind": "organisation", "ego_tie": "member_of"}
        },
        "edges": {"know each other": "knows", "family": "knows"},
        "variables": {
            "name": "nickname",
            "languages": "language",
            "channels": "reach_by",
            "trust": ["closeness", "strength"],
            "consent": "consent_warnings"
        },
        "codes": {"Arabic": "ara", "Tigrinya": "tir", "Japanese": "jpn"},
        "trust_scale": 5,
        "consent_purposes": ["warnings"],
        "keep": ["neighbourhood"]
    })
}

fn xml_escape(raw: &str) -> String {
    raw.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The variables as GraphML data and as CSV cells: `(name, text)`, a choice spread over one
/// true/false entry per option.
fn flat(vars: &Vars) -> Cells {
    let mut out = Vec::new();
    for (name, value) in vars {
        match value {
            V::Text(text) => out.push((name.to_string(), text.to_string())),
            V::Number(n) => out.push((name.to_string(), n.to_string())),
            V::Flag(b) => out.push((name.to_string(), b.to_string())),
            V::Choice(chosen, options) => {
                for option in *options {
                    out.push((
                        format!("{name}_{option}"),
                        chosen.contains(option).to_string(),
                    ));
                }
            }
        }
    }
    out
}

/// GraphML as Network Canvas writes it: keys by variable id (`attr.name` the variable's
/// name), one `<graph>` per interview.
fn graphml(interviews: &[Interview]) -> String {
    let mut keys: Vec<(String, &str)> = Vec::new();
    let mut key = |name: &str, target: &'static str| -> String {
        let id = format!("v{}-{}", target.len(), keys.len());
        if let Some((existing, _)) = keys
            .iter()
            .find(|(k, t)| k.split_once('|').map(|p| p.1) == Some(name) && *t == target)
        {
            return existing.split_once('|').unwrap().0.to_owned();
        }
        keys.push((format!("{id}|{name}"), target));
        id
    };
    let mut graphs = String::new();
    for interview in interviews {
        graphs.push_str(&format!(
            "<graph edgedefault=\"undirected\" nc:caseId=\"{}\" nc:sessionUUID=\"{}\" \
             nc:protocolName=\"Harbour\" nc:protocolUID=\"7d1f\" nc:codebookHash=\"c0de\" \
             nc:sessionExportTime=\"2026-12-02T08:00:00.000Z\" nc:sessionStartTime=\"{}\">\n",
            interview.case, interview.session, interview.start
        ));
        graphs.push_str(&format!(
            "<data key=\"networkCanvasUUID\">{}</data>\n",
            interview.ego
        ));
        for (name, text) in flat(&interview.ego_vars) {
            let id = key(&name, "graph");
            graphs.push_str(&format!(
                "<data key=\"{id}\">{}</data>\n",
                xml_escape(&text)
            ));
        }
        let mut numbers = std::collections::HashMap::new();
        for (index, node) in interview.nodes.iter().enumerate() {
            numbers.insert(node.uid, index + 1);
            graphs.push_str(&format!(
                "<node id=\"{}\">\r\n\t<data key=\"networkCanvasUUID\">{}</data>\r\n\t<data \
                 key=\"networkCanvasType\">{}</data>\r\n\t<data key=\"label\">Node</data>\r\n",
                index + 1,
                node.uid,
                node.kind
            ));
            for (name, text) in flat(&node.vars) {
                let id = key(&name, "node");
                graphs.push_str(&format!(
                    "\t<data key=\"{id}\">{}</data>\r\n",
                    xml_escape(&text)
                ));
            }
            graphs.push_str("</node>\n");
        }
        for (index, edge) in interview.edges.iter().enumerate() {
            graphs.push_str(&format!(
                "<edge id=\"{}\" source=\"{}\" target=\"{}\">\r\n\t<data \
                 key=\"networkCanvasUUID\">{}</data>\r\n\t<data key=\"networkCanvasType\">{}</data>\
                 \r\n\t<data key=\"networkCanvasSourceUUID\">{}</data>\r\n\t<data \
                 key=\"networkCanvasTargetUUID\">{}</data>\r\n",
                index + 1,
                numbers[edge.from],
                numbers[edge.to],
                edge.uid,
                edge.kind,
                edge.from,
                edge.to
            ));
            for (name, text) in flat(&edge.vars) {
                let id = key(&name, "edge");
                graphs.push_str(&format!("\t<data key=\"{id}\">{text}</data>\r\n"));
            }
            graphs.push_str("</edge>\n");
        }
        graphs.push_str("</graph>\n");
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml \
         xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\" \
         xmlns:nc=\"http://schema.networkcanvas.com/xmlns\">\n",
    );
    for fixed in ["label", "networkCanvasType", "networkCanvasUUID"] {
        out.push_str(&format!(
            "<key id=\"{fixed}\" attr.name=\"{fixed}\" attr.type=\"string\" for=\"all\"/>\n"
        ));
    }
    for fixed in ["networkCanvasTargetUUID", "networkCanvasSourceUUID"] {
        out.push_str(&format!(
            "<key id=\"{fixed}\" attr.name=\"{fixed}\" attr.type=\"string\" for=\"edge\"/>\n"
        ));
    }
    for (id_name, target) in &keys {
        let (id, name) = id_name.split_once('|').unwrap();
        out.push_str(&format!(
            "<key id=\"{id}\" attr.name=\"{name}\" attr.type=\"string\" for=\"{target}\"/>\n"
        ));
    }
    out.push_str(&graphs);
    out.push_str("</graphml>\n");
    out
}

/// One CSV file as Network Canvas writes it: CRLF after every row, quotes only when needed.
fn csv_file(header: &[String], rows: &[Vec<String>]) -> String {
    let cell = |raw: &str| {
        if raw.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", raw.replace('"', "\"\""))
        } else {
            raw.to_owned()
        }
    };
    let mut out = String::new();
    for line in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let cells: Vec<String> = line.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A table of entities: fixed columns, then the variables in order of first appearance.
fn table(fixed: &[&str], entities: &[(Vec<String>, Vars)]) -> String {
    let mut columns: Vec<String> = fixed.iter().map(|c| c.to_string()).collect();
    let flat_rows: Vec<(Vec<String>, Cells)> = entities
        .iter()
        .map(|(cells, vars)| (cells.clone(), flat(vars)))
        .collect();
    for (_, vars) in &flat_rows {
        for (name, _) in vars {
            if !columns.contains(name) {
                columns.push(name.clone());
            }
        }
    }
    let rows: Vec<Vec<String>> = flat_rows
        .into_iter()
        .map(|(mut cells, vars)| {
            for column in &columns[fixed.len()..] {
                cells.push(
                    vars.iter()
                        .find(|(n, _)| n == column)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                );
            }
            cells
        })
        .collect();
    csv_file(&columns, &rows)
}

fn zip_of(files: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The CSV export of the interviews, in one zip.
fn csv_zip(interviews: &[Interview]) -> Vec<u8> {
    zip_of(&csv_files(interviews))
}

/// The CSV export's files of the interviews.
fn csv_files(interviews: &[Interview]) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for interview in interviews {
        let prefix = format!("{}_{}", interview.case, interview.session);
        let ego = table(
            &[
                "networkCanvasEgoUUID",
                "networkCanvasCaseID",
                "networkCanvasSessionID",
                "networkCanvasProtocolName",
                "sessionStart",
                "sessionFinish",
                "sessionExported",
            ],
            &[(
                vec![
                    interview.ego.into(),
                    interview.case.into(),
                    interview.session.into(),
                    "Harbour".into(),
                    interview.start.into(),
                    String::new(),
                    "2026-12-02T08:00:00.000Z".into(),
                ],
                interview.ego_vars.clone(),
            )],
        );
        let mut files = vec![(format!("{prefix}_ego.csv"), ego)];
        let mut numbers = std::collections::HashMap::new();
        let mut kinds: Vec<&str> = interview.nodes.iter().map(|n| n.kind).collect();
        kinds.dedup();
        for (index, node) in interview.nodes.iter().enumerate() {
            numbers.insert(node.uid, index + 1);
        }
        for kind in kinds {
            let rows: Vec<(Vec<String>, Vars)> = interview
                .nodes
                .iter()
                .filter(|n| n.kind == kind)
                .map(|n| {
                    let cells = vec![
                        numbers[n.uid].to_string(),
                        interview.ego.into(),
                        n.uid.into(),
                    ];
                    (cells, n.vars.clone())
                })
                .collect();
            let text = table(
                &["nodeID", "networkCanvasEgoUUID", "networkCanvasUUID"],
                &rows,
            );
            files.push((format!("{prefix}_attributeList_{kind}.csv"), text));
        }
        let mut edge_kinds: Vec<&str> = Vec::new();
        for edge in &interview.edges {
            if !edge_kinds.contains(&edge.kind) {
                edge_kinds.push(edge.kind);
            }
        }
        for kind in edge_kinds {
            let rows: Vec<(Vec<String>, Vars)> = interview
                .edges
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .map(|(index, e)| {
                    let cells = vec![
                        (index + 1).to_string(),
                        numbers[e.from].to_string(),
                        numbers[e.to].to_string(),
                        interview.ego.into(),
                        e.uid.into(),
                        e.from.into(),
                        e.to.into(),
                    ];
                    (cells, e.vars.clone())
                })
                .collect();
            let text = table(
                &[
                    "edgeID",
                    "from",
                    "to",
                    "networkCanvasEgoUUID",
                    "networkCanvasUUID",
                    "networkCanvasSourceUUID",
                    "networkCanvasTargetUUID",
                ],
                &rows,
            );
            // The type's name with everything but letters, digits and `_` taken out.
            let name: String = kind
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            files.push((format!("{prefix}_edgeList_{name}.csv"), text));
        }
        all.extend(files);
    }
    all
}

impl TestApp {
    async fn save_harbour_mapping(&self) {
        let response = self
            .put_json("/api/v1/mappings/Harbour%20study", &mapping())
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    async fn import_with_mapping(&self, content_type: &str, body: Vec<u8>) -> Value {
        let response = self
            .import_file("?mapping=Harbour%20study", content_type, body)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

/// Every actor and tie as the API lists them to an admin (the export leaves out whoever has
/// not agreed to research), without the record times, for comparing two imports.
async fn network(app: &TestApp) -> Value {
    let mut document = json!({});
    for list in ["actors", "ties"] {
        let page: Value = app
            .get(&format!("/api/v1/{list}?limit=1000"))
            .await
            .json()
            .await
            .unwrap();
        document[list] = page[list].clone();
    }
    for list in ["actors", "ties"] {
        for record in document[list].as_array_mut().unwrap() {
            let record = record.as_object_mut().unwrap();
            record.remove("created_at");
            record.remove("updated_at");
        }
    }
    document
}

fn by_id<'a>(document: &'a Value, list: &str, id: &str) -> &'a Value {
    document[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {list}: {document}"))
}

#[tokio::test]
async fn a_network_canvas_graphml_imports_with_a_saved_mapping_and_keeps_only_what_it_names() {
    let app = spawn_app().await;
    app.save_harbour_mapping().await;

    let answer = app
        .import_with_mapping(
            "application/graphml+xml",
            graphml(&[harbour()]).into_bytes(),
        )
        .await;

    assert_eq!(answer["format"], "network_canvas", "{answer}");
    // The ego and three of the four people and places named; the place's type is not mapped.
    assert_eq!(answer["imported"]["actors_created"], 4, "{answer}");
    // Three ties from the ego, and the one edge between people who are both kept.
    assert_eq!(answer["imported"]["ties_created"], 4, "{answer}");
    let notes = answer["notes"].to_string();
    assert!(notes.contains("Place (1)"), "{notes}");
    assert!(notes.contains("1 edge(s) to nodes left out"), "{notes}");
    assert!(notes.contains("legal_status"), "{notes}");

    let document = network(&app).await;
    for never in ["undocumented", "asylum seeker", "H-17"] {
        assert!(!document.to_string().contains(never), "{never} was kept");
    }
    let ego = by_id(
        &document,
        "actors",
        "nc-e0c9f7a2-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
    );
    assert_eq!(ego["kind"], "migrant");
    assert_eq!(ego["name"], "Hana");
    assert_eq!(ego["languages"], json!(["ara"]));
    assert_eq!(ego["channels"], json!(["phone", "whatsapp"]));
    assert_eq!(ego["consent_record"]["purposes"], json!(["warnings"]));
    assert_eq!(ego["consent_record"]["recorded_on"], "2026-11-30");
    assert_eq!(ego["attributes"], json!({"neighbourhood": "Harbour"}));
    let sara = by_id(
        &document,
        "actors",
        "nc-6f1d2c3b-4a59-4e7d-8c6b-5a4f3e2d1c02",
    );
    assert_eq!(sara["name"], "Sara <b>&\"x\"</b>, Jr");
    assert_eq!(sara["languages"], json!(["ara", "jpn"]));
    assert_eq!(sara["consent"], false, "no consent variable: none recorded");
    let association = by_id(&document, "actors", &format!("nc-{ASSOCIATION}"));
    assert_eq!(association["kind"], "organisation");

    let ties = document["ties"].as_array().unwrap();
    let tie = |source: &str, target: &str| {
        ties.iter()
            .find(|t| {
                t["source"].as_str().unwrap().ends_with(source)
                    && t["target"].as_str().unwrap().ends_with(target)
            })
            .unwrap_or_else(|| panic!("{source} -> {target}: {ties:?}"))
    };
    let yonas = "1c01";
    assert_eq!(tie("4a5b", yonas)["kind"], "knows");
    assert_eq!(tie("4a5b", yonas)["trust"], 0.8, "closeness 4 of 5");
    assert_eq!(tie("4a5b", "1c02")["trust"], 1.0);
    assert_eq!(tie("4a5b", ASSOCIATION)["kind"], "member_of");
    // Two edges between them ("know each other", strength 3; "family", 4) are one tie.
    assert_eq!(
        tie(yonas, "1c02")["trust"],
        0.8,
        "the higher strength, 4 of 5"
    );
    assert!(notes.contains("1 edge(s) joined"), "{notes}");

    // The same file again changes nothing: ids come from Network Canvas's UUIDs.
    let again = app
        .import_with_mapping(
            "application/graphml+xml",
            graphml(&[harbour()]).into_bytes(),
        )
        .await;
    assert_eq!(again["imported"]["actors_created"], 0, "{again}");
    assert_eq!(again["imported"]["actors_unchanged"], 4, "{again}");
    assert_eq!(again["imported"]["ties_unchanged"], 4, "{again}");
}

#[tokio::test]
async fn the_csv_export_and_the_graphml_of_the_same_interviews_give_the_same_network() {
    let from_graphml = spawn_app().await;
    from_graphml.save_harbour_mapping().await;
    // Interviewer's "merge sessions": both interviews in one file.
    let answer = from_graphml
        .import_with_mapping(
            "application/xml",
            graphml(&[harbour(), station()]).into_bytes(),
        )
        .await;
    assert!(
        answer["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("2 Network Canvas interview(s)")
    );
    let graphml_network = network(&from_graphml).await;
    // The association both named from the roster is one actor with two members.
    let members = graphml_network["ties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["target"] == format!("nc-{ASSOCIATION}") && t["kind"] == "member_of")
        .count();
    assert_eq!(members, 2);
    assert_eq!(graphml_network["actors"].as_array().unwrap().len(), 5);
    drop(from_graphml);

    let from_csv = spawn_app().await;
    from_csv.save_harbour_mapping().await;
    let answer = from_csv
        .import_with_mapping("application/zip", csv_zip(&[harbour(), station()]))
        .await;
    assert_eq!(answer["format"], "network_canvas", "{answer}");
    assert_eq!(network(&from_csv).await, graphml_network);

    // A zip holding both (the apps' default export) is read once, from the GraphML.
    let mut files = csv_files(&[harbour()]);
    files.push(("H-17_0b6a.graphml".into(), graphml(&[harbour()])));
    let both = zip_of(&files);
    let answer = from_csv.import_with_mapping("application/zip", both).await;
    assert_eq!(answer["imported"]["actors_unchanged"], 4, "{answer}");
    assert!(answer["notes"].to_string().contains("the GraphML was read"));
}

#[tokio::test]
async fn mappings_are_checked_saved_listed_and_deleted_and_bad_imports_write_nothing() {
    let app = spawn_app().await;
    let file = graphml(&[harbour()]).into_bytes();

    // Without a mapping, the file is recognised and the way in is named.
    let response = app
        .import_file("", "application/graphml+xml", file.clone())
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        error_of(response).await["message"]
            .as_str()
            .unwrap()
            .contains("Network Canvas")
    );
    let response = app
        .import_file("?mapping=nowhere", "application/graphml+xml", file.clone())
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // A mapping that breaks a rule names the field; a body naming another mapping is refused.
    let mut bad = mapping();
    bad["nodes"]["Person"]["kind"] = json!("alien");
    let response = app.put_json("/api/v1/mappings/Harbour%20study", &bad).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        error_of(response).await["message"]
            .as_str()
            .unwrap()
            .contains("nodes.Person.kind")
    );
    let response = app.put_json("/api/v1/mappings/Other", &mapping()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let viewer = client_with(&app.token(relaymap::domain::Role::Viewer).await);
    let response = viewer
        .put(app.url("/api/v1/mappings/Harbour%20study"))
        .json(&mapping())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Saved without a name in the body: the path's.
    let mut unnamed = mapping();
    unnamed.as_object_mut().unwrap().remove("name");
    let response = app
        .put_json("/api/v1/mappings/Harbour%20study", &unnamed)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let listed: Value = app.get("/api/v1/mappings").await.json().await.unwrap();
    assert_eq!(listed["mappings"][0]["mapping"]["name"], "Harbour study");
    assert_eq!(listed["mappings"][0]["mapping"]["trust_scale"], 5.0);

    // A trust that is not a number: the row and variable named, nothing written.
    let broken =
        String::from_utf8(file.clone())
            .unwrap()
            .replacen(">4</data>", ">very close</data>", 1);
    let before = app.stats().await;
    let response = app
        .import_file("?mapping=Harbour%20study", "text/xml", broken.into_bytes())
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["rows"][0]["field"], "closeness", "{error}");
    assert!(error["rows"][0]["line"].as_u64().unwrap() > 1, "{error}");
    assert_eq!(app.stats().await, before);

    // A mapping is for Network Canvas files only.
    let response = app
        .import_file(
            "?mapping=Harbour%20study",
            "application/json",
            serde_json::to_vec(&json!({"actors": [], "ties": []})).unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let response = app.delete("/api/v1/mappings/Harbour%20study").await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = app.delete("/api/v1/mappings/Harbour%20study").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[test]
fn the_command_line_saves_a_mapping_from_its_file_and_uses_it_again_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("study.db");
    let mapping_file = dir.path().join("mapping.json");
    std::fs::write(&mapping_file, mapping().to_string()).unwrap();
    let first = dir.path().join("harbour.graphml");
    std::fs::write(&first, graphml(&[harbour()])).unwrap();
    let second = dir.path().join("station.zip");
    std::fs::write(&second, csv_zip(&[station()])).unwrap();
    let run = |args: &[&std::path::Path], mapping: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_relaymap"))
            .args(["import", "--db"])
            .arg(args[0])
            .arg("--graph")
            .arg(args[1])
            .args(["--mapping", mapping])
            .env_remove("RELAYMAP_DB")
            .output()
            .unwrap()
    };

    let output = run(&[&db, &first], mapping_file.to_str().unwrap());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("mapping \"Harbour study\" saved"),
        "{stderr}"
    );
    let output = run(&[&db, &second], "Harbour study");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("network_canvas"), "{stderr}");

    let output = run(&[&db, &second], "No such study");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no saved mapping"));
}
