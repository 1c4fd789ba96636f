//! Who sees what, and when: a poll's results visibility; the moderation
//! mode and report threshold of idea boxes and comment threads.

use super::radio_group::RadioGroup;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::{ModerationMode, ResultsVisibility};

/// When residents see a poll's results. Drawn once: the editor builds it
/// again with the poll's block.
#[component]
pub fn VisibilityChoice(
    /// The visibility chosen.
    visibility: RwSignal<ResultsVisibility>,
) -> impl IntoView {
    let text = use_ui().text();
    view! {
        <RadioGroup name="visibility" legend=text.results_visibility
            choices=vec![
                (ResultsVisibility::Always, text.visibilities[0]),
                (ResultsVisibility::AfterVoting, text.visibilities[1]),
                (ResultsVisibility::AfterClosing, text.visibilities[2]),
            ]
            checked=visibility.get_untracked()
            on_pick=Callback::new(move |chosen| visibility.set(chosen)) />
    }
}

/// Whether contributions wait for a moderator, and how many reports hide
/// one. Drawn once: the editor builds it again when the kind or the
/// language changes.
#[component]
pub fn ModerationFields(
    /// Before or after publication.
    moderation: RwSignal<ModerationMode>,
    /// Reports that hide an item until a moderator looks.
    threshold: RwSignal<u32>,
) -> impl IntoView {
    let text = use_ui().text();
    view! {
        <RadioGroup name="moderation" legend=text.moderation_mode
            choices=vec![
                (ModerationMode::BeforePublication, text.moderation_modes[0]),
                (ModerationMode::AfterPublication, text.moderation_modes[1]),
            ]
            checked=moderation.get_untracked()
            on_pick=Callback::new(move |chosen| moderation.set(chosen)) />
        <div class="field">
            <label for="threshold">{text.report_threshold}</label>
            <input id="threshold" type="number" min="1" max="100" prop:value=move || threshold.get().to_string()
                on:input=move |ev| threshold.set(event_target_value(&ev).parse().unwrap_or(3)) />
        </div>
    }
}
