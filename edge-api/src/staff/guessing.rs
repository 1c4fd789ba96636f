//! Password guessing, bounded (issue 13, item 2). Each attempt is counted
//! *before* its password is hashed, by one D1 statement that inserts it only
//! while its key is under the limit, so concurrent guesses cannot slip past
//! it: the statements run one after another and each sees the ones before
//! it. An attempt whose password turns out right is then forgotten.

use crate::context::Ctx;
use crate::db::{Arg, query, run};
use crate::error::ApiError;
use serde::Deserialize;

/// Attempts are counted over this window.
pub const WINDOW_SECONDS: i64 = 15 * 60;

/// The rows that count this attempt, forgotten if the password is right.
pub struct Attempt(Vec<i64>);

#[derive(Deserialize)]
struct Id {
    id: i64,
}

/// Counts an attempt under each `(key hash, max)` unless that key already
/// holds its max in the window; refuses it (429) when any key does. A
/// refused attempt leaves nothing behind, so hammering a throttled key
/// writes nothing to D1.
pub async fn begin(ctx: &Ctx, keys: &[(String, u32)]) -> Result<Attempt, ApiError> {
    let since = ctx.now - WINDOW_SECONDS;
    let mut statements = vec![query(
        &ctx.db,
        "DELETE FROM sign_in_failures WHERE at < ?1",
        &[Arg::Int(since)],
    )?];
    for (key, max) in keys {
        statements.push(query(
            &ctx.db,
            "INSERT INTO sign_in_failures (key_hash, at) SELECT ?1, ?2 \
             WHERE (SELECT COUNT(*) FROM sign_in_failures WHERE key_hash = ?1 AND at >= ?3) < ?4 \
             RETURNING rowid AS id",
            &[
                Arg::Text(key),
                Arg::Int(ctx.now),
                Arg::Int(since),
                Arg::Int(i64::from(*max)),
            ],
        )?);
    }
    let results = ctx.db.batch(statements).await?;
    let mut ids = Vec::new();
    let mut refused = false;
    for result in results.iter().skip(1) {
        let counted: Vec<Id> = result.results()?;
        refused |= counted.is_empty();
        ids.extend(counted.into_iter().map(|row| row.id));
    }
    let attempt = Attempt(ids);
    if refused {
        if !attempt.0.is_empty() {
            forget(ctx, attempt).await?;
        }
        return Err(ApiError::RateLimited(WINDOW_SECONDS as u32));
    }
    Ok(attempt)
}

/// The password was right: the attempt is not a failure.
pub async fn forget(ctx: &Ctx, attempt: Attempt) -> Result<(), ApiError> {
    let ids = serde_json::to_string(&attempt.0).map_err(|e| ApiError::Internal(e.to_string()))?;
    run(query(
        &ctx.db,
        "DELETE FROM sign_in_failures WHERE rowid IN (SELECT value FROM json_each(?1))",
        &[Arg::Text(&ids)],
    )?)
    .await?;
    Ok(())
}
