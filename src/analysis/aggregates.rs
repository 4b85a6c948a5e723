//! Counts of actors by kind, ties by kind, and migrants by city and first language: the raw
//! figures behind the dashboard, the stats and the aggregates. Whether a role may see a count is
//! not decided here (the service layer's disclosure rule decides it).

use std::collections::BTreeMap;

use crate::domain::{ActorKind, Network, StoredActor, TieKind};

/// The raw counts of a network.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// Actors of each kind (every kind listed, zero included).
    pub actors_by_kind: BTreeMap<ActorKind, u64>,
    /// Ties of each kind (every kind listed, zero included).
    pub ties_by_kind: BTreeMap<TieKind, u64>,
    /// Migrants by city id (`none`: no city) and first language (`und`: none given).
    pub migrants_by_city_and_language: BTreeMap<(String, String), u64>,
}

/// Counts a network's actors and ties.
///
/// # Complexity
/// O(V log V + E).
///
/// ```
/// use relaymap::analysis::counts;
/// use relaymap::document::read_json;
/// use relaymap::domain::{ActorKind, WriteMode};
///
/// let document = r#"{"actors": [
///     {"id": "c-1", "kind": "city", "name": "Harbour"},
///     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1"},
///     {"id": "m-2", "kind": "migrant", "name": "B"}]}"#;
/// let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// let counts = counts(&network);
/// assert_eq!(counts.actors_by_kind[&ActorKind::Migrant], 2);
/// assert_eq!(counts.migrants_by_city_and_language[&("c-1".into(), "tir".into())], 1);
/// assert_eq!(counts.migrants_by_city_and_language[&("none".into(), "und".into())], 1);
/// ```
pub fn counts(network: &Network) -> Counts {
    counts_part(network, |_| true)
}

/// Counts the part of a network whose actors `keep` accepts, and the ties between them
/// (without copying the network).
///
/// # Complexity
/// O(V log V + E).
///
/// # Example
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// // r-1 ── o-1 ── m-1     m-2 (alone)
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
/// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
/// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
/// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// # let never = AtomicBool::new(false);
/// let consenting = counts_part(&network, |a| a.consent.is_recorded() || a.kind.as_str() != "migrant");
/// assert_eq!(consenting.actors_by_kind[&relaymap::domain::ActorKind::Migrant], 1);
/// assert_eq!(counts(&network).actors_by_kind[&relaymap::domain::ActorKind::Migrant], 2);
/// ```
pub fn counts_part(network: &Network, keep: impl Fn(&StoredActor) -> bool) -> Counts {
    let mut left_out = std::collections::HashSet::new();
    let mut counts = Counts {
        actors_by_kind: ActorKind::ALL.iter().map(|&k| (k, 0)).collect(),
        ties_by_kind: TieKind::ALL.iter().map(|&k| (k, 0)).collect(),
        migrants_by_city_and_language: BTreeMap::new(),
    };
    for actor in &network.actors {
        let record = &actor.value;
        if !keep(actor) {
            left_out.insert(&record.id);
            continue;
        }
        *counts.actors_by_kind.entry(record.kind).or_default() += 1;
        if record.kind == ActorKind::Migrant {
            let city = record
                .city
                .as_ref()
                .map_or("none".to_owned(), ToString::to_string);
            let language = record
                .languages
                .first()
                .map_or("und".to_owned(), |l| l.to_string());
            *counts
                .migrants_by_city_and_language
                .entry((city, language))
                .or_default() += 1;
        }
    }
    for tie in &network.ties {
        let tie = &tie.value;
        if left_out.contains(&tie.source) || left_out.contains(&tie.target) {
            continue;
        }
        *counts.ties_by_kind.entry(tie.kind).or_default() += 1;
    }
    counts
}
