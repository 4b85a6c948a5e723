//! The interview use case (graph-schema/README.md, "Interviews"): an ego-network interview sent
//! from a phone becomes actors and ties of the network and a record of its answers, all or
//! nothing, once per client key; the protocol it was asked with; the roster interviewers pick
//! known actors from.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use super::{ServiceError, Services};
use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, Batch, Caller, Channels, Consent, Date, DomainError,
    Draft, Language, Languages, Name, Protocol, Purpose, RowError, RowRef, StoredActor, Tie, TieId,
    TieKind, Trust, WriteMode, interview_tie, now, parse_date, today, trust_of_answer,
};
use crate::store::{
    ActorFilter, InterviewWrite, Page, StoreError, StoredInterview, StoredProtocol,
};

/// The protocol shipped with relaymap: version 1 of every deployment.
pub const DEFAULT_PROTOCOL: &str = include_str!("../../graph-schema/interview-protocol.json");

/// The most people one interview may name.
pub const MAX_NAMED: usize = 100;

/// A person in an interview: someone known (`id`, picked from the roster) or someone added
/// (`new`). Exactly one of the two.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRef {
    /// The id of a known actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Someone not in the network yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<NewPerson>,
}

/// Someone added during an interview.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPerson {
    /// `migrant`, `organisation` or `responder`.
    pub kind: String,
    /// Their name as the person interviewed says it.
    pub name: String,
    /// ISO 639-3 codes, first language first.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The id of a city actor.
    #[serde(default)]
    pub city: Option<String>,
    /// How they can be reached.
    #[serde(default)]
    pub channels: Vec<String>,
}

/// Someone the person interviewed named, with what they said about them.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedPerson {
    /// The client's reference for them, unique in the interview (`p1`, ...): what sociogram
    /// links name.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The id of a known actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Someone not in the network yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<NewPerson>,
    /// The generators (questions) they were named for.
    pub generators: Vec<String>,
    /// The languages spoken together.
    #[serde(default)]
    pub languages: Vec<String>,
    /// How they reach each other.
    #[serde(default)]
    pub channels: Vec<String>,
    /// How much what they say is trusted, 1 to 5 (absent: the model's default trust).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<u8>,
    /// How often they are in touch (a protocol frequency id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
}

/// Two people named who know each other (their `ref`s).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// One `ref`.
    pub a: String,
    /// The other.
    pub b: String,
}

/// The consent given at the start of the interview.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewConsent {
    /// `warnings`, `partners`, `research`: at least one, or nothing may be recorded.
    #[schema(value_type = Vec<Purpose>)]
    pub purposes: Vec<String>,
    /// `YYYY-MM-DD`; absent: the protocol's default duration from the interview's day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// One interview as a phone sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewDocument {
    /// Made by the client once per interview (8–64 of `A–Z a–z 0–9 - _`): sending the same
    /// key again answers with the first result and writes nothing.
    pub key: String,
    /// The protocol version the questions came from.
    pub protocol_version: u64,
    /// The language the interview was held in (ISO 639-3).
    pub language: String,
    /// `YYYY-MM-DD` (default: the day the server receives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conducted_on: Option<String>,
    /// What the person agreed to.
    pub consent: InterviewConsent,
    /// The person interviewed (a migrant or an organisation's representative).
    pub ego: PersonRef,
    /// The people named.
    #[serde(default)]
    pub named: Vec<NamedPerson>,
    /// The people named who know each other.
    #[serde(default)]
    pub sociogram: Vec<Link>,
}

/// What became of an interview.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InterviewResult {
    /// The interview's id (`i-` and 32 hex digits).
    pub id: String,
    /// The client's key.
    pub key: String,
    /// The id of the person interviewed.
    pub ego: String,
    /// Each person named: their `ref`, their id, and whether they were added.
    pub named: Vec<NamedResult>,
    /// The ids of the ties written.
    pub ties: Vec<String>,
    /// Whether this key had been sent before (nothing was written this time).
    #[serde(default)]
    pub replayed: bool,
}

/// A person named, resolved.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NamedResult {
    /// The client's reference.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Their id in the network.
    pub id: String,
    /// Whether the interview added them.
    pub new: bool,
}

/// An interview as coordinators list it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InterviewSummary {
    /// Its id.
    pub id: String,
    /// The person interviewed.
    pub ego: String,
    /// When the server wrote it.
    pub recorded_at: String,
    /// The token that sent it.
    pub recorded_by: String,
    /// The day it was held.
    pub conducted_on: String,
    /// Its language.
    pub language: String,
    /// How many people were named.
    pub named: usize,
}

/// An actor as the roster shows it to an interviewer: enough to pick them, nothing more.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RosterEntry {
    /// Its id.
    pub id: String,
    /// Its kind.
    #[schema(value_type = ActorKind)]
    pub kind: ActorKind,
    /// Its name.
    pub name: String,
    /// The name of its city, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Other entries of this answer whose names are alike: maybe the same person twice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alike: Vec<String>,
}

/// Names at least this alike are hinted in the roster as perhaps one person twice: stricter
/// than the duplicate finder, which weighs cities and ties too.
const ROSTER_ALIKE: f64 = 0.95;

/// The most roster entries one search answers.
const ROSTER_LIMIT: usize = 20;

/// Collects the errors of an interview, by part (`ego`, `named` with its position, ...).
struct Problems(Vec<RowError>);

impl Problems {
    fn add(&mut self, part: &str, line: usize, field: &str, error: DomainError) {
        self.0
            .push(RowError::new(&RowRef::new(part, line), field, error));
    }

    fn say(&mut self, part: &str, line: usize, field: &str, message: impl Into<String>) {
        self.add(part, line, field, DomainError::Malformed(message.into()));
    }
}

fn check_key(key: &str) -> Result<(), ServiceError> {
    let fits = (8..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if fits {
        Ok(())
    } else {
        Err(ServiceError::invalid(
            "invalid_key",
            "key",
            "the key is 8–64 of A–Z, a–z, 0–9, - and _ (a UUID made by the client)",
        ))
    }
}

/// The actor a new person becomes, or the errors of their fields.
fn new_actor(
    new: &NewPerson,
    extra_languages: &[String],
    extra_channels: &[String],
    allowed: &[String],
    part: &str,
    line: usize,
    problems: &mut Problems,
) -> Option<Actor> {
    let before = problems.0.len();
    let kind = match ActorKind::parse(&new.kind) {
        Ok(kind) if allowed.iter().any(|k| k == kind.as_str()) => Some(kind),
        Ok(kind) => {
            problems.say(part, line, "kind", format!("a {kind} cannot be named here"));
            None
        }
        Err(e) => {
            problems.add(part, line, "kind", e);
            None
        }
    };
    let name = Name::parse(&new.name)
        .map_err(|e| problems.add(part, line, "name", e))
        .ok();
    let mut codes: Vec<String> = new.languages.clone();
    for code in extra_languages {
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    let languages = Languages::parse(&codes)
        .map_err(|e| problems.add(part, line, "languages", e))
        .ok();
    let mut channel_names = new.channels.clone();
    for channel in extra_channels {
        if !channel_names.contains(channel) {
            channel_names.push(channel.clone());
        }
    }
    let channels = Channels::parse(&channel_names)
        .map_err(|e| problems.add(part, line, "channels", e))
        .ok();
    let city = match new.city.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(raw) => ActorId::parse(raw)
            .map_err(|e| problems.add(part, line, "city", e))
            .ok()
            .map(Some),
        None => Some(None),
    };
    if problems.0.len() > before {
        return None;
    }
    let kind = kind?;
    Some(Actor {
        id: ActorId::generate(kind.id_prefix()),
        kind,
        name: name?,
        languages: languages?,
        location: None,
        city: city?,
        channels: channels?,
        consent: Consent::none(),
        attributes: Attributes::default(),
    })
}

impl Services {
    /// The protocol of a version, or the latest; the shipped default is saved as version 1
    /// the first time one is asked for, so that it never changes under the interviews made
    /// with it.
    pub async fn protocol(&self, version: Option<u64>) -> Result<Protocol, ServiceError> {
        let stored = match self.store.protocol(version).await? {
            Some(stored) => stored,
            None if version.is_none_or(|v| v == 1) => {
                let default = StoredProtocol {
                    version: 1,
                    saved_at: crate::domain::format_timestamp(&now()),
                    saved_by: "relaymap (the shipped default)".into(),
                    document: DEFAULT_PROTOCOL.to_owned(),
                };
                match self.store.save_protocol(&default).await {
                    Ok(()) | Err(StoreError::Conflict(_)) => {}
                    Err(e) => return Err(e.into()),
                }
                self.store
                    .protocol(Some(1))
                    .await?
                    .ok_or_else(|| ServiceError::NotFound("protocol version 1".into()))?
            }
            None => {
                return Err(ServiceError::NotFound(format!(
                    "protocol version {}",
                    version.unwrap_or_default()
                )));
            }
        };
        let mut protocol: Protocol = serde_json::from_str(&stored.document)
            .map_err(|e| ServiceError::Internal(anyhow::anyhow!("a stored protocol: {e}")))?;
        protocol.version = stored.version;
        Ok(protocol)
    }

    /// Saves a new version of the protocol (admins): every rule checked, numbered one past the
    /// latest. Interviews keep the version they were asked with.
    pub async fn save_protocol(
        &self,
        caller: &Caller,
        mut protocol: Protocol,
    ) -> Result<Protocol, ServiceError> {
        protocol
            .check()
            .map_err(|e| ServiceError::invalid("invalid_protocol", "body", e.to_string()))?;
        let latest = self.protocol(None).await?;
        protocol.version = latest.version + 1;
        let stored = StoredProtocol {
            version: protocol.version,
            saved_at: crate::domain::format_timestamp(&now()),
            saved_by: caller.label.clone(),
            document: serde_json::to_string(&protocol).expect("a protocol serialises"),
        };
        self.store.save_protocol(&stored).await?;
        Ok(protocol)
    }

    /// Known actors whose name holds `q` (at least two characters, or none for cities), for an
    /// interviewer to pick:
    /// id, kind, name and city name only, with alike names hinted.
    pub async fn roster(
        &self,
        _caller: &Caller,
        q: &str,
        kind: Option<ActorKind>,
    ) -> Result<Vec<RosterEntry>, ServiceError> {
        let q = q.trim();
        // Cities are places, not people: all of them may be listed (to pick one's city).
        if q.chars().count() < 2 && kind != Some(ActorKind::City) {
            return Err(ServiceError::invalid(
                "invalid_query",
                "q",
                "type at least two letters of the name",
            ));
        }
        let filter = ActorFilter {
            kind,
            name: (!q.is_empty()).then(|| q.to_owned()),
            ..ActorFilter::default()
        };
        let page = Page {
            limit: ROSTER_LIMIT,
            ..Page::default()
        };
        let found = self.store.list_actors(&filter, &page).await?;
        let cities: Vec<ActorId> = found
            .iter()
            .filter_map(|a| a.city.clone())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let city_names: HashMap<ActorId, String> = self
            .store
            .actors_by_id(&cities)
            .await?
            .into_iter()
            .map(|c| (c.id.clone(), c.name.as_str().to_owned()))
            .collect();
        let entries = found
            .iter()
            .map(|actor| RosterEntry {
                id: actor.id.to_string(),
                kind: actor.kind,
                name: actor.name.as_str().to_owned(),
                city: actor.city.as_ref().and_then(|c| city_names.get(c).cloned()),
                alike: found
                    .iter()
                    .filter(|other| {
                        other.id != actor.id
                            && other.kind == actor.kind
                            && crate::analysis::name_likeness(&actor.name, &other.name)
                                >= ROSTER_ALIKE
                    })
                    .map(|other| other.id.to_string())
                    .collect(),
            })
            .collect();
        Ok(entries)
    }

    /// Writes an interview: the person interviewed (added, or their consent renewed), everyone
    /// they named who is new, a tie per answer (an existing tie of the same kind and direction
    /// is refreshed rather than doubled), and the record of the answers, all or nothing. The
    /// same key again answers with the first result and writes nothing.
    pub async fn submit_interview(
        &self,
        caller: &Caller,
        document: InterviewDocument,
    ) -> Result<InterviewResult, ServiceError> {
        check_key(&document.key)?;
        if let Some(stored) = self.store.interview_by_key(&document.key).await? {
            return replayed(caller, &stored);
        }
        if document.named.len() > MAX_NAMED {
            return Err(ServiceError::invalid(
                "too_many",
                "named",
                format!("an interview names at most {MAX_NAMED} people"),
            ));
        }
        let protocol = match self.protocol(Some(document.protocol_version)).await {
            Err(ServiceError::NotFound(_)) => {
                return Err(ServiceError::invalid(
                    "unknown_protocol",
                    "protocol_version",
                    format!("there is no protocol version {}", document.protocol_version),
                ));
            }
            other => other?,
        };
        let mut problems = Problems(Vec::new());
        let language = Language::parse(&document.language)
            .map_err(|e| problems.add("interview", 1, "language", e))
            .ok();
        let conducted_on = match document.conducted_on.as_deref() {
            Some(raw) => parse_date(raw)
                .map_err(|e| problems.add("interview", 1, "conducted_on", e))
                .unwrap_or_else(|_| today()),
            None => today(),
        };
        if conducted_on > today() {
            problems.say(
                "interview",
                1,
                "conducted_on",
                "an interview is not held in the future",
            );
        }
        let consent = interview_consent(&document, &protocol, conducted_on, caller, &mut problems);

        // Who is known: the person interviewed and everyone picked from the roster.
        let known_ids: Vec<ActorId> = std::iter::once(&document.ego.id)
            .chain(document.named.iter().map(|n| &n.id))
            .flatten()
            .filter_map(|raw| ActorId::parse(raw).ok())
            .collect();
        let known: HashMap<ActorId, StoredActor> = self
            .store
            .actors_by_id(&known_ids)
            .await?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect();

        let mut batch = Batch::new(WriteMode::Upsert);
        // The person interviewed.
        let ego_kinds = ["migrant".to_owned(), "organisation".to_owned()];
        let ego: Option<Actor> = match (&document.ego.id, &document.ego.new) {
            (Some(raw), None) => match ActorId::parse(raw).ok().and_then(|id| known.get(&id)) {
                Some(stored) if ego_kinds.iter().any(|k| k == stored.kind.as_str()) => {
                    Some(stored.value.clone())
                }
                Some(stored) => {
                    problems.say(
                        "ego",
                        1,
                        "id",
                        format!("a {} is not interviewed", stored.kind),
                    );
                    None
                }
                None => {
                    problems.say("ego", 1, "id", "no actor has this id");
                    None
                }
            },
            (None, Some(new)) => new_actor(new, &[], &[], &ego_kinds, "ego", 1, &mut problems),
            _ => {
                problems.say(
                    "ego",
                    1,
                    "id",
                    "give either the id of a known actor or a new person",
                );
                None
            }
        };
        let ego_is_new = document.ego.new.is_some();

        // The people named.
        let mut refs: HashMap<&str, (ActorId, ActorKind)> = HashMap::new();
        let mut named_results = Vec::new();
        let mut named_records = Vec::new();
        for (i, named) in document.named.iter().enumerate() {
            let line = i + 1;
            let generators: Vec<&crate::domain::Generator> = named
                .generators
                .iter()
                .filter_map(|g| {
                    let found = protocol.generator(g);
                    if found.is_none() {
                        problems.say("named", line, "generators", format!("no question {g:?}"));
                    }
                    found
                })
                .collect();
            if named.generators.is_empty() {
                problems.say("named", line, "generators", "say which question named them");
            }
            let allowed: Vec<String> = generators
                .iter()
                .flat_map(|g| g.kinds.iter().cloned())
                .collect();
            if let Some(answer) = named.trust
                && let Err(e) = trust_of_answer(answer)
            {
                problems.add("named", line, "trust", e);
            }
            if let Some(frequency) = &named.frequency
                && !protocol
                    .interpreters
                    .frequencies
                    .iter()
                    .any(|c| c.id == *frequency)
            {
                problems.say(
                    "named",
                    line,
                    "frequency",
                    format!("no answer {frequency:?}"),
                );
            }
            if let Err(e) = Languages::parse(&named.languages) {
                problems.add("named", line, "languages", e);
            }
            if let Err(e) = Channels::parse(&named.channels) {
                problems.add("named", line, "channels", e);
            }
            let person: Option<(ActorId, ActorKind, bool)> = match (&named.id, &named.new) {
                (Some(raw), None) => match ActorId::parse(raw).ok().and_then(|id| known.get(&id)) {
                    Some(stored) if stored.kind == ActorKind::City => {
                        problems.say("named", line, "id", "a city is a place, never named");
                        None
                    }
                    Some(stored) => Some((stored.id.clone(), stored.kind, false)),
                    None => {
                        problems.say("named", line, "id", "no actor has this id");
                        None
                    }
                },
                (None, Some(new)) => new_actor(
                    new,
                    &named.languages,
                    &named.channels,
                    &allowed,
                    "named",
                    line,
                    &mut problems,
                )
                .map(|actor| {
                    let resolved = (actor.id.clone(), actor.kind, true);
                    batch
                        .actors
                        .push(Draft::new(actor, RowRef::new("named", line)));
                    resolved
                }),
                _ => {
                    problems.say(
                        "named",
                        line,
                        "id",
                        "give either the id of a known actor or a new person",
                    );
                    None
                }
            };
            let Some((id, kind, new)) = person else {
                continue;
            };
            if ego.as_ref().is_some_and(|e| e.id == id) {
                problems.say(
                    "named",
                    line,
                    "id",
                    "the person interviewed does not name themselves",
                );
                continue;
            }
            if refs
                .insert(named.reference.as_str(), (id.clone(), kind))
                .is_some()
                || named.reference.is_empty()
                || named.reference.len() > 32
            {
                problems.say(
                    "named",
                    line,
                    "ref",
                    "each person named needs a ref of their own",
                );
                continue;
            }
            named_results.push(NamedResult {
                reference: named.reference.clone(),
                id: id.to_string(),
                new,
            });
            let mut record = serde_json::to_value(named).expect("a named person serialises");
            let fields = record.as_object_mut().expect("an object");
            fields.remove("new");
            fields.insert("id".into(), json!(id.to_string()));
            fields.insert("new".into(), json!(new));
            named_records.push(record);
        }

        // The ties: one per answer, refreshed when the network already has it.
        let mut ties: Vec<Draft<Tie>> = Vec::new();
        let mut tie_records = Vec::new();
        if let Some(ego) = &ego {
            let mut existing: HashMap<(TieKind, ActorId, ActorId), TieId> = HashMap::new();
            if !ego_is_new {
                for tie in self.all_ties_of(&ego.id).await? {
                    existing.insert(
                        (tie.kind, tie.source.clone(), tie.target.clone()),
                        tie.id.clone(),
                    );
                }
            }
            let mut planned: HashSet<(TieKind, ActorId, ActorId)> = HashSet::new();
            let mut add =
                |kind: TieKind,
                 source: ActorId,
                 target: ActorId,
                 trust: Trust,
                 channels: Channels,
                 line: usize,
                 existing: &HashMap<(TieKind, ActorId, ActorId), TieId>| {
                    let key = (kind, source.clone(), target.clone());
                    if !planned.insert(key.clone()) {
                        return;
                    }
                    let id = existing.get(&key).cloned().unwrap_or_else(TieId::generate);
                    tie_records.push(json!({"id": id.to_string(), "source": source.to_string(),
                    "target": target.to_string(), "kind": kind.as_str()}));
                    ties.push(Draft::new(
                        Tie {
                            id,
                            source,
                            target,
                            kind,
                            trust,
                            channels,
                            last_verified: Some(conducted_on),
                            note: None,
                        },
                        RowRef::new("named", line),
                    ));
                };
            for (i, named) in document.named.iter().enumerate() {
                let Some((id, kind)) = refs.get(named.reference.as_str()).cloned() else {
                    continue;
                };
                let trust = named
                    .trust
                    .and_then(|t| trust_of_answer(t).ok())
                    .unwrap_or(Trust::DEFAULT);
                let channels = Channels::parse(&named.channels).unwrap_or_default();
                for generator in named
                    .generators
                    .iter()
                    .filter_map(|g| protocol.generator(g))
                {
                    match interview_tie(&generator.relation, &generator.direction, ego.kind, kind) {
                        Some((tie_kind, from_ego)) => {
                            let (source, target) = if from_ego {
                                (ego.id.clone(), id.clone())
                            } else {
                                (id.clone(), ego.id.clone())
                            };
                            add(
                                tie_kind,
                                source,
                                target,
                                trust,
                                channels.clone(),
                                i + 1,
                                &existing,
                            );
                        }
                        None => {
                            problems.say("named", i + 1, "id", "a city is a place, never named")
                        }
                    }
                }
            }
            // The sociogram: who of those named know each other.
            let mut between: HashSet<(ActorId, ActorId)> = HashSet::new();
            for (i, link) in document.sociogram.iter().enumerate() {
                let (Some((a, a_kind)), Some((b, b_kind))) =
                    (refs.get(link.a.as_str()), refs.get(link.b.as_str()))
                else {
                    problems.say(
                        "sociogram",
                        i + 1,
                        "a",
                        "link two people named in this interview",
                    );
                    continue;
                };
                if a == b {
                    problems.say("sociogram", i + 1, "b", "link two different people");
                    continue;
                }
                let Some((kind, from_a)) = interview_tie("knows", "out", *a_kind, *b_kind) else {
                    continue;
                };
                let (source, target) = if from_a {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                between.insert((source.clone(), target.clone()));
                add(
                    kind,
                    source,
                    target,
                    Trust::DEFAULT,
                    Channels::default(),
                    i + 1,
                    &HashMap::new(),
                );
            }
            // A link between two known actors already tied in the network adds nothing.
            if !between.is_empty() {
                let mut known_pairs = HashSet::new();
                for id in refs
                    .values()
                    .map(|(id, _)| id)
                    .filter(|id| known.contains_key(*id))
                {
                    for tie in self.all_ties_of(id).await? {
                        known_pairs.insert((tie.source.clone(), tie.target.clone()));
                        known_pairs.insert((tie.target.clone(), tie.source.clone()));
                    }
                }
                let dropped: HashSet<String> = ties
                    .iter()
                    .filter(|t| between.contains(&(t.source.clone(), t.target.clone())))
                    .filter(|t| known_pairs.contains(&(t.source.clone(), t.target.clone())))
                    .map(|t| t.id.to_string())
                    .collect();
                ties.retain(|t| !dropped.contains(t.id.as_str()));
                tie_records.retain(|r| !dropped.contains(r["id"].as_str().unwrap_or_default()));
            }
        }
        if !problems.0.is_empty() {
            return Err(StoreError::Rejected(problems.0).into());
        }
        let (Some(mut ego), Some(consent), Some(language)) = (ego, consent, language) else {
            return Err(ServiceError::Internal(anyhow::anyhow!(
                "an interview without its parts"
            )));
        };
        ego.consent = consent;
        let ego_id = ego.id.to_string();
        batch
            .actors
            .insert(0, Draft::new(ego, RowRef::new("ego", 1)));
        batch.ties = ties;

        let id = format!("i-{}", uuid::Uuid::new_v4().simple());
        let recorded_at = crate::domain::format_timestamp(&now());
        let result = InterviewResult {
            id: id.clone(),
            key: document.key.clone(),
            ego: ego_id.clone(),
            named: named_results,
            ties: tie_records
                .iter()
                .map(|t| t["id"].as_str().unwrap_or_default().to_owned())
                .collect(),
            replayed: false,
        };
        let stored_document = json!({
            "id": id,
            "key": document.key,
            "protocol_version": protocol.version,
            "language": language.as_str(),
            "conducted_on": conducted_on.to_string(),
            "recorded_by": caller.label,
            "recorded_by_token": caller.token,
            "recorded_at": recorded_at,
            "consent": document.consent,
            "ego": {"id": ego_id, "new": ego_is_new},
            "named": named_records,
            "sociogram": document.sociogram.iter().filter_map(|l| {
                let (a, _) = refs.get(l.a.as_str())?;
                let (b, _) = refs.get(l.b.as_str())?;
                Some(json!({"a": a.to_string(), "b": b.to_string()}))
            }).collect::<Vec<_>>(),
            "ties": tie_records,
        });
        let interview = StoredInterview {
            id,
            key: document.key,
            ego: ego_id,
            recorded_at,
            recorded_by: caller.label.clone(),
            document: stored_document.to_string(),
        };
        match self.store.write_interview(interview, batch).await? {
            InterviewWrite::Written(_) => Ok(result),
            // Sent twice at once: the other one was written first.
            InterviewWrite::Replayed(stored) => replayed(caller, &stored),
        }
    }

    /// The latest interviews (coordinators).
    pub async fn interviews(&self, limit: usize) -> Result<Vec<InterviewSummary>, ServiceError> {
        let stored = self.store.interviews(limit).await?;
        Ok(stored
            .iter()
            .map(|i| {
                let document: serde_json::Value =
                    serde_json::from_str(&i.document).unwrap_or_default();
                InterviewSummary {
                    id: i.id.clone(),
                    ego: i.ego.clone(),
                    recorded_at: i.recorded_at.clone(),
                    recorded_by: i.recorded_by.clone(),
                    conducted_on: document["conducted_on"].as_str().unwrap_or("").to_owned(),
                    language: document["language"].as_str().unwrap_or("").to_owned(),
                    named: document["named"].as_array().map_or(0, Vec::len),
                }
            })
            .collect())
    }

    /// One interview's record: every answer, with every person's id (coordinators).
    pub async fn interview(&self, id: &str) -> Result<serde_json::Value, ServiceError> {
        let stored = self
            .store
            .interview(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(format!("interview {id}")))?;
        let mut document: serde_json::Value = serde_json::from_str(&stored.document)
            .map_err(|e| ServiceError::Internal(anyhow::anyhow!("a stored interview: {e}")))?;
        if let Some(fields) = document.as_object_mut() {
            fields.remove("recorded_by_token");
        }
        Ok(document)
    }
}

/// The consent the interview records, or its errors: at least one purpose, dated the day of
/// the interview, by the token that sends it, until the given day or the protocol's default.
fn interview_consent(
    document: &InterviewDocument,
    protocol: &Protocol,
    conducted_on: Date,
    caller: &Caller,
    problems: &mut Problems,
) -> Option<Consent> {
    let mut purposes = Vec::new();
    for raw in &document.consent.purposes {
        match Purpose::parse(raw) {
            Ok(purpose) => purposes.push(purpose),
            Err(e) => problems.add("consent", 1, "purposes", e),
        }
    }
    if document.consent.purposes.is_empty() {
        problems.say(
            "consent",
            1,
            "purposes",
            "without consent to at least one purpose nothing may be recorded",
        );
        return None;
    }
    let expires = match document.consent.expires.as_deref() {
        Some(raw) => parse_date(raw)
            .map_err(|e| problems.add("consent", 1, "expires", e))
            .ok(),
        None => protocol
            .consent
            .expires_after_days
            .map(|days| conducted_on + chrono::Days::new(u64::from(days))),
    };
    let by = Name::parse(&caller.label).ok();
    Consent::new(purposes, Some(conducted_on), by, expires)
        .map_err(|e| problems.add("consent", 1, "expires", e))
        .ok()
}

/// The answer to a key sent again: the first result, to the token that sent it only (another
/// token learns nothing of it).
fn replayed(caller: &Caller, stored: &StoredInterview) -> Result<InterviewResult, ServiceError> {
    let document: serde_json::Value = serde_json::from_str(&stored.document)
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("a stored interview: {e}")))?;
    if document["recorded_by_token"].as_str() != Some(caller.token.as_str()) {
        return Err(StoreError::Conflict("this key belongs to another interview".into()).into());
    }
    let named = document["named"]
        .as_array()
        .map(|named| {
            named
                .iter()
                .map(|n| NamedResult {
                    reference: n["ref"].as_str().unwrap_or_default().to_owned(),
                    id: n["id"].as_str().unwrap_or_default().to_owned(),
                    new: n["new"].as_bool().unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default();
    let ties = document["ties"]
        .as_array()
        .map(|ties| {
            ties.iter()
                .filter_map(|t| t["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(InterviewResult {
        id: stored.id.clone(),
        key: stored.key.clone(),
        ego: stored.ego.clone(),
        named,
        ties,
        replayed: true,
    })
}
