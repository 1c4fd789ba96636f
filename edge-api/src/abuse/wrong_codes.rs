//! Bounds on guessing invitation codes: each try is counted per network and
//! code set (a code votes in every poll of its set, so the budget is the
//! set's) in hourly windows, BEFORE the code is checked, in the statement
//! that reads the count: simultaneous tries cannot all slip under the
//! limit. A genuine code gives its place back. There is no lock for
//! everyone together: the MAC's length bounds guessing, and such a lock
//! would let an attacker with many networks shut genuine residents out.
//! The numbers are in `parvis_model::participation`.

use crate::abuse::rate_limit::{count, uncount};
use crate::context::Ctx;
use crate::crypto::keyed_hash;
use crate::error::ApiError;
use parvis_model::participation::FAILED_CODES_PER_HOUR;
use serde::Deserialize;

const HOUR: i64 = 3_600;

/// This network's window on this code set.
fn bucket(ctx: &Ctx, set_id: i64) -> Result<String, ApiError> {
    let network = keyed_hash(
        &ctx.env,
        "code-tries",
        &format!("{set_id}:{}", ctx.network()),
    )?;
    Ok(format!("ct:{network}"))
}

/// A try counted in its window, to give back if the code is genuine.
pub struct Try {
    bucket: String,
}

/// Counts one try of a code of `set_id` from this network, and refuses it
/// (429, not counted) past the hourly limit.
pub async fn count_try(ctx: &Ctx, set_id: i64) -> Result<Try, ApiError> {
    #[derive(Deserialize, Default)]
    struct Counted {
        closes_at: i64,
        refused: u8,
    }
    let bucket = bucket(ctx, set_id)?;
    let limit = ctx
        .number_var("WRONG_CODES_PER_HOUR")
        .unwrap_or(FAILED_CODES_PER_HOUR);
    let counted: Option<Counted> =
        crate::db::first(count(ctx, &bucket, HOUR, Some(limit))?).await?;
    let counted = counted.unwrap_or_default();
    if counted.refused == 1 {
        let wait = (counted.closes_at - ctx.now).clamp(1, HOUR) as u32;
        return Err(ApiError::TooManyWrongCodes(wait));
    }
    Ok(Try { bucket })
}

impl Try {
    /// The code was genuine: its try does not count against the network.
    pub async fn give_back(self, ctx: &Ctx) -> Result<(), ApiError> {
        uncount(ctx, &self.bucket).await
    }
}
