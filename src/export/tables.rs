//! The CSV export: a zip of `actors.csv` and `ties.csv` in the importer's columns (lists joined
//! by `;`), metrics as extra actor columns, and `metadata.json`. Without pseudonyms or metrics,
//! the two tables import back as they are.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::{Prepared, Properties, Value};
use crate::document::{ACTOR_COLUMNS, TIE_COLUMNS, spreadsheet_safe};

/// Writes one table: the leading columns, then every attribute the schema names. Text cells go
/// through [`spreadsheet_safe`], so no name or note runs as a formula in a spreadsheet.
fn write_table(
    out: impl Write,
    leading: &[&str],
    schema: &[(&'static str, super::Type)],
    rows: impl Iterator<Item = (Vec<String>, Properties)>,
) -> std::io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    let header: Vec<&str> = leading
        .iter()
        .copied()
        .chain(schema.iter().map(|(n, _)| *n))
        .collect();
    csv.write_record(&header)?;
    for (lead, properties) in rows {
        let mut record: Vec<String> = lead
            .iter()
            .map(|cell| spreadsheet_safe(cell).into_owned())
            .collect();
        for (name, _) in schema {
            let cell = properties.iter().find(|(n, _)| n == name);
            record.push(match cell {
                Some((_, value @ (Value::Text(_) | Value::List(_)))) => {
                    spreadsheet_safe(&value.text()).into_owned()
                }
                Some((_, value)) => value.text(),
                None => String::new(),
            });
        }
        csv.write_record(&record)?;
    }
    csv.flush()
}

pub(super) fn write_zip(prepared: &Prepared, out: impl Write) -> std::io::Result<()> {
    let mut zip = zip::ZipWriter::new_stream(out);
    let snapshot = &prepared.metadata().snapshot_at;
    let part = |range: std::ops::Range<usize>| {
        snapshot
            .get(range)
            .and_then(|p| p.parse::<u16>().ok())
            .unwrap_or(0)
    };
    // The files carry the snapshot time (zip times have no zone: this one is UTC).
    let stamp = zip::DateTime::from_date_and_time(
        part(0..4),
        part(5..7) as u8,
        part(8..10) as u8,
        part(11..13) as u8,
        part(14..16) as u8,
        part(17..19) as u8,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let (actor_count, tie_count) = prepared.counts();
    // The importer's columns and the metrics; `attributes` and the record times are not CSV
    // columns (the JSON document carries them).
    let metrics = prepared.metadata().metrics.as_ref();
    let actor_schema: Vec<_> = prepared
        .schema(false)
        .into_iter()
        .filter(|(n, _)| ACTOR_COLUMNS.contains(n) || metrics.is_some_and(|m| m.names.contains(n)))
        .collect();
    let tie_schema: Vec<_> = prepared
        .schema(true)
        .into_iter()
        .filter(|(n, _)| TIE_COLUMNS.contains(n))
        .collect();
    zip.start_file("actors.csv", options)?;
    write_table(
        &mut zip,
        &["id"],
        &actor_schema,
        (0..actor_count).map(|i| {
            let (id, _, properties) = prepared.actor(i);
            (vec![id.to_owned()], properties)
        }),
    )?;
    zip.start_file("ties.csv", options)?;
    write_table(
        &mut zip,
        &["id", "source", "target"],
        &tie_schema,
        (0..tie_count).map(|i| {
            let (id, source, target, properties) = prepared.tie(i);
            (
                vec![id.to_owned(), source.to_owned(), target.to_owned()],
                properties,
            )
        }),
    )?;
    zip.start_file("metadata.json", options)?;
    serde_json::to_writer_pretty(&mut zip, prepared.metadata())?;
    zip.finish()?.flush()
}
