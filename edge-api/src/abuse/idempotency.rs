//! `Idempotency-Key` on residents' writes: a retry with the same key and the
//! same body gets the first answer again and changes nothing; the same key
//! with another body is refused.
//!
//! The first request claims the key with an INSERT that the primary key
//! makes atomic, so two concurrent retries cannot both run the write.

use crate::context::Ctx;
use crate::crypto::sha256_hex;
use crate::db::{Arg, first, query, run};
use crate::error::ApiError;
use crate::reply::Reply;
use serde::Deserialize;

/// How long answers are kept for retries.
const KEEP_SECONDS: i64 = 24 * 3600;
/// A claim still in progress after this long was abandoned (the Worker
/// stopped mid-request): a retry takes it over. Creations store the key on
/// their row, so taking over never inserts twice.
const STALE_SECONDS: i64 = parvis_model::limits::STALE_CLAIM_SECONDS;

/// The outcome of claiming a key.
pub enum Claim {
    /// First use: run the write, then [`finish`] with this claim.
    Fresh(String),
    /// A claim abandoned mid-request (the Worker stopped) and taken over:
    /// the first attempt may have written already. Run the write, then
    /// [`finish`].
    Resumed(String),
    /// Seen before with the same request: send this answer again.
    Replay(Reply),
}

fn check_key(key: &str) -> Result<(), ApiError> {
    let valid = (1..=255).contains(&key.len()) && key.bytes().all(|b| (0x21..0x7f).contains(&b));
    if valid {
        Ok(())
    } else {
        Err(ApiError::InvalidHeader(
            "Idempotency-Key must be 1 to 255 visible ASCII characters".to_owned(),
        ))
    }
}

/// Claims `key` for this voter, method and path, or finds its stored answer.
pub async fn claim(ctx: &Ctx, key: &str) -> Result<Claim, ApiError> {
    check_key(key)?;
    let scope = format!(
        "{}\u{0}{} {}\u{0}{key}",
        ctx.voter()?,
        ctx.req.method().as_ref(),
        ctx.req.path()
    );
    let key_hash = sha256_hex(scope.as_bytes());
    let request_hash = sha256_hex(&ctx.body);
    let insert = query(
        &ctx.db,
        "INSERT INTO idempotency_keys (key_hash, request_hash, created_at, voter_hash) \
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key_hash) DO NOTHING",
        &[
            Arg::Text(&key_hash),
            Arg::Text(&request_hash),
            Arg::Int(ctx.now),
            Arg::Text(ctx.voter()?),
        ],
    )?;
    let prune = query(
        &ctx.db,
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        &[Arg::Int(ctx.now - KEEP_SECONDS)],
    )?;
    let results = ctx.db.batch(vec![insert, prune]).await?;
    let inserted = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|meta| meta.changes)
        .unwrap_or(0);
    if inserted == 1 {
        return Ok(Claim::Fresh(key_hash));
    }
    #[derive(Deserialize)]
    struct Stored {
        request_hash: String,
        created_at: i64,
        status: u16,
        content_type: Option<String>,
        body: Option<String>,
    }
    let stored: Option<Stored> = first(query(
        &ctx.db,
        "SELECT request_hash, created_at, status, content_type, body FROM idempotency_keys \
         WHERE key_hash = ?1",
        &[Arg::Text(&key_hash)],
    )?)
    .await?;
    match stored {
        // Pruned between the insert and the read: extremely unlikely; ask for a retry.
        None => Err(ApiError::IdempotencyInProgress),
        Some(stored) if stored.request_hash != request_hash => Err(ApiError::IdempotencyKeyReused),
        Some(stored) if stored.status == 0 && stored.created_at >= ctx.now - STALE_SECONDS => {
            Err(ApiError::IdempotencyInProgress)
        }
        Some(stored) if stored.status == 0 => take_over(ctx, key_hash, stored.created_at).await,
        Some(stored) => Ok(Claim::Replay(Reply::with_body(
            stored.status,
            stored.content_type.as_deref().unwrap_or_default(),
            stored.body.unwrap_or_default().into_bytes(),
        ))),
    }
}

/// Takes over an abandoned claim; of two concurrent retries only one can.
async fn take_over(ctx: &Ctx, key_hash: String, seen_at: i64) -> Result<Claim, ApiError> {
    let taken = run(query(
        &ctx.db,
        "UPDATE idempotency_keys SET created_at = ?2 \
         WHERE key_hash = ?1 AND status = 0 AND created_at = ?3",
        &[Arg::Text(&key_hash), Arg::Int(ctx.now), Arg::Int(seen_at)],
    )?)
    .await?;
    if taken == 1 {
        Ok(Claim::Resumed(key_hash))
    } else {
        Err(ApiError::IdempotencyInProgress)
    }
}

/// Releases a claim without an answer, so a retry runs the write again.
pub async fn release(ctx: &Ctx, key_hash: &str) -> Result<(), ApiError> {
    run(query(
        &ctx.db,
        "DELETE FROM idempotency_keys WHERE key_hash = ?1",
        &[Arg::Text(key_hash)],
    )?)
    .await?;
    Ok(())
}

/// Stores the answer for later retries; a server error releases the key
/// instead, so a retry runs the write again.
pub async fn finish(ctx: &Ctx, key_hash: &str, reply: &Reply) -> Result<(), ApiError> {
    if reply.status >= 500 {
        return release(ctx, key_hash).await;
    }
    let body = String::from_utf8_lossy(&reply.body);
    run(query(
        &ctx.db,
        "UPDATE idempotency_keys SET status = ?2, content_type = ?3, body = ?4 WHERE key_hash = ?1",
        &[
            Arg::Text(key_hash),
            Arg::Int(i64::from(reply.status)),
            Arg::Text(&reply.content_type),
            Arg::Text(&body),
        ],
    )?)
    .await?;
    Ok(())
}
