//! Revoking one invitation code of a set (a lost or stolen letter): the
//! code is checked for its form here, for its set by the API.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::code_revoked;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::participation::{InvitationCode, Revocation};

/// What revoking a code came to.
#[derive(Clone, PartialEq)]
enum Revoked {
    /// Revoked (or it already was): the code as printed.
    Done(String),
    /// Nothing was typed.
    Empty,
    /// What was typed cannot be a code.
    Malformed,
    /// A code's form, but not one of this set.
    NotInSet,
    /// No answer, or an unexpected one.
    Failed,
}

impl Revoked {
    /// Whether the code was not revoked.
    fn is_error(&self) -> bool {
        !matches!(self, Revoked::Done(_))
    }
}

/// "Code to revoke" and a button; the outcome in a status region, which
/// the box refers to while it is in error (as the embed check does).
#[component]
pub fn RevokeForm(
    /// The set's id.
    set: i64,
    /// Called once a code is revoked.
    on_revoked: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Revoked>);
    let (input_id, hint_id, status_id) = (
        format!("revoke-{set}"),
        format!("revoke-{set}-hint"),
        format!("revoke-{set}-status"),
    );
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = code.get_untracked();
        let parsed = InvitationCode::parse(&typed);
        let Some(printed) = parsed.map(InvitationCode::text) else {
            let empty = typed.trim().is_empty();
            outcome.set(Some(if empty {
                Revoked::Empty
            } else {
                Revoked::Malformed
            }));
            return;
        };
        outcome.set(None);
        spawn_local(async move {
            let body = Revocation {
                code: printed.clone(),
            };
            let path = format!("/v1/staff/code-sets/{set}/revocations");
            match api::send::<_, ()>(Method::Post, &path, Some(&body)).await {
                Ok(_) => {
                    code.set(String::new());
                    outcome.set(Some(Revoked::Done(printed)));
                    on_revoked.run(());
                }
                Err(failure) => {
                    ui.check(&failure);
                    let wrong = failure.field_errors().iter().any(|e| e.field == "code");
                    outcome.set(Some(if wrong {
                        Revoked::NotInSet
                    } else {
                        Revoked::Failed
                    }));
                }
            }
        });
    };
    let in_error = move || outcome.with(|o| o.as_ref().is_some_and(Revoked::is_error));
    // The status is the box's error message while there is one.
    let described = {
        let (hint_id, status_id) = (hint_id.clone(), status_id.clone());
        move || {
            if in_error() {
                format!("{hint_id} {status_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let said = move || {
        let text = ui.text();
        let (class, message) = match outcome.get()? {
            Revoked::Done(printed) => ("success", code_revoked(ui.lang.get(), &printed)),
            Revoked::Empty => ("error", text.revoke_empty.to_owned()),
            Revoked::Malformed => ("error", text.revoke_malformed.to_owned()),
            Revoked::NotInSet => ("error", text.revoke_not_in_set.to_owned()),
            Revoked::Failed => ("error", text.network_error.to_owned()),
        };
        Some(view! { <span class=class>{message}</span> })
    };
    view! {
        <form on:submit=on_submit novalidate>
            <div class="field">
                <label for=input_id.clone()>{move || ui.text().code_to_revoke}</label>
                <p id=hint_id class="muted">{move || ui.text().revoke_hint}</p>
                <div class="actions">
                    <input id=input_id type="text" autocomplete="off" spellcheck="false"
                        autocapitalize="characters" maxlength="20"
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                        aria-invalid=move || in_error().to_string()
                        aria-describedby=described />
                    <button type="submit">{move || ui.text().revoke}</button>
                </div>
                <p id=status_id role="status">{said}</p>
            </div>
        </form>
    }
}
