//! The HTML around a widget on Parvis' own pages: the document, its
//! headers (a strict Content-Security-Policy with the framing rule of each
//! page), the placeholder holding the server's fragment, and error pages.

use super::texts::texts;
use crate::context::Ctx;
use crate::error::ApiError;
use crate::public::fragment::{self, Variant};
use crate::reply::Reply;
use parvis_model::Lang;
use parvis_model::embed::escape_attribute as escape;
use parvis_model::wire::WireName;

/// A page to render.
pub struct Document<'a> {
    /// The page's language.
    pub lang: Lang,
    /// The `<title>`.
    pub title: &'a str,
    /// Extra `<head>` elements, already escaped.
    pub head: String,
    /// The body's class: its layout.
    pub body_class: &'static str,
    /// The body's content, already escaped.
    pub body: String,
    /// Parvis scripts the page loads (paths on this origin).
    pub scripts: &'a [&'a str],
}

/// The pages' own styles: readable on any screen, the widget's width.
const STYLE: &str = "html{color-scheme:light}\
body{margin:0;font:1rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1f2328}\
body.consultation{background:#f6f7f9}\
body.consultation>header,body.consultation>main,body.consultation>footer{max-width:44rem;margin:0 auto;padding:1rem}\
body.consultation>header{border-bottom:.25rem solid var(--city-accent,#1a56db)}\
body.consultation h1{font-size:1.25rem;margin:0}\
body.consultation footer{font-size:.875rem;color:#4b5563}\
body.frame{background:transparent;display:flow-root}\
.notice{margin:0 0 1rem;padding:.5rem .75rem;border-left:.25rem solid #b45309;background:#fffbeb}";

/// The whole document.
pub fn render(doc: &Document) -> String {
    let scripts: String = doc
        .scripts
        .iter()
        .map(|src| format!("<script src=\"{src}\" async></script>"))
        .collect();
    format!(
        "<!doctype html>\
         <html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"icon\" href=\"data:,\">\
         <title>{title}</title>{head}<style>{STYLE}</style>{scripts}</head>\
         <body class=\"{class}\">{body}</body></html>",
        lang = doc.lang.tag(),
        title = escape(doc.title),
        head = doc.head,
        class = doc.body_class,
        body = doc.body,
    )
}

/// The widget's placeholder with the server's fragment in a declarative
/// shadow root: readable with no script, taken over by `embed.js` (which
/// finds the fragment in place and fetches nothing).
pub async fn widget_placeholder(
    ctx: &Ctx,
    variant: &Variant,
    ticket: Option<&str>,
) -> Result<String, ApiError> {
    let widget = ctx.widget()?;
    let html = fragment::render(ctx, variant).await?;
    let lang = page_lang(ctx, variant)?;
    let ticket = ticket
        .map(|t| format!(" data-parvis-ticket=\"{}\"", escape(t)))
        .unwrap_or_default();
    Ok(format!(
        "<div data-parvis-widget=\"{id}\" data-parvis-kind=\"{kind}\" data-lang=\"{lang}\" \
         data-theme=\"{theme}\" data-parvis-inline{ticket}>\
         <template shadowrootmode=\"open\">{html}</template></div>",
        id = escape(&widget.id),
        kind = widget.kind.wire_name(),
        lang = lang.tag(),
        theme = variant.theme,
    ))
}

/// The language a page speaks: the one asked for, else the widget's own.
pub fn page_lang(ctx: &Ctx, variant: &Variant) -> Result<Lang, ApiError> {
    Ok(match variant.lang {
        "fr" | "en" => Lang::from_tag(variant.lang),
        _ => ctx.widget()?.lang,
    })
}

/// An HTML answer with the pages' security headers. `frame_ancestors` is
/// the whole CSP directive that says who may frame the page.
pub fn html_reply(ctx: &Ctx, html: String, frame_ancestors: &str, cache_control: &str) -> Reply {
    let own = ctx.own_origin().unwrap_or_default();
    let policy = format!(
        "default-src 'none'; script-src {own} 'wasm-unsafe-eval'; connect-src {own}; \
         style-src 'unsafe-inline'; img-src {own} data:; base-uri 'none'; form-action 'none'; \
         {frame_ancestors}"
    );
    Reply::with_body(200, "text/html; charset=utf-8", html.into_bytes())
        .header("Content-Security-Policy", policy)
        .header("Referrer-Policy", "strict-origin-when-cross-origin")
        .header("Cache-Control", cache_control)
}

/// A page that says why there is nothing to show, with the error's status.
pub fn error_page(ctx: &Ctx, error: ApiError) -> Reply {
    let lang = ctx
        .query("lang")
        .map_or(Lang::Fr, |tag| Lang::from_tag(&tag));
    let problem = error.into_reply();
    let t = texts(lang);
    let text = if problem.status == 404 {
        t.not_found
    } else {
        t.bad_address
    };
    let html = render(&Document {
        lang,
        title: t.not_available,
        head: String::new(),
        body_class: "consultation",
        body: format!(
            "<main><h1>{heading}</h1><p>{text}</p></main>",
            heading = t.not_available
        ),
        scripts: &[],
    });
    let mut reply = html_reply(ctx, html, "frame-ancestors *", "no-store");
    reply.status = problem.status;
    reply
}
