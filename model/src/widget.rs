//! The public view of a widget, as `GET /v1/widgets/{id}` returns it.

use serde::{Deserialize, Serialize};

/// What a widget lets residents do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetKind {
    /// A question with options residents vote on.
    Poll,
}

/// Where a widget is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetStatus {
    /// Being prepared by staff; residents cannot take part yet.
    Draft,
    /// Residents can take part.
    Open,
    /// Participation has ended; results stay readable.
    Closed,
}

/// When residents may see the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultsVisibility {
    /// Counts are always public.
    Always,
    /// A resident sees the counts once they have voted.
    AfterVoting,
    /// Counts are public once the widget is closed.
    AfterClosing,
}

impl ResultsVisibility {
    /// Whether counts may be shown, given the widget status and whether the
    /// asking voter has already voted.
    pub fn shows_results(self, status: WidgetStatus, has_voted: bool) -> bool {
        match self {
            ResultsVisibility::Always => true,
            ResultsVisibility::AfterVoting => has_voted || status == WidgetStatus::Closed,
            ResultsVisibility::AfterClosing => status == WidgetStatus::Closed,
        }
    }
}

/// One option of a poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollOption {
    /// Stable identifier, unique within its poll; what a ballot names.
    pub id: String,
    /// The text residents read.
    pub label: String,
    /// Number of ballots that chose this option; absent while results are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// A widget as residents see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetView {
    /// Public identifier, the one in `data-parvis-widget`.
    pub id: String,
    /// What the widget is.
    pub kind: WidgetKind,
    /// The question or heading.
    pub title: String,
    /// Optional context under the title; empty when there is none.
    #[serde(default)]
    pub description: String,
    /// Whether residents can take part now.
    pub status: WidgetStatus,
    /// When the counts are public.
    pub results_visibility: ResultsVisibility,
    /// Whether the voter named in the request's `Parvis-Voter` header has voted.
    #[serde(default)]
    pub has_voted: bool,
    /// Total ballots cast; absent while results are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_ballots: Option<u64>,
    /// The poll's options, in display order.
    pub options: Vec<PollOption>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(vis: ResultsVisibility, status: WidgetStatus, voted: bool, expected: bool) {
        assert_eq!(
            vis.shows_results(status, voted),
            expected,
            "{vis:?} {status:?} voted={voted}"
        );
    }

    #[test]
    fn results_visibility_rules() {
        use ResultsVisibility::*;
        use WidgetStatus::*;
        check(Always, Open, false, true);
        check(AfterVoting, Open, false, false);
        check(AfterVoting, Open, true, true);
        check(AfterVoting, Closed, false, true);
        check(AfterClosing, Open, true, false);
        check(AfterClosing, Closed, false, true);
    }

    #[test]
    fn hidden_counts_are_absent_from_json() {
        let option = PollOption {
            id: "a".into(),
            label: "A".into(),
            count: None,
        };
        let json = serde_json::to_string(&option).expect("serialises");
        assert_eq!(json, r#"{"id":"a","label":"A"}"#);
    }
}
