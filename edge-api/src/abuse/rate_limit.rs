//! Write limits: per client network and (ballots aside) per voter token
//! each minute, and per widget and network each day for the participation
//! that counts (ballots, ideas, supports, reports). Every bucket is a keyed
//! hash; the per-minute network key changes every day, and the daily one is
//! scoped to the widget, so buckets cannot be linked across days or widgets.
//!
//! A bucket's window opens at its first write and lasts its length; the
//! first write after it opens the next one. Unlike calendar minutes, a
//! burst cannot straddle a boundary and pass twice the limit. All counters
//! of a write go to D1 in one batch: one round trip.

use crate::context::Ctx;
use crate::crypto::keyed_hash;
use crate::db::{Arg, query, run};
use crate::error::ApiError;
use parvis_model::limits::{CAP_WINDOW_SECONDS, Participation};
use serde::Deserialize;
use worker::D1PreparedStatement;

/// Default writes per window for one voter token.
const VOTER_PER_WINDOW: u32 = 30;
/// Default writes per window from one client IP (a town hall's shared
/// connection can carry many residents).
const IP_PER_WINDOW: u32 = 300;
/// How long a window lasts.
const WINDOW_SECONDS: i64 = 60;
/// Closed windows are kept this long before they are pruned.
const KEEP_CLOSED_SECONDS: i64 = 3_600;

fn limit(ctx: &Ctx, name: &str, default: u32) -> u32 {
    ctx.number_var(name).unwrap_or(default)
}

/// Counts one write in `bucket`'s window, opening a new window when the
/// last one has closed. With a `cap`, a write over it is refused and not
/// counted (flagged in `refused`); without, every write counts and the
/// caller compares `hits` with its limit. The statement returns the
/// window's state after this write.
pub(crate) fn count(
    ctx: &Ctx,
    bucket: &str,
    seconds: i64,
    cap: Option<u32>,
) -> Result<D1PreparedStatement, ApiError> {
    let cap = cap.map_or(i64::from(u32::MAX), i64::from);
    // SQLite evaluates every SET expression against the row as it was.
    query(
        &ctx.db,
        "INSERT INTO rate_windows (bucket, opened_at, closes_at, hits, refused) \
         VALUES (?1, ?2, ?2 + ?3, 1, 0) \
         ON CONFLICT (bucket) DO UPDATE SET \
           refused = CASE WHEN closes_at <= excluded.opened_at THEN 0 \
                          WHEN hits >= ?4 THEN 1 ELSE 0 END, \
           hits = CASE WHEN closes_at <= excluded.opened_at THEN 1 \
                       WHEN hits >= ?4 THEN hits ELSE hits + 1 END, \
           opened_at = CASE WHEN closes_at <= excluded.opened_at THEN excluded.opened_at ELSE opened_at END, \
           closes_at = CASE WHEN closes_at <= excluded.opened_at THEN excluded.closes_at ELSE closes_at END \
         RETURNING hits, closes_at, refused",
        &[
            Arg::Text(bucket),
            Arg::Int(ctx.now),
            Arg::Int(seconds),
            Arg::Int(cap),
        ],
    )
}

/// A window's state after this write was counted.
#[derive(Deserialize, Default)]
struct Counted {
    hits: u32,
    closes_at: i64,
    refused: u8,
}

/// This write's place in its network's daily cap for the widget.
pub struct CapSlot {
    bucket: String,
    /// When the cap refused it: the seconds until its window closes.
    refused: Option<u32>,
}

impl CapSlot {
    /// The 429 to answer when the cap refused this write.
    pub fn refusal(&self) -> Option<ApiError> {
        self.refused.map(ApiError::ParticipationCapReached)
    }

    /// Gives the place back: the write did not add participation (refused
    /// later, failed, a replay, or a retry of a write counted when it first
    /// ran), so the cap counts accepted writes only.
    pub async fn give_back(&self, ctx: &Ctx) -> Result<(), ApiError> {
        if self.refused.is_some() {
            return Ok(());
        }
        uncount(ctx, &self.bucket).await
    }
}

/// Takes one write back out of `bucket`'s window.
pub(crate) async fn uncount(ctx: &Ctx, bucket: &str) -> Result<(), ApiError> {
    run(query(
        &ctx.db,
        "UPDATE rate_windows SET hits = hits - 1 WHERE bucket = ?1 AND hits > 0",
        &[Arg::Text(bucket)],
    )?)
    .await?;
    Ok(())
}

/// Counts this write in its per-minute windows, and refuses it with 429
/// when one is over its limit; counts it in its network's daily cap when
/// `counted` is a kind of participation, and returns its place there (the
/// caller decides, once it knows whether the write is a retry).
pub async fn check_write(
    ctx: &Ctx,
    counted: Option<Participation>,
) -> Result<Option<CapSlot>, ApiError> {
    let day = ctx.now / 86_400;
    let ip_bucket = format!(
        "i:{}",
        keyed_hash(&ctx.env, &format!("ip:{day}"), &ctx.network())?
    );
    // Per-minute windows: the network's, and the voter token's except for a
    // ballot (one per voter per poll already, by the database: the window
    // would only cost every ballot a write).
    let mut minute_windows = vec![(
        ip_bucket,
        limit(ctx, "RATE_LIMIT_IP_PER_MINUTE", IP_PER_WINDOW),
    )];
    if counted != Some(Participation::Ballot) {
        minute_windows.push((
            format!("v:{}", ctx.voter()?),
            limit(ctx, "RATE_LIMIT_VOTER_PER_MINUTE", VOTER_PER_WINDOW),
        ));
    }
    let mut statements = minute_windows
        .iter()
        .map(|(bucket, _)| count(ctx, bucket, WINDOW_SECONDS, None))
        .collect::<Result<Vec<_>, _>>()?;
    let widget = ctx.widget()?;
    let cap_bucket = match counted {
        Some(kind) => {
            let bucket = format!("c:{}:{}:{}", widget.id, kind.name(), ctx.network_hash()?);
            let cap = kind.daily_cap(widget.network_daily_cap());
            statements.push(count(ctx, &bucket, CAP_WINDOW_SECONDS, Some(cap))?);
            Some(bucket)
        }
        None => None,
    };
    // Closed windows are pruned in one second out of eight: enough to keep
    // the table small, without a delete in every write's batch.
    if ctx.now % 8 == 0 {
        statements.push(query(
            &ctx.db,
            "DELETE FROM rate_windows WHERE closes_at < ?1",
            &[Arg::Int(ctx.now - KEEP_CLOSED_SECONDS)],
        )?);
    }
    let results = ctx.db.batch(statements).await?;
    let counted_window = |index: usize| -> Result<Counted, ApiError> {
        let rows: Vec<Counted> = results
            .get(index)
            .map(|r| r.results())
            .transpose()?
            .unwrap_or_default();
        Ok(rows.into_iter().next().unwrap_or_default())
    };
    let mut retry_after: Option<i64> = None;
    for (index, (_, limit)) in minute_windows.iter().enumerate() {
        let window = counted_window(index)?;
        if window.hits > *limit {
            let wait = window.closes_at - ctx.now;
            retry_after = Some(retry_after.map_or(wait, |longest| longest.max(wait)));
        }
    }
    let slot = match cap_bucket {
        Some(bucket) => {
            let window = counted_window(minute_windows.len())?;
            let wait = (window.closes_at - ctx.now).clamp(1, CAP_WINDOW_SECONDS) as u32;
            Some(CapSlot {
                bucket,
                refused: (window.refused == 1).then_some(wait),
            })
        }
        None => None,
    };
    if let Some(wait) = retry_after {
        if let Some(slot) = &slot {
            slot.give_back(ctx).await?;
        }
        return Err(ApiError::RateLimited(wait.clamp(1, WINDOW_SECONDS) as u32));
    }
    Ok(slot)
}
