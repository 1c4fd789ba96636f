//! What staff read about their city's widgets and residents' contributions,
//! beyond what residents see: widgets in lists and in full, ideas and
//! comments with their moderation details.

use crate::ideas::{IdeaStatus, Visibility};
use crate::widget::{ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use serde::{Deserialize, Serialize};

/// A widget as staff see it in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffWidgetSummary {
    /// Public id.
    pub id: String,
    /// Kind.
    pub kind: WidgetKind,
    /// Title.
    pub title: String,
    /// Configured status.
    pub status: WidgetStatus,
    /// Ballots, ideas or comments received.
    pub participation: u64,
    /// Time of the last ballot, idea or comment (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_activity: Option<String>,
}

/// A widget's full configuration as staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffWidget {
    /// Public id.
    pub id: String,
    /// Kind.
    pub kind: WidgetKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Configured status.
    pub status: WidgetStatus,
    /// Opening time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    /// Closing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    /// Results visibility.
    pub results_visibility: ResultsVisibility,
    /// Moderation mode.
    pub moderation: ModerationMode,
    /// Fewest choices per ballot.
    pub min_choices: u32,
    /// Most choices per ballot.
    pub max_choices: u32,
    /// Reports that hide a comment.
    pub report_threshold: u32,
    /// Ballots, ideas or reports one network may bring in a day.
    pub network_daily_cap: u32,
    /// The widget's own language; absent: the city's default language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
    /// Polls: who may vote.
    #[serde(default)]
    pub participation: crate::participation::ParticipationLevel,
    /// Polls with `code` participation: their code set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_set_id: Option<i64>,
    /// Poll options with their ids.
    pub options: Vec<crate::PollOption>,
    /// When staff archived it (hidden from residents, read-only), if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    /// When a complete export of it was last downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// When the city's retention period erased residents' text in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purged_at: Option<String>,
}

/// An idea with moderation details, as staff list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffIdea {
    /// Identifier.
    pub id: i64,
    /// Widget.
    pub widget_id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Status.
    pub status: IdeaStatus,
    /// Visibility.
    pub visibility: Visibility,
    /// Supports.
    pub supports: u64,
    /// Official answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_answer: Option<String>,
    /// When (RFC 3339).
    pub created_at: String,
}

/// A comment with moderation details, as staff export it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffComment {
    /// Identifier.
    pub id: i64,
    /// Widget.
    pub widget_id: String,
    /// The comment it replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// Text (empty once deleted by its author).
    pub body: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Visibility.
    pub visibility: Visibility,
    /// Deleted by its author.
    pub deleted: bool,
    /// Supports.
    pub supports: u64,
    /// Distinct reports.
    pub reports: u64,
    /// When (RFC 3339).
    pub created_at: String,
}
