//! The CSV form of the document: `actors.csv` and `ties.csv`, columns in any order, list cells
//! separated by `;`, and an optional second row of HXL hashtags (`#x_actor+id`, ...), which is
//! recognised and skipped.

use std::collections::HashMap;
use std::io::Read;

use super::{ActorRecord, ConsentRecord, DocumentError, LocationRecord, Record, TieRecord};
use crate::domain::{Batch, DomainError, RowError, RowRef, WriteMode};

/// The columns `actors.csv` may have; `kind` and `name` are required.
pub const ACTOR_COLUMNS: [&str; 13] = [
    "id",
    "kind",
    "name",
    "languages",
    "lat",
    "lon",
    "city",
    "channels",
    "consent",
    "consent_purposes",
    "consent_recorded_on",
    "consent_recorded_by",
    "consent_expires",
];
const ACTOR_REQUIRED: [&str; 2] = ["kind", "name"];

/// The columns `ties.csv` may have; `source`, `target` and `kind` are required.
pub const TIE_COLUMNS: [&str; 8] = [
    "id",
    "source",
    "target",
    "kind",
    "trust",
    "channels",
    "last_verified",
    "note",
];
const TIE_REQUIRED: [&str; 3] = ["source", "target", "kind"];

/// Whether a spreadsheet would take a cell starting with `c` for a formula (OWASP's list).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A text cell as every CSV relaymap writes it: a cell that a spreadsheet would run as a formula
/// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` in front, which
/// spreadsheets show as text; so does a cell that already starts with `'` and then one of those,
/// so that the importer, which takes one such quote off, reads back exactly what was written.
/// Numbers are written as numbers and never pass through here.
///
/// ```
/// use relaymap::document::spreadsheet_safe;
///
/// assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(spreadsheet_safe("Selam"), "Selam");
/// assert_eq!(spreadsheet_safe("'=1"), "''=1");
/// ```
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars();
    let risky = match chars.next() {
        Some(c) if starts_formula(c) => true,
        Some('\'') => chars.next().is_some_and(|c| starts_formula(c) || c == '\''),
        _ => false,
    };
    if risky {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The inverse of [`spreadsheet_safe`] on a read cell: one leading `'` before a formula
/// character (or before another such quote) comes off.
fn unquote(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .chars()
                .next()
                .is_some_and(|c| starts_formula(c) || c == '\'') =>
        {
            rest
        }
        _ => cell,
    }
}

/// A CSV file to read, with the name used in error reports.
pub struct CsvFile<R> {
    /// The name shown in error reports (`actors`, `actors.csv`, ...).
    pub name: String,
    /// The bytes.
    pub reader: R,
}

/// What CSV files held: the batch, and what was left out.
#[derive(Debug)]
pub struct CsvRead {
    /// The records.
    pub batch: Batch,
    /// What was left out, in words (the metric columns of an export).
    pub notes: Vec<String>,
}

/// Reads `actors.csv` and/or `ties.csv` into a batch. Columns named in `ignored` (the metric
/// columns an export appends) are left out with a note.
///
/// # Returns
/// The batch, or every bad row of both files (line numbers count the header as line 1).
pub fn read_csv<A: Read, T: Read>(
    actors: Option<CsvFile<A>>,
    ties: Option<CsvFile<T>>,
    mode: WriteMode,
    ignored: &[&str],
) -> Result<CsvRead, DocumentError> {
    let mut batch = Batch::new(mode);
    let mut errors = Vec::new();
    let mut left_out = Vec::new();
    if let Some(file) = actors {
        let columns = Columns {
            known: &ACTOR_COLUMNS,
            required: &ACTOR_REQUIRED,
            ignored,
        };
        left_out.extend(read_rows(
            file,
            &columns,
            actor_record,
            &mut batch,
            &mut errors,
        ));
    }
    if let Some(file) = ties {
        let columns = Columns {
            known: &TIE_COLUMNS,
            required: &TIE_REQUIRED,
            ignored,
        };
        left_out.extend(read_rows(
            file,
            &columns,
            tie_record,
            &mut batch,
            &mut errors,
        ));
    }
    if !errors.is_empty() {
        return Err(DocumentError::Rows(errors));
    }
    left_out.sort();
    left_out.dedup();
    let notes = if left_out.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "metric columns left out (relaymap computes them): {}",
            left_out.join(", ")
        )]
    };
    Ok(CsvRead { batch, notes })
}

/// The cells of one row, looked up by column name.
struct Cells<'a> {
    columns: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Cells<'_> {
    /// A cell's text, trimmed, with the quote that [`spreadsheet_safe`] put in front taken off.
    fn get(&self, column: &str) -> Option<&str> {
        let index = *self.columns.get(column)?;
        self.record
            .get(index)
            .map(|cell| unquote(cell.trim()))
            .filter(|s| !s.is_empty())
    }

    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|cell| {
                cell.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The columns a file may and must have, and those it may have that are left out.
struct Columns<'a> {
    known: &'a [&'a str],
    required: &'a [&'a str],
    ignored: &'a [&'a str],
}

/// Reads one file's rows into the batch, every bad one into `errors`; returns the names of
/// the columns left out.
fn read_rows<R: Read, T: Record>(
    file: CsvFile<R>,
    Columns {
        known,
        required,
        ignored,
    }: &Columns,
    to_record: fn(&RowRef, &Cells) -> (T, Vec<RowError>),
    batch: &mut Batch,
    errors: &mut Vec<RowError>,
) -> Vec<String> {
    let mut left_out = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(file.reader);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            errors.push(csv_error(&file.name, 1, &error));
            return left_out;
        }
        None => {
            let reason = DomainError::Malformed("the file is empty: a header row is needed".into());
            errors.push(RowError::new(&RowRef::new(&file.name, 1), "header", reason));
            return left_out;
        }
    };
    let mut columns = HashMap::new();
    let header_row = RowRef::new(&file.name, 1);
    for (index, raw) in header.iter().enumerate() {
        let name = raw
            .trim()
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase();
        if ignored.contains(&name.as_str()) {
            left_out.push(name);
        } else if !known.contains(&name.as_str()) {
            errors.push(RowError::new(
                &header_row,
                "header",
                DomainError::UnknownColumn(name),
            ));
        } else if columns.insert(name.clone(), index).is_some() {
            let reason = DomainError::Malformed(format!("column {name:?} appears twice"));
            errors.push(RowError::new(&header_row, "header", reason));
        }
    }
    for column in required.iter() {
        if !columns.contains_key(*column) {
            errors.push(RowError::new(&header_row, *column, DomainError::Missing));
        }
    }
    if errors.iter().any(|e| e.file == file.name && e.line == 1) {
        return left_out;
    }
    let mut first = true;
    for result in records {
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                errors.push(csv_error(&file.name, line, &error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if std::mem::take(&mut first) && is_hxl_row(&record) {
            continue;
        }
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = RowRef::new(&file.name, line);
        if record.len() != header.len() {
            let reason = DomainError::Malformed(format!(
                "the row has {} cells but the header has {}",
                record.len(),
                header.len()
            ));
            errors.push(RowError::new(&row, "row", reason));
            continue;
        }
        let cells = Cells {
            columns: &columns,
            record: &record,
        };
        let (parsed, mut row_errors) = to_record(&row, &cells);
        // A row with a bad cell is still parsed, to report all its errors at once; the batch is
        // dropped anyway when any row has an error.
        if let Err(more) = parsed.add_to(batch, &row) {
            row_errors.extend(more);
        }
        errors.extend(row_errors);
    }
    left_out
}

fn csv_error(file: &str, line: usize, error: &csv::Error) -> RowError {
    let reason = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
        _ => "the row is not valid CSV".to_owned(),
    };
    RowError::new(
        &RowRef::new(file, line),
        "row",
        DomainError::Malformed(reason),
    )
}

/// An HXL hashtag row: every non-empty cell starts with `#`, and at least one is non-empty.
fn is_hxl_row(record: &csv::StringRecord) -> bool {
    let mut cells = record
        .iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .peekable();
    cells.peek().is_some() && cells.all(|c| c.starts_with('#'))
}

fn number(row: &RowRef, cells: &Cells, column: &str, errors: &mut Vec<RowError>) -> Option<f64> {
    let raw = cells.get(column)?;
    match raw.parse::<f64>() {
        Ok(value) => Some(value),
        Err(_) => {
            let reason = DomainError::NotANumber(raw.chars().take(24).collect());
            errors.push(RowError::new(row, column, reason));
            None
        }
    }
}

fn actor_record(row: &RowRef, cells: &Cells) -> (ActorRecord, Vec<RowError>) {
    let mut errors = Vec::new();
    let lat = number(row, cells, "lat", &mut errors);
    let lon = number(row, cells, "lon", &mut errors);
    let location = match (lat, lon, cells.get("lat"), cells.get("lon")) {
        (Some(lat), Some(lon), _, _) => Some(LocationRecord { lat, lon }),
        (None, None, None, None) => None,
        (_, _, Some(_), None) => {
            errors.push(RowError::new(row, "lon", DomainError::HalfLocation));
            None
        }
        (_, _, None, Some(_)) => {
            errors.push(RowError::new(row, "lat", DomainError::HalfLocation));
            None
        }
        _ => None, // a number error is already reported
    };
    let consent = match cells.get("consent").map(str::to_ascii_lowercase).as_deref() {
        None | Some("false" | "no" | "0") => false,
        Some("true" | "yes" | "1") => true,
        Some(other) => {
            let reason = DomainError::NotABoolean(other.chars().take(24).collect());
            errors.push(RowError::new(row, "consent", reason));
            false
        }
    };
    // Purposes (or any other consent column) make a consent record, which rules over the
    // yes/no `consent`, as in the JSON document.
    let purposes = cells.list("consent_purposes");
    let consent_record = (!purposes.is_empty()
        || [
            "consent_recorded_on",
            "consent_recorded_by",
            "consent_expires",
        ]
        .iter()
        .any(|c| cells.get(c).is_some()))
    .then(|| ConsentRecord {
        purposes,
        recorded_on: cells.get("consent_recorded_on").map(String::from),
        recorded_by: cells.get("consent_recorded_by").map(String::from),
        expires: cells.get("consent_expires").map(String::from),
    });
    let record = ActorRecord {
        id: cells.get("id").map(String::from),
        kind: cells.get("kind").map(String::from),
        name: cells.get("name").map(String::from),
        languages: cells.list("languages"),
        location,
        city: cells.get("city").map(String::from),
        channels: cells.list("channels"),
        consent,
        consent_record,
        ..Default::default()
    };
    (record, errors)
}

fn tie_record(row: &RowRef, cells: &Cells) -> (TieRecord, Vec<RowError>) {
    let mut errors = Vec::new();
    let trust = number(row, cells, "trust", &mut errors);
    let record = TieRecord {
        id: cells.get("id").map(String::from),
        source: cells.get("source").map(String::from),
        target: cells.get("target").map(String::from),
        kind: cells.get("kind").map(String::from),
        trust,
        channels: cells.list("channels"),
        last_verified: cells.get("last_verified").map(String::from),
        note: cells.get("note").map(String::from),
        ..Default::default()
    };
    (record, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(actors: &str, ties: &str) -> Result<Batch, DocumentError> {
        read_csv(
            Some(CsvFile {
                name: "actors.csv".into(),
                reader: actors.as_bytes(),
            }),
            Some(CsvFile {
                name: "ties.csv".into(),
                reader: ties.as_bytes(),
            }),
            WriteMode::Upsert,
            &[],
        )
        .map(|read| read.batch)
    }

    #[test]
    fn columns_may_come_in_any_order_and_an_hxl_row_is_skipped() {
        let actors = "name,kind,id,languages,consent\n#x_name,#x_actor+kind,#x_actor+id,#language,\n\
                      Aster,migrant,m-1,tir;ara,yes\n";
        let ties = "kind,target,source,trust\n,#x_target,#x_source,#x_trust\n";
        let batch = read(actors, ties).unwrap();
        assert_eq!(batch.actors.len(), 1);
        let actor = &batch.actors[0].value;
        assert_eq!(actor.id.as_str(), "m-1");
        assert_eq!(actor.languages.as_slice().len(), 2);
        assert_eq!(actor.consent, crate::domain::Consent::every_purpose());
        assert_eq!(batch.actors[0].row.line, 3);
    }

    #[test]
    fn consent_columns_record_purposes_dates_and_expiry() {
        let actors = "id,kind,name,consent,consent_purposes,consent_recorded_on,consent_expires
                      m-1,migrant,A,yes,warnings;research,2026-01-05,2027-01-05
                      m-2,migrant,B,no,,,
                      m-3,migrant,C,yes,warnings;gossip,,
";
        let ties = "source,target,kind\n";
        let Err(DocumentError::Rows(errors)) = read(actors, ties) else {
            panic!("an unknown purpose is refused");
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (errors[0].line, errors[0].field.as_str()),
            (4, "consent_record")
        );
        let batch = read(&actors[..actors.rfind("m-3").unwrap()], ties).unwrap();
        let first = &batch.actors[0].value.consent;
        let day = |raw| crate::domain::parse_date(raw).unwrap();
        assert!(first.covers(crate::domain::Purpose::Research, day("2026-12-01")));
        assert!(!first.covers(crate::domain::Purpose::Partners, day("2026-12-01")));
        assert!(!first.given(day("2027-01-05")));
        assert_eq!(
            batch.actors[1].value.consent,
            crate::domain::Consent::none()
        );
    }

    #[test]
    fn bad_cells_are_reported_with_file_line_and_column() {
        let actors = "id,kind,name,lat,lon\nm-1,migrant,A,43.1,\nm-2,migrant,B,north,5\n";
        let ties = "id,source,target,kind,trust\nt-1,m-1,m-2,knows,1.5\n";
        let Err(DocumentError::Rows(errors)) = read(actors, ties) else {
            panic!("expected rows")
        };
        let places: Vec<(&str, usize, &str)> = errors
            .iter()
            .map(|e| (e.file.as_str(), e.line, e.field.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("actors.csv", 2, "lon"),
                ("actors.csv", 3, "lat"),
                ("ties.csv", 2, "trust")
            ]
        );
    }

    #[test]
    fn an_unknown_or_missing_column_rejects_the_header() {
        let Err(DocumentError::Rows(errors)) = read("id,kind,nom\n", "source,target,kind\n") else {
            panic!("expected rows")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["header", "name"]);
    }
}
