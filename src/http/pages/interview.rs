//! The interview page (`/interview`), built for a phone in the hand and for working offline:
//! the page asks the protocol's questions one screen at a time (static/js/interview.js), keeps
//! the interview in progress and the finished ones in the browser until the server has them,
//! and a service worker (`/interview-sw.js`) keeps the page itself. Coordinators read the
//! interviews received at `/interviews`.
//!
//! Two languages meet in an interview: the page (steps, buttons, hints) speaks the interviewer's
//! interface language, while the questions are asked in the interview's language, picked on the
//! first screen from the protocol's, with the interviewer's own beneath them when it is another.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::{Nav, Visitor, locale_of, render, words};
use crate::domain::{ActorId, Language};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;

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

/// Languages written right to left (ISO 639-3), for the `dir` of the questions.
const RIGHT_TO_LEFT: [&str; 12] = [
    "ara", "arb", "fas", "prs", "pus", "urd", "heb", "yid", "snd", "uig", "div", "ckb",
];

#[derive(Template)]
#[template(path = "pages/interview.html")]
struct InterviewPage {
    nav: Nav,
    /// `code|name` pairs for the language list.
    languages: Vec<(&'static str, String)>,
    /// For each language the page may show (ISO 639-3), its BCP 47 tag (for `lang`), its
    /// direction, its name in itself and its name in the interface language, as JSON.
    tags: String,
    /// The interviewer's language (ISO 639-3): the interface's, in which the script shows each
    /// question again beneath the interview's language.
    interface: &'static str,
}

/// A language's BCP 47 tag (the two-letter code where there is one), its direction, its name
/// in itself and in the interface language.
fn tag(tr: Tr, code: &str) -> serde_json::Value {
    let language = isolang::Language::from_639_3(code);
    serde_json::json!({
        "tag": language.and_then(|l| l.to_639_1()).unwrap_or(code),
        "dir": if RIGHT_TO_LEFT.contains(&code) { "rtl" } else { "ltr" },
        "autonym": language.and_then(|l| l.to_autonym()).unwrap_or(code),
        "name": words::language(tr, code),
    })
}

/// The ISO 639-3 code of an interface language (`fr` → `fra`); English when it has none.
fn interface_language(tr: Tr) -> &'static str {
    isolang::Language::from_639_1(tr.lang()).map_or("eng", |l| l.to_639_3())
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
            let value = tag(tr, &code);
            (code, value)
        })
        .collect();
    let page = InterviewPage {
        nav: visitor.nav(),
        languages,
        tags: serde_json::Value::Object(tags).to_string(),
        interface: interface_language(tr),
    };
    Ok(render(&page)?.into_response())
}

/// The service worker's script.
const SERVICE_WORKER: &str = include_str!("../../../static/js/interview-sw.js");

/// The line of the service worker that says what a page never kept says offline.
const SERVICE_WORKER_OFFLINE: &str =
    "const OFFLINE = 'Offline, and this page was never opened here with a connection.';";

/// The service worker, served from the site's root so that it may look after `/interview`,
/// with what it says offline in the language of whoever installs it.
async fn get_service_worker(headers: HeaderMap) -> Response {
    let tr = locale_of(&headers);
    let offline = serde_json::Value::String(tr.t("interview-offline")).to_string();
    let script = SERVICE_WORKER.replacen(
        SERVICE_WORKER_OFFLINE,
        &format!("const OFFLINE = {offline};"),
        1,
    );
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::VARY, "cookie, accept-language"),
        ],
        script,
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
    /// How many people it named, as the interface language writes the number.
    named: String,
    by: String,
}

#[derive(Template)]
#[template(path = "pages/interviews.html")]
struct InterviewsPage {
    nav: Nav,
    rows: Vec<Row>,
    /// How many the list shows at most.
    limit: u32,
}

/// How many interviews the list shows.
const LIST_LIMIT: u32 = 200;

/// The interviews received, the latest first, with the person interviewed by name.
async fn get_interviews(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let interviews = state.services.interviews(LIST_LIMIT as usize).await?;
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
            named: tr.number(u32::try_from(i.named).unwrap_or(u32::MAX)),
            by: i.recorded_by,
        })
        .collect();
    let page = InterviewsPage {
        nav: visitor.nav(),
        rows,
        limit: LIST_LIMIT,
    };
    Ok(render(&page)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(tag: &str) -> Tr {
        crate::i18n::catalog().negotiate(Some(tag), None)
    }

    #[test]
    fn the_interviewer_reads_the_questions_again_in_the_interface_language() {
        for (tag, code) in [
            ("en", "eng"),
            ("fr", "fra"),
            ("es", "spa"),
            ("ar", "ara"),
            ("ja", "jpn"),
            ("pt", "por"),
        ] {
            assert_eq!(interface_language(tr(tag)), code);
        }
        assert_eq!(tag(tr("en"), "ara")["dir"], "rtl");
        assert_eq!(tag(tr("fr"), "ara")["tag"], "ar");
        assert_eq!(tag(tr("en"), "jpn")["dir"], "ltr");
    }

    #[test]
    fn the_service_worker_says_offline_in_the_language_of_whoever_installs_it() {
        assert!(SERVICE_WORKER.contains(SERVICE_WORKER_OFFLINE));
    }
}
