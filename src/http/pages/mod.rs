//! The web pages (askama templates in `templates/`, scripts in `static/js/`), one file a page:
//! sign-in and sign-out, the dashboard, the map and the crisis scenario, an actor's card,
//! intermediaries, research and import, the network view. Each page is a route with its access
//! rule, like the API; the map, scenario and import pages read and write through the API.

mod activations;
mod actor;
mod actors;
mod admin;
mod dashboard;
mod duplicates;
mod errors;
mod forms;
mod import;
mod intermediaries;
mod interview;
mod language;
mod map;
mod research;
mod signin;
mod view;
mod words;

pub(crate) use errors::html_errors;

use askama::Template;
use axum::response::Html;

use crate::http::ApiError;
use crate::http::access::{Access, Caller, Routes, SessionCsrf};
use crate::i18n::Tr;

/// Every page's route, each with its access rule.
pub fn routes() -> Routes {
    Routes::new()
        .merge(dashboard::routes())
        .merge(map::routes())
        .merge(activations::routes())
        .merge(duplicates::routes())
        .merge(import::routes())
        .merge(actors::routes())
        .merge(actor::routes())
        .merge(research::routes())
        .merge(intermediaries::routes())
        .merge(interview::routes())
        .merge(view::routes())
        .merge(signin::routes())
        .merge(admin::routes())
        .merge(language::routes())
}

/// Renders a page; a template error is an internal error, never a page showing it.
pub(crate) fn render(page: &impl Template) -> Result<Html<String>, ApiError> {
    page.render()
        .map(Html)
        .map_err(|e| ApiError::Internal(e.into()))
}

/// The cookie that keeps the interface language a person chose (a locale tag, no personal data).
pub(crate) const LOCALE_COOKIE: &str = "relaymap_locale";

/// The interface language of a request: the person's choice (the locale cookie the switch in
/// every page's header sets), else the browser's `Accept-Language`, else English.
pub(crate) fn locale_of(headers: &axum::http::HeaderMap) -> Tr {
    let saved = crate::http::session::cookie(headers, LOCALE_COOKIE);
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    crate::i18n::catalog().negotiate(saved, accept)
}

/// What the header and navigation of a page show, and the language it speaks. Every page has
/// one: the sign-in and error pages an anonymous one.
struct Nav {
    /// The interface language.
    tr: Tr,
    /// The page's address (path and query), to come back to after switching the language.
    back: String,
    label: String,
    role: &'static str,
    /// The session's CSRF token; empty when signed in with a bearer token (no session).
    csrf: String,
    /// Whether the role sees the network itself (the map and scenario pages).
    personal: bool,
    /// Whether the role reads metrics and exports.
    research: bool,
    /// Whether the role manages tokens and reads the audit trail.
    admin: bool,
    /// Whether the role sees the dashboard (every role but the interviewer).
    dashboard: bool,
    /// Whether the role runs interviews.
    interview: bool,
    /// The section of the site the page is in (`/actors` for an actor's card), which the
    /// navigation marks as the current one.
    here: String,
}

impl Nav {
    /// The header of a page seen without signing in (sign-in, errors): no links, no role.
    fn anonymous(tr: Tr, back: &str) -> Self {
        Self {
            tr,
            back: back.to_owned(),
            label: String::new(),
            role: "",
            csrf: String::new(),
            personal: false,
            research: false,
            admin: false,
            dashboard: false,
            interview: false,
            here: String::new(),
        }
    }

    /// A message (templates: `{{ nav.t("id") }}`).
    fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A message with one value.
    fn t1<'a>(&self, id: &str, name: &str, value: impl Into<crate::i18n::Arg<'a>>) -> String {
        self.tr.t1(id, name, value)
    }

    /// `<html lang>`.
    fn lang(&self) -> &'static str {
        self.tr.lang()
    }

    /// `<html dir>`.
    fn dir(&self) -> &'static str {
        self.tr.dir()
    }

    /// A language's name in the interface language.
    fn language(&self, code: &str) -> String {
        self.tr.language(code)
    }

    /// The locales of the switch in the header.
    fn locales(&self) -> Vec<(&'static str, String)> {
        self.tr.choices()
    }

    /// The scripts' messages, as JSON for `<script type="application/json" id="messages">`.
    fn script_messages(&self) -> String {
        self.tr.script_messages()
    }
}

/// The section of the site a path is in: its first segment.
fn section(path: &str) -> &str {
    let end = path[1.min(path.len())..]
        .find('/')
        .map_or(path.len(), |i| i + 1);
    &path[..end]
}

/// Who is looking at a page: the caller, and their web session's CSRF token for the page's
/// forms (empty when signed in with a bearer token).
pub(crate) struct Visitor {
    caller: Caller,
    csrf: String,
    /// The page's path.
    path: String,
    /// The page's path and query.
    back: String,
    /// The interface language.
    tr: Tr,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Visitor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let SessionCsrf(csrf) = SessionCsrf::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        Ok(Self {
            caller,
            csrf: csrf.unwrap_or_default(),
            path: parts.uri.path().to_owned(),
            back: parts
                .uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
            tr: locale_of(&parts.headers),
        })
    }
}

impl Visitor {
    /// The navigation bar for this visitor.
    fn nav(&self) -> Nav {
        let role = self.caller.role;
        Nav {
            tr: self.tr,
            back: self.back.clone(),
            label: self.caller.label.clone(),
            role: role.as_str(),
            csrf: self.csrf.clone(),
            personal: role.sees_personal_data(),
            research: Access::Research.allows(role),
            admin: Access::Admin.allows(role),
            dashboard: Access::Aggregates.allows(role),
            interview: Access::Interview.allows(role),
            here: section(&self.path).to_owned(),
        }
    }
}
