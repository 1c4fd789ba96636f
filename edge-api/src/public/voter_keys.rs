//! Rotating `VOTER_HASH_KEY`: while the previous key is set, a returning
//! voter's rows are moved from the old hash of their token to the new one,
//! in one batch, before the request is served. A voter who does not come
//! back within the window keeps rows under the old hash, which count in
//! results but no longer answer to their token.

use crate::context::Ctx;
use crate::db::{Arg, query};
use crate::error::ApiError;

/// Every table that records a voter.
const VOTER_TABLES: [&str; 7] = [
    "ballots",
    "ideas",
    "comments",
    "idea_supports",
    "comment_supports",
    "comment_reports",
    "idempotency_keys",
];

/// Moves the voter's rows from `previous` to `current` (each table has an
/// index on `voter_hash`; nothing to move costs one indexed look-up per table).
pub async fn rehash(ctx: &Ctx, previous: &str, current: &str) -> Result<(), ApiError> {
    let statements = VOTER_TABLES
        .iter()
        .map(|table| {
            query(
                &ctx.db,
                // OR IGNORE: a row already under the new hash (the same
                // ballot cast twice across the boundary) keeps the first.
                &format!("UPDATE OR IGNORE {table} SET voter_hash = ?2 WHERE voter_hash = ?1"),
                &[Arg::Text(previous), Arg::Text(current)],
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    ctx.db.batch(statements).await?;
    Ok(())
}
