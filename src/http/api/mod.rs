//! The JSON API, `/api/v1/...`.

mod actors;
mod audit;
mod crisis;
mod duplicates;
mod export;
mod figures;
mod health;
mod import;
mod interviews;
mod openapi;
mod relay;
mod research;
mod scenarios;
mod ties;
mod view;

pub(crate) use actors::search_text;
use serde::Deserialize;

use super::ApiError;
use super::access::Routes;
use crate::document::Record;
use crate::domain::{Batch, DomainError, RowError, RowRef, WriteMode};
use crate::store::Page;

/// The API routes, each with its access rule.
pub fn routes(max_import_bytes: usize) -> Routes {
    Routes::new()
        .merge(actors::routes())
        .merge(ties::routes())
        .merge(import::routes(max_import_bytes))
        .merge(export::routes())
        .merge(figures::routes())
        .merge(health::routes())
        .merge(audit::routes())
        .merge(relay::routes())
        .merge(scenarios::routes())
        .merge(crisis::routes())
        .merge(duplicates::routes())
        .merge(interviews::routes(max_import_bytes))
        .merge(research::routes())
        .merge(view::routes())
        .merge(Routes::new().get(
            "/api/v1/openapi.json",
            super::access::Access::Public,
            openapi::get_openapi,
        ))
}

/// An answer that tells the audit trail how many records it hands out.
pub(crate) fn counted(
    records: usize,
    body: impl axum::response::IntoResponse,
) -> axum::response::Response {
    let mut response = body.into_response();
    response
        .extensions_mut()
        .insert(super::access::AuditRecords(records as u64));
    response
}

/// An answer about a tie: the audit entry names the tie's two ends too, so that erasing either
/// of them finds it.
pub(crate) fn about_tie(
    tie: &crate::domain::Tie,
    body: impl axum::response::IntoResponse,
) -> axum::response::Response {
    let mut response = counted(1, body);
    response
        .extensions_mut()
        .insert(super::access::AuditSubjects(vec![
            tie.source.to_string(),
            tie.target.to_string(),
        ]));
    response
}

/// Answers routes that do not exist.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("route".into())
}

/// Answers a known route called with the wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

const MAX_PAGE: usize = 1000;

/// `limit`, `offset` and `cursor` of a listing. Numbers arrive as text: serde cannot parse
/// numbers inside a flattened query struct, and the error should name the parameter anyway.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// How many records at most (default 100).
    #[param(value_type = Option<usize>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// How many records to skip (prefer `cursor`, which stays correct under writes).
    #[param(value_type = Option<usize>, minimum = 0)]
    offset: Option<String>,
    /// The `next_cursor` of the previous page: records after this id.
    #[param(value_type = Option<String>)]
    cursor: Option<String>,
}

impl PageQuery {
    /// A page by limit and cursor only (no offset).
    pub(super) fn of(limit: Option<String>, cursor: Option<String>) -> Self {
        Self {
            limit,
            offset: None,
            cursor,
        }
    }

    pub(super) fn page(&self) -> Result<Page, ApiError> {
        let limit = whole_number("limit", self.limit.as_deref(), 1..=MAX_PAGE)?
            .unwrap_or(Page::default().limit);
        let offset =
            whole_number("offset", self.offset.as_deref(), 0..=usize::MAX / 2)?.unwrap_or(0);
        Ok(Page {
            limit,
            offset,
            after: self.cursor.clone(),
        })
    }
}

/// A whole-number query parameter within a range, if given; the error names the parameter.
fn whole_number(
    field: &str,
    raw: Option<&str>,
    range: std::ops::RangeInclusive<usize>,
) -> Result<Option<usize>, ApiError> {
    let Some(raw) = raw else { return Ok(None) };
    match raw.trim().parse::<usize>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(ApiError::bad_request(
            "invalid_query",
            format!(
                "{field} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ),
            Some(field),
        )),
    }
}

/// A `true`/`false` query parameter (absent: false).
fn flag(raw: Option<&str>, field: &'static str) -> Result<bool, ApiError> {
    match raw {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ApiError::bad_request(
            "invalid_query",
            format!("{field} must be true or false"),
            Some(field),
        )),
    }
}

/// The cursor for the next page: the last id, when the page was full.
fn next_cursor(ids: &[&str], page: &Page) -> Option<String> {
    (ids.len() == page.limit)
        .then(|| ids.last().map(|id| id.to_string()))
        .flatten()
}

fn parse_param<T>(
    field: &str,
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, crate::domain::DomainError>,
) -> Result<Option<T>, ApiError> {
    raw.map(|raw| {
        parse(raw).map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some(field)))
    })
    .transpose()
}

/// The batch of a single-record write: `POST` (no id in the path) or `PUT` (the path's id, which
/// an id in the body must match). Times in the body are ignored: they belong to the store.
pub(crate) fn single_write<R: Record>(
    mut record: R,
    path_id: Option<&str>,
    mode: WriteMode,
) -> Result<Batch, ApiError> {
    let row = RowRef::new("body", 1);
    if let Some(path_id) = path_id {
        if record
            .id_mut()
            .as_deref()
            .is_some_and(|body_id| body_id != path_id)
        {
            let error =
                DomainError::Malformed("the id in the body must match the id in the path".into());
            return Err(ApiError::Invalid(vec![RowError::new(&row, "id", error)]));
        }
        *record.id_mut() = Some(path_id.to_owned());
    }
    record.clear_times();
    let mut batch = Batch::new(mode);
    record.add_to(&mut batch, &row).map_err(ApiError::Invalid)?;
    Ok(batch)
}
