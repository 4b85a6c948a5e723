//! A write of many actors and ties at once, and the rules that need the rest of the network:
//! endpoints exist, kinds fit, cities are cities, kinds never change, ids are not repeated.
//!
//! Every write path (API, import, CLI, demo) builds a [`Batch`]; every store checks it with
//! [`check_references`] inside its write transaction, so the rules live in one place.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::BuildHasher;

use serde::Serialize;

use super::{Actor, ActorId, ActorKind, DomainError, Tie, TieId, Timestamp, Twin};

/// What a write may do to records that already exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Every record must be new (`POST`).
    Create,
    /// Every record must already exist (`PUT`).
    Replace,
    /// New records are created, existing ones replaced (import).
    Upsert,
}

/// Where a record came from, for error reports: a file (or part) and a line (or array position).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRef {
    /// `actors`, `ties`, a file name, or `body` for a single API write; shared by the rows of
    /// one file (a million-row import holds it once, not a million times).
    pub file: std::sync::Arc<str>,
    /// 1-based line in a CSV file (header included) or position in a JSON array.
    pub line: usize,
}

impl RowRef {
    /// A row reference. Pass a clone of one `Arc<str>` for the rows of a file to share its name.
    pub fn new(file: impl Into<std::sync::Arc<str>>, line: usize) -> Self {
        Self {
            file: file.into(),
            line,
        }
    }
}

/// One record to write, with where it came from and, for imports of exported documents, the
/// times it carried.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft<T> {
    /// The validated actor or tie.
    pub value: T,
    /// Where it came from.
    pub row: RowRef,
    /// `created_at` from the document; `None` lets the store decide.
    pub created_at: Option<Timestamp>,
    /// `updated_at` from the document; `None` means now.
    pub updated_at: Option<Timestamp>,
}

impl<T> std::ops::Deref for Draft<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> Draft<T> {
    /// A draft without times of its own.
    pub fn new(value: T, row: RowRef) -> Self {
        Self {
            value,
            row,
            created_at: None,
            updated_at: None,
        }
    }
}

/// Actors and ties written together, all or nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// What may happen to existing records.
    pub mode: WriteMode,
    /// Actors, written before ties.
    pub actors: Vec<Draft<Actor>>,
    /// Ties.
    pub ties: Vec<Draft<Tie>>,
}

impl Batch {
    /// An empty batch.
    pub fn new(mode: WriteMode) -> Self {
        Self {
            mode,
            actors: Vec::new(),
            ties: Vec::new(),
        }
    }

    /// Every actor id the batch writes or refers to: the store must say which of them exist.
    pub fn actor_ids(&self) -> HashSet<&ActorId> {
        let mut ids = HashSet::new();
        for draft in &self.actors {
            ids.insert(&draft.id);
            ids.extend(draft.city.as_ref());
        }
        for draft in &self.ties {
            ids.insert(&draft.source);
            ids.insert(&draft.target);
        }
        ids
    }

    /// Every tie id the batch writes.
    pub fn tie_ids(&self) -> HashSet<&TieId> {
        self.ties.iter().map(|d| &d.id).collect()
    }

    /// Snaps every migrant's location to the grid of [`super::Location::snapped`] with cells of
    /// `metres` (0 keeps locations as given), so that no home address is written. Organisations,
    /// responders and cities are places, not people: they keep their locations.
    pub fn snap_people(&mut self, metres: f64) {
        for draft in &mut self.actors {
            if draft.kind == ActorKind::Migrant {
                draft.value.location = draft.location.map(|l| l.snapped(metres));
            }
        }
    }
}

/// What the store already holds of the ids a batch touches.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    /// The kind of every stored actor among [`Batch::actor_ids`].
    pub actor_kinds: HashMap<ActorId, ActorKind>,
    /// The stored ties among [`Batch::tie_ids`].
    pub tie_ids: HashSet<TieId>,
    /// The batch's actors that are stored exactly as the batch has them: writing them would
    /// change nothing, so they are counted as unchanged and left alone.
    pub same_actors: HashSet<ActorId>,
    /// The batch's ties stored exactly as the batch has them.
    pub same_ties: HashSet<TieId>,
}

impl Existing {
    /// Notes a stored actor (its kind, and whether the draft would leave it as it is).
    pub fn stored_actor(
        &mut self,
        stored: &super::Stored<super::Actor>,
        draft: Option<&Draft<super::Actor>>,
    ) {
        self.actor_kinds
            .insert(stored.value.id.clone(), stored.value.kind);
        if draft.is_some_and(|d| unchanged(stored, d)) {
            self.same_actors.insert(stored.value.id.clone());
        }
    }

    /// Notes a stored tie (and whether the draft would leave it as it is).
    pub fn stored_tie(
        &mut self,
        stored: &super::Stored<super::Tie>,
        draft: Option<&Draft<super::Tie>>,
    ) {
        self.tie_ids.insert(stored.value.id.clone());
        if draft.is_some_and(|d| unchanged(stored, d)) {
            self.same_ties.insert(stored.value.id.clone());
        }
    }
}

/// A draft that would write what is stored: the same record, and no other times.
fn unchanged<T: PartialEq>(stored: &super::Stored<T>, draft: &Draft<T>) -> bool {
    stored.value == draft.value
        && draft.created_at.is_none_or(|at| at == stored.created_at)
        && draft.updated_at.is_none_or(|at| at == stored.updated_at)
}

/// A rule a row breaks, and where the row is.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The file (or part, or `body`).
    pub file: String,
    /// The line (or array position).
    pub line: usize,
    /// The field at fault (a column name, or a path such as `location.lat`).
    pub field: String,
    /// What is wrong.
    pub error: DomainError,
}

impl RowError {
    /// An error on a row.
    pub fn new(row: &RowRef, field: impl Into<String>, error: DomainError) -> Self {
        Self {
            file: row.file.to_string(),
            line: row.line,
            field: field.into(),
            error,
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} line {}, field {}: {}",
            self.file, self.line, self.field, self.error
        )
    }
}

impl Serialize for RowError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RowErrorBody {
            file: &self.file,
            line: self.line,
            field: &self.field,
            code: self.error.code(),
            reason: self.error.to_string(),
        }
        .serialize(serializer)
    }
}

/// A broken rule as the API and the CLI report it.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = RowError)]
pub struct RowErrorBody<'a> {
    /// The file (`actors`, `ties`), the CSV part, or `body`.
    pub file: &'a str,
    /// The line of a CSV file (the header is line 1), or the 1-based position in a JSON array.
    pub line: usize,
    /// The field at fault: a column name, or a path such as `location.lat`.
    pub field: &'a str,
    /// Machine-readable code of the rule.
    pub code: &'static str,
    /// What is wrong, in words.
    pub reason: String,
}

/// How many records a write created, replaced and found already as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, utoipa::ToSchema)]
pub struct WriteSummary {
    /// Actors that did not exist before.
    pub actors_created: usize,
    /// Actors that were replaced by something different.
    pub actors_updated: usize,
    /// Actors stored exactly as given: left alone.
    pub actors_unchanged: usize,
    /// Ties that did not exist before.
    pub ties_created: usize,
    /// Ties that were replaced by something different.
    pub ties_updated: usize,
    /// Ties stored exactly as given: left alone.
    pub ties_unchanged: usize,
}

/// Checks the rules of a batch that need the rest of the network.
///
/// # Arguments
/// * `batch` - the records to write.
/// * `existing` - what the store holds of the ids in [`Batch::actor_ids`] and [`Batch::tie_ids`].
///
/// # Returns
/// The summary the write will have, or every broken rule, actors first, each in row order.
///
/// # Complexity
/// O(a + t) hash look-ups for a actors and t ties.
pub fn check_references(batch: &Batch, existing: &Existing) -> Result<WriteSummary, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut summary = WriteSummary::default();
    let mut batch_kinds: HashMap<&ActorId, (ActorKind, usize)> = HashMap::new();
    for draft in &batch.actors {
        let actor = &draft.value;
        match batch_kinds.get(&actor.id) {
            Some(&(_, first_line)) => errors.push(RowError::new(
                &draft.row,
                "id",
                DomainError::DuplicateId {
                    id: actor.id.to_string(),
                    first_line,
                },
            )),
            None => {
                batch_kinds.insert(&actor.id, (actor.kind, draft.row.line));
            }
        }
    }
    let kind_of = |id: &ActorId| {
        batch_kinds
            .get(id)
            .map(|&(kind, _)| kind)
            .or_else(|| existing.actor_kinds.get(id).copied())
    };

    for draft in &batch.actors {
        let actor = &draft.value;
        let stored_kind = existing.actor_kinds.get(&actor.id).copied();
        if let Some(error) = mode_error(batch.mode, &actor.id.to_string(), stored_kind.is_some()) {
            errors.push(RowError::new(&draft.row, "id", error));
        }
        match stored_kind {
            Some(kind) if kind != actor.kind => errors.push(RowError::new(
                &draft.row,
                "kind",
                DomainError::KindChange {
                    id: actor.id.to_string(),
                    existing: kind,
                },
            )),
            Some(_) if existing.same_actors.contains(&actor.id) => summary.actors_unchanged += 1,
            Some(_) => summary.actors_updated += 1,
            None => summary.actors_created += 1,
        }
        if let Some(city) = &actor.city {
            let error = match kind_of(city) {
                _ if city == &actor.id => Some(DomainError::NotACity(city.to_string())),
                None => Some(DomainError::UnknownActor(city.to_string())),
                Some(ActorKind::City) => None,
                Some(_) => Some(DomainError::NotACity(city.to_string())),
            };
            errors.extend(error.map(|e| RowError::new(&draft.row, "city", e)));
        }
    }

    // The ties' checks hold their indices only (4 bytes a tie, not a key of pointers): a
    // million-migrant city is 9.5 million ties.
    let hasher = hashbrown::DefaultHashBuilder::default();
    let tie_at = |i: u32| &batch.ties[i as usize].value;
    let pair_of = |i: u32| {
        let tie = tie_at(i);
        (&tie.source, &tie.target, tie.kind)
    };
    // One tie per kind, source and target: a twin in the same write is refused here, one
    // against the store by the store (which knows every tie).
    let mut pairs: hashbrown::HashTable<u32> =
        hashbrown::HashTable::with_capacity(batch.ties.len());
    for (i, draft) in (0u32..).zip(&batch.ties) {
        let hash = hasher.hash_one(pair_of(i));
        match pairs.find(hash, |&j| pair_of(j) == pair_of(i)) {
            Some(&j) if tie_at(j).id != draft.value.id => errors.push(RowError::new(
                &draft.row,
                "target",
                Twin::of(&draft.value, tie_at(j).id.to_string()),
            )),
            Some(_) => {}
            None => {
                pairs.insert_unique(hash, i, |&j| hasher.hash_one(pair_of(j)));
            }
        }
    }
    drop(pairs);
    let mut ids: hashbrown::HashTable<u32> = hashbrown::HashTable::with_capacity(batch.ties.len());
    for (i, draft) in (0u32..).zip(&batch.ties) {
        let tie = &draft.value;
        let hash = hasher.hash_one(&tie.id);
        if let Some(&first) = ids.find(hash, |&j| tie_at(j).id == tie.id) {
            errors.push(RowError::new(
                &draft.row,
                "id",
                DomainError::DuplicateId {
                    id: tie.id.to_string(),
                    first_line: batch.ties[first as usize].row.line,
                },
            ));
            continue;
        }
        ids.insert_unique(hash, i, |&j| hasher.hash_one(&tie_at(j).id));
        let stored = existing.tie_ids.contains(&tie.id);
        if let Some(error) = mode_error(batch.mode, &tie.id.to_string(), stored) {
            errors.push(RowError::new(&draft.row, "id", error));
        }
        if stored && existing.same_ties.contains(&tie.id) {
            summary.ties_unchanged += 1;
        } else if stored {
            summary.ties_updated += 1;
        } else {
            summary.ties_created += 1;
        }
        if let Err(error) = Tie::check_endpoints(&tie.source, &tie.target) {
            errors.push(RowError::new(&draft.row, "target", error));
            continue;
        }
        let source = kind_of(&tie.source);
        let target = kind_of(&tie.target);
        if source.is_none() {
            let error = DomainError::UnknownActor(tie.source.to_string());
            errors.push(RowError::new(&draft.row, "source", error));
        }
        if target.is_none() {
            let error = DomainError::UnknownActor(tie.target.to_string());
            errors.push(RowError::new(&draft.row, "target", error));
        }
        if let (Some(source), Some(target)) = (source, target)
            && let Err(error) = tie.kind.check(source, target)
        {
            errors.push(RowError::new(&draft.row, "kind", error));
        }
    }
    if errors.is_empty() {
        Ok(summary)
    } else {
        Err(errors)
    }
}

fn mode_error(mode: WriteMode, id: &str, exists: bool) -> Option<DomainError> {
    match (mode, exists) {
        (WriteMode::Create, true) => Some(DomainError::AlreadyExists(id.to_owned())),
        (WriteMode::Replace, false) => Some(DomainError::NotFound(id.to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channels, Trust};

    /// The errors of a write of these ties (id, source, target) between stored migrants.
    fn errors_of(ties: &[(&str, &str, &str)]) -> Vec<(String, usize, String)> {
        let id = |raw: &str| ActorId::parse(raw).unwrap();
        let mut batch = Batch::new(WriteMode::Upsert);
        for (line, &(tie, source, target)) in (1..).zip(ties) {
            let tie = Tie {
                id: TieId::parse(tie).unwrap(),
                source: id(source),
                target: id(target),
                kind: crate::domain::TieKind::Knows,
                trust: Trust::DEFAULT,
                channels: Channels::default(),
                last_verified: None,
                note: None,
            };
            batch.ties.push(Draft::new(tie, RowRef::new("ties", line)));
        }
        let existing = Existing {
            actor_kinds: ["m-1", "m-2", "m-3"]
                .map(|m| (id(m), ActorKind::Migrant))
                .into(),
            ..Existing::default()
        };
        check_references(&batch, &existing)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field.clone(), e.line, e.error.to_string()))
            .collect()
    }

    #[test]
    fn a_tie_id_twice_and_a_twin_in_one_write_are_refused_at_the_later_row() {
        assert!(errors_of(&[("t-1", "m-1", "m-2")]).is_empty());
        let errors = errors_of(&[
            ("t-1", "m-1", "m-2"),
            ("t-2", "m-2", "m-3"),
            ("t-1", "m-1", "m-3"),
            ("t-3", "m-2", "m-3"),
            ("t-4", "m-3", "m-2"),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        // The twin of t-2 (same source, target and kind), then the second t-1.
        assert_eq!((errors[0].0.as_str(), errors[0].1), ("target", 4));
        assert!(errors[0].2.contains("t-2"), "{errors:?}");
        assert_eq!((errors[1].0.as_str(), errors[1].1), ("id", 3));
        assert!(errors[1].2.contains("first on line 1"), "{errors:?}");
    }
}
