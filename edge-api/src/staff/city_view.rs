//! A city's settings as staff read them, for the settings page, the
//! signed-in member's own view and the embed check: the one read of the
//! `cities` row and its origins (no handler here, so the session and the
//! settings handlers both use it without depending on each other).

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use parvis_model::city::{CityView, Theme};
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
