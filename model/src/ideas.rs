//! Idea boxes: what residents submit, what everyone reads, what staff answer.

use crate::display_name::clean_display_name;
use crate::fields::{FieldError, FieldErrors};
use crate::text::{Lines, clean_optional, clean_text};
use serde::{Deserialize, Serialize};

/// Longest idea title.
pub const MAX_IDEA_TITLE: usize = 120;
/// Longest idea description.
pub const MAX_IDEA_DESCRIPTION: usize = 2_000;
/// Longest display name residents may sign with.
pub use crate::display_name::MAX_DISPLAY_NAME;
/// Longest official answer.
pub const MAX_OFFICIAL_ANSWER: usize = 4_000;

/// Body of `POST /v1/widgets/{id}/ideas`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdeaSubmission {
    /// Short title, at most 120 characters.
    pub title: String,
    /// Description, at most 2,000 characters.
    #[serde(default)]
    pub description: String,
    /// Optional name to sign with.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// An idea submission after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanIdea {
    /// Cleaned title.
    pub title: String,
    /// Cleaned description (may be empty).
    pub description: String,
    /// Cleaned display name.
    pub display_name: Option<String>,
}

/// Cleans and checks an idea, reporting every field at once.
pub fn validate_idea(submission: &IdeaSubmission) -> Result<CleanIdea, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let title = errors.take(clean_text(
        "title",
        &submission.title,
        MAX_IDEA_TITLE,
        Lines::Single,
    ));
    let description = errors.take(
        clean_optional(
            "description",
            Some(&submission.description),
            MAX_IDEA_DESCRIPTION,
            Lines::Multi,
        )
        .map(Option::unwrap_or_default),
    );
    let display_name = errors.take(clean_display_name(
        "display_name",
        submission.display_name.as_deref(),
    ));
    errors.finish(|| {
        Some(CleanIdea {
            title: title?,
            description: description?,
            display_name: display_name?,
        })
    })
}

/// Where staff say an idea stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaStatus {
    /// Just submitted.
    Submitted,
    /// Staff are studying it.
    UnderReview,
    /// The city will do it.
    Accepted,
    /// Work has started.
    InProgress,
    /// Done.
    Done,
    /// The city will not do it (the official answer says why).
    Rejected,
}

/// Whether resident content is public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Waiting for a moderator (moderation before publication).
    Pending,
    /// Public.
    Published,
    /// Hidden by a moderator or by reports, until a moderator decides.
    Hidden,
    /// Refused by a moderator.
    Rejected,
}

/// An idea as residents see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaView {
    /// Identifier.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// The name the author signed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Staff's status.
    pub status: IdeaStatus,
    /// Public or awaiting moderation.
    pub visibility: Visibility,
    /// Number of supports.
    pub supports: u64,
    /// Whether the asking voter supports it.
    pub supported_by_me: bool,
    /// Whether the asking voter wrote it.
    pub mine: bool,
    /// The city's official answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_answer: Option<String>,
    /// When it was submitted (RFC 3339).
    pub created_at: String,
}

/// Sort orders for the list of ideas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    /// Most supported first.
    #[default]
    Top,
    /// Most recent first.
    Newest,
}

/// Answer to supporting or withdrawing a support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportState {
    /// Supports now.
    pub supports: u64,
    /// Whether the asking voter supports it now.
    pub supported_by_me: bool,
}

/// Body of `PATCH /v1/staff/ideas/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdeaUpdate {
    /// New status.
    #[serde(default)]
    pub status: Option<IdeaStatus>,
    /// New official answer; an empty string removes it.
    #[serde(default)]
    pub official_answer: Option<String>,
}

/// Cleans an official answer: `Some("")` removes it, hence the nested option.
pub fn validate_official_answer(
    answer: Option<&str>,
) -> Result<Option<Option<String>>, FieldError> {
    match answer {
        None => Ok(None),
        Some(text) => clean_optional(
            "official_answer",
            Some(text),
            MAX_OFFICIAL_ANSWER,
            Lines::Multi,
        )
        .map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FieldErrorCode;

    fn check(
        title: &str,
        description: &str,
        name: Option<&str>,
        expected: Result<(), Vec<(&str, FieldErrorCode)>>,
    ) {
        let submission = IdeaSubmission {
            title: title.into(),
            description: description.into(),
            display_name: name.map(Into::into),
        };
        let got = validate_idea(&submission).map(|_| ()).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect::<Vec<_>>()
        });
        let expected = expected.map_err(|errors| {
            errors
                .into_iter()
                .map(|(f, c)| (f.to_owned(), c))
                .collect::<Vec<_>>()
        });
        assert_eq!(got, expected, "{title:?}");
    }

    #[test]
    fn table() {
        use FieldErrorCode::*;
        check("Des bancs", "", None, Ok(()));
        check(
            "Des bancs",
            "Près de la fontaine.\nMerci",
            Some(" Léa "),
            Ok(()),
        );
        check("", "", None, Err(vec![("title", Required)]));
        check(&"x".repeat(121), "", None, Err(vec![("title", TooLong)]));
        check(
            &"x".repeat(120),
            &"y".repeat(2_001),
            Some(&"z".repeat(61)),
            Err(vec![("description", TooLong), ("display_name", TooLong)]),
        );
    }

    #[test]
    fn official_answers() {
        assert_eq!(validate_official_answer(None), Ok(None));
        assert_eq!(validate_official_answer(Some("  ")), Ok(Some(None)));
        assert_eq!(
            validate_official_answer(Some(" Oui ")),
            Ok(Some(Some("Oui".into())))
        );
    }
}
