//! What the pages' forms share: the values as typed, and a refused change's errors next to the
//! fields they are about, in the page's own words (GOV.UK's error summary and error messages).

use std::collections::{BTreeMap, HashMap};

use crate::domain::RowError;
use crate::http::ApiError;

/// A form's fields as typed, by name.
pub(crate) type Typed = HashMap<String, String>;

/// A field as typed, trimmed; empty when absent.
pub(crate) fn text(form: &Typed, name: &str) -> String {
    form.get(name)
        .map_or(String::new(), |v| v.trim().to_owned())
}

/// A form's list field: comma- or semicolon-separated, blanks dropped (as in the CSV files).
pub(crate) fn list(raw: &str) -> Vec<String> {
    raw.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Why a form's change was refused: a message per field (the first for each), in the order the
/// form shows its fields, and those about nothing the form shows.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldErrors {
    by_field: BTreeMap<String, String>,
    other: Vec<String>,
}

impl FieldErrors {
    /// No error.
    pub(crate) fn none() -> Self {
        Self::default()
    }

    /// Whether nothing was refused.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_field.is_empty() && self.other.is_empty()
    }

    /// Adds an error about a field of the form (the first one per field is kept).
    pub(crate) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.by_field
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    /// The error about a field, if any.
    pub(crate) fn of(&self, field: &str) -> Option<&str> {
        self.by_field.get(field).map(String::as_str)
    }

    /// Every message, for the summary at the top of the page: (field, message); the field is
    /// empty for what belongs to no field.
    pub(crate) fn summary(&self) -> Vec<(String, String)> {
        self.by_field
            .iter()
            .map(|(f, m)| (f.clone(), m.clone()))
            .chain(self.other.iter().map(|m| (String::new(), m.clone())))
            .collect()
    }

    /// The errors of a refused write, each put on the form's field of the same name, or on the
    /// field `rename` gives for it (`target` → `other`); an error that is not about a broken
    /// rule is passed on.
    pub(crate) fn of_refusal(
        error: ApiError,
        rename: impl Fn(&str) -> Option<&'static str>,
        fields: &[&str],
    ) -> Result<Self, ApiError> {
        let mut errors = Self::none();
        let mut put = |field: &str, message: String| {
            let field = rename(field).unwrap_or(field);
            if fields.contains(&field) {
                errors.add(field, message);
            } else {
                errors.other.push(message);
            }
        };
        match error {
            ApiError::Invalid(rows) | ApiError::ImportRejected(rows) => {
                for RowError { field, error, .. } in rows {
                    put(&field, sentence(&error.to_string()));
                }
            }
            ApiError::BadRequest { message, field, .. } => {
                put(field.as_deref().unwrap_or(""), sentence(&message));
            }
            error @ (ApiError::NotFound(_) | ApiError::Conflict(_)) => {
                errors.other.push(sentence(&error.to_string()));
            }
            other => return Err(other),
        }
        Ok(errors)
    }
}

/// A message as a sentence: a capital first letter and a full stop.
pub(crate) fn sentence(message: &str) -> String {
    let mut chars = message.trim().chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_lands_on_the_field_it_is_about_in_plain_words() {
        let row = crate::domain::RowRef::new("body", 1);
        let refused = ApiError::Invalid(vec![
            RowError::new(&row, "target", crate::domain::DomainError::Missing),
            RowError::new(&row, "trust", crate::domain::DomainError::TrustOutOfRange),
            RowError::new(&row, "id", crate::domain::DomainError::InvalidId),
        ]);
        let rename = |f: &str| (f == "target").then_some("other");

        let errors = FieldErrors::of_refusal(refused, rename, &["other", "trust"]).unwrap();

        assert_eq!(errors.of("other"), Some("This field is required."));
        assert!(errors.of("trust").unwrap().starts_with("Trust"));
        assert_eq!(
            errors.summary().len(),
            3,
            "the id's error belongs to no field"
        );
        assert!(!errors.summary()[2].1.contains("body line"));
    }
}
