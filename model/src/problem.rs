//! API errors as RFC 9457 problem details, with a stable `code` that clients
//! match on instead of parsing the human-readable text.

use serde::{Deserialize, Serialize};

/// Every error code the public API can answer with. The wire form is the
/// snake_case name; codes are never renamed once published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// 400: the body is not valid JSON of the expected shape.
    MalformedJson,
    /// 400: the `Parvis-Voter` header is missing or malformed.
    InvalidVoterToken,
    /// 415: the body is not `application/json`.
    UnsupportedMediaType,
    /// 413: the body is larger than the API accepts.
    PayloadTooLarge,
    /// 422: the ballot breaks the poll's rules (unknown option, too many…).
    InvalidBallot,
    /// 409: this voter has already voted in this poll.
    AlreadyVoted,
    /// 409: the widget does not accept participation now (draft or closed).
    WidgetNotOpen,
    /// 403: the request's `Origin` is not one of the city's embed origins.
    OriginNotAllowed,
    /// 404: no such widget, or no such route.
    NotFound,
    /// 405: the route exists but not with this method.
    MethodNotAllowed,
    /// 500: something failed on our side; details are in the server log only.
    Internal,
}

impl ProblemCode {
    /// The HTTP status this code is always sent with.
    pub fn status(self) -> u16 {
        match self {
            ProblemCode::MalformedJson | ProblemCode::InvalidVoterToken => 400,
            ProblemCode::OriginNotAllowed => 403,
            ProblemCode::NotFound => 404,
            ProblemCode::MethodNotAllowed => 405,
            ProblemCode::AlreadyVoted | ProblemCode::WidgetNotOpen => 409,
            ProblemCode::PayloadTooLarge => 413,
            ProblemCode::UnsupportedMediaType => 415,
            ProblemCode::InvalidBallot => 422,
            ProblemCode::Internal => 500,
        }
    }

    /// A short, stable English title for the problem type.
    pub fn title(self) -> &'static str {
        match self {
            ProblemCode::MalformedJson => "Malformed JSON body",
            ProblemCode::InvalidVoterToken => "Missing or malformed voter token",
            ProblemCode::UnsupportedMediaType => "Body must be application/json",
            ProblemCode::PayloadTooLarge => "Body too large",
            ProblemCode::InvalidBallot => "Invalid ballot",
            ProblemCode::AlreadyVoted => "Already voted",
            ProblemCode::WidgetNotOpen => "Widget not open",
            ProblemCode::OriginNotAllowed => "Origin not allowed",
            ProblemCode::NotFound => "Not found",
            ProblemCode::MethodNotAllowed => "Method not allowed",
            ProblemCode::Internal => "Internal error",
        }
    }
}

/// An RFC 9457 problem details body, sent as `application/problem+json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the problem type (`about:blank` is not used: every
    /// problem has a code).
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short summary of the problem type.
    pub title: String,
    /// HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence.
    pub detail: String,
    /// Stable machine-readable code.
    pub code: ProblemCode,
    /// For `already_voted`: the options the voter chose before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
}

impl Problem {
    /// A problem of the given code with an occurrence-specific detail.
    pub fn new(code: ProblemCode, detail: impl Into<String>) -> Problem {
        let code_name = serde_plain_name(code);
        Problem {
            type_uri: format!("https://parvis.fr/problems/{code_name}"),
            title: code.title().to_owned(),
            status: code.status(),
            detail: detail.into(),
            code,
            choices: None,
        }
    }
}

/// The snake_case wire name of a code, without pulling in a JSON serialiser.
fn serde_plain_name(code: ProblemCode) -> &'static str {
    match code {
        ProblemCode::MalformedJson => "malformed_json",
        ProblemCode::InvalidVoterToken => "invalid_voter_token",
        ProblemCode::UnsupportedMediaType => "unsupported_media_type",
        ProblemCode::PayloadTooLarge => "payload_too_large",
        ProblemCode::InvalidBallot => "invalid_ballot",
        ProblemCode::AlreadyVoted => "already_voted",
        ProblemCode::WidgetNotOpen => "widget_not_open",
        ProblemCode::OriginNotAllowed => "origin_not_allowed",
        ProblemCode::NotFound => "not_found",
        ProblemCode::MethodNotAllowed => "method_not_allowed",
        ProblemCode::Internal => "internal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[ProblemCode] = &[
        ProblemCode::MalformedJson,
        ProblemCode::InvalidVoterToken,
        ProblemCode::UnsupportedMediaType,
        ProblemCode::PayloadTooLarge,
        ProblemCode::InvalidBallot,
        ProblemCode::AlreadyVoted,
        ProblemCode::WidgetNotOpen,
        ProblemCode::OriginNotAllowed,
        ProblemCode::NotFound,
        ProblemCode::MethodNotAllowed,
        ProblemCode::Internal,
    ];

    #[test]
    fn type_uri_uses_the_wire_name() {
        for &code in ALL {
            let wire = serde_json::to_string(&code).expect("serialises");
            assert_eq!(wire, format!("\"{}\"", serde_plain_name(code)));
            assert!(
                Problem::new(code, "x")
                    .type_uri
                    .ends_with(serde_plain_name(code))
            );
        }
    }

    #[test]
    fn only_internal_is_a_server_error() {
        for &code in ALL {
            let status = code.status();
            assert_eq!(status >= 500, code == ProblemCode::Internal, "{code:?}");
        }
    }
}
