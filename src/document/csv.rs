//! The CSV form of the document: `actors.csv` and `ties.csv`, columns in any order, list cells
//! separated by `;`, cells by `,` (or `;` or a tab, recognised), and columns named by their text
//! header or by a row of HXL hashtags (`#x_actor+id`, ...) found as libhxl finds it.

use std::collections::HashMap;
use std::io::Read;

use super::{ActorRecord, ConsentRecord, DocumentError, LocationRecord, Record, TieRecord};
use crate::domain::{Batch, DomainError, RowError, RowRef, WriteMode};

/// The columns `actors.csv` may have; `kind` and `name` are required.
pub const ACTOR_COLUMNS: [&str; 14] = [
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
    "pcode",
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

/// The HXL hashtags of the actors' columns: core HXL where it has the idea (`#geo`, `#language`,
/// `#adm1`...), `#x_` for relaymap's own. A city's administrative P-code (`#adm1+code`,
/// `#adm2+code`, `#adm3+code`) joins COD boundaries.
pub const ACTOR_HXL: [(&str, &str); 16] = [
    ("#x_actor+id", "id"),
    ("#x_actor+type", "kind"),
    ("#x_name", "name"),
    ("#language+code", "languages"),
    ("#geo+lat", "lat"),
    ("#geo+lon", "lon"),
    ("#x_city", "city"),
    ("#x_channel", "channels"),
    ("#x_consent", "consent"),
    ("#x_consent+purposes", "consent_purposes"),
    ("#x_consent+date", "consent_recorded_on"),
    ("#x_consent+recorder", "consent_recorded_by"),
    ("#x_consent+expires", "consent_expires"),
    ("#adm1+code", "pcode"),
    ("#adm2+code", "pcode"),
    ("#adm3+code", "pcode"),
];

/// The HXL hashtags of the ties' columns.
pub const TIE_HXL: [(&str, &str); 8] = [
    ("#x_tie+id", "id"),
    ("#x_source", "source"),
    ("#x_target", "target"),
    ("#x_tie+type", "kind"),
    ("#x_trust", "trust"),
    ("#x_channel", "channels"),
    ("#date+verified", "last_verified"),
    ("#x_note", "note"),
];

/// How many rows may come before the HXL hashtag row (title rows, a text header), as libhxl
/// looks for it.
const HXL_SCAN_ROWS: usize = 25;

/// A hashtag spec's tag and attributes, lower case: `#Geo +Lat` is (`geo`, {`lat`}).
fn hashtag(spec: &str) -> (String, Vec<String>) {
    let mut parts = spec
        .trim()
        .trim_start_matches('#')
        .split('+')
        .map(|p| p.trim().to_ascii_lowercase());
    let tag = parts.next().unwrap_or_default();
    let mut attributes: Vec<String> = parts.filter(|a| !a.is_empty()).collect();
    attributes.sort();
    (tag, attributes)
}

/// The column a hashtag stands for, as libhxl matches a pattern: same tag, the pattern's
/// attributes all present (others may be); the pattern with the most attributes wins.
fn column_of_hashtag<'h>(spec: &str, hxl: &[(&'h str, &'h str)]) -> Result<&'h str, DomainError> {
    let (tag, attributes) = hashtag(spec);
    let best = hxl
        .iter()
        .filter_map(|(pattern, column)| {
            let (want, wanted) = hashtag(pattern);
            (want == tag && wanted.iter().all(|a| attributes.contains(a)))
                .then_some((wanted.len(), *column))
        })
        .max_by_key(|(specific, _)| *specific);
    match best {
        Some((_, column)) => Ok(column),
        None if tag == "contact" => Err(DomainError::Malformed(format!(
            "{spec} holds contact details in HXL, which relaymap does not record: its channels \
             (how a person is reached: phone, whatsapp...) are #x_channel"
        ))),
        None => Err(DomainError::Malformed(format!(
            "unknown HXL hashtag {spec}: the columns' hashtags are {}",
            hxl.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// The cell delimiter of a file, from its first line: `;` (as spreadsheets write CSV where the
/// decimal mark is a comma, and KoboToolbox can) when it has semicolons and no commas, a tab
/// when it has tabs and neither, else `,`. The header row holds no lists, so a `;` there is one.
pub(super) fn sniff_delimiter(input: &mut impl std::io::BufRead) -> u8 {
    let Ok(buffer) = input.fill_buf() else {
        return b',';
    };
    let line = buffer.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    match (count(b','), count(b';'), count(b'\t')) {
        (0, semicolons, _) if semicolons > 0 => b';',
        (0, 0, tabs) if tabs > 0 => b'\t',
        _ => b',',
    }
}

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
    let mut notes = Vec::new();
    if let Some(file) = actors {
        let columns = Columns {
            known: &ACTOR_COLUMNS,
            required: &ACTOR_REQUIRED,
            ignored,
            hxl: &ACTOR_HXL,
        };
        let read = read_rows(
            file,
            &columns,
            actor_record,
            &mut batch,
            &mut errors,
            &mut notes,
        );
        left_out.extend(read);
    }
    if let Some(file) = ties {
        let columns = Columns {
            known: &TIE_COLUMNS,
            required: &TIE_REQUIRED,
            ignored,
            hxl: &TIE_HXL,
        };
        let read = read_rows(
            file,
            &columns,
            tie_record,
            &mut batch,
            &mut errors,
            &mut notes,
        );
        left_out.extend(read);
    }
    if !errors.is_empty() {
        return Err(DocumentError::Rows(errors));
    }
    left_out.sort();
    left_out.dedup();
    if !left_out.is_empty() {
        notes.insert(
            0,
            format!(
                "metric columns left out (relaymap computes them): {}",
                left_out.join(", ")
            ),
        );
    }
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

/// The columns a file may and must have, those it may have that are left out, and the HXL
/// hashtags of its columns.
struct Columns<'a> {
    known: &'a [&'a str],
    required: &'a [&'a str],
    ignored: &'a [&'a str],
    hxl: &'a [(&'a str, &'a str)],
}

/// Reads one file's rows into the batch, every bad one into `errors`; returns the names of
/// the columns left out.
fn read_rows<R: Read, T: Record>(
    file: CsvFile<R>,
    Columns {
        known,
        required,
        ignored,
        hxl,
    }: &Columns,
    to_record: fn(&RowRef, &Cells) -> (T, Vec<RowError>),
    batch: &mut Batch,
    errors: &mut Vec<RowError>,
    notes: &mut Vec<String>,
) -> Vec<String> {
    let mut left_out = Vec::new();
    let mut input = std::io::BufReader::new(file.reader);
    let delimiter = sniff_delimiter(&mut input);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(input);
    let mut records = reader.records();
    // The first rows, up to the HXL hashtag row when there is one (title rows may come first).
    let mut head: Vec<csv::StringRecord> = Vec::new();
    while head.len() < HXL_SCAN_ROWS && !head.last().is_some_and(is_hxl_row) {
        match records.next() {
            Some(Ok(record)) => head.push(record),
            Some(Err(error)) => {
                let line = error
                    .position()
                    .map_or(head.len() + 1, |p| p.line() as usize);
                errors.push(csv_error(&file.name, line, &error));
                return left_out;
            }
            None => break,
        }
    }
    let hashtags = head.last().filter(|r| is_hxl_row(r)).cloned();
    let (texts, mut rest) = match &hashtags {
        // The text header is the row right above the hashtags, if any.
        Some(_) => (
            head.len().checked_sub(2).map(|i| head[i].clone()),
            Vec::new(),
        ),
        None if head.is_empty() => {
            let reason = DomainError::Malformed("the file is empty: a header row is needed".into());
            errors.push(RowError::new(
                &RowRef::new(file.name.as_str(), 1),
                "header",
                reason,
            ));
            return left_out;
        }
        None => (Some(head.remove(0)), head),
    };
    let header_line =
        |record: &csv::StringRecord| record.position().map_or(1, |p| p.line() as usize);
    let header_row = RowRef::new(
        file.name.as_str(),
        hashtags.as_ref().or(texts.as_ref()).map_or(1, header_line),
    );
    let width = hashtags
        .as_ref()
        .or(texts.as_ref())
        .map_or(0, csv::StringRecord::len);
    let mut columns = HashMap::new();
    let mut untagged = Vec::new();
    for index in 0..width {
        let text = texts
            .as_ref()
            .and_then(|t| t.get(index))
            .map(|raw| {
                raw.trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let tag = hashtags
            .as_ref()
            .and_then(|h| h.get(index))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        // A column is named by its text header when that is one of relaymap's columns (the
        // hashtags agree in relaymap's own files), else by its HXL hashtag.
        let name = if known.contains(&text.as_str()) || ignored.contains(&text.as_str()) {
            text
        } else if let Some(tag) = tag {
            match column_of_hashtag(tag, hxl) {
                Ok(name) => name.to_owned(),
                Err(reason) => {
                    errors.push(RowError::new(&header_row, "header", reason));
                    continue;
                }
            }
        } else if hashtags.is_some() {
            // HXL leaves untagged columns out of what tools read.
            if !text.is_empty() {
                untagged.push(text);
            }
            continue;
        } else {
            text
        };
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
    if !untagged.is_empty() {
        notes.push(format!(
            "{}: columns without an HXL hashtag left out: {}",
            file.name,
            untagged.join(", ")
        ));
    }
    for column in required.iter() {
        if !columns.contains_key(*column) {
            errors.push(RowError::new(&header_row, *column, DomainError::Missing));
        }
    }
    if errors
        .iter()
        .any(|e| e.file == file.name && e.line == header_row.line)
    {
        return left_out;
    }
    let name: std::sync::Arc<str> = file.name.as_str().into();
    for result in rest.drain(..).map(Ok).chain(records) {
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                errors.push(csv_error(&file.name, line, &error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = RowRef::new(name.clone(), line);
        if record.len() != width {
            let reason = DomainError::Malformed(format!(
                "the row has {} cells but the header has {}",
                record.len(),
                width
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
    // A city's administrative P-code is kept in its attributes (`pcode`).
    let pcode = cells.get("pcode").map(|code| {
        if cells.get("kind").is_some_and(|k| k != "city") {
            let reason = DomainError::Malformed(
                "a P-code names a city's administrative area: only cities carry one".into(),
            );
            errors.push(RowError::new(row, "pcode", reason));
        }
        serde_json::json!({ "pcode": code })
    });
    let record = ActorRecord {
        id: cells.get("id").map(String::from),
        kind: cells.get("kind").map(String::from),
        attributes: pcode,
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

    /// Reads one actors file and the notes, or every error.
    fn actors_only(actors: &str) -> Result<CsvRead, DocumentError> {
        read_csv(
            Some(CsvFile {
                name: "actors.csv".into(),
                reader: actors.as_bytes(),
            }),
            None::<CsvFile<&[u8]>>,
            WriteMode::Upsert,
            &[],
        )
    }

    #[test]
    fn hxl_hashtags_name_the_columns_whatever_the_header_texts_say() {
        // Other header texts, a title row above them, hashtags with extra attributes in another
        // case, an untagged column: as libhxl reads it.
        let titled = "Community mapping, Harbour district,,,,\n\
                      Identifier,Type,Full name,Spoken languages,Reached by,Remarks\n\
                      #X_Actor +ID,#x_actor+type,#x_name+local,#language+code+v_iso3,#x_channel,\n\
                      m-1,migrant,Selam,tir;eng,whatsapp,lives near the port\n";
        let read = actors_only(titled).unwrap();
        let actor = &read.batch.actors[0];
        assert_eq!(actor.value.id.as_str(), "m-1");
        assert_eq!(actor.value.name.as_str(), "Selam");
        assert_eq!(actor.value.languages.as_slice().len(), 2);
        assert_eq!(actor.value.channels.as_slice()[0].as_str(), "whatsapp");
        assert_eq!(actor.row.line, 4);
        assert!(
            read.notes.iter().any(|n| n.contains("remarks")),
            "the untagged column is said to be left out: {:?}",
            read.notes
        );
        // Hashtags alone, no text header; a city with its P-code.
        let bare = "#x_actor+type,#x_name,#adm2+code\ncity,Harbour,IT0101\n";
        let read = actors_only(bare).unwrap();
        assert_eq!(
            read.batch.actors[0].value.attributes.as_map()["pcode"],
            "IT0101"
        );
    }

    #[test]
    fn contact_details_unknown_hashtags_and_p_codes_of_people_are_refused_with_reasons() {
        let contact = "#x_actor+type,#x_name,#contact+phone\nmigrant,A,+39 555\n";
        let Err(DocumentError::Rows(errors)) = actors_only(contact) else {
            panic!("#contact is refused");
        };
        assert!(
            errors[0].error.to_string().contains("#x_channel"),
            "{errors:?}"
        );
        let unknown = "#x_actor+type,#x_name,#affected+f\nmigrant,A,3\n";
        let Err(DocumentError::Rows(errors)) = actors_only(unknown) else {
            panic!("an unknown hashtag is refused");
        };
        assert!(
            errors[0].error.to_string().contains("#affected+f"),
            "{errors:?}"
        );
        let person = "kind,name,pcode\nmigrant,A,IT0101\n";
        let Err(DocumentError::Rows(errors)) = actors_only(person) else {
            panic!("a person has no P-code");
        };
        assert_eq!((errors[0].line, errors[0].field.as_str()), (2, "pcode"));
    }

    #[test]
    fn semicolon_and_tab_separated_files_are_read() {
        for text in [
            "id;kind;name;languages\nm-1;migrant;\"Ada, Lovelace\";\"tir;eng\"\n",
            "id\tkind\tname\tlanguages\nm-1\tmigrant\tAda, Lovelace\ttir;eng\n",
        ] {
            let read = actors_only(text).unwrap();
            let actor = &read.batch.actors[0].value;
            assert_eq!(actor.name.as_str(), "Ada, Lovelace", "{text}");
            assert_eq!(actor.languages.as_slice().len(), 2, "{text}");
        }
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
