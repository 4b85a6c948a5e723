//! What erasing a person removes beyond their record and ties, decided once for both stores.

use crate::domain::ActorId;

/// Whether an audit entry's target names any of `ids` as a whole value: a path parameter (or one
/// of several, `a/b`, before an optional `?query`), or the value of a query parameter (or an
/// item of a comma-separated list in one), percent-encoded or not. What erasure redacts.
pub(crate) fn names_any(target: &str, ids: &[String]) -> bool {
    let whole = |value: &str| {
        value
            .split([',', '/', '?', '&', '='])
            .any(|part| ids.iter().any(|id| id == part.trim()))
    };
    let query = target.split_once('?').map_or(target, |(_, query)| query);
    whole(target) || form_urlencoded::parse(query.as_bytes()).any(|(_, value)| whole(&value))
}

/// What erasing one person removes beyond their record and ties, decided once for both stores:
/// their id and their ties' ids wherever the audit trail names them, and their id wherever a
/// saved scenario's query holds it.
pub(crate) struct Erasure {
    /// The person's id, then the ids of every tie they are part of.
    ids: Vec<String>,
}

/// How one audit entry changes when a person is erased.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Redaction {
    /// The entry's target becomes `erased`.
    pub target: bool,
    /// The entry's subjects are forgotten.
    pub subjects: bool,
}

impl Erasure {
    /// The erasure of `actor`, part of `ties`.
    pub(crate) fn new(actor: &ActorId, ties: impl IntoIterator<Item = String>) -> Self {
        let mut ids = vec![actor.to_string()];
        ids.extend(ties);
        Self { ids }
    }

    /// The erased ids (the person's first).
    pub(crate) fn ids(&self) -> &[String] {
        &self.ids
    }

    /// How an audit entry with this target and these subjects must change, if at all: its
    /// target when it names the person or one of their ties, its subjects (the ends of a tie it
    /// concerns) when the person is one of them, in which case the target goes too (it is the
    /// id of one of the person's ties, even a tie deleted long ago).
    pub(crate) fn redaction(&self, target: Option<&str>, subjects: &[String]) -> Option<Redaction> {
        let subject = subjects.iter().any(|s| *s == self.ids[0]);
        let named = target.is_some_and(|t| t != "erased" && names_any(t, &self.ids));
        let redaction = Redaction {
            target: (named || subject) && target.is_some_and(|t| t != "erased"),
            subjects: subject,
        };
        (redaction.target || redaction.subjects).then_some(redaction)
    }

    /// A saved scenario's query without the person's id (taken out of every list, such as
    /// `from` and `exclude`, and out of any field that held it alone); `None` when the query
    /// does not name them.
    pub(crate) fn scrub_query(&self, query: &str) -> Option<String> {
        self.scrub(query, false)
    }

    /// A stored document (an activation) without the person: as [`Erasure::scrub_query`], and
    /// every list item that is a record naming them in one of its fields (a contact with them, a
    /// re-planning after them) is dropped whole, notes included.
    pub(crate) fn scrub_record(&self, document: &str) -> Option<String> {
        self.scrub(document, true)
    }

    fn scrub(&self, text: &str, whole_records: bool) -> Option<String> {
        fn names(item: &serde_json::Value, id: &str, whole_records: bool) -> bool {
            item.as_str() == Some(id)
                || (whole_records
                    && item
                        .as_object()
                        .is_some_and(|fields| fields.values().any(|v| v.as_str() == Some(id))))
        }
        fn scrub(value: &mut serde_json::Value, id: &str, whole_records: bool) -> bool {
            match value {
                serde_json::Value::Array(items) => {
                    let before = items.len();
                    items.retain(|item| !names(item, id, whole_records));
                    let mut changed = items.len() != before;
                    for item in items {
                        changed |= scrub(item, id, whole_records);
                    }
                    changed
                }
                serde_json::Value::Object(fields) => {
                    let before = fields.len();
                    fields.retain(|_, v| v.as_str() != Some(id));
                    let mut changed = fields.len() != before;
                    for field in fields.values_mut() {
                        changed |= scrub(field, id, whole_records);
                    }
                    changed
                }
                _ => false,
            }
        }
        let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
        scrub(&mut value, &self.ids[0], whole_records).then(|| value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erasure() -> Erasure {
        Erasure::new(&ActorId::parse("m-1").unwrap(), ["t-7".to_owned()])
    }

    #[test]
    fn erasure_redacts_entries_naming_the_person_or_their_ties() {
        let erasure = erasure();
        let both = Some(Redaction {
            target: true,
            subjects: true,
        });
        let target_only = Some(Redaction {
            target: true,
            subjects: false,
        });
        assert_eq!(erasure.redaction(Some("m-1"), &[]), target_only);
        assert_eq!(erasure.redaction(Some("t-7"), &[]), target_only);
        // A tie deleted long ago: its id is not known any more, its ends are.
        let ends = ["m-1".to_owned(), "o-2".to_owned()];
        assert_eq!(erasure.redaction(Some("t-old"), &ends), both);
        assert_eq!(erasure.redaction(Some("m-10"), &[]), None);
        assert_eq!(erasure.redaction(None, &["o-2".to_owned()]), None);
    }

    #[test]
    fn erasure_takes_the_person_out_of_saved_queries() {
        let erasure = erasure();
        let scrubbed = erasure
            .scrub_query(r#"{"from":["r-1","m-1"],"exclude":["m-1"],"max_hops":3}"#)
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(&scrubbed).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"from": ["r-1"], "exclude": [], "max_hops": 3})
        );
        assert_eq!(erasure.scrub_query(r#"{"exclude":["m-10"]}"#), None);
    }

    #[test]
    fn erasure_takes_the_person_and_their_contacts_out_of_activations() {
        let document = r#"{"query":{"exclude":["m-1","o-2"]},"plan":["o-1","m-1"],
            "contacts":[{"actor":"m-1","outcome":"confirmed","note":"lives at 3 Harbour St"},
                        {"actor":"o-1","outcome":"reached"}],
            "plan_changes":[{"unavailable":"m-1","added":["o-3"],"dropped":[]}]}"#;
        let scrubbed = erasure().scrub_record(document).unwrap();
        assert!(!scrubbed.contains("m-1") && !scrubbed.contains("Harbour"));
        let value: serde_json::Value = serde_json::from_str(&scrubbed).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"query": {"exclude": ["o-2"]}, "plan": ["o-1"],
                "contacts": [{"actor": "o-1", "outcome": "reached"}], "plan_changes": []})
        );
        assert_eq!(erasure().scrub_record(r#"{"plan":["m-10"]}"#), None);
    }

    #[test]
    fn erasure_finds_an_id_as_a_whole_value_only() {
        let ids = ["m-1".to_owned(), "t-7".to_owned()];
        for target in [
            "m-1",
            "t-7",
            "actor=m-1",
            "kind=knows&actor=m-1",
            "exclude=a%2Cm-1",
            "c/m-1",
            "m-1?max_hops=3",
            "actor=m-1&limit=5",
            "?actor=m%2D1",
        ] {
            assert!(names_any(target, &ids), "{target}");
        }
        for target in ["m-10", "actor=m-12", "format=json", "xm-1"] {
            assert!(!names_any(target, &ids), "{target}");
        }
    }
}
