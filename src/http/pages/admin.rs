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
use crate::i18n::Tr;

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
    /// The role's name in the interface language.
    role: String,
    created: String,
    expires: String,
    /// Active, expired or revoked, in words.
    state: String,
    /// Whether it still works (and so can be revoked).
    active: bool,
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
    /// Each role's code, name and what it may do, in words.
    roles: Vec<(&'static str, String, String)>,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/token-issued.html")]
struct IssuedPage {
    nav: Nav,
    label: String,
    /// "A viewer token for", before the label.
    before: String,
    /// ", expiring ... Hand this secret over ...:", after the label.
    after: String,
    secret: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminQuery {
    done: Option<String>,
}

/// A role's name in the interface language ("viewer", "lecteur").
fn role_name(tr: Tr, role: Role) -> String {
    tr.t(match role {
        Role::Admin => "admin-role-admin",
        Role::Coordinator => "admin-role-coordinator",
        Role::Analyst => "admin-role-analyst",
        Role::Viewer => "admin-role-viewer",
        Role::Interviewer => "admin-role-interviewer",
    })
}

/// What each role may do, in words, for the issue form.
fn roles(tr: Tr) -> Vec<(&'static str, String, String)> {
    Role::ALL
        .iter()
        .map(|role| {
            let says = tr.t(match role {
                Role::Admin => "admin-role-admin-may",
                Role::Coordinator => "admin-role-coordinator-may",
                Role::Analyst => "admin-role-analyst-may",
                Role::Viewer => "admin-role-viewer-may",
                Role::Interviewer => "admin-role-interviewer-may",
            });
            (role.as_str(), role_name(tr, *role), says)
        })
        .collect()
}

/// When a token expires, in words: its moment, or never.
fn expiry(tr: Tr, at: Option<&crate::domain::Timestamp>) -> String {
    at.map_or_else(|| tr.t("admin-never"), |at| words::moment(tr, at))
}

async fn admin_page(
    state: &AppState,
    visitor: Visitor,
    form: IssueForm,
    errors: FieldErrors,
    done: Option<String>,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let now = crate::domain::now();
    let tokens = state
        .services
        .tokens(&visitor.caller)
        .await?
        .into_iter()
        .map(|token| {
            let (state, active) = match (&token.revoked_at, token.is_valid_at(&now)) {
                (Some(_), _) => ("admin-state-revoked", false),
                (None, false) => ("admin-state-expired", false),
                (None, true) => ("admin-state-active", true),
            };
            TokenRow {
                state: tr.t(state),
                active,
                mine: token.id == visitor.caller.token,
                created: words::moment(tr, &token.created_at),
                expires: expiry(tr, token.expires_at.as_ref()),
                role: role_name(tr, token.role),
                label: token.label,
                id: token.id,
            }
        })
        .collect();
    render(&AdminPage {
        nav: visitor.nav(),
        tokens,
        form,
        errors,
        roles: roles(tr),
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
        Some("revoked") => Some(visitor.tr.t("admin-done-revoked")),
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
    let tr = visitor.tr;
    let form = IssueForm {
        label: text(&typed, "label"),
        role: text(&typed, "role"),
        days: text(&typed, "days"),
    };
    let mut errors = FieldErrors::none();
    let role = Role::parse(&form.role)
        .map_err(|_| errors.add("role", tr.t("admin-error-role")))
        .ok();
    let days = match form.days.parse::<u32>() {
        _ if form.days.is_empty() => None,
        Ok(days) if (1..=3650).contains(&days) => Some(days),
        _ => {
            errors.add("days", tr.t("admin-error-days"));
            None
        }
    };
    if form.label.is_empty() {
        errors.add("label", tr.t("admin-error-label"));
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
                    let refusal =
                        FieldErrors::of_refusal_in(tr, error.into(), |_| None, &["label"])?;
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
    let after = match token.expires_at.as_ref() {
        Some(at) => tr.t1("admin-issued-after", "expires", words::moment(tr, at)),
        None => tr.t("admin-issued-after-never"),
    };
    let mut response = render(&IssuedPage {
        nav: visitor.nav(),
        label: token.label.clone(),
        before: tr.t1("admin-issued-before", "role", role_name(tr, token.role)),
        after,
        secret: secret.expose().to_owned(),
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
    let tr = visitor.tr;
    let token = state
        .services
        .tokens(&visitor.caller)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::NotFound(format!("token {id}")))?;
    render(&ConfirmPage {
        nav: visitor.nav(),
        title: tr.t1("admin-revoke-title", "label", &token.label),
        warning: tr.t1("admin-revoke-warning", "role", role_name(tr, token.role)),
        action: format!("/admin/tokens/{id}/revoke"),
        button: tr.t("admin-revoke-button"),
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
                at: words::moment(tr, &e.at),
                who: e.who,
                role: e.role.map_or("–".into(), |r| role_name(tr, r)),
                action: e.action,
                target: e.target.unwrap_or_default(),
                outcome: words::outcome(tr, &e.outcome),
                records: e.records.map_or(String::new(), |r| tr.number(r as f64)),
            })
            .collect(),
        older,
        newest: before.is_none(),
    })?;
    Ok(crate::http::api::counted(count, page))
}
