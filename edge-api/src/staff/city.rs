//! `GET` and `PATCH /v1/staff/city`: the city's settings, for admins.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::session::require;
use parvis_model::city::{CityUpdate, CityView, Theme, validate_city_update};
use serde::Deserialize;

/// A city's settings.
pub async fn load_city(ctx: &Ctx, city_id: i64) -> Result<CityView, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        slug: String,
        name: String,
        default_lang: String,
        theme: String,
        retention_days: u32,
    }
    #[derive(Deserialize)]
    struct Origin {
        origin: String,
    }
    let row: Row = first(query(
        &ctx.db,
        "SELECT slug, name, default_lang, theme, retention_days FROM cities WHERE id = ?1",
        &[Arg::Int(city_id)],
    )?)
    .await?
    .ok_or(ApiError::NotFound("no such city"))?;
    let origins: Vec<Origin> = all(query(
        &ctx.db,
        "SELECT origin FROM city_origins WHERE city_id = ?1 ORDER BY origin",
        &[Arg::Int(city_id)],
    )?)
    .await?;
    Ok(CityView {
        slug: row.slug,
        name: row.name,
        allowed_origins: origins.into_iter().map(|o| o.origin).collect(),
        default_lang: row.default_lang,
        // A theme that no longer parses falls back to the defaults.
        theme: serde_json::from_str::<Theme>(&row.theme).unwrap_or_default(),
        retention_days: row.retention_days,
    })
}

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
        crate::public::fragment::purge_city(ctx, staff.city_id).await;
    }
    Reply::json(200, &load_city(ctx, staff.city_id).await?)
}
