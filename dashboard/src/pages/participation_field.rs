//! The editor's "Who can vote?" for polls: anyone, holders of an invitation
//! code of one of the city's sets, or residents with a verified identity,
//! offered once the city has an identity provider (`identity_provider.rs`).
//! The choice is fixed once votes were cast (the API answers `locked`).

use crate::api;
use crate::app::use_ui;
use crate::i18n::{code_set_choice, participation_message};
use crate::pages::identity_provider;
use leptos::prelude::*;
use parvis_model::FieldError;
use parvis_model::identity_provider::IdentityProviderView;
use parvis_model::participation::{CodeSet, ParticipationLevel};
use parvis_model::wire::WireName;

/// The levels in the order staff read them, as in `Texts::participation_levels`.
pub const LEVELS: [ParticipationLevel; 3] = [
    ParticipationLevel::Open,
    ParticipationLevel::Code,
    ParticipationLevel::Verified,
];

/// Index of a level in the strings' arrays.
pub fn level_index(level: ParticipationLevel) -> usize {
    match level {
        ParticipationLevel::Open => 0,
        ParticipationLevel::Code => 1,
        ParticipationLevel::Verified => 2,
    }
}

/// The poll's participation level as radio buttons, each with a line that
/// says what it means, and the code set once `code` is chosen.
#[component]
pub fn ParticipationField(
    /// The level chosen.
    level: RwSignal<ParticipationLevel>,
    /// The code set chosen, used when the level is `code`.
    code_set: RwSignal<Option<i64>>,
    /// Whether the poll has ballots: the choice can then no longer change.
    locked: Signal<bool>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let provider = LocalResource::new(move || async move {
        let result = api::get::<IdentityProviderView>(identity_provider::PATH).await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result.map(|view| view.settings.is_some())
    });
    // An admin who sets the provider in another tab (the link below opens
    // one) finds the level offered when they come back.
    let comeback = window_event_listener(leptos::ev::focus, move |_| {
        if provider.with_untracked(|p| matches!(p, Some(Ok(false)))) {
            provider.refetch();
        }
    });
    on_cleanup(move || comeback.remove());
    let provider = Signal::derive(move || provider.get().and_then(Result::ok));
    let error =
        move || errors.with(|all| participation_message(ui.lang.get(), all, "participation"));
    let described = move || match error() {
        Some(_) => "participation-locked participation-error",
        None => "participation-locked",
    };
    view! {
        <fieldset aria-describedby=described>
            <legend>{move || ui.text().who_can_vote}</legend>
            <p id="participation-locked" class="muted">{move || ui.text().participation_locked}</p>
            {LEVELS.map(|choice| view! { <LevelChoice choice level locked provider /> }).into_iter().collect_view()}
            {move || error().map(|m| view! { <p id="participation-error" class="field-error">{m}</p> })}
        </fieldset>
        {move || (level.get() == ParticipationLevel::Code).then(|| view! { <CodeSetSelect code_set locked errors /> })}
    }
}

/// One level: its radio button, its name and what it means. `verified` is
/// disabled until the city is known to have an identity provider, and says
/// where to set one when it has none (the API refuses it then too).
#[component]
fn LevelChoice(
    /// The level this button picks.
    choice: ParticipationLevel,
    /// The level chosen.
    level: RwSignal<ParticipationLevel>,
    /// Whether the choice is fixed.
    locked: Signal<bool>,
    /// Whether the city has an identity provider; `None` until known.
    provider: Signal<Option<bool>>,
) -> impl IntoView {
    let ui = use_ui();
    let index = level_index(choice);
    let id = format!("participation-{}", choice.wire_name());
    let hint_id = format!("{id}-hint");
    let verified = choice == ParticipationLevel::Verified;
    let unavailable = move || verified && provider.get() != Some(true);
    view! {
        <div class="choice">
            <input type="radio" id=id.clone() name="participation" value=choice.wire_name()
                aria-describedby=hint_id.clone()
                disabled=move || unavailable() || locked.get()
                prop:checked=move || level.get() == choice
                on:change=move |_| level.set(choice) />
            " "<label for=id>{move || ui.text().participation_levels[index]}</label>
            <p id=hint_id class="muted hint">
                {move || ui.text().participation_hints[index]}
                {move || (verified && provider.get() == Some(false)).then(needs_provider)}
            </p>
        </div>
    }
}

/// What the verified level needs while the city has no identity provider:
/// for admins, a link to where they set it (in a new tab, so the poll being
/// written stays as it is); for moderators, who cannot, whom to ask.
fn needs_provider() -> AnyView {
    let ui = use_ui();
    let text = ui.text();
    // Untracked, as in the shell: only admins may open the settings page.
    if untrack(|| ui.is_admin()) {
        view! {
            " "<strong>{text.verified_needs_provider}" "
                <a href="#/settings" target="_blank" rel="noopener">
                    {text.verified_provider_link}<span class="visually-hidden">{format!(" {}", text.new_tab)}</span>
                </a>
            </strong>
        }
        .into_any()
    } else {
        view! { " "<strong>{text.verified_needs_provider_ask}</strong> }.into_any()
    }
}

/// The city's code sets to choose from, or what to do when it has none.
#[component]
fn CodeSetSelect(
    /// The code set chosen.
    code_set: RwSignal<Option<i64>>,
    /// Whether the choice is fixed.
    locked: Signal<bool>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let sets = LocalResource::new(move || async move {
        let result = api::get::<Vec<CodeSet>>("/v1/staff/code-sets").await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result
    });
    // Staff who make a first set in another tab (the link below opens one,
    // so nothing typed here is lost) find it when they come back. Only then:
    // redrawing a list in use would take its focus.
    let comeback = window_event_listener(leptos::ev::focus, move |_| {
        if sets.with_untracked(|s| matches!(s, Some(Ok(list)) if list.is_empty())) {
            sets.refetch();
        }
    });
    on_cleanup(move || comeback.remove());
    let error = move || errors.with(|all| participation_message(ui.lang.get(), all, "code_set_id"));
    let described = move || match error() {
        Some(_) => "participation-locked code-set-error",
        None => "participation-locked",
    };
    let body = move || {
        let text = ui.text();
        match sets.get() {
            None => view! { <p>{text.loading}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any(),
            // Untracked, as in the shell: only admins may open the codes page.
            Some(Ok(list)) if list.is_empty() => if untrack(|| ui.is_admin()) {
                view! {
                    <p><a href="#/codes" target="_blank" rel="noopener">
                        {text.no_code_set_make}<span class="visually-hidden">{format!(" {}", text.new_tab)}</span>
                    </a></p>
                }
                .into_any()
            } else {
                view! { <p>{text.no_code_set_ask}</p> }.into_any()
            },
            Some(Ok(list)) => view! {
                <label for="code-set">{text.code_set}</label>
                <select id="code-set" disabled=move || locked.get()
                    aria-invalid=move || error().is_some().to_string() aria-describedby=described
                    on:change=move |ev| code_set.set(event_target_value(&ev).parse().ok())>
                    <option value="" prop:selected=move || code_set.get().is_none()>{text.choose_code_set}</option>
                    {list.into_iter().map(|set| view! {
                        <option value=set.id.to_string() prop:selected=move || code_set.get() == Some(set.id)>
                            {code_set_choice(&set.name, set.size)}
                        </option>
                    }).collect_view()}
                </select>
            }
            .into_any(),
        }
    };
    view! {
        <div class="field">
            {body}
            {move || error().map(|m| view! { <p id="code-set-error" class="field-error">{m}</p> })}
        </div>
    }
}
