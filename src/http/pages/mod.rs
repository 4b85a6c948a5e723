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
}

/// Renders a page; a template error is an internal error, never a page showing it.
pub(crate) fn render(page: &impl Template) -> Result<Html<String>, ApiError> {
    page.render()
        .map(Html)
        .map_err(|e| ApiError::Internal(e.into()))
}

/// What the navigation bar of a signed-in page shows.
struct Nav {
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
        })
    }
}

impl Visitor {
    /// The navigation bar for this visitor.
    fn nav(&self) -> Nav {
        let role = self.caller.role;
        Nav {
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
