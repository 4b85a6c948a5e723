//! What a browser sees when a page cannot be shown: an HTML page in plain words, with the same
//! status, instead of the API's JSON; and a page that needs signing in sends the visitor to the
//! sign-in form, which brings them back to it afterwards.

use askama::Template;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::render;

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage {
    nav: super::Nav,
    title: String,
    explanation: String,
    show_signin: bool,
}

/// Whether a browser asked for a page (not the API, a script or a file).
pub(crate) fn wants_page(request: &Request) -> bool {
    let path = request.uri().path();
    !path.starts_with("/api/")
        && !path.starts_with("/static/")
        && !path.starts_with("/vendor/")
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
}

/// A path the sign-in form may send someone back to: on this site, a page, never elsewhere.
pub(crate) fn safe_next(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && !raw.starts_with("/api/")
        && !raw.starts_with("/signin")
        && !raw.starts_with("/signout")
        && raw.len() <= 2000
        && !raw.chars().any(|c| c.is_control() || c == '\\');
    local.then_some(raw)
}

/// The sign-in form's address that comes back to `next` afterwards.
pub(crate) fn signin_for(next: &str) -> String {
    match safe_next(next).filter(|n| *n != "/") {
        Some(next) => {
            let query: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next)
                .finish();
            format!("/signin?{query}")
        }
        None => "/signin".into(),
    }
}

/// Turns the JSON error answers of page requests into HTML pages (a missing or expired sign-in
/// into the sign-in form, with the way back).
pub(crate) async fn html_errors(request: Request, next: Next) -> Response {
    if !wants_page(&request) {
        return next.run(request).await;
    }
    let back = request
        .uri()
        .path_and_query()
        .map_or("/".to_owned(), |p| p.as_str().to_owned());
    let is_get = request.method() == axum::http::Method::GET;
    let tr = super::locale_of(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if !status.is_client_error() && !status.is_server_error() || !is_json {
        return response;
    }
    if status == StatusCode::UNAUTHORIZED {
        let back = if is_get { back.as_str() } else { "/" };
        return Redirect::to(&signin_for(back)).into_response();
    }
    let (title, explanation) = words_for(status);
    let page = ErrorPage {
        nav: super::Nav::anonymous(tr, &back),
        title: tr.t(title),
        explanation: tr.t(explanation),
        show_signin: status == StatusCode::FORBIDDEN,
    };
    let mut answer = match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(error) => return error.into_response(),
    };
    // Kept from the original answer: how long to wait, and what the audit trail needs.
    if let Some(wait) = response.headers().get(header::RETRY_AFTER) {
        answer
            .headers_mut()
            .insert(header::RETRY_AFTER, wait.clone());
    }
    answer
}

/// The messages of an error page's title and explanation.
fn words_for(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::FORBIDDEN => ("error-forbidden-title", "error-forbidden-text"),
        StatusCode::NOT_FOUND => ("error-not-found-title", "error-not-found-text"),
        StatusCode::METHOD_NOT_ALLOWED => ("error-method-title", "error-method-text"),
        StatusCode::PAYLOAD_TOO_LARGE => ("error-too-large-title", "error-too-large-text"),
        StatusCode::TOO_MANY_REQUESTS => ("error-too-many-title", "error-too-many-text"),
        status if status.is_server_error() => ("error-server-title", "error-server-text"),
        _ => ("error-bad-request-title", "error-bad-request-text"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_after_sign_in_stays_on_this_site() {
        assert_eq!(
            signin_for("/actors/m-0001?saved=tie"),
            "/signin?next=%2Factors%2Fm-0001%3Fsaved%3Dtie"
        );
        assert_eq!(signin_for("/"), "/signin");
        for elsewhere in [
            "//evil.example/x",
            "/\\evil.example",
            "https://evil.example/",
            "/api/v1/actors",
            "/signin?next=/x",
        ] {
            assert_eq!(signin_for(elsewhere), "/signin", "{elsewhere}");
        }
    }
}
