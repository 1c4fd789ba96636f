//! What a poll says about who may vote, before the resident acts, and the
//! invitation code field of a `code` poll.

use crate::context::use_widget_context;
use crate::i18n::{Texts, texts};
use leptos::prelude::*;
use parvis_model::ProblemCode;
use parvis_model::participation::{InvitationCode, ParticipationLevel};

/// The poll's participation level in plain words, with what is kept.
#[component]
pub fn LevelNotice(
    /// The poll's level.
    level: ParticipationLevel,
) -> impl IntoView {
    let text = texts(use_widget_context().lang);
    let (rule, privacy) = match level {
        ParticipationLevel::Open => return None,
        ParticipationLevel::Code => (text.code_level, text.code_privacy),
        ParticipationLevel::Verified => (text.verified_level, text.verified_privacy),
    };
    Some(view! {
        <div class="level" id="ballot-level">
            <p><strong>{rule}</strong></p>
            <p class="hint">{privacy}</p>
        </div>
    })
}

/// The message for a refused code, when the API's problem is about it.
/// (Called when a send ends, outside any component: no context read here.)
pub fn code_problem(text: &Texts, code: Option<ProblemCode>) -> Option<&'static str> {
    match code? {
        ProblemCode::CodeRequired => Some(text.code_missing),
        ProblemCode::InvalidCode => Some(text.code_invalid),
        ProblemCode::CodeRevoked => Some(text.code_revoked),
        ProblemCode::CodeAlreadyUsed => Some(text.code_used),
        ProblemCode::TooManyWrongCodes => Some(text.code_too_many),
        _ => None,
    }
}

/// Checks the typed code's form before it is sent (a typo is not a wrong
/// guess): its message when it cannot be a code.
pub fn code_form_error(text: &Texts, typed: &str) -> Option<&'static str> {
    if typed.trim().is_empty() {
        Some(text.code_missing)
    } else if InvitationCode::parse(typed).is_none() {
        Some(text.code_malformed)
    } else {
        None
    }
}

/// The invitation code field, with its hint and its error.
#[component]
pub fn CodeField(
    /// What the resident typed, kept for the page view.
    value: RwSignal<String>,
    /// The error about the code, if any.
    error: ReadSignal<Option<&'static str>>,
) -> impl IntoView {
    let text = texts(use_widget_context().lang);
    let described_by = move || {
        if error.get().is_some() {
            "code-hint code-error"
        } else {
            "code-hint"
        }
    };
    view! {
        <div class="field">
            <label for="invitation-code">{text.invitation_code}</label>
            <p class="hint" id="code-hint">{text.code_hint}</p>
            <input type="text" id="invitation-code" name="code" autocomplete="off"
                autocapitalize="characters" spellcheck="false" maxlength="32"
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event)) />
            {move || error.get().map(|message| view! {
                <p class="field-error" id="code-error" role="alert">{message}</p>
            })}
        </div>
    }
}
