//! The figures every role's pages show (the dashboard, `GET /api/v1/stats`, `GET
//! /api/v1/aggregates`): counted once per version of the network and scope, then disclosed per
//! role by the one disclosure rule.

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

use serde::Serialize;
use utoipa::ToSchema;

use super::ServiceError;
use super::disclosure::{Audience, Disclosed, SMALL_CELL, Table};
use super::snapshot::{Scope, Snapshot};
use crate::analysis::{RelayGraph, RelayQuery, counts_part, reach};
use crate::domain::{ActorKind, TieKind};
use crate::export::Exportable;

/// One figure of the dashboard, the stats and the aggregates: every count they show is a cell
/// of one table, with every sum a reader knows, so the disclosure rule sees them all at once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    /// Every migrant (also the migrants of the count by kind).
    Migrants,
    /// Migrants the responders reach under the default conditions.
    Reached,
    /// Migrants they do not reach.
    Unreached,
    /// Migrants without any relaying tie.
    Isolated,
    /// Actors of a kind other than migrant.
    Actors(ActorKind),
    /// Every actor.
    ActorsTotal,
    /// Ties of a kind.
    Ties(TieKind),
    /// Every tie.
    TiesTotal,
    /// Migrants of a city (`none`: no city).
    City(String),
    /// Migrants of a first language (`und`: none given).
    Language(String),
    /// Migrants of a city and a first language.
    CityLanguage(String, String),
}

impl Figure {
    /// The figure that counts actors of a kind.
    pub fn actors(kind: ActorKind) -> Self {
        if kind == ActorKind::Migrant {
            Figure::Migrants
        } else {
            Figure::Actors(kind)
        }
    }
}

/// The figures of one version and scope of the network, before disclosure.
#[derive(Debug, Clone)]
pub struct Figures {
    /// The store version they describe.
    pub version: u64,
    table: Table<Figure>,
    cities: Vec<String>,
    languages: Vec<String>,
    pairs: Vec<(String, String)>,
}

/// Counts a scope of the network and reaches its migrants under the default conditions. The
/// consenting part is counted and its relay graph built straight from the snapshot's network,
/// without a copy of it: these figures are computed for every version.
pub(crate) fn compute(
    snapshot: &Snapshot,
    scope: Scope,
    cancel: &AtomicBool,
) -> Result<Figures, ServiceError> {
    let network = &snapshot.network;
    let (counts, part);
    let graph = match scope {
        Scope::Whole => {
            counts = crate::analysis::counts(network);
            &snapshot.graph
        }
        Scope::Research | Scope::Partners => {
            let purpose = scope.purpose().expect("a consenting scope has a purpose");
            let leaves =
                |a: &crate::domain::StoredActor| Exportable::may_leave(a, purpose, snapshot.day);
            counts = counts_part(network, leaves);
            part = RelayGraph::build_part(network, snapshot.version, leaves);
            &part
        }
    };
    let version = snapshot.version;
    let report = reach(graph, &RelayQuery::default(), cancel)?;
    let migrants = counts.actors_by_kind[&ActorKind::Migrant];
    let reached = report.reached_count as u64;
    let mut table = Table::new();
    table
        .cell(Figure::Migrants, migrants, true)
        .cell(Figure::Reached, reached, true)
        .cell(Figure::Unreached, migrants.saturating_sub(reached), true)
        .cell(Figure::Isolated, graph.isolated_migrants() as u64, true)
        .sum(&Figure::Migrants, [Figure::Reached, Figure::Unreached]);
    // Organisations, responders and cities are not people counted: shown, unless a sum needs
    // one withheld to protect the migrants' count.
    let total: u64 = counts.actors_by_kind.values().sum();
    table.cell(Figure::ActorsTotal, total, false);
    for (&kind, &n) in &counts.actors_by_kind {
        table.cell(Figure::actors(kind), n, kind == ActorKind::Migrant);
    }
    table.sum(
        &Figure::ActorsTotal,
        ActorKind::ALL.iter().map(|&k| Figure::actors(k)),
    );
    // A few ties are a few people's relations: withheld like people.
    let ties: u64 = counts.ties_by_kind.values().sum();
    table.cell(Figure::TiesTotal, ties, true);
    for (&kind, &n) in &counts.ties_by_kind {
        table.cell(Figure::Ties(kind), n, true);
    }
    table.sum(
        &Figure::TiesTotal,
        TieKind::ALL.iter().map(|&k| Figure::Ties(k)),
    );
    let mut by_city: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_language: BTreeMap<&str, u64> = BTreeMap::new();
    for ((city, language), &n) in &counts.migrants_by_city_and_language {
        *by_city.entry(city).or_default() += n;
        *by_language.entry(language).or_default() += n;
        table.cell(
            Figure::CityLanguage(city.clone(), language.clone()),
            n,
            true,
        );
    }
    for (&city, &n) in &by_city {
        table.cell(Figure::City(city.to_owned()), n, true);
    }
    for (&language, &n) in &by_language {
        table.cell(Figure::Language(language.to_owned()), n, true);
    }
    let pairs: Vec<(String, String)> = counts
        .migrants_by_city_and_language
        .keys()
        .cloned()
        .collect();
    table.sum(
        &Figure::Migrants,
        by_city.keys().map(|c| Figure::City((*c).to_owned())),
    );
    table.sum(
        &Figure::Migrants,
        by_language
            .keys()
            .map(|l| Figure::Language((*l).to_owned())),
    );
    for &city in by_city.keys() {
        let parts = pairs
            .iter()
            .filter(|(c, _)| c == city)
            .map(|(c, l)| Figure::CityLanguage(c.clone(), l.clone()));
        table.sum(&Figure::City(city.to_owned()), parts);
    }
    for &language in by_language.keys() {
        let parts = pairs
            .iter()
            .filter(|(_, l)| l == language)
            .map(|(c, l)| Figure::CityLanguage(c.clone(), l.clone()));
        table.sum(&Figure::Language(language.to_owned()), parts);
    }
    Ok(Figures {
        version,
        table,
        cities: by_city.keys().map(|c| (*c).to_owned()).collect(),
        languages: by_language.keys().map(|l| (*l).to_owned()).collect(),
        pairs,
    })
}

/// One count: `null` when withheld.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Cell {
    /// The city actor's id (`none`: no city), when the count is by city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The first language (`und`: unknown), when the count is by language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How many; `None` when the cell is withheld.
    pub count: Option<u64>,
}

/// Counts by kind, city and first language, small cells withheld: what every role may see.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Aggregates {
    /// Counts below this are withheld.
    pub small_cell_threshold: u64,
    /// Actors of each kind (every kind listed); `null` where withheld.
    pub actors_by_kind: BTreeMap<ActorKind, Option<u64>>,
    /// Migrants by city, in city id order.
    pub migrants_by_city: Vec<Cell>,
    /// Migrants by first language, in language order.
    pub migrants_by_first_language: Vec<Cell>,
    /// Migrants by city and first language.
    pub migrants_by_city_and_first_language: Vec<Cell>,
    /// How many cells of the table behind these figures are withheld.
    pub suppressed_cells: usize,
}

/// Counts by kind and their total; `null` where withheld.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Counted<K: Ord + ToSchema> {
    /// A count per kind.
    #[serde(flatten)]
    pub by_kind: BTreeMap<K, Option<u64>>,
    /// Every kind together.
    pub total: Option<u64>,
}

/// How big the network is.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Stats {
    /// Actors by kind.
    pub actors: Counted<ActorKind>,
    /// Ties by kind.
    pub ties: Counted<TieKind>,
    /// The store's change counter: it grows with every write.
    pub version: u64,
}

/// The dashboard's figures as one audience sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// Migrants the responders reach under the default conditions.
    pub reached: Option<u64>,
    /// Every migrant.
    pub migrants: Option<u64>,
    /// `reached` of `migrants`, from 0 to 1.
    pub reached_share: Option<f64>,
    /// Migrants without any relaying tie.
    pub isolated: Option<u64>,
    /// Actors by kind.
    pub kinds: Vec<(ActorKind, Option<u64>)>,
    /// Migrants by city id.
    pub cities: Vec<(String, Option<u64>)>,
    /// Migrants by first language.
    pub languages: Vec<(String, Option<u64>)>,
    /// Counts below this are withheld (from roles that see no personal data).
    pub threshold: u64,
    /// How many counts are withheld.
    pub suppressed: usize,
}

impl Figures {
    fn disclose(&self, audience: Audience) -> Disclosed<Figure> {
        self.table.disclose(audience)
    }

    /// The stats as an audience may see them.
    pub fn stats(&self, audience: Audience) -> Stats {
        let shown = self.disclose(audience);
        Stats {
            actors: Counted {
                by_kind: ActorKind::ALL
                    .iter()
                    .map(|&k| (k, shown.count(&Figure::actors(k))))
                    .collect(),
                total: shown.count(&Figure::ActorsTotal),
            },
            ties: Counted {
                by_kind: TieKind::ALL
                    .iter()
                    .map(|&k| (k, shown.count(&Figure::Ties(k))))
                    .collect(),
                total: shown.count(&Figure::TiesTotal),
            },
            version: self.version,
        }
    }

    /// The aggregates, small cells withheld whoever asks: the table is meant to be passed on.
    pub fn aggregates(&self) -> Aggregates {
        let shown = self.disclose(Audience::Restricted);
        let cell = |city: Option<&String>, language: Option<&String>, figure: Figure| Cell {
            city: city.cloned(),
            language: language.cloned(),
            count: shown.count(&figure),
        };
        Aggregates {
            small_cell_threshold: SMALL_CELL,
            actors_by_kind: ActorKind::ALL
                .iter()
                .map(|&k| (k, shown.count(&Figure::actors(k))))
                .collect(),
            migrants_by_city: self
                .cities
                .iter()
                .map(|c| cell(Some(c), None, Figure::City(c.clone())))
                .collect(),
            migrants_by_first_language: self
                .languages
                .iter()
                .map(|l| cell(None, Some(l), Figure::Language(l.clone())))
                .collect(),
            migrants_by_city_and_first_language: self
                .pairs
                .iter()
                .map(|(c, l)| cell(Some(c), Some(l), Figure::CityLanguage(c.clone(), l.clone())))
                .collect(),
            suppressed_cells: shown.suppressed(),
        }
    }

    /// The dashboard as an audience may see it: its headline figures as the audience may see
    /// them, its tables as everyone sees them (the dashboard's tables are the same for every
    /// role, like the aggregates they repeat).
    pub fn dashboard(&self, audience: Audience) -> Dashboard {
        let headline = self.disclose(audience);
        let shown = self.disclose(Audience::Restricted);
        Dashboard {
            reached: headline.count(&Figure::Reached),
            migrants: headline.count(&Figure::Migrants),
            reached_share: headline.share(&Figure::Reached, &Figure::Migrants),
            isolated: headline.count(&Figure::Isolated),
            kinds: ActorKind::ALL
                .iter()
                .map(|&k| (k, shown.count(&Figure::actors(k))))
                .collect(),
            cities: self
                .cities
                .iter()
                .map(|c| (c.clone(), shown.count(&Figure::City(c.clone()))))
                .collect(),
            languages: self
                .languages
                .iter()
                .map(|l| (l.clone(), shown.count(&Figure::Language(l.clone()))))
                .collect(),
            threshold: SMALL_CELL,
            suppressed: shown.suppressed(),
        }
    }
}
