//! Bounds on guessing invitation codes: wrong codes are counted per network
//! and widget in hourly windows, and per widget in daily ones; past either
//! limit, a code is not even checked until the window closes (429). The
//! numbers, and why they suffice, are in `parvis_model::participation`.

use crate::abuse::rate_limit::count;
use crate::context::Ctx;
use crate::crypto::keyed_hash;
use crate::db::{Arg, all, query};
use crate::error::ApiError;
use parvis_model::participation::{FAILED_CODES_PER_HOUR, FAILED_CODES_PER_WIDGET_PER_DAY};
use serde::Deserialize;

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// The two windows: this network on this widget, and the widget as a whole.
fn buckets(ctx: &Ctx) -> Result<(String, String), ApiError> {
    let widget = &ctx.widget()?.id;
    let network = format!(
        "wc:{}",
        keyed_hash(
            &ctx.env,
            "wrong-codes",
            &format!("{widget}:{}", ctx.network())
        )?
    );
    Ok((network, format!("wcw:{widget}")))
}

fn limits(ctx: &Ctx) -> (u32, u32) {
    (
        ctx.number_var("WRONG_CODES_PER_HOUR")
            .unwrap_or(FAILED_CODES_PER_HOUR),
        ctx.number_var("WRONG_CODES_PER_WIDGET_PER_DAY")
            .unwrap_or(FAILED_CODES_PER_WIDGET_PER_DAY),
    )
}

/// Refuses with 429 while this network, or everyone together, has tried
/// too many wrong codes on this widget.
pub async fn refuse_while_guessing(ctx: &Ctx) -> Result<(), ApiError> {
    #[derive(Deserialize)]
    struct Window {
        bucket: String,
        hits: u32,
        closes_at: i64,
    }
    let (network, widget) = buckets(ctx)?;
    let (per_network, per_widget) = limits(ctx);
    let windows: Vec<Window> = all(query(
        &ctx.db,
        "SELECT bucket, hits, closes_at FROM rate_windows \
         WHERE bucket IN (?1, ?2) AND closes_at > ?3",
        &[Arg::Text(&network), Arg::Text(&widget), Arg::Int(ctx.now)],
    )?)
    .await?;
    for window in windows {
        let limit = if window.bucket == network {
            per_network
        } else {
            per_widget
        };
        if window.hits >= limit {
            let wait = (window.closes_at - ctx.now).clamp(1, DAY) as u32;
            return Err(ApiError::RateLimited(wait));
        }
    }
    Ok(())
}

/// Counts one wrong code in both windows.
pub async fn count_wrong_code(ctx: &Ctx) -> Result<(), ApiError> {
    let (network, widget) = buckets(ctx)?;
    ctx.db
        .batch(vec![
            count(ctx, &network, HOUR, None)?,
            count(ctx, &widget, DAY, None)?,
        ])
        .await?;
    Ok(())
}
