//! The import/export document: `{"actors": [...], "ties": [...]}` in JSON, or two CSV files;
//! and graph files (GraphML, GEXF, node-link JSON, the CSV zip) read back into the same batch.
//!
//! Readers turn bytes into a [`Batch`] and report every bad row (file, line, field, reason);
//! they never stop at the first. The writer produces the JSON document from a [`Network`], in a
//! shape that reads back into the same network. No store access here.

mod csv;
mod graph;
mod json;
mod network_canvas;
mod records;
mod xlsform;
mod xlsx;

pub use self::csv::{ACTOR_COLUMNS, CsvFile, CsvRead, TIE_COLUMNS, read_csv, spreadsheet_safe};
pub use self::graph::{GraphImport, read_graph};
pub use self::json::{RawDocument, parse_record, read_json, write_json, write_records};
pub use self::network_canvas::{Mapping, NodeMapping, Variables, is_network_canvas};
pub use self::records::{ActorRecord, ConsentRecord, LocationRecord, Record, TieRecord};
pub use self::xlsform::{FIELDS, NAMED, Submission, read_submissions, xlsform};
pub use self::xlsx::{Sheet, read_xlsx, write_xlsx};

use crate::domain::RowError;

/// Why a document was refused.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The document as a whole cannot be read (not JSON, not an object, unreadable file).
    #[error("{0}")]
    Malformed(String),
    /// Some rows break the rules; nothing may be written.
    #[error("{} bad row(s); nothing was written", .0.len())]
    Rows(Vec<RowError>),
}
