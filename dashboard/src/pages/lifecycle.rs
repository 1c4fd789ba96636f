//! The end of a consultation, on its detail page (admins): archive it (it
//! leaves the city's pages and is frozen), export it, then delete it with
//! everything residents wrote in it. When the city's retention period has
//! erased residents' text, the page says so.

use crate::api::{self, Method};
use crate::app::{Ui, use_ui};
use crate::i18n::Texts;
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
    let step = Step { ui, busy, message };
    let archive = {
        let path = api::widget_path(&widget.id, "/archive");
        move |_| {
            step.run(
                ui.text().archive_question.to_owned(),
                Method::Post,
                path.clone(),
                |text| text.close_first,
                move || on_changed.run(()),
            )
        }
    };
    let delete = {
        let path = api::widget_path(&widget.id, "");
        let title = widget.title.clone();
        move |_| {
            step.run(
                format!("{} ({title})", ui.text().delete_question),
                Method::Delete,
                path.clone(),
                |text| text.export_first,
                move || ui.go("#/widgets"),
            )
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

/// One step of the end of a consultation: confirmed, sent, then `done`, or
/// the refusal said in the panel.
#[derive(Clone, Copy)]
struct Step {
    ui: Ui,
    busy: RwSignal<bool>,
    message: RwSignal<Option<(&'static str, bool)>>,
}

impl Step {
    fn run(
        self,
        question: String,
        method: Method,
        path: String,
        refused: fn(&Texts) -> &'static str,
        done: impl FnOnce() + 'static,
    ) {
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        let ui = self.ui;
        self.busy.set(true);
        spawn_local(async move {
            let outcome = api::send::<(), ()>(method, &path, None).await;
            self.busy.set(false);
            match outcome {
                Ok(_) => done(),
                Err(failure) => {
                    ui.check(&failure);
                    let text = ui.text();
                    let said = match failure.code() {
                        Some(ProblemCode::Conflict) => refused(text),
                        _ => text.network_error,
                    };
                    self.message.set(Some((said, true)));
                }
            }
        });
    }
}
