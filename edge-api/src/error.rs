//! The one error type of the API and the one place it becomes an answer.

use parvis_model::{BallotError, FieldError, Problem, ProblemCode, VoterTokenError};

/// Everything a handler can fail with. Each variant maps to exactly one
/// problem code, and so to one HTTP status.
#[derive(Debug)]
pub enum ApiError {
    /// 404 `not_found`: no such route, or no such resource in the caller's reach.
    NotFound(&'static str),
    /// 405 `method_not_allowed`, with the methods the route accepts.
    MethodNotAllowed(String),
    /// 400 `malformed_json`: the body is not JSON of the expected shape.
    MalformedJson(String),
    /// 400 `invalid_query`: a query parameter is malformed.
    InvalidQuery(String),
    /// 400 `invalid_header`: a request header is malformed.
    InvalidHeader(String),
    /// 415 `unsupported_media_type`: the body is not declared as JSON.
    UnsupportedMediaType,
    /// 413 `payload_too_large`: the body is over [`parvis_model::limits::MAX_BODY_BYTES`].
    PayloadTooLarge,
    /// 400 `invalid_voter_token`: `Parvis-Voter` is missing or malformed.
    InvalidVoter(VoterTokenError),
    /// 422 `invalid_ballot`: the ballot breaks the poll's rules.
    InvalidBallot(BallotError),
    /// 422 `validation_failed`: field-level errors.
    Validation(Vec<FieldError>),
    /// 409 `already_voted`, with the voter's recorded choices.
    AlreadyVoted(Vec<String>),
    /// 409 `widget_not_open`: not accepting participation now.
    WidgetNotOpen,
    /// 409 `wrong_widget_kind`: the route does not apply to this kind of widget.
    WrongWidgetKind,
    /// 409 `conflict`: the change conflicts with the current state.
    Conflict(&'static str),
    /// 403 `origin_not_allowed`: the `Origin` may not use this route.
    OriginNotAllowed,
    /// 403 `code_required`: this poll counts one ballot per invitation code.
    CodeRequired,
    /// 403 `invalid_code`: not a code of this poll's set.
    InvalidCode,
    /// 403 `code_revoked`: the city revoked this code.
    CodeRevoked,
    /// 409 `code_already_used`: this code already voted in this poll.
    CodeAlreadyUsed,
    /// 403 `verification_required`: this poll counts verified people only.
    VerificationRequired,
    /// 403 `embed_ticket_expired`: the framed page's ticket no longer holds.
    EmbedTicketExpired,
    /// 403 `verification_invalid`: the ballot's grant is not valid (any more).
    VerificationInvalid,
    /// 409 `identity_already_voted`: this verified person voted in this poll.
    IdentityAlreadyVoted,
    /// 409 `no_identity_provider`: the city's provider or its secret is missing.
    NoIdentityProvider,
    /// 502 `identity_provider_unavailable`: the provider did not answer as
    /// expected; the cause is logged, never sent.
    IdentityProviderUnavailable(String),
    /// 429 `too_many_wrong_codes`: this network guessed too much; seconds to wait.
    TooManyWrongCodes(u32),
    /// 403 `origin_not_allowed`, said to the page itself (which may read
    /// it): its origin is not among the city's allowed sites.
    PageNotAllowed(String),
    /// 401 `unauthenticated`: no valid staff session.
    Unauthenticated,
    /// 401 `invalid_credentials`: wrong e-mail or password.
    InvalidCredentials,
    /// 401 `temporary_password_expired`: right password, but a temporary one
    /// past its lifetime (said only to someone who typed it right).
    TemporaryPasswordExpired,
    /// 403 `forbidden`: the staff member's role does not allow this.
    Forbidden,
    /// 403 `password_change_required`: the account still has its temporary password.
    PasswordChangeRequired,
    /// 428 `proof_required`: no valid proof of work for this widget and
    /// voter token; says what was wrong with it.
    ProofRequired(&'static str),
    /// 429 `rate_limited`, with the seconds to wait.
    RateLimited(u32),
    /// 429 `participation_cap_reached`: this network's daily cap for this
    /// kind of participation in this widget, with the seconds to wait.
    ParticipationCapReached(u32),
    /// 422 `idempotency_key_reused`: same key, different request.
    IdempotencyKeyReused,
    /// 409 `idempotency_in_progress`: the first request with this key is still running.
    IdempotencyInProgress,
    /// 500 `internal`: a fault on our side. The cause is logged, never sent.
    Internal(String),
}

impl ApiError {
    fn code_and_detail(&self) -> (ProblemCode, String) {
        use ApiError::*;
        match self {
            NotFound(what) => (ProblemCode::NotFound, (*what).to_owned()),
            MethodNotAllowed(allow) => (
                ProblemCode::MethodNotAllowed,
                format!("this route accepts {allow}"),
            ),
            MalformedJson(detail) => (ProblemCode::MalformedJson, detail.clone()),
            InvalidQuery(detail) => (ProblemCode::InvalidQuery, detail.clone()),
            InvalidHeader(detail) => (ProblemCode::InvalidHeader, detail.clone()),
            UnsupportedMediaType => (
                ProblemCode::UnsupportedMediaType,
                "send the body with Content-Type: application/json".to_owned(),
            ),
            PayloadTooLarge => (
                ProblemCode::PayloadTooLarge,
                format!(
                    "bodies are limited to {} bytes",
                    parvis_model::limits::MAX_BODY_BYTES
                ),
            ),
            InvalidVoter(error) => (ProblemCode::InvalidVoterToken, error.to_string()),
            InvalidBallot(error) => (ProblemCode::InvalidBallot, error.to_string()),
            Validation(errors) => (
                ProblemCode::ValidationFailed,
                errors
                    .iter()
                    .map(FieldError::message)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            AlreadyVoted(_) => (
                ProblemCode::AlreadyVoted,
                "this voter has already voted in this poll".to_owned(),
            ),
            WidgetNotOpen => (
                ProblemCode::WidgetNotOpen,
                "this widget does not accept participation now".to_owned(),
            ),
            WrongWidgetKind => (
                ProblemCode::WrongWidgetKind,
                "this route does not apply to this kind of widget".to_owned(),
            ),
            Conflict(detail) => (ProblemCode::Conflict, (*detail).to_owned()),
            OriginNotAllowed => (
                ProblemCode::OriginNotAllowed,
                "this origin may not use this route".to_owned(),
            ),
            CodeRequired => (
                ProblemCode::CodeRequired,
                "this poll counts one ballot per invitation code: enter yours".to_owned(),
            ),
            InvalidCode => (
                ProblemCode::InvalidCode,
                "this is not one of this poll's invitation codes: check what you typed".to_owned(),
            ),
            CodeRevoked => (
                ProblemCode::CodeRevoked,
                "the city revoked this invitation code".to_owned(),
            ),
            CodeAlreadyUsed => (
                ProblemCode::CodeAlreadyUsed,
                "this invitation code has already voted in this poll".to_owned(),
            ),
            VerificationRequired => (
                ProblemCode::VerificationRequired,
                "this poll counts verified residents only: verify your identity first".to_owned(),
            ),
            VerificationInvalid => (
                ProblemCode::VerificationInvalid,
                "your identity check is no longer valid (it lasts 30 minutes, in this page only): \
                 verify again"
                    .to_owned(),
            ),
            IdentityAlreadyVoted => (
                ProblemCode::IdentityAlreadyVoted,
                "this person has already voted in this poll, from another device or browser"
                    .to_owned(),
            ),
            NoIdentityProvider => (
                ProblemCode::NoIdentityProvider,
                "the city has not finished setting up its identity provider: verified votes \
                 cannot be cast yet"
                    .to_owned(),
            ),
            IdentityProviderUnavailable(_) => (
                ProblemCode::IdentityProviderUnavailable,
                "the city's identity provider is not answering as expected: try again later"
                    .to_owned(),
            ),
            EmbedTicketExpired => (
                ProblemCode::EmbedTicketExpired,
                "this framed page's ticket is no longer valid (open for hours, or a new network): \
                 reload the page"
                    .to_owned(),
            ),
            TooManyWrongCodes(seconds) => (
                ProblemCode::TooManyWrongCodes,
                format!(
                    "too many wrong invitation codes from this network: try again in {seconds} s"
                ),
            ),
            PageNotAllowed(origin) => (
                ProblemCode::OriginNotAllowed,
                format!(
                    "this page's origin, {origin}, is not among the city's allowed sites: \
                     add it in the Parvis dashboard, Settings › Allowed sites"
                ),
            ),
            Unauthenticated => (ProblemCode::Unauthenticated, "sign in first".to_owned()),
            InvalidCredentials => (
                ProblemCode::InvalidCredentials,
                "wrong e-mail or password".to_owned(),
            ),
            TemporaryPasswordExpired => (
                ProblemCode::TemporaryPasswordExpired,
                "this temporary password has expired: ask an administrator for a new account"
                    .to_owned(),
            ),
            Forbidden => (
                ProblemCode::Forbidden,
                "your role does not allow this".to_owned(),
            ),
            PasswordChangeRequired => (
                ProblemCode::PasswordChangeRequired,
                "choose your own password first (PUT /v1/staff/me/password)".to_owned(),
            ),
            ProofRequired(why) => (ProblemCode::ProofRequired, (*why).to_owned()),
            RateLimited(seconds) => (
                ProblemCode::RateLimited,
                format!("too many requests: try again in {seconds} s"),
            ),
            ParticipationCapReached(seconds) => (
                ProblemCode::ParticipationCapReached,
                format!(
                    "this network has reached the widget's daily cap for this kind of \
                     participation: try again in {seconds} s"
                ),
            ),
            IdempotencyKeyReused => (
                ProblemCode::IdempotencyKeyReused,
                "this Idempotency-Key was used for a different request".to_owned(),
            ),
            IdempotencyInProgress => (
                ProblemCode::IdempotencyInProgress,
                "a request with this Idempotency-Key is still being handled".to_owned(),
            ),
            Internal(_) => (
                ProblemCode::Internal,
                "an internal error occurred".to_owned(),
            ),
        }
    }

    /// The problem document for this error and the headers that go with
    /// it (`Retry-After`, `Allow`); `reply.rs` sends it. A fault on our side
    /// is logged here, its cause never sent.
    pub fn into_problem(self) -> (Problem, Vec<(&'static str, String)>) {
        match &self {
            ApiError::Internal(cause) => worker::console_error!("internal error: {cause}"),
            ApiError::IdentityProviderUnavailable(cause) => {
                worker::console_warn!("identity provider unavailable: {cause}")
            }
            _ => {}
        }
        let (code, detail) = self.code_and_detail();
        let mut problem = Problem::new(code, detail);
        let mut extra = Vec::new();
        match self {
            ApiError::AlreadyVoted(choices) => problem.choices = Some(choices),
            ApiError::Validation(errors) => problem.errors = Some(errors),
            ApiError::RateLimited(seconds)
            | ApiError::ParticipationCapReached(seconds)
            | ApiError::TooManyWrongCodes(seconds) => {
                extra.push(("Retry-After", seconds.to_string()))
            }
            ApiError::MethodNotAllowed(allow) => extra.push(("Allow", allow)),
            _ => {}
        }
        (problem, extra)
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

impl From<Vec<FieldError>> for ApiError {
    fn from(errors: Vec<FieldError>) -> Self {
        ApiError::Validation(errors)
    }
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        ApiError::Validation(vec![error])
    }
}
