//! A crisis scenario's result as CSV, for the spreadsheet a crisis cell works from: one row per
//! target, reached or not — who they are, their first language, how to reach them, the fewest
//! ties from a responder, the reliability of the most reliable path and that path, by names.
//! Text cells go through the spreadsheet rule, as in every CSV relaymap writes.

use std::io::Write;

use crate::document::spreadsheet_safe;

/// One target of a scenario, as a row.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    /// The actor's id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their first language (its code).
    pub language: String,
    /// How they can be reached, `;`-separated.
    pub channels: String,
    /// Reached: the fewest ties from a responder, and the reliability of the most reliable path.
    pub reached: Option<(u8, f64)>,
    /// The most reliable path, by names, source first.
    pub path: Vec<String>,
}

/// Writes a scenario's targets as CSV.
///
/// ```
/// use relaymap::export::{TargetRow, write_targets_csv};
///
/// let rows = [
///     TargetRow { id: "m-1".into(), name: "Selam".into(), language: "tir".into(),
///         channels: "whatsapp".into(), reached: Some((2, 0.45)),
///         path: vec!["Fire service".into(), "Church".into(), "Selam".into()] },
///     TargetRow { id: "-2-3".into(), name: "=1+1".into(), language: "ara".into(),
///         channels: String::new(), reached: None, path: Vec::new() },
/// ];
/// let mut csv = Vec::new();
/// write_targets_csv(&rows, &mut csv).unwrap();
/// assert_eq!(
///     String::from_utf8(csv).unwrap(),
///     "id,name,first_language,channels,reached,hops,reliability,path\n\
///      m-1,Selam,tir,whatsapp,yes,2,0.45,Fire service > Church > Selam\n\
///      '-2-3,'=1+1,ara,,no,,,\n"
/// );
/// ```
pub fn write_targets_csv(rows: &[TargetRow], out: impl Write) -> std::io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "id",
        "name",
        "first_language",
        "channels",
        "reached",
        "hops",
        "reliability",
        "path",
    ])?;
    for row in rows {
        let (reached, hops, reliability) = match row.reached {
            Some((hops, reliability)) => ("yes", hops.to_string(), reliability.to_string()),
            None => ("no", String::new(), String::new()),
        };
        csv.write_record([
            spreadsheet_safe(&row.id).as_ref(),
            spreadsheet_safe(&row.name).as_ref(),
            spreadsheet_safe(&row.language).as_ref(),
            spreadsheet_safe(&row.channels).as_ref(),
            reached,
            &hops,
            &reliability,
            spreadsheet_safe(&row.path.join(" > ")).as_ref(),
        ])?;
    }
    csv.flush()
}
