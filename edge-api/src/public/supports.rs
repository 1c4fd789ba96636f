//! One support per voter per idea or comment: adding and withdrawing are
//! idempotent, and the counts are kept by triggers (migration 0003).

use crate::context::Ctx;
use crate::db::{Arg, query, run};
use crate::error::ApiError;

/// What can be supported.
#[derive(Clone, Copy)]
pub enum Supported {
    /// An idea: `idea_supports`.
    Idea,
    /// A comment: `comment_supports`.
    Comment,
}

/// Adds (`add`) or withdraws the asking voter's support of item `id`.
pub async fn set_support(ctx: &Ctx, item: Supported, id: i64, add: bool) -> Result<(), ApiError> {
    let (table, column) = match item {
        Supported::Idea => ("idea_supports", "idea_id"),
        Supported::Comment => ("comment_supports", "comment_id"),
    };
    let voter = ctx.voter()?;
    let statement = if add {
        query(
            &ctx.db,
            &format!(
                "INSERT INTO {table} ({column}, voter_hash, created_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING"
            ),
            &[Arg::Int(id), Arg::Text(voter), Arg::Int(ctx.now)],
        )?
    } else {
        query(
            &ctx.db,
            &format!("DELETE FROM {table} WHERE {column} = ?1 AND voter_hash = ?2"),
            &[Arg::Int(id), Arg::Text(voter)],
        )?
    };
    run(statement).await?;
    Ok(())
}
