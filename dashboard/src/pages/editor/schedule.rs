//! When a widget is open: its status, and the times it opens and closes, in
//! the browser's time zone.

use super::draft::Draft;
use super::field_error;
use super::radio_group::RadioGroup;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::{FieldError, WidgetStatus};

/// RFC 3339 → the `datetime-local` value in the browser's time zone.
pub fn to_local_input(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    let offset_ms = date.get_timezone_offset() * 60_000.0;
    let local = js_sys::Date::new(&(date.get_time() - offset_ms).into());
    String::from(local.to_iso_string())
        .chars()
        .take(16)
        .collect()
}

/// A `datetime-local` value (browser time zone) → RFC 3339 UTC.
pub fn from_local_input(value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let date = js_sys::Date::new(&value.into());
    date.get_time()
        .is_finite()
        .then(|| String::from(date.to_iso_string()))
}

/// The status (draft, open, closed), then the opening and closing times.
#[component]
pub fn Schedule(
    /// The form's values.
    draft: Draft,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let Draft {
        status,
        opens_at,
        closes_at,
        ..
    } = draft;
    let error_for = move |field: &str| field_error(ui, errors, field);
    view! {
        {move || {
            let text = ui.text();
            view! {
                <RadioGroup name="status" legend=text.status
                    choices=vec![
                        (WidgetStatus::Draft, text.statuses[0]),
                        (WidgetStatus::Open, text.statuses[1]),
                        (WidgetStatus::Closed, text.statuses[2]),
                    ]
                    checked=status.get() on_pick=Callback::new(move |s| status.set(s)) />
            }
        }}
        <div class="field">
            <label for="opens-at">{move || ui.text().opens_at}</label>
            <input id="opens-at" type="datetime-local" prop:value=move || opens_at.get() on:input=move |ev| opens_at.set(event_target_value(&ev)) />
            {move || error_for("opens_at").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        <div class="field">
            <label for="closes-at">{move || ui.text().closes_at}</label>
            <input id="closes-at" type="datetime-local" prop:value=move || closes_at.get() on:input=move |ev| closes_at.set(event_target_value(&ev)) />
            {move || error_for("closes_at").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
    .into_any()
}
