//! Why an analysis cannot answer: the one error type of the analysis engine.

/// Why a query cannot be answered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    /// A field of the query is wrong.
    #[error("{field}: {message}")]
    InvalidQuery {
        /// The field at fault.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The query ran past its time budget.
    #[error("the analysis was cancelled")]
    Cancelled,
}

impl AnalysisError {
    /// A field of the query is wrong.
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::InvalidQuery {
            field,
            message: message.into(),
        }
    }
}
