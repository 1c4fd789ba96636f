//! The editor's live preview: the residents' own widget component, drawn
//! from the form as it is being filled, in a shadow root. Nothing is sent.

use crate::app::use_ui;
use leptos::html::Div;
use leptos::prelude::*;
use parvis_model::WidgetView;

/// An RFC 3339 time → Unix seconds, through the browser's date parser.
pub fn unix_seconds(rfc3339: &str) -> Option<i64> {
    let millis = js_sys::Date::new(&rfc3339.into()).get_time();
    millis.is_finite().then(|| (millis / 1000.0) as i64)
}

/// Now, in Unix seconds.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The preview of `view`, redrawn whenever it changes, in the dashboard's
/// language.
#[component]
pub fn WidgetPreview(
    /// What residents would load.
    view: Signal<WidgetView>,
) -> impl IntoView {
    let ui = use_ui();
    let host = NodeRef::<Div>::new();
    // Mounted once the host exists, and again when the language changes; the
    // previous preview is cleaned up with this effect's last run.
    Effect::new(move || {
        let lang = ui.lang.get();
        if let Some(host) = host.get() {
            untrack(|| {
                if let Err(error) = parvis_widgets::mount_preview(&host, lang, view) {
                    web_sys::console::warn_2(&"[parvis] preview failed".into(), &error);
                }
            });
        }
    });
    view! {
        <section class="card preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || ui.text().preview}</h2>
            <p class="muted">{move || ui.text().preview_help}</p>
            <div node_ref=host data-testid="preview"></div>
        </section>
    }
}
