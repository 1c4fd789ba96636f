//! Comment threads: comments, replies, supports and reports.

use crate::display_name::clean_display_name;
use crate::fields::{FieldError, FieldErrors};
use crate::ideas::Visibility;
use crate::role::Role;
use crate::text::{Lines, clean_optional, clean_text};
use serde::{Deserialize, Serialize};

/// Longest comment.
pub const MAX_COMMENT: usize = 2_000;
/// Longest free-text detail of a report.
pub const MAX_REPORT_DETAILS: usize = 500;

/// Body of `POST /v1/widgets/{id}/comments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommentSubmission {
    /// The comment, at most 2,000 characters.
    pub body: String,
    /// The comment this one replies to.
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Optional name to sign with.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// A comment submission after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanComment {
    /// Cleaned text.
    pub body: String,
    /// Cleaned display name.
    pub display_name: Option<String>,
}

/// Cleans and checks a comment.
pub fn validate_comment(submission: &CommentSubmission) -> Result<CleanComment, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let body = errors.take(clean_text(
        "body",
        &submission.body,
        MAX_COMMENT,
        Lines::Multi,
    ));
    let display_name = errors.take(clean_display_name(
        "display_name",
        submission.display_name.as_deref(),
    ));
    errors.finish(|| {
        Some(CleanComment {
            body: body?,
            display_name: display_name?,
        })
    })
}

/// A comment as residents see it, with its replies (one level deep).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    /// Identifier.
    pub id: i64,
    /// The comment it replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// The text; empty once its author deleted it.
    pub body: String,
    /// The name its author signed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Set on the city's own replies, written by staff: their role. Never
    /// set on residents' comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_reply: Option<Role>,
    /// Public or awaiting moderation.
    pub visibility: Visibility,
    /// Whether its author deleted it (kept as a placeholder when it has replies).
    pub deleted: bool,
    /// Number of supports.
    pub supports: u64,
    /// Whether the asking voter supports it.
    pub supported_by_me: bool,
    /// Whether the asking voter wrote it.
    pub mine: bool,
    /// When it was posted (RFC 3339).
    pub created_at: String,
    /// Replies, oldest first: in a thread's list, the first
    /// [`REPLIES_SHOWN`]; the rest come from `…/comments/{comment}/replies`.
    #[serde(default)]
    pub replies: Vec<CommentView>,
    /// How many replies the asking voter may see in all.
    #[serde(default)]
    pub reply_count: u64,
}

/// Replies a thread's list carries under each comment; a comment with more
/// offers the rest, read in pages of this size after the last one shown.
pub const REPLIES_SHOWN: u32 = 10;

/// `GET /v1/widgets/{id}/comments/{comment}/replies?after=`: the replies
/// after one, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyPage {
    /// Up to [`REPLIES_SHOWN`] replies.
    pub items: Vec<CommentView>,
    /// Whether more follow the last of them.
    pub more: bool,
}

/// Why a resident reports a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Advertising or repeated messages.
    Spam,
    /// Insults, harassment, hate.
    Abuse,
    /// Unrelated to the consultation.
    OffTopic,
    /// Someone's personal data.
    PersonalData,
    /// Anything else (say what in `details`).
    Other,
}

/// Body of `POST /v1/widgets/{id}/comments/{comment}/reports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The reason.
    pub reason: ReportReason,
    /// Optional detail.
    #[serde(default)]
    pub details: Option<String>,
}

/// Cleans a report's optional detail.
pub fn validate_report(report: &ReportRequest) -> Result<Option<String>, Vec<FieldError>> {
    clean_optional(
        "details",
        report.details.as_deref(),
        MAX_REPORT_DETAILS,
        Lines::Multi,
    )
    .map_err(|error| vec![error])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FieldErrorCode;

    #[test]
    fn comments() {
        let ok = CommentSubmission {
            body: " Bonne idée ! ".into(),
            parent_id: None,
            display_name: None,
        };
        assert_eq!(
            validate_comment(&ok).map(|c| c.body),
            Ok("Bonne idée !".into())
        );
        let empty = CommentSubmission {
            body: "\n".into(),
            parent_id: Some(1),
            display_name: Some("x\u{7}".into()),
        };
        let codes: Vec<_> = validate_comment(&empty)
            .unwrap_err()
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(
            codes,
            [FieldErrorCode::Required, FieldErrorCode::InvalidCharacters]
        );
    }

    #[test]
    fn reports() {
        let report = ReportRequest {
            reason: ReportReason::Other,
            details: Some("x".repeat(501)),
        };
        assert!(validate_report(&report).is_err());
        let parsed: ReportRequest =
            serde_json::from_str(r#"{"reason":"personal_data"}"#).expect("parses");
        assert_eq!(parsed.reason, ReportReason::PersonalData);
    }
}
