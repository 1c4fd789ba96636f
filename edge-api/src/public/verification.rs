//! Verified participation on the widget's side of the API:
//! `POST /v1/widgets/{id}/verification` starts a sign-in with the city's
//! provider, and [`admit`] checks the grant a ballot carries. The sign-in's
//! end is `pages/sign_in_callback.rs`; the flow is told in `oidc/mod.rs`.

use crate::context::Ctx;
use crate::crypto::{constant_time_eq, keyed_hash, random_hex, sha256_hex};
use crate::db::{Arg, query, run};
use crate::error::ApiError;
use crate::oidc::provider::{self, Refresh};
use crate::reply::Reply;
use parvis_model::base64url;
use parvis_model::oidc::AuthorizationRequest;
use parvis_model::participation::ParticipationLevel;
use parvis_model::verification::{Grant, VerificationStart};
use parvis_model::{Lang, WidgetKind};
use sha2::{Digest, Sha256};

/// The keyed hashes' purpose for grants.
pub const GRANT_PURPOSE: &str = "verification-grant";
/// The callback's path on Parvis' origin.
pub const CALLBACK_PATH: &str = "/oidc/callback";

/// Parvis' callback address for this deployment.
pub fn redirect_uri(ctx: &Ctx) -> Result<String, ApiError> {
    let origin = ctx
        .own_origin()
        .ok_or_else(|| ApiError::Internal("the request has no URL".to_owned()))?;
    Ok(format!("{origin}{CALLBACK_PATH}"))
}

/// `POST /v1/widgets/{id}/verification[?lang=]`: 201 with the provider's
/// address for this sign-in. The `state` (kept only as a hash), `nonce`
/// and PKCE verifier are stored with the voter and the page's origin, to
/// which the callback will post the outcome.
pub async fn start(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Poll)?;
    widget.require_open(ctx.now)?;
    if widget.participation != ParticipationLevel::Verified {
        return Err(ApiError::Conflict(
            "this poll does not ask for a verified identity",
        ));
    }
    // The router admitted the origin; a sandboxed frame's (`null`) cannot
    // receive the outcome, and may not open windows anyway.
    let opener = ctx
        .header("Origin")
        .filter(|origin| origin != "null")
        .ok_or(ApiError::Conflict(
            "open the consultation's page to verify your identity: a sandboxed frame \
             cannot open the sign-in window",
        ))?;
    let city_id = widget.city_id;
    let widget_id = widget.id.clone();
    let lang = ctx
        .query("lang")
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or(widget.lang);
    let mut provider = provider::load(ctx, city_id)
        .await?
        .ok_or(ApiError::NoIdentityProvider)?;
    if provider::client_secret(ctx, city_id).is_none() {
        return Err(ApiError::NoIdentityProvider);
    }
    provider::refresh(ctx, &mut provider, Refresh::IfStale).await?;
    let endpoint = provider.authorization_endpoint.clone().ok_or_else(|| {
        ApiError::IdentityProviderUnavailable("no authorization endpoint".to_owned())
    })?;

    let (state, nonce) = (random_hex(32)?, random_hex(32)?);
    let verifier = (provider.pkce == 1).then(|| random_hex(32)).transpose()?;
    let challenge = verifier
        .as_deref()
        .map(|verifier| base64url::encode(&Sha256::digest(verifier.as_bytes())));
    run(query(
        &ctx.db,
        "INSERT INTO sign_ins (state_hash, widget_id, voter_hash, nonce, code_verifier, \
           opener_origin, lang, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            Arg::Text(&sha256_hex(state.as_bytes())),
            Arg::Text(&widget_id),
            Arg::Text(ctx.voter()?),
            Arg::Text(&nonce),
            verifier.as_deref().map_or(Arg::Null, Arg::Text),
            Arg::Text(&opener),
            Arg::Text(lang.tag()),
            Arg::Int(ctx.now),
        ],
    )?)
    .await?;
    let authorize_url = AuthorizationRequest {
        endpoint: &endpoint,
        client_id: &provider.client_id,
        redirect_uri: &redirect_uri(ctx)?,
        state: &state,
        nonce: &nonce,
        code_challenge: challenge.as_deref(),
        acr_values: &provider.acr_values,
        ui_locales: lang.tag(),
    }
    .url();
    Reply::json(201, &VerificationStart { authorize_url })
}

/// The grant's MAC for `grant` given to `voter_hash` in `city_id`, under
/// the current key.
pub fn grant_mac(
    ctx: &Ctx,
    city_id: i64,
    voter_hash: &str,
    grant: &Grant,
) -> Result<String, ApiError> {
    keyed_hash(&ctx.env, GRANT_PURPOSE, &grant.message(city_id, voter_hash))
}

/// A verified person admitted for this ballot.
pub struct Verified {
    /// Their subject's keyed hash for the city.
    pub subject_hash: String,
    /// The assurance level the provider stated.
    pub acr: String,
}

/// Admits the grant a ballot in a verified poll carries: made by this
/// deployment for this city and voter, and not ended. Whether this person
/// already voted in the poll is for the ballot's own transaction.
pub fn admit(ctx: &Ctx, text: Option<&str>) -> Result<Verified, ApiError> {
    let text = text
        .filter(|t| !t.is_empty())
        .ok_or(ApiError::VerificationRequired)?;
    let grant = Grant::parse(text).ok_or(ApiError::VerificationInvalid)?;
    let (city_id, voter) = (ctx.widget()?.city_id, ctx.voter()?);
    let message = grant.message(city_id, voter);
    // Under the current key only: the voter hash it binds is made under
    // the current key too, and a grant lasts 30 minutes.
    let genuine = constant_time_eq(&keyed_hash(&ctx.env, GRANT_PURPOSE, &message)?, &grant.mac);
    if !genuine || grant.expires <= ctx.now {
        return Err(ApiError::VerificationInvalid);
    }
    Ok(Verified {
        subject_hash: grant.subject_hash,
        acr: grant.acr,
    })
}
