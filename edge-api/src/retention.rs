//! The daily retention job (a Cron Trigger, `wrangler.toml`): once a
//! consultation has been closed for its city's retention period, residents'
//! text and every hash that could link a ballot, idea, comment, support or
//! report to a device or a network are erased. Counts, statuses, the city's
//! own answers and replies, and the audit log remain.

use crate::db::{Arg, all, query};
use crate::error::ApiError;
use serde::Deserialize;
use worker::D1Database;

/// Widgets handled per run at most; the next run takes the rest.
const PER_RUN: i64 = 50;

/// The widgets of every city whose retention period has run out, not yet
/// erased: closed by staff (`closed_at`) or by their closing time.
const DUE: &str = "SELECT w.id FROM widgets w JOIN cities c ON c.id = w.city_id \
    WHERE w.purged_at IS NULL AND w.status != 'draft' \
      AND COALESCE(w.closed_at, CASE WHEN w.closes_at <= ?1 THEN w.closes_at END) \
          + c.retention_days * 86400 <= ?1 \
    ORDER BY w.id LIMIT ?2";

/// What erasing does, for the widgets in the JSON array `?1`, at `?2`.
/// A hash is replaced by a value no token or network can give, unique per
/// row so the tables' keys hold; nothing counted is deleted, so no count
/// moves. Verified persons' keyed hashes (`verified_uses`, counted nowhere)
/// are deleted: the consultation is closed, nobody votes again.
const ERASE: [&str; 8] = [
    "UPDATE ballots SET voter_hash = 'retained:' || id, network_hash = NULL \
     WHERE widget_id IN (SELECT value FROM json_each(?1))",
    "UPDATE ideas SET title = '', description = '', display_name = NULL, \
       voter_hash = 'retained:' || id, network_hash = NULL, client_key = NULL \
     WHERE widget_id IN (SELECT value FROM json_each(?1))",
    "UPDATE idea_supports SET voter_hash = 'retained:' || rowid \
     WHERE idea_id IN (SELECT id FROM ideas WHERE widget_id IN (SELECT value FROM json_each(?1)))",
    "UPDATE comments SET body = '', display_name = NULL, deleted = 1, \
       voter_hash = 'retained:' || id, client_key = NULL \
     WHERE widget_id IN (SELECT value FROM json_each(?1)) AND staff_role IS NULL",
    "UPDATE comment_supports SET voter_hash = 'retained:' || rowid \
     WHERE comment_id IN (SELECT id FROM comments WHERE widget_id IN (SELECT value FROM json_each(?1)))",
    "UPDATE comment_reports SET details = NULL, network_hash = NULL, \
       voter_hash = 'retained:' || rowid \
     WHERE comment_id IN (SELECT id FROM comments WHERE widget_id IN (SELECT value FROM json_each(?1)))",
    "DELETE FROM verified_uses WHERE widget_id IN (SELECT value FROM json_each(?1))",
    "UPDATE widgets SET purged_at = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
];

/// Erases what the retention periods ended at `now`; the number of widgets.
pub async fn run(db: &D1Database, now: i64) -> Result<usize, ApiError> {
    #[derive(Deserialize)]
    struct Due {
        id: String,
    }
    // Sign-ins abandoned before their callback: their voter hash goes
    // once their ten minutes are over, whatever the consultation.
    crate::db::run(query(
        db,
        "DELETE FROM sign_ins WHERE created_at < ?1",
        &[Arg::Int(now - parvis_model::verification::SIGN_IN_SECONDS)],
    )?)
    .await?;
    let due: Vec<Due> = all(query(db, DUE, &[Arg::Int(now), Arg::Int(PER_RUN)])?).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let ids = serde_json::to_string(&due.iter().map(|d| d.id.as_str()).collect::<Vec<_>>())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let statements = ERASE
        .iter()
        .map(|sql| {
            let args = [Arg::Text(&ids), Arg::Int(now)];
            let used = if sql.contains("?2") { 2 } else { 1 };
            query(db, sql, &args[..used])
        })
        .collect::<Result<Vec<_>, _>>()?;
    db.batch(statements).await?;
    Ok(due.len())
}
