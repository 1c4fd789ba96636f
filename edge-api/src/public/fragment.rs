//! `GET /v1/widgets/{id}/fragment?lang=&theme=`: the widget's public view
//! rendered to HTML by the resident widgets' own components, for `embed.js`
//! to show before the wasm arrives.
//!
//! The fragment is the same for everyone (no voter is read), so it is kept
//! in the Workers Cache for [`TTL_SECONDS`] under a key made of the widget,
//! the language and the theme: a popular page costs D1 nothing. What staff
//! change in a widget (its settings, an idea's answer, a moderation
//! decision, a city reply) purges its keys in this location; residents'
//! posts, the city's colours and other locations follow within the TTL.

use crate::context::Ctx;
use crate::cors::CorsPolicy;
use crate::error::ApiError;
use crate::public::fragment_cache::{OWN_LANG, THEMES, cache_key};
use crate::public::{comments, ideas, widgets};
use crate::reply::Reply;
use parvis_model::{Lang, WidgetKind};
use parvis_widgets::seed::SeedParts;
use parvis_widgets::server::{Fragment, render_fragment};
use worker::{Cache, Headers, Response};

/// How long a rendered fragment is served from the cache, in seconds.
pub const TTL_SECONDS: u32 = 60;

/// Where the cached copy keeps the city's embed origins, so a cache hit
/// decides CORS without D1. Never sent to browsers.
const ORIGINS_HEADER: &str = "Parvis-Allowed-Origins";

/// Says whether the answer came from the cache (`hit`) or D1 (`miss`).
const CACHE_HEADER: &str = "Parvis-Fragment-Cache";

/// The variant asked for: language and theme, checked.
pub struct Variant {
    /// `fr`, `en`, or [`OWN_LANG`] for the widget's own language.
    pub lang: &'static str,
    /// `light`, `dark` or `auto`.
    pub theme: &'static str,
}

impl Variant {
    /// The fragment route's variant: `lang` and `theme`, nothing else.
    fn of(ctx: &Ctx) -> Result<Variant, ApiError> {
        let url = ctx.req.url()?;
        if let Some((name, _)) = url
            .query_pairs()
            .find(|(name, _)| name != "lang" && name != "theme")
        {
            return Err(ApiError::InvalidQuery(format!(
                "unknown parameter {name}: only lang and theme"
            )));
        }
        Variant::from_query(ctx)
    }

    /// The variant named by `lang` and `theme` in the query, other
    /// parameters ignored (a shared link may carry tracking parameters).
    pub fn from_query(ctx: &Ctx) -> Result<Variant, ApiError> {
        let one_of = |name: &str,
                      allowed: &[&'static str]|
         -> Result<Option<&'static str>, ApiError> {
            let Some(value) = ctx.query(name) else {
                return Ok(None);
            };
            allowed
                .iter()
                .find(|a| **a == value)
                .copied()
                .map(Some)
                .ok_or_else(|| {
                    ApiError::InvalidQuery(format!("{name} must be one of {}", allowed.join(", ")))
                })
        };
        Ok(Variant {
            lang: one_of("lang", &["fr", "en"])?.unwrap_or(OWN_LANG),
            theme: one_of("theme", &THEMES)?.unwrap_or(THEMES[0]),
        })
    }
}

/// Serves the fragment: from the cache when it holds it, else rendered and
/// cached. Handles its own CORS (the router's public checks need D1).
pub async fn serve(mut ctx: Ctx) -> Reply {
    let result = async {
        let variant = Variant::of(&ctx)?;
        let own_origin = ctx.own_origin().unwrap_or_default();
        let key = cache_key(&own_origin, ctx.param("id"), variant.lang, variant.theme);
        let cache = Cache::default();
        if let Some(hit) = cache.get(&key, false).await? {
            return Ok(from_cached(&ctx, hit).await?.header(CACHE_HEADER, "hit"));
        }
        let Some(widget) = widgets::load(&ctx.db, ctx.param("id")).await? else {
            return Ok(CorsPolicy::Anyone.apply(ApiError::NotFound("no such widget").into_reply()));
        };
        let origins = widget.allowed_origins().join(" ");
        ctx.widget = Some(widget);
        // The same for everyone: whoever asks is not read.
        ctx.voter = None;
        let html = render(&ctx, &variant).await?;
        let _ = cache.put(&key, cacheable(&html, &origins)?).await;
        Ok(answer(&ctx, html.into_bytes(), &origins).header(CACHE_HEADER, "miss"))
    };
    // Any page may read a refusal (the widget then mounts as before).
    result
        .await
        .unwrap_or_else(|error: ApiError| CorsPolicy::Anyone.apply(error.into_reply()))
}

async fn from_cached(ctx: &Ctx, mut hit: Response) -> Result<Reply, ApiError> {
    let origins = hit.headers().get(ORIGINS_HEADER)?.unwrap_or_default();
    let body = hit.bytes().await?;
    Ok(answer(ctx, body, &origins))
}

/// The answer to the browser: HTML the page's allowed origins may read,
/// compressed by the runtime when the browser accepts it.
fn answer(ctx: &Ctx, html: Vec<u8>, origins: &str) -> Reply {
    let allowed: Vec<&str> = origins.split(' ').filter(|o| !o.is_empty()).collect();
    let cors = CorsPolicy::for_request(&ctx.req, &allowed);
    if let CorsPolicy::Foreign = cors {
        // The page itself may read why, so `embed.js` can tell its
        // webmaster which setting to change (a CORS error says nothing).
        let origin = ctx.header("Origin").unwrap_or_default();
        return CorsPolicy::Anyone.apply(ApiError::PageNotAllowed(origin).into_reply());
    }
    let mut reply = Reply::with_body(200, "text/html; charset=utf-8", html)
        .header("Cache-Control", format!("public, max-age={TTL_SECONDS}"))
        // Opened on its own (a link to it), the fragment is an inert
        // document in an opaque origin: no script, nothing same-origin with
        // the dashboard. `embed.js` inserts it as markup, where this does
        // not apply.
        .header(
            "Content-Security-Policy",
            "sandbox; default-src 'none'; style-src 'unsafe-inline'",
        )
        .header("Vary", "Accept-Encoding");
    let accepts = ctx.header("Accept-Encoding").unwrap_or_default();
    let accepted = |coding: &str| {
        accepts.split(',').any(|item| {
            let mut parts = item.split(';').map(str::trim);
            parts.next() == Some(coding) && parts.all(|p| p != "q=0" && p != "q=0.0")
        })
    };
    if let Some(coding) = ["br", "gzip"].into_iter().find(|c| accepted(c)) {
        reply = reply.header("Content-Encoding", coding);
    }
    cors.apply(reply)
}

fn cacheable(html: &str, origins: &str) -> Result<Response, ApiError> {
    let headers = Headers::new();
    headers.set("Content-Type", "text/html; charset=utf-8")?;
    headers.set("Cache-Control", &format!("public, max-age={TTL_SECONDS}"))?;
    headers.set(ORIGINS_HEADER, origins)?;
    Ok(Response::builder()
        .with_headers(headers)
        .fixed(html.as_bytes().to_vec()))
}

/// The widget of `ctx` rendered as its fragment: the same markup for
/// `embed.js`, the consultation page and the framed page.
pub async fn render(ctx: &Ctx, variant: &Variant) -> Result<String, ApiError> {
    let view = widgets::view(ctx).await?;
    let lang = match variant.lang {
        OWN_LANG => view.lang,
        asked => Lang::from_tag(asked),
    };
    let mut parts = SeedParts::default();
    let page_json = match view.kind {
        WidgetKind::Poll => "null".to_owned(),
        WidgetKind::Ideas => {
            let page = ideas::first_page(ctx).await?;
            let json = to_json(&page)?;
            parts.ideas = Some(page);
            json
        }
        WidgetKind::Comments => {
            let page = comments::first_page(ctx).await?;
            let json = to_json(&page)?;
            parts.comments = Some(page);
            json
        }
    };
    let view_json = to_json(&view)?;
    parts.view = Some(view);
    let fragment = Fragment {
        parts,
        seed_json: format!("{{\"view\":{view_json},\"page\":{page_json}}}"),
        lang,
        theme: Some(variant.theme.to_owned()),
    };
    render_fragment(fragment).ok_or_else(|| ApiError::Internal("nothing to render".to_owned()))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Internal(e.to_string()))
}
