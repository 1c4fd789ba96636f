//! What the editor's form holds: filled from a saved widget, sent as a
//! `WidgetConfig`, previewed as the `WidgetView` residents would load.

use super::poll_options::OptionRow;
use super::schedule::{from_local_input, to_local_input};
use crate::app::Ui;
use crate::pages::preview::{now_seconds, unix_seconds};
use leptos::prelude::*;
use parvis_model::limits::DEFAULT_NETWORK_DAILY_CAP;
use parvis_model::participation::ParticipationLevel;
use parvis_model::staff::StaffWidget;
use parvis_model::widget_config::{OptionInput, WidgetConfig};
use parvis_model::{
    Lang, ModerationMode, PollOption, ResultsVisibility, WidgetKind, WidgetStatus, WidgetView,
};

/// The form's values, one signal each.
#[derive(Clone, Copy)]
pub struct Draft {
    /// Poll, idea box or comment thread.
    pub kind: RwSignal<WidgetKind>,
    /// The title.
    pub title: RwSignal<String>,
    /// The description.
    pub description: RwSignal<String>,
    /// Draft, open or closed.
    pub status: RwSignal<WidgetStatus>,
    /// When it opens, as a `datetime-local` value.
    pub opens_at: RwSignal<String>,
    /// When it closes, as a `datetime-local` value.
    pub closes_at: RwSignal<String>,
    /// When residents see a poll's results.
    pub visibility: RwSignal<ResultsVisibility>,
    /// Before or after publication (ideas, comments).
    pub moderation: RwSignal<ModerationMode>,
    /// Whether a ballot may hold several answers.
    pub multiple: RwSignal<bool>,
    /// The fewest answers of a multiple-choice ballot.
    pub min_choices: RwSignal<u32>,
    /// The most answers of a multiple-choice ballot.
    pub max_choices: RwSignal<u32>,
    /// Reports that hide an item until a moderator looks.
    pub threshold: RwSignal<u32>,
    /// Votes per network and day.
    pub network_cap: RwSignal<u32>,
    /// The widget's own language; `None`: the city's default language.
    pub widget_lang: RwSignal<Option<Lang>>,
    /// Who can vote on a poll.
    pub participation: RwSignal<ParticipationLevel>,
    /// The code set of a poll by invitation code.
    pub code_set: RwSignal<Option<i64>>,
    /// Once a poll has ballots, who can vote no longer changes.
    pub voted: RwSignal<bool>,
    /// A poll's answers.
    pub rows: RwSignal<Vec<OptionRow>>,
    /// The key the next row added gets.
    pub next_key: StoredValue<u32>,
    /// Typing an option's label does not redraw the rows (focus stays); it
    /// bumps this so the preview follows.
    pub labels_changed: RwSignal<u32>,
}

impl Draft {
    /// A new poll, a draft with two empty answers.
    pub fn new() -> Draft {
        Draft {
            kind: RwSignal::new(WidgetKind::Poll),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            status: RwSignal::new(WidgetStatus::Draft),
            opens_at: RwSignal::new(String::new()),
            closes_at: RwSignal::new(String::new()),
            visibility: RwSignal::new(ResultsVisibility::Always),
            moderation: RwSignal::new(ModerationMode::AfterPublication),
            multiple: RwSignal::new(false),
            min_choices: RwSignal::new(1),
            max_choices: RwSignal::new(2),
            threshold: RwSignal::new(3),
            network_cap: RwSignal::new(DEFAULT_NETWORK_DAILY_CAP),
            widget_lang: RwSignal::new(None),
            participation: RwSignal::new(ParticipationLevel::Open),
            code_set: RwSignal::new(None),
            voted: RwSignal::new(false),
            rows: RwSignal::new(vec![OptionRow::empty(0), OptionRow::empty(1)]),
            next_key: StoredValue::new(2),
            labels_changed: RwSignal::new(0),
        }
    }

    /// Shows the saved widget `w`.
    pub fn fill(self, w: StaffWidget) {
        self.kind.set(w.kind);
        self.title.set(w.title);
        self.description.set(w.description);
        self.status.set(w.status);
        self.opens_at.set(
            w.opens_at
                .as_deref()
                .map(to_local_input)
                .unwrap_or_default(),
        );
        self.closes_at.set(
            w.closes_at
                .as_deref()
                .map(to_local_input)
                .unwrap_or_default(),
        );
        self.visibility.set(w.results_visibility);
        self.moderation.set(w.moderation);
        self.multiple.set(w.max_choices > 1);
        self.min_choices.set(w.min_choices);
        self.max_choices.set(w.max_choices.max(2));
        self.threshold.set(w.report_threshold);
        self.network_cap.set(w.network_daily_cap);
        self.widget_lang.set(w.lang);
        self.participation.set(w.participation);
        self.code_set.set(w.code_set_id);
        self.voted
            .set(w.options.iter().any(|o| o.count.unwrap_or(0) > 0));
        let loaded: Vec<OptionRow> = w
            .options
            .into_iter()
            .enumerate()
            .map(|(i, o)| OptionRow {
                key: i as u32,
                id: Some(o.id),
                label: o.label,
            })
            .collect();
        self.next_key.set_value(loaded.len() as u32);
        self.rows.set(loaded);
    }

    /// What is typed, as the API takes it.
    pub fn config(self) -> WidgetConfig {
        let poll = self.kind.get_untracked() == WidgetKind::Poll;
        // Other kinds are always open; only `code` names a set.
        let level = if poll {
            self.participation.get_untracked()
        } else {
            ParticipationLevel::Open
        };
        let (min, max) = if self.multiple.get_untracked() {
            (
                self.min_choices.get_untracked(),
                self.max_choices.get_untracked(),
            )
        } else {
            (1, 1)
        };
        WidgetConfig {
            kind: self.kind.get_untracked(),
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            status: self.status.get_untracked(),
            opens_at: from_local_input(&self.opens_at.get_untracked()),
            closes_at: from_local_input(&self.closes_at.get_untracked()),
            results_visibility: self.visibility.get_untracked(),
            moderation: self.moderation.get_untracked(),
            min_choices: min,
            max_choices: max,
            report_threshold: self.threshold.get_untracked(),
            network_daily_cap: Some(self.network_cap.get_untracked()),
            lang: self.widget_lang.get_untracked(),
            participation: level,
            code_set_id: self
                .code_set
                .get_untracked()
                .filter(|_| level == ParticipationLevel::Code),
            options: if poll {
                self.rows
                    .get_untracked()
                    .iter()
                    .map(|r| OptionInput {
                        id: r.id.clone(),
                        label: r.label.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }

    /// What residents would load, for the preview; tracks every field.
    pub fn preview(self, ui: Ui) -> WidgetView {
        self.labels_changed.track();
        let opens = from_local_input(&self.opens_at.get());
        let closes = from_local_input(&self.closes_at.get());
        // A draft is previewed as residents will see it once opened.
        let configured = match self.status.get() {
            WidgetStatus::Draft => WidgetStatus::Open,
            other => other,
        };
        let (min, max) = if self.multiple.get() {
            (self.min_choices.get(), self.max_choices.get())
        } else {
            (1, 1)
        };
        WidgetView {
            id: "preview".to_owned(),
            kind: self.kind.get(),
            title: self.title.get(),
            description: self.description.get(),
            status: configured.effective(
                opens.as_deref().and_then(unix_seconds),
                closes.as_deref().and_then(unix_seconds),
                now_seconds(),
            ),
            opens_at: opens,
            closes_at: closes,
            moderation: self.moderation.get(),
            min_choices: min,
            max_choices: max,
            results_visibility: self.visibility.get(),
            has_voted: false,
            lang: self.widget_lang.get().unwrap_or_else(|| {
                ui.me.with_untracked(|me| {
                    me.as_ref()
                        .map(|m| Lang::from_tag(&m.city.default_lang))
                        .unwrap_or_default()
                })
            }),
            total_ballots: None,
            participation: match self.kind.get() {
                WidgetKind::Poll => self.participation.get(),
                _ => ParticipationLevel::Open,
            },
            identity_provider: None,
            options: self.rows.with(|rows| {
                rows.iter()
                    .filter(|row| !row.label.trim().is_empty())
                    .map(|row| PollOption {
                        id: format!("preview-{}", row.key),
                        label: row.label.clone(),
                        count: None,
                    })
                    .collect()
            }),
            theme: ui
                .me
                .with_untracked(|me| me.as_ref().map(|m| m.city.theme.clone())),
        }
    }
}
