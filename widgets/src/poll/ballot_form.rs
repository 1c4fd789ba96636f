//! The ballot form: one radio button per option and a submit button.

use super::poll_widget::is_already_voted;
use crate::api::ApiFailure;
use crate::i18n::texts;
use crate::mount::use_widget_context;
use crate::voter::token_for_action;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::{ProblemCode, WidgetView};

/// The form a resident votes with. A failed send keeps their choice.
#[component]
pub fn BallotForm(
    /// The poll to vote in.
    view: WidgetView,
    /// Called with the updated view once the ballot is stored.
    on_voted: Callback<WidgetView>,
    /// Called when the API says this voter has already voted.
    on_already_voted: Callback<()>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let (choice, set_choice) = signal(None::<String>);
    let (error, set_error) = signal(None::<&'static str>);
    let widget_id = view.id.clone();
    let vote = Action::new_local(move |choice: &String| {
        let (api, id, choice) = (context.api.clone(), widget_id.clone(), choice.clone());
        async move {
            let Some(token) = token_for_action() else {
                return Err(ApiFailure::Network);
            };
            api.cast_ballot(&id, &token, vec![choice]).await
        }
    });
    Effect::new(move || match vote.value().get() {
        Some(Ok(view)) => on_voted.run(view),
        Some(Err(failure)) if is_already_voted(&failure) => on_already_voted.run(()),
        Some(Err(failure)) => set_error.set(Some(match failure.code() {
            Some(ProblemCode::OriginNotAllowed) => text.origin_refused,
            _ => text.vote_failed,
        })),
        None => {}
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        match choice.get_untracked() {
            Some(choice) => {
                set_error.set(None);
                vote.dispatch(choice);
            }
            None => set_error.set(Some(text.choose_one)),
        }
    };
    let pending = vote.pending();
    let options = view
        .options
        .into_iter()
        .map(|option| {
            let id = option.id.clone();
            let is_checked = {
                let id = id.clone();
                move || choice.get().as_deref() == Some(id.as_str())
            };
            view! {
                <label class="option">
                    <input
                        type="radio"
                        name="choice"
                        value=id.clone()
                        prop:checked=is_checked
                        on:change=move |_| set_choice.set(Some(id.clone()))
                    />
                    <span>{option.label}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <form class="ballot" on:submit=on_submit novalidate>
            <fieldset>
                <legend class="visually-hidden">{view.title}</legend>
                {options}
            </fieldset>
            {move || error.get().map(|message| view! {
                <p class="field-error" role="alert">{message}</p>
            })}
            <button type="submit" class="primary" disabled=move || pending.get()>
                {move || if pending.get() { text.sending } else { text.submit_vote }}
            </button>
        </form>
    }
}
