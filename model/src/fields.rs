//! Field-level validation errors, sent in a problem's `errors` member so
//! forms can show a message next to each field.

use serde::{Deserialize, Serialize};

/// What is wrong with a field. The wire form is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// The field is missing or blank.
    Required,
    /// The text is longer than `limit` characters.
    TooLong,
    /// The value is shorter or smaller than `limit`.
    TooShort,
    /// The text holds control characters (or line breaks where none are allowed).
    InvalidCharacters,
    /// The value is not of the expected form (an origin, a date, a colour…).
    InvalidFormat,
    /// The value is outside the allowed range or set.
    OutOfRange,
    /// The value repeats another one that must be unique.
    Duplicate,
    /// The value cannot be changed now (e.g. poll options once voted on).
    Locked,
    /// The value is reserved (a resident's name that poses as the city).
    Reserved,
    /// Nothing answers at this address as expected (an identity provider's
    /// issuer whose discovery document is missing or names another issuer).
    Unreachable,
}

/// One field's problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name as in the request body (`options[2].label` for nested ones).
    pub field: String,
    /// What is wrong.
    pub code: FieldErrorCode,
    /// The limit involved, for `too_long`, `too_short` and `out_of_range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

impl FieldError {
    /// A field error without a limit.
    pub fn new(field: impl Into<String>, code: FieldErrorCode) -> FieldError {
        FieldError {
            field: field.into(),
            code,
            limit: None,
        }
    }

    /// The same error, naming the limit involved.
    pub fn with_limit(mut self, limit: usize) -> FieldError {
        self.limit = Some(limit);
        self
    }

    /// An English sentence for the API's `detail`; the apps show their own
    /// translated messages from `code` and `limit`.
    pub fn message(&self) -> String {
        let limit = self.limit.unwrap_or_default();
        match self.code {
            FieldErrorCode::Required => format!("{} is required", self.field),
            FieldErrorCode::TooLong => format!("{} is longer than {limit} characters", self.field),
            FieldErrorCode::TooShort => format!("{} is below {limit}", self.field),
            FieldErrorCode::InvalidCharacters => {
                format!("{} contains characters that are not allowed", self.field)
            }
            FieldErrorCode::InvalidFormat => {
                format!("{} is not in the expected format", self.field)
            }
            FieldErrorCode::OutOfRange => format!("{} is out of range", self.field),
            FieldErrorCode::Duplicate => format!("{} repeats another value", self.field),
            FieldErrorCode::Locked => format!("{} cannot be changed now", self.field),
            FieldErrorCode::Reserved => format!("{} is reserved", self.field),
            FieldErrorCode::Unreachable => format!(
                "{}: no OpenID provider answers as this issuer (its discovery document is \
                 missing or names another issuer)",
                self.field
            ),
        }
    }
}

/// Collects field errors while validating a whole form.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// Keeps the value of a check, or records its error and gives `None`.
    pub fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    /// Records an error.
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// `Ok(value)` when nothing was recorded, else every error.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty()
            && let Some(value) = value()
        {
            return Ok(value);
        }
        Err(self.0)
    }
}
