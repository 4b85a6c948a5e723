//! Extractors whose rejections are [`ApiError`]s, so that a malformed body or query gets the
//! same JSON error body as every other refusal.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::document::parse_record;
use crate::domain::RowRef;

/// Reads the whole body, mapping one longer than the route's limit (`limit`, set on the route with
/// `DefaultBodyLimit`) to 413.
pub async fn body_bytes<S: Send + Sync>(
    request: Request,
    state: &S,
    limit: usize,
) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge(limit)
            } else {
                ApiError::bad_request("unreadable_body", rejection.body_text(), None)
            }
        })
}

/// Whether the request says its body is JSON.
pub fn is_json(request: &Request) -> bool {
    content_type(request).is_some_and(|ct| {
        let mime = ct.split(';').next().unwrap_or("").trim();
        mime == "application/json" || mime.ends_with("+json")
    })
}

/// The request's content type, if any.
pub fn content_type(request: &Request) -> Option<&str> {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
}

/// A JSON record body. Shape errors (a string where a number belongs, an unknown field) become a
/// 422 naming the field; text that is not JSON becomes a 400.
pub struct RecordJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for RecordJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(&request) {
            return Err(ApiError::UnsupportedMediaType(
                "send the record as JSON with Content-Type: application/json".into(),
            ));
        }
        let bytes = body_bytes(request, state, super::API_BODY_LIMIT).await?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| ApiError::bad_request("malformed_json", "the body is not UTF-8", None))?;
        if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(ApiError::bad_request(
                "malformed_json",
                format!("the body is not JSON: {error}"),
                None,
            ));
        }
        parse_record(text, &RowRef::new("body", 1))
            .map(Self)
            .map_err(|e| ApiError::Invalid(vec![e]))
    }
}

/// Query parameters; a bad one becomes a 400 naming it.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(Self)
            .map_err(|error| {
                let path = error.path().to_string();
                let message = error.inner().to_string();
                let field = if path == "." {
                    None
                } else {
                    Some(path.as_str())
                };
                ApiError::bad_request("invalid_query", message, field)
            })
    }
}
