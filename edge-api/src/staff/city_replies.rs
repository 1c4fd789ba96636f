//! `POST /v1/staff/widgets/{id}/comments/{comment}/replies`: staff answer
//! in a thread as the city. The reply is published at once, marked with the
//! author's role (residents cannot set that mark), and logged.

use crate::context::Ctx;
use crate::db::{Arg, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::session::require;
use parvis_model::audit::{AuditAction, CityReplyRequest};
use parvis_model::comments::{CommentView, MAX_COMMENT};
use parvis_model::ideas::Visibility;
use parvis_model::text::{Lines, clean_text};
use parvis_model::time::format_rfc3339;
use parvis_model::wire::WireName;
use serde::Deserialize;

/// The city's replies carry this instead of a voter's keyed hash: it
/// matches no voter, so no resident can delete or claim them.
const CITY_VOTER: &str = "city";

/// `POST …/replies`: 201 with the reply.
pub async fn reply(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let widget = ctx.param("id").to_owned();
    let comment = ctx.id_param("comment")?;
    let request: CityReplyRequest = ctx.json()?;
    let body = clean_text("body", &request.body, MAX_COMMENT, Lines::Multi)?;
    #[derive(Deserialize)]
    struct Thread {
        top: i64,
    }
    // Threads are one level deep: a reply to a reply goes under its parent.
    let thread: Thread = first(query(
        &ctx.db,
        "SELECT COALESCE(c.parent_id, c.id) AS top FROM comments c \
         JOIN widgets w ON w.id = c.widget_id \
         WHERE c.id = ?1 AND w.id = ?2 AND w.city_id = ?3 AND w.kind = 'comments' \
           AND w.archived_at IS NULL AND c.visibility = 'published' AND c.deleted = 0",
        &[
            Arg::Int(comment),
            Arg::Text(&widget),
            Arg::Int(staff.city_id),
        ],
    )?)
    .await?
    .ok_or(ApiError::NotFound("no such published comment"))?;
    #[derive(Deserialize)]
    struct Created {
        id: i64,
    }
    let detail = format!("#{comment}: {body}");
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "INSERT INTO comments (widget_id, parent_id, voter_hash, body, visibility, \
                   reviewed, created_at, staff_role, staff_id) \
                 VALUES (?1, ?2, ?3, ?4, 'published', 1, ?5, ?6, ?7) RETURNING id",
                &[
                    Arg::Text(&widget),
                    Arg::Int(thread.top),
                    Arg::Text(CITY_VOTER),
                    Arg::Text(&body),
                    Arg::Int(ctx.now),
                    Arg::Text(staff.role.wire_name()),
                    Arg::Int(staff.id),
                ],
            )?,
            audit::record(ctx, &staff, &widget, AuditAction::CityReplied, &detail)?,
        ])
        .await?;
    let created: Vec<Created> = results
        .first()
        .map(|result| result.results())
        .transpose()?
        .unwrap_or_default();
    let id = created
        .first()
        .map(|row| row.id)
        .ok_or_else(|| ApiError::Internal("the reply was not created".to_owned()))?;
    crate::public::fragment_cache::purge(ctx, &[&widget]).await;
    Reply::json(
        201,
        &CommentView {
            id,
            parent_id: Some(thread.top),
            body,
            display_name: None,
            city_reply: Some(staff.role),
            visibility: Visibility::Published,
            deleted: false,
            supports: 0,
            supported_by_me: false,
            mine: false,
            created_at: format_rfc3339(ctx.now),
            replies: Vec::new(),
            reply_count: 0,
        },
    )
}
