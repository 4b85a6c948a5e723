//! The `relaymap` binary, run as a user would.

use std::path::Path;
use std::process::{Command, Output};

fn relaymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args(args)
        .env_remove("RELAYMAP_DB")
        .env_remove("RELAYMAP_LOG")
        .env_remove("RELAYMAP_PERSON_PRECISION_M")
        .output()
        .expect("the relaymap binary runs")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn demo_export_import_export_round_trips_through_files() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first.db"), dir.path().join("second.db"));
    let exported = dir.path().join("network.json");

    // Act
    let demo = relaymap(&[
        "demo",
        "--db",
        path(&first),
        "--seed",
        "11",
        "--migrants",
        "300",
    ]);
    let export = relaymap(&[
        "export",
        "--db",
        path(&first),
        "--format",
        "json",
        "--out",
        path(&exported),
    ]);
    let import = relaymap(&["import", "--db", path(&second), "--json", path(&exported)]);
    let export_again = relaymap(&["export", "--db", path(&second)]);

    // Assert
    for output in [&demo, &export, &import, &export_again] {
        assert!(output.status.success(), "{}", stderr(output));
    }
    let original = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(String::from_utf8(export_again.stdout).unwrap(), original);
    let document: serde_json::Value = serde_json::from_str(&original).unwrap();
    let migrants: Vec<&serde_json::Value> = document["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "migrant")
        .collect();
    // About one demo migrant in eight has not consented: exports leave them out.
    assert!((200..300).contains(&migrants.len()), "{}", migrants.len());
    assert!(migrants.iter().all(|m| m["consent"] == true));
}

#[test]
fn the_demo_is_written_only_into_an_empty_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    assert!(
        relaymap(&["demo", "--db", path(&db), "--migrants", "50"])
            .status
            .success()
    );

    let again = relaymap(&["demo", "--db", path(&db), "--migrants", "50"]);

    assert!(!again.status.success());
    let message = stderr(&again);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("already holds a network"), "{message}");
}

#[test]
fn a_csv_import_with_a_bad_row_names_it_exits_non_zero_and_writes_nothing() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let actors = dir.path().join("actors.csv");
    let ties = dir.path().join("ties.csv");
    std::fs::write(
        &actors,
        "id,kind,name,languages\nm-1,migrant,Ana,por\nm-2,migrant,Rui,pt\n",
    )
    .unwrap();
    std::fs::write(&ties, "id,source,target,kind\nt-1,m-1,m-2,knows\n").unwrap();

    // Act
    let output = relaymap(&[
        "import",
        "--db",
        path(&db),
        "--actors",
        path(&actors),
        "--ties",
        path(&ties),
    ]);

    // Assert
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("actors.csv line 3, field languages"),
        "{message}"
    );
    assert!(message.contains("nothing was written"), "{message}");
    let export = relaymap(&["export", "--db", path(&db)]);
    let document: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(document, serde_json::json!({"actors": [], "ties": []}));
}

#[test]
fn imports_snap_migrants_locations_unless_the_deployment_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let document = dir.path().join("network.json");
    std::fs::write(
        &document,
        r#"{"actors": [{"id": "m-1", "kind": "migrant", "name": "Ana",
                        "location": {"lat": 38.72231, "lon": -9.13987}, "consent": true}],
             "ties": []}"#,
    )
    .unwrap();
    let location = |db: &Path| -> serde_json::Value {
        let export = relaymap(&["export", "--db", path(db)]);
        let document: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
        document["actors"][0]["location"].clone()
    };
    let (snapped, kept, refused) = (
        dir.path().join("snapped.db"),
        dir.path().join("kept.db"),
        dir.path().join("refused.db"),
    );

    let default = relaymap(&["import", "--db", path(&snapped), "--json", path(&document)]);
    let zero = Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args(["import", "--db", path(&kept), "--json", path(&document)])
        .env("RELAYMAP_PERSON_PRECISION_M", "0")
        .output()
        .unwrap();
    let negative = relaymap(&[
        "import",
        "--db",
        path(&refused),
        "--json",
        path(&document),
        "--person-precision-m=-5",
    ]);

    assert!(default.status.success() && zero.status.success());
    assert_eq!(
        location(&snapped),
        crate::helpers::stored_home(38.72231, -9.13987)
    );
    assert_eq!(
        location(&kept),
        serde_json::json!({"lat": 38.72231, "lon": -9.13987})
    );
    assert!(!negative.status.success());
    assert!(
        stderr(&negative).contains("person-precision-m"),
        "{}",
        stderr(&negative)
    );
    assert!(!refused.exists(), "nothing was written");
}

#[test]
fn a_good_csv_import_reports_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let actors = dir.path().join("actors.csv");
    std::fs::write(&actors, "kind,name,id\nmigrant,Ana,m-1\nmigrant,Rui,m-2\n").unwrap();

    let output = relaymap(&["import", "--db", path(&db), "--actors", path(&actors)]);

    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("imported 2 new, 0 updated and 0 unchanged actors"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn cli_errors_are_one_line_on_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let missing = dir.path().join("missing.json");
    let cases: Vec<Vec<&str>> = vec![
        vec!["import", "--db", path(&db), "--json", path(&missing)],
        vec!["import", "--db", path(&db)],
        vec![
            "import",
            "--db",
            path(&db),
            "--json",
            "a.json",
            "--actors",
            "b.csv",
        ],
        vec!["export", "--db", path(&db), "--format", "xlsx"],
        vec![
            "export",
            "--db",
            path(&db),
            "--out",
            "/nonexistent-folder/out.json",
        ],
        vec!["demo", "--db", path(&db), "--migrants", "0"],
        vec!["serve", "--bind", "not-an-address"],
        vec!["frobnicate"],
        vec!["export", "--db", "/nonexistent-folder/relaymap.db"],
    ];

    for args in cases {
        let output = relaymap(&args);
        assert!(!output.status.success(), "{args:?} should fail");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(message.starts_with("relaymap: "), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
}

#[test]
fn a_neo4j_that_cannot_be_reached_at_start_is_one_line_naming_the_uri() {
    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("password");
    std::fs::write(&password, "secret-that-must-not-leak\n").unwrap();
    let output = relaymap(&[
        "export",
        "--store",
        "neo4j",
        "--neo4j-uri",
        "bolt://127.0.0.1:9",
        "--neo4j-password-file",
        path(&password),
    ]);

    assert!(!output.status.success());
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("bolt://127.0.0.1:9"), "{message}");
    assert!(!message.contains("secret-that-must-not-leak"), "{message}");
}

#[test]
fn the_neo4j_store_without_a_password_is_refused_clearly() {
    let output = Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args(["export", "--store", "neo4j"])
        .env_remove("RELAYMAP_NEO4J_PASSWORD")
        .env_remove("RELAYMAP_NEO4J_PASSWORD_FILE")
        .output()
        .unwrap();

    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("RELAYMAP_NEO4J_PASSWORD"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn reach_and_coverage_answer_a_query_file_and_refuse_a_bad_one_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let query = dir.path().join("query.json");
    assert!(
        relaymap(&["demo", "--db", path(&db), "--migrants", "300"])
            .status
            .success()
    );
    std::fs::write(&query, r#"{"max_hops": 2, "min_trust": 0.5}"#).unwrap();

    let reach = relaymap(&["reach", "--db", path(&db), "--query", path(&query)]);
    let coverage = relaymap(&["coverage", "--db", path(&db), "--query", path(&query)]);

    assert!(reach.status.success(), "{}", stderr(&reach));
    let reach: serde_json::Value = serde_json::from_slice(&reach.stdout).unwrap();
    let coverage: serde_json::Value = serde_json::from_slice(&coverage.stdout).unwrap();
    let targets = reach["targets"].as_u64().unwrap();
    let reached = reach["reached_count"].as_u64().unwrap();
    assert_eq!(targets, 300);
    assert_eq!(
        reached + reach["unreached"].as_array().unwrap().len() as u64,
        targets
    );
    assert!(reached > 0 && reached < targets, "{reached} of {targets}");
    // Coverage repeats the reach answer, and counts each reached target's independent paths.
    let mut repeated = coverage["reached"].clone();
    for entry in repeated.as_array_mut().unwrap() {
        let paths = entry
            .as_object_mut()
            .unwrap()
            .remove("independent_paths")
            .and_then(|p| p.as_u64());
        assert!(matches!(paths, Some(1..=3)), "{entry}");
    }
    assert_eq!(
        repeated, reach["reached"],
        "coverage repeats the reach answer"
    );
    let covered: u64 = coverage["call_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["covers"].as_u64().unwrap())
        .sum();
    assert_eq!(
        covered, reached,
        "the call list covers every reached migrant once"
    );

    std::fs::write(&query, r#"{"max_hops": 12}"#).unwrap();
    let bad = relaymap(&["reach", "--db", path(&db), "--query", path(&query)]);
    assert!(!bad.status.success());
    assert_eq!(stderr(&bad).lines().count(), 1, "{}", stderr(&bad));
    assert!(stderr(&bad).contains("max_hops"), "{}", stderr(&bad));
}

#[test]
fn metrics_are_written_as_csv_or_json_and_an_unknown_metric_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let out = dir.path().join("metrics.csv");
    assert!(
        relaymap(&["demo", "--db", path(&db), "--migrants", "200"])
            .status
            .success()
    );

    let csv = relaymap(&[
        "metrics",
        "--db",
        path(&db),
        "--only",
        "degree,pagerank",
        "--out",
        path(&out),
    ]);
    let json = relaymap(&["metrics", "--db", path(&db), "--format", "json"]);
    let unknown = relaymap(&["metrics", "--db", path(&db), "--only", "fame"]);

    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id,kind,degree,pagerank"));
    assert_eq!(
        lines.count(),
        200 + 8 + 8,
        "one row per migrant, organisation (at least 8) and responder"
    );
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let total: f64 = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["pagerank"].as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-9, "PageRank sums to one: {total}");
    assert!(!unknown.status.success());
    assert_eq!(stderr(&unknown).lines().count(), 1, "{}", stderr(&unknown));
}

#[test]
fn tokens_are_made_listed_and_revoked_from_the_command_line_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("access.db");

    let created = relaymap(&[
        "token",
        "create",
        "--db",
        path(&db),
        "--role",
        "analyst",
        "--name",
        "study",
        "--expires",
        "30",
    ]);
    let secret = String::from_utf8(created.stdout.clone()).unwrap();
    let listed = relaymap(&["token", "list", "--db", path(&db)]);
    let listing = String::from_utf8(listed.stdout.clone()).unwrap();
    let id = listing
        .lines()
        .nth(1)
        .and_then(|l| l.split('\t').next())
        .unwrap()
        .to_owned();
    let revoked = relaymap(&["token", "revoke", "--db", path(&db), &id]);
    let listed_again = relaymap(&["token", "list", "--db", path(&db)]);
    let unknown = relaymap(&["token", "revoke", "--db", path(&db), "tok-nobody"]);
    let bad_role = relaymap(&[
        "token",
        "create",
        "--db",
        path(&db),
        "--role",
        "root",
        "--name",
        "x",
    ]);
    let audit = relaymap(&["audit", "--db", path(&db)]);

    assert!(created.status.success(), "{}", stderr(&created));
    assert!(secret.trim().starts_with("rm_") && secret.trim().len() == 67);
    assert!(listing.contains("\tanalyst\tstudy\t") && listing.contains("\tactive"));
    assert!(
        !listing.contains(secret.trim()),
        "the secret is shown once, never listed"
    );
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    assert!(
        String::from_utf8(listed_again.stdout)
            .unwrap()
            .contains("\trevoked")
    );
    assert!(!unknown.status.success() && stderr(&unknown).contains("tok-nobody"));
    assert!(stderr(&bad_role).contains("unknown role"));
    let trail = String::from_utf8(audit.stdout).unwrap();
    assert!(
        trail.contains(&format!("\tcli\t\ttoken.revoke\t{id}\tok")),
        "{trail}"
    );
    assert!(trail.contains("\ttoken.create\t"));
}

#[test]
fn serve_refuses_to_listen_beyond_loopback_without_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bind.db");

    let output = relaymap(&["serve", "--db", path(&db), "--bind", "0.0.0.0:0"]);

    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("--behind-proxy"),
        "{}",
        stderr(&output)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writes_run_is_whole_and_restores() {
    let app = crate::helpers::spawn_app().await;
    app.seed_small_network().await;
    let db = app.sqlite_path().expect("the CLI tests run on SQLite");
    let dir = tempfile::tempdir().unwrap();
    let (out, restored) = (dir.path().join("backup.db"), dir.path().join("restored.db"));

    // Writes go on, one after the other, while the backup runs.
    let writer = app.client.clone();
    let base = app.url("/api/v1/actors");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = stop.clone();
    let writes = tokio::spawn(async move {
        let mut acknowledged = 0u32;
        while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
            let body = serde_json::json!({"id": format!("o-{}", 100 + acknowledged), "kind": "organisation", "name": "Hall"});
            let answer = writer.post(&base).json(&body).send().await.unwrap();
            assert_eq!(answer.status(), reqwest::StatusCode::CREATED);
            acknowledged += 1;
        }
        acknowledged
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = app.stats().await["actors"]["total"].as_u64().unwrap();
    let backup = {
        let (db, out) = (db.clone(), out.clone());
        tokio::task::spawn_blocking(move || {
            relaymap(&["backup", "--db", path(&db), "--out", path(&out)])
        })
        .await
        .unwrap()
    };
    let after = app.stats().await["actors"]["total"].as_u64().unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let acknowledged = writes.await.unwrap();
    assert!(backup.status.success(), "{}", stderr(&backup));
    assert!(stderr(&backup).contains("integrity checked"));
    assert!(
        acknowledged > 0 && after > before,
        "writes ran during the backup"
    );

    // The backup is a store of its own, whole: every write acknowledged before it began.
    let copy = relaymap::store::open(
        &relaymap::store::StoreConfig::Sqlite { path: out.clone() },
        0,
    )
    .await
    .unwrap();
    let network = copy.network().await.unwrap();
    let held = network.actors.len() as u64;
    assert!(
        (before..=after).contains(&held),
        "{before} <= {held} <= {after}"
    );
    let ids: std::collections::HashSet<_> = network.actors.iter().map(|a| a.id.clone()).collect();
    assert!(
        network
            .ties
            .iter()
            .all(|t| ids.contains(&t.source) && ids.contains(&t.target))
    );
    // The numbered writes are a prefix: none missing before the last one held.
    let written_during = held - 5;
    for n in 0..written_during {
        assert!(
            ids.contains(&relaymap::domain::ActorId::parse(&format!("o-{}", 100 + n)).unwrap())
        );
    }

    // A second backup to the same file is refused; the restore puts the copy in place.
    let again = relaymap(&["backup", "--db", path(&db), "--out", path(&out)]);
    assert!(!again.status.success() && stderr(&again).contains("exists already"));
    let restore = relaymap(&["restore", "--from", path(&out), "--db", path(&restored)]);
    assert!(restore.status.success(), "{}", stderr(&restore));
    let over = relaymap(&["restore", "--from", path(&out), "--db", path(&restored)]);
    assert!(!over.status.success() && stderr(&over).contains("--force"));
    let export = relaymap(&["export", "--db", path(&restored)]);
    let document: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(document["actors"].as_array().unwrap().len() as u64, held);

    // A damaged backup is refused and the database stays as it was.
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&out).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0x5a);
    std::fs::write(&damaged, bytes).unwrap();
    let refused = relaymap(&[
        "restore",
        "--from",
        path(&damaged),
        "--db",
        path(&restored),
        "--force",
    ]);
    assert!(!refused.status.success(), "{}", stderr(&refused));
    let export_after = relaymap(&["export", "--db", path(&restored)]);
    assert_eq!(export_after.stdout, export.stdout);
}

/// Every listing a command prints ends quietly, with success, when its reader stops early
/// (`relaymap audit | head -1`), as Unix tools do.
#[test]
fn a_reader_that_stops_early_ends_every_listing_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    assert!(
        relaymap(&["demo", "--db", path(&db), "--migrants", "200"])
            .status
            .success()
    );
    for _ in 0..3 {
        relaymap(&[
            "token",
            "create",
            "--db",
            path(&db),
            "--role",
            "viewer",
            "--name",
            "x",
        ]);
    }
    for args in [
        vec!["audit", "--db", path(&db)],
        vec!["token", "list", "--db", path(&db)],
        vec!["export", "--db", path(&db), "--format", "json"],
        vec!["metrics", "--db", path(&db), "--only", "degree"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relaymap"))
            .args(&args)
            .env_remove("RELAYMAP_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first line, as `head -0` would (the command's
        // first write then fails for certain, whatever the size of its output).
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {:?} {}",
            output.status,
            stderr(&output)
        );
        assert!(stderr(&output).is_empty(), "{args:?}: {}", stderr(&output));
    }
}
