//! A public widget's row as every public route reads it (loaded by
//! `public::widgets::load`), and the rules it answers without the database.
//! Kept apart from the handlers so that `context.rs`, which carries it, and
//! the handlers, which take the context, do not depend on each other.

use crate::error::ApiError;
use parvis_model::city::Theme;
use parvis_model::participation::ParticipationLevel;
use parvis_model::{ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use serde::Deserialize;

/// A public (non-draft) widget's row, with its city's embed origins.
#[derive(Debug, Deserialize)]
pub struct WidgetRow {
    pub id: String,
    pub city_id: i64,
    pub kind: WidgetKind,
    pub title: String,
    pub description: String,
    pub status: WidgetStatus,
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
    pub results_visibility: ResultsVisibility,
    pub moderation: ModerationMode,
    pub min_choices: u32,
    pub max_choices: u32,
    /// Staff's daily cap per network, when they set one.
    network_daily_cap: Option<u32>,
    /// The widget's language: its own, else its city's.
    pub lang: parvis_model::Lang,
    /// The city's name.
    pub city_name: String,
    /// Polls: who may vote.
    pub participation: ParticipationLevel,
    /// Polls with `code` participation: their code set.
    pub code_set_id: Option<i64>,
    /// The name of the city's identity provider, when it has one.
    pub identity_provider: Option<String>,
    origins: Option<String>,
    /// The city's theme (JSON).
    city_theme: Option<String>,
    /// A poll's option ids in display order, space-separated (ids are slugs).
    option_ids: Option<String>,
}

impl WidgetRow {
    /// The city's embed origins.
    pub fn allowed_origins(&self) -> Vec<&str> {
        self.origins
            .as_deref()
            .unwrap_or_default()
            .split(' ')
            .filter(|o| !o.is_empty())
            .collect()
    }

    /// A poll's option ids, in display order.
    pub fn option_ids(&self) -> Vec<&str> {
        self.option_ids
            .as_deref()
            .unwrap_or_default()
            .split(' ')
            .filter(|o| !o.is_empty())
            .collect()
    }

    /// The city's brand; a theme that no longer parses, or an empty one, is none.
    pub fn theme(&self) -> Option<Theme> {
        self.city_theme
            .as_deref()
            .and_then(|json| serde_json::from_str::<Theme>(json).ok())
            .filter(|theme| *theme != Theme::default())
    }

    /// Ballots, ideas or reports one network may bring in a day.
    pub fn network_daily_cap(&self) -> u32 {
        self.network_daily_cap
            .unwrap_or(parvis_model::limits::DEFAULT_NETWORK_DAILY_CAP)
    }

    /// The status residents see now.
    pub fn effective_status(&self, now: i64) -> WidgetStatus {
        self.status.effective(self.opens_at, self.closes_at, now)
    }

    /// Refuses routes that do not apply to this kind of widget.
    pub fn require_kind(&self, kind: WidgetKind) -> Result<(), ApiError> {
        if self.kind == kind {
            Ok(())
        } else {
            Err(ApiError::WrongWidgetKind)
        }
    }

    /// Refuses participation unless the widget is open now.
    pub fn require_open(&self, now: i64) -> Result<(), ApiError> {
        if self.effective_status(now) == WidgetStatus::Open {
            Ok(())
        } else {
            Err(ApiError::WidgetNotOpen)
        }
    }

    /// The visibility of a new idea or comment.
    pub fn new_item_visibility(&self) -> &'static str {
        use parvis_model::ideas::Visibility;
        use parvis_model::wire::WireName;
        match self.moderation {
            ModerationMode::BeforePublication => Visibility::Pending.wire_name(),
            ModerationMode::AfterPublication => Visibility::Published.wire_name(),
        }
    }
}
