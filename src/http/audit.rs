//! What the audit trail records of a call: who, what route, what target (ids, never free text),
//! how many records, how it ended. The access middleware (`access.rs`) writes one entry per audited
//! call with these.

use std::sync::Arc;

use axum::response::Response;

use crate::domain::{AuditEntry, Role, now};
use crate::store::GraphStore;

/// What a handler may put in its response's extensions to replace the audit entry's target (an
/// erasure records `erased`, never the erased person's id).
#[derive(Debug, Clone)]
pub struct AuditTarget(pub String);

/// What a handler puts in its response's extensions to say how many records it handed out (or
/// wrote): the audit entry's `records`.
#[derive(Debug, Clone, Copy)]
pub struct AuditRecords(pub u64);

/// What a handler puts in its response's extensions to name the actors a call concerns beyond
/// its target (a tie's two ends), so that erasing one of them also finds this entry.
#[derive(Debug, Clone)]
pub struct AuditSubjects(pub Vec<String>);

/// The ids in a request's path where its route has parameters (`/api/v1/actors/{id}` →
/// `m-0001`): the audit trail's target. Ids are not personal data; names never travel in paths.
pub(super) fn path_target(route: &str, path: &str) -> Option<String> {
    let values: Vec<&str> = route
        .split('/')
        .zip(path.split('/'))
        .filter(|(pattern, _)| pattern.starts_with('{'))
        .map(|(_, value)| value)
        .collect();
    (!values.is_empty()).then(|| values.join("/"))
}

/// Query parameters whose values go into the audit trail as sent: ids, filters, formats and
/// numbers. Any other parameter (free text such as a search for a name) is recorded by its name
/// only, so that the trail never holds what someone typed.
const AUDITED_PARAMETERS: [&str; 22] = [
    "actor",
    "bbox",
    "before",
    "city",
    "colour",
    "community",
    "cursor",
    "dry_run",
    "erase",
    "format",
    "kind",
    "language",
    "limit",
    "max_hops",
    "offset",
    "only",
    "pseudonymize",
    "sample",
    "saved",
    "seed",
    "with_metrics",
    "scenario",
];

/// The audit trail's target of a call: its path parameters (`m-0001`), then for a read its
/// query (`kind=migrant&limit=100`, or `m-0001?max_hops=3` after path parameters), free-text
/// values withheld.
pub(super) fn call_target(route: &str, path: &str, query: Option<&str>) -> Option<String> {
    let mut target = path_target(route, path).unwrap_or_default();
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        let mut kept = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if AUDITED_PARAMETERS.contains(&key.as_ref()) {
                kept.append_pair(&key, &value);
            } else {
                kept.append_pair(&key, "withheld");
            }
        }
        if !target.is_empty() {
            target.push('?');
        }
        target.push_str(&kept.finish());
    }
    (!target.is_empty()).then_some(target)
}

/// One audit entry as a call leaves it.
pub(crate) struct Audit {
    /// The token's label, or `anonymous`.
    pub who: String,
    /// The token's role, when known.
    pub role: Option<Role>,
    /// `METHOD /route`.
    pub action: String,
    /// What was touched.
    pub target: Option<String>,
    /// `ok` or why not.
    pub outcome: String,
    /// How many records were handed out or written.
    pub records: Option<u64>,
    /// The actors concerned beyond the target.
    pub subjects: Vec<String>,
}

impl Audit {
    /// Appends to the audit trail; a failure is logged, never shown to the caller.
    pub(crate) async fn write(self, store: &dyn GraphStore) {
        let entry = AuditEntry {
            seq: 0,
            at: now(),
            who: self.who,
            role: self.role,
            action: self.action,
            target: self.target,
            outcome: self.outcome,
            records: self.records,
            subjects: self.subjects,
        };
        if let Err(error) = store.append_audit(&entry).await {
            tracing::error!(error = %crate::telemetry::chain(&error), "audit trail write failed");
        }
    }
}

/// Appends to the audit trail; a failure is logged, never shown to the caller.
pub(crate) async fn audit(
    store: &dyn GraphStore,
    who: String,
    role: Option<Role>,
    action: String,
    target: Option<String>,
    outcome: &str,
) {
    Audit {
        who,
        role,
        action,
        target,
        outcome: outcome.to_owned(),
        records: None,
        subjects: Vec::new(),
    }
    .write(store)
    .await
}

/// The outcome an audit entry records for an answer: `ok`, or its status code.
pub(super) fn outcome_of(response: &Response) -> String {
    let status = response.status();
    if status.is_success() || status.is_redirection() {
        "ok".to_owned()
    } else {
        status.as_u16().to_string()
    }
}

/// Writes the audit entry of an audited read if the read is dropped before it answers (the
/// client left): the entry still says who asked for what.
pub(super) struct LeftBehind {
    pub(super) store: Arc<dyn GraphStore>,
    pub(super) audit: Option<Audit>,
}

impl Drop for LeftBehind {
    fn drop(&mut self) {
        if let Some(mut audit) = self.audit.take() {
            audit.outcome = "client_left".into();
            let store = self.store.clone();
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move { audit.write(store.as_ref()).await });
            }
        }
    }
}

/// An audited call's entry, completed from its answer: the outcome, and what the handler said
/// about the records and actors it touched. A call about something that does not exist keeps no
/// target: asking for an erased person's id must not write it back into the trail.
pub(super) fn completed(mut entry: Audit, response: &Response) -> Audit {
    entry.outcome = outcome_of(response);
    if response.status() == axum::http::StatusCode::NOT_FOUND {
        entry.target = Some("not_found".into());
    }
    let extensions = response.extensions();
    if let Some(AuditTarget(withheld)) = extensions.get::<AuditTarget>() {
        entry.target = Some(withheld.clone());
    }
    entry.records = extensions.get::<AuditRecords>().map(|r| r.0);
    if let Some(AuditSubjects(subjects)) = extensions.get::<AuditSubjects>() {
        entry.subjects = subjects.clone();
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_target_is_the_path_parameters() {
        assert_eq!(
            path_target("/api/v1/actors/{id}", "/api/v1/actors/m-1"),
            Some("m-1".into())
        );
        assert_eq!(path_target("/api/v1/import", "/api/v1/import"), None);
    }

    #[test]
    fn free_text_in_a_query_never_reaches_the_audit_trail() {
        let target = call_target(
            "/api/v1/actors",
            "/api/v1/actors",
            Some("kind=migrant&q=Selam%20Tesfaye&limit=5"),
        );
        assert_eq!(target.as_deref(), Some("kind=migrant&q=withheld&limit=5"));
        let target = call_target("/api/v1/actors/{id}", "/api/v1/actors/m-1", Some("x=1"));
        assert_eq!(target.as_deref(), Some("m-1?x=withheld"));
    }
}
