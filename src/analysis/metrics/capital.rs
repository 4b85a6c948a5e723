//! Social capital: every tie is bonding, bridging or linking, and the profile of each actor.

use super::*;

/// Bonding, bridging and linking tie counts per actor (every relaying tie, parallel ties
/// counted each).
/// The social capital a tie carries: linking when it touches a responder; bonding between two
/// migrants who share a first language, or a migrant and an organisation that works in the
/// migrant's first language; bridging otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capital {
    /// Within a community.
    Bonding = 0,
    /// Across communities.
    Bridging = 1,
    /// To those with power or resources: responders.
    Linking = 2,
}

impl Capital {
    /// The kind of capital of a tie between two actors, given their kinds and languages (in
    /// either order).
    pub fn of(
        a: (ActorKind, &crate::domain::Languages),
        b: (ActorKind, &crate::domain::Languages),
    ) -> Capital {
        use ActorKind::{Migrant, Organisation, Responder};
        let works_in_first = |migrant: &crate::domain::Languages,
                              org: &crate::domain::Languages| {
            migrant.first().is_some_and(|l| org.as_slice().contains(&l))
        };
        match (a.0, b.0) {
            (Responder, _) | (_, Responder) => Capital::Linking,
            (Migrant, Migrant) if a.1.first().is_some() && a.1.first() == b.1.first() => {
                Capital::Bonding
            }
            (Migrant, Organisation) if works_in_first(a.1, b.1) => Capital::Bonding,
            (Organisation, Migrant) if works_in_first(b.1, a.1) => Capital::Bonding,
            _ => Capital::Bridging,
        }
    }

    /// `bonding`, `bridging` or `linking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Capital::Bonding => "bonding",
            Capital::Bridging => "bridging",
            Capital::Linking => "linking",
        }
    }
}

pub(super) fn profiles(graph: &RelayGraph, network: &Network) -> Vec<[usize; 3]> {
    let none = crate::domain::Languages::default();
    // Each node's languages, looked up once (the graph's ids and the network are both sorted).
    let languages: Vec<&crate::domain::Languages> = graph
        .ids
        .iter()
        .map(|id| {
            network
                .actors
                .binary_search_by(|a| a.id.cmp(id))
                .map_or(&none, |i| &network.actors[i].languages)
        })
        .collect();
    let end = |v: u32| (graph.kinds[v as usize], languages[v as usize]);
    let mut counts = vec![[0usize; 3]; graph.node_count()];
    for (s, t) in graph.tie_ends() {
        let class = Capital::of(end(s), end(t)) as usize;
        counts[s as usize][class] += 1;
        counts[t as usize][class] += 1;
    }
    counts
}

/// Shares of bonding, bridging and linking tie ends.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default, utoipa::ToSchema)]
pub struct CapitalShares {
    /// Relaying actors counted.
    pub actors: usize,
    /// Tie ends counted.
    pub ties: usize,
    /// Share that is bonding.
    pub bonding: f64,
    /// Share that is bridging.
    pub bridging: f64,
    /// Share that is linking.
    pub linking: f64,
}

impl CapitalShares {
    pub(super) fn from_counts(actors: usize, [bonding, bridging, linking]: [usize; 3]) -> Self {
        let ties = bonding + bridging + linking;
        let share = |k: usize| {
            if ties == 0 {
                0.0
            } else {
                k as f64 / ties as f64
            }
        };
        Self {
            actors,
            ties,
            bonding: share(bonding),
            bridging: share(bridging),
            linking: share(linking),
        }
    }
}
