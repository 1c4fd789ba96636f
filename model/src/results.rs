//! What staff see of a widget's participation.

use crate::staff::StaffIdea;
use crate::widget::WidgetKind;
use serde::{Deserialize, Serialize};

/// How many ideas the results rank; the export has them all.
pub const TOP_IDEAS: u32 = 100;

/// One option's tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionResult {
    /// Option id.
    pub id: String,
    /// Option label.
    pub label: String,
    /// Ballots that chose it.
    pub count: u64,
    /// Share of the ballots' choices, in whole percent (the shares add up to 100).
    pub percent: u8,
    /// Its ballots by participation level (levels with none are left out).
    #[serde(default)]
    pub by_level: Vec<LevelCount>,
}

/// Participation on one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Ballots, ideas or comments that day.
    pub count: u64,
}

/// `GET /v1/staff/widgets/{id}/results`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetResults {
    /// The widget.
    pub widget_id: String,
    /// Its kind.
    pub kind: WidgetKind,
    /// Ballots, ideas or comments received.
    pub participation: u64,
    /// Polls: ballots by participation level (open, code, verified), for a
    /// council that must know how many voters were checked.
    #[serde(default)]
    pub ballots_by_level: Vec<LevelCount>,
    /// Polls: each option's tally, in display order.
    pub options: Vec<OptionResult>,
    /// Participation per day, oldest first.
    pub per_day: Vec<DayCount>,
    /// Idea boxes: the [`TOP_IDEAS`] most supported ideas (every idea is in
    /// the export).
    pub top_ideas: Vec<StaffIdea>,
}

/// How many ballots came at one participation level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCount {
    /// The level.
    pub level: crate::participation::ParticipationLevel,
    /// Its ballots.
    pub ballots: u64,
}
