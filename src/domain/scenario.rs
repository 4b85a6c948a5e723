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
