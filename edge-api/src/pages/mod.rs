//! Pages Parvis serves itself, for places where a script tag cannot go:
//! the consultation page to share (`/c/{id}`), the framed page for an
//! iframe (`/embed/{id}`), and the oEmbed answer (`/oembed`) that turns a
//! pasted link into that iframe. The widget in both pages is the same
//! server-rendered fragment `embed.js` shows, in a declarative shadow root,
//! then made interactive by the same loader and bundles.

mod consultation;
mod document;
mod frame;
mod oembed;
mod sign_in_callback;
mod texts;

use crate::context::Ctx;
use crate::error::ApiError;
use crate::public::widgets;
use crate::reply::Reply;
use crate::routes::Handler;

/// Serves a page route. Errors are a short HTML page for a person who
/// followed a link (`Accept: text/html`), a problem document otherwise.
pub async fn serve(handler: Handler, mut ctx: Ctx) -> Reply {
    let result = match handler {
        Handler::OEmbed => oembed::answer(&ctx).await,
        Handler::ConsultationPage => with_widget(&mut ctx)
            .await
            .and(consultation::page(&ctx).await),
        Handler::FramePage => with_widget(&mut ctx).await.and(frame::page(&ctx).await),
        Handler::SignInCallback => sign_in_callback::page(&ctx).await,
        _ => Err(ApiError::NotFound("no such route")),
    };
    result.unwrap_or_else(|error| {
        let wants_html = ctx
            .header("Accept")
            .is_some_and(|accept| accept.contains("text/html"));
        if wants_html && handler != Handler::OEmbed {
            document::error_page(&ctx, error)
        } else {
            error.into_reply()
        }
    })
}

/// Loads the page's widget: public ones only (not drafts, not archived).
async fn with_widget(ctx: &mut Ctx) -> Result<(), ApiError> {
    let widget = widgets::load(&ctx.db, ctx.param("id"))
        .await?
        .ok_or(ApiError::NotFound("no such widget"))?;
    ctx.widget = Some(widget);
    Ok(())
}
