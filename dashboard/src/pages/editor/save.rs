//! Saving the editor's form: the request, what its answer shows, and the
//! form's last lines (what happened, the Save button).

use crate::api::{self, Method};
use crate::app::{Ui, use_ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::FieldError;
use parvis_model::staff::StaffWidget;
use parvis_model::widget_config::WidgetConfig;

/// What the form last said: the text, and whether it is an error.
pub type Notice = RwSignal<Option<(&'static str, bool)>>;

/// Creates the widget (`id` absent) or replaces it with `config`; then
/// opens its page, or shows the API's field errors and what went wrong.
pub fn save(
    ui: Ui,
    id: Option<String>,
    config: WidgetConfig,
    errors: RwSignal<Vec<FieldError>>,
    notice: Notice,
) {
    spawn_local(async move {
        let result = match &id {
            None => {
                api::send::<_, StaffWidget>(Method::Post, "/v1/staff/widgets", Some(&config)).await
            }
            Some(id) => {
                api::send::<_, StaffWidget>(Method::Put, &api::widget_path(id, ""), Some(&config))
                    .await
            }
        };
        match result {
            Ok(Some(saved)) => {
                errors.set(Vec::new());
                notice.set(Some((ui.text().saved, false)));
                ui.go(&format!("#/widgets/{}", saved.id));
            }
            Ok(None) => {}
            Err(failure) => {
                ui.check(&failure);
                errors.set(failure.field_errors());
                notice.set(Some((
                    if failure.field_errors().is_empty() {
                        ui.text().network_error
                    } else {
                        ui.text().fix_errors
                    },
                    true,
                )));
            }
        }
    });
}

/// What the last save said, then the Save button.
#[component]
pub fn SaveBar(
    /// What the form last said.
    notice: Notice,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        {move || notice.get().map(|(m, is_error)| view! { <p class=if is_error { "error" } else { "success" } role="alert">{m}</p> })}
        <button type="submit" class="primary">{move || ui.text().save}</button>
    }
    .into_any()
}
