//! The language switch in every page's header: `POST /language` keeps the choice in a cookie
//! (a locale tag, nothing personal) and goes back to the page it was made on.

use axum::extract::{Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

use super::LOCALE_COOKIE;
use crate::http::access::{Access, Routes};
use crate::http::session::set_cookie;
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().post("/language", Access::Public, post_language)
}

/// The most bytes the switch's form may hold.
const MAX_FORM_BYTES: usize = 4096;

/// How long the choice is kept.
const KEPT: std::time::Duration = std::time::Duration::from_secs(365 * 24 * 3600);

/// A page of this site to go back to: a local path, never elsewhere, never the API.
fn local_page(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && !raw.starts_with("/api/")
        && raw.len() <= 2000
        && !raw.chars().any(|c| c.is_control() || c == '\\');
    local.then_some(raw)
}

/// Keeps the chosen locale (`locale`, one of the shipped ones) and goes back to `back`.
async fn post_language(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    let bytes = axum::body::to_bytes(request.into_body(), MAX_FORM_BYTES)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(MAX_FORM_BYTES))?;
    let field = |name: &str| {
        form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let locale = field("locale").unwrap_or_default();
    let Some(locale) = crate::i18n::catalog().get(locale.trim()) else {
        let shipped: Vec<&str> = crate::i18n::catalog()
            .locales()
            .iter()
            .map(|l| l.tag)
            .collect();
        return Err(ApiError::bad_request(
            "unknown_locale",
            format!("the languages are {}", shipped.join(", ")),
            Some("locale"),
        ));
    };
    let back = field("back").unwrap_or_default();
    let back = local_page(&back).unwrap_or("/").to_owned();
    let cookie = set_cookie(LOCALE_COOKIE, Some(locale.tag), KEPT, state.behind_proxy);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response())
}

#[cfg(test)]
mod tests {
    use super::local_page;

    #[test]
    fn only_local_pages_are_gone_back_to() {
        assert_eq!(local_page("/map?city=c-1"), Some("/map?city=c-1"));
        assert_eq!(
            local_page("/signin?next=%2Fmap"),
            Some("/signin?next=%2Fmap")
        );
        for away in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "/api/v1/export",
            "map",
        ] {
            assert_eq!(local_page(away), None, "{away}");
        }
    }
}
