//! The sites allowed to embed the city's widgets, one per line, with a hint
//! per line while typing and the API's verdict per line after saving.

use crate::app::use_ui;
use crate::i18n::{field_message, on_line, origin_hint};
use leptos::prelude::*;
use parvis_model::origin::normalize_origin;
use parvis_model::{FieldError, FieldErrorCode};

/// The non-empty lines of the origins box, with their 1-based line numbers.
pub fn origin_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim().to_owned()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The origins box: its label, its help, and its messages as a list.
#[component]
pub fn OriginsField(
    /// The box's text, one origin per line.
    origins: RwSignal<String>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let text = ui.text();
    // Hints while typing, and the server's verdict per line after saving.
    let origin_messages = move || {
        let lang = ui.lang.get();
        let lines = origin_lines(&origins.get());
        let mut messages: Vec<String> = lines
            .iter()
            .filter_map(|(line, value)| {
                normalize_origin(value)
                    .err()
                    .map(|issue| origin_hint(lang, *line, issue))
            })
            .collect();
        errors.with(|all| {
            for error in all {
                let index = error
                    .field
                    .strip_prefix("allowed_origins[")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some((line, _)) = index.and_then(|i| lines.get(i)) {
                    if error.code == FieldErrorCode::Duplicate {
                        messages.push(on_line(lang, *line, &field_message(lang, error)));
                    }
                } else if error.field == "allowed_origins" {
                    messages.push(field_message(lang, error));
                }
            }
        });
        messages
    };
    view! {
        <div class="field">
            <label for="city-origins">{text.origins}</label>
            <p id="city-origins-help" class="muted">{text.origins_help}</p>
            <textarea id="city-origins" rows="4" spellcheck="false"
                prop:value=move || origins.get()
                on:input=move |ev| origins.set(event_target_value(&ev))
                aria-invalid=move || (!origin_messages().is_empty()).to_string()
                aria-describedby="city-origins-help city-origins-hints"></textarea>
            <ul id="city-origins-hints" class="error">
                {move || origin_messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        </div>
    }
}
