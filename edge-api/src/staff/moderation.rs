//! The moderation queue across the city's widgets, and decisions on it.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::session::require;
use parvis_model::comments::ReportReason;
use parvis_model::ideas::Visibility;
use parvis_model::staff::{Decision, ItemKind, ModerationDecision, ModerationItem, ReportView};
use parvis_model::time::format_rfc3339;
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

#[derive(Deserialize)]
struct ReportRow {
    comment_id: i64,
    reason: ReportReason,
    details: Option<String>,
    created_at: i64,
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
    let reports: Vec<ReportRow> = all(query(
        &ctx.db,
        "SELECT r.comment_id, r.reason, r.details, r.created_at FROM comment_reports r \
         JOIN comments c ON c.id = r.comment_id JOIN widgets w ON w.id = c.widget_id \
         WHERE w.city_id = ?1 AND c.reviewed = 0 ORDER BY r.created_at",
        &city,
    )?)
    .await?;
    let items: Vec<ModerationItem> = rows
        .into_iter()
        .map(|row| ModerationItem {
            reports: match row.kind {
                ItemKind::Comment => reports
                    .iter()
                    .filter(|r| r.comment_id == row.id)
                    .map(|r| ReportView {
                        reason: r.reason,
                        details: r.details.clone(),
                        created_at: format_rfc3339(r.created_at),
                    })
                    .collect(),
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

/// `POST /v1/staff/moderation/decisions`: one decision on 1 to 100 items of
/// the city, all applied in one transaction or none (404 if any item is not
/// the city's).
pub async fn decide(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let decision: ModerationDecision = ctx.json()?;
    if decision.items.is_empty() || decision.items.len() > MAX_ITEMS {
        return Err(FieldError::new("items", FieldErrorCode::OutOfRange)
            .with_limit(MAX_ITEMS)
            .into());
    }
    let ids = |kind: ItemKind| -> Result<String, ApiError> {
        let ids: Vec<i64> = decision
            .items
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
                 WHERE w.city_id = ?1 AND i.id IN (SELECT DISTINCT value FROM json_each(?2))) \
              + (SELECT COUNT(*) FROM comments c JOIN widgets w ON w.id = c.widget_id \
                 WHERE w.city_id = ?1 AND c.id IN (SELECT DISTINCT value FROM json_each(?3))) \
           AS found",
        &[
            Arg::Int(staff.city_id),
            Arg::Text(&ideas),
            Arg::Text(&comments),
        ],
    )?)
    .await?;
    let mut distinct = decision.items.clone();
    distinct.sort_by_key(|item| (item.kind == ItemKind::Comment, item.id));
    distinct.dedup();
    if found.map_or(0, |f| f.found) != distinct.len() {
        return Err(ApiError::NotFound("no such idea or comment"));
    }
    let visibility = match decision.decision {
        Decision::Approve => "published",
        Decision::Reject => "rejected",
        Decision::Hide => "hidden",
    };
    let statements = vec![
        query(
            &ctx.db,
            "UPDATE ideas SET visibility = ?2 WHERE id IN (SELECT value FROM json_each(?1))",
            &[Arg::Text(&ideas), Arg::Text(visibility)],
        )?,
        query(
            &ctx.db,
            "UPDATE comments SET visibility = ?2, reviewed = 1 \
             WHERE id IN (SELECT value FROM json_each(?1))",
            &[Arg::Text(&comments), Arg::Text(visibility)],
        )?,
    ];
    ctx.db.batch(statements).await?;
    Ok(Reply::no_content())
}
