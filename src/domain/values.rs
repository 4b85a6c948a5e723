//! The small values actors and ties are made of, each with the one parser that makes it.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Date, DomainError};

const MAX_ID_LEN: usize = 64;
const MAX_NAME_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 2000;
const MAX_ATTRIBUTES_BYTES: usize = 4096;

fn parse_id(raw: &str) -> Result<String, DomainError> {
    let valid = !raw.is_empty()
        && raw.len() <= MAX_ID_LEN
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    if valid {
        Ok(raw.to_owned())
    } else {
        Err(DomainError::InvalidId)
    }
}

/// The OpenAPI schema of an id: what [`parse_id`] accepts.
fn id_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    text_schema(
        "^[A-Za-z0-9._:-]{1,64}$",
        "1 to 64 letters, digits, `-`, `_`, `.` or `:`",
    )
}

/// A string schema with a pattern and a description.
fn text_schema(
    pattern: &str,
    description: &str,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .pattern(Some(pattern))
        .description(Some(description))
        .into()
}

/// A string schema of these values only.
pub(crate) fn enum_schema<'a>(
    values: impl IntoIterator<Item = &'a str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .enum_values(Some(values))
        .into()
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Shared text: a clone (into a path, a relay graph, the next version of the network)
        /// copies a pointer, not the id.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(std::sync::Arc<str>);

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl $name {
            /// Parses an id: 1 to 64 characters, letters, digits, `-`, `_`, `.` or `:`, so that it
            /// is safe in a URL path, a CSV cell and a log line.
            pub fn parse(raw: &str) -> Result<Self, DomainError> {
                parse_id(raw).map(|id| Self(id.into()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                id_schema()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(raw: String) -> Result<Self, DomainError> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.to_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// The id of an actor, unique among actors.
    ActorId
);
id_type!(
    /// The id of a tie, unique among ties.
    TieId
);

impl ActorId {
    /// A fresh random id with a prefix naming the kind (`m-`, `o-`, `r-`, `c-`).
    pub fn generate(prefix: &str) -> Self {
        Self(format!("{prefix}-{}", uuid::Uuid::new_v4().simple()).into())
    }
}

impl TieId {
    /// A fresh random tie id (`t-` and 32 hex digits).
    pub fn generate() -> Self {
        Self(format!("t-{}", uuid::Uuid::new_v4().simple()).into())
    }
}

/// An actor's display name. Personal data: never log it.
#[derive(Clone, PartialEq, Eq)]
pub struct Name(String);

impl Name {
    /// Parses a name: trimmed, not empty, at most 200 characters, no control or bidirectional
    /// control characters, and something visible in it.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        use super::text::{TextProblem, check_visible};
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(DomainError::EmptyName);
        }
        if trimmed.chars().count() > MAX_NAME_CHARS {
            return Err(DomainError::InvalidName);
        }
        match check_visible(trimmed) {
            Ok(()) => Ok(Self(trimmed.to_owned())),
            Err(TextProblem::Control) => Err(DomainError::InvalidName),
            Err(TextProblem::Bidi) => Err(DomainError::BidiControl("a name")),
            Err(TextProblem::Invisible) => Err(DomainError::InvisibleName),
        }
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Name {
    // Debug output ends up in logs and panics: keep the person out of it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Name(..)")
    }
}

/// An ISO 639-3 language code such as `tir` (Tigrinya) or `ara` (Arabic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language([u8; 3]);

impl Language {
    /// Parses a code of exactly three lowercase ASCII letters. Only the shape is checked, not
    /// membership of the ISO list, so that new or local codes are not refused.
    ///
    /// ```
    /// use relaymap::domain::Language;
    ///
    /// assert_eq!(Language::parse("tir").unwrap().as_str(), "tir");
    /// assert!(Language::parse("ti").is_err()); // ISO 639-1 codes are not accepted
    /// ```
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let bytes = raw.as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_lowercase) {
            Ok(Self([bytes[0], bytes[1], bytes[2]]))
        } else {
            Err(DomainError::InvalidLanguage(raw.chars().take(16).collect()))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a language is three ASCII letters")
    }

    /// The language's English name from the ISO 639-3 tables, if the code is in them.
    ///
    /// ```
    /// use relaymap::domain::Language;
    ///
    /// assert_eq!(Language::parse("tir").unwrap().english_name(), Some("Tigrinya"));
    /// assert_eq!(Language::parse("qqq").unwrap().english_name(), None);
    /// ```
    pub fn english_name(&self) -> Option<&'static str> {
        isolang::Language::from_639_3(self.as_str()).map(|l| l.to_name())
    }

    /// The language whose code or English name (any letter case) this is: `tir`, `Tigrinya`
    /// and `tigrinya` are all Tigrinya.
    ///
    /// ```
    /// use relaymap::domain::Language;
    ///
    /// assert_eq!(Language::from_code_or_name("Arabic").unwrap().as_str(), "ara");
    /// assert_eq!(Language::from_code_or_name(" tir ").unwrap().as_str(), "tir");
    /// assert!(Language::from_code_or_name("Klingonish").is_err());
    /// ```
    pub fn from_code_or_name(raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim();
        if let Ok(language) = Self::parse(text) {
            return Ok(language);
        }
        isolang::Language::from_name_lowercase(&text.to_lowercase())
            .and_then(|l| Self::parse(l.to_639_3()).ok())
            .ok_or_else(|| DomainError::InvalidLanguage(text.chars().take(32).collect()))
    }
}

impl utoipa::PartialSchema for Language {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        text_schema("^[a-z]{3}$", "an ISO 639-3 code")
    }
}

impl utoipa::ToSchema for Language {}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Language {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// The languages an actor speaks or works in, the first being their first language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Languages(Vec<Language>);

impl Languages {
    /// Parses a list of codes, keeping their order; a code listed twice is refused.
    pub fn parse<S: AsRef<str>>(raw: &[S]) -> Result<Self, DomainError> {
        let mut languages = Vec::with_capacity(raw.len());
        for code in raw {
            let language = Language::parse(code.as_ref().trim())?;
            if languages.contains(&language) {
                return Err(DomainError::DuplicateLanguage(language.to_string()));
            }
            languages.push(language);
        }
        Ok(Self(languages))
    }

    /// The first language, if any.
    pub fn first(&self) -> Option<Language> {
        self.0.first().copied()
    }

    /// Every language, first language first.
    pub fn as_slice(&self) -> &[Language] {
        &self.0
    }

    /// Whether the two lists share a language.
    pub fn shares_any(&self, other: &Languages) -> bool {
        self.0.iter().any(|l| other.0.contains(l))
    }
}

/// A way a message can travel.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Face to face.
    InPerson,
    /// Voice calls.
    Phone,
    /// Text messages.
    Sms,
    /// WhatsApp messages.
    Whatsapp,
    /// Radio broadcasts or two-way radio.
    Radio,
    /// Social media posts and groups.
    SocialMedia,
    /// E-mail.
    Email,
}

impl AsRef<str> for Channel {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Channel {
    /// Every channel, in the order relaymap lists them.
    pub const ALL: [Channel; 7] = [
        Channel::InPerson,
        Channel::Phone,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Radio,
        Channel::SocialMedia,
        Channel::Email,
    ];

    /// The channel's name as written in documents (`in_person`, `whatsapp`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::Phone => "phone",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Radio => "radio",
            Channel::SocialMedia => "social_media",
            Channel::Email => "email",
        }
    }

    /// Parses a channel name.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == raw)
            .ok_or_else(|| DomainError::UnknownChannel(raw.chars().take(24).collect()))
    }
}

/// A set of channels, kept in the canonical order of [`Channel::ALL`] without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Channels(Vec<Channel>);

impl Channels {
    /// Parses channel names; repeats collapse, order becomes canonical.
    pub fn parse<S: AsRef<str>>(raw: &[S]) -> Result<Self, DomainError> {
        let mut channels = raw
            .iter()
            .map(|c| Channel::parse(c.as_ref().trim()))
            .collect::<Result<Vec<_>, _>>()?;
        channels.sort();
        channels.dedup();
        Ok(Self(channels))
    }

    /// Builds a set from known channels.
    pub fn new(mut channels: Vec<Channel>) -> Self {
        channels.sort();
        channels.dedup();
        Self(channels)
    }

    /// The channels in canonical order.
    pub fn as_slice(&self) -> &[Channel] {
        &self.0
    }
}

/// A WGS-84 position. For people, a precise location is personal data: never log it.
#[derive(Clone, Copy, PartialEq)]
pub struct Location {
    lat: f64,
    lon: f64,
}

impl Location {
    /// Parses a latitude in [-90, 90] and a longitude in [-180, 180].
    pub fn parse(lat: f64, lon: f64) -> Result<Self, DomainError> {
        if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
            return Err(DomainError::LatitudeOutOfRange);
        }
        if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
            return Err(DomainError::LongitudeOutOfRange);
        }
        Ok(Self { lat, lon })
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.lat
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lon
    }

    /// The centre of this location's cell in a grid of cells about `metres` on a side, so that
    /// everyone in one cell shares one position. Rows are `metres / 111 320` degrees of latitude
    /// from the south pole; within a row, columns are that many degrees divided by the cosine of
    /// the row's central latitude (at most 360°), from 180° W. A location moves at most about
    /// 0.71 × `metres`; snapping twice changes nothing.
    pub fn snapped(self, metres: f64) -> Location {
        const METRES_PER_DEGREE: f64 = 111_320.0;
        if !(metres.is_finite() && metres > 0.0) {
            return self;
        }
        let step = (metres / METRES_PER_DEGREE).min(180.0);
        let row = ((self.lat + 90.0) / step).floor();
        let lat = (-90.0 + (row + 0.5) * step).clamp(-90.0, 90.0);
        let lon_step = (step / lat.to_radians().cos().max(1e-6)).min(360.0);
        let column = ((self.lon + 180.0) / lon_step).floor();
        let lon = (-180.0 + (column + 0.5) * lon_step).clamp(-180.0, 180.0);
        Location { lat, lon }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Location(..)")
    }
}

/// How much a tie is trusted to carry a message, in (0, 1].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Trust(f64);

impl Trust {
    /// The trust of a tie when none is given.
    pub const DEFAULT: Trust = Trust(0.5);

    /// Parses a trust value: greater than 0 and at most 1.
    pub fn parse(value: f64) -> Result<Self, DomainError> {
        if value.is_finite() && value > 0.0 && value <= 1.0 {
            Ok(Self(value))
        } else {
            Err(DomainError::TrustOutOfRange)
        }
    }

    /// The value.
    pub fn value(self) -> f64 {
        self.0
    }
}

/// A small free JSON object of extra facts about an actor. May hold personal data.
#[derive(Clone, PartialEq, Default)]
pub struct Attributes(serde_json::Map<String, serde_json::Value>);

impl Attributes {
    /// Parses attributes: a JSON object of at most 4096 bytes once serialised.
    pub fn parse(value: serde_json::Value) -> Result<Self, DomainError> {
        let serde_json::Value::Object(map) = value else {
            return Err(DomainError::AttributesNotObject);
        };
        let size = serde_json::to_vec(&map)
            .map(|v| v.len())
            .unwrap_or(usize::MAX);
        if size > MAX_ATTRIBUTES_BYTES {
            return Err(DomainError::AttributesTooLarge);
        }
        Ok(Self(map))
    }

    /// The object.
    pub fn as_map(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.0
    }
}

impl fmt::Debug for Attributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Attributes({} keys)", self.0.len())
    }
}

/// A free-text note on a tie. May hold personal data: never log it.
#[derive(Clone, PartialEq, Eq)]
pub struct Note(String);

impl Note {
    /// Parses a note: trimmed, at most 2000 characters, line breaks and tabs but no other
    /// control characters, no bidirectional control characters; an empty note is no note.
    pub fn parse(raw: &str) -> Result<Option<Self>, DomainError> {
        use super::text::{TextProblem, check_note, is_invisible};
        let trimmed = raw.trim();
        if trimmed.chars().all(is_invisible) {
            return Ok(None);
        }
        if trimmed.chars().count() > MAX_NOTE_CHARS {
            return Err(DomainError::NoteTooLong);
        }
        match check_note(trimmed) {
            Ok(()) => Ok(Some(Self(trimmed.to_owned()))),
            Err(TextProblem::Bidi) => Err(DomainError::BidiControl("a note")),
            Err(_) => Err(DomainError::Malformed(
                "a note may break lines but hold no other control characters".into(),
            )),
        }
    }

    /// The note as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Note(..)")
    }
}

/// Parses a calendar date written `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<Date, DomainError> {
    Date::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::InvalidDate(raw.chars().take(24).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_allow_url_safe_characters_only() {
        assert!(ActorId::parse("m-0001").is_ok());
        assert!(ActorId::parse("org:red.cross_1").is_ok());
        for bad in ["", "has space", "slash/id", "é", &"x".repeat(65)] {
            assert_eq!(ActorId::parse(bad), Err(DomainError::InvalidId), "{bad:?}");
        }
    }

    #[test]
    fn languages_are_three_lowercase_letters_without_repeats() {
        let parsed = Languages::parse(&["tir", "ara"]).unwrap();
        assert_eq!(parsed.first().unwrap().as_str(), "tir");
        for bad in ["TIR", "ti", "tirr", "t1r", ""] {
            assert!(matches!(
                Language::parse(bad),
                Err(DomainError::InvalidLanguage(_))
            ));
        }
        assert!(matches!(
            Languages::parse(&["tir", "tir"]),
            Err(DomainError::DuplicateLanguage(_))
        ));
    }

    #[test]
    fn channels_collapse_repeats_into_canonical_order() {
        let parsed = Channels::parse(&["sms", "in_person", "sms"]).unwrap();
        assert_eq!(parsed.as_slice(), &[Channel::InPerson, Channel::Sms]);
        assert!(matches!(
            Channels::parse(&["pigeon"]),
            Err(DomainError::UnknownChannel(_))
        ));
    }

    #[test]
    fn trust_is_above_zero_and_at_most_one() {
        assert!(Trust::parse(1.0).is_ok());
        assert!(Trust::parse(0.01).is_ok());
        for bad in [0.0, -0.1, 1.0001, f64::NAN, f64::INFINITY] {
            assert_eq!(Trust::parse(bad), Err(DomainError::TrustOutOfRange));
        }
    }

    #[test]
    fn locations_stay_on_the_globe() {
        assert!(Location::parse(90.0, -180.0).is_ok());
        assert_eq!(
            Location::parse(90.5, 0.0),
            Err(DomainError::LatitudeOutOfRange)
        );
        assert_eq!(
            Location::parse(0.0, 180.5),
            Err(DomainError::LongitudeOutOfRange)
        );
    }

    #[test]
    fn snapping_moves_a_location_to_its_cell_centre_nearby() {
        // Great-circle distance in metres.
        let metres = |a: Location, b: Location| {
            let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
            let dp = p2 - p1;
            let dl = (b.lon - a.lon).to_radians();
            let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
            2.0 * 6_371_000.0 * h.sqrt().asin()
        };
        let mut rng = crate::rng::Rng::new(5);
        for _ in 0..2000 {
            let lat = rng.unit() * 160.0 - 80.0;
            let lon = rng.unit() * 360.0 - 180.0;
            let at = Location::parse(lat, lon).unwrap();
            for grid in [100.0, 1000.0] {
                let cell = at.snapped(grid);
                assert!(metres(at, cell) < 0.75 * grid, "{lat},{lon} moved too far");
                assert!(cell != at);
                assert_eq!(cell.snapped(grid), cell, "snapping twice changes nothing");
                assert!(Location::parse(cell.lat, cell.lon).is_ok());
            }
        }
        // Two homes in one street share one cell; a home 2 km away does not.
        let home = Location::parse(44.4301, 26.1001).unwrap();
        let next_door = Location::parse(44.4302, 26.1002).unwrap();
        let far = Location::parse(44.4481, 26.1001).unwrap();
        assert_eq!(home.snapped(1000.0), next_door.snapped(1000.0));
        assert_ne!(home.snapped(1000.0), far.snapped(1000.0));
        assert_eq!(home.snapped(0.0), home, "0 keeps the location");
    }

    #[test]
    fn debug_output_hides_personal_data() {
        let name = Name::parse("Amanuel Tesfay").unwrap();
        let location = Location::parse(43.1, 5.2).unwrap();
        assert!(!format!("{name:?}{location:?}").contains("Amanuel"));
        assert!(!format!("{location:?}").contains("43.1"));
    }

    #[test]
    fn attributes_must_be_a_small_object() {
        assert!(Attributes::parse(serde_json::json!({"a": 1})).is_ok());
        assert_eq!(
            Attributes::parse(serde_json::json!([1])),
            Err(DomainError::AttributesNotObject)
        );
        let big = serde_json::json!({ "x": "y".repeat(5000) });
        assert_eq!(Attributes::parse(big), Err(DomainError::AttributesTooLarge));
    }
}
