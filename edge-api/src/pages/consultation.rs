//! `GET /c/{id}`: the consultation page, the link a city shares in a
//! newsletter, on social networks or as a QR code on a poster. The widget
//! as the server renders it (readable with no script), then interactive;
//! the city's name and colours; Open Graph and Twitter Card tags for link
//! previews; the oEmbed link that lets WordPress embed a pasted link.

use super::document::{Document, html_reply, page_lang, render, widget_placeholder};
use super::texts::texts;
use crate::context::Ctx;
use crate::error::ApiError;
use crate::public::fragment::Variant;
use crate::reply::Reply;
use parvis_model::Lang;
use parvis_model::embed::{consultation_url, escape_attribute as escape};
use parvis_widgets::server::city_properties;

/// The longest description a link preview carries, in characters.
const PREVIEW_CHARS: usize = 200;

/// The consultation page.
pub async fn page(ctx: &Ctx) -> Result<Reply, ApiError> {
    let variant = Variant::from_query(ctx)?;
    let widget = ctx.widget()?;
    let own = ctx.own_origin().unwrap_or_default();
    let lang = page_lang(ctx, &variant)?;
    let t = texts(lang);
    let city = escape(&widget.city_name);
    let url = consultation_url(&own, &widget.id);
    let description = preview_text(&widget.description, t.default_description);
    let oembed = format!(
        "{own}/oembed?url={}&format=json",
        String::from(js_sys::encode_uri_component(&url))
    );
    let head = [
        meta("name", "description", &description),
        meta("property", "og:type", "website"),
        meta("property", "og:title", &widget.title),
        meta("property", "og:description", &description),
        meta("property", "og:site_name", &widget.city_name),
        meta("property", "og:url", &url),
        meta("property", "og:locale", og_locale(lang)),
        meta("name", "twitter:card", "summary"),
        meta("name", "twitter:title", &widget.title),
        meta("name", "twitter:description", &description),
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            escape(&oembed),
            escape(&widget.title)
        ),
    ]
    .concat();
    let placeholder = widget_placeholder(ctx, &variant, None).await?;
    // The city's colours on the page's own header, as on the widget.
    let brand: String = city_properties(widget.theme().as_ref())
        .into_iter()
        .map(|(name, value)| format!("{name}:{value};"))
        .collect();
    let body = format!(
        "<header style=\"{brand}\"><h1>{city} — {consultation}</h1></header>\
         <main><noscript><p class=\"notice\">{needs_javascript}</p></noscript>{placeholder}</main>\
         <footer><p>{offered_by} {city}, {with_parvis}. {privacy}</p></footer>",
        consultation = t.consultation,
        brand = escape(&brand),
        needs_javascript = t.needs_javascript,
        offered_by = t.offered_by,
        with_parvis = t.with_parvis,
        privacy = t.privacy,
    );
    let title = format!("{} — {}", widget.title, widget.city_name);
    let html = render(&Document {
        lang,
        title: &title,
        head,
        body_class: "consultation",
        body,
        scripts: &["/embed.js"],
    });
    Ok(html_reply(
        ctx,
        html,
        "frame-ancestors 'none'",
        "public, max-age=60",
    ))
}

fn meta(attribute: &str, name: &str, content: &str) -> String {
    format!(
        "<meta {attribute}=\"{name}\" content=\"{}\">",
        escape(content)
    )
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr_FR",
        Lang::En => "en_GB",
    }
}

/// The widget's description on one line, cut at a word, or a default.
fn preview_text(description: &str, default: &str) -> String {
    let line = description.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return default.to_owned();
    }
    if line.chars().count() <= PREVIEW_CHARS {
        return line;
    }
    let cut: String = line.chars().take(PREVIEW_CHARS).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{at_word}…")
}
