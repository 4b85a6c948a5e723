//! Duplicates: the likely pairs (one person or organisation recorded twice), a merge that keeps
//! every tie, and marking a pair as two. For coordinators and admins (the routes' access).

use std::collections::{HashMap, HashSet};

use super::{ServiceError, Services};
use crate::analysis::{DuplicatePair, likely_duplicates};
use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, Batch, Caller, Channels, Draft, Languages, RowRef,
    StoredActor, StoredTie, Tie, TieKind, WriteMode, WriteSummary,
};
use crate::store::{Page, TieFilter};

/// The most pairs one listing answers.
pub const MAX_PAIRS: usize = 500;

/// Two records merged into one: the fields kept, the ties moved.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Merged {
    /// The record kept.
    #[schema(value_type = String)]
    pub into: ActorId,
    /// The record merged into it, gone now.
    #[schema(value_type = String)]
    pub from: ActorId,
    /// Ties moved to the kept record.
    pub ties_moved: usize,
    /// Ties between the two, dropped (a record has no tie with itself).
    pub ties_dropped: usize,
    /// Ties of the merged record that the kept one already had (same kind, same other end):
    /// one tie is kept of each such pair, the more recently verified (then the more trusted),
    /// under the kept record's tie id.
    pub ties_joined: usize,
}

/// Whether `tie` should replace `kept`, its twin: verified more recently (never is oldest),
/// then more trusted.
fn better_twin(tie: &Tie, kept: &Tie) -> bool {
    (tie.last_verified, tie.trust.value()) > (kept.last_verified, kept.trust.value())
}

/// The fields of one record merged into another's: the kept record's, with what only the other
/// has (languages and channels joined, a location or a city it lacks, attributes it has not);
/// consent only when both agreed (when in doubt, show less).
fn merged_actor(into: &StoredActor, from: &StoredActor) -> Result<Actor, ServiceError> {
    let join = |a: Vec<String>, b: Vec<String>| {
        let mut all = a;
        for item in b {
            if !all.contains(&item) {
                all.push(item);
            }
        }
        all
    };
    let invalid = |e: crate::domain::DomainError| ServiceError::Internal(e.into());
    let strings = |items: &[crate::domain::Language]| {
        items.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let languages = Languages::parse(&join(
        strings(into.languages.as_slice()),
        strings(from.languages.as_slice()),
    ))
    .map_err(invalid)?;
    let channel_names = |c: &Channels| {
        c.as_slice()
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    let channels = Channels::parse(&join(
        channel_names(&into.channels),
        channel_names(&from.channels),
    ))
    .map_err(invalid)?;
    let mut attributes = from.attributes.as_map().clone();
    attributes.extend(into.attributes.as_map().clone());
    let attributes = Attributes::parse(serde_json::Value::Object(attributes)).map_err(|e| {
        ServiceError::invalid(
            e.code(),
            "into",
            format!("the two records' attributes together are too large: {e}"),
        )
    })?;
    Ok(Actor {
        id: into.id.clone(),
        kind: into.kind,
        name: into.name.clone(),
        languages,
        location: into.location.or(from.location),
        city: into.city.clone().or_else(|| from.city.clone()),
        channels,
        consent: into.consent.both(&from.consent),
        attributes,
    })
}

impl Services {
    /// Every tie of one actor, a thousand at a time from the store.
    pub(super) async fn all_ties_of(&self, id: &ActorId) -> Result<Vec<StoredTie>, ServiceError> {
        let filter = TieFilter {
            actor: Some(id.clone()),
            ..TieFilter::default()
        };
        let mut page = Page {
            limit: 1000,
            ..Page::default()
        };
        let mut ties = Vec::new();
        loop {
            let batch = self.store.list_ties(&filter, &page).await?;
            let full = batch.len() == page.limit;
            page.after = batch.last().map(|t| t.id.to_string());
            ties.extend(batch);
            if !full {
                return Ok(ties);
            }
        }
    }

    /// The likely duplicate pairs, most likely first (those marked distinct left out).
    pub async fn duplicates(
        &self,
        _caller: &Caller,
        limit: usize,
    ) -> Result<Vec<DuplicatePair>, ServiceError> {
        let distinct: HashSet<(ActorId, ActorId)> =
            self.store.distinct_pairs().await?.into_iter().collect();
        let snapshot = self.snapshot().await?;
        let limit = limit.min(MAX_PAIRS);
        let task = super::budget::on_heavy_pool(move || {
            likely_duplicates(&snapshot.network, &distinct, limit)
        });
        task.await.map_err(|e| ServiceError::Internal(e.into()))
    }

    /// Marks two actors as two: the finder does not list them again.
    pub async fn mark_distinct(
        &self,
        caller: &Caller,
        a: &ActorId,
        b: &ActorId,
    ) -> Result<(), ServiceError> {
        if a == b {
            return Err(ServiceError::invalid(
                "same_actor",
                "other",
                "an actor is not distinct from itself",
            ));
        }
        for id in [a, b] {
            self.actor(caller, id).await?;
        }
        let (a, b) = if a.as_str().as_bytes() <= b.as_str().as_bytes() {
            (a, b)
        } else {
            (b, a)
        };
        Ok(self.store.mark_distinct(a, b, &caller.label).await?)
    }

    /// Merges `from` into `into`, all or nothing: every tie of `from` moves to `into` (those
    /// between the two are dropped, twins of a tie `into` has are joined with it), `into` keeps its fields and gains what only `from` had,
    /// and `from` is deleted.
    pub async fn merge(
        &self,
        caller: &Caller,
        from: &ActorId,
        into: &ActorId,
    ) -> Result<(Merged, WriteSummary), ServiceError> {
        if from == into {
            return Err(ServiceError::invalid(
                "same_actor",
                "into",
                "an actor cannot be merged into itself",
            ));
        }
        let source = self.actor(caller, from).await?;
        let target = self.store.get_actor(into).await?.ok_or_else(|| {
            ServiceError::invalid(
                "unknown_actor",
                "into",
                format!("{into} is not in the network"),
            )
        })?;
        if source.kind != target.kind {
            return Err(ServiceError::invalid(
                "different_kinds",
                "into",
                format!(
                    "{from} is a {} and {into} a {}: only records of one kind are merged",
                    source.kind.as_str(),
                    target.kind.as_str()
                ),
            ));
        }
        if source.kind == ActorKind::City {
            return Err(ServiceError::invalid(
                "city_merge",
                "into",
                "cities are not merged: move their actors to one city, then delete the other",
            ));
        }
        let row = RowRef::new("merge", 1);
        let mut batch = Batch::new(WriteMode::Upsert);
        batch
            .actors
            .push(Draft::new(merged_actor(&target, &source)?, row.clone()));
        let mut merged = Merged {
            into: into.clone(),
            from: from.clone(),
            ties_moved: 0,
            ties_dropped: 0,
            ties_joined: 0,
        };
        // One tie per kind, source and target (graph-schema/README.md, "Ties"): a moved tie that
        // `into` already has is joined with it.
        let kept: HashMap<(ActorId, ActorId, TieKind), StoredTie> = self
            .all_ties_of(into)
            .await?
            .into_iter()
            .map(|t| ((t.source.clone(), t.target.clone(), t.kind), t))
            .collect();
        for stored in self.all_ties_of(from).await? {
            let mut tie: Tie = stored.value.clone();
            if tie.source == *from {
                tie.source = into.clone();
            }
            if tie.target == *from {
                tie.target = into.clone();
            }
            if tie.source == tie.target {
                merged.ties_dropped += 1;
                continue;
            }
            if let Some(twin) = kept.get(&(tie.source.clone(), tie.target.clone(), tie.kind)) {
                merged.ties_joined += 1;
                if better_twin(&tie, &twin.value) {
                    tie.id = twin.id.clone();
                    let mut draft = Draft::new(tie, row.clone());
                    draft.created_at = Some(twin.created_at);
                    batch.ties.push(draft);
                }
                continue;
            }
            merged.ties_moved += 1;
            let mut draft = Draft::new(tie, row.clone());
            draft.created_at = Some(stored.created_at);
            batch.ties.push(draft);
        }
        let summary = self.store.merge_actor(from, batch).await?;
        Ok((merged, summary))
    }
}
