//! The ballot form: radio buttons for a single choice, checkboxes with a
//! minimum and maximum for several, for a poll by invitation the code field,
//! and for a verified poll the sign-in. A failed send keeps the choices and
//! the code.

use crate::api::{ApiFailure, Method};
use crate::common::{Sending, failure_message};
use crate::context::use_widget_context;
use crate::i18n::{choose_between, texts};
use crate::poll::invitation_code::{CodeField, LevelNotice, code_form_error, code_problem};
use crate::poll::verification::{Note, VerifyIdentity, verification_problem};
use crate::widget::use_announcer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::ballot::ChoiceRules;
use parvis_model::participation::ParticipationLevel;
use parvis_model::{BallotRequest, ProblemCode, WidgetView, validate_choices};

/// The form a resident votes with.
#[component]
pub fn BallotForm(
    /// The poll to vote in.
    view: WidgetView,
    /// Called with the updated view once the ballot is stored (or was already).
    on_voted: Callback<WidgetView>,
) -> impl IntoView {
    let context = use_widget_context();
    let (lang, text) = (context.lang, texts(context.lang));
    let announcer = use_announcer();
    let multiple = view.max_choices > 1;
    let (min, max) = (view.min_choices as usize, view.max_choices as usize);
    let chosen = RwSignal::new(Vec::<String>::new());
    let (error, set_error) = signal(None::<String>);
    let by_code = view.participation == ParticipationLevel::Code;
    let code = RwSignal::new(String::new());
    let (code_error, set_code_error) = signal(None::<&'static str>);
    let verified_poll = view.participation == ParticipationLevel::Verified;
    let grant = RwSignal::new(None::<String>);
    let verify_note = RwSignal::new(None::<Note>);
    let sending = Sending::new();
    let vote = move |choices: Vec<String>| {
        let context = context.clone();
        let code = by_code.then(|| code.get_untracked());
        let verification = grant.get_untracked();
        let task = async move {
            let body = BallotRequest {
                choices,
                code,
                verification,
            };
            let sent = context
                .api
                .send::<_, WidgetView>(Method::Post, "/ballots", Some(&body), None)
                .await;
            match sent {
                // Already voted (another tab, a lost answer): show what is stored.
                Err(failure) if failure.code() == Some(ProblemCode::AlreadyVoted) => {
                    context.api.get::<WidgetView>("").await
                }
                other => other?.ok_or(ApiFailure::Unexpected(204)),
            }
        };
        sending.start(task, move |outcome| match outcome {
            Ok(view) => {
                announcer.say(text.vote_recorded);
                on_voted.run(view);
            }
            Err(failure) => {
                if let Some(message) = code_problem(text, failure.code()) {
                    set_code_error.set(Some(message));
                    announcer.say(message);
                    return;
                }
                if let Some((note, verify_again)) = verification_problem(text, failure.code()) {
                    if verify_again {
                        grant.set(None);
                    }
                    verify_note.set(Some(note));
                    let (Note::Status(message) | Note::Error(message)) = note;
                    announcer.say(message);
                    return;
                }
                let message = failure_message(text, &failure);
                set_error.set(Some(message.to_owned()));
                announcer.say(message);
            }
        });
    };
    let rule = if multiple {
        Some(choose_between(lang, view.min_choices, view.max_choices))
    } else {
        None
    };
    let option_ids: Vec<String> = view.options.iter().map(|o| o.id.clone()).collect();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        // The API's own rule, checked here first (and in display order).
        let ids: Vec<&str> = option_ids.iter().map(String::as_str).collect();
        let choices =
            match validate_choices(&chosen.get_untracked(), &ids, ChoiceRules { min, max }) {
                Ok(choices) => choices,
                Err(_) => {
                    let message = match &rule {
                        Some(rule) => rule.clone(),
                        None => text.choose_one.to_owned(),
                    };
                    set_error.set(Some(message));
                    return;
                }
            };
        set_error.set(None);
        if by_code {
            let malformed = code_form_error(text, &code.get_untracked());
            set_code_error.set(malformed);
            if malformed.is_some() {
                return;
            }
        }
        if verified_poll && grant.with_untracked(Option::is_none) {
            verify_note.set(Some(Note::Error(text.verification_required)));
            announcer.say(text.verification_required);
            return;
        }
        vote(choices);
    };
    let level = view.participation;
    let described_by = match (multiple, level == ParticipationLevel::Open) {
        (true, true) => Some("ballot-hint"),
        (true, false) => Some("ballot-level ballot-hint"),
        (false, false) => Some("ballot-level"),
        (false, true) => None,
    };
    let input_type = if multiple { "checkbox" } else { "radio" };
    let options = view
        .options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let id = option.id.clone();
            let is_checked = {
                let id = id.clone();
                move || chosen.with(|c| c.contains(&id))
            };
            let toggle = move |_| {
                chosen.update(|c| match (multiple, c.iter().position(|x| *x == id)) {
                    (false, _) => *c = vec![id.clone()],
                    (true, Some(at)) => {
                        c.remove(at);
                    }
                    (true, None) => c.push(id.clone()),
                })
            };
            view! {
                <label class="option">
                    <input
                        type=input_type
                        name="choice"
                        value=option.id.clone()
                        id=format!("choice-{index}")
                        prop:checked=is_checked
                        on:change=toggle
                    />
                    <span>{option.label}</span>
                </label>
            }
        })
        .collect_view();
    let hint = if multiple {
        Some(choose_between(lang, view.min_choices, view.max_choices))
    } else {
        None
    };

    view! {
        <form class="ballot" on:submit=on_submit novalidate>
            <LevelNotice level />
            <fieldset aria-describedby=described_by>
                <legend class="visually-hidden">{view.title}</legend>
                {hint.map(|hint| view! { <p class="hint" id="ballot-hint">{hint}</p> })}
                {options}
            </fieldset>
            {by_code.then(|| view! { <CodeField value=code error=code_error /> })}
            {verified_poll.then(|| view! {
                <VerifyIdentity provider=view.identity_provider.clone() grant note=verify_note />
            })}
            {move || error.get().map(|message| view! {
                <p class="field-error" role="alert">{message}</p>
            })}
            <button type="submit" class="primary" disabled=move || sending.pending()>
                {move || if sending.pending() { text.sending } else { text.submit_vote }}
            </button>
        </form>
    }
}
