//! The end of a consultation, on its detail page (admins): archive it (it
//! leaves the city's pages and is frozen), export it, then delete it with
//! everything residents wrote in it. When the city's retention period has
//! erased residents' text, the page says so.

use crate::api::{self, Method};
use crate::app::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::ProblemCode;
use parvis_model::staff::StaffWidget;

/// The panel for `widget`; `on_changed` reloads the page's data.
#[component]
pub fn EndOfConsultation(
    /// The widget as loaded.
    widget: StaffWidget,
    /// Called once it is archived.
    on_changed: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let message = RwSignal::new(None::<(&'static str, bool)>);
    let busy = RwSignal::new(false);
    let id = widget.id.clone();
    let archive = {
        let id = id.clone();
        move |_| {
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(ui.text().archive_question).ok())
                .unwrap_or(false);
            if !confirmed {
                return;
            }
            let path = api::widget_path(&id, "/archive");
            busy.set(true);
            spawn_local(async move {
                let outcome = api::send::<(), ()>(Method::Post, &path, None).await;
                busy.set(false);
                match outcome {
                    Ok(_) => on_changed.run(()),
                    Err(failure) => {
                        ui.check(&failure);
                        let text = ui.text();
                        let said = match failure.code() {
                            Some(ProblemCode::Conflict) => text.close_first,
                            _ => text.network_error,
                        };
                        message.set(Some((said, true)));
                    }
                }
            });
        }
    };
    let delete = {
        let id = id.clone();
        let title = widget.title.clone();
        move |_| {
            let question = format!("{} ({title})", ui.text().delete_question);
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if !confirmed {
                return;
            }
            let path = api::widget_path(&id, "");
            busy.set(true);
            spawn_local(async move {
                let outcome = api::send::<(), ()>(Method::Delete, &path, None).await;
                busy.set(false);
                match outcome {
                    Ok(_) => ui.go("#/widgets"),
                    Err(failure) => {
                        ui.check(&failure);
                        let text = ui.text();
                        let said = match failure.code() {
                            Some(ProblemCode::Conflict) => text.export_first,
                            _ => text.network_error,
                        };
                        message.set(Some((said, true)));
                    }
                }
            });
        }
    };
    let lang = ui.lang;
    let archived_at = widget.archived_at.clone();
    let purged_at = widget.purged_at.clone();
    view! {
        <section class="card" aria-labelledby="end-title">
            <h2 id="end-title">{move || ui.text().end_title}</h2>
            {purged_at.map(|at| view! {
                <p>{move || format!("{} {}.", ui.text().purged_on, lang.get().date(&at))}</p>
            })}
            {match archived_at {
                None => view! {
                    <p>{move || ui.text().archive_help}</p>
                    <p class="actions">
                        <button type="button" disabled=move || busy.get() on:click=archive>
                            {move || ui.text().archive}
                        </button>
                    </p>
                }.into_any(),
                Some(at) => view! {
                    <p>{move || format!("{} {}.", ui.text().archived_on, lang.get().date(&at))}</p>
                    <p>{move || ui.text().delete_help}</p>
                    <p class="actions">
                        <button type="button" class="danger" disabled=move || busy.get() on:click=delete>
                            {move || ui.text().delete_forever}
                        </button>
                    </p>
                }.into_any(),
            }}
            <p role="status" class=move || if message.get().is_some_and(|m| m.1) { "error" } else { "" }>
                {move || message.get().map(|m| m.0)}
            </p>
        </section>
    }
}
