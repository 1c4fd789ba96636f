//! `GET /embed/{id}?lang=&theme=`: the widget alone, for an iframe. No page
//! chrome, a transparent background, the theme from the query (as the
//! placeholder's `data-*` attributes give it to `embed.js`). Only the
//! city's allowed sites may frame it (`frame-ancestors`, from the same list
//! as CORS). `frame.js` posts the content's height to the parent page, in
//! Parvis' message and in WordPress' (which resizes discovered embeds).
//! The page carries an embed ticket so the widget can write from inside a
//! sandbox (`public::embed_ticket`).

use super::document::{Document, html_reply, page_lang, render, widget_placeholder};
use crate::context::Ctx;
use crate::error::ApiError;
use crate::public::embed_ticket;
use crate::public::fragment::Variant;
use crate::reply::Reply;
use parvis_model::embed::{frame_ancestors, frame_title};

/// The framed page.
pub async fn page(ctx: &Ctx) -> Result<Reply, ApiError> {
    let variant = Variant::from_query(ctx)?;
    let widget = ctx.widget()?;
    let ticket = embed_ticket::issue(ctx, &widget.id)?;
    let placeholder = widget_placeholder(ctx, &variant, Some(&ticket)).await?;
    let html = render(&Document {
        lang: page_lang(ctx, &variant)?,
        title: &frame_title(&widget.title),
        head: String::new(),
        body_class: "frame",
        body: format!("<main>{placeholder}</main>"),
        scripts: &["/embed.js", "/frame.js"],
    });
    // The ticket is in the page: no shared cache keeps it.
    Ok(html_reply(
        ctx,
        html,
        &frame_ancestors(&widget.allowed_origins()),
        "private, max-age=60",
    ))
}
