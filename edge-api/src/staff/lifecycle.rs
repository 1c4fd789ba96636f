//! The end of a consultation (issue 13, item 10): archiving hides a closed
//! widget from residents and freezes it; once it has been exported since,
//! an admin can delete it with everything residents wrote in it. The audit
//! log keeps both steps (it never loses an entry).

use crate::context::Ctx;
use crate::db::{Arg, query, run};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::session::require;
use crate::staff::staff_widgets::load;
use parvis_model::WidgetStatus;
use parvis_model::audit::AuditAction;
use parvis_model::time::parse_rfc3339;
use worker::D1Database;

/// `POST /v1/staff/widgets/{id}/archive` (admins): a draft, or a widget
/// residents can no longer take part in, leaves the city's pages and can no
/// longer be changed. Archiving twice changes nothing.
pub async fn archive(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let widget = load(ctx, &staff, ctx.param("id")).await?;
    if widget.archived_at.is_some() {
        return Ok(Reply::no_content());
    }
    let closes_at = widget.closes_at.as_deref().and_then(parse_rfc3339);
    let status = widget.status.effective(None, closes_at, ctx.now);
    if !matches!(status, WidgetStatus::Draft | WidgetStatus::Closed) {
        return Err(ApiError::Conflict(
            "close the consultation before archiving it",
        ));
    }
    ctx.db
        .batch(vec![
            query(
                &ctx.db,
                // An export from before archiving no longer counts.
                "UPDATE widgets SET archived_at = ?3, exported_at = NULL, \
                   closed_at = COALESCE(closed_at, closes_at, ?3) \
                 WHERE id = ?1 AND city_id = ?2 AND archived_at IS NULL",
                &[
                    Arg::Text(&widget.id),
                    Arg::Int(staff.city_id),
                    Arg::Int(ctx.now),
                ],
            )?,
            audit::record(ctx, &staff, &widget.id, AuditAction::WidgetArchived, "")?,
        ])
        .await?;
    crate::public::fragment_cache::purge(ctx, &[&widget.id]).await;
    Ok(Reply::no_content())
}

/// `DELETE /v1/staff/widgets/{id}` (admins): an archived widget exported
/// since it was archived goes, with its options, ballots, ideas, comments,
/// supports and reports (the database cascades).
pub async fn delete(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let widget = load(ctx, &staff, ctx.param("id")).await?;
    if widget.archived_at.is_none() {
        return Err(ApiError::Conflict(
            "archive the consultation before deleting it",
        ));
    }
    // Archiving clears the mark: any export noted since is of the frozen widget.
    if widget.exported_at.is_none() {
        return Err(ApiError::Conflict(
            "export the consultation after archiving it, then delete it",
        ));
    }
    let detail = format!("{} ({})", widget.title, widget.id);
    ctx.db
        .batch(vec![
            audit::record(ctx, &staff, &widget.id, AuditAction::WidgetDeleted, &detail)?,
            query(
                &ctx.db,
                "DELETE FROM widgets WHERE id = ?1 AND city_id = ?2 AND archived_at IS NOT NULL",
                &[Arg::Text(&widget.id), Arg::Int(staff.city_id)],
            )?,
        ])
        .await?;
    Ok(Reply::no_content())
}

/// Notes that a complete export of the widget has been produced (deleting
/// an archived widget needs one).
pub async fn note_exported(
    db: &D1Database,
    widget_id: &str,
    city_id: i64,
    now: i64,
) -> Result<(), ApiError> {
    run(query(
        db,
        "UPDATE widgets SET exported_at = ?3 WHERE id = ?1 AND city_id = ?2",
        &[Arg::Text(widget_id), Arg::Int(city_id), Arg::Int(now)],
    )?)
    .await?;
    Ok(())
}
