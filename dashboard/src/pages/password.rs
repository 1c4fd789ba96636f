//! Choosing one's own password: required after signing in with a temporary
//! one (the API refuses everything else until then), and available anytime.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::accounts::{MIN_PASSWORD, PasswordChange, StaffMe};
use parvis_model::{FieldError, ProblemCode};

/// The password form.
#[component]
pub fn ChoosePassword() -> impl IntoView {
    let ui = use_ui();
    let forced = move || ui.must_change_password();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<(&'static str, bool)>);
    let sending = RwSignal::new(false);

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let text = ui.text();
        errors.set(Vec::new());
        if new.get_untracked().chars().count() < MIN_PASSWORD {
            notice.set(Some((text.password_too_short, true)));
            return;
        }
        if new.get_untracked() != confirm.get_untracked() {
            notice.set(Some((text.passwords_differ, true)));
            return;
        }
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        notice.set(None);
        let body = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            let result =
                api::send::<_, ()>(Method::Put, "/v1/staff/me/password", Some(&body)).await;
            sending.set(false);
            match result {
                Ok(_) => {
                    for field in [current, new, confirm] {
                        field.set(String::new());
                    }
                    notice.set(Some((ui.text().password_changed, false)));
                    // The account no longer has a temporary password.
                    if let Ok(me) = api::get::<StaffMe>("/v1/staff/me").await {
                        ui.me.set(Some(me));
                    }
                }
                Err(failure) => {
                    ui.check(&failure);
                    let message = match failure.code() {
                        Some(ProblemCode::InvalidCredentials) => ui.text().wrong_current_password,
                        Some(ProblemCode::ValidationFailed) => ui.text().fix_errors,
                        _ => ui.text().network_error,
                    };
                    errors.set(failure.field_errors());
                    notice.set(Some((message, true)));
                }
            }
        });
    };
    let new_error = move || errors.with(|all| message_for(ui.lang.get(), all, "new_password"));
    view! {
        <div class="card">
            <h1>{move || if forced() { ui.text().choose_password } else { ui.text().change_password }}</h1>
            {move || forced().then(|| view! { <p>{ui.text().choose_password_help}</p> })}
            <form on:submit=on_submit novalidate>
                {move || {
                    let text = ui.text();
                    view! {
                        <TextField id="current-password" label=text.current_password
                            kind=FieldKind::Password required=true autocomplete="current-password"
                            value=current />
                        <TextField id="new-password" label=text.new_password kind=FieldKind::Password
                            required=true autocomplete="new-password" value=new />
                        <p class="field-error">{new_error}</p>
                        <TextField id="confirm-password" label=text.confirm_password
                            kind=FieldKind::Password required=true autocomplete="new-password"
                            value=confirm />
                    }
                }}
                <p class="actions">
                    <button type="submit" class="primary" disabled=move || sending.get()>
                        {move || ui.text().save}
                    </button>
                    <span role="status" class=move || if notice.get().is_some_and(|n| n.1) { "error" } else { "success" }>
                        {move || notice.get().map(|n| n.0)}
                    </span>
                </p>
            </form>
        </div>
    }
}
