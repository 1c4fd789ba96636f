//! The three ways to put a widget on a site — the script, the iframe, and
//! the link with its QR code — each with its code, a copy button and when
//! to use it; their options; a check of a page against the city's allowed
//! sites; and the WordPress and Drupal recipes.

use crate::app::use_ui;
use crate::i18n::{qr_name, quoted};
use crate::pages::embed_check::EmbedCheck;
use crate::pages::qr_code::QrCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::embed::{consultation_url, frame_url, iframe_snippet};
use parvis_model::staff::StaffWidget;
use parvis_model::widget::embed_snippet;

/// The block whose code was copied last, and whether the copy worked.
pub type Copied = RwSignal<Option<(&'static str, bool)>>;

/// Puts `text` on the clipboard, then notes in `copied` whether it worked.
pub fn copy(text: String, block: &'static str, copied: Copied) {
    // Cleared first, so copying the same code again is announced again.
    copied.set(None);
    let Some(window) = web_sys::window() else {
        copied.set(Some((block, false)));
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        copied.set(Some((block, done)));
    });
}

/// How the widget reaches a page, on the widget's page.
#[component]
pub fn EmbedPanel(
    /// The widget.
    widget: StaffWidget,
    /// Parvis' origin (the dashboard's own).
    origin: String,
) -> impl IntoView {
    let ui = use_ui();
    let copied: Copied = RwSignal::new(None);
    let script = embed_snippet(&origin, &widget.id, widget.kind);
    let iframe = iframe_snippet(
        &origin,
        &widget.id,
        &widget.title,
        widget.kind,
        widget.options.len(),
    );
    let link = consultation_url(&origin, &widget.id);
    // The options applied to this widget's own snippets, as examples.
    let script_example =
        script.replacen("></div>", " data-lang=\"en\" data-theme=\"dark\"></div>", 1);
    let frame_example = format!("{}?lang=en&theme=dark", frame_url(&origin, &widget.id));
    let content = move || {
        let text = ui.text();
        let lang = ui.lang.get();
        // Owned per drawing: the link block's children are moved into it.
        let (link, qr_label) = (link.clone(), qr_name(lang, &widget.title));
        let qr_file = format!("parvis-{}-qr.svg", widget.id);
        // Untracked, as in the shell: a session that expires and comes back
        // must not redraw the panel.
        let settings: AnyView = if untrack(|| ui.is_admin()) {
            view! { <a href="#/settings">{text.settings}</a> }.into_any()
        } else {
            text.settings.into_any()
        };
        view! {
            <p>{text.embed_help}</p>
            <p class="notice">{text.allowed_before}" "{quoted(lang, text.origins)}" ("{settings}")"{text.allowed_after}</p>
            <SnippetBlock id="embed-script" heading=text.script_title when=text.script_when code=script.clone()
                copy_label=text.copy_script copied_text=text.copied_script copied=copied test_id="snippet" />
            <SnippetBlock id="embed-iframe" heading=text.iframe_title when=text.iframe_when code=iframe.clone()
                copy_label=text.copy_iframe copied_text=text.copied_iframe copied=copied test_id="iframe-snippet" />
            <details class="embed-options">
                <summary>{text.options_title}</summary>
                <p>{text.options_script}</p>
                <ul>
                    <li><code>"data-lang=\"fr\""</code>", "<code>"data-lang=\"en\""</code>{text.option_lang}</li>
                    <li><code>"data-theme=\"light\""</code>", "<code>"\"dark\""</code>", "<code>"\"auto\""</code>{text.option_theme}</li>
                </ul>
                <pre class="snippet"><code>{script_example.clone()}</code></pre>
                <p>{text.options_iframe}</p>
                <pre class="snippet"><code>{frame_example.clone()}</code></pre>
            </details>
            <SnippetBlock id="embed-link" heading=text.link_title when=text.link_when code=link.clone()
                copy_label=text.copy_link copied_text=text.copied_link copied=copied test_id="consultation-link">
                <p class="muted">{text.qr_help}</p>
                <QrCode text=link.clone() name=qr_label file_name=qr_file download_label=text.download_qr />
                <p>
                    <a href=link target="_blank" rel="noopener">
                        {text.open_page}<span class="visually-hidden">{format!(" {}", text.new_tab)}</span>
                    </a>
                </p>
            </SnippetBlock>
        }
    };
    view! {
        <section class="card embed" aria-labelledby="embed-title">
            <h2 id="embed-title">{move || ui.text().embed}</h2>
            {content}
            <EmbedCheck />
            <h3>{move || ui.text().recipes_title}</h3>
            <ul>
                <li>{move || ui.text().wordpress}</li>
                <li>{move || ui.text().drupal}</li>
            </ul>
        </section>
    }
}

/// One way to put the widget on a page: a heading, when to use it, the code
/// and a button that copies it, then anything that goes with it.
#[component]
fn SnippetBlock(
    /// The block's id; its heading's is `{id}-title`.
    id: &'static str,
    /// Its heading.
    heading: &'static str,
    /// When to use it, in one line.
    when: &'static str,
    /// The code (or link) to copy.
    code: String,
    /// The copy button's name, which says what it copies.
    copy_label: &'static str,
    /// What the status says once the code is copied.
    copied_text: &'static str,
    /// The block whose code was copied last, shared by the blocks.
    copied: Copied,
    /// The code's `data-testid`.
    test_id: &'static str,
    /// What follows the code.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let ui = use_ui();
    let on_copy = {
        let code = code.clone();
        move |_| copy(code.clone(), id, copied)
    };
    let status = move || match copied.get() {
        Some((block, true)) if block == id => copied_text,
        Some((block, false)) if block == id => ui.text().copy_failed,
        _ => "",
    };
    view! {
        <div class="embed-way">
            <h3 id=format!("{id}-title")>{heading}</h3>
            <p>{when}</p>
            <pre class="snippet"><code data-testid=test_id>{code}</code></pre>
            <p class="actions">
                <button type="button" on:click=on_copy>{copy_label}</button>
                <span role="status">{status}</span>
            </p>
            {children.map(|children| children())}
        </div>
    }
}
