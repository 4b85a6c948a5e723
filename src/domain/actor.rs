//! Actors: the migrants, organisations, responders and cities of a network.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ActorId, Attributes, Channels, Consent, DomainError, Languages, Location, Name};

/// What an actor is. Only migrants, organisations and responders carry messages; a city is a place.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person who moved to the city.
    Migrant,
    /// A community organisation, faith group, diaspora association or NGO.
    Organisation,
    /// A fire service, municipal crisis cell, Red Cross branch, consulate, ...
    Responder,
    /// A city or district: a place, never a messenger.
    City,
}

impl ActorKind {
    /// Every kind, in the order relaymap lists them.
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Migrant,
        ActorKind::Organisation,
        ActorKind::Responder,
        ActorKind::City,
    ];

    /// The kind's name as written in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Migrant => "migrant",
            ActorKind::Organisation => "organisation",
            ActorKind::Responder => "responder",
            ActorKind::City => "city",
        }
    }

    /// Parses a kind name.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| DomainError::UnknownActorKind(raw.chars().take(24).collect()))
    }

    /// The prefix of ids that relaymap generates for this kind.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ActorKind::Migrant => "m",
            ActorKind::Organisation => "o",
            ActorKind::Responder => "r",
            ActorKind::City => "c",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person, organisation, responder or place in the network.
///
/// Names, locations and attributes are personal data: never log them.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Unique among actors.
    pub id: ActorId,
    /// What the actor is; it cannot change once stored.
    pub kind: ActorKind,
    /// Display name.
    pub name: Name,
    /// Languages spoken (or worked in), the first being the first language.
    pub languages: Languages,
    /// Where the actor is, if known.
    pub location: Option<Location>,
    /// The city actor this actor belongs to, if any.
    pub city: Option<ActorId>,
    /// The channels through which the actor can be reached.
    pub channels: Channels,
    /// What the person agreed their data may be used for (none unless recorded).
    pub consent: Consent,
    /// Small free JSON object.
    pub attributes: Attributes,
}
