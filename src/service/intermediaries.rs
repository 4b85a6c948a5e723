//! The intermediaries use case: organisations and people ranked by how many reached migrants
//! the responders reach through them (on the most reliable path, under the default conditions),
//! with betweenness and Burt's brokerage measures, filtered by a language they speak and their
//! city. For roles that see the network (the ranking names people).

use std::collections::HashMap;
use std::sync::Arc;

use super::{ServiceError, Services};
use crate::analysis::{Column, MetricsOptions, RelayQuery, actor_metrics, reach};
use crate::domain::{ActorId, ActorKind, Caller, Language, StoredActor};

/// Betweenness is estimated from this many sources on networks larger than this.
pub const INTERMEDIARY_SAMPLE: usize = 500;

/// What the ranking asks for.
#[derive(Debug, Clone, Default)]
pub struct IntermediariesQuery {
    /// Only actors who speak (or work in) this language.
    pub language: Option<Language>,
    /// Only actors of this city.
    pub city: Option<ActorId>,
}

/// One ranked intermediary.
#[derive(Debug, Clone)]
pub struct Intermediary {
    /// The actor.
    pub actor: StoredActor,
    /// Reached migrants whose most reliable path passes through them.
    pub bridged: usize,
    /// Normalised betweenness (estimated on large networks).
    pub betweenness: f64,
    /// Burt's effective size (NaN for an isolated actor).
    pub effective_size: f64,
    /// Burt's constraint (NaN for an isolated actor).
    pub constraint: f64,
    /// The mean trust of their ties that can carry a message (NaN without any).
    pub trust: f64,
}

/// The ranking.
#[derive(Debug, Clone)]
pub struct Intermediaries {
    /// Everyone who bridges at least one reached migrant: most bridged first, then by
    /// betweenness, then by id.
    pub rows: Vec<Intermediary>,
    /// Every city's id, for the filter.
    pub cities: Vec<ActorId>,
    /// Sources of the betweenness estimate, when it is one.
    pub sampled: Option<usize>,
}

impl Services {
    /// Ranks the intermediaries of the network. The ranking is computed once per version of the
    /// network and shared; each query only filters it.
    pub async fn intermediaries(
        &self,
        caller: &Caller,
        query: IntermediariesQuery,
    ) -> Result<Intermediaries, ServiceError> {
        if !caller.role.sees_personal_data() {
            return Err(ServiceError::Forbidden(format!(
                "a {} token may not see who the intermediaries are",
                caller.role
            )));
        }
        let snapshot = self.snapshot().await?;
        let budget = self.budget.timeout();
        let compute = || {
            let snapshot = snapshot.clone();
            async move {
                // Shared by every caller of this version: not cancelled when one of them leaves.
                let task = super::budget::on_heavy_pool(move || {
                    let never = std::sync::atomic::AtomicBool::new(false);
                    rank(&snapshot, &never).map(Arc::new)
                });
                task.await.map_err(|e| ServiceError::Internal(e.into()))?
            }
        };
        let ranking = match tokio::time::timeout(budget, snapshot.intermediaries(compute)).await {
            Ok(ranking) => ranking?,
            Err(_) => return Err(ServiceError::Timeout(budget)),
        };
        let keep = |actor: &crate::domain::Actor| {
            query
                .language
                .is_none_or(|l| actor.languages.as_slice().contains(&l))
                && query
                    .city
                    .as_ref()
                    .is_none_or(|c| actor.city.as_ref() == Some(c))
        };
        Ok(Intermediaries {
            rows: ranking
                .rows
                .iter()
                .filter(|row| keep(&row.actor.value))
                .cloned()
                .collect(),
            cities: ranking.cities.clone(),
            sampled: ranking.sampled,
        })
    }
}

/// Every intermediary of a snapshot, ranked, with no filter.
fn rank(
    snapshot: &super::Snapshot,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Intermediaries, ServiceError> {
    let (graph, network) = (&snapshot.graph, &snapshot.network);
    let sample = (network.actors.len() > INTERMEDIARY_SAMPLE).then_some(INTERMEDIARY_SAMPLE);
    let report = reach(graph, &RelayQuery::default(), cancel)?;
    let mut bridged: HashMap<&ActorId, usize> = HashMap::new();
    for hit in &report.reached {
        let inner = hit.path.len().saturating_sub(2);
        for relay in hit.path.iter().skip(1).take(inner) {
            *bridged.entry(relay).or_default() += 1;
        }
    }
    let options = MetricsOptions {
        names: vec!["betweenness", "effective_size", "constraint"],
        seed: 1,
        sample,
    };
    let table = actor_metrics(graph, network, &options, cancel)?;
    // Each actor's ties that can carry a message: their count and summed trust.
    let mut trust: HashMap<&ActorId, (usize, f64)> = HashMap::new();
    for tie in network.ties.iter().filter(|t| t.kind.relays()) {
        for end in [&tie.source, &tie.target] {
            let entry = trust.entry(end).or_default();
            entry.0 += 1;
            entry.1 += tie.trust.value();
        }
    }
    let real = |name: &str, row: usize| match table.column(name) {
        Some(Column::Real(values)) => values[row],
        _ => f64::NAN,
    };
    let mut rows = Vec::new();
    for stored in &network.actors {
        let actor = &stored.value;
        if !matches!(actor.kind, ActorKind::Migrant | ActorKind::Organisation) {
            continue;
        }
        let Ok(row) = table.ids.binary_search(&actor.id) else {
            continue;
        };
        // An intermediary carries messages to someone: lying on shortest paths
        // alone does not make one.
        let bridged = bridged.get(&actor.id).copied().unwrap_or(0);
        if bridged == 0 {
            continue;
        }
        let (ties, summed) = trust.get(&actor.id).copied().unwrap_or((0, 0.0));
        rows.push(Intermediary {
            actor: (**stored).clone(),
            bridged,
            betweenness: real("betweenness", row),
            effective_size: real("effective_size", row),
            constraint: real("constraint", row),
            trust: if ties == 0 {
                f64::NAN
            } else {
                summed / ties as f64
            },
        });
    }
    rows.sort_by(|a, b| {
        b.bridged
            .cmp(&a.bridged)
            .then(b.betweenness.total_cmp(&a.betweenness))
            .then(a.actor.id.cmp(&b.actor.id))
    });
    let cities = network
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::City)
        .map(|a| a.id.clone())
        .collect();
    Ok(Intermediaries {
        rows,
        cities,
        sampled: sample,
    })
}
