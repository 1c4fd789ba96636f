//! The public view of a widget, as `GET /v1/widgets/{id}` returns it.

use crate::time::UnixSeconds;
use serde::{Deserialize, Serialize};

/// What a widget lets residents do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WidgetKind {
    /// A question with options residents vote on.
    Poll,
    /// An idea box: residents submit ideas and support them.
    Ideas,
    /// A comment thread with replies.
    Comments,
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
    /// Computed, never set: open, with an opening time still ahead.
    Scheduled,
}

impl WidgetStatus {
    /// The status residents see at `now`, from the one staff set and the
    /// optional opening and closing times.
    pub fn effective(
        self,
        opens_at: Option<UnixSeconds>,
        closes_at: Option<UnixSeconds>,
        now: UnixSeconds,
    ) -> WidgetStatus {
        match self {
            WidgetStatus::Open if closes_at.is_some_and(|t| now >= t) => WidgetStatus::Closed,
            WidgetStatus::Open if opens_at.is_some_and(|t| now < t) => WidgetStatus::Scheduled,
            other => other,
        }
    }
}

/// When resident content (ideas, comments) becomes public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModerationMode {
    /// A moderator approves each item before it shows.
    BeforePublication,
    /// Items show at once; moderators can hide them afterwards.
    AfterPublication,
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
    /// Whether residents can take part now (`open`), not yet (`scheduled`)
    /// or no more (`closed`).
    pub status: WidgetStatus,
    /// Opening time (RFC 3339), when one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    /// Closing time (RFC 3339), when one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    /// When residents' ideas and comments become public.
    pub moderation: ModerationMode,
    /// Polls: fewest options a ballot chooses.
    pub min_choices: u32,
    /// Polls: most options a ballot chooses (1 for single choice).
    pub max_choices: u32,
    /// When the counts are public.
    pub results_visibility: ResultsVisibility,
    /// Whether the voter named in the request's `Parvis-Voter` header has voted.
    #[serde(default)]
    pub has_voted: bool,
    /// Total ballots cast; absent while results are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_ballots: Option<u64>,
    /// The poll's options, in display order (empty for other kinds).
    #[serde(default)]
    pub options: Vec<PollOption>,
    /// Polls: who may vote (open, with an invitation code, with a verified
    /// identity), said to residents before they act.
    #[serde(default)]
    pub participation: crate::participation::ParticipationLevel,
    /// Polls with `verified` participation: the name of the city's identity
    /// provider, for the sign-in button ("FranceConnect"); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<String>,
    /// The language the widget speaks unless the page's placeholder asks
    /// for another (`data-lang`): its own, set by staff, else the city's.
    #[serde(default)]
    pub lang: crate::Lang,
    /// The city's brand, applied by the widget in its light theme unless the
    /// page sets its own `--parvis-*` custom properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<crate::city::Theme>,
}

/// What a webmaster pastes: the loader from Parvis' origin and the
/// widget's placeholder. The kind lets the loader fetch the widget's code
/// while its first view is on the way (the loader learns it otherwise).
pub fn embed_snippet(parvis_origin: &str, id: &str, kind: WidgetKind) -> String {
    use crate::wire::WireName;
    format!(
        "<script src=\"{parvis_origin}/embed.js\" async></script>\n\
         <div data-parvis-widget=\"{id}\" data-parvis-kind=\"{}\"></div>",
        kind.wire_name()
    )
}

/// Whether `text` has the form of a public widget id: 1 to 64 lowercase
/// ASCII letters, digits and dashes (as the API makes them and its OpenAPI
/// document states). Clients check before putting one in a path, so no id
/// can be a `..` segment or carry a `?` or `/`.
pub fn is_widget_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_ids_are_lowercase_slugs() {
        for valid in ["demo-poll", "a", "budget-2027"] {
            assert!(is_widget_id(valid), "{valid}");
        }
        let long = "a".repeat(65);
        for invalid in ["", "..", ".", "a/b", "a?b", "Demo", "é", long.as_str()] {
            assert!(!is_widget_id(invalid), "{invalid}");
        }
    }

    #[test]
    fn the_snippet_names_the_loader_the_widget_and_its_kind() {
        assert_eq!(
            embed_snippet("https://parvis.example", "budget-2027", WidgetKind::Ideas),
            "<script src=\"https://parvis.example/embed.js\" async></script>\n\
             <div data-parvis-widget=\"budget-2027\" data-parvis-kind=\"ideas\"></div>"
        );
    }

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
    fn effective_status() {
        use WidgetStatus::*;
        let check = |status: WidgetStatus, opens, closes, expected| {
            assert_eq!(status.effective(opens, closes, 100), expected);
        };
        check(Open, None, None, Open);
        check(Open, Some(101), None, Scheduled);
        check(Open, Some(100), Some(200), Open);
        check(Open, None, Some(100), Closed);
        check(Draft, Some(101), None, Draft);
        check(Closed, None, Some(500), Closed);
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
