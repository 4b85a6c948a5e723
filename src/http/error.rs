//! One error type for every handler, turned into `{"error": {"code", "message", "field"}}`.
//! 4xx bodies say what was wrong; 5xx bodies say only "internal error" and the cause chain is
//! logged once, with no personal data (causes carry ids and counts, never names).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{RowError, RowErrorBody};
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
    /// The token already runs as many analyses as it may; retry after the duration.
    #[error(
        "this token already runs {1} analyses at once, the most it may; retry when one has finished"
    )]
    Busy(std::time::Duration, usize),
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
                Some("already_exists" | "kind_change" | "twin_tie") => StatusCode::CONFLICT,
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
            Self::TooManyFailures(_) | Self::Busy(..) => StatusCode::TOO_MANY_REQUESTS,
            Self::InvalidQuery { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Timeout(_) | Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorDetail<'_> {
        let detail = |code: &'static str, message: String| ErrorDetail {
            code,
            message,
            field: None,
            details: None,
            rows: None,
        };
        match self {
            Self::BadRequest {
                code,
                message,
                field,
            } => ErrorDetail {
                field: field.as_deref(),
                ..detail(code, message.clone())
            },
            Self::Invalid(rows) => match rows.first() {
                Some(first) => ErrorDetail {
                    field: Some(&first.field),
                    details: Some(rows),
                    ..detail(first.error.code(), first.error.to_string())
                },
                None => detail("invalid", "invalid record".into()),
            },
            Self::ImportRejected(rows) => ErrorDetail {
                rows: Some(rows),
                ..detail(
                    "import_rejected",
                    format!("{} bad row(s); nothing was written", rows.len()),
                )
            },
            Self::NotFound(what) => detail("not_found", format!("{what} not found")),
            Self::Conflict(message) => detail("conflict", message.clone()),
            Self::PayloadTooLarge(_) => detail("payload_too_large", self.to_string()),
            Self::UnsupportedMediaType(message) => {
                detail("unsupported_media_type", message.clone())
            }
            Self::Unauthenticated(message) => detail("unauthenticated", (*message).into()),
            Self::Forbidden(message) => detail("forbidden", message.clone()),
            Self::TooManyFailures(_) => detail("too_many_failures", self.to_string()),
            Self::MethodNotAllowed => detail("method_not_allowed", self.to_string()),
            Self::InvalidQuery { field, message } => ErrorDetail {
                field: Some(field),
                ..detail("invalid_query", message.clone())
            },
            Self::Timeout(_) => detail("timeout", self.to_string()),
            Self::Busy(..) => detail("too_many_analyses", self.to_string()),
            Self::Unavailable(_) => detail(
                "unavailable",
                "the store is unavailable; try again shortly".into(),
            ),
            Self::Internal(_) => detail("internal", "internal error".into()),
        }
    }
}

/// Every error answer: `{"error": {...}}`.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody<'a> {
    /// What went wrong.
    pub error: ErrorDetail<'a>,
}

/// What went wrong, for a program (`code`, `field`) and for a person (`message`).
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail<'a> {
    /// Machine-readable: `bad_request`, `invalid_query`, `not_found`, `unauthenticated`, a
    /// model rule such as `missing_field`, ...
    pub code: &'a str,
    /// What was wrong, in words. Never personal data.
    pub message: String,
    /// The parameter or field at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'a str>,
    /// Every broken rule of a rejected record.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<RowErrorBody>>)]
    pub details: Option<&'a [RowError]>,
    /// Every bad row of a rejected import; nothing was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<RowErrorBody>>)]
    pub rows: Option<&'a [RowError]>,
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

impl From<crate::service::ServiceError> for ApiError {
    fn from(error: crate::service::ServiceError) -> Self {
        use crate::service::ServiceError;
        match error {
            ServiceError::Store(error) => error.into(),
            ServiceError::Analysis(error) => error.into(),
            ServiceError::Invalid {
                code,
                field,
                message,
            } => Self::BadRequest {
                code,
                message,
                field: field.map(str::to_owned),
            },
            ServiceError::Forbidden(message) => Self::Forbidden(message),
            ServiceError::NotFound(what) => Self::NotFound(what),
            ServiceError::Busy { retry_after, limit } => Self::Busy(retry_after, limit),
            ServiceError::Timeout(budget) => Self::Timeout(budget),
            ServiceError::Internal(error) => Self::Internal(error),
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
        let mut response = (status, Json(ErrorBody { error: self.body() })).into_response();
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
        if let Self::TooManyFailures(wait) | Self::Busy(wait, _) = self {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                wait.as_secs().max(1).into(),
            );
        }
        response
    }
}
