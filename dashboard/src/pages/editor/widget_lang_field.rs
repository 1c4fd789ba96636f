//! The widget's own language, or the city's.

use super::field_error;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::{FieldError, Lang};

/// The language residents read the widget in: the city's default unless
/// one is chosen.
#[component]
pub fn WidgetLangField(
    /// The language chosen; `None`: the city's.
    widget_lang: RwSignal<Option<Lang>>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="field">
            <label for="widget-lang">{move || ui.text().widget_lang}</label>
            <select id="widget-lang" aria-describedby="widget-lang-hint"
                prop:value=move || widget_lang.get().map_or("", Lang::tag)
                on:change=move |ev| widget_lang.set(match event_target_value(&ev).as_str() {
                    "" => None,
                    tag => Some(Lang::from_tag(tag)),
                })>
                <option value="">{move || ui.text().widget_lang_city}</option>
                <option value="fr" lang="fr">"Français"</option>
                <option value="en" lang="en">"English"</option>
            </select>
            <p id="widget-lang-hint" class="muted">{move || ui.text().widget_lang_hint}</p>
            {move || field_error(ui, errors, "lang").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
    .into_any()
}
