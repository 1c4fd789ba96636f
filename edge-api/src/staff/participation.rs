//! Checks of a poll's participation level that need the database: its code
//! set must be the city's, a verified level needs the city's identity
//! provider, and neither changes once ballots were cast (a result must count
//! every ballot under the same rule).

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::staff::member::Staff;
use parvis_model::participation::ParticipationLevel;
use parvis_model::results::{LevelCount, OptionResult};
use parvis_model::staff::StaffWidget;
use parvis_model::widget_config::ValidWidgetConfig;
use parvis_model::{FieldError, FieldErrorCode};
use serde::Deserialize;

/// Refuses a participation level this city cannot offer, or a change of
/// level or code set after the first ballot.
pub async fn check(
    ctx: &Ctx,
    staff: &Staff,
    valid: &ValidWidgetConfig,
    current: Option<&StaffWidget>,
) -> Result<(), ApiError> {
    if let Some(set) = valid.code_set_id
        && !is_city_code_set(ctx, staff.city_id, set).await?
    {
        return Err(FieldError::new("code_set_id", FieldErrorCode::OutOfRange).into());
    }
    if valid.participation == ParticipationLevel::Verified
        && crate::oidc::provider::load(ctx, staff.city_id)
            .await?
            .is_none()
    {
        // Set the city's identity provider first (Settings › Identity).
        return Err(FieldError::new("participation", FieldErrorCode::OutOfRange).into());
    }
    if let Some(current) = current {
        let changed = current.participation != valid.participation
            || current.code_set_id != valid.code_set_id;
        if changed && ballots(ctx, staff.city_id, &current.id).await? > 0 {
            return Err(FieldError::new("participation", FieldErrorCode::Locked).into());
        }
    }
    Ok(())
}

async fn is_city_code_set(ctx: &Ctx, city_id: i64, set: i64) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        found: u8,
    }
    let row: Option<Row> = first(query(
        &ctx.db,
        "SELECT EXISTS (SELECT 1 FROM code_sets WHERE id = ?1 AND city_id = ?2) AS found",
        &[Arg::Int(set), Arg::Int(city_id)],
    )?)
    .await?;
    Ok(row.is_some_and(|row| row.found == 1))
}

async fn ballots(ctx: &Ctx, city_id: i64, widget: &str) -> Result<u64, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        ballots: u64,
    }
    let row: Option<Row> = first(query(
        &ctx.db,
        "SELECT ballots FROM widgets WHERE id = ?1 AND city_id = ?2",
        &[Arg::Text(widget), Arg::Int(city_id)],
    )?)
    .await?;
    Ok(row.map_or(0, |row| row.ballots))
}

/// A poll's ballots by participation level, in all and per option, for the
/// results page and the exports (counted from the ballots: staff reads only).
pub async fn by_level(
    ctx: &Ctx,
    widget: &str,
    mut options: Vec<OptionResult>,
) -> Result<(Vec<OptionResult>, Vec<LevelCount>), ApiError> {
    #[derive(Deserialize)]
    struct Row {
        option_id: Option<String>,
        level: ParticipationLevel,
        ballots: u64,
    }
    let rows: Vec<Row> = all(query(
        &ctx.db,
        "SELECT NULL AS option_id, level, COUNT(*) AS ballots FROM ballots \
         WHERE widget_id = ?1 GROUP BY level \
         UNION ALL \
         SELECT c.option_id, b.level, COUNT(*) FROM ballot_choices c \
         JOIN ballots b ON b.id = c.ballot_id WHERE c.widget_id = ?1 \
         GROUP BY c.option_id, b.level",
        &[Arg::Text(widget)],
    )?)
    .await?;
    let mut totals = Vec::new();
    for row in rows {
        let count = LevelCount {
            level: row.level,
            ballots: row.ballots,
        };
        match row.option_id {
            None => totals.push(count),
            Some(id) => {
                if let Some(option) = options.iter_mut().find(|o| o.id == id) {
                    option.by_level.push(count);
                }
            }
        }
    }
    Ok((options, totals))
}
