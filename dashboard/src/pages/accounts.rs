//! Staff accounts (admins): who can sign in, with which role; new
//! colleagues get a temporary password shown once.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::FieldError;
use parvis_model::accounts::{NewStaff, StaffAccount};
use parvis_model::role::Role;

/// Letters and digits that cannot be mistaken for one another when read
/// aloud or copied by hand.
const PASSWORD_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const PASSWORD_LENGTH: usize = 16;

/// A random temporary password (about 92 bits), from the browser's CSPRNG.
fn temporary_password() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let alphabet = PASSWORD_ALPHABET.len();
    // Bytes at or above the largest multiple of the alphabet's size are
    // dropped so that every character is equally likely.
    let limit = 256 - 256 % alphabet;
    let mut password = String::new();
    while password.len() < PASSWORD_LENGTH {
        let mut bytes = [0u8; 32];
        crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
        password.extend(
            bytes
                .iter()
                .map(|&b| usize::from(b))
                .filter(|&b| b < limit)
                .map(|b| char::from(PASSWORD_ALPHABET[b % alphabet]))
                .take(PASSWORD_LENGTH - password.len()),
        );
    }
    Some(password)
}

fn role_index(role: Role) -> usize {
    match role {
        Role::Admin => 0,
        Role::Moderator => 1,
    }
}

/// The accounts page.
#[component]
pub fn Accounts() -> impl IntoView {
    let ui = use_ui();
    let accounts = LocalResource::new(move || async move {
        let result = api::get::<Vec<StaffAccount>>("/v1/staff/accounts").await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result
    });
    let email = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Moderator);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let created = RwSignal::new(None::<(String, String)>);
    let failed = RwSignal::new(None::<&'static str>);

    let error_for = move |field: &str| errors.with(|all| message_for(ui.lang.get(), all, field));
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
    let remove = move |account: StaffAccount| {
        let question = ui.text().remove_account_question;
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!("{question} {}", account.display_name))
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        spawn_local(async move {
            let path = format!("/v1/staff/accounts/{}", account.id);
            match api::send::<(), ()>(Method::Delete, &path, None).await {
                Ok(_) => accounts.refetch(),
                Err(failure) => {
                    ui.check(&failure);
                    failed.set(Some(ui.text().load_failed));
                }
            }
        });
    };

    let list = move || {
        let text = ui.text();
        let me = ui.me.get().map(|m| m.account.id);
        match accounts.get() {
            None => view! { <p>{text.loading}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <table>
                    <caption>{text.accounts}</caption>
                    <thead><tr>
                        <th scope="col">{text.display_name}</th>
                        <th scope="col">{text.email}</th>
                        <th scope="col">{text.role}</th>
                        <th scope="col"><span class="visually-hidden">{text.remove}</span></th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|account| {
                            let mine = Some(account.id) == me;
                            let label = format!("{} {}", text.remove, account.display_name);
                            view! {
                                <tr>
                                    <td>
                                        {account.display_name.clone()}
                                        {mine.then(|| format!(" {}", text.you))}
                                        {account.must_change_password.then(|| view! {
                                            <span class="badge">{text.temporary_password}</span>
                                        })}
                                    </td>
                                    <td>{account.email.clone()}</td>
                                    <td>{text.roles[role_index(account.role)]}</td>
                                    <td>{(!mine).then(|| view! {
                                        <button type="button" class="danger" aria-label=label
                                            on:click=move |_| remove(account.clone())>{text.remove}</button>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any(),
        }
    };

    view! {
        <h1>{move || ui.text().team}</h1>
        <section class="card">{list}</section>
        <section class="card" aria-labelledby="new-account-title">
            <h2 id="new-account-title">{move || ui.text().new_account}</h2>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="account-name">{move || ui.text().display_name}</label>
                    <input id="account-name" type="text" maxlength="80" required autocomplete="off"
                        prop:value=move || display_name.get()
                        on:input=move |ev| display_name.set(event_target_value(&ev))
                        aria-invalid=move || error_for("display_name").is_some().to_string()
                        aria-describedby="account-name-error" />
                    <p id="account-name-error" class="error">{move || error_for("display_name")}</p>
                </div>
                <div class="field">
                    <label for="account-email">{move || ui.text().email}</label>
                    <input id="account-email" type="email" required autocomplete="off"
                        prop:value=move || email.get()
                        on:input=move |ev| email.set(event_target_value(&ev))
                        aria-invalid=move || error_for("email").is_some().to_string()
                        aria-describedby="account-email-error" />
                    <p id="account-email-error" class="error">{move || error_for("email")}</p>
                </div>
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
