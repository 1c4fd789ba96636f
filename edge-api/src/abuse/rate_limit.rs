//! Per-minute write limits, per voter and per client IP. Both are counted
//! under keyed hashes; the IP's key changes every day, so IP buckets cannot
//! be linked from one day to the next.

use crate::context::Ctx;
use crate::crypto::keyed_hash;
use crate::db::{Arg, query};
use crate::error::ApiError;
use serde::Deserialize;

/// Default writes per minute for one voter token.
const VOTER_PER_MINUTE: u32 = 30;
/// Default writes per minute from one client IP (a town hall's shared
/// connection can carry many residents).
const IP_PER_MINUTE: u32 = 300;

fn limit(ctx: &Ctx, name: &str, default: u32) -> u32 {
    ctx.env
        .var(name)
        .ok()
        .and_then(|value| value.to_string().parse().ok())
        .unwrap_or(default)
}

/// Counts this write and refuses it with 429 when a bucket is over its limit.
pub async fn check_write(ctx: &Ctx) -> Result<(), ApiError> {
    let minute = ctx.now / 60;
    let ip = ctx
        .header("CF-Connecting-IP")
        .unwrap_or_else(|| "unknown".to_owned());
    let day = ctx.now / 86_400;
    let ip_bucket = format!("i:{}", keyed_hash(&ctx.env, &format!("ip:{day}"), &ip)?);
    let voter_bucket = format!("v:{}", ctx.voter()?);
    let count = |bucket: &str| {
        query(
            &ctx.db,
            "INSERT INTO rate_counters (bucket, minute, hits) VALUES (?1, ?2, 1) \
             ON CONFLICT (bucket, minute) DO UPDATE SET hits = hits + 1 RETURNING hits",
            &[Arg::Text(bucket), Arg::Int(minute)],
        )
    };
    let prune = query(
        &ctx.db,
        "DELETE FROM rate_counters WHERE minute < ?1",
        &[Arg::Int(minute - 60)],
    )?;
    let results = ctx
        .db
        .batch(vec![count(&voter_bucket)?, count(&ip_bucket)?, prune])
        .await?;
    #[derive(Deserialize)]
    struct Hits {
        hits: u32,
    }
    let hits = |index: usize| -> Result<u32, ApiError> {
        let rows: Vec<Hits> = results
            .get(index)
            .map(|r| r.results())
            .transpose()?
            .unwrap_or_default();
        Ok(rows.first().map_or(0, |row| row.hits))
    };
    let over = hits(0)? > limit(ctx, "RATE_LIMIT_VOTER_PER_MINUTE", VOTER_PER_MINUTE)
        || hits(1)? > limit(ctx, "RATE_LIMIT_IP_PER_MINUTE", IP_PER_MINUTE);
    if over {
        let retry_after = 60 - (ctx.now % 60) as u32;
        return Err(ApiError::RateLimited(retry_after));
    }
    Ok(())
}
