//! The city's identity provider for verified polls: read by any staff
//! member, set or removed by admins, audited. Setting it fetches the
//! provider's discovery document and keys at once, so a mistyped issuer is
//! said to the admin, not to the first resident who tries to sign in.

use crate::context::Ctx;
use crate::db::{Arg, first, query};
use crate::error::ApiError;
use crate::oidc::provider::{self, discover};
use crate::public::verification::redirect_uri;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::session::require;
use parvis_model::audit::AuditAction;
use parvis_model::identity_provider::{
    IdentityProviderSettings, IdentityProviderView, secret_name, validate_settings,
};
use parvis_model::{FieldError, FieldErrorCode};
use serde::Deserialize;

async fn view(ctx: &Ctx, city_id: i64) -> Result<IdentityProviderView, ApiError> {
    let settings = provider::load(ctx, city_id)
        .await?
        .map(|p| IdentityProviderSettings {
            issuer: p.issuer,
            client_id: p.client_id,
            display_name: p.display_name,
            pkce: p.pkce == 1,
            acr_values: p.acr_values,
        });
    Ok(IdentityProviderView {
        settings,
        redirect_uri: redirect_uri(ctx)?,
        secret_name: secret_name(city_id),
        secret_set: provider::client_secret(ctx, city_id).is_some(),
    })
}

/// `GET /v1/staff/identity-provider`.
pub async fn read(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    Reply::json(200, &view(ctx, staff.city_id).await?)
}

/// `PUT /v1/staff/identity-provider` (admins): 200 with the view, once the
/// provider's discovery document names the same issuer.
pub async fn update(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let typed: IdentityProviderSettings = ctx.json()?;
    let settings = validate_settings(&typed).map_err(ApiError::Validation)?;
    // A person's hash is made from the issuer (and the provider's subject
    // for this client): changing either mid-consultation would let every
    // verified resident vote again.
    if let Some(current) = provider::load(ctx, staff.city_id).await?
        && (current.issuer != settings.issuer || current.client_id != settings.client_id)
        && verified_polls(ctx, staff.city_id).await? > 0
    {
        return Err(ApiError::Conflict(
            "polls ask for a verified identity: the issuer and client id cannot change \
             until they no longer do",
        ));
    }
    let discovery = discover(&settings.issuer).await.map_err(|error| {
        worker::console_warn!("identity provider discovery failed: {error:?}");
        ApiError::from(FieldError::new("issuer", FieldErrorCode::Unreachable))
    })?;
    let detail = format!(
        "{} ({}), client {}, PKCE {}, acr {}",
        settings.display_name,
        settings.issuer,
        settings.client_id,
        if settings.pkce { "on" } else { "off" },
        if settings.acr_values.is_empty() {
            "any"
        } else {
            &settings.acr_values
        },
    );
    ctx.db
        .batch(vec![
            // Endpoints are stored now; the keys are fetched at the first
            // sign-in (`fetched_at` left empty).
            query(
                &ctx.db,
                "INSERT INTO identity_providers (city_id, issuer, client_id, display_name, pkce, \
                   acr_values, authorization_endpoint, token_endpoint, jwks_uri, jwks, \
                   fetched_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, NULL, ?10) \
                 ON CONFLICT (city_id) DO UPDATE SET issuer = ?2, client_id = ?3, \
                   display_name = ?4, pkce = ?5, acr_values = ?6, authorization_endpoint = ?7, \
                   token_endpoint = ?8, jwks_uri = ?9, jwks = NULL, fetched_at = NULL, \
                   updated_at = ?10",
                &[
                    Arg::Int(staff.city_id),
                    Arg::Text(&settings.issuer),
                    Arg::Text(&settings.client_id),
                    Arg::Text(&settings.display_name),
                    Arg::Int(i64::from(settings.pkce)),
                    Arg::Text(&settings.acr_values),
                    Arg::Text(&discovery.authorization_endpoint),
                    Arg::Text(&discovery.token_endpoint),
                    Arg::Text(&discovery.jwks_uri),
                    Arg::Int(ctx.now),
                ],
            )?,
            audit::record_for_city(ctx, &staff, AuditAction::IdentityProviderChanged, &detail)?,
        ])
        .await?;
    Reply::json(200, &view(ctx, staff.city_id).await?)
}

/// How many of the city's polls ask for a verified identity.
async fn verified_polls(ctx: &Ctx, city_id: i64) -> Result<u64, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        polls: u64,
    }
    let row: Option<Row> = first(query(
        &ctx.db,
        "SELECT COUNT(*) AS polls FROM widgets WHERE city_id = ?1 AND participation = 'verified'",
        &[Arg::Int(city_id)],
    )?)
    .await?;
    Ok(row.map_or(0, |row| row.polls))
}

/// `DELETE /v1/staff/identity-provider` (admins): 204; refused while a
/// poll asks for a verified identity.
pub async fn remove(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    if verified_polls(ctx, staff.city_id).await? > 0 {
        return Err(ApiError::Conflict(
            "polls ask for a verified identity: change their participation first",
        ));
    }
    ctx.db
        .batch(vec![
            query(
                &ctx.db,
                "DELETE FROM identity_providers WHERE city_id = ?1",
                &[Arg::Int(staff.city_id)],
            )?,
            audit::record_for_city(ctx, &staff, AuditAction::IdentityProviderChanged, "removed")?,
        ])
        .await?;
    Ok(Reply::no_content())
}
