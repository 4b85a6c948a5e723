//! The interview page (`/interview`), built for a phone in the hand and for working offline:
//! the page asks the protocol's questions one screen at a time (static/js/interview.js), keeps
//! the interview in progress and the finished ones in the browser until the server has them,
//! and a service worker (`/interview-sw.js`) keeps the page itself. Coordinators read the
//! interviews received at `/interviews`.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::{Nav, Visitor, render, words};
use crate::domain::{ActorId, Language};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/interview", Access::Interview, get_interview)
        .get("/interview-sw.js", Access::Public, get_service_worker)
        .get("/interviews", Access::Network, get_interviews)
}

/// Languages offered when adding someone (by ISO 639-3 code): those of the shipped interface
/// and those most spoken among migrants; any other is typed as its code or English name.
const LANGUAGES: [&str; 48] = [
    "eng", "fra", "spa", "ara", "jpn", "por", "tir", "amh", "som", "orm", "fas", "prs", "pus",
    "urd", "hin", "ben", "tam", "tgl", "vie", "zho", "kor", "rus", "ukr", "tur", "kur", "hau",
    "yor", "ibo", "wol", "ful", "lin", "swa", "bam", "hat", "que", "nep", "sin", "tha", "mya",
    "ind", "pol", "ron", "sqi", "srp", "hye", "kat", "ita", "deu",
];

#[derive(Template)]
#[template(path = "pages/interview.html")]
struct InterviewPage {
    nav: Nav,
    /// `code|name` pairs for the language list.
    languages: Vec<(&'static str, String)>,
    /// For each language the page may show (ISO 639-3), its BCP 47 tag (for `lang`) and its
    /// name in itself, as JSON.
    tags: String,
}

/// A language's BCP 47 tag (the two-letter code where there is one) and its name in itself.
fn tag(code: &str) -> serde_json::Value {
    let language = isolang::Language::from_639_3(code);
    serde_json::json!({
        "tag": language.and_then(|l| l.to_639_1()).unwrap_or(code),
        "autonym": language.and_then(|l| l.to_autonym()).unwrap_or(code),
    })
}

async fn get_interview(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let languages = LANGUAGES
        .iter()
        .map(|&code| (code, words::language(tr, code)))
        .collect();
    let protocol = state.services.protocol(None).await?;
    let tags: serde_json::Map<String, serde_json::Value> = LANGUAGES
        .iter()
        .map(|c| (*c).to_owned())
        .chain(protocol.languages)
        .map(|code| {
            let value = tag(&code);
            (code, value)
        })
        .collect();
    let page = InterviewPage {
        nav: visitor.nav(),
        languages,
        tags: serde_json::Value::Object(tags).to_string(),
    };
    Ok(render(&page)?.into_response())
}

/// The service worker, served from the site's root so that it may look after `/interview`.
async fn get_service_worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../../static/js/interview-sw.js"),
    )
        .into_response()
}

/// One interview as the list shows it.
struct Row {
    id: String,
    conducted_on: String,
    ego_id: String,
    ego: String,
    language: String,
    named: usize,
    by: String,
}

#[derive(Template)]
#[template(path = "pages/interviews.html")]
struct InterviewsPage {
    nav: Nav,
    rows: Vec<Row>,
}

/// The interviews received, the latest first, with the person interviewed by name.
async fn get_interviews(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let interviews = state.services.interviews(200).await?;
    let ids: Vec<ActorId> = interviews
        .iter()
        .filter_map(|i| ActorId::parse(&i.ego).ok())
        .collect();
    let names: std::collections::HashMap<String, String> = state
        .services
        .actors_by_id(&visitor.caller, &ids)
        .await?
        .into_iter()
        .map(|a| (a.id.to_string(), a.name.as_str().to_owned()))
        .collect();
    let rows = interviews
        .into_iter()
        .map(|i| Row {
            ego: names.get(&i.ego).cloned().unwrap_or_else(|| i.ego.clone()),
            language: Language::parse(&i.language)
                .map(|l| words::language(tr, l.as_str()))
                .unwrap_or_default(),
            id: i.id,
            conducted_on: i.conducted_on,
            ego_id: i.ego,
            named: i.named,
            by: i.recorded_by,
        })
        .collect();
    let page = InterviewsPage {
        nav: visitor.nav(),
        rows,
    };
    Ok(render(&page)?.into_response())
}
