//! The one error type of the API and the one place it becomes a response.

use parvis_model::{BallotError, Problem, ProblemCode, VoterTokenError};
use worker::{Headers, Response};

/// Everything a handler can fail with. Each variant maps to exactly one
/// problem code, and so to one HTTP status.
#[derive(Debug)]
pub enum ApiError {
    /// 404: the widget or route does not exist (or is not public).
    NotFound(&'static str),
    /// 405: the route exists, not with this method.
    MethodNotAllowed,
    /// 400: the body is not JSON of the expected shape.
    MalformedJson(String),
    /// 415: the body is not declared as JSON.
    UnsupportedMediaType,
    /// 413: the body is over [`crate::body::MAX_BODY_BYTES`].
    PayloadTooLarge,
    /// 400: the `Parvis-Voter` header is missing or malformed.
    InvalidVoter(VoterTokenError),
    /// 422: the ballot breaks the poll's rules.
    InvalidBallot(BallotError),
    /// 409: the voter already has a ballot in this poll; carries its choices.
    AlreadyVoted(Vec<String>),
    /// 409: the widget is not open for participation.
    WidgetNotOpen,
    /// 403: the `Origin` is not one of the city's embed origins.
    OriginNotAllowed,
    /// 500: a fault on our side. The cause is logged, never sent.
    Internal(String),
}

impl ApiError {
    fn problem(&self) -> Problem {
        match self {
            ApiError::NotFound(what) => Problem::new(ProblemCode::NotFound, *what),
            ApiError::MethodNotAllowed => Problem::new(
                ProblemCode::MethodNotAllowed,
                "this route does not accept that method",
            ),
            ApiError::MalformedJson(detail) => Problem::new(ProblemCode::MalformedJson, detail),
            ApiError::UnsupportedMediaType => Problem::new(
                ProblemCode::UnsupportedMediaType,
                "send the body with Content-Type: application/json",
            ),
            ApiError::PayloadTooLarge => Problem::new(
                ProblemCode::PayloadTooLarge,
                format!(
                    "bodies are limited to {} bytes",
                    crate::body::MAX_BODY_BYTES
                ),
            ),
            ApiError::InvalidVoter(error) => {
                Problem::new(ProblemCode::InvalidVoterToken, error.to_string())
            }
            ApiError::InvalidBallot(error) => {
                Problem::new(ProblemCode::InvalidBallot, error.to_string())
            }
            ApiError::AlreadyVoted(choices) => Problem {
                choices: Some(choices.clone()),
                ..Problem::new(
                    ProblemCode::AlreadyVoted,
                    "this voter has already voted in this poll",
                )
            },
            ApiError::WidgetNotOpen => Problem::new(
                ProblemCode::WidgetNotOpen,
                "this widget does not accept participation now",
            ),
            ApiError::OriginNotAllowed => Problem::new(
                ProblemCode::OriginNotAllowed,
                "this page's origin is not allowed to embed this widget",
            ),
            ApiError::Internal(_) => {
                Problem::new(ProblemCode::Internal, "an internal error occurred")
            }
        }
    }

    /// The `application/problem+json` response for this error.
    pub fn into_response(self) -> Response {
        if let ApiError::Internal(cause) = &self {
            worker::console_error!("internal error: {cause}");
        }
        let problem = self.problem();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let headers = Headers::new();
        // Setting a constant, valid header cannot fail.
        let _ = headers.set("Content-Type", "application/problem+json");
        let _ = headers.set("Cache-Control", "no-store");
        if matches!(self, ApiError::MethodNotAllowed) {
            let _ = headers.set("Allow", "GET, HEAD, POST, OPTIONS");
        }
        Response::builder()
            .with_status(problem.status)
            .with_headers(headers)
            .fixed(body)
    }
}

impl From<worker::Error> for ApiError {
    fn from(error: worker::Error) -> Self {
        ApiError::Internal(error.to_string())
    }
}

impl From<VoterTokenError> for ApiError {
    fn from(error: VoterTokenError) -> Self {
        ApiError::InvalidVoter(error)
    }
}

impl From<BallotError> for ApiError {
    fn from(error: BallotError) -> Self {
        ApiError::InvalidBallot(error)
    }
}
