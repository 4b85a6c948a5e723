//! The interview in KoboToolbox and ODK: the XLSForm, and exports of its submissions (XLSX, and
//! CSV with either delimiter) imported as interviews, once per submission.

use relaymap::document::{Sheet, read_xlsx, write_xlsx};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, error_of, spawn_app};

/// The main sheet of a Kobo export of the form: group paths in the headings, Kobo's meta
/// columns, choices as codes separated by spaces; and the repeat group's sheet joined by
/// `_parent_index`.
fn kobo_export(uuid: &str, purposes: &str, trust: &str) -> Vec<Sheet> {
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    vec![
        Sheet {
            name: "relaymap interview".into(),
            rows: vec![
                row(&[
                    "start",
                    "end",
                    "conducted_on",
                    "protocol_version",
                    "interview_language",
                    "consent/consent_purposes",
                    "consent/consent_purposes/warnings",
                    "ego/ego_kind",
                    "ego/ego_name",
                    "ego/ego_languages",
                    "ego/ego_channels",
                    "_id",
                    "_uuid",
                    "_submission_time",
                    "_index",
                ]),
                row(&[
                    "2026-11-20T10:00:00.000+01:00",
                    "2026-11-20T10:20:00.000+01:00",
                    "2026-11-20",
                    "1",
                    "tir",
                    purposes,
                    "1",
                    "migrant",
                    "Selam Tesfaye",
                    "tir eng",
                    "whatsapp",
                    "101",
                    uuid,
                    "2026-11-20T09:25:00",
                    "1",
                ]),
            ],
        },
        Sheet {
            name: "named".into(),
            rows: vec![
                row(&[
                    "named/named_generators",
                    "named/named_name",
                    "named/named_kind",
                    "named/named_languages",
                    "named/named_channels",
                    "named/named_trust",
                    "named/named_frequency",
                    "_index",
                    "_parent_index",
                    "_submission__uuid",
                ]),
                row(&[
                    "emergency_information asks_you",
                    "Dawit",
                    "migrant",
                    "tir",
                    "phone",
                    trust,
                    "weekly",
                    "1",
                    "1",
                    uuid,
                ]),
                row(&[
                    "groups",
                    "Eritrean Community Association",
                    "organisation",
                    "tir eng",
                    "",
                    "5",
                    "monthly",
                    "2",
                    "1",
                    uuid,
                ]),
            ],
        },
    ]
}

/// The same export as Kobo's CSV: one file per sheet, in a zip, cells separated by `delimiter`.
fn csv_zip(sheets: &[Sheet], delimiter: u8) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for sheet in sheets {
        zip.start_file(
            format!("{}.csv", sheet.name),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(Vec::new());
        for row in &sheet.rows {
            writer.write_record(row).unwrap();
        }
        std::io::Write::write_all(&mut zip, &writer.into_inner().unwrap()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

impl TestApp {
    async fn import_submissions(&self, body: Vec<u8>) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/interviews/import"))
            .header("content-type", "application/octet-stream")
            .body(body)
            .send()
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn the_xlsform_holds_the_protocol_and_its_choices_are_relaymaps_codes() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/templates/xlsform").await;
    assert_eq!(response.status(), StatusCode::OK);
    let sheets = read_xlsx(&response.bytes().await.unwrap()).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["survey", "choices", "settings"]);
    let survey = &sheets[0].rows;
    assert!(
        survey[0].contains(&"label::Arabic (ar)".to_owned()),
        "{:?}",
        survey[0]
    );
    assert!(
        survey
            .iter()
            .any(|r| r[..2] == ["begin_repeat".to_owned(), "named".to_owned()])
    );
    let choices = &sheets[1].rows;
    for (list, code) in [
        ("purpose", "research"),
        ("generator", "groups"),
        ("channel", "whatsapp"),
    ] {
        assert!(
            choices.iter().any(|r| r[0] == list && r[1] == code),
            "{list} {code}"
        );
    }
}

#[tokio::test]
async fn kobo_exports_in_xlsx_and_csv_import_as_interviews_once_each() {
    let app = spawn_app().await;
    let uuids = [
        "6f1d2c3a-0000-4000-8000-000000000001",
        "6f1d2c3a-0000-4000-8000-000000000002",
        "6f1d2c3a-0000-4000-8000-000000000003",
    ];
    let files = [
        write_xlsx(&kobo_export(uuids[0], "warnings research", "4")).unwrap(),
        csv_zip(&kobo_export(uuids[1], "warnings", "3"), b','),
        csv_zip(&kobo_export(uuids[2], "research", "2"), b';'),
    ];
    for (uuid, file) in uuids.iter().zip(&files) {
        let response = app.import_submissions(file.clone()).await;
        assert_eq!(response.status(), StatusCode::OK, "{uuid}");
        let answer: Value = response.json().await.unwrap();
        let interview = &answer["interviews"][0]["interview"];
        assert_eq!(interview["key"], *uuid);
        assert_eq!(interview["replayed"], false);
        assert_eq!(interview["named"].as_array().unwrap().len(), 2);
        // emergency_information (out) and asks_you (in) to Dawit, groups to the association.
        assert_eq!(interview["ties"].as_array().unwrap().len(), 3, "{answer}");
        let ego: Value = app
            .get(&format!(
                "/api/v1/actors/{}",
                interview["ego"].as_str().unwrap()
            ))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(ego["name"], "Selam Tesfaye");
        assert_eq!(ego["languages"], serde_json::json!(["tir", "eng"]));
    }
    // The same export again writes nothing.
    let again: Value = app
        .import_submissions(files[0].clone())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["interviews"][0]["interview"]["replayed"], true);
    let listed: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    assert_eq!(listed["interviews"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn exports_that_cannot_be_interviews_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    // Labels instead of codes (an export "with labels"), a trust that is not a number, and a
    // submission without its key.
    let mut labels = kobo_export(
        "6f1d2c3a-0000-4000-8000-000000000009",
        "Emergency warnings",
        "x",
    );
    labels[0].rows[1][12] = String::new();
    let response = app.import_submissions(write_xlsx(&labels).unwrap()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    let fields: Vec<&str> = error["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"_uuid") && fields.contains(&"named_trust"),
        "{error}"
    );
    // The form itself is not an export of its submissions.
    let form = app
        .get("/api/v1/templates/xlsform")
        .await
        .bytes()
        .await
        .unwrap();
    let response = app.import_submissions(form.to_vec()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        error_of(response).await["message"]
            .as_str()
            .unwrap()
            .contains("XLSForm")
    );
    assert_eq!(app.stats().await["actors"]["total"], 0);
    // A viewer may not import.
    let viewer = app.token(relaymap::domain::Role::Viewer).await;
    let response = crate::helpers::client_with(&viewer)
        .post(app.url("/api/v1/interviews/import"))
        .body(
            write_xlsx(&kobo_export(
                "6f1d2c3a-0000-4000-8000-00000000000a",
                "warnings",
                "3",
            ))
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
