//! Ideas for staff: every idea of a widget, and setting status and answer.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::session::require;
use crate::staff::staff_widgets::load;
use parvis_model::WidgetKind;
use parvis_model::audit::AuditAction;
use parvis_model::ideas::{IdeaStatus, IdeaUpdate, Visibility, validate_official_answer};
use parvis_model::paging::PageWindow;
use parvis_model::staff::StaffIdea;
use parvis_model::time::format_rfc3339;
use parvis_model::wire::WireName;
use serde::Deserialize;

/// An idea as stored, for staff (see [`COLUMNS`]).
#[derive(Deserialize)]
pub struct IdeaRow {
    pub id: i64,
    widget_id: String,
    title: String,
    description: String,
    display_name: Option<String>,
    status: IdeaStatus,
    visibility: Visibility,
    supports: u64,
    official_answer: Option<String>,
    created_at: i64,
}

impl From<IdeaRow> for StaffIdea {
    fn from(r: IdeaRow) -> StaffIdea {
        StaffIdea {
            id: r.id,
            widget_id: r.widget_id,
            title: r.title,
            description: r.description,
            display_name: r.display_name,
            status: r.status,
            visibility: r.visibility,
            supports: r.supports,
            official_answer: r.official_answer,
            created_at: format_rfc3339(r.created_at),
        }
    }
}

/// The columns of an [`IdeaRow`], from `ideas i`.
pub const COLUMNS: &str = "i.id, i.widget_id, i.title, i.description, i.display_name, i.status, \
    i.visibility, i.supports, i.official_answer, i.created_at";

/// Ideas of a widget in the given order (an SQL `ORDER BY` of ours, never input).
pub async fn load_ideas(
    ctx: &Ctx,
    widget_id: &str,
    order: &str,
    limit: u32,
    offset: u64,
) -> Result<Vec<StaffIdea>, ApiError> {
    let rows: Vec<IdeaRow> = all(query(
        &ctx.db,
        &format!("SELECT {COLUMNS} FROM ideas i WHERE i.widget_id = ?1 ORDER BY {order} LIMIT ?2 OFFSET ?3"),
        &[Arg::Text(widget_id), Arg::Int(i64::from(limit)), Arg::Int(offset as i64)],
    )?)
    .await?;
    Ok(rows.into_iter().map(StaffIdea::from).collect())
}

/// `GET /v1/staff/widgets/{id}/ideas?page=&per_page=`: newest first, every visibility.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let widget = load(ctx, &staff, ctx.param("id")).await?;
    if widget.kind != WidgetKind::Ideas {
        return Err(ApiError::WrongWidgetKind);
    }
    let window = PageWindow::parse(
        ctx.query("page").as_deref(),
        ctx.query("per_page").as_deref(),
    )
    .map_err(ApiError::InvalidQuery)?;
    let ideas = load_ideas(
        ctx,
        &widget.id,
        "i.id DESC",
        window.per_page,
        window.offset(),
    )
    .await?;
    #[derive(Deserialize)]
    struct Total {
        total: u64,
    }
    let total: Option<Total> = first(query(
        &ctx.db,
        "SELECT COUNT(*) AS total FROM ideas WHERE widget_id = ?1",
        &[Arg::Text(&widget.id)],
    )?)
    .await?;
    Reply::json(200, &window.wrap(ideas, total.map_or(0, |t| t.total)))
}

/// `PATCH /v1/staff/ideas/{idea}`: status and official answer.
pub async fn update(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let idea_id = ctx.id_param("idea")?;
    let update: IdeaUpdate = ctx.json()?;
    let answer = validate_official_answer(update.official_answer.as_deref())?;
    let status = update.status.map(|s| s.wire_name().to_owned());
    let (answer_given, answer_text) = match &answer {
        None => (0, None),
        Some(text) => (1, text.as_deref()),
    };
    let mut detail = format!("idea {idea_id}");
    if let Some(status) = &status {
        detail.push_str(&format!(": {status}"));
    }
    if let Some(text) = &answer {
        detail.push_str(&format!(" — {}", text.as_deref().unwrap_or("")));
    }
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "UPDATE ideas SET status = COALESCE(?3, status), \
                   official_answer = CASE WHEN ?4 = 1 THEN ?5 ELSE official_answer END, \
                   answered_at = CASE WHEN ?4 = 1 THEN ?6 ELSE answered_at END \
                 WHERE id = ?1 AND widget_id IN \
                   (SELECT id FROM widgets WHERE city_id = ?2 AND archived_at IS NULL)",
                &[
                    Arg::Int(idea_id),
                    Arg::Int(staff.city_id),
                    status.as_deref().into(),
                    Arg::Int(answer_given),
                    answer_text.into(),
                    Arg::Int(ctx.now),
                ],
            )?,
            audit::record_for_items(
                ctx,
                &staff,
                &format!("[{idea_id}]"),
                "[]",
                AuditAction::IdeaAnswered,
                &detail,
            )?,
        ])
        .await?;
    let changed = results
        .first()
        .map(|result| result.meta())
        .transpose()?
        .flatten()
        .and_then(|meta| meta.changes)
        .unwrap_or(0);
    if changed == 0 {
        return Err(ApiError::NotFound("no such idea"));
    }
    let row: Option<IdeaRow> = first(query(
        &ctx.db,
        &format!("SELECT {COLUMNS} FROM ideas i WHERE i.id = ?1"),
        &[Arg::Int(idea_id)],
    )?)
    .await?;
    let idea = row
        .map(StaffIdea::from)
        .ok_or(ApiError::NotFound("no such idea"))?;
    crate::public::fragment_cache::purge(ctx, &[&idea.widget_id]).await;
    Reply::json(200, &idea)
}
