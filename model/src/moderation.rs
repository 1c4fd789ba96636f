//! The moderation queue and moderators' decisions: the items awaiting
//! them, the reports on a comment, a decision on one or more items and its
//! undo.

use crate::comments::ReportReason;
use crate::ideas::Visibility;
use serde::{Deserialize, Serialize};

/// What a moderation item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An idea.
    Idea,
    /// A comment.
    Comment,
}

/// The reports on a comment for one reason, however many: how many, when
/// the latest came, and the latest details given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    /// Reason.
    pub reason: ReportReason,
    /// How many residents reported the comment for it.
    pub count: u64,
    /// When the latest came (RFC 3339).
    pub latest_at: String,
    /// The latest details, newest first: at most [`REPORT_DETAILS_SHOWN`].
    pub latest_details: Vec<String>,
}

/// How many of a reason's latest details the moderation queue shows.
pub const REPORT_DETAILS_SHOWN: usize = 3;

/// An item awaiting a moderator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationItem {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
    /// Its widget.
    pub widget_id: String,
    /// Its widget's title.
    pub widget_title: String,
    /// The idea's title, or the comment's text.
    pub text: String,
    /// The idea's description (empty for comments).
    pub description: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Current visibility.
    pub visibility: Visibility,
    /// Reports by reason, most reported first, for reported comments.
    pub reports: Vec<ReportGroup>,
    /// When it was written (RFC 3339).
    pub created_at: String,
}

/// What a moderator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Publish.
    Approve,
    /// Refuse; it never shows.
    Reject,
    /// Take it off the page.
    Hide,
}

/// One item of an undo: its state before the decision being undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndoItem {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
    /// Its visibility in the queue: pending, published or hidden.
    pub visibility: Visibility,
}

/// Body of `POST /v1/staff/moderation/undo`: items put back as they were in
/// the queue before a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationUndo {
    /// 1 to 100 items.
    pub items: Vec<UndoItem>,
}

/// One item named in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
}

/// Body of `POST /v1/staff/moderation/decisions`: one decision for one or more items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationDecision {
    /// The decision.
    pub decision: Decision,
    /// The items (1 to 100).
    pub items: Vec<ItemRef>,
}
