//! Running a crisis: activations (live and drill) with their contacts and re-planning, the call
//! sheet of one relay, the cascade simulation and the ties to re-verify first. For coordinators
//! and admins (the routes' access); every activation write goes through the store's revision
//! check, so two coordinators recording contacts at once never lose one.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;
use utoipa::ToSchema;

use super::relay::{Contact, CoverageView};
use super::{ServiceError, Services, Weight};
use crate::analysis::{
    CoverageReport, RelayQuery, Simulation, SimulationParams, coverage, critical_ties, simulate,
};
use crate::domain::{
    Activation, ActivationState, ActorId, ActorKind, Caller, ContactAttempt, Note, Outcome,
    PlanChange, format_timestamp, now,
};
use crate::store::StoreError;

/// How many times a contact is retried when another write to the activation came first.
const WRITE_ATTEMPTS: usize = 8;

/// How an activation starts.
#[derive(Debug, Clone)]
pub struct StartActivation {
    /// What to call it.
    pub name: String,
    /// A saved scenario's name, or
    pub scenario: Option<String>,
    /// a relay query (exactly one of the two).
    pub query: Option<serde_json::Value>,
    /// A drill.
    pub drill: bool,
}

/// How far an activation got.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Progress {
    /// Actors with a `reached` contact.
    pub relays_reached: usize,
    /// Migrants with a `confirmed` contact.
    pub migrants_confirmed: usize,
    /// The query's targets that no contact has reached or confirmed yet, by first language
    /// (`und` when unknown).
    pub still_unreached_by_language: BTreeMap<String, usize>,
}

/// An activation as the API shows it: its record, who is unavailable, the current plan (the
/// coverage report with every unavailable actor excluded) and the progress.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivationView {
    /// `act-` and 12 hexadecimal digits.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A drill: never counted with live activations.
    pub drill: bool,
    /// `open` or `closed`.
    pub state: ActivationState,
    /// The saved scenario it started from.
    pub scenario: Option<String>,
    /// The relay query as started.
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    /// When it started (RFC 3339).
    pub started_at: String,
    /// The label of the token that started it.
    pub started_by: String,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// Every contact attempt, in order.
    pub contacts: Vec<ContactAttempt>,
    /// Actors unavailable now (excluded from the plan).
    #[schema(value_type = Vec<String>)]
    pub unavailable: Vec<ActorId>,
    /// Every re-planning, in order.
    pub plan_changes: Vec<PlanChange>,
    /// The current plan; with `brief`, without the lists of reached and unreached targets.
    pub plan: CoverageView,
    /// How far it got.
    pub progress: Progress,
    /// The name of every actor the contacts, the unavailable and the re-plannings mention.
    #[schema(value_type = BTreeMap<String, String>)]
    pub names: BTreeMap<ActorId, String>,
}

/// Open activations and their progress, summed: live ones and drills apart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Totals {
    /// Open activations.
    pub open: usize,
    /// Actors reached, over the open activations.
    pub relays_reached: usize,
    /// Migrants who confirmed, over the open activations.
    pub migrants_confirmed: usize,
}

/// One activation in the list.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ActivationHead {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A drill.
    pub drill: bool,
    /// `open` or `closed`.
    pub state: ActivationState,
    /// The saved scenario it started from.
    pub scenario: Option<String>,
    /// When it started.
    pub started_at: String,
    /// Contact attempts recorded.
    pub contacts: usize,
}

/// Every activation, the latest first, with live and drill figures kept apart.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ActivationList {
    /// Live activations only.
    pub live: Totals,
    /// Drills only.
    pub drills: Totals,
    /// Every activation.
    pub activations: Vec<ActivationHead>,
}

/// One contact in the after-action report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ReportLine {
    /// Whom.
    #[schema(value_type = String)]
    pub actor: ActorId,
    /// What came of it.
    pub outcome: Outcome,
    /// Minutes from the start.
    pub after_minutes: f64,
}

/// A planned relay that failed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FailedRelay {
    /// The relay.
    #[schema(value_type = String)]
    pub actor: ActorId,
    /// Minutes from the start until it was found unavailable.
    pub after_minutes: f64,
}

/// The after-action report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ActivationReport {
    /// The activation.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A drill.
    pub drill: bool,
    /// `open` or `closed`.
    pub state: ActivationState,
    /// When it started.
    pub started_at: String,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// Per first language of the actor contacted (`und` when unknown): every contact and
    /// confirmation, with the minutes from the start.
    pub by_language: BTreeMap<String, Vec<ReportLine>>,
    /// Relays of the first plan that became unavailable.
    pub failed_relays: Vec<FailedRelay>,
    /// How the plan changed, in order.
    pub plan_changes: Vec<PlanChange>,
    /// Contact attempts in all.
    pub contacts: usize,
    /// Actors reached.
    pub relays_reached: usize,
    /// Migrants who confirmed.
    pub migrants_confirmed: usize,
    /// The name of every actor the report mentions.
    #[schema(value_type = BTreeMap<String, String>)]
    pub names: BTreeMap<ActorId, String>,
}

/// Whom one relay passes the message on to, by the current plan's paths.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallSheet {
    /// The activation's name.
    pub activation: String,
    /// A drill.
    pub drill: bool,
    /// The relay.
    pub relay: ActorId,
    /// Who the relay is.
    pub relay_contact: Option<Contact>,
    /// The next actor on a best path through the relay, each once, by id.
    pub pass_to: Vec<(ActorId, Option<Contact>)>,
    /// When the sheet was made (RFC 3339).
    pub made_at: String,
}

/// A tie to re-verify.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct VerifyTie {
    /// The tie.
    pub id: String,
    /// One end.
    pub source: String,
    /// The other end.
    pub target: String,
    /// Reached targets no longer reached without it.
    pub cut_off: usize,
    /// When it was last verified (`YYYY-MM-DD`), if ever.
    pub last_verified: Option<String>,
}

/// The ties to re-verify first.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Verification {
    /// Most cut off first, then never verified, then verified longest ago, then by id.
    pub ties: Vec<VerifyTie>,
}

fn minutes_between(from: &crate::domain::Timestamp, to: &crate::domain::Timestamp) -> f64 {
    ((*to - *from).num_milliseconds() as f64 / 60_000.0 * 100.0).round() / 100.0
}

fn activation_id() -> Result<String, ServiceError> {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).map_err(|e| ServiceError::Internal(e.into()))?;
    Ok(format!("act-{}", crate::domain::hex(&bytes)))
}

fn parse_stored(document: &str) -> Result<Activation, ServiceError> {
    serde_json::from_str(document).map_err(|e| {
        ServiceError::Internal(anyhow::anyhow!("a stored activation is not readable: {e}"))
    })
}

fn to_document(activation: &Activation) -> Result<String, ServiceError> {
    serde_json::to_string(activation).map_err(|e| ServiceError::Internal(e.into()))
}

/// The name of every actor an activation's contacts, first plan and re-plannings mention.
fn mentioned_names(
    activation: &Activation,
    network: &crate::domain::Network,
) -> BTreeMap<ActorId, String> {
    let mut names = BTreeMap::new();
    let mentioned = activation
        .contacts
        .iter()
        .map(|c| &c.actor)
        .chain(&activation.planned)
        .chain(activation.plan_changes.iter().flat_map(|change| {
            std::iter::once(&change.unavailable)
                .chain(&change.added)
                .chain(&change.dropped)
        }));
    for id in mentioned {
        if !names.contains_key(id)
            && let Some(contact) = Contact::of(network, id)
        {
            names.insert(id.clone(), contact.name);
        }
    }
    names
}

impl Services {
    /// The coverage report of a query's JSON on the current snapshot: kept per version, so a
    /// board that asks every few seconds costs one analysis per change of the network.
    async fn plan_of(
        &self,
        caller: &Caller,
        query: &serde_json::Value,
    ) -> Result<(Arc<CoverageReport>, Arc<super::Snapshot>), ServiceError> {
        let text = query.to_string();
        let mut parsed = RelayQuery::from_json(&text)?;
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        // An actor excluded when the activation started (or found unavailable) may have left
        // the network since: excluding them changes nothing, and must not break the board.
        parsed
            .exclude
            .retain(|id| snapshot.graph.position(id).is_some());
        if let Some(kept) = snapshot.plan(&text) {
            return Ok((kept, snapshot));
        }
        let shared = snapshot.clone();
        let report = admission
            .run(Weight::Graph, move |cancel| {
                Ok(Arc::new(coverage(&shared.graph, &parsed, cancel)?))
            })
            .await?;
        snapshot.keep_plan(text, report.clone());
        Ok((report, snapshot))
    }

    async fn load_activation(&self, id: &str) -> Result<(u64, Activation), ServiceError> {
        if !Activation::is_id(id) {
            return Err(ServiceError::NotFound(format!("activation {id:?}")));
        }
        let stored = self
            .store
            .activation(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("activation {id}")))?;
        Ok((stored.revision, parse_stored(&stored.document)?))
    }

    /// Starts an activation from a saved scenario or a query: its first plan is the coverage
    /// report of the query as the network stands now.
    pub async fn start_activation(
        &self,
        caller: &Caller,
        request: StartActivation,
    ) -> Result<ActivationView, ServiceError> {
        let name = Activation::parse_name(&request.name)
            .map_err(|e| ServiceError::invalid(e.code(), "name", e.to_string()))?;
        let query = match (request.scenario.as_deref(), request.query) {
            (Some(scenario), None) => {
                let saved = self.store.scenarios().await?;
                let found = saved
                    .into_iter()
                    .find(|s| s.name == scenario.trim())
                    .ok_or_else(|| {
                        ServiceError::invalid(
                            "unknown_scenario",
                            "scenario",
                            format!("there is no saved scenario named {:?}", scenario.trim()),
                        )
                    })?;
                serde_json::from_str(&found.query).map_err(|e| {
                    ServiceError::Internal(anyhow::anyhow!("a saved scenario is not JSON: {e}"))
                })?
            }
            (None, Some(query)) => query,
            _ => {
                return Err(ServiceError::invalid(
                    "scenario_or_query",
                    "scenario",
                    "give either a saved scenario's name or a query, not both",
                ));
            }
        };
        let (report, snapshot) = self.plan_of(caller, &query).await?;
        let plan: Vec<ActorId> = report.call_list.iter().map(|c| c.id.clone()).collect();
        let activation = Activation {
            id: activation_id()?,
            name,
            drill: request.drill,
            state: ActivationState::Open,
            scenario: request.scenario.map(|s| s.trim().to_owned()),
            query,
            started_at: now(),
            started_by: caller.label.clone(),
            closed_at: None,
            planned: plan.clone(),
            plan,
            contacts: Vec::new(),
            plan_changes: Vec::new(),
        };
        self.store
            .create_activation(
                &activation.id,
                &format_timestamp(&activation.started_at),
                &to_document(&activation)?,
            )
            .await?;
        Ok(self.activation_view(activation, &report, &snapshot, false))
    }

    /// Every activation, the latest first, with live and drill figures apart.
    pub async fn activations(&self, _caller: &Caller) -> Result<ActivationList, ServiceError> {
        let mut list = ActivationList {
            live: Totals::default(),
            drills: Totals::default(),
            activations: Vec::new(),
        };
        for stored in self.store.activations().await? {
            let activation = parse_stored(&stored.document)?;
            if activation.state == ActivationState::Open {
                let totals = if activation.drill {
                    &mut list.drills
                } else {
                    &mut list.live
                };
                totals.open += 1;
                totals.relays_reached += activation.with_outcome(Outcome::Reached).len();
                totals.migrants_confirmed += activation.with_outcome(Outcome::Confirmed).len();
            }
            list.activations.push(ActivationHead {
                contacts: activation.contacts.len(),
                id: activation.id,
                name: activation.name,
                drill: activation.drill,
                state: activation.state,
                scenario: activation.scenario,
                started_at: format_timestamp(&activation.started_at),
            });
        }
        Ok(list)
    }

    /// One activation with its current plan and progress.
    pub async fn activation(
        &self,
        caller: &Caller,
        id: &str,
        brief: bool,
    ) -> Result<ActivationView, ServiceError> {
        let (_, activation) = self.load_activation(id).await?;
        let (report, snapshot) = self.plan_of(caller, &activation.current_query()).await?;
        Ok(self.activation_view(activation, &report, &snapshot, brief))
    }

    fn activation_view(
        &self,
        activation: Activation,
        report: &CoverageReport,
        snapshot: &super::Snapshot,
        brief: bool,
    ) -> ActivationView {
        let network = &snapshot.network;
        let has_message: BTreeSet<ActorId> = activation
            .with_outcome(Outcome::Reached)
            .into_iter()
            .chain(activation.with_outcome(Outcome::Confirmed))
            .collect();
        let mut still_unreached_by_language = BTreeMap::new();
        for id in report
            .reach
            .reached
            .iter()
            .map(|r| &r.id)
            .chain(&report.reach.unreached)
        {
            if has_message.contains(id) {
                continue;
            }
            let language = Contact::of(network, id)
                .and_then(|c| c.languages.first().cloned())
                .unwrap_or_else(|| "und".to_owned());
            *still_unreached_by_language.entry(language).or_insert(0) += 1;
        }
        let progress = Progress {
            relays_reached: activation.with_outcome(Outcome::Reached).len(),
            migrants_confirmed: activation
                .with_outcome(Outcome::Confirmed)
                .iter()
                .filter(|id| {
                    network
                        .actors
                        .binary_search_by(|a| a.id.cmp(id))
                        .is_ok_and(|i| network.actors[i].kind == ActorKind::Migrant)
                })
                .count(),
            still_unreached_by_language,
        };
        let names = mentioned_names(&activation, network);
        let mut plan = CoverageView::of(report.clone(), network);
        if brief {
            plan.reach.reached.clear();
            plan.reach.unreached.clear();
        }
        ActivationView {
            unavailable: activation.unavailable(),
            id: activation.id,
            name: activation.name,
            drill: activation.drill,
            state: activation.state,
            scenario: activation.scenario,
            query: activation.query,
            started_at: format_timestamp(&activation.started_at),
            started_by: activation.started_by,
            closed_at: activation.closed_at.as_ref().map(format_timestamp),
            contacts: activation.contacts,
            plan_changes: activation.plan_changes,
            plan,
            progress,
            names,
        }
    }

    /// Records one contact attempt; when it makes an actor unavailable (or available again),
    /// the plan is recomputed without them and the change kept.
    pub async fn record_contact(
        &self,
        caller: &Caller,
        id: &str,
        actor: ActorId,
        outcome: Outcome,
        note: Option<&str>,
    ) -> Result<ActivationView, ServiceError> {
        let note = match note {
            Some(raw) => Note::parse(raw)
                .map_err(|e| ServiceError::invalid(e.code(), "note", e.to_string()))?
                .map(|n| n.as_str().to_owned()),
            None => None,
        };
        let snapshot = self.snapshot().await?;
        if snapshot
            .network
            .actors
            .binary_search_by(|a| a.id.cmp(&actor))
            .is_err()
        {
            return Err(ServiceError::invalid(
                "unknown_actor",
                "actor",
                format!("{actor} is not in the network"),
            ));
        }
        for _ in 0..WRITE_ATTEMPTS {
            let (revision, mut activation) = self.load_activation(id).await?;
            if activation.state == ActivationState::Closed {
                return Err(ServiceError::Store(StoreError::Conflict(format!(
                    "activation {id} is closed"
                ))));
            }
            let before = activation.unavailable();
            activation.contacts.push(ContactAttempt {
                actor: actor.clone(),
                outcome,
                note: note.clone(),
                at: now(),
                by: caller.label.clone(),
            });
            let after = activation.unavailable();
            let (report, snapshot) = self.plan_of(caller, &activation.current_query()).await?;
            if before != after {
                let plan: Vec<ActorId> = report.call_list.iter().map(|c| c.id.clone()).collect();
                let old: BTreeSet<&ActorId> = activation.plan.iter().collect();
                let new: BTreeSet<&ActorId> = plan.iter().collect();
                if after.contains(&actor) && !before.contains(&actor) || old != new {
                    activation.plan_changes.push(PlanChange {
                        at: now(),
                        unavailable: actor.clone(),
                        added: new.difference(&old).map(|a| (*a).clone()).collect(),
                        dropped: old.difference(&new).map(|a| (*a).clone()).collect(),
                    });
                }
                activation.plan = plan;
            }
            match self
                .store
                .update_activation(id, revision, &to_document(&activation)?)
                .await
            {
                Ok(()) => return Ok(self.activation_view(activation, &report, &snapshot, true)),
                Err(StoreError::Conflict(_)) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(ServiceError::Store(StoreError::Conflict(format!(
            "activation {id} is being written by many at once; try again"
        ))))
    }

    /// Closes an activation: no more contacts.
    pub async fn close_activation(
        &self,
        caller: &Caller,
        id: &str,
    ) -> Result<ActivationView, ServiceError> {
        for _ in 0..WRITE_ATTEMPTS {
            let (revision, mut activation) = self.load_activation(id).await?;
            if activation.state == ActivationState::Closed {
                return Err(ServiceError::Store(StoreError::Conflict(format!(
                    "activation {id} is already closed"
                ))));
            }
            activation.state = ActivationState::Closed;
            activation.closed_at = Some(now());
            match self
                .store
                .update_activation(id, revision, &to_document(&activation)?)
                .await
            {
                Ok(()) => {
                    let (report, snapshot) =
                        self.plan_of(caller, &activation.current_query()).await?;
                    return Ok(self.activation_view(activation, &report, &snapshot, true));
                }
                Err(StoreError::Conflict(_)) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(ServiceError::Store(StoreError::Conflict(format!(
            "activation {id} is being written by many at once; try again"
        ))))
    }

    /// The after-action report.
    pub async fn activation_report(
        &self,
        _caller: &Caller,
        id: &str,
    ) -> Result<ActivationReport, ServiceError> {
        let (_, activation) = self.load_activation(id).await?;
        let snapshot = self.snapshot().await?;
        let start = activation.started_at;
        let mut by_language: BTreeMap<String, Vec<ReportLine>> = BTreeMap::new();
        for contact in &activation.contacts {
            let language = Contact::of(&snapshot.network, &contact.actor)
                .and_then(|c| c.languages.first().cloned())
                .unwrap_or_else(|| "und".to_owned());
            by_language.entry(language).or_default().push(ReportLine {
                actor: contact.actor.clone(),
                outcome: contact.outcome,
                after_minutes: minutes_between(&start, &contact.at),
            });
        }
        let mut failed_relays: Vec<FailedRelay> = Vec::new();
        for change in &activation.plan_changes {
            if activation.planned.contains(&change.unavailable)
                && !failed_relays.iter().any(|f| f.actor == change.unavailable)
            {
                failed_relays.push(FailedRelay {
                    actor: change.unavailable.clone(),
                    after_minutes: minutes_between(&start, &change.at),
                });
            }
        }
        Ok(ActivationReport {
            names: mentioned_names(&activation, &snapshot.network),
            relays_reached: activation.with_outcome(Outcome::Reached).len(),
            migrants_confirmed: activation.with_outcome(Outcome::Confirmed).len(),
            contacts: activation.contacts.len(),
            id: activation.id,
            name: activation.name,
            drill: activation.drill,
            state: activation.state,
            started_at: format_timestamp(&activation.started_at),
            closed_at: activation.closed_at.as_ref().map(format_timestamp),
            by_language,
            failed_relays,
            plan_changes: activation.plan_changes,
        })
    }

    /// Whom one relay passes the message on to, by the current plan's best paths: the actor
    /// after the relay on every path through it, each once.
    pub async fn call_sheet(
        &self,
        caller: &Caller,
        id: &str,
        relay: &ActorId,
    ) -> Result<CallSheet, ServiceError> {
        let (_, activation) = self.load_activation(id).await?;
        let (report, snapshot) = self.plan_of(caller, &activation.current_query()).await?;
        let network = &snapshot.network;
        let relay_contact = Contact::of(network, relay);
        if relay_contact.is_none() {
            return Err(ServiceError::NotFound(format!("actor {relay}")));
        }
        let mut next: BTreeSet<ActorId> = BTreeSet::new();
        for reached in &report.reach.reached {
            if let Some(at) = reached.path.iter().position(|a| a == relay)
                && let Some(after) = reached.path.get(at + 1)
            {
                next.insert(after.clone());
            }
        }
        Ok(CallSheet {
            activation: activation.name,
            drill: activation.drill,
            relay: relay.clone(),
            relay_contact,
            pass_to: next
                .into_iter()
                .map(|a| {
                    let contact = Contact::of(network, &a);
                    (a, contact)
                })
                .collect(),
            made_at: format_timestamp(&now()),
        })
    }

    /// The cascade simulation of a relay query.
    pub async fn simulate(
        &self,
        caller: &Caller,
        query: RelayQuery,
        params: SimulationParams,
    ) -> Result<Simulation, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        admission
            .run(Weight::Graph, move |cancel| {
                Ok(simulate(&snapshot.graph, &query, &params, cancel)?)
            })
            .await
    }

    /// The ties whose failure alone would cut reached targets off, most cut off first, then
    /// never verified, then verified longest ago, then by id.
    pub async fn verification(
        &self,
        caller: &Caller,
        query: RelayQuery,
    ) -> Result<Verification, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        admission
            .run(Weight::Graph, move |cancel| {
                let critical = critical_ties(&snapshot.graph, &query, cancel)?;
                let mut ties: Vec<(usize, &crate::domain::StoredTie)> = critical
                    .iter()
                    .map(|c| (c.cut_off, &*snapshot.network.ties[c.position]))
                    .collect();
                ties.sort_by(|a, b| {
                    b.0.cmp(&a.0)
                        .then_with(|| match (a.1.last_verified, b.1.last_verified) {
                            (None, None) => std::cmp::Ordering::Equal,
                            (None, Some(_)) => std::cmp::Ordering::Less,
                            (Some(_), None) => std::cmp::Ordering::Greater,
                            (Some(x), Some(y)) => x.cmp(&y),
                        })
                        .then_with(|| a.1.id.as_str().as_bytes().cmp(b.1.id.as_str().as_bytes()))
                });
                Ok(Verification {
                    ties: ties
                        .into_iter()
                        .map(|(cut_off, tie)| VerifyTie {
                            id: tie.id.to_string(),
                            source: tie.source.to_string(),
                            target: tie.target.to_string(),
                            cut_off,
                            last_verified: tie.last_verified.map(|d| d.to_string()),
                        })
                        .collect(),
                })
            })
            .await
    }
}
