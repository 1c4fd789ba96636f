//! Creating a colleague's account: name, e-mail address and role; the
//! temporary password is made here and shown once.

use super::Listed;
use super::temporary_password::temporary_password;
use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::FieldError;
use parvis_model::accounts::{NewStaff, StaffAccount};
use parvis_model::role::Role;

/// The "New account" section: the form, then who was created and their
/// temporary password.
#[component]
pub fn NewAccountForm(
    /// The city's accounts, read again once one is created.
    accounts: Listed,
    /// What went wrong, said next to the button.
    failed: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let ui = use_ui();
    let email = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Moderator);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let created = RwSignal::new(None::<(String, String)>);

    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, field)))
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        created.set(None);
        failed.set(None);
        let Some(password) = temporary_password() else {
            failed.set(Some(ui.text().load_failed));
            return;
        };
        let new = NewStaff {
            email: email.get_untracked(),
            display_name: display_name.get_untracked(),
            role: role.get_untracked(),
            temporary_password: password.clone(),
        };
        spawn_local(async move {
            match api::send::<_, StaffAccount>(Method::Post, "/v1/staff/accounts", Some(&new)).await
            {
                Ok(Some(account)) => {
                    errors.set(Vec::new());
                    email.set(String::new());
                    display_name.set(String::new());
                    created.set(Some((account.display_name, password)));
                    accounts.refetch();
                }
                Ok(None) => failed.set(Some(ui.text().load_failed)),
                Err(failure) => {
                    ui.check(&failure);
                    errors.set(failure.field_errors());
                    failed.set(Some(ui.text().fix_errors));
                }
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="new-account-title">
            <h2 id="new-account-title">{move || ui.text().new_account}</h2>
            <form on:submit=on_submit novalidate>
                <TextField id="account-name" label=move || ui.text().display_name max_length=80
                    required=true autocomplete="off" value=display_name
                    error=error_for("display_name") />
                <TextField id="account-email" label=move || ui.text().email kind=FieldKind::Email
                    required=true autocomplete="off" value=email error=error_for("email") />
                <div class="field">
                    <label for="account-role">{move || ui.text().role}</label>
                    <select id="account-role"
                        prop:value=move || if role.get() == Role::Admin { "admin" } else { "moderator" }
                        on:change=move |ev| role.set(if event_target_value(&ev) == "admin" { Role::Admin } else { Role::Moderator })>
                        <option value="moderator">{move || ui.text().roles[1]}</option>
                        <option value="admin">{move || ui.text().roles[0]}</option>
                    </select>
                </div>
                <p class="actions">
                    <button type="submit" class="primary">{move || ui.text().create_account}</button>
                    <span role="status" class="error">{move || failed.get()}</span>
                </p>
            </form>
            <div role="status">
                {move || created.get().map(|(name, password)| view! {
                    <p class="success">{format!("{} {name}.", ui.text().account_created)}</p>
                    <p>{ui.text().temporary_password_is}<code data-testid="temporary-password">{password}</code></p>
                    <p>{ui.text().password_once}</p>
                })}
            </div>
        </section>
    }
}
