//! `GET /v1/widgets/{id}`, and loading a widget for every public route
//! (the row itself is `crate::widget_row`).

use crate::context::Ctx;
use crate::db::{Arg, all, first, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::widget_row::WidgetRow;
use parvis_model::participation::ParticipationLevel;
use parvis_model::time::format_rfc3339;
use parvis_model::{PollOption, WidgetKind, WidgetView};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, D1Result};

/// Loads a public widget, or `None` when no public widget has that id
/// (drafts and archived widgets are not public).
pub async fn load(db: &D1Database, id: &str) -> Result<Option<WidgetRow>, ApiError> {
    first(query(
        db,
        "SELECT w.id, w.city_id, w.kind, w.title, w.description, w.status, w.opens_at, \
           w.closes_at, w.results_visibility, w.moderation, w.min_choices, w.max_choices, \
           w.network_daily_cap, \
           COALESCE(w.lang, (SELECT c.default_lang FROM cities c WHERE c.id = w.city_id), 'fr') \
             AS lang, \
           (SELECT c.name FROM cities c WHERE c.id = w.city_id) AS city_name, \
           w.participation, w.code_set_id, \
           (SELECT p.display_name FROM identity_providers p WHERE p.city_id = w.city_id) \
             AS identity_provider, \
           (SELECT group_concat(o.origin, ' ') FROM city_origins o WHERE o.city_id = w.city_id) \
             AS origins, \
           (SELECT c.theme FROM cities c WHERE c.id = w.city_id) AS city_theme, \
           (SELECT group_concat(p.id, ' ') FROM \
              (SELECT id FROM poll_options WHERE widget_id = w.id ORDER BY position, id) p) \
             AS option_ids \
         FROM widgets w WHERE w.id = ?1 AND w.status != 'draft' AND w.archived_at IS NULL",
        &[Arg::Text(id)],
    )?)
    .await
}

#[derive(Deserialize)]
struct OptionRow {
    id: String,
    label: String,
    count: u64,
}

/// A poll's options in display order, each with its count of ballots (kept
/// by the database as ballots come and go: migration 0013).
const OPTIONS_WITH_COUNTS: &str = "SELECT o.id, o.label, o.votes AS count \
     FROM poll_options o WHERE o.widget_id = ?1 ORDER BY o.position, o.id";

impl From<OptionRow> for PollOption {
    fn from(row: OptionRow) -> PollOption {
        PollOption {
            id: row.id,
            label: row.label,
            count: Some(row.count),
        }
    }
}

/// A poll's options in display order, each with its count of ballots.
pub async fn load_options(db: &D1Database, id: &str) -> Result<Vec<PollOption>, ApiError> {
    let rows: Vec<OptionRow> = all(query(db, OPTIONS_WITH_COUNTS, &[Arg::Text(id)])?).await?;
    Ok(rows.into_iter().map(PollOption::from).collect())
}

/// A poll's ballot totals: all of them, and this voter's (0 or 1).
#[derive(Deserialize)]
struct Totals {
    total: u64,
    mine: u64,
}

/// The two reads a poll's view needs (options with counts, totals), to run
/// in one D1 batch, alone or after the statements of a write.
pub fn poll_reads(ctx: &Ctx, widget_id: &str) -> Result<Vec<D1PreparedStatement>, ApiError> {
    Ok(vec![
        query(&ctx.db, OPTIONS_WITH_COUNTS, &[Arg::Text(widget_id)])?,
        query(
            &ctx.db,
            "SELECT w.ballots AS total, EXISTS (SELECT 1 FROM ballots b \
               WHERE b.widget_id = ?1 AND b.voter_hash = ?2) AS mine \
             FROM widgets w WHERE w.id = ?1",
            &[Arg::Text(widget_id), Arg::Text(ctx.voter_or_nobody())],
        )?,
    ])
}

/// The resident's view of the widget, hiding counts as its results
/// visibility requires for this voter. A poll's reads go in one batch.
pub async fn view(ctx: &Ctx) -> Result<WidgetView, ApiError> {
    let widget = ctx.widget()?;
    if widget.kind != WidgetKind::Poll {
        return Ok(view_of(ctx, widget, Vec::new(), None));
    }
    let results = ctx.db.batch(poll_reads(ctx, &widget.id)?).await?;
    view_from_poll_reads(ctx, &results)
}

/// The view from the results of [`poll_reads`], the last two of `results`.
pub fn view_from_poll_reads(ctx: &Ctx, results: &[D1Result]) -> Result<WidgetView, ApiError> {
    let [.., options, totals] = results else {
        return Err(ApiError::Internal(
            "poll reads missing from the batch".to_owned(),
        ));
    };
    let options: Vec<OptionRow> = options.results()?;
    let totals: Option<Totals> = totals.results::<Totals>()?.into_iter().next();
    let options = options.into_iter().map(PollOption::from).collect();
    Ok(view_of(ctx, ctx.widget()?, options, totals))
}

fn view_of(
    ctx: &Ctx,
    widget: &WidgetRow,
    mut options: Vec<PollOption>,
    totals: Option<Totals>,
) -> WidgetView {
    let status = widget.effective_status(ctx.now);
    let mut has_voted = false;
    let mut total_ballots = None;
    if widget.kind == WidgetKind::Poll {
        let totals = totals.unwrap_or(Totals { total: 0, mine: 0 });
        has_voted = totals.mine > 0;
        if widget.results_visibility.shows_results(status, has_voted) {
            total_ballots = Some(totals.total);
        } else {
            options.iter_mut().for_each(|option| option.count = None);
        }
    }
    WidgetView {
        id: widget.id.clone(),
        kind: widget.kind,
        title: widget.title.clone(),
        description: widget.description.clone(),
        status,
        opens_at: widget.opens_at.map(format_rfc3339),
        closes_at: widget.closes_at.map(format_rfc3339),
        moderation: widget.moderation,
        min_choices: widget.min_choices,
        max_choices: widget.max_choices,
        results_visibility: widget.results_visibility,
        has_voted,
        total_ballots,
        options,
        participation: widget.participation,
        identity_provider: widget
            .identity_provider
            .clone()
            .filter(|_| widget.participation == ParticipationLevel::Verified),
        lang: widget.lang,
        theme: widget.theme(),
    }
}

/// `GET /v1/widgets/{id}`.
pub async fn read(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    Reply::json(200, &view(ctx).await?)
}
