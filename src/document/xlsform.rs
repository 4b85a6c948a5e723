//! The interview as an XLSForm (what KoboToolbox, ODK and pyxform read), built from the
//! protocol, and the exports of its submissions (KoboToolbox or ODK Central: XLSX, CSV with
//! either delimiter, or a zip of CSVs) read back as submissions with the people they name.
//! graph-schema/README.md, "Interviews in KoboToolbox and ODK", says the field names.

use std::collections::BTreeMap;
use std::io::Read;

use super::DocumentError;
use super::xlsx::{Sheet, read_xlsx};
use crate::domain::{Channel, Protocol, RowError, RowRef};

/// The repeat group of the people named.
pub const NAMED: &str = "named";

/// The field names of the form, and so of its exports (group paths taken off).
pub const FIELDS: [&str; 20] = [
    "protocol_version",
    "interview_language",
    "conducted_on",
    "consent_purposes",
    "consent_expires",
    "ego_id",
    "ego_kind",
    "ego_name",
    "ego_languages",
    "ego_city",
    "ego_channels",
    "named_generators",
    "named_id",
    "named_kind",
    "named_name",
    "named_languages",
    "named_channels",
    "named_trust",
    "named_frequency",
    "_uuid",
];

/// A language's label column heading, as XLSForm writes them: `label::English (en)`.
fn language_column(kind: &str, code: &str) -> String {
    let language = isolang::Language::from_639_3(code);
    let name = language.map_or(code, |l| l.to_name());
    let short = language.and_then(|l| l.to_639_1()).unwrap_or(code);
    format!("{kind}::{name} ({short})")
}

/// A language's name for a choice label.
fn language_name(code: &str) -> String {
    isolang::Language::from_639_3(code).map_or_else(|| code.to_owned(), |l| l.to_name().to_owned())
}

/// The XLSForm of the interview: sheets `survey`, `choices` and `settings`. Choice names are
/// relaymap's codes; labels are the protocol's texts in each of its languages (English where
/// the protocol has no text of its own). `languages` are the languages offered for the people
/// (the protocol's and the network's).
pub fn xlsform(protocol: &Protocol, languages: &[String]) -> Vec<Sheet> {
    let locales = &protocol.languages;
    let mut header = vec!["type".to_owned(), "name".to_owned()];
    header.extend(locales.iter().map(|l| language_column("label", l)));
    header.extend(
        ["required", "relevant", "calculation", "appearance"]
            .iter()
            .map(|s| s.to_string()),
    );
    let width = header.len();
    let at = |name: &str| header.iter().position(|h| h == name).expect("a column");
    // A text per language: the protocol's, `{name}` as the form's reference to the name.
    let texts = |texts: &BTreeMap<String, String>| -> Vec<String> {
        locales
            .iter()
            .map(|l| {
                texts
                    .get(l)
                    .or_else(|| texts.get("eng"))
                    .cloned()
                    .unwrap_or_default()
                    .replace("{name}", "${named_name}")
            })
            .collect()
    };
    let english = |text: &str| -> BTreeMap<String, String> {
        BTreeMap::from([("eng".to_owned(), text.to_owned())])
    };
    let mut survey = vec![header.clone()];
    let mut row = |kind: &str, name: &str, labels: Vec<String>, extra: &[(&str, &str)]| {
        let mut cells = vec![String::new(); width];
        cells[0] = kind.to_owned();
        cells[1] = name.to_owned();
        for (i, label) in labels.into_iter().enumerate() {
            cells[2 + i] = label;
        }
        for (column, value) in extra {
            cells[at(column)] = (*value).to_owned();
        }
        survey.push(cells);
    };
    let yes = [("required", "yes")];
    row("start", "start", vec![], &[]);
    row("end", "end", vec![], &[]);
    row("today", "conducted_on", vec![], &[]);
    let version = protocol.version.to_string();
    row(
        "calculate",
        "protocol_version",
        vec![],
        &[("calculation", version.as_str())],
    );
    row(
        "select_one interview_language",
        "interview_language",
        texts(&english("Language of the interview")),
        &yes,
    );
    row(
        "note",
        "consent_statement",
        texts(&protocol.consent.statement),
        &[],
    );
    row(
        "select_multiple purpose",
        "consent_purposes",
        texts(&english("What may it be used for? (none: stop here)")),
        &yes,
    );
    row(
        "date",
        "consent_expires",
        texts(&english(
            "Consent holds until (empty: the protocol's default)",
        )),
        &[],
    );
    let asked = "count-selected(${consent_purposes}) > 0";
    row(
        "text",
        "ego_id",
        texts(&english(
            "Their relaymap id, if they are known (else leave empty)",
        )),
        &[("relevant", asked)],
    );
    row(
        "select_one ego_kind",
        "ego_kind",
        texts(&english("Who is interviewed")),
        &[("relevant", asked), ("required", "yes")],
    );
    row(
        "text",
        "ego_name",
        texts(&english("Name of the person interviewed")),
        &[("relevant", asked), ("required", "yes")],
    );
    row(
        "select_multiple language",
        "ego_languages",
        texts(&english("Languages they speak, first language first")),
        &[("relevant", asked), ("appearance", "minimal")],
    );
    row(
        "text",
        "ego_city",
        texts(&english("Their city's relaymap id (optional)")),
        &[("relevant", asked)],
    );
    row(
        "select_multiple channel",
        "ego_channels",
        texts(&english("How they can be reached")),
        &[("relevant", asked)],
    );
    row(
        "begin_repeat",
        NAMED,
        texts(&english("The people and groups they name")),
        &[("relevant", asked)],
    );
    let generators: Vec<String> = protocol
        .generators
        .iter()
        .map(|g| g.prompt.get("eng").cloned().unwrap_or_default())
        .collect();
    row(
        "select_multiple generator",
        "named_generators",
        texts(&english(&format!(
            "Named when asked: {}",
            generators.join(" / ")
        ))),
        &yes,
    );
    row("text", "named_name", texts(&english("Their name")), &yes);
    row(
        "text",
        "named_id",
        texts(&english(
            "Their relaymap id, if they are known (else leave empty)",
        )),
        &[],
    );
    row(
        "select_one named_kind",
        "named_kind",
        texts(&english("A person, an organisation or a service?")),
        &yes,
    );
    row(
        "select_multiple language",
        "named_languages",
        texts(&protocol.interpreters.languages),
        &[("appearance", "minimal")],
    );
    row(
        "select_multiple channel",
        "named_channels",
        texts(&protocol.interpreters.channels),
        &[],
    );
    row(
        "select_one trust",
        "named_trust",
        texts(&protocol.interpreters.trust),
        &[],
    );
    row(
        "select_one frequency",
        "named_frequency",
        texts(&protocol.interpreters.frequency),
        &[],
    );
    row("end_repeat", NAMED, vec![], &[]);

    let mut choices_header = vec!["list_name".to_owned(), "name".to_owned()];
    choices_header.extend(locales.iter().map(|l| language_column("label", l)));
    let mut choices = vec![choices_header];
    let mut choice = |list: &str, name: &str, labels: Vec<String>| {
        let mut cells = vec![list.to_owned(), name.to_owned()];
        cells.extend(labels);
        choices.push(cells);
    };
    for code in locales {
        choice(
            "interview_language",
            code,
            texts(&english(&language_name(code))),
        );
    }
    for (purpose, text) in &protocol.consent.purposes {
        choice("purpose", purpose, texts(text));
    }
    for kind in ["migrant", "organisation"] {
        choice("ego_kind", kind, texts(&english(kind)));
    }
    for kind in ["migrant", "organisation", "responder"] {
        choice("named_kind", kind, texts(&english(kind)));
    }
    let mut offered: Vec<&String> = locales.iter().chain(languages).collect();
    offered.sort();
    offered.dedup();
    for code in offered {
        choice("language", code, texts(&english(&language_name(code))));
    }
    for channel in Channel::ALL {
        let name = channel.as_str();
        choice("channel", name, texts(&english(&name.replace('_', " "))));
    }
    for generator in &protocol.generators {
        choice("generator", &generator.id, texts(&generator.prompt));
    }
    for trust in 1..=5 {
        let n = trust.to_string();
        choice("trust", &n, texts(&english(&n)));
    }
    for frequency in &protocol.interpreters.frequencies {
        choice("frequency", &frequency.id, texts(&frequency.label));
    }
    let settings = vec![
        vec![
            "form_title".to_owned(),
            "form_id".to_owned(),
            "version".to_owned(),
            "default_language".to_owned(),
        ],
        vec![
            format!("relaymap interview (protocol {})", protocol.version),
            format!("relaymap_interview_v{}", protocol.version),
            protocol.version.to_string(),
            language_column("", "eng")
                .trim_start_matches("::")
                .to_owned(),
        ],
    ];
    vec![
        Sheet {
            name: "survey".into(),
            rows: survey,
        },
        Sheet {
            name: "choices".into(),
            rows: choices,
        },
        Sheet {
            name: "settings".into(),
            rows: settings,
        },
    ]
}

/// One submission of the form, as its export holds it: fields by name (group paths taken
/// off), and the people named (the repeat group's rows).
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// Where it is: the sheet or file, and the line.
    pub row: RowRef,
    /// The fields, by name.
    pub fields: BTreeMap<String, String>,
    /// The people named, each where it is and with its fields.
    pub named: Vec<(RowRef, BTreeMap<String, String>)>,
}

/// A field name as the form has it, from an export's column heading: `group/field` (Kobo),
/// `group-field` (ODK Central), `meta/instanceID`; meta columns keep their names.
fn field_name(heading: &str) -> String {
    let heading = heading.trim().trim_start_matches('\u{feff}');
    let last = heading.rsplit('/').next().unwrap_or(heading);
    if FIELDS.contains(&last) || last.starts_with('_') {
        return last.to_owned();
    }
    match last.rsplit_once('-') {
        Some((_, field)) if FIELDS.contains(&field) => field.to_owned(),
        _ => last.to_owned(),
    }
}

/// The sheets of an export: an XLSX, a zip of CSV files, or one CSV file (`,`, `;` or tab).
fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, DocumentError> {
    if bytes.starts_with(b"PK\x03\x04") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| DocumentError::Malformed(format!("not a zip: {e}")))?;
        if archive.index_for_name("xl/workbook.xml").is_some() {
            return read_xlsx(bytes);
        }
        let mut names: Vec<String> = (0..archive.len())
            .filter_map(|i| {
                archive
                    .name_for_index(i)
                    .and_then(|r| r.ok())
                    .map(|n| n.to_string())
            })
            .filter(|n| n.to_ascii_lowercase().ends_with(".csv"))
            .collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let file = archive
                .by_name(&name)
                .map_err(|e| DocumentError::Malformed(format!("{name}: {e}")))?;
            let mut data = Vec::new();
            file.take(256 << 20)
                .read_to_end(&mut data)
                .map_err(|e| DocumentError::Malformed(format!("{name}: {e}")))?;
            let stem = name.rsplit('/').next().unwrap_or(&name).to_owned();
            out.push(csv_sheet(&stem, &data)?);
        }
        if out.is_empty() {
            return Err(DocumentError::Malformed("the zip holds no CSV file".into()));
        }
        return Ok(out);
    }
    Ok(vec![csv_sheet("submissions.csv", bytes)?])
}

pub(super) fn csv_sheet(name: &str, bytes: &[u8]) -> Result<Sheet, DocumentError> {
    let mut input = std::io::BufReader::new(bytes);
    let delimiter = super::csv::sniff_delimiter(&mut input);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(input);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            DocumentError::Malformed(format!("{name} is not valid CSV (UTF-8): {e}"))
        })?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
    })
}

/// A sheet's rows as fields by name, each with where it is.
fn records(sheet: &Sheet) -> Vec<(RowRef, BTreeMap<String, String>)> {
    let Some((header, body)) = sheet.rows.split_first() else {
        return Vec::new();
    };
    let names: Vec<String> = header.iter().map(|h| field_name(h)).collect();
    body.iter()
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| {
            let fields = names
                .iter()
                .zip(cells)
                .filter(|(name, value)| !name.is_empty() && !value.trim().is_empty())
                .map(|(name, value)| (name.clone(), value.trim().to_owned()))
                .collect();
            (RowRef::new(sheet.name.as_str(), i + 2), fields)
        })
        .collect()
}

/// The column that joins a repeat row to its submission: Kobo's `_parent_index` (to the
/// submission's `_index`) or ODK Central's `PARENT_KEY` (to its `KEY`).
const JOINS: [(&str, &str); 2] = [("_parent_index", "_index"), ("PARENT_KEY", "KEY")];

/// Reads an export of the interview form: the submissions (the sheet or file without a parent
/// column) and the people named (the sheet or file of the repeat group, joined to them).
pub fn read_submissions(bytes: &[u8]) -> Result<Vec<Submission>, DocumentError> {
    let sheets = sheets(bytes)?;
    let is_repeat = |sheet: &Sheet| {
        sheet.rows.first().is_some_and(|header| {
            header
                .iter()
                .any(|h| JOINS.iter().any(|(parent, _)| field_name(h) == *parent))
        })
    };
    // XLSForm's own sheets are not submissions: an XLSForm sent here by mistake is said so.
    if sheets.iter().any(|s| s.name == "survey") && sheets.iter().any(|s| s.name == "choices") {
        return Err(DocumentError::Malformed(
            "this is the form (an XLSForm), not an export of its submissions".into(),
        ));
    }
    let main = sheets
        .iter()
        .find(|s| !is_repeat(s))
        .ok_or_else(|| DocumentError::Malformed("no sheet of submissions".into()))?;
    let mut submissions: Vec<Submission> = records(main)
        .into_iter()
        .map(|(row, fields)| Submission {
            row,
            fields,
            named: Vec::new(),
        })
        .collect();
    let mut errors = Vec::new();
    for sheet in sheets.iter().filter(|s| is_repeat(s)) {
        for (row, fields) in records(sheet) {
            let found = JOINS.iter().find_map(|(parent, own)| {
                let key = fields.get(*parent)?;
                submissions
                    .iter()
                    .position(|s| s.fields.get(*own) == Some(key))
            });
            match found {
                Some(at) => submissions[at].named.push((row, fields)),
                None => errors.push(RowError::new(
                    &row,
                    "_parent_index",
                    crate::domain::DomainError::Malformed(
                        "names no submission of the main sheet (_index or KEY)".into(),
                    ),
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(DocumentError::Rows(errors));
    }
    if submissions.is_empty() {
        return Err(DocumentError::Malformed(
            "the export holds no submission".into(),
        ));
    }
    Ok(submissions)
}
