//! The JSON document and single JSON records.

use std::io::{self, Write};

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::{ActorRecord, DocumentError, Record, TieRecord};
use crate::domain::{Batch, DomainError, Network, RowError, RowRef, WriteMode};

/// The import document: actors and ties, each record read on its own so that every bad one is
/// reported.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Document)]
pub struct RawDocument<'a> {
    /// The actors, cities before the actors that name them.
    #[serde(default, borrow)]
    #[schema(value_type = Vec<ActorRecord>)]
    actors: Vec<&'a RawValue>,
    /// The ties between the actors, stored or in this document.
    #[serde(default, borrow)]
    #[schema(value_type = Vec<TieRecord>)]
    ties: Vec<&'a RawValue>,
}

/// Reads the JSON document into a batch.
///
/// # Returns
/// The batch, or [`DocumentError::Malformed`] when the text is not a document at all, or
/// [`DocumentError::Rows`] with every bad row (`line` is the 1-based position in its array).
pub fn read_json(text: &str, mode: WriteMode) -> Result<Batch, DocumentError> {
    let document: RawDocument = serde_json::from_str(text).map_err(|e| {
        DocumentError::Malformed(format!(
            "not an import document {{\"actors\": [...], \"ties\": [...]}}: {e}"
        ))
    })?;
    let mut batch = Batch::new(mode);
    let mut errors = Vec::new();
    read_records::<ActorRecord>(&document.actors, "actors", &mut batch, &mut errors);
    read_records::<TieRecord>(&document.ties, "ties", &mut batch, &mut errors);
    if errors.is_empty() {
        Ok(batch)
    } else {
        Err(DocumentError::Rows(errors))
    }
}

fn read_records<R: Record>(
    raws: &[&RawValue],
    file: &str,
    batch: &mut Batch,
    errors: &mut Vec<RowError>,
) {
    let file: std::sync::Arc<str> = file.into();
    for (index, raw) in raws.iter().enumerate() {
        let row = RowRef::new(file.clone(), index + 1);
        let added = parse_record::<R>(raw.get(), &row)
            .map_err(|e| vec![e])
            .and_then(|r| r.add_to(batch, &row));
        if let Err(row_errors) = added {
            errors.extend(row_errors);
        }
    }
}

/// Deserialises one JSON record, naming the field at fault when its shape is wrong (a string
/// where a number belongs, an unknown field, ...).
pub fn parse_record<T: DeserializeOwned>(text: &str, row: &RowRef) -> Result<T, RowError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        row_error(row, (path != ".").then_some(path), error.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|error| row_error(row, None, error))?;
    Ok(value)
}

fn row_error(row: &RowRef, path: Option<String>, error: serde_json::Error) -> RowError {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the row reference already says where.
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    };
    // A key that is empty or blank names nothing a person could find: the record is at fault.
    let field = path
        .filter(|p| !p.trim().is_empty())
        .or_else(|| backticked(&message).map(str::to_owned))
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| "record".to_owned());
    RowError::new(row, field, DomainError::Malformed(message))
}

fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(&message[start..end])
}

/// Writes the network as the JSON import document, record by record, followed by a newline.
/// Importing the output into an empty store and exporting again gives the same bytes.
pub fn write_json(network: &Network, out: impl Write) -> io::Result<()> {
    write_records(
        network.actors.iter().map(|a| &**a),
        network.ties.iter().map(|t| &**t),
        out,
    )
}

/// Writes actors and ties as the JSON import document, record by record (never a copy of the
/// whole), followed by a newline.
pub fn write_records<'a>(
    actors: impl Iterator<Item = &'a crate::domain::StoredActor>,
    ties: impl Iterator<Item = &'a crate::domain::StoredTie>,
    mut out: impl Write,
) -> io::Result<()> {
    out.write_all(b"{\"actors\":[")?;
    for (i, actor) in actors.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut out, &ActorRecord::from(actor))?;
    }
    out.write_all(b"],\"ties\":[")?;
    for (i, tie) in ties.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut out, &TieRecord::from(tie))?;
    }
    out.write_all(b"]}\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_where_a_number_belongs_names_the_field() {
        let row = RowRef::new("ties", 3);
        let error = parse_record::<TieRecord>(r#"{"trust": "high"}"#, &row).unwrap_err();
        assert_eq!(error.field, "trust");
        assert_eq!(error.line, 3);
    }

    #[test]
    fn an_unknown_field_is_named() {
        let row = RowRef::new("actors", 1);
        let error = parse_record::<ActorRecord>(r#"{"nmae": "x"}"#, &row).unwrap_err();
        assert_eq!(error.field, "nmae");
    }

    #[test]
    fn every_bad_row_of_a_document_is_reported() {
        let text = r#"{"actors": [
            {"id": "m-1", "kind": "migrant", "name": "A"},
            {"id": "m-2", "kind": "martian", "name": "B"},
            {"id": "m-3", "kind": "migrant", "name": "C", "languages": ["xx"]}
        ], "ties": [{"source": "m-1", "target": "m-3", "kind": "knows", "trust": 2}]}"#;
        let Err(DocumentError::Rows(errors)) = read_json(text, WriteMode::Upsert) else {
            panic!("expected row errors");
        };
        let places: Vec<(&str, usize, &str)> = errors
            .iter()
            .map(|e| (e.file.as_str(), e.line, e.field.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("actors", 2, "kind"),
                ("actors", 3, "languages"),
                ("ties", 1, "trust")
            ]
        );
    }

    #[test]
    fn text_that_is_not_a_document_is_malformed() {
        assert!(matches!(
            read_json("[1,2]", WriteMode::Upsert),
            Err(DocumentError::Malformed(_))
        ));
        assert!(matches!(
            read_json("{", WriteMode::Upsert),
            Err(DocumentError::Malformed(_))
        ));
    }
}
