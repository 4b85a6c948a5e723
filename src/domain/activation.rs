//! An activation: a crisis (or a drill) being run on a relay query — the contacts made, who
//! turned out unavailable, and how the plan changed. Stored as one JSON document per activation
//! (`graph-schema/README.md`, "Activations"); never part of the network.

use serde::{Deserialize, Serialize};

use super::{ActorId, DomainError, Timestamp};

/// Consecutive `no_answer`s that make an actor unavailable.
pub const NO_ANSWERS_FOR_UNAVAILABLE: usize = 3;

/// Open while contacts are being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivationState {
    /// Contacts are being made.
    Open,
    /// Ended: no more contacts.
    Closed,
}

/// What came of one contact attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The actor has the message and will pass it on.
    Reached,
    /// A migrant confirmed receipt.
    Confirmed,
    /// Tried, no answer: keep trying (three in a row: unavailable).
    NoAnswer,
    /// The actor cannot relay in this activation.
    Unavailable,
}

impl Outcome {
    /// Parses `reached`, `confirmed`, `no_answer` or `unavailable`.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "reached" => Ok(Self::Reached),
            "confirmed" => Ok(Self::Confirmed),
            "no_answer" => Ok(Self::NoAnswer),
            "unavailable" => Ok(Self::Unavailable),
            _ => Err(DomainError::Malformed(
                "an outcome is reached, confirmed, no_answer or unavailable".into(),
            )),
        }
    }

    /// The outcome's name as written in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::Confirmed => "confirmed",
            Self::NoAnswer => "no_answer",
            Self::Unavailable => "unavailable",
        }
    }
}

/// One contact attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ContactAttempt {
    /// Whom.
    #[schema(value_type = String)]
    pub actor: ActorId,
    /// What came of it.
    pub outcome: Outcome,
    /// A note (may hold personal data: shown to coordinators only, never logged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was recorded (RFC 3339).
    #[schema(value_type = String)]
    pub at: Timestamp,
    /// The label of the token that recorded it.
    pub by: String,
}

/// How the call list changed when an actor became unavailable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlanChange {
    /// When.
    #[schema(value_type = String)]
    pub at: Timestamp,
    /// Who became unavailable.
    #[schema(value_type = String)]
    pub unavailable: ActorId,
    /// Relays that joined the call list.
    #[schema(value_type = Vec<String>)]
    pub added: Vec<ActorId>,
    /// Relays that left it.
    #[schema(value_type = Vec<String>)]
    pub dropped: Vec<ActorId>,
}

/// A crisis being run, or a drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activation {
    /// `act-` and 12 hexadecimal digits.
    pub id: String,
    /// What the crisis cell calls it.
    pub name: String,
    /// A drill: marked everywhere, never counted with live activations.
    pub drill: bool,
    /// Open or closed.
    pub state: ActivationState,
    /// The saved scenario it started from, if any.
    pub scenario: Option<String>,
    /// The relay query, as the JSON body of `POST /api/v1/coverage`.
    pub query: serde_json::Value,
    /// When it started.
    pub started_at: Timestamp,
    /// The label of the token that started it.
    pub started_by: String,
    /// When it was closed.
    pub closed_at: Option<Timestamp>,
    /// The call list when it started.
    pub planned: Vec<ActorId>,
    /// The call list as last re-planned.
    pub plan: Vec<ActorId>,
    /// Every contact attempt, in the order recorded.
    pub contacts: Vec<ContactAttempt>,
    /// Every re-planning, in order.
    pub plan_changes: Vec<PlanChange>,
}

impl Activation {
    /// Checks an activation's name: as a scenario's.
    pub fn parse_name(raw: &str) -> Result<String, DomainError> {
        super::Scenario::parse_name(raw).map_err(|_| {
            DomainError::Malformed(
                "an activation name has 1 to 100 characters, something visible, and no control or bidirectional control characters".into(),
            )
        })
    }

    /// Whether an id has the form of an activation's.
    pub fn is_id(raw: &str) -> bool {
        raw.len() == 16
            && raw.starts_with("act-")
            && raw[4..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }

    /// The actors unavailable now: whose latest outcome is `unavailable`, or whose last three
    /// outcomes are `no_answer` (a later `reached` or `confirmed` makes them available again).
    pub fn unavailable(&self) -> Vec<ActorId> {
        let mut by_actor: std::collections::BTreeMap<&ActorId, Vec<Outcome>> =
            std::collections::BTreeMap::new();
        for contact in &self.contacts {
            by_actor
                .entry(&contact.actor)
                .or_default()
                .push(contact.outcome);
        }
        by_actor
            .into_iter()
            .filter(|(_, outcomes)| {
                outcomes.last() == Some(&Outcome::Unavailable)
                    || (outcomes.len() >= NO_ANSWERS_FOR_UNAVAILABLE
                        && outcomes[outcomes.len() - NO_ANSWERS_FOR_UNAVAILABLE..]
                            .iter()
                            .all(|o| *o == Outcome::NoAnswer))
            })
            .map(|(actor, _)| actor.clone())
            .collect()
    }

    /// The distinct actors with at least one contact of this outcome, in id order.
    pub fn with_outcome(&self, outcome: Outcome) -> Vec<ActorId> {
        let mut actors: Vec<ActorId> = self
            .contacts
            .iter()
            .filter(|c| c.outcome == outcome)
            .map(|c| c.actor.clone())
            .collect();
        actors.sort();
        actors.dedup();
        actors
    }

    /// The relay query with every unavailable actor excluded, as JSON.
    pub fn current_query(&self) -> serde_json::Value {
        let mut query = self.query.clone();
        let unavailable = self.unavailable();
        if let Some(fields) = query.as_object_mut() {
            let mut exclude: Vec<String> = fields
                .get("exclude")
                .and_then(|e| e.as_array())
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            for actor in unavailable {
                if !exclude.iter().any(|e| e == actor.as_str()) {
                    exclude.push(actor.to_string());
                }
            }
            fields.insert("exclude".into(), serde_json::json!(exclude));
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(actor: &str, outcome: Outcome) -> ContactAttempt {
        ContactAttempt {
            actor: ActorId::parse(actor).unwrap(),
            outcome,
            note: None,
            at: super::super::now(),
            by: "test".into(),
        }
    }

    fn activation(contacts: Vec<ContactAttempt>) -> Activation {
        Activation {
            id: "act-0123456789ab".into(),
            name: "Flood".into(),
            drill: false,
            state: ActivationState::Open,
            scenario: None,
            query: serde_json::json!({"max_hops": 3, "exclude": ["o-9"]}),
            started_at: super::super::now(),
            started_by: "test".into(),
            closed_at: None,
            planned: Vec::new(),
            plan: Vec::new(),
            contacts,
            plan_changes: Vec::new(),
        }
    }

    #[test]
    fn unavailable_is_the_latest_word_or_three_silences_in_a_row() {
        use Outcome::*;
        let a = activation(vec![
            attempt("o-1", Unavailable),
            attempt("o-2", NoAnswer),
            attempt("o-2", NoAnswer),
            attempt("o-3", NoAnswer),
            attempt("o-3", NoAnswer),
            attempt("o-3", NoAnswer),
            attempt("o-4", Unavailable),
            attempt("o-4", Reached),
            attempt("o-2", NoAnswer),
        ]);
        let ids: Vec<String> = a.unavailable().iter().map(ToString::to_string).collect();
        assert_eq!(ids, ["o-1", "o-2", "o-3"]);
        assert_eq!(
            a.current_query(),
            serde_json::json!({"max_hops": 3, "exclude": ["o-9", "o-1", "o-2", "o-3"]})
        );
        assert_eq!(a.with_outcome(Reached), [ActorId::parse("o-4").unwrap()]);
    }

    #[test]
    fn ids_have_one_form() {
        assert!(Activation::is_id("act-0123456789ab"));
        assert!(!Activation::is_id("act-0123456789AB"));
        assert!(!Activation::is_id("act-../../etc"));
        assert!(Outcome::parse("maybe").is_err());
    }
}
