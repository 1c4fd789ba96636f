//! Checks a page's address against the city's allowed sites, through the
//! API, and says the verdict in a status region.

use crate::api;
use crate::app::use_ui;
use crate::i18n::{check_allowed, check_near, check_not_listed};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::origin::PageCheck;

/// Where a check stands.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Nothing was typed.
    Empty,
    /// Asked, no answer yet.
    Checking,
    /// The API's verdict.
    Verdict(PageCheck),
    /// No verdict (network, or the session ended).
    Failed,
}

/// "Paste your page's address" and a Check button; the verdict below.
#[component]
pub fn EmbedCheck() -> impl IntoView {
    let ui = use_ui();
    let address = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    // Only the last check asked may show its answer.
    let asked = StoredValue::new(0u32);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let page = address.get_untracked().trim().to_owned();
        if page.is_empty() {
            outcome.set(Some(Outcome::Empty));
            return;
        }
        outcome.set(Some(Outcome::Checking));
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        spawn_local(async move {
            let answer = api::embed_check(&page).await;
            if let Err(failure) = &answer {
                ui.check(failure);
            }
            if asked.get_value() == this {
                outcome.set(Some(answer.map_or(Outcome::Failed, Outcome::Verdict)));
            }
        });
    };
    let verdict = move || {
        let text = ui.text();
        let lang = ui.lang.get();
        let line = |class: &'static str, message: String| view! { <p class=class>{message}</p> };
        match outcome.get()? {
            Outcome::Empty => Some(line("error", text.check_empty.to_owned()).into_any()),
            Outcome::Checking => Some(line("", text.checking.to_owned()).into_any()),
            Outcome::Failed => Some(line("error", text.network_error.to_owned()).into_any()),
            Outcome::Verdict(PageCheck::NotAnAddress) => {
                Some(line("error", text.check_not_address.to_owned()).into_any())
            }
            Outcome::Verdict(PageCheck::Allowed { origin }) => {
                Some(line("success", check_allowed(lang, &origin)).into_any())
            }
            Outcome::Verdict(PageCheck::NotListed { origin, near }) => Some(
                view! {
                    {line("error", check_not_listed(lang, &origin))}
                    {near.map(|near| line("", check_near(lang, &near)))}
                    {if untrack(|| ui.is_admin()) {
                        view! { <p><a href="#/settings">{text.check_add}</a></p> }.into_any()
                    } else {
                        line("", text.check_ask_admin.to_owned()).into_any()
                    }}
                }
                .into_any(),
            ),
        }
    };
    view! {
        <h3 id="embed-check-title">{move || ui.text().check_title}</h3>
        <form aria-labelledby="embed-check-title" on:submit=on_submit novalidate>
            <div class="field">
                <label for="embed-check-page">{move || ui.text().check_label}</label>
                <p id="embed-check-help" class="muted">{move || ui.text().check_help}</p>
                <div class="actions">
                    <input id="embed-check-page" type="url" inputmode="url" spellcheck="false" autocomplete="off"
                        aria-describedby="embed-check-help"
                        prop:value=move || address.get()
                        on:input=move |ev| address.set(event_target_value(&ev)) />
                    <button type="submit">{move || ui.text().check_button}</button>
                </div>
            </div>
            <div role="status" data-testid="embed-check-result">{verdict}</div>
        </form>
    }
}
