//! Invitation codes (admins): what they are for, making a set, and the
//! city's sets with their figures, their codes to download as CSV and a
//! form to revoke one. Parvis stores no code: the API derives a set's codes
//! again for each download.

use crate::api::{self, Failure, Method};
use crate::app::use_ui;
use crate::i18n::{code_set_figures, message_for};
use crate::pages::audit::CityAuditLog;
use crate::pages::revoke_code::RevokeForm;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::FieldError;
use parvis_model::participation::{CodeSet, MAX_CODES_PER_SET, NewCodeSet};

/// The city's sets as the API lists them, newest first.
type Sets = LocalResource<Result<Vec<CodeSet>, Failure>>;

/// The invitation codes page.
#[component]
pub fn CodeSets() -> impl IntoView {
    let ui = use_ui();
    let sets: Sets = LocalResource::new(move || async move {
        let result = api::get::<Vec<CodeSet>>("/v1/staff/code-sets").await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result
    });
    let state = move || {
        let text = ui.text();
        match sets.get() {
            None => Some(view! { <p>{text.loading}</p> }.into_any()),
            Some(Err(_)) => {
                Some(view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any())
            }
            Some(Ok(list)) if list.is_empty() => {
                Some(view! { <p>{text.no_code_sets}</p> }.into_any())
            }
            Some(Ok(_)) => None,
        }
    };
    // Keyed by set: a set's revocation form keeps its status while the
    // list is read again.
    let each = move || sets.get().and_then(Result::ok).unwrap_or_default();
    let version = RwSignal::new(0u32);
    view! {
        <h1>{move || ui.text().code_sets}</h1>
        <div class="card">
            <p>{move || ui.text().codes_what}</p>
            <p>{move || ui.text().codes_stored}</p>
        </div>
        <CodeSetForm on_created=Callback::new(move |()| changed(sets, version)) />
        <section class="card" aria-labelledby="code-sets-title">
            <h2 id="code-sets-title">{move || ui.text().code_sets_list}</h2>
            {state}
            <ul class="code-sets">
                <For each key=|set| set.id children=move |set| view! { <CodeSetItem set sets version /> } />
            </ul>
        </section>
        <CityAuditLog version />
    }
}

/// What the creation form last said.
#[derive(Clone, Copy)]
enum Notice {
    Created,
    FixErrors,
    Failed,
}

/// Making a set: its name and how many codes.
#[component]
fn CodeSetForm(
    /// Called once the set exists.
    on_created: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let name = RwSignal::new(String::new());
    let size = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<Notice>);
    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, field)))
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        notice.set(None);
        // Anything but a number is out of range: the API says so with the
        // name's error, in one answer.
        let new = NewCodeSet {
            name: name.get_untracked(),
            size: size.get_untracked().trim().parse().unwrap_or(0),
        };
        spawn_local(async move {
            match api::send::<_, CodeSet>(Method::Post, "/v1/staff/code-sets", Some(&new)).await {
                Ok(Some(_)) => {
                    errors.set(Vec::new());
                    name.set(String::new());
                    size.set(String::new());
                    notice.set(Some(Notice::Created));
                    on_created.run(());
                }
                Ok(None) => notice.set(Some(Notice::Failed)),
                Err(failure) => {
                    ui.check(&failure);
                    let fields = failure.field_errors();
                    let said = if fields.is_empty() {
                        Notice::Failed
                    } else {
                        Notice::FixErrors
                    };
                    errors.set(fields);
                    notice.set(Some(said));
                }
            }
        });
    };
    let message = move || {
        let text = ui.text();
        notice.get().map(|n| match n {
            Notice::Created => view! { <span class="success">{text.code_set_created}</span> },
            Notice::FixErrors => view! { <span class="error">{text.fix_errors}</span> },
            Notice::Failed => view! { <span class="error">{text.network_error}</span> },
        })
    };
    let form = move || {
        let text = ui.text();
        view! {
            <form on:submit=on_submit novalidate>
                <TextField id="code-set-name" label=text.code_set_name hint=text.code_set_name_hint
                    max_length=120 autocomplete="off" value=name error=error_for("name") />
                <TextField id="code-set-size" label=text.code_set_size
                    kind=FieldKind::Number { min: 1, max: MAX_CODES_PER_SET } autocomplete="off"
                    value=size error=error_for("size") />
                <p class="actions">
                    <button type="submit" class="primary">{text.create_code_set}</button>
                    <span role="status">{message}</span>
                </p>
            </form>
        }
    };
    view! {
        <section class="card" aria-labelledby="new-code-set-title">
            <h2 id="new-code-set-title">{move || ui.text().new_code_set}</h2>
            {form}
        </section>
    }
}

/// After a set is made or a code revoked: the sets and the log read again.
fn changed(sets: Sets, version: RwSignal<u32>) {
    sets.refetch();
    version.update(|v| *v += 1);
}

/// One set: its figures, its codes to download, and its revocation form.
#[component]
fn CodeSetItem(
    /// The set as first listed.
    set: CodeSet,
    /// The city's sets, read again once a code is revoked.
    sets: Sets,
    /// Bumped once a code is revoked, for the log.
    version: RwSignal<u32>,
) -> impl IntoView {
    let ui = use_ui();
    let id = set.id;
    let codes = format!("/v1/staff/code-sets/{id}/codes");
    let current = {
        let first = set.clone();
        move || {
            sets.get()
                .and_then(Result::ok)
                .and_then(|list| list.into_iter().find(|s| s.id == id))
                .unwrap_or_else(|| first.clone())
        }
    };
    view! {
        <li>
            <h3>{set.name}</h3>
            <p>{move || code_set_figures(ui.lang.get(), &current())}</p>
            <p class="actions">
                <span>{move || ui.text().download_codes}" :"</span>
                <a href=format!("{codes}?separator=semicolon") download>{move || ui.text().csv_semicolon}</a>
                <a href=format!("{codes}?separator=comma") download>{move || ui.text().csv_comma}</a>
            </p>
            <RevokeForm set=id on_revoked=Callback::new(move |()| changed(sets, version)) />
        </li>
    }
}
