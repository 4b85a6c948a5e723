//! The intermediaries (`/intermediaries`): organisations and people through whom the responders
//! reach migrants, ranked by how many they bridge (or by any column), with their trust and
//! channels, filtered by a language (by name) and a city, a page at a time.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::{Nav, Visitor, render, words};
use crate::domain::{ActorId, Language};
use crate::http::access::{Access, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;
use crate::service::intermediaries::{IntermediariesQuery as Wanted, Intermediary};

pub(super) fn routes() -> Routes {
    Routes::new().get("/intermediaries", Access::Network, get_intermediaries)
}

/// Intermediaries a page shows.
const PAGE: usize = 50;

/// One ranked intermediary, as the table shows it.
struct Row {
    id: String,
    name: String,
    kind: String,
    languages: String,
    city: String,
    channels: String,
    bridged: String,
    trust: String,
    betweenness: String,
    effective_size: String,
    constraint: String,
}

/// A column the table can be sorted by.
struct Column {
    key: &'static str,
    label: String,
    numeric: bool,
    /// The link that sorts by it (keeping the filters), and whether it is the current order.
    href: String,
    sorted: bool,
}

#[derive(Template)]
#[template(path = "pages/intermediaries.html")]
struct IntermediariesPage {
    nav: Nav,
    rows: Vec<Row>,
    columns: Vec<Column>,
    language: String,
    city: String,
    cities: Vec<(String, String)>,
    languages_known: Vec<(String, String)>,
    sampled: Option<usize>,
    /// How many match, and which of them are shown.
    showing: String,
    previous: Option<String>,
    next: Option<String>,
    error: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IntermediariesQuery {
    language: Option<String>,
    city: Option<String>,
    sort: Option<String>,
    page: Option<String>,
}

/// The columns, in the table's order: (key, heading's message, numeric).
const COLUMNS: [(&str, &str, bool); 7] = [
    ("name", "intermediaries-col-name", false),
    ("bridged", "intermediaries-col-bridged", true),
    ("trust", "intermediaries-col-trust", true),
    ("betweenness", "intermediaries-col-betweenness", true),
    ("effective_size", "intermediaries-col-effective-size", true),
    ("constraint", "intermediaries-col-constraint", true),
    ("city", "intermediaries-col-city", false),
];

/// A language typed in the filter: its name in the interface language (as the list offers
/// it), else its code or English name.
fn typed_language(tr: Tr, typed: &str) -> Option<Language> {
    let wanted = typed.trim().to_lowercase();
    super::actors::languages_known(tr)
        .into_iter()
        .find(|(_, name)| name.to_lowercase() == wanted)
        .and_then(|(code, _)| Language::parse(&code).ok())
        .or_else(|| Language::from_code_or_name(typed).ok())
}

/// Orders the ranking by a column: numbers largest first (constraint smallest first: a low
/// constraint is the broker's), names alphabetically; ties keep the ranking's order.
fn sort(rows: &mut [Intermediary], by: &str, city_name: impl Fn(&Intermediary) -> String) {
    let number = |row: &Intermediary| match by {
        "trust" => row.trust,
        "betweenness" => row.betweenness,
        "effective_size" => row.effective_size,
        "constraint" => -row.constraint,
        _ => row.bridged as f64,
    };
    match by {
        "name" => rows.sort_by(|a, b| {
            a.actor
                .name
                .as_str()
                .to_lowercase()
                .cmp(&b.actor.name.as_str().to_lowercase())
        }),
        "city" => rows.sort_by_cached_key(|r| city_name(r)),
        _ => rows.sort_by(|a, b| {
            // Unknown (NaN) values last.
            let (x, y) = (number(a), number(b));
            y.is_nan().cmp(&x.is_nan()).reverse().then(y.total_cmp(&x))
        }),
    }
}

/// Organisations and people ranked by how many reached migrants the responders reach through
/// them, with betweenness and Burt's brokerage measures; filtered by language and city.
async fn get_intermediaries(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<IntermediariesQuery>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let blank = |raw: &Option<String>| raw.as_deref().map(str::trim).unwrap_or("").to_owned();
    let (language_typed, city, sort_by) = (
        blank(&query.language),
        blank(&query.city),
        blank(&query.sort),
    );
    let sort_by = COLUMNS
        .iter()
        .find(|(key, _, _)| *key == sort_by)
        .map_or("bridged", |(key, _, _)| key);
    let page_number: usize = blank(&query.page).parse().unwrap_or(1).max(1);
    let mut error = None;
    let language = match language_typed.as_str() {
        "" => None,
        typed => match typed_language(tr, typed) {
            Some(language) => Some(language),
            None => {
                error = Some(tr.t2(
                    "intermediaries-unknown-language",
                    ("typed", typed),
                    ("example", tr.language("ara")),
                ));
                None
            }
        },
    };
    let city_id = (!city.is_empty())
        .then(|| ActorId::parse(&city).ok())
        .flatten();
    let cities = super::actors::city_names(&state.services, &visitor).await?;
    let city_name = |id: Option<&ActorId>| {
        id.map_or(String::new(), |id| {
            cities
                .iter()
                .find(|(c, _)| c == id.as_str())
                .map_or_else(|| id.to_string(), |(_, name)| name.clone())
        })
    };
    let (mut ranking, sampled) = if error.is_some() {
        (Vec::new(), None)
    } else {
        let wanted = Wanted {
            language,
            city: city_id,
        };
        let ranking = state
            .services
            .intermediaries(&visitor.caller, wanted)
            .await?;
        (ranking.rows, ranking.sampled)
    };
    sort(&mut ranking, sort_by, |r| {
        city_name(r.actor.city.as_ref()).to_lowercase()
    });
    let total = ranking.len();
    let start = ((page_number - 1) * PAGE).min(total);
    let end = (start + PAGE).min(total);
    let shown = |value: f64, decimals: usize| {
        if value.is_finite() {
            tr.decimal(value, decimals)
        } else {
            "–".into()
        }
    };
    let rows: Vec<Row> = ranking[start..end]
        .iter()
        .map(|row| {
            let actor = &row.actor;
            Row {
                id: actor.id.to_string(),
                name: actor.name.as_str().to_owned(),
                kind: words::kind(tr, actor.kind),
                languages: words::languages(tr, actor.languages.as_slice()),
                city: city_name(actor.city.as_ref()),
                channels: words::channels(tr, actor.channels.as_slice()),
                bridged: tr.number(row.bridged as f64),
                trust: shown(row.trust, 2),
                betweenness: shown(row.betweenness, 3),
                effective_size: shown(row.effective_size, 1),
                constraint: shown(row.constraint, 3),
            }
        })
        .collect();
    let link = |sort: &str, page: usize| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !language_typed.is_empty() {
            query.append_pair("language", &language_typed);
        }
        if !city.is_empty() {
            query.append_pair("city", &city);
        }
        if sort != "bridged" {
            query.append_pair("sort", sort);
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        format!("/intermediaries?{}", query.finish())
    };
    let columns = COLUMNS
        .iter()
        .map(|(key, label, numeric)| Column {
            key,
            label: tr.t(label),
            numeric: *numeric,
            href: link(key, 1),
            sorted: *key == sort_by,
        })
        .collect();
    let count = rows.len();
    let page = render(&IntermediariesPage {
        nav: visitor.nav(),
        columns,
        language: language_typed.clone(),
        city: city.clone(),
        cities: cities.clone(),
        languages_known: super::actors::languages_known(tr),
        sampled,
        showing: if total > end - start {
            tr.with(
                "intermediaries-showing",
                [
                    ("first", (start + 1).into()),
                    ("last", end.into()),
                    ("total", total.into()),
                ],
            )
        } else {
            tr.t1("intermediaries-count", "count", total)
        },
        previous: (start > 0).then(|| link(sort_by, page_number - 1)),
        next: (end < total).then(|| link(sort_by, page_number + 1)),
        error,
        rows,
    })?;
    Ok(crate::http::api::counted(count, page))
}
