//! A widget's audit log on its detail page: every staff action that changed
//! what residents see or what is counted, with who and when. Read only.

use crate::api;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::audit::{AuditAction, AuditEntry};
use parvis_model::role::Role;

fn action_index(action: AuditAction) -> usize {
    match action {
        AuditAction::WidgetCreated => 0,
        AuditAction::WidgetChanged => 1,
        AuditAction::Moderated => 2,
        AuditAction::ModerationUndone => 3,
        AuditAction::IdeaAnswered => 4,
        AuditAction::CityReplied => 5,
        AuditAction::WidgetArchived => 6,
        AuditAction::WidgetDeleted => 7,
        AuditAction::CodesCreated => 8,
        AuditAction::CodesDownloaded => 9,
        AuditAction::CodeRevoked => 10,
        AuditAction::IdentityProviderChanged => 11,
    }
}

/// The audit log of widget `id`.
#[component]
pub fn AuditLog(
    /// The widget's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let path = api::widget_path(&id, "/audit");
    let export = api::widget_path(&id, "/export?table=audit");
    let entries = LocalResource::new(move || {
        let path = path.clone();
        async move { api::get::<Vec<AuditEntry>>(&path).await }
    });
    let rows = move || entries_view(ui, entries.get(), ui.text().audit_log);
    view! {
        <section class="card" aria-labelledby="audit-title">
            <h2 id="audit-title">{move || ui.text().audit_log}</h2>
            <p class="muted">{move || ui.text().audit_help}</p>
            {rows}
            <p class="actions">
                <span>{move || ui.text().download}" :"</span>
                <a href=format!("{export}&format=csv&separator=semicolon") download>{move || ui.text().csv_semicolon}</a>
                <a href=format!("{export}&format=json") download>{move || ui.text().json}</a>
            </p>
        </section>
    }
}

/// The entries as a table captioned `caption`, or why there are none.
fn entries_view(
    ui: crate::app::Ui,
    entries: Option<Result<Vec<AuditEntry>, api::Failure>>,
    caption: &'static str,
) -> AnyView {
    let text = ui.text();
    let lang = ui.lang.get();
    match entries {
        None => view! { <p>{text.loading}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any(),
        Some(Ok(entries)) => view! {
            <table>
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{text.when}</th>
                    <th scope="col">{text.who}</th>
                    <th scope="col">{text.action}</th>
                    <th scope="col">{text.details}</th>
                </tr></thead>
                <tbody>{entries.into_iter().map(|entry| {
                    let role = text.roles[usize::from(entry.staff_role == Role::Moderator)];
                    view! {
                        <tr>
                            <td>{lang.date(&entry.at)}" "{entry.at.get(11..16).unwrap_or_default().to_owned()}</td>
                            <td>{format!("{} ({role})", entry.staff_name)}</td>
                            <td>{text.audit_actions[action_index(entry.action)]}</td>
                            <td>{entry.detail}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    }
}

/// The city-wide entries (invitation code sets), newest first, on the codes
/// page. `version` changes after each action there, to read them again.
#[component]
pub fn CityAuditLog(
    /// Bumped by the page after a set is made or a code revoked.
    version: RwSignal<u32>,
) -> impl IntoView {
    let ui = use_ui();
    let entries = LocalResource::new(move || {
        version.track();
        async move { api::get::<Vec<AuditEntry>>("/v1/staff/audit").await }
    });
    let rows = move || entries_view(ui, entries.get(), ui.text().codes_log);
    view! {
        <section class="card" aria-labelledby="codes-log-title">
            <h2 id="codes-log-title">{move || ui.text().codes_log}</h2>
            <p class="muted">{move || ui.text().codes_log_help}</p>
            {rows}
        </section>
    }
}
