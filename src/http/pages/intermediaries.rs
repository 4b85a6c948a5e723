//! The intermediaries (`/intermediaries`): organisations and people ranked by the migrants the
//! responders reach through them.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::{Nav, Visitor, render};
use crate::domain::ActorId;
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/intermediaries", Access::Network, get_intermediaries)
}

/// One ranked intermediary.
struct Intermediary {
    actor: crate::document::ActorRecord,
    bridged: usize,
    betweenness: String,
    effective_size: String,
    constraint: String,
}

#[derive(Template)]
#[template(path = "pages/intermediaries.html")]
struct IntermediariesPage {
    nav: Nav,
    rows: Vec<Intermediary>,
    language: String,
    city: String,
    cities: Vec<String>,
    sampled: Option<usize>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IntermediariesQuery {
    language: Option<String>,
    city: Option<String>,
}

/// Organisations and people ranked by how many reached migrants the responders reach through
/// them, with betweenness and Burt's brokerage measures; filtered by language and city.
async fn get_intermediaries(
    State(state): State<AppState>,
    visitor: Visitor,
    crate::http::extract::Query(query): crate::http::extract::Query<IntermediariesQuery>,
) -> Result<Response, ApiError> {
    let blank = |raw: &Option<String>| {
        raw.as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
    };
    let language = blank(&query.language)
        .map(|raw| {
            crate::domain::Language::parse(&raw)
                .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("language")))
        })
        .transpose()?;
    let city = blank(&query.city);
    let city_id = city
        .as_deref()
        .map(|raw| {
            ActorId::parse(raw)
                .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("city")))
        })
        .transpose()?;
    let ranking = state
        .services
        .intermediaries(
            &visitor.caller,
            crate::service::intermediaries::IntermediariesQuery {
                language,
                city: city_id,
            },
        )
        .await?;
    let shown = |value: f64| {
        if value.is_finite() {
            format!("{value:.3}")
        } else {
            "–".into()
        }
    };
    let rows: Vec<Intermediary> = ranking
        .rows
        .iter()
        .map(|row| Intermediary {
            actor: crate::document::ActorRecord::from(&row.actor),
            bridged: row.bridged,
            betweenness: shown(row.betweenness),
            effective_size: shown(row.effective_size),
            constraint: shown(row.constraint),
        })
        .collect();
    let page = render(&IntermediariesPage {
        nav: visitor.nav(),
        language: language.map_or(String::new(), |l| l.to_string()),
        city: city.unwrap_or_default(),
        cities: ranking.cities.iter().map(ToString::to_string).collect(),
        sampled: ranking.sampled,
        rows,
    })?;
    Ok(crate::http::api::counted(ranking.rows.len(), page))
}
