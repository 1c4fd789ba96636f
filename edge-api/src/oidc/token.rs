//! The code exchange and the ID token's checks: what the callback runs once
//! it holds a sign-in's code.

use crate::context::Ctx;
use crate::error::ApiError;
use crate::oidc::provider::{self, Provider, Refresh};
use crate::oidc::signature::{self, Checked};
use parvis_model::oidc::{
    Claims, Expected, Header, TokenError, check_algorithm, check_claims, form_encode, split,
};

/// Why a sign-in ends without a grant.
#[derive(Debug)]
pub enum SignInError {
    /// The provider refused the code (used already, expired…), or answered
    /// without an ID token.
    CodeRefused(String),
    /// The ID token failed a check.
    Token(TokenError),
    /// The provider or its keys could not be reached, or the deployment
    /// lacks the city's secret.
    Api(ApiError),
}

impl From<ApiError> for SignInError {
    fn from(error: ApiError) -> SignInError {
        SignInError::Api(error)
    }
}

impl From<TokenError> for SignInError {
    fn from(error: TokenError) -> SignInError {
        SignInError::Token(error)
    }
}

/// What one sign-in must match.
pub struct Exchange<'a> {
    /// The code the provider returned.
    pub code: &'a str,
    /// The PKCE verifier, when PKCE was sent.
    pub code_verifier: Option<&'a str>,
    /// The nonce sent.
    pub nonce: &'a str,
    /// Parvis' callback, as sent.
    pub redirect_uri: &'a str,
    /// The city's client secret.
    pub client_secret: &'a str,
}

/// Exchanges the code (`client_secret_post`) and checks the ID token:
/// its form, algorithm, signature (fetching the keys again once for an
/// unknown key), then its claims. Its claims once all hold.
pub async fn redeem(
    ctx: &Ctx,
    provider: &mut Provider,
    exchange: &Exchange<'_>,
) -> Result<Claims, SignInError> {
    provider::refresh(ctx, provider, Refresh::IfStale).await?;
    let endpoint = provider
        .token_endpoint
        .clone()
        .ok_or_else(|| ApiError::IdentityProviderUnavailable("no token endpoint".to_owned()))?;
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", exchange.code),
        ("redirect_uri", exchange.redirect_uri),
        ("client_id", provider.client_id.as_str()),
        ("client_secret", exchange.client_secret),
    ];
    if let Some(verifier) = exchange.code_verifier {
        form.push(("code_verifier", verifier));
    }
    let (status, answer) = provider::fetch_json(&endpoint, Some(&form_encode(&form))).await?;
    let id_token = match (status, answer["id_token"].as_str()) {
        (200, Some(token)) => token.to_owned(),
        (500..=599, _) => {
            return Err(ApiError::IdentityProviderUnavailable(format!(
                "{endpoint} answered {status}"
            ))
            .into());
        }
        _ => {
            let error = answer["error"].as_str().unwrap_or("no id_token");
            return Err(SignInError::CodeRefused(format!("{status} {error}")));
        }
    };
    let jws = split(&id_token)?;
    let header: Header =
        serde_json::from_slice(&jws.header_json).map_err(|_| TokenError::Malformed)?;
    check_algorithm(&header)?;
    let jwks = provider.jwks.clone().unwrap_or_default();
    let mut checked = signature::check(&jws, &header, &jwks, exchange.client_secret).await?;
    if checked == Checked::NoKey {
        provider::refresh(ctx, provider, Refresh::UnknownKey).await?;
        let jwks = provider.jwks.clone().unwrap_or_default();
        checked = signature::check(&jws, &header, &jwks, exchange.client_secret).await?;
    }
    if checked == Checked::NoKey {
        return Err(TokenError::UnknownKey.into());
    }
    let claims: Claims =
        serde_json::from_slice(&jws.payload_json).map_err(|_| TokenError::Malformed)?;
    check_claims(
        &claims,
        &Expected {
            issuer: &provider.issuer,
            client_id: &provider.client_id,
            nonce: exchange.nonce,
            acr_values: &provider.acr_values,
            now: ctx.now,
        },
    )?;
    Ok(claims)
}
