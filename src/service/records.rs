//! The use cases of single records and imports: read, create, replace and delete actors and ties,
//! import a batch (or check it), and an actor's card. Each is one call for the HTTP handlers, the
//! pages' forms and the command line alike; none makes the caller call the store twice.

use std::collections::HashMap;

use super::{ServiceError, Services};
use crate::analysis::{Reached, RelayQuery};
use crate::document::Mapping;
use crate::domain::{
    ActorId, ActorKind, Batch, Caller, SavedMapping, StoredActor, StoredTie, TieId, WriteSummary,
    now,
};
use crate::store::{ActorFilter, Page, TieFilter};

/// An actor's card: the actor, every tie they are part of with the actor at its other end, and
/// the responders that reach them under the default conditions.
#[derive(Debug, Clone)]
pub struct Card {
    /// The actor.
    pub actor: StoredActor,
    /// Their ties, in id order.
    pub ties: Vec<StoredTie>,
    /// Every other actor the card names, by id (read in one call): the other end of each tie,
    /// those on the paths of `reached_by`, and the actor's city.
    pub others: HashMap<ActorId, StoredActor>,
    /// The responders that reach the actor within `max_hops`, most reliable first (none for a
    /// city: cities relay nothing).
    pub reached_by: Vec<Reached>,
    /// The hop limit of `reached_by`.
    pub max_hops: u8,
}

impl Card {
    /// The other end of one of the card's ties.
    pub fn other_end<'a>(&self, tie: &'a StoredTie) -> &'a ActorId {
        let tie = &tie.value;
        if tie.source == self.actor.id {
            &tie.target
        } else {
            &tie.source
        }
    }
}

impl Services {
    /// Writes a batch all or nothing, or with `dry_run` checks it against the store and writes
    /// nothing: what it wrote (or would write).
    pub async fn import(
        &self,
        _caller: &Caller,
        batch: Batch,
        dry_run: bool,
    ) -> Result<WriteSummary, ServiceError> {
        let written = if dry_run {
            self.store.check(batch).await?
        } else {
            self.store.write(batch).await?
        };
        Ok(written)
    }

    /// Every saved Network Canvas mapping, by name.
    pub async fn mappings(&self, _caller: &Caller) -> Result<Vec<SavedMapping>, ServiceError> {
        Ok(self.store.mappings().await?)
    }

    /// The saved mapping of that name, read and checked.
    pub async fn mapping(&self, _caller: &Caller, name: &str) -> Result<Mapping, ServiceError> {
        let name = name.trim();
        let saved = self.store.mappings().await?;
        let saved = saved
            .into_iter()
            .find(|m| m.name == name)
            .ok_or_else(|| ServiceError::NotFound(format!("mapping {name:?}")))?;
        Mapping::parse(&saved.body).map_err(|e| {
            ServiceError::Internal(anyhow::anyhow!("the saved mapping {name:?} breaks: {e}"))
        })
    }

    /// Saves a mapping under its name (replacing one of that name), checked first: every kind
    /// and purpose it names is known.
    pub async fn save_mapping(
        &self,
        caller: &Caller,
        json: &str,
    ) -> Result<SavedMapping, ServiceError> {
        let mapping = Mapping::parse(json)
            .map_err(|e| ServiceError::invalid("invalid_mapping", "mapping", e.to_string()))?;
        let saved = SavedMapping {
            name: mapping.name.trim().to_owned(),
            body: serde_json::to_string(&Mapping {
                name: mapping.name.trim().to_owned(),
                ..mapping
            })
            .map_err(|e| ServiceError::Internal(e.into()))?,
            saved_by: caller.label.clone(),
            saved_at: now(),
        };
        self.store.save_mapping(&saved).await?;
        Ok(saved)
    }

    /// Deletes a saved mapping.
    pub async fn delete_mapping(&self, _caller: &Caller, name: &str) -> Result<(), ServiceError> {
        Ok(self.store.delete_mapping(name.trim()).await?)
    }

    /// One actor.
    pub async fn actor(&self, _caller: &Caller, id: &ActorId) -> Result<StoredActor, ServiceError> {
        self.store
            .get_actor(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("actor {id}")))
    }

    /// A page of actors, filtered.
    pub async fn actors(
        &self,
        _caller: &Caller,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, ServiceError> {
        Ok(self.store.list_actors(filter, page).await?)
    }

    /// Writes one actor (a batch of one, made from a request or a form) and reads it back.
    pub async fn write_actor(
        &self,
        _caller: &Caller,
        batch: Batch,
    ) -> Result<StoredActor, ServiceError> {
        let id = batch
            .actors
            .first()
            .map(|draft| draft.id.clone())
            .ok_or_else(|| ServiceError::invalid("invalid_record", "body", "no actor to write"))?;
        self.store.write(batch).await?;
        // The write just committed; a concurrent delete is the only way to miss it.
        self.store
            .get_actor(&id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("actor {id}")))
    }

    /// Deletes an actor and their ties; with `erase`, every trace of them (see the store).
    pub async fn delete_actor(
        &self,
        _caller: &Caller,
        id: &ActorId,
        erase: bool,
    ) -> Result<(), ServiceError> {
        Ok(self.store.delete_actor(id, erase).await?)
    }

    /// The actor someone means by what they typed: an id, or a name (any letter case) that
    /// exactly one actor has. Otherwise why not, in words, with the candidates.
    pub async fn find_actor(
        &self,
        caller: &Caller,
        typed: &str,
    ) -> Result<StoredActor, ServiceError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err(ServiceError::invalid(
                "missing_field",
                "other",
                "give the other actor's name or id",
            ));
        }
        if let Ok(id) = ActorId::parse(typed)
            && let Some(actor) = self.store.get_actor(&id).await?
        {
            return Ok(actor);
        }
        let filter = ActorFilter {
            name: Some(typed.to_owned()),
            ..ActorFilter::default()
        };
        let page = Page {
            limit: 20,
            ..Page::default()
        };
        let found = self.actors(caller, &filter, &page).await?;
        let wanted = typed.to_lowercase();
        let exact: Vec<&StoredActor> = found
            .iter()
            .filter(|a| a.name.as_str().to_lowercase() == wanted)
            .collect();
        let listed = |actors: &[&StoredActor]| {
            actors
                .iter()
                .take(5)
                .map(|a| format!("{} ({})", a.name.as_str(), a.id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match exact.as_slice() {
            [one] => Ok((*one).clone()),
            [] if found.is_empty() => Err(ServiceError::invalid(
                "unknown_actor",
                "other",
                format!("no actor is called {typed:?}"),
            )),
            [] => {
                let close: Vec<&StoredActor> = found.iter().collect();
                Err(ServiceError::invalid(
                    "unknown_actor",
                    "other",
                    format!(
                        "no actor is called exactly {typed:?}; did you mean {}?",
                        listed(&close)
                    ),
                ))
            }
            several => Err(ServiceError::invalid(
                "ambiguous_actor",
                "other",
                format!(
                    "several actors are called {typed:?}: give the id of the one you mean ({})",
                    listed(several)
                ),
            )),
        }
    }

    /// The actors of these ids that exist, in id order, in one read.
    pub async fn actors_by_id(
        &self,
        _caller: &Caller,
        ids: &[ActorId],
    ) -> Result<Vec<StoredActor>, ServiceError> {
        Ok(self.store.actors_by_id(ids).await?)
    }

    /// Every city, by id.
    pub async fn cities(&self, caller: &Caller) -> Result<Vec<StoredActor>, ServiceError> {
        let filter = ActorFilter {
            kind: Some(ActorKind::City),
            ..ActorFilter::default()
        };
        let page = Page {
            limit: 1000,
            ..Page::default()
        };
        self.actors(caller, &filter, &page).await
    }

    /// One tie.
    pub async fn tie(&self, _caller: &Caller, id: &TieId) -> Result<StoredTie, ServiceError> {
        self.store
            .get_tie(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("tie {id}")))
    }

    /// A page of ties, filtered.
    pub async fn ties(
        &self,
        _caller: &Caller,
        filter: &TieFilter,
        page: &Page,
    ) -> Result<Vec<StoredTie>, ServiceError> {
        Ok(self.store.list_ties(filter, page).await?)
    }

    /// A page of one actor's ties; the actor must exist.
    pub async fn actor_ties(
        &self,
        caller: &Caller,
        actor: &ActorId,
        page: &Page,
    ) -> Result<Vec<StoredTie>, ServiceError> {
        let found = self.store.actors_by_id(std::slice::from_ref(actor)).await?;
        if found.is_empty() {
            return Err(ServiceError::NotFound(format!("actor {actor}")));
        }
        let filter = TieFilter {
            actor: Some(actor.clone()),
            ..TieFilter::default()
        };
        self.ties(caller, &filter, page).await
    }

    /// Writes one tie (a batch of one) and reads it back.
    pub async fn write_tie(
        &self,
        _caller: &Caller,
        batch: Batch,
    ) -> Result<StoredTie, ServiceError> {
        let id = batch
            .ties
            .first()
            .map(|draft| draft.id.clone())
            .ok_or_else(|| ServiceError::invalid("invalid_record", "body", "no tie to write"))?;
        self.store.write(batch).await?;
        self.store
            .get_tie(&id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("tie {id}")))
    }

    /// Deletes a tie; the tie as it was (its ends go to the audit trail, so that erasing either
    /// of them later finds the entry). With `of`, only a tie that actor is an end of.
    pub async fn delete_tie(
        &self,
        caller: &Caller,
        id: &TieId,
        of: Option<&ActorId>,
    ) -> Result<StoredTie, ServiceError> {
        let tie = self.tie(caller, id).await?;
        if let Some(actor) = of
            && tie.source != *actor
            && tie.target != *actor
        {
            return Err(ServiceError::NotFound(format!("tie {id} of actor {actor}")));
        }
        self.store.delete_tie(id).await?;
        Ok(tie)
    }

    /// An actor's card: the actor, all their ties and the actors at the other ends (one read
    /// for all of them, not one each), and who reaches them.
    pub async fn card(&self, caller: &Caller, id: &ActorId) -> Result<Card, ServiceError> {
        let actor = self.actor(caller, id).await?;
        let ties = self.all_ties_of(id).await?;
        let max_hops = RelayQuery::default().max_hops;
        let reached_by = if actor.kind == ActorKind::City {
            Vec::new()
        } else {
            self.actor_reach(caller, id.clone(), max_hops).await?
        };
        // Everyone the card names, read in one call: the other ends of the ties, the actors on
        // the paths that reach this one, and the city.
        let mut named: Vec<ActorId> = ties
            .iter()
            .map(|t| {
                if t.source == *id {
                    t.target.clone()
                } else {
                    t.source.clone()
                }
            })
            .chain(reached_by.iter().flat_map(|r| r.path.iter().cloned()))
            .chain(actor.city.iter().cloned())
            .filter(|other| other != id)
            .collect();
        named.sort();
        named.dedup();
        let others = self
            .store
            .actors_by_id(&named)
            .await?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect();
        Ok(Card {
            actor,
            ties,
            others,
            reached_by,
            max_hops,
        })
    }
}
