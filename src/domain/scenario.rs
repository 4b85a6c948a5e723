//! Crisis scenarios saved by name: a coverage query (kept as the JSON the scenario page sends) to
//! rerun after the network changes.

use super::{DomainError, Timestamp};

/// A saved crisis scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Unique: 1 to 100 characters, no control characters.
    pub name: String,
    /// The query, as the JSON body of `POST /api/v1/coverage` (checked before it is saved).
    pub query: String,
    /// The label of the token that saved it.
    pub saved_by: String,
    /// When it was saved.
    pub saved_at: Timestamp,
}

/// A Network Canvas import mapping saved by name, to read each new export of a study the same
/// way (graph-schema/README.md, "Network Canvas"). Its JSON is checked before it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedMapping {
    /// Unique, as a scenario's name is.
    pub name: String,
    /// The mapping, as JSON.
    pub body: String,
    /// The label of the token that saved it.
    pub saved_by: String,
    /// When it was saved.
    pub saved_at: Timestamp,
}

/// A row of saved text as the stores keep it: name, text, saved_by, saved_at.
pub type SavedRow = (String, String, String, Timestamp);

impl From<SavedRow> for Scenario {
    fn from((name, query, saved_by, saved_at): SavedRow) -> Self {
        Self {
            name,
            query,
            saved_by,
            saved_at,
        }
    }
}

impl From<SavedRow> for SavedMapping {
    fn from((name, body, saved_by, saved_at): SavedRow) -> Self {
        Self {
            name,
            body,
            saved_by,
            saved_at,
        }
    }
}

impl Scenario {
    /// Checks a scenario name: trimmed, 1 to 100 characters, no control characters.
    pub fn parse_name(raw: &str) -> Result<String, DomainError> {
        let name = raw.trim();
        let length = name.chars().count();
        if !(1..=100).contains(&length) || super::text::check_visible(name).is_err() {
            return Err(DomainError::Malformed(
                "a scenario name has 1 to 100 characters, something visible, and no control or bidirectional control characters".into(),
            ));
        }
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Scenario;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            Scenario::parse_name("  Harbour flood ").unwrap(),
            "Harbour flood"
        );
        assert!(Scenario::parse_name("").is_err());
        assert!(Scenario::parse_name(&"x".repeat(101)).is_err());
        assert!(Scenario::parse_name("a\\nb").is_ok() && Scenario::parse_name("a\nb").is_err());
    }
}
