//! One error type for every handler, turned into `{"error": {"code", "message", "field"}}`.
//! 4xx bodies say what was wrong; 5xx bodies say only "internal error" and the cause chain is
//! logged once, with no personal data (causes carry ids and counts, never names).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::domain::RowError;
use crate::store::StoreError;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (bad JSON, bad query parameter, unknown format).
    #[error("{message}")]
    BadRequest {
        /// Machine-readable code.
        code: &'static str,
        /// What was wrong.
        message: String,
        /// The parameter or field at fault.
        field: Option<String>,
    },
    /// One record broke the model's rules (the first error names the field).
    #[error("invalid record")]
    Invalid(Vec<RowError>),
    /// An import broke the rules on some rows; nothing was written.
    #[error("import rejected")]
    ImportRejected(Vec<RowError>),
    /// No such record or route.
    #[error("{0} not found")]
    NotFound(String),
    /// The request conflicts with the network's state.
    #[error("{0}")]
    Conflict(String),
    /// The body is larger than allowed.
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// The body's content type is not one the route reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The method is not allowed on the route.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// No token, or one that is unknown, expired or revoked.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// The token's role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Too many failed sign-ins or bad tokens from this client; retry after the duration.
    #[error("too many failed sign-ins or bad tokens from this client; retry in {} s", .0.as_secs())]
    TooManyFailures(std::time::Duration),
    /// A relay query breaks a rule.
    #[error("{message}")]
    InvalidQuery {
        /// The field at fault.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The analysis ran past its time budget.
    #[error("the analysis took longer than {} s", .0.as_secs())]
    Timeout(std::time::Duration),
    /// The store cannot be reached.
    #[error("the store is unavailable")]
    Unavailable(#[source] StoreError),
    /// Anything else: a bug or a failing backend.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// A 400 with a code, a message and optionally the field at fault.
    pub fn bad_request(
        code: &'static str,
        message: impl Into<String>,
        field: Option<&str>,
    ) -> Self {
        Self::BadRequest {
            code,
            message: message.into(),
            field: field.map(String::from),
        }
    }

    /// The HTTP status of this error.
    pub fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Invalid(rows) => match rows.first().map(|r| r.error.code()) {
                Some("already_exists" | "kind_change") => StatusCode::CONFLICT,
                Some("not_found") => StatusCode::NOT_FOUND,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            },
            Self::ImportRejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::TooManyFailures(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::InvalidQuery { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Timeout(_) | Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> serde_json::Value {
        match self {
            Self::BadRequest {
                code,
                message,
                field,
            } => {
                json!({"code": code, "message": message, "field": field})
            }
            Self::Invalid(rows) => match rows.first() {
                Some(first) => json!({
                    "code": first.error.code(),
                    "message": first.error.to_string(),
                    "field": first.field,
                    "details": rows,
                }),
                None => json!({"code": "invalid", "message": "invalid record"}),
            },
            Self::ImportRejected(rows) => json!({
                "code": "import_rejected",
                "message": format!("{} bad row(s); nothing was written", rows.len()),
                "rows": rows,
            }),
            Self::NotFound(what) => {
                json!({"code": "not_found", "message": format!("{what} not found")})
            }
            Self::Conflict(message) => json!({"code": "conflict", "message": message}),
            Self::PayloadTooLarge(_) => {
                json!({"code": "payload_too_large", "message": self.to_string()})
            }
            Self::UnsupportedMediaType(message) => {
                json!({"code": "unsupported_media_type", "message": message})
            }
            Self::Unauthenticated(message) => {
                json!({"code": "unauthenticated", "message": message})
            }
            Self::Forbidden(message) => json!({"code": "forbidden", "message": message}),
            Self::TooManyFailures(_) => {
                json!({"code": "too_many_failures", "message": self.to_string()})
            }
            Self::MethodNotAllowed => {
                json!({"code": "method_not_allowed", "message": self.to_string()})
            }
            Self::InvalidQuery { field, message } => {
                json!({"code": "invalid_query", "message": message, "field": field})
            }
            Self::Timeout(_) => json!({"code": "timeout", "message": self.to_string()}),
            Self::Unavailable(_) => json!({
                "code": "unavailable",
                "message": "the store is unavailable; try again shortly",
            }),
            Self::Internal(_) => json!({"code": "internal", "message": "internal error"}),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => Self::NotFound(what),
            StoreError::Conflict(message) => Self::Conflict(message),
            StoreError::Rejected(rows) => Self::Invalid(rows),
            error @ StoreError::Unavailable(_) => Self::Unavailable(error),
            error @ StoreError::Backend(_) => Self::Internal(error.into()),
        }
    }
}

impl From<crate::analysis::AnalysisError> for ApiError {
    fn from(error: crate::analysis::AnalysisError) -> Self {
        match error {
            crate::analysis::AnalysisError::InvalidQuery { field, message } => {
                Self::InvalidQuery { field, message }
            }
            crate::analysis::AnalysisError::Cancelled => Self::Timeout(std::time::Duration::ZERO),
        }
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Internal(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status_code();
        match &self {
            Self::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "request failed")
            }
            Self::Unavailable(error) => {
                tracing::warn!(error = %crate::telemetry::chain(error), "store unavailable")
            }
            _ => tracing::debug!(status = status.as_u16(), "request refused"),
        }
        let mut response = (status, Json(json!({ "error": self.body() }))).into_response();
        let store_failed = match &self {
            Self::Unavailable(_) => true,
            Self::Internal(error) => error.downcast_ref::<StoreError>().is_some(),
            _ => false,
        };
        if store_failed {
            response
                .extensions_mut()
                .insert(crate::http::monitor::StoreFailed);
        }
        if matches!(self, Self::Unauthenticated(_)) {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        if let Self::TooManyFailures(wait) = self {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, wait.as_secs().into());
        }
        response
    }
}
