//! The poll's top-level component: loads the widget, then shows the form or
//! the results, and announces what happens in a live region.

use super::ballot_form::BallotForm;
use super::results::Results;
use crate::api::ApiFailure;
use crate::i18n::texts;
use crate::mount::use_widget_context;
use crate::voter::stored_token;
use leptos::prelude::*;
use parvis_model::{ProblemCode, WidgetStatus, WidgetView};

/// A poll, loaded from the API by its public id.
#[component]
pub fn Poll(
    /// The id from the placeholder's `data-parvis-widget`.
    widget_id: String,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let api = context.api.clone();
    let id = widget_id.clone();
    let widget = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.clone());
        async move { api.fetch_widget(&id, stored_token()).await }
    });
    // The latest view: the one a successful vote returned replaces the loaded one.
    let voted_view = RwSignal::new(None::<WidgetView>);
    let (announcement, set_announcement) = signal(String::new());
    let on_voted = Callback::new(move |view: WidgetView| {
        voted_view.set(Some(view));
        set_announcement.set(text.vote_recorded.to_owned());
    });
    let on_already_voted = Callback::new(move |()| widget.refetch());

    let body = move || {
        if let Some(view) = voted_view.get() {
            return view! { <PollBody view on_voted on_already_voted /> }.into_any();
        }
        match widget.get() {
            None => view! { <p class="notice">{text.loading}</p> }.into_any(),
            Some(Ok(view)) => view! { <PollBody view on_voted on_already_voted /> }.into_any(),
            Some(Err(failure)) => {
                let message = if failure.code() == Some(ProblemCode::NotFound) {
                    text.not_found
                } else {
                    text.load_failed
                };
                view! {
                    <div class="notice error" role="alert">
                        <p>{message}</p>
                        <button type="button" on:click=move |_| widget.refetch()>
                            {text.retry}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    };

    view! {
        <section class="poll" aria-busy=move || widget.get().is_none().to_string()>
            {body}
            <p class="visually-hidden" role="status" aria-live="polite">
                {announcement}
            </p>
        </section>
    }
}

/// A loaded poll: its question, then the form or the results.
#[component]
fn PollBody(
    /// The widget as the API returned it.
    view: WidgetView,
    /// Called with the updated view once a ballot is stored.
    on_voted: Callback<WidgetView>,
    /// Called when the API says this voter has already voted.
    on_already_voted: Callback<()>,
) -> impl IntoView {
    let text = texts(use_widget_context().lang);
    let can_vote = view.status == WidgetStatus::Open && !view.has_voted;
    let status_note = match (view.status, view.has_voted) {
        (WidgetStatus::Closed, _) => Some(text.poll_closed),
        (_, true) => Some(text.you_voted),
        _ => None,
    };
    let shows_results = view.total_ballots.is_some() && !can_vote;
    let hidden_note = (!can_vote && !shows_results).then_some(text.results_hidden);
    let description = (!view.description.is_empty()).then(|| view.description.clone());
    let title = view.title.clone();
    view! {
        <h2 class="title">{title}</h2>
        {description.map(|d| view! { <p class="description">{d}</p> })}
        {status_note.map(|note| view! { <p class="notice">{note}</p> })}
        {if can_vote {
            view! { <BallotForm view=view.clone() on_voted on_already_voted /> }.into_any()
        } else if shows_results {
            view! { <Results view=view.clone() /> }.into_any()
        } else {
            hidden_note.map(|note| view! { <p class="notice">{note}</p> }).into_any()
        }}
    }
}

/// Whether a failed vote means the voter is already counted.
pub fn is_already_voted(failure: &ApiFailure) -> bool {
    failure.code() == Some(ProblemCode::AlreadyVoted)
}
