//! The admin's pages: the tokens (`/admin`: who has access, with which role, until when; issue
//! one, whose secret is shown once; revoke one after a confirmation) and the audit trail
//! (`/admin/audit`, newest first, a page at a time).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::actor::ConfirmPage;
use super::forms::{FieldErrors, Typed, text};
use super::{Nav, Visitor, render, words};
use crate::domain::Role;
use crate::http::access::{Access, AuditTarget, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/admin", Access::Admin, get_admin)
        .post("/admin/tokens", Access::Admin, post_token)
        .get("/admin/tokens/{id}/revoke", Access::Admin, get_revoke)
        .post("/admin/tokens/{id}/revoke", Access::Admin, post_revoke)
        .get("/admin/audit", Access::Admin, get_audit)
}

/// One token as the admin page lists it.
struct TokenRow {
    id: String,
    label: String,
    role: &'static str,
    created: String,
    expires: String,
    state: &'static str,
    /// Whether it is the token of this very session (which is not revoked from here).
    mine: bool,
}

/// What the issue form holds as typed.
#[derive(Default)]
struct IssueForm {
    label: String,
    role: String,
    days: String,
}

#[derive(Template)]
#[template(path = "pages/admin.html")]
struct AdminPage {
    nav: Nav,
    tokens: Vec<TokenRow>,
    form: IssueForm,
    errors: FieldErrors,
    roles: Vec<(&'static str, String)>,
    done: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "pages/token-issued.html")]
struct IssuedPage {
    nav: Nav,
    label: String,
    role: &'static str,
    secret: String,
    expires: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminQuery {
    done: Option<String>,
}

/// What each role may do, in words, for the issue form.
fn roles() -> Vec<(&'static str, String)> {
    Role::ALL
        .iter()
        .map(|role| {
            let says = match role {
                Role::Admin => "everything, including tokens and the audit trail",
                Role::Coordinator => "the network itself: names, maps, scenarios, imports",
                Role::Analyst => "pseudonymised research data and metrics",
                Role::Viewer => "counts only",
                Role::Interviewer => {
                    "field interviews only: the interview page and the roster by name"
                }
            };
            (role.as_str(), says.to_owned())
        })
        .collect()
}

async fn admin_page(
    state: &AppState,
    visitor: Visitor,
    form: IssueForm,
    errors: FieldErrors,
    done: Option<&'static str>,
) -> Result<Html<String>, ApiError> {
    let now = crate::domain::now();
    let tokens = state
        .services
        .tokens(&visitor.caller)
        .await?
        .into_iter()
        .map(|token| TokenRow {
            state: match (&token.revoked_at, token.is_valid_at(&now)) {
                (Some(_), _) => "Revoked",
                (None, false) => "Expired",
                (None, true) => "Active",
            },
            mine: token.id == visitor.caller.token,
            created: words::moment(&token.created_at),
            expires: token
                .expires_at
                .as_ref()
                .map_or("never".into(), words::moment),
            role: token.role.as_str(),
            label: token.label,
            id: token.id,
        })
        .collect();
    render(&AdminPage {
        nav: visitor.nav(),
        tokens,
        form,
        errors,
        roles: roles(),
        done,
    })
}

/// The tokens, and the form that issues one.
async fn get_admin(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<AdminQuery>,
) -> Result<Html<String>, ApiError> {
    let done = match query.done.as_deref() {
        Some("revoked") => Some("Revoked: the token and its sessions no longer work."),
        _ => None,
    };
    let form = IssueForm {
        role: "viewer".into(),
        ..IssueForm::default()
    };
    admin_page(&state, visitor, form, FieldErrors::none(), done).await
}

/// Issues a token and shows its secret, once.
async fn post_token(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(typed): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let form = IssueForm {
        label: text(&typed, "label"),
        role: text(&typed, "role"),
        days: text(&typed, "days"),
    };
    let mut errors = FieldErrors::none();
    let role = Role::parse(&form.role)
        .map_err(|_| errors.add("role", "Choose what the token may do."))
        .ok();
    let days = match form.days.parse::<u32>() {
        _ if form.days.is_empty() => None,
        Ok(days) if (1..=3650).contains(&days) => Some(days),
        _ => {
            errors.add(
                "days",
                "Give a whole number of days from 1 to 3650, or leave it empty.",
            );
            None
        }
    };
    if form.label.is_empty() {
        errors.add(
            "label",
            "Say whose token it is, such as “Harbour NGO, field team”.",
        );
    }
    let issued = match role {
        Some(role) if errors.is_empty() => {
            let expires = days.map(|d| crate::domain::now() + chrono::Duration::days(i64::from(d)));
            match state
                .services
                .issue_token(&visitor.caller, role, &form.label, expires)
                .await
            {
                Ok(issued) => Some(issued),
                Err(error) => {
                    let refusal = FieldErrors::of_refusal(error.into(), |_| None, &["label"])?;
                    for (field, message) in refusal.summary() {
                        errors.add(if field.is_empty() { "label" } else { &field }, message);
                    }
                    None
                }
            }
        }
        _ => None,
    };
    let Some((token, secret)) = issued else {
        let page = admin_page(&state, visitor, form, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    tracing::info!(
        role = token.role.as_str(),
        "token issued from the admin page"
    );
    let mut response = render(&IssuedPage {
        nav: visitor.nav(),
        label: token.label.clone(),
        role: token.role.as_str(),
        secret: secret.expose().to_owned(),
        expires: token
            .expires_at
            .as_ref()
            .map_or("never".into(), words::moment),
    })?
    .into_response();
    response.extensions_mut().insert(AuditTarget(token.id));
    Ok(response)
}

/// Asks before a token is revoked.
async fn get_revoke(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Html<String>, ApiError> {
    let token = state
        .services
        .tokens(&visitor.caller)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::NotFound(format!("token {id}")))?;
    render(&ConfirmPage {
        nav: visitor.nav(),
        title: format!("Revoke the token “{}”?", token.label),
        warning: format!(
            "Whoever holds this {} token loses access at once, and every session signed in with it ends. It cannot be undone: issue a new token if they need access again.",
            token.role
        ),
        action: format!("/admin/tokens/{id}/revoke"),
        button: "Revoke the token",
        back: "/admin".into(),
    })
}

/// Revokes a token, once confirmed; not the one this session uses.
async fn post_revoke(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if id == visitor.caller.token {
        return Err(ApiError::Conflict(
            "this session's own token is not revoked from here: sign in with another admin token first".into(),
        ));
    }
    state.services.revoke_token(&visitor.caller, &id).await?;
    Ok(Redirect::to("/admin?done=revoked").into_response())
}

/// One entry of the trail as the page shows it.
struct EntryRow {
    at: String,
    who: String,
    role: String,
    action: String,
    target: String,
    outcome: String,
    records: String,
}

#[derive(Template)]
#[template(path = "pages/audit.html")]
struct AuditPage {
    nav: Nav,
    entries: Vec<EntryRow>,
    older: Option<String>,
    newest: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    before: Option<String>,
}

/// Entries the trail's page shows.
const AUDIT_PAGE: usize = 100;

/// The audit trail, newest first.
async fn get_audit(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let before = query.before.as_deref().and_then(|b| b.parse::<u64>().ok());
    let entries = state
        .services
        .audit(&visitor.caller, before, AUDIT_PAGE)
        .await?;
    let older = (entries.len() == AUDIT_PAGE)
        .then(|| {
            entries
                .last()
                .map(|e| format!("/admin/audit?before={}", e.seq))
        })
        .flatten();
    let count = entries.len();
    let page = render(&AuditPage {
        nav: visitor.nav(),
        entries: entries
            .into_iter()
            .map(|e| EntryRow {
                at: words::moment(&e.at),
                who: e.who,
                role: e.role.map_or("–".into(), |r| r.as_str().to_owned()),
                action: e.action,
                target: e.target.unwrap_or_default(),
                outcome: words::outcome(tr, &e.outcome),
                records: e.records.map_or(String::new(), |r| r.to_string()),
            })
            .collect(),
        older,
        newest: before.is_none(),
    })?;
    Ok(crate::http::api::counted(count, page))
}
