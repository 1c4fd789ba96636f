//! API errors as RFC 9457 problem details, with a stable `code` that clients
//! match on instead of parsing the human-readable text.

use crate::fields::FieldError;
use serde::{Deserialize, Serialize};

macro_rules! problem_codes {
    ($( $(#[$doc:meta])* $variant:ident = ($wire:literal, $status:literal, $title:literal), )*) => {
        /// Every error code the API can answer with. The wire form is the
        /// snake_case name; codes are never renamed once published.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ProblemCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ProblemCode {
            /// Every code, for documentation and tests.
            pub const ALL: &[ProblemCode] = &[$(ProblemCode::$variant,)*];

            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self { $(ProblemCode::$variant => $wire,)* }
            }

            /// The HTTP status this code is always sent with.
            pub fn status(self) -> u16 {
                match self { $(ProblemCode::$variant => $status,)* }
            }

            /// A short, stable English title for the problem type.
            pub fn title(self) -> &'static str {
                match self { $(ProblemCode::$variant => $title,)* }
            }
        }
    };
}

problem_codes! {
    /// The body is not valid JSON of the expected shape.
    MalformedJson = ("malformed_json", 400, "Malformed JSON body"),
    /// A query parameter is malformed.
    InvalidQuery = ("invalid_query", 400, "Invalid query parameter"),
    /// A request header (other than `Parvis-Voter`) is malformed.
    InvalidHeader = ("invalid_header", 400, "Invalid header"),
    /// The `Parvis-Voter` header is missing or malformed.
    InvalidVoterToken = ("invalid_voter_token", 400, "Missing or malformed voter token"),
    /// No valid staff session.
    Unauthenticated = ("unauthenticated", 401, "Not signed in"),
    /// Wrong e-mail or password.
    InvalidCredentials = ("invalid_credentials", 401, "Wrong e-mail or password"),
    /// The right temporary password, but older than its lifetime.
    TemporaryPasswordExpired = ("temporary_password_expired", 401, "Temporary password expired"),
    /// The request's `Origin` may not use this route.
    OriginNotAllowed = ("origin_not_allowed", 403, "Origin not allowed"),
    /// This poll counts one ballot per invitation code: send one.
    CodeRequired = ("code_required", 403, "Invitation code required"),
    /// No code of this poll's set reads like this one.
    InvalidCode = ("invalid_code", 403, "Invitation code not valid"),
    /// The city revoked this invitation code.
    CodeRevoked = ("code_revoked", 403, "Invitation code revoked"),
    /// The framed page's embed ticket is no longer valid (the page was open
    /// for hours, or the resident's network changed): reload the page.
    EmbedTicketExpired = ("embed_ticket_expired", 403, "Embed ticket expired"),
    /// This poll counts one ballot per verified person: verify first.
    VerificationRequired = ("verification_required", 403, "Verified identity required"),
    /// The ballot's verification grant is not this deployment's for this
    /// voter and city, or it has ended: verify again.
    VerificationInvalid = ("verification_invalid", 403, "Verification no longer valid"),
    /// The staff member's role does not allow this.
    Forbidden = ("forbidden", 403, "Forbidden"),
    /// The account still has its temporary password: change it first.
    PasswordChangeRequired = ("password_change_required", 403, "Password change required"),
    /// No such resource or route (or not in the caller's reach).
    NotFound = ("not_found", 404, "Not found"),
    /// The route exists but not with this method.
    MethodNotAllowed = ("method_not_allowed", 405, "Method not allowed"),
    /// This voter has already voted in this poll.
    AlreadyVoted = ("already_voted", 409, "Already voted"),
    /// This verified person has already voted in this poll (from another
    /// device or browser).
    IdentityAlreadyVoted = ("identity_already_voted", 409, "This person already voted"),
    /// The city has no identity provider ready (settings or secret missing).
    NoIdentityProvider = ("no_identity_provider", 409, "No identity provider"),
    /// The widget does not accept participation now (scheduled or closed).
    WidgetNotOpen = ("widget_not_open", 409, "Widget not open"),
    /// The route does not apply to this kind of widget.
    WrongWidgetKind = ("wrong_widget_kind", 409, "Wrong widget kind"),
    /// The change conflicts with the current state.
    Conflict = ("conflict", 409, "Conflict"),
    /// This invitation code has already been used in this poll.
    CodeAlreadyUsed = ("code_already_used", 409, "Invitation code already used"),
    /// A request with this `Idempotency-Key` is still being handled.
    IdempotencyInProgress = ("idempotency_in_progress", 409, "Idempotent request in progress"),
    /// The body is larger than the API accepts.
    PayloadTooLarge = ("payload_too_large", 413, "Body too large"),
    /// The body is not `application/json`.
    UnsupportedMediaType = ("unsupported_media_type", 415, "Body must be application/json"),
    /// The ballot breaks the poll's rules (unknown option, too many…).
    InvalidBallot = ("invalid_ballot", 422, "Invalid ballot"),
    /// Field-level validation failed; see `errors`.
    ValidationFailed = ("validation_failed", 422, "Validation failed"),
    /// The `Idempotency-Key` was used for a different request.
    IdempotencyKeyReused = ("idempotency_key_reused", 422, "Idempotency key reused"),
    /// The write needs a solved proof of work for this widget and voter
    /// token (missing, expired or wrong); fetch a challenge and solve it.
    ProofRequired = ("proof_required", 428, "Proof of work required"),
    /// This network tried too many wrong invitation codes; see `Retry-After`.
    TooManyWrongCodes = ("too_many_wrong_codes", 429, "Too many wrong invitation codes"),
    /// Too many requests; see `Retry-After`.
    RateLimited = ("rate_limited", 429, "Too many requests"),
    /// This network has reached the widget's daily cap for this kind of
    /// participation; see `Retry-After`.
    ParticipationCapReached = ("participation_cap_reached", 429, "Daily participation cap reached"),
    /// Something failed on our side; details are in the server log only.
    Internal = ("internal", 500, "Internal error"),
    /// The city's identity provider did not answer as expected (down,
    /// or its documents changed): not the resident's fault, try later.
    IdentityProviderUnavailable = ("identity_provider_unavailable", 502, "Identity provider unavailable"),
}

/// An RFC 9457 problem details body, sent as `application/problem+json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the problem type.
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
    /// For `validation_failed`: what is wrong with each field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
}

impl Problem {
    /// A problem of the given code with an occurrence-specific detail.
    pub fn new(code: ProblemCode, detail: impl Into<String>) -> Problem {
        Problem {
            type_uri: format!("https://parvis.fr/problems/{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail: detail.into(),
            code,
            choices: None,
            errors: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_serde() {
        for &code in ProblemCode::ALL {
            let wire = serde_json::to_string(&code).expect("serialises");
            assert_eq!(wire, format!("\"{}\"", code.as_str()));
            assert!(Problem::new(code, "x").type_uri.ends_with(code.as_str()));
        }
    }

    #[test]
    fn only_our_faults_and_the_providers_are_server_errors() {
        for &code in ProblemCode::ALL {
            let status = code.status();
            assert!((400..600).contains(&status));
            let server_side = matches!(
                code,
                ProblemCode::Internal | ProblemCode::IdentityProviderUnavailable
            );
            assert_eq!(status >= 500, server_side, "{code:?}");
        }
    }
}
