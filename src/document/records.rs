//! The records of the import/export document, as clients write them, and their conversion to and
//! from the domain. Every field is optional at this level so that a missing field is reported
//! like any other broken rule, with its name, instead of as a parse failure of the whole row.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, Batch, Channel, Channels, Consent, DomainError, Draft,
    Language, Languages, Location, Name, Note, Purpose, RowError, RowRef, StoredActor, StoredTie,
    Tie, TieId, TieKind, Trust, format_timestamp, parse_date, parse_timestamp, today,
};

/// A position as written in documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Location)]
pub struct LocationRecord {
    /// Latitude, WGS-84 degrees.
    #[schema(minimum = -90.0, maximum = 90.0)]
    pub lat: f64,
    /// Longitude, WGS-84 degrees.
    #[schema(minimum = -180.0, maximum = 180.0)]
    pub lon: f64,
}

/// An actor as written in the import document, the API and the export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Actor, example = json!({"kind": "migrant", "name": "Selam", "languages": ["tir", "eng"],
    "city": "c-01", "channels": ["whatsapp"], "consent": true}))]
pub struct ActorRecord {
    /// Generated (kind prefix and random hex) when absent.
    #[serde(default)]
    #[schema(value_type = Option<ActorId>)]
    pub id: Option<String>,
    /// `migrant`, `organisation`, `responder` or `city`.
    #[serde(default)]
    #[schema(value_type = Option<ActorKind>)]
    pub kind: Option<String>,
    /// Display name.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub name: Option<String>,
    /// ISO 639-3 codes, first language first.
    #[serde(default)]
    #[schema(value_type = Vec<Language>)]
    pub languages: Vec<String>,
    /// Optional position.
    #[serde(default)]
    pub location: Option<LocationRecord>,
    /// Id of a city actor.
    #[serde(default)]
    #[schema(value_type = Option<ActorId>)]
    pub city: Option<String>,
    /// Channel names.
    #[serde(default)]
    #[schema(value_type = Vec<Channel>)]
    pub channels: Vec<String>,
    /// Whether the person has agreed to anything that still holds. On input, `true` without a
    /// `consent_record` means every purpose (the meaning of this flag before purposes).
    #[serde(default)]
    pub consent: bool,
    /// What the person agreed to, when, by whom recorded and until when; it rules over
    /// `consent` when both are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_record: Option<ConsentRecord>,
    /// A small JSON object.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<serde_json::Value>,
    /// Kept when importing an exported document; ignored by `POST`/`PUT`.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Kept when importing an exported document; ignored by `POST`/`PUT`.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Consent with purposes as written in documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Consent, example = json!({"purposes": ["warnings", "research"],
    "recorded_on": "2026-11-20", "recorded_by": "Amina (interviewer)", "expires": "2028-11-20"}))]
pub struct ConsentRecord {
    /// What the person agreed to; none is no consent.
    #[serde(default)]
    #[schema(value_type = Vec<Purpose>)]
    pub purposes: Vec<String>,
    /// `YYYY-MM-DD`, the day it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Date)]
    pub recorded_on: Option<String>,
    /// Who recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub recorded_by: Option<String>,
    /// `YYYY-MM-DD`: from this day on it counts as none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Date)]
    pub expires: Option<String>,
}

impl ConsentRecord {
    /// Parses the record.
    pub fn parse(&self) -> Result<Consent, DomainError> {
        let purposes = self
            .purposes
            .iter()
            .map(|p| Purpose::parse(p))
            .collect::<Result<Vec<_>, _>>()?;
        let date = |raw: &Option<String>| {
            raw.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(parse_date)
                .transpose()
        };
        let recorded_by = self
            .recorded_by
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Name::parse)
            .transpose()?;
        Consent::new(
            purposes,
            date(&self.recorded_on)?,
            recorded_by,
            date(&self.expires)?,
        )
    }

    /// The record of a consent as the stores keep it (a JSON object), if anything was agreed.
    pub fn json(consent: &Consent) -> Option<String> {
        Self::of(consent).map(|r| serde_json::to_string(&r).expect("a consent record serialises"))
    }

    /// The record of a consent, if anything was ever agreed.
    pub fn of(consent: &Consent) -> Option<Self> {
        consent.is_recorded().then(|| Self {
            purposes: consent.purposes().map(|p| p.as_str().to_owned()).collect(),
            recorded_on: consent.recorded_on().map(|d| d.to_string()),
            recorded_by: consent.recorded_by().map(|n| n.as_str().to_owned()),
            expires: consent.expires().map(|d| d.to_string()),
        })
    }
}

/// A tie as written in the import document, the API and the export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Tie, example = json!({"source": "m-0001", "target": "m-0002", "kind": "knows",
    "trust": 0.8, "channels": ["phone"], "last_verified": "2026-05-01"}))]
pub struct TieRecord {
    /// Generated (`t-` and random hex) when absent.
    #[serde(default)]
    #[schema(value_type = Option<TieId>)]
    pub id: Option<String>,
    /// Id of the actor the tie starts at.
    #[serde(default)]
    #[schema(value_type = Option<ActorId>)]
    pub source: Option<String>,
    /// Id of the actor the tie ends at.
    #[serde(default)]
    #[schema(value_type = Option<ActorId>)]
    pub target: Option<String>,
    /// `knows`, `member_of`, `partners_with`, `serves` or `located_in`.
    #[serde(default)]
    #[schema(value_type = Option<TieKind>)]
    pub kind: Option<String>,
    /// In (0, 1]; 0.5 when absent.
    #[serde(default)]
    #[schema(exclusive_minimum = 0.0, maximum = 1.0)]
    pub trust: Option<f64>,
    /// Channel names.
    #[serde(default)]
    #[schema(value_type = Vec<Channel>)]
    pub channels: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schema(format = Date)]
    pub last_verified: Option<String>,
    /// Free text.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Kept when importing an exported document; ignored by `POST`/`PUT`.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Kept when importing an exported document; ignored by `POST`/`PUT`.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// What the readers and the API need of either kind of record.
pub trait Record: serde::de::DeserializeOwned + Serialize + Send + 'static {
    /// The record's `id` field.
    fn id_mut(&mut self) -> &mut Option<String>;

    /// Drops `created_at`/`updated_at`: on API writes, times belong to the store.
    fn clear_times(&mut self);

    /// Parses the record and adds it to the batch, or returns every field error of the row.
    fn add_to(self, batch: &mut Batch, row: &RowRef) -> Result<(), Vec<RowError>>;
}

impl Record for ActorRecord {
    fn id_mut(&mut self) -> &mut Option<String> {
        &mut self.id
    }

    fn clear_times(&mut self) {
        self.created_at = None;
        self.updated_at = None;
    }

    fn add_to(self, batch: &mut Batch, row: &RowRef) -> Result<(), Vec<RowError>> {
        batch.actors.push(self.parse(row)?);
        Ok(())
    }
}

impl Record for TieRecord {
    fn id_mut(&mut self) -> &mut Option<String> {
        &mut self.id
    }

    fn clear_times(&mut self) {
        self.created_at = None;
        self.updated_at = None;
    }

    fn add_to(self, batch: &mut Batch, row: &RowRef) -> Result<(), Vec<RowError>> {
        batch.ties.push(self.parse(row)?);
        Ok(())
    }
}

/// Collects the field errors of one row, so a row reports every broken rule at once.
struct RowCheck<'a> {
    row: &'a RowRef,
    errors: Vec<RowError>,
}

impl<'a> RowCheck<'a> {
    fn new(row: &'a RowRef) -> Self {
        Self {
            row,
            errors: Vec::new(),
        }
    }

    fn field<T>(
        &mut self,
        field: &str,
        result: Result<T, crate::domain::DomainError>,
    ) -> Option<T> {
        result
            .map_err(|e| self.errors.push(RowError::new(self.row, field, e)))
            .ok()
    }

    fn required<T>(
        &mut self,
        field: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, crate::domain::DomainError>,
    ) -> Option<T> {
        match raw.map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => self.field(field, parse(raw)),
            None => self.field(field, Err(crate::domain::DomainError::Missing)),
        }
    }

    fn optional<T>(
        &mut self,
        field: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, crate::domain::DomainError>,
    ) -> Option<Option<T>> {
        match raw.map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => self.field(field, parse(raw)).map(Some),
            None => Some(None),
        }
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<RowError>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }
}

impl ActorRecord {
    /// Parses the record into an actor ready to write.
    ///
    /// # Returns
    /// The draft, or every field error of the row.
    pub fn parse(self, row: &RowRef) -> Result<Draft<Actor>, Vec<RowError>> {
        let mut check = RowCheck::new(row);
        let kind = check.required("kind", self.kind.as_deref(), ActorKind::parse);
        let id = match (
            self.id.as_deref().map(str::trim).filter(|s| !s.is_empty()),
            kind,
        ) {
            (Some(raw), _) => check.field("id", ActorId::parse(raw)),
            (None, Some(kind)) => Some(ActorId::generate(kind.id_prefix())),
            (None, None) => None,
        };
        let name = check.required("name", self.name.as_deref(), Name::parse);
        let languages = check.field("languages", Languages::parse(&self.languages));
        let location = match self.location {
            Some(l) => check
                .field("location", Location::parse(l.lat, l.lon))
                .map(Some),
            None => Some(None),
        };
        let city = check.optional("city", self.city.as_deref(), ActorId::parse);
        let channels = check.field("channels", Channels::parse(&self.channels));
        let attributes = match self.attributes {
            Some(value) => check.field("attributes", Attributes::parse(value)),
            None => Some(Attributes::default()),
        };
        let consent = match (&self.consent_record, self.consent) {
            (Some(record), _) => check.field("consent_record", record.parse()),
            (None, true) => Some(Consent::every_purpose()),
            (None, false) => Some(Consent::none()),
        };
        let created_at = check.optional("created_at", self.created_at.as_deref(), parse_timestamp);
        let updated_at = check.optional("updated_at", self.updated_at.as_deref(), parse_timestamp);
        let actor = (|| {
            Some(Draft {
                value: Actor {
                    id: id?,
                    kind: kind?,
                    name: name?,
                    languages: languages?,
                    location: location?,
                    city: city?,
                    channels: channels?,
                    consent: consent?,
                    attributes: attributes?,
                },
                row: row.clone(),
                created_at: created_at?,
                updated_at: updated_at?,
            })
        })();
        check.finish(actor)
    }
}

impl TieRecord {
    /// Parses the record into a tie ready to write. Whether its endpoints exist and fit its kind
    /// is checked at write time, against the store.
    pub fn parse(self, row: &RowRef) -> Result<Draft<Tie>, Vec<RowError>> {
        let mut check = RowCheck::new(row);
        let id = match self.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => check.field("id", TieId::parse(raw)),
            None => Some(TieId::generate()),
        };
        let source = check.required("source", self.source.as_deref(), ActorId::parse);
        let target = check.required("target", self.target.as_deref(), ActorId::parse);
        let kind = check.required("kind", self.kind.as_deref(), TieKind::parse);
        let trust = match self.trust {
            Some(value) => check.field("trust", Trust::parse(value)),
            None => Some(Trust::DEFAULT),
        };
        let channels = check.field("channels", Channels::parse(&self.channels));
        let last_verified =
            check.optional("last_verified", self.last_verified.as_deref(), parse_date);
        let note = check.field("note", Note::parse(self.note.as_deref().unwrap_or("")));
        let created_at = check.optional("created_at", self.created_at.as_deref(), parse_timestamp);
        let updated_at = check.optional("updated_at", self.updated_at.as_deref(), parse_timestamp);
        let tie = (|| {
            Some(Draft {
                value: Tie {
                    id: id?,
                    source: source?,
                    target: target?,
                    kind: kind?,
                    trust: trust?,
                    channels: channels?,
                    last_verified: last_verified?,
                    note: note?,
                },
                row: row.clone(),
                created_at: created_at?,
                updated_at: updated_at?,
            })
        })();
        check.finish(tie)
    }
}

fn channel_names(channels: &Channels) -> Vec<String> {
    channels
        .as_slice()
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect()
}

impl From<&StoredActor> for ActorRecord {
    fn from(stored: &StoredActor) -> Self {
        let actor = &stored.value;
        Self {
            id: Some(actor.id.to_string()),
            kind: Some(actor.kind.as_str().to_owned()),
            name: Some(actor.name.as_str().to_owned()),
            languages: actor
                .languages
                .as_slice()
                .iter()
                .map(|l| l.to_string())
                .collect(),
            location: actor.location.map(|l| LocationRecord {
                lat: l.lat(),
                lon: l.lon(),
            }),
            city: actor.city.as_ref().map(ToString::to_string),
            channels: channel_names(&actor.channels),
            consent: actor.consent.given(today()),
            consent_record: ConsentRecord::of(&actor.consent),
            attributes: Some(serde_json::Value::Object(actor.attributes.as_map().clone())),
            created_at: Some(format_timestamp(&stored.created_at)),
            updated_at: Some(format_timestamp(&stored.updated_at)),
        }
    }
}

impl From<&StoredTie> for TieRecord {
    fn from(stored: &StoredTie) -> Self {
        let tie = &stored.value;
        Self {
            id: Some(tie.id.to_string()),
            source: Some(tie.source.to_string()),
            target: Some(tie.target.to_string()),
            kind: Some(tie.kind.as_str().to_owned()),
            trust: Some(tie.trust.value()),
            channels: channel_names(&tie.channels),
            last_verified: tie.last_verified.map(|d| d.format("%Y-%m-%d").to_string()),
            note: tie.note.as_ref().map(|n| n.as_str().to_owned()),
            created_at: Some(format_timestamp(&stored.created_at)),
            updated_at: Some(format_timestamp(&stored.updated_at)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DomainError;

    fn row() -> RowRef {
        RowRef::new("body", 1)
    }

    #[test]
    fn an_actor_record_reports_every_broken_field_at_once() {
        let record = ActorRecord {
            kind: Some("alien".into()),
            name: Some("  ".into()),
            languages: vec!["TIR".into()],
            channels: vec!["pigeon".into()],
            location: Some(LocationRecord {
                lat: 91.0,
                lon: 0.0,
            }),
            ..Default::default()
        };
        let errors = record.parse(&row()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["kind", "name", "languages", "location", "channels"]
        );
    }

    #[test]
    fn a_tie_without_id_or_trust_gets_a_generated_id_and_the_default_trust() {
        let record = TieRecord {
            source: Some("m-1".into()),
            target: Some("m-2".into()),
            kind: Some("knows".into()),
            ..Default::default()
        };
        let draft = record.parse(&row()).unwrap();
        assert!(draft.id.as_str().starts_with("t-"));
        assert_eq!(draft.trust, Trust::DEFAULT);
    }

    #[test]
    fn a_tie_missing_its_endpoints_names_both() {
        let record = TieRecord {
            kind: Some("knows".into()),
            ..Default::default()
        };
        let errors = record.parse(&row()).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|e| e.error == DomainError::Missing));
    }
}
