//! Password guessing, bounded (issue 13, item 2). Each attempt is counted
//! *before* its password is hashed, in the same D1 transaction that counts
//! the attempts already made, so concurrent guesses cannot slip past the
//! limit: the transactions run one after another and each sees the ones
//! before it. An attempt whose password turns out right is then forgotten.

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

#[derive(Deserialize)]
struct Count {
    attempts: u32,
}

/// Counts an attempt under each `(key hash, max)`, then refuses it (429)
/// when any key has more than its max in the window, this one included.
pub async fn begin(ctx: &Ctx, keys: &[(String, u32)]) -> Result<Attempt, ApiError> {
    let since = ctx.now - WINDOW_SECONDS;
    let mut statements = vec![query(
        &ctx.db,
        "DELETE FROM sign_in_failures WHERE at < ?1",
        &[Arg::Int(since)],
    )?];
    for (key, _) in keys {
        statements.push(query(
            &ctx.db,
            "INSERT INTO sign_in_failures (key_hash, at) VALUES (?1, ?2) RETURNING rowid AS id",
            &[Arg::Text(key), Arg::Int(ctx.now)],
        )?);
    }
    for (key, _) in keys {
        statements.push(query(
            &ctx.db,
            "SELECT COUNT(*) AS attempts FROM sign_in_failures WHERE key_hash = ?1 AND at >= ?2",
            &[Arg::Text(key), Arg::Int(since)],
        )?);
    }
    let results = ctx.db.batch(statements).await?;
    let mut ids = Vec::new();
    for result in results.iter().skip(1).take(keys.len()) {
        ids.extend(result.results::<Id>()?.into_iter().map(|row| row.id));
    }
    for (result, (_, max)) in results.iter().skip(1 + keys.len()).zip(keys) {
        let attempts = result.results::<Count>()?.first().map_or(0, |c| c.attempts);
        if attempts > *max {
            return Err(ApiError::RateLimited(WINDOW_SECONDS as u32));
        }
    }
    Ok(Attempt(ids))
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
