//! Comment threads: list, post, delete one's own, support, report.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query, rows_of, run};
use crate::error::ApiError;
use crate::public::supports::{Supported, set_support};
use crate::reply::Reply;
use parvis_model::WidgetKind;
use parvis_model::comments::{
    CommentSubmission, CommentView, REPLIES_SHOWN, ReplyPage, ReportRequest, validate_comment,
    validate_report,
};
use parvis_model::ideas::{SupportState, Visibility};
use parvis_model::paging::{Cursor, Page, Slice};
use parvis_model::role::Role;
use parvis_model::time::format_rfc3339;
use serde::Deserialize;

/// Columns of a comment as residents see it; `?2` is the asking voter's hash.
const COMMENT_COLUMNS: &str = "c.id, c.parent_id, c.body, c.display_name, c.staff_role, c.visibility, \
    c.deleted, c.supports, c.created_at, (c.voter_hash = ?2) AS mine, \
    EXISTS (SELECT 1 FROM comment_supports s WHERE s.comment_id = c.id AND s.voter_hash = ?2) \
    AS supported_by_me";

/// Comments a voter may see: published ones and their own awaiting
/// moderation; a deleted comment only while it has a visible reply.
const VISIBLE_TO_VOTER: &str = "(c.visibility = 'published' \
    OR (c.visibility = 'pending' AND c.voter_hash = ?2)) \
    AND (c.deleted = 0 OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id \
         AND r.deleted = 0 AND r.visibility = 'published'))";

#[derive(Deserialize)]
struct CommentRow {
    id: i64,
    parent_id: Option<i64>,
    body: String,
    display_name: Option<String>,
    staff_role: Option<Role>,
    visibility: Visibility,
    deleted: u8,
    supports: u64,
    created_at: i64,
    mine: u8,
    supported_by_me: u8,
}

impl From<CommentRow> for CommentView {
    fn from(row: CommentRow) -> CommentView {
        CommentView {
            id: row.id,
            parent_id: row.parent_id,
            body: row.body,
            display_name: row.display_name,
            city_reply: row.staff_role,
            visibility: row.visibility,
            deleted: row.deleted != 0,
            supports: row.supports,
            supported_by_me: row.supported_by_me != 0,
            mine: row.mine != 0,
            created_at: format_rfc3339(row.created_at),
            replies: Vec::new(),
            reply_count: 0,
        }
    }
}

/// `GET /v1/widgets/{id}/comments?page=&per_page=`: top-level comments,
/// newest first, each with its replies, oldest first.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    ctx.widget()?.require_kind(WidgetKind::Comments)?;
    let slice = Slice::parse(
        ctx.query("page").as_deref(),
        ctx.query("per_page").as_deref(),
        ctx.query("after").as_deref(),
    )
    .map_err(ApiError::InvalidQuery)?;
    Reply::json(200, &page(ctx, slice).await?)
}

/// The first page, as the list answers it with no parameters (the
/// server-rendered fragment shows it).
pub async fn first_page(ctx: &Ctx) -> Result<Page<CommentView>, ApiError> {
    let slice = Slice::parse(None, None, None).map_err(ApiError::InvalidQuery)?;
    page(ctx, slice).await
}

/// Top-level comments, newest first: a numbered page, or those older than
/// the cursor (an index seek at any depth).
async fn page(ctx: &Ctx, slice: Slice) -> Result<Page<CommentView>, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Comments)?;
    let voter = ctx.voter_or_nobody();
    let rows: Vec<CommentRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c WHERE c.widget_id = ?1 \
             AND c.parent_id IS NULL AND {VISIBLE_TO_VOTER} AND c.id < ?5 \
             ORDER BY c.id DESC LIMIT ?3 OFFSET ?4"
        ),
        &[
            Arg::Text(&widget.id),
            Arg::Text(voter),
            Arg::Int(slice.limit()),
            Arg::Int(slice.offset() as i64),
            Arg::Int(slice.cursor().map_or(1 << 53, |c| c.id)),
        ],
    )?)
    .await?;
    let mut items: Vec<CommentView> = rows.into_iter().map(CommentView::from).collect();
    // The extra row read to know whether more follow gets no replies.
    let shown = items.len().min(slice.per_page() as usize);
    add_first_replies(ctx, &mut items[..shown]).await?;
    #[derive(Deserialize)]
    struct Total {
        total: u64,
    }
    let total: Option<Total> = first(query(
        &ctx.db,
        &format!(
            "SELECT COUNT(*) AS total FROM comments c WHERE c.widget_id = ?1 \
             AND c.parent_id IS NULL AND {VISIBLE_TO_VOTER}"
        ),
        &[Arg::Text(&widget.id), Arg::Text(voter)],
    )?)
    .await?;
    let cursor = |comment: &CommentView| Cursor {
        rank: None,
        id: comment.id,
    };
    Ok(slice.wrap(items, total.map_or(0, |t| t.total), cursor))
}

/// Replies a voter may see: published, and their own awaiting moderation.
const REPLY_VISIBLE: &str = "c.deleted = 0 \
    AND (c.visibility = 'published' OR (c.visibility = 'pending' AND c.voter_hash = ?2))";

#[derive(Deserialize)]
struct ReplyCount {
    parent_id: i64,
    count: u64,
}

/// Gives each comment its first [`REPLIES_SHOWN`] replies and its count of
/// them: two reads for the whole page, however many replies there are.
async fn add_first_replies(ctx: &Ctx, items: &mut [CommentView]) -> Result<(), ApiError> {
    if items.is_empty() {
        return Ok(());
    }
    let widget = ctx.widget()?;
    let voter = ctx.voter_or_nobody();
    let parent_ids = serde_json::to_string(&items.iter().map(|c| c.id).collect::<Vec<_>>())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let args = [
        Arg::Text(&widget.id),
        Arg::Text(voter),
        Arg::Text(&parent_ids),
        Arg::Int(i64::from(REPLIES_SHOWN)),
    ];
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                &format!(
                    "SELECT {COMMENT_COLUMNS} FROM (SELECT c.*, ROW_NUMBER() OVER \
                       (PARTITION BY c.parent_id ORDER BY c.id) AS n FROM comments c \
                       WHERE c.widget_id = ?1 AND c.parent_id IN (SELECT value FROM json_each(?3)) \
                       AND {REPLY_VISIBLE}) c \
                     WHERE c.n <= ?4 ORDER BY c.id"
                ),
                &args,
            )?,
            query(
                &ctx.db,
                &format!(
                    "SELECT c.parent_id, COUNT(*) AS count FROM comments c WHERE c.widget_id = ?1 \
                     AND c.parent_id IN (SELECT value FROM json_each(?3)) AND {REPLY_VISIBLE} \
                     GROUP BY c.parent_id"
                ),
                &args[..3],
            )?,
        ])
        .await?;
    let replies: Vec<CommentRow> = rows_of(&results, 0)?;
    let counts: Vec<ReplyCount> = rows_of(&results, 1)?;
    for reply in replies {
        if let Some(parent) = items.iter_mut().find(|c| Some(c.id) == reply.parent_id) {
            parent.replies.push(reply.into());
        }
    }
    for count in counts {
        if let Some(parent) = items.iter_mut().find(|c| c.id == count.parent_id) {
            parent.reply_count = count.count;
        }
    }
    Ok(())
}

/// `GET /v1/widgets/{id}/comments/{comment}/replies?after=`: the replies
/// to a top-level comment after reply `after` (0 for the first), oldest
/// first, [`REPLIES_SHOWN`] at a time: by id, however deep the thread.
pub async fn list_replies(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Comments)?;
    let comment_id = ctx.id_param("comment")?;
    let after = match ctx.query("after") {
        None => 0,
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|after| (0..1 << 53).contains(after))
            .ok_or_else(|| ApiError::InvalidQuery("after must be a reply id".to_owned()))?,
    };
    let parent = load(ctx, comment_id).await?;
    if parent.parent_id.is_some() {
        return Err(ApiError::NotFound("no such comment"));
    }
    let shown = i64::from(REPLIES_SHOWN);
    let rows: Vec<CommentRow> = all(query(
        &ctx.db,
        &format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c WHERE c.widget_id = ?1 AND c.parent_id = ?3 \
             AND c.id > ?4 AND {REPLY_VISIBLE} ORDER BY c.id LIMIT ?5"
        ),
        &[
            Arg::Text(&widget.id),
            Arg::Text(ctx.voter_or_nobody()),
            Arg::Int(comment_id),
            Arg::Int(after),
            Arg::Int(shown + 1),
        ],
    )?)
    .await?;
    let more = rows.len() as i64 > shown;
    let items = rows
        .into_iter()
        .take(REPLIES_SHOWN as usize)
        .map(CommentView::from)
        .collect();
    Reply::json(200, &ReplyPage { items, more })
}

/// Loads one comment of this widget as the asking voter sees it.
async fn load(ctx: &Ctx, comment_id: i64) -> Result<CommentView, ApiError> {
    let row: Option<CommentRow> = first(query(
        &ctx.db,
        &format!(
            "SELECT {COMMENT_COLUMNS} FROM comments c WHERE c.widget_id = ?1 AND c.id = ?3 \
             AND (c.visibility = 'published' OR (c.visibility = 'pending' AND c.voter_hash = ?2))"
        ),
        &[
            Arg::Text(&ctx.widget()?.id),
            Arg::Text(ctx.voter_or_nobody()),
            Arg::Int(comment_id),
        ],
    )?)
    .await?;
    row.map(CommentView::from)
        .ok_or(ApiError::NotFound("no such comment"))
}

/// `POST /v1/widgets/{id}/comments`: 201 with the comment, `visibility`
/// telling whether it awaits moderation. A reply to a reply joins the
/// top-level comment's thread.
pub async fn post(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Comments)?;
    let submission: CommentSubmission = ctx.json()?;
    widget.require_open(ctx.now)?;
    let comment = validate_comment(&submission)?;
    let parent_id = match submission.parent_id {
        None => None,
        Some(parent_id) => {
            let parent = load(ctx, parent_id).await?;
            if parent.visibility != Visibility::Published || parent.deleted {
                return Err(ApiError::Conflict("this comment cannot be replied to"));
            }
            Some(parent.parent_id.unwrap_or(parent.id))
        }
    };
    #[derive(Deserialize)]
    struct Created {
        id: i64,
    }
    let created: Option<Created> = first(query(
        &ctx.db,
        "INSERT INTO comments (widget_id, parent_id, voter_hash, body, display_name, visibility, \
           created_at, client_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (client_key) WHERE client_key IS NOT NULL \
         DO UPDATE SET client_key = excluded.client_key RETURNING id",
        &[
            Arg::Text(&widget.id),
            parent_id.into(),
            Arg::Text(ctx.voter()?),
            Arg::Text(&comment.body),
            comment.display_name.as_deref().into(),
            Arg::Text(widget.new_item_visibility()),
            Arg::Int(ctx.now),
            // With an idempotency key, the row it already created is found, not doubled.
            ctx.idempotency_key.as_deref().into(),
        ],
    )?)
    .await?;
    let id = created
        .ok_or_else(|| ApiError::Internal("insert returned no id".to_owned()))?
        .id;
    Reply::json(201, &load(ctx, id).await?)
}

/// `DELETE /v1/widgets/{id}/comments/{comment}`: the author erases their
/// comment; its place stays while it has replies.
pub async fn delete(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    ctx.widget()?.require_kind(WidgetKind::Comments)?;
    let comment_id = ctx.id_param("comment")?;
    let erased = run(query(
        &ctx.db,
        "UPDATE comments SET body = '', display_name = NULL, deleted = 1 \
         WHERE id = ?1 AND widget_id = ?2 AND voter_hash = ?3 AND deleted = 0",
        &[
            Arg::Int(comment_id),
            Arg::Text(&ctx.widget()?.id),
            Arg::Text(ctx.voter()?),
        ],
    )?)
    .await?;
    if erased == 0 {
        return Err(ApiError::NotFound("no such comment of yours"));
    }
    // A deleted comment leaves the shared first view at once.
    crate::public::fragment_cache::purge(ctx, &[&ctx.widget()?.id]).await;
    Ok(Reply::no_content())
}

/// `PUT` (support) and `DELETE` (withdraw) `…/comments/{comment}/support`.
pub async fn support(ctx: &mut Ctx, add: bool) -> Result<Reply, ApiError> {
    let widget = ctx.widget()?;
    widget.require_kind(WidgetKind::Comments)?;
    widget.require_open(ctx.now)?;
    let comment_id = ctx.id_param("comment")?;
    let comment = load(ctx, comment_id).await?;
    if comment.visibility != Visibility::Published || comment.deleted {
        return Err(ApiError::Conflict("this comment cannot be supported"));
    }
    set_support(ctx, Supported::Comment, comment_id, add).await?;
    let comment = load(ctx, comment_id).await?;
    Reply::json(
        200,
        &SupportState {
            supports: comment.supports,
            supported_by_me: comment.supported_by_me,
        },
    )
}

/// `POST …/comments/{comment}/reports`: one report per voter per comment; a
/// repeat changes nothing. Enough distinct reports hide the comment (a
/// database trigger does it in the same transaction).
pub async fn report(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    ctx.widget()?.require_kind(WidgetKind::Comments)?;
    let report: ReportRequest = ctx.json()?;
    let details = validate_report(&report)?;
    let comment_id = ctx.id_param("comment")?;
    let comment = load(ctx, comment_id).await?;
    if comment.deleted {
        return Err(ApiError::Conflict("this comment was deleted"));
    }
    let reason = serde_json::to_value(report.reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    // The reporter's network goes with the report: only reports from
    // distinct networks hide a comment (the trigger counts them).
    let network = ctx.network_hash()?;
    run(query(
        &ctx.db,
        "INSERT INTO comment_reports \
           (comment_id, voter_hash, reason, details, created_at, network_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        &[
            Arg::Int(comment_id),
            Arg::Text(ctx.voter()?),
            Arg::Text(&reason),
            details.as_deref().into(),
            Arg::Int(ctx.now),
            Arg::Text(&network),
        ],
    )?)
    .await?;
    Ok(Reply::no_content())
}
