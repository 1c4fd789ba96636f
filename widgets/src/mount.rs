//! Mounting a widget on its placeholder, inside an open shadow root.

use crate::api::ApiClient;
use crate::i18n::Lang;
use crate::widget::Widget;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// Every widget's styles: the base, then each kind's own.
const CSS: [&str; 4] = [
    include_str!("base.css"),
    crate::poll::CSS,
    crate::ideas::CSS,
    crate::comments::CSS,
];

/// Everything a widget needs to know about where it lives.
#[derive(Clone)]
pub struct WidgetContext {
    /// The API client.
    pub api: ApiClient,
    /// The language the widget speaks.
    pub lang: Lang,
    /// The widget's public id.
    pub widget_id: String,
}

/// Mounts the widget named by the placeholder's `data-parvis-widget`
/// attribute, talking to the API at `api_origin`.
#[wasm_bindgen]
pub fn mount(placeholder: HtmlElement, api_origin: String) -> Result<(), JsValue> {
    let widget_id = placeholder
        .get_attribute("data-parvis-widget")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| JsValue::from_str("the placeholder has no data-parvis-widget id"))?;
    let lang = placeholder_lang(&placeholder);
    let theme = match placeholder.get_attribute("data-theme").as_deref() {
        Some("dark") => "theme-dark",
        Some("auto") => "theme-auto",
        _ => "theme-light",
    };
    let root = shadow_root(&placeholder, lang, theme)?;
    let context = WidgetContext {
        api: ApiClient::new(api_origin),
        lang,
        widget_id,
    };
    mount_to(root, move || {
        provide_context(context);
        view! { <Widget /> }
    })
    .forget();
    Ok(())
}

/// Gives `host` an open shadow root (emptied if it had one) holding the
/// widgets' styles and the root element widgets render into.
pub fn shadow_root(host: &HtmlElement, lang: Lang, theme: &str) -> Result<HtmlElement, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_inner_html("");
            shadow
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(&CSS.concat()));
    shadow.append_child(&style)?;
    let root: HtmlElement = document.create_element("div")?.unchecked_into();
    root.set_class_name(&format!("parvis {theme}"));
    root.set_attribute("lang", lang.tag())?;
    shadow.append_child(&root)?;
    Ok(root)
}

/// `data-lang` on the placeholder, else the page's `<html lang>`, else French.
fn placeholder_lang(placeholder: &HtmlElement) -> Lang {
    let page_lang = || {
        web_sys::window()?
            .document()?
            .document_element()?
            .get_attribute("lang")
    };
    placeholder
        .get_attribute("data-lang")
        .or_else(page_lang)
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::Fr)
}

/// The context every widget component reads; [`mount`] always provides it.
pub fn use_widget_context() -> WidgetContext {
    expect_context::<WidgetContext>()
}
