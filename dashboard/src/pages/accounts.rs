//! Staff accounts (admins): who can sign in, with which role; new
//! colleagues get a temporary password shown once.

mod account_list;
mod new_account_form;
mod temporary_password;

use crate::api::{self, Failure};
use crate::app::use_ui;
use account_list::AccountList;
use leptos::prelude::*;
use new_account_form::NewAccountForm;
use parvis_model::accounts::StaffAccount;

/// The city's accounts as the API lists them.
type Listed = LocalResource<Result<Vec<StaffAccount>, Failure>>;

/// The accounts page.
#[component]
pub fn Accounts() -> impl IntoView {
    let ui = use_ui();
    let accounts: Listed = LocalResource::new(move || async move {
        let result = api::get::<Vec<StaffAccount>>("/v1/staff/accounts").await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result
    });
    // Said in the form's status, whether creating or removing failed.
    let failed = RwSignal::new(None::<&'static str>);
    view! {
        <h1>{move || ui.text().team}</h1>
        <section class="card"><AccountList accounts failed /></section>
        <NewAccountForm accounts failed />
    }
}
