//! A city's identity provider: its settings, and what its discovery
//! document and JWKS said, kept in `identity_providers` and fetched again
//! after [`METADATA_SECONDS`] or, for a signing key the stored JWKS lacks (a
//! rotation), at once but at most once a minute.

use crate::context::Ctx;
use crate::db::{Arg, first, query, run};
use crate::error::ApiError;
use parvis_model::identity_provider::{check_issuer, secret_name};
use serde::Deserialize;
use worker::{Fetch, Headers, Method, Request, RequestInit};

/// How long fetched metadata and keys are used before being fetched again.
pub const METADATA_SECONDS: i64 = 3600;
/// The shortest wait between two fetches of the keys for an unknown one.
const UNKNOWN_KEY_REFETCH_SECONDS: i64 = 60;
/// The largest provider document read.
const MAX_DOCUMENT_BYTES: usize = 64 * 1024;

/// A city's provider, as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct Provider {
    /// Its city.
    pub city_id: i64,
    /// The issuer staff set.
    pub issuer: String,
    /// The city's client id.
    pub client_id: String,
    /// What residents read on the button.
    pub display_name: String,
    /// Whether PKCE is sent (0 or 1).
    pub pkce: u8,
    /// `acr_values` asked for.
    pub acr_values: String,
    /// From discovery.
    pub authorization_endpoint: Option<String>,
    /// From discovery.
    pub token_endpoint: Option<String>,
    /// From discovery.
    pub jwks_uri: Option<String>,
    /// The JWKS as fetched (JSON).
    pub jwks: Option<String>,
    /// When discovery and keys were last fetched.
    pub fetched_at: Option<i64>,
}

/// What a discovery document says that the relying party uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    /// Must equal the configured issuer.
    pub issuer: String,
    /// Where the sign-in window goes.
    pub authorization_endpoint: String,
    /// Where the code is exchanged.
    pub token_endpoint: String,
    /// The provider's public keys.
    pub jwks_uri: String,
}

/// The city's provider, if it has one.
pub async fn load(ctx: &Ctx, city_id: i64) -> Result<Option<Provider>, ApiError> {
    first(query(
        &ctx.db,
        "SELECT city_id, issuer, client_id, display_name, pkce, acr_values, \
           authorization_endpoint, token_endpoint, jwks_uri, jwks, fetched_at \
         FROM identity_providers WHERE city_id = ?1",
        &[Arg::Int(city_id)],
    )?)
    .await
}

/// The city's client secret (a Worker secret), if set.
pub fn client_secret(ctx: &Ctx, city_id: i64) -> Option<String> {
    ctx.env
        .secret(&secret_name(city_id))
        .ok()
        .map(|secret| secret.to_string())
        .filter(|secret| !secret.is_empty())
}

fn unavailable(what: &str) -> impl Fn(worker::Error) -> ApiError + '_ {
    move |error| ApiError::IdentityProviderUnavailable(format!("{what}: {error}"))
}

/// GETs or POSTs a provider's JSON document: the status and the JSON (or
/// `Null` when the body is not JSON).
pub async fn fetch_json(
    url: &str,
    form: Option<&str>,
) -> Result<(u16, serde_json::Value), ApiError> {
    let headers = Headers::new();
    headers
        .set("Accept", "application/json")
        .map_err(unavailable(url))?;
    let mut init = RequestInit::new();
    if let Some(form) = form {
        headers
            .set("Content-Type", "application/x-www-form-urlencoded")
            .map_err(unavailable(url))?;
        init.with_method(Method::Post)
            .with_body(Some(wasm_bindgen::JsValue::from_str(form)));
    }
    init.with_headers(headers);
    let request = Request::new_with_init(url, &init).map_err(unavailable(url))?;
    let mut response = Fetch::Request(request)
        .send()
        .await
        .map_err(unavailable(url))?;
    let bytes = response.bytes().await.map_err(unavailable(url))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ApiError::IdentityProviderUnavailable(format!(
            "{url}: a document over {MAX_DOCUMENT_BYTES} bytes"
        )));
    }
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    Ok((response.status_code(), json))
}

/// Fetches and checks `{issuer}/.well-known/openid-configuration`: it must
/// name the same issuer (OpenID Connect Discovery §4.3).
pub async fn discover(issuer: &str) -> Result<Discovery, ApiError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    );
    let (status, json) = fetch_json(&url, None).await?;
    let discovery: Discovery = match status {
        200 => serde_json::from_value(json)
            .map_err(|error| ApiError::IdentityProviderUnavailable(format!("{url}: {error}")))?,
        other => {
            return Err(ApiError::IdentityProviderUnavailable(format!(
                "{url} answered {other}"
            )));
        }
    };
    if discovery.issuer != issuer {
        return Err(ApiError::IdentityProviderUnavailable(format!(
            "{url} names its issuer {}, not {issuer}",
            discovery.issuer
        )));
    }
    // The secret and the code go to these, and the sign-in window opens
    // the first: https only (plain http on loopback), as for the issuer.
    for endpoint in [
        &discovery.authorization_endpoint,
        &discovery.token_endpoint,
        &discovery.jwks_uri,
    ] {
        if check_issuer("endpoint", endpoint).is_err() {
            return Err(ApiError::IdentityProviderUnavailable(format!(
                "{url} names an endpoint that is not https: {endpoint}"
            )));
        }
    }
    Ok(discovery)
}

/// Fetches a JWKS; its JSON text.
async fn fetch_keys(jwks_uri: &str) -> Result<String, ApiError> {
    match fetch_json(jwks_uri, None).await? {
        (200, json) if json.get("keys").is_some_and(serde_json::Value::is_array) => {
            Ok(json.to_string())
        }
        (status, _) => Err(ApiError::IdentityProviderUnavailable(format!(
            "{jwks_uri} answered {status} without a key set"
        ))),
    }
}

/// Why the provider's metadata is fetched again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    /// Only when older than [`METADATA_SECONDS`].
    IfStale,
    /// A token names a key the stored JWKS lacks.
    UnknownKey,
}

/// Fetches discovery and keys again when `why` calls for it, and stores them.
pub async fn refresh(ctx: &Ctx, provider: &mut Provider, why: Refresh) -> Result<(), ApiError> {
    let age = provider.fetched_at.map(|at| ctx.now - at);
    let due = match why {
        Refresh::IfStale => age.is_none_or(|age| age >= METADATA_SECONDS),
        Refresh::UnknownKey => age.is_none_or(|age| age >= UNKNOWN_KEY_REFETCH_SECONDS),
    };
    if !due && provider.jwks.is_some() {
        return Ok(());
    }
    let discovery = discover(&provider.issuer).await?;
    let jwks = fetch_keys(&discovery.jwks_uri).await?;
    run(query(
        &ctx.db,
        "UPDATE identity_providers SET authorization_endpoint = ?2, token_endpoint = ?3, \
           jwks_uri = ?4, jwks = ?5, fetched_at = ?6 WHERE city_id = ?1 AND issuer = ?7",
        &[
            Arg::Int(provider.city_id),
            Arg::Text(&discovery.authorization_endpoint),
            Arg::Text(&discovery.token_endpoint),
            Arg::Text(&discovery.jwks_uri),
            Arg::Text(&jwks),
            Arg::Int(ctx.now),
            Arg::Text(&provider.issuer),
        ],
    )?)
    .await?;
    provider.authorization_endpoint = Some(discovery.authorization_endpoint);
    provider.token_endpoint = Some(discovery.token_endpoint);
    provider.jwks_uri = Some(discovery.jwks_uri);
    provider.jwks = Some(jwks);
    provider.fetched_at = Some(ctx.now);
    Ok(())
}
