//! The most votes or contributions a widget takes per network and day.

use super::field_error;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::FieldError;
use parvis_model::limits::MAX_NETWORK_DAILY_CAP;

/// The daily cap per network, with what it is for.
#[component]
pub fn NetworkCapField(
    /// The cap.
    network_cap: RwSignal<u32>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="field">
            <label for="network-cap">{move || ui.text().network_daily_cap}</label>
            <input id="network-cap" type="number" min="1" max=MAX_NETWORK_DAILY_CAP.to_string()
                aria-describedby="network-cap-hint" prop:value=move || network_cap.get().to_string()
                on:input=move |ev| network_cap.set(event_target_value(&ev).parse().unwrap_or(0)) />
            <p id="network-cap-hint" class="muted">{move || ui.text().network_daily_cap_hint}</p>
            {move || field_error(ui, errors, "network_daily_cap").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
    .into_any()
}
