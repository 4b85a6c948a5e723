//! A crisis scenario's result as CSV: one row per target, reached or not, with the fewest ties
//! from a responder, the reliability of the most reliable path and that path. Text cells go
//! through the spreadsheet rule, as in every CSV relaymap writes.

use std::io::Write;

use crate::analysis::ReachReport;
use crate::document::spreadsheet_safe;

/// Writes a reach report (the first part of a coverage report) as CSV.
///
/// ```
/// use relaymap::analysis::{ReachReport, Reached};
/// use relaymap::domain::ActorId;
///
/// let id = |raw: &str| ActorId::parse(raw).unwrap();
/// let report = ReachReport {
///     targets: 2,
///     reached_count: 1,
///     coverage: 0.5,
///     reached: vec![Reached { id: id("m-1"), hops: 1, reliability: 0.9, path: vec![id("r-1"), id("m-1")] }],
///     unreached: vec![id("-2-3")],
/// };
/// let mut csv = Vec::new();
/// relaymap::export::write_reach_csv(&report, &mut csv).unwrap();
/// assert_eq!(
///     String::from_utf8(csv).unwrap(),
///     "id,reached,hops,reliability,path\nm-1,yes,1,0.9,r-1 > m-1\n'-2-3,no,,,\n"
/// );
/// ```
pub fn write_reach_csv(report: &ReachReport, out: impl Write) -> std::io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(["id", "reached", "hops", "reliability", "path"])?;
    for hit in &report.reached {
        let path: Vec<&str> = hit.path.iter().map(|id| id.as_str()).collect();
        csv.write_record([
            spreadsheet_safe(hit.id.as_str()).as_ref(),
            "yes",
            &hit.hops.to_string(),
            &hit.reliability.to_string(),
            spreadsheet_safe(&path.join(" > ")).as_ref(),
        ])?;
    }
    for id in &report.unreached {
        csv.write_record([spreadsheet_safe(id.as_str()).as_ref(), "no", "", "", ""])?;
    }
    csv.flush()
}
