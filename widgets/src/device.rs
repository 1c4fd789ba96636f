//! "This device": once a resident has acted, the widget says what the browser
//! keeps and lets them forget it, optionally erasing what they wrote in the
//! city's consultations first (`DELETE …/voter-data`).

use crate::api::Method;
use crate::common::{Sending, failure_message};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::voter::{device_known, forget_token, token_in_memory};
use crate::widget::use_announcer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::voter_data::VoterDataDeleted;

/// Shown while this device holds a voter token; `on_forgotten` runs once it
/// no longer does (the widget shows itself as to a new visitor).
#[component]
pub fn ThisDevice(
    /// Called after the token is forgotten.
    on_forgotten: Callback<()>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = use_announcer();
    let known = device_known();
    let erase = RwSignal::new(false);
    let (error, set_error) = signal(None::<&'static str>);
    let sending = Sending::new();
    let forget = move |message: &'static str| {
        forget_token();
        erase.set(false);
        set_error.set(None);
        announcer.say(message);
        on_forgotten.run(());
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if !erase.get_untracked() {
            forget(text.device_forgotten);
            return;
        }
        let context = context.clone();
        let task = async move {
            (context.api)
                .send::<(), VoterDataDeleted>(Method::Delete, "/voter-data", None, None)
                .await
        };
        sending.start(task, move |outcome| match outcome {
            Ok(_) => forget(text.erased_and_forgotten),
            Err(failure) => {
                // The token is kept: erasing can be tried again.
                let message = failure_message(text, &failure);
                set_error.set(Some(message));
                announcer.say(message);
            }
        });
    };
    move || {
        let on_submit = on_submit.clone();
        known.get().then(move || {
            view! {
                {token_in_memory().then(|| view! { <p class="hint">{text.device_memory_only}</p> })}
                <details class="device">
                    <summary>{text.this_device}</summary>
                    <form on:submit=on_submit novalidate>
                        <p>{text.device_explained}</p>
                        <label class="option">
                            <input type="checkbox" aria-describedby="device-erase-note"
                                prop:checked=move || erase.get()
                                on:change=move |event| erase.set(event_target_checked(&event)) />
                            <span>{text.also_erase}</span>
                        </label>
                        <p class="hint" id="device-erase-note">{text.erase_closed_note}</p>
                        {move || error.get().map(|message| view! {
                            <p class="notice error" role="alert">{message}</p>
                        })}
                        <button type="submit" disabled=move || sending.pending()>
                            {move || if sending.pending() { text.sending } else { text.forget_device }}
                        </button>
                    </form>
                </details>
            }
        })
    }
}
