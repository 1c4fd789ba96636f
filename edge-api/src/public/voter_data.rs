//! `GET` and `DELETE /v1/widgets/{id}/voter-data`: everything a voter wrote
//! in the widget's city, to read or to erase.

use crate::context::Ctx;
use crate::db::{Arg, all, query};
use crate::error::ApiError;
use crate::reply::Reply;
use parvis_model::time::format_rfc3339;
use parvis_model::voter_data::{MyBallot, MyMark, MyText, VoterData, VoterDataDeleted};
use serde::Deserialize;

/// Widgets of the city of the widget in the path: `?1` is its city id.
const CITY_WIDGETS: &str = "(SELECT id FROM widgets WHERE city_id = ?1)";

#[derive(Deserialize)]
struct BallotRow {
    widget_id: String,
    choices: Option<String>,
    created_at: i64,
}

#[derive(Deserialize)]
struct TextRow {
    id: i64,
    widget_id: String,
    text: String,
    description: String,
    display_name: Option<String>,
    created_at: i64,
}

#[derive(Deserialize)]
struct MarkRow {
    kind: String,
    item_id: i64,
    created_at: i64,
}

fn text(row: TextRow) -> MyText {
    MyText {
        id: row.id,
        widget_id: row.widget_id,
        text: row.text,
        description: row.description,
        display_name: row.display_name,
        created_at: format_rfc3339(row.created_at),
    }
}

/// `GET …/voter-data`.
pub async fn read(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let city = Arg::Int(ctx.widget()?.city_id);
    let voter = ctx.voter.as_deref().ok_or(ApiError::InvalidVoter(
        parvis_model::VoterTokenError::Missing,
    ))?;
    let args = [city, Arg::Text(voter)];
    let ballots: Vec<BallotRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT b.widget_id, (SELECT group_concat(c.option_id, ' ') FROM ballot_choices c \
               WHERE c.ballot_id = b.id) AS choices, b.created_at \
             FROM ballots b WHERE b.widget_id IN {CITY_WIDGETS} AND b.voter_hash = ?2 ORDER BY b.id"
        ),
        &args,
    )?)
    .await?;
    let ideas: Vec<TextRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT id, widget_id, title AS text, description, display_name, created_at FROM ideas \
             WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2 ORDER BY id"
        ),
        &args,
    )?)
    .await?;
    let comments: Vec<TextRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT id, widget_id, body AS text, '' AS description, display_name, created_at \
             FROM comments WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2 AND deleted = 0 \
             ORDER BY id"
        ),
        &args,
    )?)
    .await?;
    let marks: Vec<MarkRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT 'idea_support' AS kind, s.idea_id AS item_id, s.created_at FROM idea_supports s \
               JOIN ideas i ON i.id = s.idea_id WHERE i.widget_id IN {CITY_WIDGETS} AND s.voter_hash = ?2 \
             UNION ALL SELECT 'comment_support', s.comment_id, s.created_at FROM comment_supports s \
               JOIN comments c ON c.id = s.comment_id WHERE c.widget_id IN {CITY_WIDGETS} AND s.voter_hash = ?2 \
             UNION ALL SELECT 'comment_report', r.comment_id, r.created_at FROM comment_reports r \
               JOIN comments c ON c.id = r.comment_id WHERE c.widget_id IN {CITY_WIDGETS} AND r.voter_hash = ?2 \
             ORDER BY 3"
        ),
        &args,
    )?)
    .await?;
    let data = VoterData {
        ballots: ballots
            .into_iter()
            .map(|row| MyBallot {
                widget_id: row.widget_id,
                choices: row
                    .choices
                    .unwrap_or_default()
                    .split(' ')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                created_at: format_rfc3339(row.created_at),
            })
            .collect(),
        ideas: ideas.into_iter().map(text).collect(),
        comments: comments.into_iter().map(text).collect(),
        marks: marks
            .into_iter()
            .map(|row| MyMark {
                kind: row.kind,
                item_id: row.item_id,
                created_at: format_rfc3339(row.created_at),
            })
            .collect(),
    };
    Reply::json(200, &data)
}

/// Polls of the city whose ballots stay when a voter erases their data:
/// those closed at `?3` (their result is final), and those by invitation
/// code or verified identity (the code or person voted once and cannot
/// vote again: deleting the ballot would lose a binding vote for good).
const CLOSED_POLLS: &str = "(SELECT id FROM widgets WHERE city_id = ?1 AND kind = 'poll' \
     AND (participation != 'open' OR status = 'closed' \
       OR (status = 'open' AND closes_at IS NOT NULL AND closes_at <= ?3)))";

/// `DELETE …/voter-data`: in one transaction, counted then erased.
/// - Ballots are deleted, except in closed polls and polls by invitation
///   or verified identity: there the ballot stays in the result, detached
///   from the voter (its hash replaced by a value that matches no token).
/// - Ideas, supports and reports are deleted; comments are erased in place
///   (their replies keep their thread), and the details of reports about
///   them, which may quote them, are cleared.
/// - Stored idempotency answers, which repeat what was written, are deleted.
pub async fn delete(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let args = [
        Arg::Int(ctx.widget()?.city_id),
        Arg::Text(ctx.voter()?),
        Arg::Int(ctx.now),
    ];
    let count = format!(
        "SELECT \
           (SELECT COUNT(*) FROM ballots WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2 \
              AND widget_id NOT IN {CLOSED_POLLS}) AS ballots, \
           (SELECT COUNT(*) FROM ballots WHERE widget_id IN {CLOSED_POLLS} AND voter_hash = ?2) \
             AS detached_ballots, \
           (SELECT COUNT(*) FROM ideas WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2) \
             AS ideas, \
           (SELECT COUNT(*) FROM comments WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2 \
              AND deleted = 0) AS comments, \
           (SELECT COUNT(*) FROM idea_supports s JOIN ideas i ON i.id = s.idea_id \
              WHERE i.widget_id IN {CITY_WIDGETS} AND s.voter_hash = ?2 AND i.voter_hash != ?2) \
           + (SELECT COUNT(*) FROM comment_supports s JOIN comments c ON c.id = s.comment_id \
              WHERE c.widget_id IN {CITY_WIDGETS} AND s.voter_hash = ?2) \
           + (SELECT COUNT(*) FROM comment_reports r JOIN comments c ON c.id = r.comment_id \
              WHERE c.widget_id IN {CITY_WIDGETS} AND r.voter_hash = ?2) AS marks"
    );
    let statements = [
        count,
        format!(
            "UPDATE ballots SET voter_hash = 'detached:' || id, network_hash = NULL \
             WHERE widget_id IN {CLOSED_POLLS} AND voter_hash = ?2"
        ),
        format!("DELETE FROM ballots WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2"),
        format!("DELETE FROM ideas WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2"),
        format!(
            "UPDATE comment_reports SET details = NULL WHERE comment_id IN \
             (SELECT id FROM comments WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2)"
        ),
        format!(
            "UPDATE comments SET body = '', display_name = NULL, deleted = 1, \
               voter_hash = 'erased:' || id, client_key = NULL \
             WHERE widget_id IN {CITY_WIDGETS} AND voter_hash = ?2"
        ),
        format!(
            "DELETE FROM idea_supports WHERE voter_hash = ?2 AND idea_id IN \
             (SELECT id FROM ideas WHERE widget_id IN {CITY_WIDGETS})"
        ),
        format!(
            "DELETE FROM comment_supports WHERE voter_hash = ?2 AND comment_id IN \
             (SELECT id FROM comments WHERE widget_id IN {CITY_WIDGETS})"
        ),
        format!(
            "DELETE FROM comment_reports WHERE voter_hash = ?2 AND comment_id IN \
             (SELECT id FROM comments WHERE widget_id IN {CITY_WIDGETS})"
        ),
        "DELETE FROM idempotency_keys WHERE voter_hash = ?2".to_owned(),
    ];
    // D1 wants exactly as many values as the statement's highest `?n`.
    let prepared = statements
        .iter()
        .map(|sql| {
            let used = if sql.contains("?3") { 3 } else { 2 };
            query(&ctx.db, sql, &args[..used])
        })
        .collect::<Result<Vec<_>, _>>()?;
    let results = ctx.db.batch(prepared).await?;
    let counted: Vec<VoterDataDeleted> = results
        .first()
        .map(|result| result.results())
        .transpose()?
        .unwrap_or_default();
    let deleted = counted
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("the count returned no row".to_owned()))?;
    // Erased text leaves the shared first view at once.
    crate::public::fragment_cache::purge(ctx, &[&ctx.widget()?.id]).await;
    Reply::json(200, &deleted)
}
