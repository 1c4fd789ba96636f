//! `/v1/staff/widgets/{id}/results` and `/export`: a widget's results, its
//! participation per day and its most supported ideas, as the results page
//! shows them and the exports give them.

use crate::context::Ctx;
use crate::db::{Arg, all, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::participation;
use crate::staff::session::require;
use crate::staff::staff_widgets::load;
use parvis_model::results::{DayCount, OptionResult, WidgetResults};
use parvis_model::staff::{StaffIdea, StaffWidget};
use parvis_model::{WidgetKind, percentages};
use serde::Deserialize;

/// Participation per day for a widget.
async fn per_day(ctx: &Ctx, widget: &StaffWidget) -> Result<Vec<DayCount>, ApiError> {
    let table = match widget.kind {
        WidgetKind::Poll => "ballots",
        WidgetKind::Ideas => "ideas",
        WidgetKind::Comments => "comments",
    };
    #[derive(Deserialize)]
    struct Row {
        day: String,
        count: u64,
    }
    let rows: Vec<Row> = all(query(
        &ctx.db,
        &format!(
            "SELECT strftime('%Y-%m-%d', created_at, 'unixepoch') AS day, COUNT(*) AS count \
             FROM {table} WHERE widget_id = ?1 GROUP BY day ORDER BY day"
        ),
        &[Arg::Text(&widget.id)],
    )?)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DayCount {
            day: r.day,
            count: r.count,
        })
        .collect())
}

/// The ideas the results page ranks: the most supported, ties oldest first.
/// Every idea is in the widget's export, which has no limit.
const TOP_IDEAS: u32 = parvis_model::results::TOP_IDEAS;

/// A widget's [`TOP_IDEAS`] most supported ideas.
async fn top_ideas(ctx: &Ctx, widget_id: &str) -> Result<Vec<StaffIdea>, ApiError> {
    crate::staff::staff_ideas::load_ideas(ctx, widget_id, "i.supports DESC, i.id", TOP_IDEAS, 0)
        .await
}

/// `GET /v1/staff/widgets/{id}/results`.
pub async fn results(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let widget = load(ctx, &staff, ctx.param("id")).await?;
    Reply::json(200, &widget_results(ctx, &widget).await?)
}

/// The results of a widget, as the results page and the JSON export give them.
pub async fn widget_results(ctx: &Ctx, widget: &StaffWidget) -> Result<WidgetResults, ApiError> {
    let per_day = per_day(ctx, widget).await?;
    let counts: Vec<u64> = widget
        .options
        .iter()
        .map(|o| o.count.unwrap_or(0))
        .collect();
    let options = widget
        .options
        .iter()
        .zip(percentages(&counts))
        .map(|(option, percent)| OptionResult {
            id: option.id.clone(),
            label: option.label.clone(),
            count: option.count.unwrap_or(0),
            percent,
            by_level: Vec::new(),
        })
        .collect();
    let (options, ballots_by_level) = match widget.kind {
        WidgetKind::Poll => participation::by_level(ctx, &widget.id, options).await?,
        _ => (options, Vec::new()),
    };
    let top_ideas = match widget.kind {
        WidgetKind::Ideas => top_ideas(ctx, &widget.id).await?,
        _ => Vec::new(),
    };
    Ok(WidgetResults {
        widget_id: widget.id.clone(),
        kind: widget.kind,
        participation: per_day.iter().map(|d| d.count).sum(),
        ballots_by_level,
        options,
        per_day,
        top_ideas,
    })
}
