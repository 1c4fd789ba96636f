//! Signing in. After an expired session the page underneath keeps its state.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::ProblemCode;
use parvis_model::accounts::{SignIn as SignInBody, StaffMe};

/// The sign-in form.
#[component]
pub fn SignIn() -> impl IntoView {
    let ui = use_ui();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = Action::new_local(move |body: &SignInBody| {
        let body = body.clone();
        async move { api::send::<_, StaffMe>(Method::Post, "/v1/staff/session", Some(&body)).await }
    });
    Effect::new(move || match submit.value().get() {
        Some(Ok(Some(me))) => {
            ui.expired.set(false);
            ui.me.set(Some(me));
        }
        Some(Ok(None)) => {}
        Some(Err(failure)) => error.set(Some(match failure.code() {
            Some(ProblemCode::InvalidCredentials) => ui.text().wrong_credentials,
            Some(ProblemCode::TemporaryPasswordExpired) => ui.text().temporary_password_expired,
            Some(ProblemCode::RateLimited) => ui.text().too_many_attempts,
            _ => ui.text().network_error,
        })),
        None => {}
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        submit.dispatch(SignInBody {
            email: email.get_untracked(),
            password: password.get_untracked(),
        });
    };
    view! {
        <div class="card">
            <h1>{move || ui.text().sign_in}</h1>
            {move || ui.expired.get().then(|| view! { <p class="error" role="alert">{ui.text().session_expired}</p> })}
            <form on:submit=on_submit>
                <TextField id="email" label=move || ui.text().email kind=FieldKind::Email
                    autocomplete="username" required=true value=email />
                <TextField id="password" label=move || ui.text().password kind=FieldKind::Password
                    autocomplete="current-password" required=true value=password />
                {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
                <button type="submit" class="primary">{move || ui.text().sign_in}</button>
            </form>
        </div>
    }
}
