//! The audit log: every staff action that changes what residents see or
//! what is counted, with who did it and when. Append-only.

use crate::role::Role;
use serde::{Deserialize, Serialize};

/// What a staff member did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// Created a widget.
    WidgetCreated,
    /// Changed a widget's configuration (status, times, caps…).
    WidgetChanged,
    /// Approved, rejected or hid ideas or comments.
    Moderated,
    /// Undid a moderation decision (items back in the queue as they were).
    ModerationUndone,
    /// Set an idea's status or official answer.
    IdeaAnswered,
    /// Replied in a comment thread as the city.
    CityReplied,
    /// Archived a widget: hidden from residents, frozen.
    WidgetArchived,
    /// Deleted an archived widget with what residents wrote in it.
    WidgetDeleted,
    /// Made a set of invitation codes.
    CodesCreated,
    /// Downloaded a set's invitation codes.
    CodesDownloaded,
    /// Revoked an invitation code.
    CodeRevoked,
    /// Set, changed or removed the city's identity provider.
    IdentityProviderChanged,
}

/// One entry, as `GET /v1/staff/widgets/{id}/audit` and exports give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When (RFC 3339).
    pub at: String,
    /// The staff member's name when they acted.
    pub staff_name: String,
    /// Their role when they acted.
    pub staff_role: Role,
    /// What they did.
    pub action: AuditAction,
    /// The details: the decision and items, the fields changed, the reply…
    pub detail: String,
}

/// Body of `POST /v1/staff/widgets/{id}/comments/{comment}/replies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityReplyRequest {
    /// The reply, at most 2,000 characters.
    pub body: String,
}
