//! A poll's choice mode: one answer, or several with how many a ballot may
//! hold.

use super::field_error;
use super::radio_group::RadioGroup;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::FieldError;

/// Single or multiple choice and, for multiple choice, the fewest and most
/// answers. Drawn once in the language of the moment: the editor builds it
/// again when the mode or the language changes.
#[component]
pub fn ChoiceMode(
    /// Whether a ballot may hold several answers.
    multiple: RwSignal<bool>,
    /// The fewest answers of a multiple-choice ballot.
    min_choices: RwSignal<u32>,
    /// The most answers of a multiple-choice ballot.
    max_choices: RwSignal<u32>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let text = ui.text();
    let is_multiple = multiple.get_untracked();
    view! {
        <RadioGroup name="mode" legend=text.choice_mode
            choices=vec![(false, text.single_choice), (true, text.multiple_choice)]
            checked=is_multiple on_pick=Callback::new(move |several| multiple.set(several)) />
        {is_multiple.then(|| view! {
            <div class="field">
                <label for="min-choices">{text.min_choices}</label>
                <input id="min-choices" type="number" min="1" prop:value=move || min_choices.get().to_string()
                    on:input=move |ev| min_choices.set(event_target_value(&ev).parse().unwrap_or(1)) />
            </div>
            <div class="field">
                <label for="max-choices">{text.max_choices}</label>
                <input id="max-choices" type="number" min="1" prop:value=move || max_choices.get().to_string()
                    on:input=move |ev| max_choices.set(event_target_value(&ev).parse().unwrap_or(1)) />
                {move || field_error(ui, errors, "max_choices").map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
        })}
    }
}
