//! The poll: its question, then the ballot form or the results.

use super::ballot_form::BallotForm;
use super::results::Results;
use crate::common::RichText;
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::widget::status_note;
use leptos::prelude::*;
use parvis_model::{WidgetStatus, WidgetView};

/// A loaded poll. A vote replaces the view with the one the API returns.
#[component]
pub fn Poll(
    /// The poll as first loaded.
    view: WidgetView,
) -> impl IntoView {
    let text = texts(use_widget_context().lang);
    let current = RwSignal::new(view);
    let on_voted = Callback::new(move |view: WidgetView| current.set(view));
    let body = move || {
        let view = current.get();
        let can_vote = view.status == WidgetStatus::Open && !view.has_voted;
        let shows_results = view.total_ballots.is_some() && !can_vote;
        let voted_note = view.has_voted.then_some(text.you_voted);
        let hidden_note = (!can_vote && !shows_results).then_some(text.results_hidden);
        let description = (!view.description.is_empty()).then(|| view.description.clone());
        view! {
            <h2 class="title">{view.title.clone()}</h2>
            {description.map(|d| view! { <RichText text=d class="description" /> })}
            {status_note(&view).map(|note| view! { <p class="notice">{note}</p> })}
            {voted_note.map(|note| view! { <p class="notice success">{note}</p> })}
            {if can_vote {
                view! { <BallotForm view=view.clone() on_voted /> }.into_any()
            } else if shows_results {
                view! { <Results view=view.clone() /> }.into_any()
            } else {
                hidden_note.map(|note| view! { <p class="notice">{note}</p> }).into_any()
            }}
        }
    };
    view! { <div class="poll">{body}</div> }
}
