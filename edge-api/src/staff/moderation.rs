//! The moderation queue across the city's widgets, and decisions on it.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query, rows_of};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::session::require;
use parvis_model::audit::AuditAction;
use parvis_model::comments::ReportReason;
use parvis_model::ideas::Visibility;
use parvis_model::moderation::{
    Decision, ItemKind, ItemRef, ModerationDecision, ModerationItem, ModerationUndo,
    REPORT_DETAILS_SHOWN, ReportGroup,
};
use parvis_model::time::format_rfc3339;
use parvis_model::wire::WireName;
use parvis_model::{FieldError, FieldErrorCode};
use serde::Deserialize;

/// Most items in one decision.
const MAX_ITEMS: usize = 100;

#[derive(Deserialize)]
struct ItemRow {
    kind: ItemKind,
    id: i64,
    widget_id: String,
    widget_title: String,
    text: String,
    description: String,
    display_name: Option<String>,
    visibility: Visibility,
    created_at: i64,
}

/// The reports on one comment for one reason.
#[derive(Deserialize)]
struct ReportCount {
    comment_id: i64,
    reason: ReportReason,
    count: u64,
    latest_at: i64,
}

/// One of the latest details given for a comment and reason.
#[derive(Deserialize)]
struct ReportDetail {
    comment_id: i64,
    reason: ReportReason,
    details: String,
}

/// The reports on the queue's comments, by reason: counted by the database
/// (a comment reported ten thousand times is one row per reason), with the
/// latest few details each.
async fn report_groups(
    ctx: &Ctx,
    comment_ids: &[i64],
) -> Result<Vec<(i64, ReportGroup)>, ApiError> {
    if comment_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = serde_json::to_string(comment_ids).map_err(|e| ApiError::Internal(e.to_string()))?;
    let shown = REPORT_DETAILS_SHOWN as i64;
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "SELECT comment_id, reason, COUNT(*) AS count, MAX(created_at) AS latest_at \
                 FROM comment_reports WHERE comment_id IN (SELECT value FROM json_each(?1)) \
                 GROUP BY comment_id, reason ORDER BY comment_id, count DESC, reason",
                &[Arg::Text(&ids)],
            )?,
            query(
                &ctx.db,
                "SELECT comment_id, reason, details FROM ( \
                   SELECT comment_id, reason, details, ROW_NUMBER() OVER ( \
                     PARTITION BY comment_id, reason ORDER BY created_at DESC, rowid DESC) AS n \
                   FROM comment_reports WHERE comment_id IN (SELECT value FROM json_each(?1)) \
                     AND details IS NOT NULL AND details != '') \
                 WHERE n <= ?2 ORDER BY comment_id, reason, n",
                &[Arg::Text(&ids), Arg::Int(shown)],
            )?,
        ])
        .await?;
    let counts: Vec<ReportCount> = rows_of(&results, 0)?;
    let details: Vec<ReportDetail> = rows_of(&results, 1)?;
    Ok(counts
        .into_iter()
        .map(|count| {
            let latest_details = details
                .iter()
                .filter(|d| d.comment_id == count.comment_id && d.reason == count.reason)
                .map(|d| d.details.clone())
                .collect();
            let group = ReportGroup {
                reason: count.reason,
                count: count.count,
                latest_at: format_rfc3339(count.latest_at),
                latest_details,
            };
            (count.comment_id, group)
        })
        .collect())
}

/// `GET /v1/staff/moderation`: ideas and comments awaiting approval, and
/// reported comments no moderator has decided on, oldest first.
pub async fn queue(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let city = [Arg::Int(staff.city_id)];
    let rows: Vec<ItemRow> = all(query(
        &ctx.db,
        "SELECT 'idea' AS kind, i.id, i.widget_id, w.title AS widget_title, i.title AS text, \
           i.description, i.display_name, i.visibility, i.created_at \
         FROM ideas i JOIN widgets w ON w.id = i.widget_id \
         WHERE w.city_id = ?1 AND i.visibility = 'pending' \
         UNION ALL \
         SELECT 'comment', c.id, c.widget_id, w.title, c.body, '', c.display_name, c.visibility, \
           c.created_at \
         FROM comments c JOIN widgets w ON w.id = c.widget_id \
         WHERE w.city_id = ?1 AND c.deleted = 0 \
           AND (c.visibility = 'pending' OR (c.reports > 0 AND c.reviewed = 0 \
                AND c.visibility IN ('published', 'hidden'))) \
         ORDER BY 9, 2 LIMIT 500",
        &city,
    )?)
    .await?;
    let comment_ids: Vec<i64> = rows
        .iter()
        .filter(|row| row.kind == ItemKind::Comment)
        .map(|row| row.id)
        .collect();
    let mut groups = report_groups(ctx, &comment_ids).await?;
    let items: Vec<ModerationItem> = rows
        .into_iter()
        .map(|row| ModerationItem {
            reports: match row.kind {
                ItemKind::Comment => {
                    let (own, rest) = std::mem::take(&mut groups)
                        .into_iter()
                        .partition(|(comment_id, _)| *comment_id == row.id);
                    groups = rest;
                    own.into_iter().map(|(_, group)| group).collect()
                }
                ItemKind::Idea => Vec::new(),
            },
            kind: row.kind,
            id: row.id,
            widget_id: row.widget_id,
            widget_title: row.widget_title,
            text: row.text,
            description: row.description,
            display_name: row.display_name,
            visibility: row.visibility,
            created_at: format_rfc3339(row.created_at),
        })
        .collect();
    Reply::json(200, &items)
}

/// The items as JSON arrays of idea ids and comment ids, once all are
/// checked to be the city's (404 if any is not); 1 to [`MAX_ITEMS`] items.
async fn city_items(
    ctx: &Ctx,
    city_id: i64,
    items: &[ItemRef],
) -> Result<(String, String), ApiError> {
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(FieldError::new("items", FieldErrorCode::OutOfRange)
            .with_limit(MAX_ITEMS)
            .into());
    }
    let ids = |kind: ItemKind| -> Result<String, ApiError> {
        let ids: Vec<i64> = items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id)
            .collect();
        serde_json::to_string(&ids).map_err(|e| ApiError::Internal(e.to_string()))
    };
    let (ideas, comments) = (ids(ItemKind::Idea)?, ids(ItemKind::Comment)?);
    #[derive(Deserialize)]
    struct Found {
        found: usize,
    }
    let found: Option<Found> = first(query(
        &ctx.db,
        "SELECT (SELECT COUNT(*) FROM ideas i JOIN widgets w ON w.id = i.widget_id \
                 WHERE w.city_id = ?1 AND w.archived_at IS NULL \
                   AND i.id IN (SELECT DISTINCT value FROM json_each(?2))) \
              + (SELECT COUNT(*) FROM comments c JOIN widgets w ON w.id = c.widget_id \
                 WHERE w.city_id = ?1 AND w.archived_at IS NULL \
                   AND c.id IN (SELECT DISTINCT value FROM json_each(?3))) \
           AS found",
        &[Arg::Int(city_id), Arg::Text(&ideas), Arg::Text(&comments)],
    )?)
    .await?;
    if found.map_or(0, |f| f.found) != distinct(items).len() {
        return Err(ApiError::NotFound("no such idea or comment"));
    }
    Ok((ideas, comments))
}

fn distinct(items: &[ItemRef]) -> Vec<ItemRef> {
    let mut distinct = items.to_vec();
    distinct.sort_by_key(|item| (item.kind == ItemKind::Comment, item.id));
    distinct.dedup();
    distinct
}

/// Only the city's widgets, for every UPDATE below (`?3` is the city).
/// Items of the city's widgets that are not archived (archived ones are frozen).
const IN_CITY: &str =
    "widget_id IN (SELECT id FROM widgets WHERE city_id = ?3 AND archived_at IS NULL)";

/// `POST /v1/staff/moderation/decisions`: one decision on 1 to 100 items of
/// the city, all applied in one transaction or none (404 if any item is not
/// the city's), and logged.
pub async fn decide(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let decision: ModerationDecision = ctx.json()?;
    let (ideas, comments) = city_items(ctx, staff.city_id, &decision.items).await?;
    let visibility = match decision.decision {
        Decision::Approve => Visibility::Published,
        Decision::Reject => Visibility::Rejected,
        Decision::Hide => Visibility::Hidden,
    }
    .wire_name();
    let detail = format!(
        "{}: {}",
        decision.decision.wire_name(),
        distinct(&decision.items)
            .iter()
            .map(|item| format!("{} {}", item.kind.wire_name(), item.id))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let city = Arg::Int(staff.city_id);
    let statements = vec![
        audit::record_for_items(
            ctx,
            &staff,
            &ideas,
            &comments,
            AuditAction::Moderated,
            &detail,
        )?,
        query(
            &ctx.db,
            &format!(
                "UPDATE ideas SET visibility = ?2 \
                 WHERE id IN (SELECT value FROM json_each(?1)) AND {IN_CITY}"
            ),
            &[Arg::Text(&ideas), Arg::Text(visibility), city],
        )?,
        query(
            &ctx.db,
            &format!(
                "UPDATE comments SET visibility = ?2, reviewed = 1 \
                 WHERE id IN (SELECT value FROM json_each(?1)) AND {IN_CITY}"
            ),
            &[
                Arg::Text(&comments),
                Arg::Text(visibility),
                Arg::Int(staff.city_id),
            ],
        )?,
    ];
    ctx.db.batch(statements).await?;
    purge_fragments(ctx, &ideas, &comments).await;
    Ok(Reply::no_content())
}

/// `POST /v1/staff/moderation/undo`: items put back as they were in the
/// queue before a decision (pending, published or hidden, and not yet
/// reviewed), in one transaction, and logged.
pub async fn undo(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let undo: ModerationUndo = ctx.json()?;
    if let Some(at) = undo
        .items
        .iter()
        .position(|item| item.visibility == Visibility::Rejected)
    {
        let field = format!("items[{at}].visibility");
        return Err(FieldError::new(field, FieldErrorCode::OutOfRange).into());
    }
    let refs: Vec<ItemRef> = undo
        .items
        .iter()
        .map(|item| ItemRef {
            kind: item.kind,
            id: item.id,
        })
        .collect();
    let (ideas, comments) = city_items(ctx, staff.city_id, &refs).await?;
    let detail = format!(
        "undo: {}",
        undo.items
            .iter()
            .map(|i| format!(
                "{} {} → {}",
                i.kind.wire_name(),
                i.id,
                i.visibility.wire_name()
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut statements = vec![audit::record_for_items(
        ctx,
        &staff,
        &ideas,
        &comments,
        AuditAction::ModerationUndone,
        &detail,
    )?];
    for item in &undo.items {
        let sql = match item.kind {
            ItemKind::Idea => {
                format!("UPDATE ideas SET visibility = ?2 WHERE id = ?1 AND {IN_CITY}")
            }
            ItemKind::Comment => format!(
                "UPDATE comments SET visibility = ?2, reviewed = 0 WHERE id = ?1 AND {IN_CITY}"
            ),
        };
        statements.push(query(
            &ctx.db,
            &sql,
            &[
                Arg::Int(item.id),
                Arg::Text(item.visibility.wire_name()),
                Arg::Int(staff.city_id),
            ],
        )?);
    }
    ctx.db.batch(statements).await?;
    purge_fragments(ctx, &ideas, &comments).await;
    Ok(Reply::no_content())
}

/// Residents see a decision at once: the server-rendered fragments of the
/// items' widgets are purged (`ideas` and `comments` are JSON id arrays).
/// Best effort: the decision is stored already, and the TTL bounds the rest.
async fn purge_fragments(ctx: &Ctx, ideas: &str, comments: &str) {
    if let Ok(ids) = widgets_of(ctx, ideas, comments).await {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        crate::public::fragment_cache::purge(ctx, &ids).await;
    }
}

async fn widgets_of(ctx: &Ctx, ideas: &str, comments: &str) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        widget_id: String,
    }
    let rows: Vec<Row> = all(query(
        &ctx.db,
        "SELECT widget_id FROM ideas WHERE id IN (SELECT value FROM json_each(?1)) \
         UNION SELECT widget_id FROM comments WHERE id IN (SELECT value FROM json_each(?2))",
        &[Arg::Text(ideas), Arg::Text(comments)],
    )?)
    .await?;
    Ok(rows.into_iter().map(|row| row.widget_id).collect())
}
