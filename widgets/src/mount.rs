//! Mounting a widget on its placeholder, inside an open shadow root: on an
//! empty placeholder, or taking over the server's markup that `embed.js`
//! put there first.

use crate::api::ApiClient;
use crate::context::WidgetContext;
use crate::i18n::Lang;
use crate::seed::{Seed, decode};
use crate::styles::{for_build, theme_class};
use crate::takeover::take_over;
use crate::widget::Widget;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Mounts the widget named by the placeholder's `data-parvis-widget`
/// attribute, talking to the API at `api_origin`. When the placeholder's
/// shadow root already shows the server's fragment, `seed` is that
/// fragment's data: the widget renders hidden beside it from the seed and
/// replaces it once it shows the same content, keeping what the resident
/// picked or typed meanwhile.
#[wasm_bindgen]
pub fn mount(
    placeholder: HtmlElement,
    api_origin: String,
    seed: Option<String>,
) -> Result<(), JsValue> {
    let widget_id = placeholder
        .get_attribute("data-parvis-widget")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| JsValue::from_str("the placeholder has no data-parvis-widget id"))?;
    let theme = theme_class(placeholder.get_attribute("data-theme").as_deref());
    let ticket = placeholder.get_attribute("data-parvis-ticket");
    let client = ApiClient::new(api_origin, widget_id.clone(), ticket);
    let server_markup = placeholder
        .shadow_root()
        .and_then(|shadow| Some((shadow.query_selector(".parvis").ok()??, shadow)));
    let Some((server_root, shadow)) = server_markup else {
        let lang = placeholder_lang(&placeholder);
        let root = shadow_root(&placeholder, lang, theme)?;
        return mount_widget(root, WidgetContext::new(client, lang, widget_id));
    };
    // The server chose the language (`data-lang`, else the widget's own).
    let lang = server_root.get_attribute("lang").map_or_else(
        || placeholder_lang(&placeholder),
        |tag| Lang::from_tag(&tag),
    );
    let mut context = WidgetContext::new(client, lang, widget_id);
    context.seed = Seed::new(seed.as_deref().and_then(decode).unwrap_or_default());
    let document = document()?;
    let styles = document.create_element("style")?;
    styles.set_text_content(Some(&for_build()));
    shadow.append_child(&styles)?;
    let root = widget_root(&document, lang, theme)?;
    root.set_hidden(true);
    shadow.append_child(&root)?;
    let shown = RwSignal::new(false);
    context.shown = Some(shown);
    let new_root = root.clone();
    mount_to(root, move || {
        provide_context(context);
        let mut done = false;
        Effect::new(move || {
            if shown.get() && !done {
                done = true;
                take_over(&shadow, &server_root, &new_root, &styles);
            }
        });
        view! { <Widget /> }
    })
    .forget();
    Ok(())
}

fn mount_widget(root: HtmlElement, context: WidgetContext) -> Result<(), JsValue> {
    mount_to(root, move || {
        provide_context(context);
        view! { <Widget /> }
    })
    .forget();
    Ok(())
}

fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The element widgets render into, as the server's fragment has it.
fn widget_root(document: &Document, lang: Lang, theme: &str) -> Result<HtmlElement, JsValue> {
    let root: HtmlElement = document.create_element("div")?.unchecked_into();
    root.set_class_name(&format!("parvis {theme}"));
    root.set_attribute("lang", lang.tag())?;
    Ok(root)
}

/// Gives `host` an open shadow root (emptied if it had one) holding the
/// widgets' styles and the root element widgets render into.
pub fn shadow_root(host: &HtmlElement, lang: Lang, theme: &str) -> Result<HtmlElement, JsValue> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_inner_html("");
            shadow
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = document()?;
    let style: Element = document.create_element("style")?;
    style.set_text_content(Some(&for_build()));
    shadow.append_child(&style)?;
    let root = widget_root(&document, lang, theme)?;
    shadow.append_child(&root)?;
    Ok(root)
}

/// With no server rendering to follow: `data-lang` on the placeholder, else
/// the page's `<html lang>`, else French.
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
