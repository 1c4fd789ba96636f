//! `GET` and `PATCH /v1/staff/city`: the city's settings, for admins.

use crate::context::Ctx;
use crate::db::{Arg, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::city_view::load_city;
use crate::staff::session::require;
use parvis_model::city::{CityUpdate, validate_city_update};

/// `GET /v1/staff/city` (admins).
pub async fn read(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    Reply::json(200, &load_city(ctx, staff.city_id).await?)
}

/// `PATCH /v1/staff/city` (admins): absent fields stay; the origin list is
/// replaced whole. Answers the new settings.
pub async fn update(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let update: CityUpdate = ctx.json()?;
    let valid = validate_city_update(&update)?;
    let city = Arg::Int(staff.city_id);
    let mut statements = Vec::new();
    if let Some(name) = &valid.name {
        statements.push(query(
            &ctx.db,
            "UPDATE cities SET name = ?2 WHERE id = ?1",
            &[city, Arg::Text(name)],
        )?);
    }
    if let Some(lang) = valid.default_lang {
        statements.push(query(
            &ctx.db,
            "UPDATE cities SET default_lang = ?2 WHERE id = ?1",
            &[Arg::Int(staff.city_id), Arg::Text(lang.tag())],
        )?);
    }
    if let Some(theme) = &valid.theme {
        let json = serde_json::to_string(theme).map_err(|e| ApiError::Internal(e.to_string()))?;
        statements.push(query(
            &ctx.db,
            "UPDATE cities SET theme = ?2 WHERE id = ?1",
            &[Arg::Int(staff.city_id), Arg::Text(&json)],
        )?);
    }
    if let Some(days) = valid.retention_days {
        statements.push(query(
            &ctx.db,
            "UPDATE cities SET retention_days = ?2 WHERE id = ?1",
            &[Arg::Int(staff.city_id), Arg::Int(i64::from(days))],
        )?);
    }
    if let Some(origins) = &valid.allowed_origins {
        statements.push(query(
            &ctx.db,
            "DELETE FROM city_origins WHERE city_id = ?1",
            &[Arg::Int(staff.city_id)],
        )?);
        for origin in origins {
            statements.push(query(
                &ctx.db,
                "INSERT INTO city_origins (city_id, origin) VALUES (?1, ?2)",
                &[Arg::Int(staff.city_id), Arg::Text(origin)],
            )?);
        }
    }
    if !statements.is_empty() {
        ctx.db.batch(statements).await?;
        // New colours and embed origins reach residents at once.
        crate::public::fragment_cache::purge_city(ctx, staff.city_id).await;
    }
    Reply::json(200, &load_city(ctx, staff.city_id).await?)
}
