//! Counts of migrants by city and first language, and of actors by kind: what dashboards and
//! roles without access to personal data see. Cells of fewer than [`SMALL_CELL`] people are
//! suppressed, and so is a second cell wherever a published total would give a lone suppressed
//! cell away. Migrants without consent are counted, never named.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{ActorKind, Network};

/// The smallest number of people a published count may stand for.
pub const SMALL_CELL: u64 = 5;

/// One count: `null` when suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Cell {
    /// The city actor's id (`none`: no city), when the count is by city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The first language (`und`: unknown), when the count is by language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How many; `None` when the cell is suppressed.
    pub count: Option<u64>,
}

/// Counts by kind, city and first language.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Aggregates {
    /// Counts below this are suppressed.
    pub small_cell_threshold: u64,
    /// Actors of each kind (every kind listed); the migrant count is suppressed when small.
    pub actors_by_kind: BTreeMap<ActorKind, Option<u64>>,
    /// Migrants by city, in city id order.
    pub migrants_by_city: Vec<Cell>,
    /// Migrants by first language, in language order.
    pub migrants_by_first_language: Vec<Cell>,
    /// Migrants by city and first language.
    pub migrants_by_city_and_first_language: Vec<Cell>,
    /// How many cells are suppressed.
    pub suppressed_cells: usize,
}

/// Counts the network's actors.
///
/// # Complexity
/// O(V log V).
pub fn aggregates(network: &Network) -> Aggregates {
    let mut kinds: BTreeMap<ActorKind, u64> = ActorKind::ALL.iter().map(|&k| (k, 0)).collect();
    let mut pairs: BTreeMap<(String, String), u64> = BTreeMap::new();
    for actor in &network.actors {
        let record = &actor.record;
        *kinds.entry(record.kind).or_default() += 1;
        if record.kind == ActorKind::Migrant {
            let city = record
                .city
                .as_ref()
                .map_or("none".to_owned(), ToString::to_string);
            let language = record
                .languages
                .first()
                .map_or("und".to_owned(), |l| l.to_string());
            *pairs.entry((city, language)).or_default() += 1;
        }
    }
    let mut by_city: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_language: BTreeMap<&str, u64> = BTreeMap::new();
    for ((city, language), &count) in &pairs {
        *by_city.entry(city).or_default() += count;
        *by_language.entry(language).or_default() += count;
    }
    // All cells in one list: the migrant total, the cities, the languages, the pairs.
    let mut cells: Vec<Cell> = vec![Cell {
        city: None,
        language: None,
        count: Some(kinds[&ActorKind::Migrant]),
    }];
    let cell = |city: Option<&str>, language: Option<&str>, count: u64| Cell {
        city: city.map(str::to_owned),
        language: language.map(str::to_owned),
        count: Some(count),
    };
    let cities_at = cells.len();
    cells.extend(by_city.iter().map(|(c, &n)| cell(Some(c), None, n)));
    let languages_at = cells.len();
    cells.extend(by_language.iter().map(|(l, &n)| cell(None, Some(l), n)));
    let pairs_at = cells.len();
    cells.extend(pairs.iter().map(|((c, l), &n)| cell(Some(c), Some(l), n)));
    // Groups of cells whose sum is published: every city and every language sums to the total;
    // each city's pairs sum to the city; each language's pairs sum to the language.
    let mut groups: Vec<Vec<usize>> = vec![
        std::iter::once(0).chain(cities_at..languages_at).collect(),
        std::iter::once(0).chain(languages_at..pairs_at).collect(),
    ];
    for (i, city) in by_city.keys().enumerate() {
        let mut group = vec![cities_at + i];
        group.extend((pairs_at..cells.len()).filter(|&j| cells[j].city.as_deref() == Some(city)));
        groups.push(group);
    }
    for (i, language) in by_language.keys().enumerate() {
        let mut group = vec![languages_at + i];
        group.extend(
            (pairs_at..cells.len()).filter(|&j| cells[j].language.as_deref() == Some(language)),
        );
        groups.push(group);
    }
    let counts: Vec<u64> = cells.iter().map(|c| c.count.unwrap_or(0)).collect();
    let hidden = suppressed(&counts, &groups);
    for (cell, hide) in cells.iter_mut().zip(&hidden) {
        if *hide {
            cell.count = None;
        }
    }
    let suppressed_cells = hidden.iter().filter(|&&h| h).count();
    let mut rest = cells.split_off(cities_at);
    let migrants = cells[0].count;
    let mut languages = rest.split_off(languages_at - cities_at);
    let pairs = languages.split_off(pairs_at - languages_at);
    Aggregates {
        small_cell_threshold: SMALL_CELL,
        actors_by_kind: kinds
            .into_iter()
            .map(|(k, n)| {
                (
                    k,
                    if k == ActorKind::Migrant {
                        migrants
                    } else {
                        Some(n)
                    },
                )
            })
            .collect(),
        migrants_by_city: rest,
        migrants_by_first_language: languages,
        migrants_by_city_and_first_language: pairs,
        suppressed_cells,
    }
}

/// Which cells to hide: every count from 1 to [`SMALL_CELL`] − 1, then, while some group whose
/// sum is published holds exactly one hidden cell, the smallest other non-zero cell of that
/// group too (otherwise the sum minus the others would give the hidden one away).
fn suppressed(counts: &[u64], groups: &[Vec<usize>]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < SMALL_CELL).collect();
    loop {
        let mut changed = false;
        for group in groups {
            if group.iter().filter(|&&i| hidden[i]).count() != 1 {
                continue;
            }
            let other = group
                .iter()
                .copied()
                .filter(|&i| !hidden[i] && counts[i] > 0)
                .min_by_key(|&i| (counts[i], i));
            if let Some(i) = other {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_small_cell_takes_a_second_cell_with_it() {
        // One group: a total of 20 split 3 + 7 + 10.
        let counts = [20, 3, 7, 10];
        let hidden = suppressed(&counts, &[vec![0, 1, 2, 3]]);
        assert_eq!(hidden, [false, true, true, false]);
    }

    #[test]
    fn large_cells_stay() {
        let counts = [30, 10, 20];
        assert_eq!(suppressed(&counts, &[vec![0, 1, 2]]), [false; 3]);
    }

    #[test]
    fn every_group_with_a_lone_hidden_cell_is_fixed() {
        // Total 0 = a + b; rows a = p + q, b = r + s; p is small.
        let counts = [40, 20, 20, 2, 18, 9, 11];
        let groups = [vec![0, 1, 2], vec![1, 3, 4], vec![2, 5, 6]];
        let hidden = suppressed(&counts, &groups);
        for group in &groups {
            assert_ne!(
                group.iter().filter(|&&i| hidden[i]).count(),
                1,
                "{hidden:?}"
            );
        }
        assert!(hidden[3]);
    }
}
