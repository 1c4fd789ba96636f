//! `GET /oidc/callback`: the provider sends the sign-in window back here.
//! The sign-in's `state` is used once (its row is deleted as it is read, so
//! a replayed callback finds nothing), the code is exchanged and the ID
//! token checked (`oidc::token`); a grant is then made for the voter who
//! started the sign-in and posted to the page that opened the window, by
//! `sign-in.js`. Whatever happens, the window shows a short page in the
//! resident's language.

use super::document::{Document, html_reply, render};
use super::texts::sign_in_texts;
use crate::context::Ctx;
use crate::crypto::{keyed_hash, sha256_hex};
use crate::db::{Arg, query, rows_of};
use crate::error::ApiError;
use crate::oidc::provider;
use crate::oidc::token::{Exchange, SignInError, redeem};
use crate::public::verification::{grant_mac, redirect_uri};
use crate::reply::Reply;
use parvis_model::Lang;
use parvis_model::embed::escape_attribute as escape;
use parvis_model::verification::{
    GRANT_SECONDS, Grant, MESSAGE_TYPE, SIGN_IN_SECONDS, subject_message,
};
use serde::Deserialize;

/// The sign-in the callback's `state` names, as stored.
#[derive(Deserialize)]
struct SignIn {
    voter_hash: String,
    nonce: String,
    code_verifier: Option<String>,
    opener_origin: String,
    lang: String,
    created_at: i64,
    city_id: i64,
}

/// Names why a sign-in was refused, for the city's logs and the tests: the
/// provider's answer was wrong, so the reason says nothing of the person.
const REFUSAL_HEADER: &str = "Parvis-Sign-In-Refusal";

/// How a sign-in ended, for the page and the widget.
enum Outcome {
    /// A grant for the widget.
    Verified(Grant),
    /// The resident cancelled at the provider.
    Cancelled,
    /// The provider's answer failed a check, or the code was refused: why,
    /// as a stable name (`parvis_model::oidc::TokenError::as_str`, `code`,
    /// `provider_error`), sent in [`REFUSAL_HEADER`].
    Refused(&'static str),
    /// The provider could not be reached, or the city's secret is missing.
    Unavailable,
}

/// Serves the callback.
pub async fn page(ctx: &Ctx) -> Result<Reply, ApiError> {
    let state = ctx.query("state").filter(|s| !s.is_empty());
    let sign_in = match state {
        Some(state) => take_sign_in(ctx, &state).await?,
        None => None,
    };
    let Some(sign_in) = sign_in.filter(|s| ctx.now - s.created_at <= SIGN_IN_SECONDS) else {
        // Unknown, used already, or too old: nothing to post, nobody to tell.
        let lang = ctx
            .query("lang")
            .map_or(Lang::Fr, |tag| Lang::from_tag(&tag));
        let texts = sign_in_texts(lang);
        let mut reply = window_page(ctx, lang, texts.failed, texts.unknown, None);
        reply.status = 400;
        return Ok(reply);
    };
    let lang = Lang::from_tag(&sign_in.lang);
    let outcome = match ctx.query("error").as_deref() {
        Some("access_denied") => Outcome::Cancelled,
        Some(error) => {
            // PKCE refused, a login required…: the city's settings, not
            // the resident, are to blame; said in the log.
            worker::console_warn!("sign-in refused by the provider: {error}");
            Outcome::Refused("provider_error")
        }
        None => finish(ctx, &sign_in).await,
    };
    let texts = sign_in_texts(lang);
    let (status, title, text, message) = match &outcome {
        Outcome::Verified(grant) => (
            200,
            texts.verified,
            texts.verified_text,
            serde_json::json!({ "type": MESSAGE_TYPE, "grant": grant.text(), "acr": grant.acr }),
        ),
        Outcome::Cancelled => (
            200,
            texts.cancelled,
            texts.cancelled_text,
            serde_json::json!({ "type": MESSAGE_TYPE, "error": "cancelled" }),
        ),
        Outcome::Refused(_) => (
            400,
            texts.failed,
            texts.refused,
            serde_json::json!({ "type": MESSAGE_TYPE, "error": "refused" }),
        ),
        Outcome::Unavailable => (
            502,
            texts.failed,
            texts.unavailable,
            serde_json::json!({ "type": MESSAGE_TYPE, "error": "unavailable" }),
        ),
    };
    let mut message = message;
    message["origin"] = sign_in.opener_origin.clone().into();
    let mut reply = window_page(ctx, lang, title, text, Some(&message));
    reply.status = status;
    if let Outcome::Refused(reason) = outcome {
        reply = reply.header(REFUSAL_HEADER, reason);
    }
    Ok(reply)
}

/// Reads and deletes the sign-in in one statement (after the ones past
/// their time, in the same batch), so that only one callback ever uses it.
async fn take_sign_in(ctx: &Ctx, state: &str) -> Result<Option<SignIn>, ApiError> {
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "DELETE FROM sign_ins WHERE created_at < ?1",
                &[Arg::Int(ctx.now - SIGN_IN_SECONDS)],
            )?,
            query(
                &ctx.db,
                "DELETE FROM sign_ins WHERE state_hash = ?1 RETURNING voter_hash, nonce, \
                   code_verifier, opener_origin, lang, created_at, \
                   (SELECT city_id FROM widgets w WHERE w.id = sign_ins.widget_id) AS city_id",
                &[Arg::Text(&sha256_hex(state.as_bytes()))],
            )?,
        ])
        .await?;
    Ok(rows_of::<SignIn>(&results, 1)?.into_iter().next())
}

/// Exchanges the code, checks the token and makes the grant.
async fn finish(ctx: &Ctx, sign_in: &SignIn) -> Outcome {
    match grant(ctx, sign_in).await {
        Ok(grant) => Outcome::Verified(grant),
        Err(SignInError::Token(error)) => {
            worker::console_warn!("sign-in refused: ID token {}", error.as_str());
            Outcome::Refused(error.as_str())
        }
        Err(SignInError::CodeRefused(why)) => {
            worker::console_warn!("sign-in refused: code {why}");
            Outcome::Refused("code")
        }
        Err(SignInError::Api(error)) => {
            worker::console_warn!("sign-in unavailable: {error:?}");
            Outcome::Unavailable
        }
    }
}

async fn grant(ctx: &Ctx, sign_in: &SignIn) -> Result<Grant, SignInError> {
    let code = ctx
        .query("code")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| SignInError::CodeRefused("no code".to_owned()))?;
    let mut provider = provider::load(ctx, sign_in.city_id)
        .await?
        .ok_or(ApiError::NoIdentityProvider)?;
    let secret =
        provider::client_secret(ctx, sign_in.city_id).ok_or(ApiError::NoIdentityProvider)?;
    let claims = redeem(
        ctx,
        &mut provider,
        &Exchange {
            code: &code,
            code_verifier: sign_in.code_verifier.as_deref(),
            nonce: &sign_in.nonce,
            redirect_uri: &redirect_uri(ctx)?,
            client_secret: &secret,
        },
    )
    .await?;
    let subject_hash = keyed_hash(
        &ctx.env,
        "oidc-subject",
        &subject_message(sign_in.city_id, &provider.issuer, &claims.sub),
    )?;
    let mut grant = Grant {
        expires: ctx.now + GRANT_SECONDS,
        subject_hash,
        acr: claims.acr.unwrap_or_default(),
        mac: String::new(),
    };
    // For the voter who started the sign-in, in any verified poll of the
    // city until it ends.
    grant.mac = grant_mac(ctx, sign_in.city_id, &sign_in.voter_hash, &grant)?;
    Ok(grant)
}

/// The window's page: a heading, a sentence, and the outcome for the widget.
fn window_page(
    ctx: &Ctx,
    lang: Lang,
    title: &str,
    text: &str,
    message: Option<&serde_json::Value>,
) -> Reply {
    // JSON inside <script> must not close it: `<` is escaped.
    let outcome = message
        .map(|m| {
            format!(
                "<script type=\"application/json\" id=\"parvis-outcome\">{}</script>",
                m.to_string().replace('<', "\\u003c")
            )
        })
        .unwrap_or_default();
    let html = render(&Document {
        lang,
        title,
        head: outcome,
        body_class: "consultation",
        body: format!(
            "<main><h1>{}</h1><p>{}</p><p id=\"parvis-no-opener\" hidden>{}</p></main>",
            escape(title),
            escape(text),
            escape(sign_in_texts(lang).no_opener),
        ),
        scripts: if message.is_some() {
            &["/sign-in.js"]
        } else {
            &[]
        },
    });
    html_reply(ctx, html, "frame-ancestors 'none'", "no-store")
}
