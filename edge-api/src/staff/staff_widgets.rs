//! `/v1/staff/widgets` and `/v1/staff/widgets/{id}`: the city's widgets
//! listed with their participation, and one widget read in full. [`load`]
//! is where every handler about one of the city's widgets starts.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::member::Staff;
use crate::staff::session::require;
use parvis_model::limits::DEFAULT_NETWORK_DAILY_CAP;
use parvis_model::participation::ParticipationLevel;
use parvis_model::staff::{StaffWidget, StaffWidgetSummary};
use parvis_model::time::format_rfc3339;
use parvis_model::{Lang, ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use serde::Deserialize;

/// How many ballots, ideas or comments a widget received, and when the last came.
const PARTICIPATION: &str = "CASE w.kind \
      WHEN 'poll' THEN w.ballots \
      WHEN 'ideas' THEN (SELECT COUNT(*) FROM ideas i WHERE i.widget_id = w.id) \
      ELSE (SELECT COUNT(*) FROM comments c WHERE c.widget_id = w.id) END";
const LAST_ACTIVITY: &str = "CASE w.kind \
      WHEN 'poll' THEN (SELECT MAX(created_at) FROM ballots b WHERE b.widget_id = w.id) \
      WHEN 'ideas' THEN (SELECT MAX(created_at) FROM ideas i WHERE i.widget_id = w.id) \
      ELSE (SELECT MAX(created_at) FROM comments c WHERE c.widget_id = w.id) END";

/// `GET /v1/staff/widgets?kind=&status=`.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let kind = ctx.query("kind").unwrap_or_default();
    let status = ctx.query("status").unwrap_or_default();
    if !["", "poll", "ideas", "comments"].contains(&kind.as_str()) {
        return Err(ApiError::InvalidQuery(
            "kind must be poll, ideas or comments".to_owned(),
        ));
    }
    if !["", "draft", "open", "closed"].contains(&status.as_str()) {
        return Err(ApiError::InvalidQuery(
            "status must be draft, open or closed".to_owned(),
        ));
    }
    #[derive(Deserialize)]
    struct Row {
        id: String,
        kind: WidgetKind,
        title: String,
        status: WidgetStatus,
        participation: u64,
        last_activity: Option<i64>,
    }
    let rows: Vec<Row> = all(query(
        &ctx.db,
        &format!(
            "SELECT w.id, w.kind, w.title, w.status, {PARTICIPATION} AS participation, \
               {LAST_ACTIVITY} AS last_activity \
             FROM widgets w WHERE w.city_id = ?1 AND (?2 = '' OR w.kind = ?2) \
               AND (?3 = '' OR w.status = ?3) ORDER BY w.updated_at DESC, w.id"
        ),
        &[
            Arg::Int(staff.city_id),
            Arg::Text(&kind),
            Arg::Text(&status),
        ],
    )?)
    .await?;
    let widgets: Vec<StaffWidgetSummary> = rows
        .into_iter()
        .map(|row| StaffWidgetSummary {
            id: row.id,
            kind: row.kind,
            title: row.title,
            status: row.status,
            participation: row.participation,
            last_activity: row.last_activity.map(format_rfc3339),
        })
        .collect();
    Reply::json(200, &widgets)
}

/// A widget's row as stored.
#[derive(Deserialize)]
struct WidgetRow {
    id: String,
    kind: WidgetKind,
    title: String,
    description: String,
    status: WidgetStatus,
    opens_at: Option<i64>,
    closes_at: Option<i64>,
    results_visibility: ResultsVisibility,
    moderation: ModerationMode,
    min_choices: u32,
    max_choices: u32,
    report_threshold: u32,
    network_daily_cap: Option<u32>,
    lang: Option<Lang>,
    participation: ParticipationLevel,
    code_set_id: Option<i64>,
    archived_at: Option<i64>,
    exported_at: Option<i64>,
    purged_at: Option<i64>,
}

/// A widget of the staff member's city, with its options and their counts.
pub async fn load(ctx: &Ctx, staff: &Staff, id: &str) -> Result<StaffWidget, ApiError> {
    let row: WidgetRow = first(query(
        &ctx.db,
        "SELECT id, kind, title, description, status, opens_at, closes_at, results_visibility, \
           moderation, min_choices, max_choices, report_threshold, network_daily_cap, \
           lang, participation, code_set_id, archived_at, exported_at, purged_at \
         FROM widgets WHERE id = ?1 AND city_id = ?2",
        &[Arg::Text(id), Arg::Int(staff.city_id)],
    )?)
    .await?
    .ok_or(ApiError::NotFound("no such widget"))?;
    let options = crate::public::widgets::load_options(&ctx.db, id).await?;
    Ok(StaffWidget {
        id: row.id,
        kind: row.kind,
        title: row.title,
        description: row.description,
        status: row.status,
        opens_at: row.opens_at.map(format_rfc3339),
        closes_at: row.closes_at.map(format_rfc3339),
        results_visibility: row.results_visibility,
        moderation: row.moderation,
        min_choices: row.min_choices,
        max_choices: row.max_choices,
        report_threshold: row.report_threshold,
        network_daily_cap: row.network_daily_cap.unwrap_or(DEFAULT_NETWORK_DAILY_CAP),
        lang: row.lang,
        participation: row.participation,
        code_set_id: row.code_set_id,
        options,
        archived_at: row.archived_at.map(format_rfc3339),
        exported_at: row.exported_at.map(format_rfc3339),
        purged_at: row.purged_at.map(format_rfc3339),
    })
}

/// `GET /v1/staff/widgets/{id}`.
pub async fn read(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    Reply::json(200, &load(ctx, &staff, ctx.param("id")).await?)
}
