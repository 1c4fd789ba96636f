//! Idea boxes: list, submit, support and withdraw.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::public::supports::{Supported, set_support};
use crate::reply::Reply;
use parvis_model::WidgetKind;
use parvis_model::ideas::{
    IdeaSort, IdeaStatus, IdeaSubmission, IdeaView, SupportState, Visibility, validate_idea,
};
use parvis_model::paging::{Cursor, Page, Slice};
use parvis_model::time::format_rfc3339;
use serde::Deserialize;

/// Columns of an idea as residents see it; `?2` is the asking voter's hash.
const IDEA_COLUMNS: &str = "i.id, i.title, i.description, i.display_name, i.status, \
    i.visibility, i.supports, i.official_answer, i.created_at, (i.voter_hash = ?2) AS mine, \
    EXISTS (SELECT 1 FROM idea_supports s WHERE s.idea_id = i.id AND s.voter_hash = ?2) \
    AS supported_by_me";

/// Ideas a voter may see: published ones, and their own awaiting moderation.
const VISIBLE_TO_VOTER: &str =
    "(i.visibility = 'published' OR (i.visibility = 'pending' AND i.voter_hash = ?2))";

#[derive(Deserialize)]
struct IdeaRow {
    id: i64,
    title: String,
    description: String,
    display_name: Option<String>,
    status: IdeaStatus,
    visibility: Visibility,
    supports: u64,
    official_answer: Option<String>,
    created_at: i64,
    mine: u8,
    supported_by_me: u8,
}

impl From<IdeaRow> for IdeaView {
    fn from(row: IdeaRow) -> IdeaView {
        IdeaView {
            id: row.id,
            title: row.title,
            description: row.description,
            display_name: row.display_name,
            status: row.status,
            visibility: row.visibility,
            supports: row.supports,
            supported_by_me: row.supported_by_me != 0,
            mine: row.mine != 0,
            official_answer: row.official_answer,
            created_at: format_rfc3339(row.created_at),
        }
    }
}

/// `GET /v1/widgets/{id}/ideas?sort=top|newest&page=&per_page=`.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    ctx.widget()?.require_kind(WidgetKind::Ideas)?;
    let sort = match ctx.query("sort").as_deref() {
        None | Some("top") => IdeaSort::Top,
        Some("newest") => IdeaSort::Newest,
        Some(_) => {
            return Err(ApiError::InvalidQuery(
                "sort must be top or newest".to_owned(),
            ));
        }
    };
    let slice = Slice::parse(
        ctx.query("page").as_deref(),
        ctx.query("per_page").as_deref(),
        ctx.query("after").as_deref(),
    )
    .map_err(ApiError::InvalidQuery)?;
    Reply::json(200, &page(ctx, sort, slice).await?)
}

/// The first page by supports, as the list answers it with no parameters
/// (the server-rendered fragment shows it).
pub async fn first_page(ctx: &Ctx) -> Result<Page<IdeaView>, ApiError> {
    ctx.widget()?.require_kind(WidgetKind::Ideas)?;
    let slice = Slice::parse(None, None, None).map_err(ApiError::InvalidQuery)?;
    page(ctx, IdeaSort::Top, slice).await
}

/// Ideas by supports (ties newest first) or newest first: a numbered page,
/// or those after the cursor (`supports.id` or `id`), an index seek at any
/// depth.
async fn page(ctx: &Ctx, sort: IdeaSort, slice: Slice) -> Result<Page<IdeaView>, ApiError> {
    let widget = ctx.widget()?;
    let (order, after) = match sort {
        IdeaSort::Top => (
            "i.supports DESC, i.id DESC",
            "(i.supports < ?5 OR (i.supports = ?5 AND i.id < ?6))",
        ),
        IdeaSort::Newest => ("i.id DESC", "(?5 >= 0 AND i.id < ?6)"),
    };
    let (rank, id) = match (slice.cursor(), sort) {
        (Some(cursor), IdeaSort::Top) => (
            cursor.rank.ok_or_else(|| {
                ApiError::InvalidQuery("after must be a next_after of this sort".to_owned())
            })?,
            cursor.id,
        ),
        (Some(cursor), IdeaSort::Newest) => (0, cursor.id),
        (None, _) => (1 << 53, 1 << 53),
    };
    let voter = ctx.voter_or_nobody();
    let rows: Vec<IdeaRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.widget_id = ?1 AND {VISIBLE_TO_VOTER} \
             AND {after} ORDER BY {order} LIMIT ?3 OFFSET ?4"
        ),
        &[
            Arg::Text(&widget.id),
            Arg::Text(voter),
            Arg::Int(slice.limit()),
            Arg::Int(slice.offset() as i64),
            Arg::Int(rank),
            Arg::Int(id),
        ],
    )?)
    .await?;
    #[derive(Deserialize)]
    struct Total {
        total: u64,
    }
    let total: Option<Total> = first(query(
        &ctx.db,
        &format!(
            "SELECT COUNT(*) AS total FROM ideas i WHERE i.widget_id = ?1 AND {VISIBLE_TO_VOTER}"
        ),
        &[Arg::Text(&widget.id), Arg::Text(voter)],
    )?)
    .await?;
    let items: Vec<IdeaView> = rows.into_iter().map(IdeaView::from).collect();
    let cursor = |idea: &IdeaView| Cursor {
        rank: (sort == IdeaSort::Top).then_some(idea.supports as i64),
        id: idea.id,
    };
    Ok(slice.wrap(items, total.map_or(0, |t| t.total), cursor))
}

/// Loads one idea as the asking voter sees it.
async fn load(ctx: &Ctx, idea_id: i64) -> Result<IdeaView, ApiError> {
    let row: Option<IdeaRow> = first(query(
        &ctx.db,
        &format!(
            "SELECT {IDEA_COLUMNS} FROM ideas i WHERE i.widget_id = ?1 AND i.id = ?3 \
             AND {VISIBLE_TO_VOTER}"
        ),
        &[
            Arg::Text(&ctx.widget()?.id),
            Arg::Text(ctx.voter_or_nobody()),
            Arg::Int(idea_id),
        ],
    )?)
    .await?;
    row.map(IdeaView::from)
        .ok_or(ApiError::NotFound("no such idea"))
}

/// `POST /v1/widgets/{id}/ideas`: 201 with the idea, `visibility` telling
/// whether it awaits moderation.
pub async fn submit(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Ideas)?;
    let submission: IdeaSubmission = ctx.json()?;
    widget.require_open(ctx.now)?;
    let idea = validate_idea(&submission)?;
    #[derive(Deserialize)]
    struct Created {
        id: i64,
    }
    let network = ctx.network_hash()?;
    let created: Option<Created> = first(query(
        &ctx.db,
        "INSERT INTO ideas (widget_id, voter_hash, title, description, display_name, visibility, \
           created_at, client_key, network_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (client_key) WHERE client_key IS NOT NULL \
         DO UPDATE SET client_key = excluded.client_key RETURNING id",
        &[
            Arg::Text(&widget.id),
            Arg::Text(ctx.voter()?),
            Arg::Text(&idea.title),
            Arg::Text(&idea.description),
            idea.display_name.as_deref().into(),
            Arg::Text(widget.new_item_visibility()),
            Arg::Int(ctx.now),
            // With an idempotency key, the row it already created is found, not doubled.
            ctx.idempotency_key.as_deref().into(),
            Arg::Text(&network),
        ],
    )?)
    .await?;
    let id = created
        .ok_or_else(|| ApiError::Internal("insert returned no id".to_owned()))?
        .id;
    Reply::json(201, &load(ctx, id).await?)
}

/// `PUT` (support) and `DELETE` (withdraw) `…/ideas/{idea}/support`: both
/// idempotent, both answer the idea's support state.
pub async fn support(ctx: &mut Ctx, add: bool) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Ideas)?;
    widget.require_open(ctx.now)?;
    let idea_id = ctx.id_param("idea")?;
    let idea = load(ctx, idea_id).await?;
    if idea.visibility != Visibility::Published {
        return Err(ApiError::Conflict(
            "an idea awaiting moderation cannot be supported yet",
        ));
    }
    set_support(ctx, Supported::Idea, idea_id, add).await?;
    let idea = load(ctx, idea_id).await?;
    Reply::json(
        200,
        &SupportState {
            supports: idea.supports,
            supported_by_me: idea.supported_by_me,
        },
    )
}
