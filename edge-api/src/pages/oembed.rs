//! `GET /oembed?url=…&format=json[&maxwidth=…&maxheight=…]`: the oEmbed
//! answer for a consultation or framed page's address on this host (type
//! `rich`, the iframe as `html`). WordPress discovers it from the
//! consultation page's `<link rel="alternate">` and embeds the widget when
//! an editor pastes the link on its own line.

use crate::context::Ctx;
use crate::cors::CorsPolicy;
use crate::error::ApiError;
use crate::public::widgets;
use crate::reply::Reply;
use parvis_model::embed::{Embedded, LinkIssue, MaxSize, oembed, widget_of_link};

/// The oEmbed answer, readable by any page (it is public).
pub async fn answer(ctx: &Ctx) -> Result<Reply, ApiError> {
    let own = ctx.own_origin().unwrap_or_default();
    let link = ctx
        .query("url")
        .filter(|url| !url.trim().is_empty())
        .ok_or_else(|| ApiError::InvalidQuery("url is required".to_owned()))?;
    if let Some(format) = ctx.query("format")
        && format != "json"
    {
        return Err(ApiError::InvalidQuery(
            "format must be json (the only format served)".to_owned(),
        ));
    }
    let max = MaxSize {
        width: dimension(ctx, "maxwidth")?,
        height: dimension(ctx, "maxheight")?,
    };
    let id = widget_of_link(&own, &link).map_err(|issue| {
        ApiError::InvalidQuery(match issue {
            LinkIssue::ForeignHost => format!("url must be an address on {own}"),
            LinkIssue::NotAWidgetPage => {
                format!("url must be a consultation page: {own}/c/{{id}}")
            }
        })
    })?;
    let widget = widgets::load(&ctx.db, &id)
        .await?
        .ok_or(ApiError::NotFound("no such widget"))?;
    let embedded = Embedded {
        parvis_origin: &own,
        id: &widget.id,
        title: &widget.title,
        city: &widget.city_name,
        kind: widget.kind,
        option_count: widget.option_ids().len(),
    };
    let reply =
        Reply::json(200, &oembed(&embedded, max))?.header("Cache-Control", "public, max-age=3600");
    Ok(CorsPolicy::Anyone.apply(reply))
}

/// A `maxwidth` or `maxheight`: a positive number of pixels, when given.
fn dimension(ctx: &Ctx, name: &str) -> Result<Option<u32>, ApiError> {
    ctx.query(name)
        .map(|value| {
            value
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=10_000).contains(n))
                .ok_or_else(|| {
                    ApiError::InvalidQuery(format!("{name} must be a number of pixels, 1 to 10000"))
                })
        })
        .transpose()
}
