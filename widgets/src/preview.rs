//! A staff preview: the real widget components, drawn from a configuration
//! being edited, in their own shadow root. Nothing is sent and no voter token
//! is created: every API call answers [`ApiFailure::Preview`](crate::api::ApiFailure).

use crate::api::ApiClient;
use crate::common::{Announcer, LiveRegion};
use crate::context::WidgetContext;
use crate::i18n::Lang;
use crate::mount::shadow_root;
use crate::widget::{apply_city_theme, kind_view};
use leptos::prelude::*;
use parvis_model::WidgetView;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

/// Shows `view` on `host` as residents would see it, redrawn whenever `view`
/// changes. The preview lives as long as the reactive owner it is called in.
pub fn mount_preview(
    host: &HtmlElement,
    lang: Lang,
    view: Signal<WidgetView>,
) -> Result<(), JsValue> {
    let root = shadow_root(host, lang, "theme-light")?;
    apply_city_theme(&root, view.get_untracked().theme.as_ref());
    let context = WidgetContext::new(ApiClient::preview(), lang, String::new());
    // A child of the caller's owner: it is cleaned up with the caller.
    mount_to(root, move || {
        provide_context(context);
        let announcer = Announcer::new();
        provide_context(announcer);
        view! {
            <section class="widget">
                {move || kind_view(view.get())}
                <LiveRegion announcer />
            </section>
        }
    })
    .forget();
    Ok(())
}
