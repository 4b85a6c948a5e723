//! The store contract: one body of tests run against every `GraphStore` implementation, so the
//! stores stay interchangeable. SQLite now; the Neo4j store joins through the same macro.

use std::sync::Arc;

use relaymap::document::read_json;
use relaymap::domain::{ActorId, Batch, StoredActor, TieId, WriteMode};
use relaymap::store::{ActorFilter, GraphStore, Page, StoreError, TieFilter};

use crate::helpers::small_network;

/// A store under test and whatever keeps it alive (a temporary folder, a server).
pub struct Harness {
    pub store: Arc<dyn GraphStore>,
    _keep: Box<dyn std::any::Any + Send>,
}

pub async fn sqlite_store() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let store = relaymap::store::SqliteStore::open(&dir.path().join("contract.db")).unwrap();
    Harness {
        store: Arc::new(store),
        _keep: Box::new(dir),
    }
}

/// The Neo4j that `tests/run` starts, wiped first. Outside the Neo4j run (RELAYMAP_TEST_STORE
/// unset) `tests/run` skips these tests by name, so reaching here without it is a
/// misconfiguration, not a skip.
pub async fn neo4j_store() -> Harness {
    let config = crate::helpers::neo4j_config()
        .expect("the Neo4j contract runs with RELAYMAP_TEST_STORE=neo4j");
    crate::helpers::wipe_neo4j(&config).await;
    let store = relaymap::store::Neo4jStore::connect(&config)
        .await
        .expect("the test Neo4j answers");
    Harness {
        store: Arc::new(store),
        _keep: Box::new(()),
    }
}

fn small_batch(mode: WriteMode) -> Batch {
    read_json(&small_network().to_string(), mode).expect("the small network is valid")
}

fn actor_id(raw: &str) -> ActorId {
    ActorId::parse(raw).unwrap()
}

pub async fn writes_are_read_back_as_written(store: &dyn GraphStore) {
    let batch = small_batch(WriteMode::Create);
    store.write(batch.clone()).await.unwrap();

    let network = store.network().await.unwrap();
    let mut written: Vec<_> = batch.actors.iter().map(|d| d.value.clone()).collect();
    written.sort_by(|a, b| a.id.cmp(&b.id));
    let read: Vec<_> = network.actors.iter().map(|s| s.value.clone()).collect();
    assert_eq!(read, written);
    let tie = store
        .get_tie(&TieId::parse("t-2").unwrap())
        .await
        .unwrap()
        .expect("t-2 exists");
    assert_eq!(tie.value, batch.ties[1].value);
    assert!(store.get_actor(&actor_id("m-404")).await.unwrap().is_none());
}

pub async fn the_version_moves_on_every_write_and_only_then(store: &dyn GraphStore) {
    let v0 = store.version().await.unwrap();
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let v1 = store.version().await.unwrap();
    store.network().await.unwrap();
    store.stats().await.unwrap();
    assert_eq!(
        store.version().await.unwrap(),
        v1,
        "reads leave the version alone"
    );
    store
        .delete_tie(&TieId::parse("t-1").unwrap())
        .await
        .unwrap();
    let v2 = store.version().await.unwrap();
    let refused = store.write(small_batch(WriteMode::Create)).await;
    assert!(matches!(refused, Err(StoreError::Rejected(_))));
    let v3 = store.version().await.unwrap();
    assert!(v0 < v1 && v1 < v2, "{v0} {v1} {v2}");
    assert_eq!(v3, v2, "a refused write is no write");
}

pub async fn a_refused_batch_writes_nothing(store: &dyn GraphStore) {
    let mut batch = small_batch(WriteMode::Upsert);
    let last = batch.ties.len() - 1;
    batch.ties[last].value.target = actor_id("m-404");

    let result = store.write(batch).await;

    let Err(StoreError::Rejected(rows)) = result else {
        panic!("expected a rejection")
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].field, "target");
    assert_eq!(store.stats().await.unwrap().actor_total(), 0);
}

pub async fn a_twin_of_a_stored_tie_is_refused(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let before = store.version().await.unwrap();
    // t-2 is m-1 member_of o-1; t-9 would be a second one.
    let twin = upsert(
        serde_json::json!([]),
        serde_json::json!([
            {"id": "t-8", "source": "o-1", "target": "m-1", "kind": "serves"},
            {"id": "t-9", "source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.94}
        ]),
    );
    let Err(StoreError::Rejected(rows)) = store.write(twin).await else {
        panic!("expected a rejection")
    };
    assert_eq!(
        (rows[0].error.code(), rows[0].field.as_str()),
        ("twin_tie", "target")
    );
    assert!(
        rows[0].error.to_string().contains("t-2"),
        "{}",
        rows[0].error
    );
    assert_eq!(store.version().await.unwrap(), before, "nothing written");
    assert!(
        store
            .get_tie(&TieId::parse("t-8").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    // Replacing t-2 itself (same id) is an update, not a twin.
    let update = upsert(
        serde_json::json!([]),
        serde_json::json!([{"id": "t-2", "source": "m-1", "target": "o-1", "kind": "member_of",
                            "trust": 0.94}]),
    );
    store.write(update).await.unwrap();
}

pub async fn deleting_an_actor_cascades_to_its_ties(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();

    store.delete_actor(&actor_id("m-1"), false).await.unwrap();

    let remaining: Vec<String> = store
        .network()
        .await
        .unwrap()
        .ties
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    assert_eq!(remaining, ["t-3", "t-4"]);
    assert!(matches!(
        store.delete_actor(&actor_id("m-1"), false).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.delete_actor(&actor_id("c-1"), false).await,
        Err(StoreError::Conflict(_))
    ));
}

pub async fn a_merge_moves_ties_and_deletes_the_other_all_or_nothing(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let before = store.version().await.unwrap();
    // m-2 into m-1: t-4 (r-1 serves m-2) moves to m-1; t-1 (m-1 knows m-2) goes with m-2.
    let moved = upsert(
        serde_json::json!([]),
        serde_json::json!([{"id": "t-4", "source": "r-1", "target": "m-1", "kind": "serves",
                            "trust": 0.6, "note": "case worker"}]),
    );
    // Refused when the record to merge away is not there: nothing is written.
    assert!(matches!(
        store.merge_actor(&actor_id("m-9"), moved.clone()).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.version().await.unwrap(), before);
    assert_eq!(
        store
            .get_tie(&TieId::parse("t-4").unwrap())
            .await
            .unwrap()
            .unwrap()
            .target
            .as_str(),
        "m-2"
    );

    store.merge_actor(&actor_id("m-2"), moved).await.unwrap();

    let network = store.network().await.unwrap();
    let ties: Vec<(String, String, String)> = network
        .ties
        .iter()
        .map(|t| (t.id.to_string(), t.source.to_string(), t.target.to_string()))
        .collect();
    assert_eq!(
        ties,
        [
            ("t-2".into(), "m-1".into(), "o-1".into()),
            ("t-3".into(), "o-1".into(), "r-1".into()),
            ("t-4".into(), "r-1".into(), "m-1".into()),
            ("t-5".into(), "m-1".into(), "c-1".into()),
        ]
    );
    assert!(store.get_actor(&actor_id("m-2")).await.unwrap().is_none());
    let delta = store
        .changes_since(before)
        .await
        .unwrap()
        .expect("the log answers");
    assert_eq!(
        delta
            .removed_actors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["m-2"]
    );
    assert!(delta.removed_ties.iter().any(|t| t.as_str() == "t-1"));
}

pub async fn distinct_pairs_are_kept_once(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    for _ in 0..2 {
        store
            .mark_distinct(&actor_id("m-1"), &actor_id("m-2"), "coordinator")
            .await
            .unwrap();
    }
    assert_eq!(
        store.distinct_pairs().await.unwrap(),
        [(actor_id("m-1"), actor_id("m-2"))]
    );
    // Erasing one of them takes the pair out too.
    store.delete_actor(&actor_id("m-2"), true).await.unwrap();
    assert_eq!(store.distinct_pairs().await.unwrap(), []);
}

pub async fn outlines_stay_with_their_city_until_it_goes(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let lone = r#"{"actors": [{"id": "c-9", "kind": "city", "name": "Lone"}]}"#;
    store
        .write(read_json(lone, WriteMode::Create).unwrap())
        .await
        .unwrap();
    let square = r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]]]}"#;
    let version = store.version().await.unwrap();
    for city in ["c-9", "c-1"] {
        store
            .set_outline(&actor_id(city), Some(square.into()))
            .await
            .unwrap();
    }
    assert_eq!(
        store.outlines().await.unwrap(),
        [
            (actor_id("c-1"), square.to_owned()),
            (actor_id("c-9"), square.to_owned())
        ]
    );
    assert_eq!(
        store.version().await.unwrap(),
        version,
        "an outline is no change of the relay graph"
    );
    // Writing the city's record again keeps its outline; deleting the city takes it along.
    store.write(small_batch(WriteMode::Upsert)).await.unwrap();
    store.delete_actor(&actor_id("c-9"), false).await.unwrap();
    assert_eq!(
        store.outlines().await.unwrap(),
        [(actor_id("c-1"), square.to_owned())]
    );
    assert!(matches!(
        store
            .set_outline(&actor_id("c-9"), Some(square.into()))
            .await,
        Err(StoreError::NotFound(_))
    ));
    store.set_outline(&actor_id("c-1"), None).await.unwrap();
    assert!(store.outlines().await.unwrap().is_empty());
}

pub async fn listings_filter_and_page_in_id_order(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let ids = |actors: Vec<StoredActor>| {
        actors
            .into_iter()
            .map(|a| a.id.to_string())
            .collect::<Vec<_>>()
    };

    let page = Page {
        limit: 2,
        offset: 0,
        after: Some("m-1".into()),
    };
    assert_eq!(
        ids(store
            .list_actors(&ActorFilter::default(), &page)
            .await
            .unwrap()),
        ["m-2", "o-1"]
    );
    let by_language = ActorFilter {
        language: Some(relaymap::domain::Language::parse("tir").unwrap()),
        ..Default::default()
    };
    assert_eq!(
        ids(store
            .list_actors(&by_language, &Page::default())
            .await
            .unwrap()),
        ["m-1", "m-2", "o-1"]
    );
    let ties = store
        .list_ties(
            &TieFilter {
                actor: Some(actor_id("r-1")),
                ..Default::default()
            },
            &Page::default(),
        )
        .await
        .unwrap();
    let tie_ids: Vec<String> = ties.iter().map(|t| t.id.to_string()).collect();
    assert_eq!(tie_ids, ["t-3", "t-4"]);
}

pub async fn modes_guard_creates_and_replacements(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let created = store.get_actor(&actor_id("m-1")).await.unwrap().unwrap();

    let again = store.write(small_batch(WriteMode::Create)).await;
    assert!(
        matches!(again, Err(StoreError::Rejected(rows)) if rows[0].error.code() == "already_exists")
    );
    let summary = store.write(small_batch(WriteMode::Replace)).await.unwrap();
    let replaced = store.get_actor(&actor_id("m-1")).await.unwrap().unwrap();
    // The same records again: replaced by themselves, nothing changes, their times included.
    assert_eq!(
        (summary.actors_unchanged, summary.ties_unchanged),
        (5, 5),
        "{summary:?}"
    );
    assert_eq!(replaced, created);
    let mut changed = small_batch(WriteMode::Replace);
    changed.actors[3].value.consent = relaymap::domain::Consent::none();
    let summary = store.write(changed).await.unwrap();
    assert_eq!((summary.actors_updated, summary.actors_unchanged), (1, 4));
    let replaced = store.get_actor(&actor_id("m-1")).await.unwrap().unwrap();
    assert_eq!(replaced.created_at, created.created_at);
    assert!(replaced.updated_at > created.updated_at);
    let stats = store.stats().await.unwrap();
    assert_eq!((stats.actor_total(), stats.tie_total()), (5, 5));
}

pub async fn a_secret_is_made_once_and_kept(store: &dyn GraphStore) {
    let version = store.version().await.unwrap();

    let first = store.secret("pseudonym-key", &[7; 32]).await.unwrap();
    let again = store.secret("pseudonym-key", &[9; 32]).await.unwrap();
    let other = store.secret("other", &[9; 32]).await.unwrap();

    assert_eq!(first, vec![7; 32]);
    assert_eq!(again, first, "the first secret stays");
    assert_eq!(other, vec![9; 32], "each name has its own secret");
    assert_eq!(
        store.version().await.unwrap(),
        version,
        "a secret is not a change of the network"
    );
}

pub async fn tokens_are_found_by_hash_and_revoked(store: &dyn GraphStore) {
    use relaymap::domain::Role;
    let (token, secret) = relaymap::app::new_token(Role::Analyst, "study".into(), None).unwrap();
    let version = store.version().await.unwrap();

    store.create_token(&token, &secret.hash()).await.unwrap();
    let again = store.create_token(&token, &secret.hash()).await;
    let found = store.token_by_hash(&secret.hash()).await.unwrap();
    let missing = store.token_by_hash("0".repeat(64).as_str()).await.unwrap();
    let at = relaymap::domain::now();
    store.revoke_token(&token.id, &at).await.unwrap();
    let unknown = store.revoke_token("tok-nobody", &at).await;

    assert!(matches!(again, Err(StoreError::Conflict(_))));
    assert_eq!(found.as_ref(), Some(&token));
    assert_eq!(missing, None);
    let listed = store.tokens().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].revoked_at, Some(at));
    assert!(!listed[0].is_valid_at(&at));
    assert!(matches!(unknown, Err(StoreError::NotFound(_))));
    assert_eq!(store.version().await.unwrap(), version);
}

/// How many of eight first admin tokens, stored at the same moment through `stores` in turn,
/// were made.
pub async fn first_admins_made(stores: &[&dyn GraphStore]) -> usize {
    let attempts = (0..8).map(|i| {
        let store = stores[i % stores.len()];
        let (token, secret) =
            relaymap::app::new_token(relaymap::domain::Role::Admin, "first admin".into(), None)
                .unwrap();
        async move {
            store
                .create_first_admin(&token, &secret.hash())
                .await
                .unwrap()
        }
    });
    let made = futures_util::future::join_all(attempts).await;
    made.into_iter().filter(|made| *made).count()
}

pub async fn of_processes_starting_at_once_one_makes_the_first_admin(store: &dyn GraphStore) {
    use relaymap::domain::Role;
    let issue = || relaymap::app::new_token(Role::Admin, "first admin".into(), None).unwrap();
    let (analyst, analyst_secret) =
        relaymap::app::new_token(Role::Analyst, "study".into(), None).unwrap();
    store
        .create_token(&analyst, &analyst_secret.hash())
        .await
        .unwrap();

    // Eight processes find no admin and each tries to store one, at the same moment.
    let made = first_admins_made(&[store]).await;

    assert_eq!(made, 1);
    let admins = |tokens: Vec<relaymap::domain::Token>| {
        tokens
            .into_iter()
            .filter(|t| t.role == Role::Admin)
            .collect::<Vec<_>>()
    };
    let first = admins(store.tokens().await.unwrap());
    assert_eq!(first.len(), 1);
    // Once that admin is revoked, the next start makes another.
    let at = relaymap::domain::now();
    store.revoke_token(&first[0].id, &at).await.unwrap();
    let (token, secret) = issue();
    assert!(
        store
            .create_first_admin(&token, &secret.hash())
            .await
            .unwrap()
    );
    assert_eq!(admins(store.tokens().await.unwrap()).len(), 2);
}

pub async fn failures_are_counted_per_client_within_the_window(store: &dyn GraphStore) {
    let at = |minute: u32| {
        relaymap::domain::parse_timestamp(&format!("2026-12-07T10:{minute:02}:00Z")).unwrap()
    };
    let version = store.version().await.unwrap();
    // Two failures of one client (as two processes would count them), one of another.
    let first = store.record_failure("aa11", &at(0), &at(0)).await.unwrap();
    assert_eq!(first, [at(0)]);
    let other = store.record_failure("bb22", &at(1), &at(0)).await.unwrap();
    assert_eq!(other, [at(1)], "another client's failures are its own");
    let second = store.record_failure("aa11", &at(2), &at(0)).await.unwrap();
    assert_eq!(second, [at(0), at(2)], "oldest first");
    // The window moves on: what is older is forgotten, for every client.
    let later = store.record_failure("aa11", &at(9), &at(2)).await.unwrap();
    assert_eq!(later, [at(2), at(9)]);
    let again = store.record_failure("bb22", &at(10), &at(2)).await.unwrap();
    assert_eq!(again, [at(10)], "b's failure at 10:01 has left the window");
    assert_eq!(
        store.version().await.unwrap(),
        version,
        "not a change of the network"
    );
}

pub async fn sessions_are_kept_until_they_end_and_expired_ones_are_dropped(store: &dyn GraphStore) {
    use relaymap::store::StoredSession;
    let at = |hours: i64| relaymap::domain::now() + chrono::Duration::hours(hours);
    let session = |csrf: &str, hours| StoredSession {
        token_hash: "token-hash".into(),
        csrf: csrf.into(),
        expires_at: at(hours),
    };
    let old = session("a", -1);
    store.create_session("old", &old).await.unwrap();
    let expected = StoredSession {
        expires_at: store_time(&old.expires_at),
        ..old
    };
    assert_eq!(store.session("old").await.unwrap(), Some(expected));
    store
        .create_session("live", &session("b", 12))
        .await
        .unwrap();
    let live = store.session("live").await.unwrap().expect("stored");
    assert_eq!(
        (live.token_hash.as_str(), live.csrf.as_str()),
        ("token-hash", "b")
    );
    assert_eq!(store.session("old").await.unwrap(), None, "expired ones go");
    assert_eq!(store.session("nobody").await.unwrap(), None);
    store.end_session("live").await.unwrap();
    assert_eq!(store.session("live").await.unwrap(), None);
    store.end_session("live").await.unwrap();
}

/// A time as the store keeps it (to the microsecond).
fn store_time(at: &relaymap::domain::Timestamp) -> relaymap::domain::Timestamp {
    relaymap::domain::parse_timestamp(&relaymap::domain::format_timestamp(at)).unwrap()
}

pub async fn the_audit_trail_keeps_entries_in_order(store: &dyn GraphStore) {
    use relaymap::domain::{AuditEntry, Role};
    let entry = |n: usize| AuditEntry {
        seq: 0,
        at: relaymap::domain::now(),
        who: format!("token {n}"),
        role: n.is_multiple_of(2).then_some(Role::Coordinator),
        action: "POST /api/v1/actors".into(),
        target: n.is_multiple_of(3).then(|| format!("m-{n}")),
        outcome: "ok".into(),
        records: (n > 0).then_some(n as u64),
        subjects: if n == 4 {
            vec!["m-9".into(), "o-1".into()]
        } else {
            Vec::new()
        },
    };
    let mut seqs = Vec::new();
    for n in 0..5 {
        seqs.push(store.append_audit(&entry(n)).await.unwrap());
    }

    let newest = store.audit(None, 3).await.unwrap();
    let older = store.audit(Some(newest[2].seq), 10).await.unwrap();

    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    let who: Vec<&str> = newest
        .iter()
        .chain(&older)
        .map(|e| e.who.as_str())
        .collect();
    assert_eq!(who, ["token 4", "token 3", "token 2", "token 1", "token 0"]);
    assert_eq!(older[1].role, Some(Role::Coordinator));
    assert_eq!(older[1].target.as_deref(), Some("m-0"));
    assert_eq!(newest[1].role, None);
    assert_eq!(newest[0].records, Some(4));
    assert_eq!(older[1].records, None);
    assert_eq!(newest[0].subjects, ["m-9", "o-1"]);
    assert!(newest[1].subjects.is_empty());
}

/// Regression test for #15: an erasure left the person's id in saved scenarios and in the audit
/// entries about their ties.
pub async fn erasing_a_person_scrubs_the_audit_trail_and_saved_scenarios(store: &dyn GraphStore) {
    use relaymap::domain::{AuditEntry, Scenario};
    // Arrange
    let document = serde_json::json!({
        "actors": [
            {"id": "m-gone", "kind": "migrant", "name": "Selam Gone", "consent": true},
            {"id": "m-stays", "kind": "migrant", "name": "Stays", "consent": true},
            {"id": "o-1", "kind": "organisation", "name": "Church"},
            {"id": "r-1", "kind": "responder", "name": "Red Cross"},
        ],
        "ties": [
            {"id": "t-1", "source": "m-gone", "target": "o-1", "kind": "member_of", "trust": 0.9},
            {"id": "t-2", "source": "m-stays", "target": "o-1", "kind": "member_of", "trust": 0.9},
        ],
    });
    store
        .write(read_json(&document.to_string(), WriteMode::Create).unwrap())
        .await
        .unwrap();
    let entry = |target: &str, subjects: &[&str]| AuditEntry {
        seq: 0,
        at: relaymap::domain::now(),
        who: "coordinator".into(),
        role: None,
        action: "GET /api/v1/something".into(),
        target: Some(target.into()),
        outcome: "ok".into(),
        records: Some(1),
        subjects: subjects.iter().map(|s| s.to_string()).collect(),
    };
    let entries = [
        entry("m-gone", &[]),
        entry("t-1", &["m-gone", "o-1"]),
        // A tie of theirs deleted long ago: only its ends lead to it.
        entry("t-deleted-long-ago", &["o-1", "m-gone"]),
        entry("?actor=m-gone&limit=5", &[]),
        entry("m-gone?max_hops=3", &[]),
        entry("m-stays", &[]),
        entry("t-2", &["m-stays", "o-1"]),
    ];
    for entry in &entries {
        store.append_audit(entry).await.unwrap();
    }
    let scenario = |name: &str, query: serde_json::Value| Scenario {
        name: name.into(),
        query: query.to_string(),
        saved_by: "coordinator".into(),
        saved_at: relaymap::domain::now(),
    };
    store
        .save_scenario(&scenario(
            "flood",
            serde_json::json!({"from": ["r-1", "m-gone"], "exclude": ["m-gone", "m-stays"]}),
        ))
        .await
        .unwrap();
    store
        .save_scenario(&scenario("quiet", serde_json::json!({"max_hops": 2})))
        .await
        .unwrap();

    // Act
    store.delete_actor(&actor_id("m-gone"), true).await.unwrap();

    // Assert
    let trail = store.audit(None, 100).await.unwrap();
    let targets: Vec<(Option<&str>, usize)> = trail
        .iter()
        .rev()
        .map(|e| (e.target.as_deref(), e.subjects.len()))
        .collect();
    assert_eq!(
        targets,
        [
            (Some("erased"), 0),
            (Some("erased"), 0),
            (Some("erased"), 0),
            (Some("erased"), 0),
            (Some("erased"), 0),
            (Some("m-stays"), 0),
            (Some("t-2"), 2),
        ]
    );
    for entry in &trail {
        assert!(!entry.subjects.iter().any(|s| s == "m-gone"));
        assert_eq!(
            entry.records,
            Some(1),
            "erasure changes targets and subjects only"
        );
    }
    let scenarios = store.scenarios().await.unwrap();
    let flood: serde_json::Value = serde_json::from_str(&scenarios[0].query).unwrap();
    assert_eq!(
        flood,
        serde_json::json!({"from": ["r-1"], "exclude": ["m-stays"]})
    );
    assert!(!scenarios.iter().any(|s| s.query.contains("m-gone")));
    assert!(
        store
            .get_actor(&actor_id("m-gone"))
            .await
            .unwrap()
            .is_none()
    );
}

pub async fn actors_are_read_by_id_in_one_call(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let ids = ["r-1", "m-404", "m-2", "c-1"].map(actor_id);

    let found = store.actors_by_id(&ids).await.unwrap();

    let found: Vec<&str> = found.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        found,
        ["c-1", "m-2", "r-1"],
        "those that exist, in id order"
    );
    assert!(store.actors_by_id(&[]).await.unwrap().is_empty());
}

pub async fn scenarios_are_saved_replaced_listed_and_deleted(store: &dyn GraphStore) {
    use relaymap::domain::Scenario;
    let version = store.version().await.unwrap();
    let scenario = |name: &str, hops: u8| Scenario {
        name: name.into(),
        query: serde_json::json!({"max_hops": hops}).to_string(),
        saved_by: "coordinator".into(),
        saved_at: relaymap::domain::now(),
    };
    store.save_scenario(&scenario("flood", 2)).await.unwrap();
    store.save_scenario(&scenario("fire", 3)).await.unwrap();
    store.save_scenario(&scenario("flood", 4)).await.unwrap();

    let saved = store.scenarios().await.unwrap();
    let deleted = store.delete_scenario("fire").await;
    let again = store.delete_scenario("fire").await;

    let names: Vec<&str> = saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["fire", "flood"]);
    assert!(saved[1].query.contains('4'), "saving again replaces");
    assert!(deleted.is_ok());
    assert!(matches!(again, Err(StoreError::NotFound(_))));
    assert_eq!(store.scenarios().await.unwrap().len(), 1);
    assert_eq!(
        store.version().await.unwrap(),
        version,
        "plans are not the network"
    );
}

/// Mappings are kept apart from scenarios of the same name, replaced by name, and deleted once.
pub async fn mappings_are_kept_by_name_apart_from_scenarios(store: &dyn GraphStore) {
    use relaymap::domain::{SavedMapping, Scenario};
    let version = store.version().await.unwrap();
    let saved = |name: &str, body: &str| SavedMapping {
        name: name.into(),
        body: body.into(),
        saved_by: "coordinator".into(),
        saved_at: relaymap::domain::now(),
    };
    store
        .save_scenario(&Scenario {
            name: "Harbour".into(),
            query: "{}".into(),
            saved_by: "coordinator".into(),
            saved_at: relaymap::domain::now(),
        })
        .await
        .unwrap();
    for (name, body) in [("Harbour", "1"), ("Station", "2"), ("Harbour", "3")] {
        store.save_mapping(&saved(name, body)).await.unwrap();
    }

    let listed = store.mappings().await.unwrap();
    let bodies: Vec<(&str, &str)> = listed
        .iter()
        .map(|m| (m.name.as_str(), m.body.as_str()))
        .collect();
    assert_eq!(bodies, [("Harbour", "3"), ("Station", "2")]);
    assert_eq!(listed[0].saved_by, "coordinator");
    store.delete_mapping("Harbour").await.unwrap();
    assert!(matches!(
        store.delete_mapping("Harbour").await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.mappings().await.unwrap().len(), 1);
    assert_eq!(
        store.scenarios().await.unwrap().len(),
        1,
        "the scenario stays"
    );
    assert_eq!(store.version().await.unwrap(), version);
}

/// The contract, one module per concern of the store, run against one backend.
/// A batch of the given JSON actors and ties, upserted.
fn upsert(actors: serde_json::Value, ties: serde_json::Value) -> Batch {
    let document = serde_json::json!({"actors": actors, "ties": ties});
    read_json(&document.to_string(), WriteMode::Upsert).expect("a valid batch")
}

/// The network of `before` brought up to the store's version by its change log equals a full
/// read, record for record (times included).
pub async fn activations_are_written_only_at_the_revision_read(store: &dyn GraphStore) {
    use relaymap::store::StoreError;
    store
        .create_activation("act-00000000000a", "2026-12-01T10:00:00Z", r#"{"n":1}"#)
        .await
        .unwrap();
    store
        .create_activation("act-00000000000b", "2026-12-02T10:00:00Z", r#"{"n":2}"#)
        .await
        .unwrap();
    let first = store.activation("act-00000000000a").await.unwrap().unwrap();
    assert_eq!((first.revision, first.document.as_str()), (1, r#"{"n":1}"#));
    store
        .update_activation("act-00000000000a", 1, r#"{"n":10}"#)
        .await
        .unwrap();
    // A second writer that read revision 1 too must read again.
    assert!(matches!(
        store
            .update_activation("act-00000000000a", 1, r#"{"n":11}"#)
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.update_activation("act-00000000000z", 1, "{}").await,
        Err(StoreError::NotFound(_))
    ));
    let now = store.activation("act-00000000000a").await.unwrap().unwrap();
    assert_eq!((now.revision, now.document.as_str()), (2, r#"{"n":10}"#));
    let ids: Vec<String> = store
        .activations()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(
        ids,
        ["act-00000000000b", "act-00000000000a"],
        "latest first"
    );
    assert_eq!(store.activation("act-00000000000c").await.unwrap(), None);
    assert_eq!(
        store.version().await.unwrap(),
        0,
        "not a change of the network"
    );
}

async fn assert_log_catches_up(
    store: &dyn GraphStore,
    before: &relaymap::domain::Network,
    version: u64,
) {
    let delta = store
        .changes_since(version)
        .await
        .unwrap()
        .expect("the log answers for a recent version");
    assert_eq!(delta.version, store.version().await.unwrap());
    let full = store.network().await.unwrap();
    let applied = before.apply(&delta);
    assert_eq!(applied, full, "the log's delta against a full read");
    // The relay graph brought up to date from the delta is the one built from a full read.
    let updated = relaymap::analysis::RelayGraph::build(before, version)
        .update(before, &applied, &delta, |_| true)
        .expect("the whole network's graph always updates");
    assert_eq!(
        updated,
        relaymap::analysis::RelayGraph::build(&full, delta.version),
        "the updated relay graph against one built from a full read"
    );
}

pub async fn the_change_log_says_what_changed_since_a_version(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let v1 = store.version().await.unwrap();
    let at_v1 = store.network().await.unwrap();
    let nothing = store.changes_since(v1).await.unwrap().unwrap();
    assert!(nothing.is_empty() && nothing.version == v1, "{nothing:?}");

    // An update, a new actor with a tie, a deleted tie, a deleted actor (and its ties).
    store
        .write(upsert(
            serde_json::json!([
                {"id": "m-2", "kind": "migrant", "name": "Dawit T.", "languages": ["tir"], "consent": true},
                {"id": "m-3", "kind": "migrant", "name": "Hagos", "languages": ["tir"], "consent": true}
            ]),
            serde_json::json!([
                {"id": "t-9", "source": "m-3", "target": "o-1", "kind": "member_of", "trust": 0.6}
            ]),
        ))
        .await
        .unwrap();
    store
        .delete_tie(&TieId::parse("t-3").unwrap())
        .await
        .unwrap();
    store.delete_actor(&actor_id("m-1"), false).await.unwrap();

    let delta = store.changes_since(v1).await.unwrap().unwrap();
    let ids = |all: &[StoredActor]| all.iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&delta.actors), ["m-2", "m-3"]);
    assert_eq!(delta.removed_actors, [actor_id("m-1")]);
    let removed: Vec<String> = delta.removed_ties.iter().map(ToString::to_string).collect();
    assert_eq!(
        removed,
        ["t-1", "t-2", "t-3", "t-5"],
        "m-1's ties went with them"
    );
    assert_log_catches_up(store, &at_v1, v1).await;
    // A version the store has not reached yet is not one the log can answer for.
    let now = store.version().await.unwrap();
    assert_eq!(store.changes_since(now + 1).await.unwrap(), None);
}

pub async fn an_erasure_empties_the_change_log(store: &dyn GraphStore) {
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let before = store.version().await.unwrap();
    store.delete_actor(&actor_id("m-2"), true).await.unwrap();
    // No id of theirs stays in the log: what happened before needs a full read.
    assert_eq!(store.changes_since(before).await.unwrap(), None);
    let after = store.version().await.unwrap();
    let at_after = store.network().await.unwrap();
    store
        .delete_tie(&TieId::parse("t-2").unwrap())
        .await
        .unwrap();
    assert_log_catches_up(store, &at_after, after).await;
}

pub async fn a_full_read_during_writes_sees_each_write_whole(store: &dyn GraphStore) {
    // Each write adds an organisation and its tie in one transaction; full reads running
    // meanwhile (on SQLite, on two connections at once) see both or neither, never a tie whose
    // end is missing.
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    const WRITES: usize = 60;
    let writes = async {
        for k in 0..WRITES {
            let id = format!("o-w{k:02}");
            let batch = upsert(
                serde_json::json!([{"id": id, "kind": "organisation", "name": "Hall", "languages": ["tir"]}]),
                serde_json::json!([{"id": format!("t-w{k:02}"), "source": id, "target": "r-1",
                    "kind": "partners_with", "trust": 0.5}]),
            );
            store.write(batch).await.unwrap();
        }
    };
    let reads = async {
        let mut reads = 0;
        loop {
            // Never refused for the writes overtaking it (Neo4j reads without locks, and
            // catches up from the change log), never torn.
            let network = store.network().await.unwrap();
            reads += 1;
            let written = |prefix: &str, ids: Vec<&str>| {
                ids.into_iter().filter(|id| id.starts_with(prefix)).count()
            };
            let organisations = written(
                "o-w",
                network.actors.iter().map(|a| a.id.as_str()).collect(),
            );
            let ties = written("t-w", network.ties.iter().map(|t| t.id.as_str()).collect());
            assert_eq!(organisations, ties, "read {reads} saw part of a write");
            for tie in &network.ties {
                for end in [&tie.source, &tie.target] {
                    assert!(
                        network.actors.binary_search_by(|a| a.id.cmp(end)).is_ok(),
                        "read {reads}: tie {} without its end {end}",
                        tie.id
                    );
                }
            }
            if organisations == WRITES {
                return reads;
            }
        }
    };
    let ((), reads) = tokio::join!(writes, reads);
    assert!(reads >= 1, "the last read, after the writes, is whole");
}

pub async fn a_full_read_while_a_tie_changes_kind_holds_it_once(store: &dyn GraphStore) {
    // On Neo4j a tie's kind is its relationship type: a write that changes it deletes the tie
    // and makes it again under the new type, which a full read (type by type) may meet twice.
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    const FLIPS: usize = 40;
    let flip = |k: usize| {
        let tie = if k.is_multiple_of(2) {
            serde_json::json!({"id": "t-flip", "source": "m-2", "target": "o-1", "kind": "member_of"})
        } else {
            serde_json::json!({"id": "t-flip", "source": "r-1", "target": "m-1", "kind": "serves"})
        };
        upsert(serde_json::json!([]), serde_json::json!([tie]))
    };
    store.write(flip(0)).await.unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    let writes = async {
        for k in 1..=FLIPS {
            store.write(flip(k)).await.unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
    };
    let reads = async {
        let mut reads = 0;
        loop {
            let finished = done.load(std::sync::atomic::Ordering::SeqCst);
            let network = store.network().await.unwrap();
            reads += 1;
            let flips: Vec<_> = network
                .ties
                .iter()
                .filter(|t| t.id.as_str() == "t-flip")
                .collect();
            assert_eq!(flips.len(), 1, "read {reads}: {flips:?}");
            let ids: Vec<&str> = network.ties.iter().map(|t| t.id.as_str()).collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "read {reads}: {ids:?}");
            if finished {
                // After the last flip (an even one): membership, as written last.
                assert_eq!(flips[0].kind, relaymap::domain::TieKind::MemberOf);
                return reads;
            }
            tokio::task::yield_now().await;
        }
    };
    let ((), reads) = tokio::join!(writes, reads);
    assert!(reads >= 1);
}

pub async fn random_writes_through_the_log_equal_a_full_read(store: &dyn GraphStore) {
    // Seeded random sequences of upserts, tie deletions and actor deletions; after each step the
    // network caught up from the log equals a full read, from one version back and from the
    // start.
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let start = store.version().await.unwrap();
    let at_start = store.network().await.unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for step in 0..24 {
        let version = store.version().await.unwrap();
        let before = store.network().await.unwrap();
        let migrants: Vec<String> = before
            .actors
            .iter()
            .filter(|a| a.id.as_str().starts_with("m-"))
            .map(|a| a.id.to_string())
            .collect();
        match next(4) {
            0 | 1 => {
                let id = format!("m-{}", 10 + next(12));
                let other = if migrants.is_empty() {
                    id.clone()
                } else {
                    migrants[next(migrants.len() as u64) as usize].clone()
                };
                let ties = if other == id {
                    serde_json::json!([])
                } else {
                    serde_json::json!([{"id": format!("t-{step}-{}", next(1000)), "source": id,
                        "target": other, "kind": "knows", "trust": (next(10) as f64) / 10.0}])
                };
                store
                    .write(upsert(
                        serde_json::json!([{"id": id, "kind": "migrant", "name": format!("N{step}"),
                            "languages": ["tir"], "consent": next(2) == 0}]),
                        ties,
                    ))
                    .await
                    .unwrap();
            }
            2 if !before.ties.is_empty() => {
                let tie = &before.ties[next(before.ties.len() as u64) as usize];
                store.delete_tie(&tie.id).await.unwrap();
            }
            _ if !migrants.is_empty() => {
                let id = &migrants[next(migrants.len() as u64) as usize];
                store.delete_actor(&actor_id(id), false).await.unwrap();
            }
            _ => continue,
        }
        assert_log_catches_up(store, &before, version).await;
    }
    assert_log_catches_up(store, &at_start, start).await;
}

fn interview(id: &str, key: &str, ego: &str) -> relaymap::store::StoredInterview {
    relaymap::store::StoredInterview {
        id: id.into(),
        key: key.into(),
        ego: ego.into(),
        recorded_at: "2026-11-20T10:00:00.000000Z".into(),
        recorded_by: "field team".into(),
        document: serde_json::json!({"named": [{"ref": "p1", "id": "m-2"}]}).to_string(),
    }
}

pub async fn an_interview_is_written_with_its_batch_once_per_key(store: &dyn GraphStore) {
    use relaymap::store::InterviewWrite;
    store.write(small_batch(WriteMode::Create)).await.unwrap();
    let version = store.version().await.unwrap();
    let batch = read_json(
        &serde_json::json!({"actors": [{"id": "m-7", "kind": "migrant", "name": "Saba"}],
            "ties": [{"id": "t-7", "source": "m-7", "target": "m-1", "kind": "knows"}]})
        .to_string(),
        WriteMode::Upsert,
    )
    .unwrap();
    let first = store
        .write_interview(interview("i-1", "key-one", "m-7"), batch.clone())
        .await
        .unwrap();
    assert!(
        matches!(first, InterviewWrite::Written(ref s) if s.actors_created == 1 && s.ties_created == 1),
        "{first:?}"
    );
    assert!(store.version().await.unwrap() > version);
    // The same key again: nothing written, the first one answered.
    let again = store
        .write_interview(interview("i-2", "key-one", "m-7"), batch)
        .await
        .unwrap();
    match again {
        InterviewWrite::Replayed(stored) => assert_eq!(stored, interview("i-1", "key-one", "m-7")),
        other => panic!("{other:?}"),
    }
    assert!(store.interview("i-2").await.unwrap().is_none());
    // A batch that breaks a rule writes neither it nor the interview.
    let broken = read_json(
        &serde_json::json!({"ties": [{"id": "t-8", "source": "m-7", "target": "m-404", "kind": "knows"}]})
            .to_string(),
        WriteMode::Upsert,
    )
    .unwrap();
    assert!(
        store
            .write_interview(interview("i-3", "key-three", "m-7"), broken)
            .await
            .is_err()
    );
    assert!(store.interview_by_key("key-three").await.unwrap().is_none());
    assert_eq!(
        store
            .interview_by_key("key-one")
            .await
            .unwrap()
            .map(|i| i.id),
        Some("i-1".to_owned())
    );
    let listed = store.interviews(10).await.unwrap();
    assert_eq!(listed.len(), 1);
    // Erasing someone named takes them out of the interview; erasing its person takes it.
    store.delete_actor(&actor_id("m-2"), true).await.unwrap();
    let scrubbed = store.interview("i-1").await.unwrap().unwrap();
    assert!(!scrubbed.document.contains("m-2"), "{}", scrubbed.document);
    store.delete_actor(&actor_id("m-7"), true).await.unwrap();
    assert!(store.interview("i-1").await.unwrap().is_none());
}

pub async fn protocol_versions_are_saved_once_and_never_change(store: &dyn GraphStore) {
    use relaymap::store::StoredProtocol;
    assert!(store.protocol(None).await.unwrap().is_none());
    let version = |v: u64, text: &str| StoredProtocol {
        version: v,
        saved_at: "2026-11-20T10:00:00.000000Z".into(),
        saved_by: "admin".into(),
        document: serde_json::json!({"text": text}).to_string(),
    };
    store.save_protocol(&version(1, "first")).await.unwrap();
    store.save_protocol(&version(2, "second")).await.unwrap();
    assert!(matches!(
        store.save_protocol(&version(2, "changed")).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        store.protocol(None).await.unwrap(),
        Some(version(2, "second"))
    );
    assert_eq!(
        store.protocol(Some(1)).await.unwrap(),
        Some(version(1, "first"))
    );
    assert!(store.protocol(Some(3)).await.unwrap().is_none());
}

macro_rules! store_contract {
    ($backend:ident, $harness:ident $(, #[$attribute:meta])?) => {
        mod $backend {
            macro_rules! contract_test {
                ($name:ident) => {
                    #[tokio::test]
                    $(#[$attribute])?
                    async fn $name() {
                        let harness = super::super::$harness().await;
                        super::super::$name(harness.store.as_ref()).await;
                    }
                };
            }
            /// `NetworkStore`.
            mod network {
                contract_test!(a_merge_moves_ties_and_deletes_the_other_all_or_nothing);
                contract_test!(writes_are_read_back_as_written);
                contract_test!(the_version_moves_on_every_write_and_only_then);
                contract_test!(a_refused_batch_writes_nothing);
                contract_test!(a_twin_of_a_stored_tie_is_refused);
                contract_test!(deleting_an_actor_cascades_to_its_ties);
                contract_test!(listings_filter_and_page_in_id_order);
                contract_test!(modes_guard_creates_and_replacements);
                contract_test!(actors_are_read_by_id_in_one_call);
                contract_test!(erasing_a_person_scrubs_the_audit_trail_and_saved_scenarios);
                contract_test!(the_change_log_says_what_changed_since_a_version);
                contract_test!(an_erasure_empties_the_change_log);
                contract_test!(random_writes_through_the_log_equal_a_full_read);
                contract_test!(a_full_read_during_writes_sees_each_write_whole);
                contract_test!(a_full_read_while_a_tie_changes_kind_holds_it_once);
            }
            /// `AccessStore`.
            mod access {
                contract_test!(a_secret_is_made_once_and_kept);
                contract_test!(tokens_are_found_by_hash_and_revoked);
                contract_test!(of_processes_starting_at_once_one_makes_the_first_admin);
                contract_test!(the_audit_trail_keeps_entries_in_order);
                contract_test!(sessions_are_kept_until_they_end_and_expired_ones_are_dropped);
                contract_test!(failures_are_counted_per_client_within_the_window);
            }
            /// `PlanStore`.
            mod plans {
                contract_test!(outlines_stay_with_their_city_until_it_goes);
                contract_test!(scenarios_are_saved_replaced_listed_and_deleted);
                contract_test!(mappings_are_kept_by_name_apart_from_scenarios);
                contract_test!(activations_are_written_only_at_the_revision_read);
                contract_test!(distinct_pairs_are_kept_once);
            }
            /// `InterviewStore`.
            mod interviews {
                contract_test!(an_interview_is_written_with_its_batch_once_per_key);
                contract_test!(protocol_versions_are_saved_once_and_never_change);
            }
        }
    };
}

store_contract!(sqlite, sqlite_store);
store_contract!(neo4j, neo4j_store, #[ignore = "needs the Neo4j server that tests/run starts"]);
