//! Graph files in: GraphML, GEXF and node-link JSON (relaymap's own and other tools'), and the
//! CSV zip of an export, through `POST /api/v1/import`, the format recognised from the content.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_of, spawn_app};

impl TestApp {
    /// Sends one file to the import as the body, with a content type.
    pub async fn import_file(
        &self,
        query: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/v1/import{query}")))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("import is answered")
    }

    async fn export_bytes(&self, query: &str) -> Vec<u8> {
        let response = self.get(&format!("/api/v1/export?{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        response.bytes().await.unwrap().to_vec()
    }
}

#[tokio::test]
async fn each_graph_export_imports_back_to_the_same_network_and_metric_columns_are_noted() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let original = app.export().await;

    let mut files = Vec::new();
    for (query, content_type, format) in [
        ("format=graphml", "application/graphml+xml", "graphml"),
        (
            "format=gexf&with_metrics=true",
            "application/gexf+xml",
            "gexf",
        ),
        (
            "format=nodelink&with_metrics=true",
            "application/json",
            "nodelink",
        ),
        ("format=csv&with_metrics=true", "application/zip", "csv"),
        ("format=json", "application/octet-stream", "json"),
    ] {
        files.push((query, content_type, format, app.export_bytes(query).await));
    }
    // Each file into an empty store (on Neo4j, the one database wiped again).
    for (query, content_type, format, file) in files {
        let copy = spawn_app().await;
        let response = copy.import_file("", content_type, file).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        let answer: Value = response.json().await.unwrap();
        assert_eq!(answer["format"], format, "{query}: {answer}");
        let notes = answer["notes"].to_string();
        assert_eq!(
            notes.contains("metric columns left out"),
            query.contains("with_metrics"),
            "{query}: {notes}"
        );
        assert_eq!(answer["imported"]["actors_created"], 5, "{query}: {answer}");
        let back = copy.export().await;
        if format == "csv" {
            // CSV holds neither attributes nor record times.
            let strip = |text: &str| {
                let mut document: Value = serde_json::from_str(text).unwrap();
                for list in ["actors", "ties"] {
                    for record in document[list].as_array_mut().unwrap() {
                        let record = record.as_object_mut().unwrap();
                        for field in ["created_at", "updated_at", "attributes"] {
                            record.remove(field);
                        }
                    }
                }
                document
            };
            assert_eq!(strip(&back), strip(&original), "{query}");
        } else {
            assert_eq!(back, original, "{query}: the network came back whole");
        }
    }
}

/// GraphML as another tool writes it: keys with other ids, a default, an attribute relaymap does
/// not know (kept in `attributes`), an edge weight standing for trust.
const OTHER_TOOL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="kind" attr.type="string"><default>migrant</default></key>
  <key id="d1" for="node" attr.name="name" attr.type="string"/>
  <key id="d2" for="node" attr.name="languages" attr.type="string"/>
  <key id="d3" for="node" attr.name="household" attr.type="long"/>
  <key id="d4" for="edge" attr.name="kind" attr.type="string"/>
  <key id="d5" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d6" for="edge" attr.name="colour" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="m-1"><data key="d1">Selam</data><data key="d2">tir;eng</data><data key="d3">4</data></node>
    <node id="o-1"><data key="d0">organisation</data><data key="d1">Club</data></node>
    <edge id="t-1" source="m-1" target="o-1"><data key="d4">member_of</data><data key="d5">0.8</data><data key="d6">red</data></edge>
  </graph>
</graphml>"#;

#[tokio::test]
async fn graphml_from_another_tool_maps_documented_names_and_keeps_the_rest() {
    let app = spawn_app().await;
    let response = app
        .import_file("", "application/xml", OTHER_TOOL.as_bytes().to_vec())
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let answer: Value = response.json().await.unwrap();
    assert!(
        answer["notes"].to_string().contains("colour"),
        "an edge attribute ties do not have is named: {answer}"
    );
    let m1: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(
        (&m1["kind"], &m1["languages"], &m1["attributes"]),
        (
            &json!("migrant"),
            &json!(["tir", "eng"]),
            &json!({"household": 4.0})
        )
    );
    let t1: Value = app.get("/api/v1/ties/t-1").await.json().await.unwrap();
    assert_eq!(
        (&t1["kind"], &t1["trust"]),
        (&json!("member_of"), &json!(0.8))
    );
}

#[tokio::test]
async fn a_bad_graph_file_names_every_bad_node_and_edge_by_line_and_writes_nothing() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = app.export().await;
    let file = r#"<?xml version="1.0"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
    <attributes class="edge"><attribute id="0" title="kind" type="string"/></attributes>
    <nodes>
      <node id="m-9" label="Fine"><attvalues><attvalue for="0" value="migrant"/></attvalues></node>
      <node id="m-10" label="No kind"/>
    </nodes>
    <edges>
      <edge id="t-9" source="m-9" target="m-1" weight="0.5"><attvalues><attvalue for="0" value="knows"/></attvalues></edge>
      <edge id="t-10" source="m-9" target="m-404" weight="2"><attvalues><attvalue for="0" value="loves"/></attvalues></edge>
    </edges>
  </graph>
</gexf>"#;
    let response = app
        .import_file("", "application/gexf+xml", file.as_bytes().to_vec())
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    let rows: Vec<(String, u64, String)> = error["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["line"].as_u64().unwrap(),
                r["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for want in [
        ("nodes", 8, "kind"),
        ("edges", 12, "kind"),
        ("edges", 12, "trust"),
    ] {
        assert!(
            rows.contains(&(want.0.to_owned(), want.1, want.2.to_owned())),
            "{want:?} in {rows:?}"
        );
    }
    assert_eq!(app.export().await, before, "nothing was written");
}

#[tokio::test]
async fn files_that_are_no_graph_are_refused_with_a_reason() {
    let app = spawn_app().await;
    // An entity bomb: a DTD is refused before anything expands.
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><graphml><graph>&b;</graph></graphml>"#;
    for (body, content_type, words) in [
        (bomb.as_bytes().to_vec(), "application/xml", "XML"),
        (b"<svg></svg>".to_vec(), "text/xml", "GraphML and GEXF"),
        (b"PK\x03\x04broken".to_vec(), "application/zip", "zip"),
        (
            b"\x00\x01binary".to_vec(),
            "application/octet-stream",
            "not a file relaymap reads",
        ),
        (b"{\"nodes\": 3}".to_vec(), "application/json", "nodes"),
    ] {
        let response = app.import_file("", content_type, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{words}");
        let error = error_of(response).await;
        assert_eq!(error["code"], "malformed_document", "{error}");
        assert!(
            error["message"].as_str().unwrap().contains(words),
            "{error}"
        );
    }
    let response = app.import_file("", "image/png", b"\x89PNG".to_vec()).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.stats().await["actors"]["total"], 0);
}
