//! Signing in and out: the form, its own CSRF token in a cookie, the failure limit.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::errors::safe_next;
use super::render;
use crate::domain::hash_secret;
use crate::http::access::{Access, Routes, audit, valid_token};
use crate::http::session::{
    SESSION_COOKIE, SESSION_LIFETIME, SIGNIN_CSRF_COOKIE, client, cookie, random_secret,
    same_secret, set_cookie,
};
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/signin", Access::Public, get_signin)
        // Public: there is no session yet. The form carries its own CSRF token, checked against
        // a cookie, and failures count towards the client's limit.
        .post("/signin", Access::Public, post_signin)
        .post("/signout", Access::Aggregates, post_signout)
}

#[derive(Template)]
#[template(path = "pages/signin.html")]
struct SignInPage {
    nav: super::Nav,
    csrf: String,
    message: Option<String>,
    /// The page to go back to once signed in.
    next: String,
}

/// The sign-in form, with a fresh CSRF token in a hidden field and in a cookie.
fn signin_page(
    tr: Tr,
    status: StatusCode,
    message: Option<String>,
    next: &str,
    secure: bool,
) -> Response {
    let csrf = random_secret();
    let back = super::errors::signin_for(next);
    let page = SignInPage {
        nav: super::Nav::anonymous(tr, &back),
        csrf: csrf.clone(),
        message,
        next: safe_next(next).unwrap_or("").to_owned(),
    };
    let cookie = set_cookie(
        SIGNIN_CSRF_COOKIE,
        Some(&csrf),
        std::time::Duration::from_secs(3600),
        secure,
    );
    match render(&page) {
        Ok(html) => (status, [(header::SET_COOKIE, cookie)], html).into_response(),
        Err(error) => error.into_response(),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
struct SignInQuery {
    next: Option<String>,
}

async fn get_signin(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<SignInQuery>,
) -> Response {
    let next = query.next.unwrap_or_default();
    let tr = super::locale_of(&headers);
    signin_page(tr, StatusCode::OK, None, &next, state.behind_proxy)
}

/// The largest sign-in form read.
const MAX_SIGNIN_BYTES: usize = 4096;

/// The longest the sign-in form may take to arrive.
const SIGNIN_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

async fn post_signin(State(state): State<AppState>, request: Request) -> Response {
    let secure = state.behind_proxy;
    let (parts, body) = request.into_parts();
    let client = client(&parts.headers, &parts.extensions, state.behind_proxy);
    let tr = super::locale_of(&parts.headers);
    if let Some(wait) = state.limiter.blocked(client) {
        let mut response = signin_page(
            tr,
            StatusCode::TOO_MANY_REQUESTS,
            Some(tr.t1("signin-too-many", "seconds", wait.as_secs())),
            "",
            secure,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs()));
        return response;
    }
    // A whole deadline for the form, not only between its bytes: a slow drip gets nowhere.
    let read = tokio::time::timeout(
        SIGNIN_READ_TIMEOUT,
        axum::body::to_bytes(body, MAX_SIGNIN_BYTES),
    );
    let bytes = match read.await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return ApiError::PayloadTooLarge(MAX_SIGNIN_BYTES).into_response(),
        Err(_) => return StatusCode::REQUEST_TIMEOUT.into_response(),
    };
    let field = |name: &str| {
        form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let next = field("next").unwrap_or_default();
    let expected = cookie(&parts.headers, SIGNIN_CSRF_COOKIE);
    let csrf_ok = matches!((field("csrf"), expected), (Some(sent), Some(expected)) if same_secret(&sent, expected));
    if !csrf_ok {
        return signin_page(
            tr,
            StatusCode::FORBIDDEN,
            Some(tr.t("signin-form-too-old")),
            &next,
            secure,
        );
    }
    let store = state.store.as_ref();
    let action = "POST /signin".to_owned();
    let secret = field("token").unwrap_or_default();
    let token = match valid_token(store, &hash_secret(secret.trim())).await {
        Ok(token) => token,
        Err(error) => return error.into_response(),
    };
    let Some(token) = token else {
        state.limiter.failed(client).await;
        audit(store, "anonymous".into(), None, action, None, "failed").await;
        return signin_page(
            tr,
            StatusCode::UNAUTHORIZED,
            Some(tr.t("signin-token-unknown")),
            &next,
            secure,
        );
    };
    audit(
        store,
        token.label.clone(),
        Some(token.role),
        action,
        None,
        "ok",
    )
    .await;
    let session = match state.sessions.start(hash_secret(secret.trim())).await {
        Ok(session) => session,
        Err(error) => return crate::http::ApiError::from(error).into_response(),
    };
    // An interviewer's only page is the interview.
    let home = if token.role == crate::domain::Role::Interviewer {
        "/interview"
    } else {
        "/"
    };
    let mut response = Redirect::to(safe_next(&next).unwrap_or(home)).into_response();
    let headers = response.headers_mut();
    for value in [
        set_cookie(SESSION_COOKIE, Some(&session), SESSION_LIFETIME, secure),
        set_cookie(SIGNIN_CSRF_COOKIE, None, SESSION_LIFETIME, secure),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Ends the session (its CSRF token was checked by the access middleware) and clears the cookie.
async fn post_signout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(value) = cookie(&headers, SESSION_COOKIE) {
        state.sessions.end(value).await;
    }
    let clear = set_cookie(SESSION_COOKIE, None, SESSION_LIFETIME, state.behind_proxy);
    ([(header::SET_COOKIE, clear)], Redirect::to("/signin")).into_response()
}
