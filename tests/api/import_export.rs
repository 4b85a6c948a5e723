use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{
    GeoPackage, TestApp, error_of, gpkg_points, small_network, spawn_app, spawn_app_with,
    stored_home,
};

#[tokio::test]
async fn export_then_import_into_an_empty_store_then_export_gives_the_same_document() {
    // Arrange: the demo city, with every field kind in use. One store at a time: a Neo4j
    // Community server has a single database.
    let source = spawn_app_with(|config| config.demo = true).await;
    let exported = source.export().await;
    source.stop().await;
    let target = spawn_app().await;

    // Act
    let response = target
        .client
        .post(target.url("/api/v1/import"))
        .header("content-type", "application/json")
        .body(exported.clone())
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let summary: Value = response.json().await.unwrap();
    let document: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(
        summary["imported"]["actors_created"],
        document["actors"].as_array().unwrap().len()
    );
    assert_eq!(
        summary["imported"]["ties_created"],
        document["ties"].as_array().unwrap().len()
    );
    assert_eq!(target.export().await, exported);
}

#[tokio::test]
async fn an_import_with_one_bad_row_in_ten_thousand_writes_nothing_and_names_the_row() {
    // Arrange: 5,000 migrants and 5,000 ties; tie number 3,217 points at nobody.
    let app = spawn_app().await;
    let actors: Vec<Value> = (0..5000)
        .map(|i| json!({"id": format!("m-{i}"), "kind": "migrant", "name": format!("Person {i}"), "languages": ["ara"]}))
        .collect();
    let ties: Vec<Value> = (0..5000)
        .map(|i| {
            let target = if i == 3216 { "m-nobody".to_owned() } else { format!("m-{}", (i + 1) % 5000) };
            json!({"id": format!("t-{i}"), "source": format!("m-{i}"), "target": target, "kind": "knows"})
        })
        .collect();

    // Act
    let response = app
        .import_json(&json!({"actors": actors, "ties": ties}))
        .await;

    // Assert
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["rows"].as_array().unwrap().len(), 1, "{error}");
    let row = &error["rows"][0];
    assert_eq!(row["file"], "ties");
    assert_eq!(row["line"], 3217);
    assert_eq!(row["field"], "target");
    assert!(row["reason"].as_str().unwrap().contains("m-nobody"));
    let stats = app.stats().await;
    assert_eq!(stats["actors"]["total"], 0);
    assert_eq!(stats["ties"]["total"], 0);
}

#[tokio::test]
async fn every_bad_row_is_listed() {
    let app = spawn_app().await;
    let document = json!({
        "actors": [
            {"id": "m-1", "kind": "migrant", "name": "A"},
            {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["xx"]},
            {"id": "m-1", "kind": "migrant", "name": "A again"}
        ],
        "ties": [{"source": "m-1", "target": "m-2", "kind": "knows", "trust": 5}]
    });

    let error = error_of(app.import_json(&document).await).await;

    let rows: Vec<(String, u64, String)> = error["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().into(),
                r["line"].as_u64().unwrap(),
                r["field"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("actors".into(), 2, "languages".into()),
            ("ties".into(), 1, "trust".into())
        ],
        "shape errors first; the duplicate id is found once the rows parse"
    );
}

#[tokio::test]
async fn re_importing_the_same_ids_updates_them() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let mut document = small_network();
    document["actors"][3]["name"] = json!("Selam H.");
    document["ties"][0]["trust"] = json!(0.4);

    let response = app.import_json(&document).await;

    assert_eq!(response.status(), StatusCode::OK);
    let summary: Value = response.json().await.unwrap();
    assert_eq!(
        summary["imported"],
        json!({"actors_created": 0, "actors_updated": 1, "actors_unchanged": 4,
               "ties_created": 0, "ties_updated": 1, "ties_unchanged": 4}),
        "only what differs is updated"
    );
    let m1: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(m1["name"], "Selam H.");
    let t1: Value = app.get("/api/v1/ties/t-1").await.json().await.unwrap();
    assert_eq!(t1["trust"], 0.4);
    assert_eq!(app.stats().await["actors"]["total"], 5);

    // The same document again changes nothing, and says so; nothing's time of change moves.
    let again: Value = app.import_json(&document).await.json().await.unwrap();
    assert_eq!(
        again["imported"],
        json!({"actors_created": 0, "actors_updated": 0, "actors_unchanged": 5,
               "ties_created": 0, "ties_updated": 0, "ties_unchanged": 5})
    );
    let m1_again: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(m1_again["updated_at"], m1["updated_at"]);
}

const ACTORS_CSV: &str = "\
name,id,kind,languages,lat,lon,city,channels,consent
#x_name,#x_actor+id,#x_actor+type,#language+code,#geo+lat,#geo+lon,#adm2+code,#contact+type,#x_consent
Port Aster,c-1,city,eng,,,,,
Casa Latina,o-1,organisation,spa;eng,44.1,8.2,c-1,phone;email,true
Lucia,m-1,migrant,spa,44.11,8.21,c-1,whatsapp;sms,yes
Diego,m-2,migrant,spa;eng,,,c-1,whatsapp,no
";

const TIES_CSV: &str = "\
source,target,kind,trust,channels,last_verified,id
#x_source,#x_target,#x_tie+type,#x_trust,#contact+type,#date+verified,#x_tie+id
m-1,m-2,knows,0.8,whatsapp,2026-03-01,t-1
m-1,o-1,member_of,,,,t-2
";

#[tokio::test]
async fn csv_files_with_an_hxl_row_and_columns_in_any_order_import() {
    let app = spawn_app().await;

    let response = app.import_csv(Some(ACTORS_CSV), Some(TIES_CSV)).await;

    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let m1: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(m1["languages"], json!(["spa"]));
    assert_eq!(m1["location"], stored_home(44.11, 8.21));
    assert_eq!(m1["channels"], json!(["sms", "whatsapp"]));
    assert_eq!(m1["consent"], true);
    let t2: Value = app.get("/api/v1/ties/t-2").await.json().await.unwrap();
    assert_eq!(t2["trust"], 0.5);
    assert_eq!(app.stats().await["ties"]["total"], 2);
}

#[tokio::test]
async fn a_bad_csv_row_is_named_by_file_and_line_and_nothing_is_written() {
    let app = spawn_app().await;
    let ties = TIES_CSV.replace("m-1,o-1,member_of", "o-1,m-1,member_of");

    let response = app.import_csv(Some(ACTORS_CSV), Some(&ties)).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["rows"][0]["file"], "ties");
    assert_eq!(
        error["rows"][0]["line"], 4,
        "header, HXL row, then the rows"
    );
    assert_eq!(error["rows"][0]["field"], "kind");
    assert_eq!(app.stats().await["actors"]["total"], 0);
}

#[tokio::test]
async fn an_import_that_is_not_a_document_is_a_bad_request() {
    let app = spawn_app().await;

    let not_a_document = app.import_json(&json!([1, 2, 3])).await;
    let plain_text = app
        .client
        .post(app.url("/api/v1/import"))
        .body("hello")
        .send()
        .await
        .unwrap();
    let unknown_part = app
        .client
        .post(app.url("/api/v1/import"))
        .multipart(reqwest::multipart::Form::new().text("people", "id,kind,name\n"))
        .send()
        .await
        .unwrap();

    assert_eq!(not_a_document.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(not_a_document).await["code"], "malformed_document");
    assert_eq!(plain_text.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(unknown_part.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_unknown_export_format_is_refused() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/export?format=xlsx").await;

    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(response).await["field"], "format");
}

/// The body of a successful export, with its media type and file name checked: the format's
/// `file`, named for its variant (pseudonymised, with metrics) and dated, so that the downloads
/// of a day never overwrite each other.
async fn download(app: &TestApp, query: &str, media_type: &str, file: &str) -> Vec<u8> {
    let response = app.get(&format!("/api/v1/export?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    assert_eq!(response.headers()["content-type"], media_type, "{query}");
    let (stem, extension) = file.split_once('.').unwrap();
    let variant = format!(
        "{}{}",
        if query.contains("pseudonymize=true") {
            "-pseudonymised"
        } else {
            ""
        },
        if query.contains("with_metrics=true") {
            "-with-metrics"
        } else {
            ""
        },
    );
    let today = chrono::Utc::now().format("%Y-%m-%d");
    assert_eq!(
        response.headers()["content-disposition"],
        format!("attachment; filename=\"{stem}{variant}-{today}.{extension}\"").as_str()
    );
    response.bytes().await.unwrap().to_vec()
}

/// The files of a zip, by name.
fn unzip(bytes: Vec<u8>) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
            (file.name().unwrap().into_owned(), text)
        })
        .collect()
}

#[tokio::test]
async fn every_export_format_is_a_download_of_the_whole_network() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let graphml = download(
        &app,
        "format=graphml",
        "application/graphml+xml",
        "relaymap-network.graphml",
    )
    .await;
    let gexf = download(
        &app,
        "format=gexf",
        "application/gexf+xml",
        "relaymap-network.gexf",
    )
    .await;
    let geojson: Value = serde_json::from_slice(
        &download(
            &app,
            "format=geojson",
            "application/geo+json",
            "relaymap-network.geojson",
        )
        .await,
    )
    .unwrap();
    let nodelink: Value = serde_json::from_slice(
        &download(
            &app,
            "format=nodelink&with_metrics=true&only=degree,linking",
            "application/json",
            "relaymap-network.nodelink.json",
        )
        .await,
    )
    .unwrap();
    let tables = unzip(
        download(
            &app,
            "format=csv",
            "application/zip",
            "relaymap-network.zip",
        )
        .await,
    );

    let graphml = String::from_utf8(graphml).unwrap();
    assert_eq!(graphml.matches("<node id=").count(), 5);
    assert_eq!(graphml.matches("<edge id=").count(), 5);
    assert!(
        graphml.contains(r#"<key id="n2" for="node" attr.name="languages" attr.type="string"/>"#)
    );
    let gexf = String::from_utf8(gexf).unwrap();
    assert!(gexf.contains(r#"<node id="m-1" label="Selam">"#));
    assert!(gexf.contains(r#"source="o-1" target="r-1" weight="0.7""#));
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), 10, "5 actors and 5 ties");
    let selam = features.iter().find(|f| f["id"] == "m-1").unwrap();
    let home = stored_home(44.11, 8.21);
    assert_eq!(
        selam["geometry"],
        json!({"type": "Point", "coordinates": [home["lon"], home["lat"]]})
    );
    let t1 = features.iter().find(|f| f["id"] == "t-1").unwrap();
    assert!(t1["geometry"].is_null(), "m-2 has no location");
    assert_eq!(nodelink["directed"], true);
    let m1 = nodelink["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "m-1")
        .unwrap();
    assert_eq!(
        (&m1["degree"], &m1["linking"], &m1["languages"]),
        (&json!(2), &json!(0), &json!("tir"))
    );
    assert_eq!(nodelink["graph"]["metrics_names"], "degree;linking");
    assert_eq!(
        tables.keys().collect::<Vec<_>>(),
        ["actors.csv", "metadata.json", "ties.csv"]
    );
    assert!(tables["actors.csv"].starts_with(
        "id,kind,name,languages,lat,lon,city,channels,consent,consent_purposes,\
             consent_recorded_on,consent_recorded_by,consent_expires\n"
    ));
    assert!(tables["ties.csv"].contains("t-4,r-1,m-2,serves,0.5,,,case worker\n"));
}

/// A square outline around the small network's city.
fn outline_of_port_aster() -> Value {
    json!({"type": "Polygon",
           "coordinates": [[[8.1, 44.0], [8.3, 44.0], [8.3, 44.2], [8.1, 44.2], [8.1, 44.0]]]})
}

/// Issue 21: the GeoPackage opens in QGIS as layers in one step — actors (points), ties
/// (lines), the cities' outlines and the metadata — holding the whole network with typed columns.
#[tokio::test]
async fn a_geopackage_export_holds_the_network_as_layers() {
    // Arrange: the small network has two located actors and no tie between them; o-2 shares
    // r-1's point (so their tie has no line) and m-1 has a tie to it (a line).
    let app = spawn_app().await;
    app.seed_small_network().await;
    let more = json!({
        "actors": [{"id": "o-2", "kind": "organisation", "name": "Harbour Church", "languages": ["eng"],
                    "location": {"lat": 44.1, "lon": 8.2}}],
        "ties": [{"id": "t-6", "source": "o-2", "target": "r-1", "kind": "partners_with", "trust": 0.6},
                 {"id": "t-7", "source": "m-1", "target": "o-2", "kind": "member_of", "trust": 0.8}]
    });
    assert_eq!(app.import_json(&more).await.status(), StatusCode::OK);
    let set = app
        .put_json("/api/v1/actors/c-1/outline", &outline_of_port_aster())
        .await;
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let document: Value = serde_json::from_str(&app.export().await).unwrap();
    let located: std::collections::HashMap<&str, (f64, f64)> = document["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["location"].is_object())
        .map(|a| {
            let at = &a["location"];
            let id = a["id"].as_str().unwrap();
            (
                id,
                (at["lon"].as_f64().unwrap(), at["lat"].as_f64().unwrap()),
            )
        })
        .collect();
    let ties = document["ties"].as_array().unwrap();
    let drawable: Vec<&str> = ties
        .iter()
        .filter(|t| {
            let ends = [&t["source"], &t["target"]].map(|e| located.get(e.as_str().unwrap()));
            matches!(ends, [Some(a), Some(b)] if a != b)
        })
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(drawable, ["t-7"], "the network this test means to export");

    // Act
    let gpkg = GeoPackage::open(
        &download(
            &app,
            "format=gpkg",
            "application/geopackage+sqlite3",
            "relaymap-network.gpkg",
        )
        .await,
    );
    let with_metrics = GeoPackage::open(
        &download(
            &app,
            "format=gpkg&with_metrics=true&only=degree",
            "application/geopackage+sqlite3",
            "relaymap-network.gpkg",
        )
        .await,
    );

    // Assert: a GeoPackage 1.3 with its required tables and rows.
    assert_eq!(gpkg.count("PRAGMA application_id"), 0x4750_4B47);
    assert_eq!(gpkg.count("PRAGMA user_version"), 10_300);
    assert_eq!(
        gpkg.count("SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (4326, 0, -1)"),
        3
    );
    let mut statement = gpkg
        .db
        .prepare(
            "SELECT c.table_name, c.data_type, c.srs_id, g.geometry_type_name FROM gpkg_contents c              LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name              ORDER BY c.table_name",
        )
        .unwrap();
    let layers: Vec<(String, String, Option<i64>, Option<String>)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let layer = |name: &str, kind: &str, srs: Option<i64>, geometry: Option<&str>| {
        (name.into(), kind.into(), srs, geometry.map(String::from))
    };
    assert_eq!(
        layers,
        [
            layer("actors", "features", Some(4326), Some("POINT")),
            layer("metadata", "attributes", None, None),
            layer("outlines", "features", Some(4326), Some("MULTIPOLYGON")),
            layer("ties", "features", Some(4326), Some("LINESTRING")),
        ]
    );
    // Every actor and tie, with geometries where they can be drawn.
    let actor_count = document["actors"].as_array().unwrap().len() as i64;
    assert_eq!(gpkg.count("SELECT count(*) FROM actors"), actor_count);
    assert_eq!(gpkg.count("SELECT count(*) FROM ties"), ties.len() as i64);
    assert_eq!(
        gpkg.count("SELECT count(*) FROM actors WHERE geom IS NOT NULL"),
        located.len() as i64
    );
    assert_eq!(
        gpkg.count("SELECT count(*) FROM ties WHERE geom IS NOT NULL"),
        drawable.len() as i64
    );
    let geometry = |table: &str, id: &str| -> Vec<(f64, f64)> {
        let blob: Vec<u8> = gpkg
            .db
            .query_row(
                &format!("SELECT geom FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .unwrap();
        gpkg_points(&blob)
    };
    let home = stored_home(44.11, 8.21);
    let home = (home["lon"].as_f64().unwrap(), home["lat"].as_f64().unwrap());
    assert_eq!(geometry("actors", "m-1"), [home], "x is the longitude");
    assert_eq!(geometry("ties", "t-7"), [home, (8.2, 44.1)]);
    let bounds: (f64, f64, f64, f64) = gpkg
        .db
        .query_row(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'actors'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(bounds, (8.2, 44.1, home.0, home.1));
    // Typed columns, lists as ;-joined text.
    let columns = gpkg.columns("actors");
    for (name, kind) in [
        ("id", "TEXT"),
        ("name", "TEXT"),
        ("languages", "TEXT"),
        ("lat", "REAL"),
        ("consent", "BOOLEAN"),
    ] {
        assert!(
            columns.contains(&(name.into(), kind.into())),
            "actors.{name} {kind} in {columns:?}"
        );
    }
    assert!(
        gpkg.columns("ties")
            .contains(&("trust".into(), "REAL".into()))
    );
    let (languages, consent): (String, bool) = gpkg
        .db
        .query_row(
            "SELECT languages, consent FROM actors WHERE id = 'm-2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((languages.as_str(), consent), ("tir;eng", true));
    // The city's outline, and the metadata every format carries.
    let (city, name, outline): (String, String, Vec<u8>) = gpkg
        .db
        .query_row("SELECT city, name, geom FROM outlines", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((city.as_str(), name.as_str()), ("c-1", "Port Aster"));
    assert_eq!(
        gpkg_points(&outline),
        [
            (8.1, 44.0),
            (8.3, 44.0),
            (8.3, 44.2),
            (8.1, 44.2),
            (8.1, 44.0)
        ]
    );
    let metadata = |gpkg: &GeoPackage, key: &str| -> String {
        gpkg.db
            .query_row("SELECT value FROM metadata WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert_eq!(metadata(&gpkg, "format"), "gpkg");
    assert_eq!(metadata(&gpkg, "actors"), actor_count.to_string());
    assert_eq!(metadata(&gpkg, "ties"), ties.len().to_string());
    assert_eq!(metadata(&gpkg, "pseudonymized"), "false");
    assert_eq!(metadata(&gpkg, "purpose"), "research");
    assert!(metadata(&gpkg, "generator").starts_with("relaymap "));
    // Metrics as typed columns of the actors.
    assert_eq!(metadata(&with_metrics, "metrics_names"), "degree");
    assert!(
        with_metrics
            .columns("actors")
            .contains(&("degree".into(), "INTEGER".into()))
    );
    assert_eq!(
        with_metrics.count("SELECT degree FROM actors WHERE id = 'm-1'"),
        3
    );
}

#[tokio::test]
async fn a_pseudonymised_export_names_nobody_and_links_up_across_exports() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let hidden = json!({"id": "m-3", "kind": "migrant", "name": "Hidden", "languages": ["tir"],
                        "location": {"lat": 44.12345, "lon": 8.23456}});
    assert_eq!(
        app.post_json("/api/v1/actors", &hidden).await.status(),
        StatusCode::CREATED
    );
    // A hand-drawn outline would undo the grid: pseudonymised GeoPackages leave it out.
    let set = app
        .put_json("/api/v1/actors/c-1/outline", &outline_of_port_aster())
        .await;
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let personal = [
        "Selam",
        "Dawit",
        "Hidden",
        "Eritrean",
        "Fire service",
        "Port Aster",
        "whatsapp",
        "phone",
        "radio",
        "case worker",
        "household",
        "\"m-1\"",
        ">m-1<",
        "m-3",
        "44.12345",
        "8.23456",
    ];

    let mut ids = Vec::new();
    for (format, media_type, file) in [
        ("json", "application/json", "relaymap-network.json"),
        ("csv", "application/zip", "relaymap-network.zip"),
        (
            "graphml",
            "application/graphml+xml",
            "relaymap-network.graphml",
        ),
        ("gexf", "application/gexf+xml", "relaymap-network.gexf"),
        (
            "geojson",
            "application/geo+json",
            "relaymap-network.geojson",
        ),
        (
            "nodelink",
            "application/json",
            "relaymap-network.nodelink.json",
        ),
        (
            "gpkg",
            "application/geopackage+sqlite3",
            "relaymap-network.gpkg",
        ),
    ] {
        let body = download(
            &app,
            &format!("format={format}&pseudonymize=true"),
            media_type,
            file,
        )
        .await;
        let text = match format {
            "csv" => unzip(body).into_values().collect::<Vec<_>>().join("\n"),
            "gpkg" => {
                let gpkg = GeoPackage::open(&body);
                assert_eq!(gpkg.count("SELECT count(*) FROM actors"), 5);
                assert_eq!(gpkg.count("SELECT count(*) FROM ties"), 5);
                assert_eq!(gpkg.count("SELECT count(*) FROM outlines"), 0);
                let columns = gpkg.columns("actors");
                assert!(!columns.iter().any(|(c, _)| c == "name"), "{columns:?}");
                // What the tables hold, and every byte of the file besides.
                format!("{}\n{}", gpkg.text(), String::from_utf8_lossy(&body))
            }
            _ => String::from_utf8(body).unwrap(),
        };
        for word in personal {
            assert!(!text.contains(word), "{format} holds {word:?}");
        }
        assert!(text.contains("\"pseudonymized\":true") || text.contains("pseudonymized"));
        if format == "nodelink" {
            let document: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                document["nodes"].as_array().unwrap().len(),
                5,
                "m-3 has not consented"
            );
            assert_eq!(document["graph"]["migrants_left_out"], 1);
            assert_eq!(document["graph"]["location_grid_m"], 1000);
            for node in document["nodes"].as_array().unwrap() {
                assert!(node["lat"].is_null() || node["lat"] != 44.11);
                ids.push(node["id"].as_str().unwrap().to_owned());
            }
        }
    }
    let again: Value = serde_json::from_slice(
        &download(
            &app,
            "format=nodelink&pseudonymize=true",
            "application/json",
            "relaymap-network.nodelink.json",
        )
        .await,
    )
    .unwrap();
    let again: Vec<String> = again["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(again, ids, "one deployment, one pseudonym per actor");
}

#[tokio::test]
async fn export_options_that_do_not_fit_are_refused() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    for (query, field) in [
        ("format=json&with_metrics=true", "with_metrics"),
        ("format=graphml&only=degree", "with_metrics"),
        ("format=graphml&pseudonymize=yes", "pseudonymize"),
        ("format=graphml&with_metrics=true&only=fame", "only"),
        ("format=graphml&with_metrics=true&sample=0", "sample"),
        ("format=xlsx", "format"),
    ] {
        let response = app.get(&format!("/api/v1/export?{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(error_of(response).await["field"], field, "{query}");
    }
}

#[tokio::test]
async fn a_dry_run_checks_against_the_store_and_writes_nothing() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let version = app.stats().await["version"].clone();
    // Two updates, one new migrant, one new tie to an actor only the store holds.
    let document = json!({
        "actors": [
            {"id": "m-1", "kind": "migrant", "name": "Selam H.", "consent": true},
            {"id": "m-7", "kind": "migrant", "name": "Meron", "consent": true}
        ],
        "ties": [{"id": "t-70", "source": "m-7", "target": "o-1", "kind": "member_of"}]
    });

    let checked = app
        .post_json("/api/v1/import?dry_run=true", &document)
        .await;

    assert_eq!(checked.status(), StatusCode::OK);
    let checked: Value = checked.json().await.unwrap();
    assert_eq!(checked["dry_run"], true);
    assert_eq!(
        checked["imported"],
        json!({"actors_created": 1, "actors_updated": 1, "actors_unchanged": 0,
               "ties_created": 1, "ties_updated": 0, "ties_unchanged": 0})
    );
    let stats = app.stats().await;
    assert_eq!(stats["actors"]["total"], 5, "nothing was written");
    assert_eq!(stats["version"], version, "the version stays");
    let m1: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(m1["name"], "Selam");

    // A row that breaks a rule against what is stored is named, as by the import itself.
    let bad =
        json!({"ties": [{"id": "t-71", "source": "m-9", "target": "o-1", "kind": "member_of"}]});
    let refused = app.post_json("/api/v1/import?dry_run=true", &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(refused).await;
    assert_eq!(error["rows"][0]["field"], "source", "{error}");

    // The trail says dry run, and the real import then writes what the check announced.
    let trail: Value = app.get("/api/v1/audit?limit=5").await.json().await.unwrap();
    let entries = trail["entries"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "POST /api/v1/import" && e["target"] == "dry_run"),
        "{trail}"
    );
    let imported: Value = app.import_json(&document).await.json().await.unwrap();
    assert_eq!(imported["imported"], checked["imported"]);
    assert_eq!(imported["dry_run"], false);
    assert_eq!(app.stats().await["actors"]["total"], 6);

    let unclear = app
        .post_json("/api/v1/import?dry_run=maybe", &document)
        .await;
    assert_eq!(unclear.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn csv_files_whose_header_texts_differ_import_by_their_hxl_hashtags() {
    let app = crate::helpers::spawn_app().await;
    // As a partner's spreadsheet writes them: a title row, its own header texts (in French), the
    // hashtags, semicolons between cells.
    let actors = "Cartographie du quartier du port;;;;\n\
                  Identifiant;Type;Nom;Langues;Code P\n\
                  #x_actor+id;#x_actor+type;#x_name;#language+code;#adm2+code\n\
                  c-1;city;Port;;IT0101\n\
                  o-1;organisation;Casa;\"spa;eng\";\n";
    let ties = "Identifiant,De,Vers,Lien,Confiance\n\
                #x_tie+id,#x_source,#x_target,#x_tie+type,#x_trust\n\
                t-1,o-1,c-1,located_in,1\n";
    let response = app.import_csv(Some(actors), Some(ties)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let casa: Value = app.get("/api/v1/actors/o-1").await.json().await.unwrap();
    assert_eq!(casa["languages"], json!(["spa", "eng"]));
    let city: Value = app.get("/api/v1/actors/c-1").await.json().await.unwrap();
    assert_eq!(city["attributes"]["pcode"], "IT0101");
    let tie: Value = app.get("/api/v1/ties/t-1").await.json().await.unwrap();
    assert_eq!(
        (&tie["kind"], &tie["trust"]),
        (&json!("located_in"), &json!(1.0))
    );
}
