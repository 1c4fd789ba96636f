//! The table of the city's accounts, each but one's own with a button to
//! remove it.

use super::Listed;
use crate::api::{self, Method};
use crate::app::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::accounts::StaffAccount;
use parvis_model::role::Role;

/// The index of a role in `Texts::roles`.
fn role_index(role: Role) -> usize {
    match role {
        Role::Admin => 0,
        Role::Moderator => 1,
    }
}

/// The accounts, as a table with its caption; or what stands in for it
/// while they load or when they could not be read.
#[component]
pub fn AccountList(
    /// The city's accounts, read again once one is removed.
    accounts: Listed,
    /// Set when a removal fails.
    failed: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let ui = use_ui();
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
    move || {
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
    }
}
