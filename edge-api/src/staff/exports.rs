//! Staff exports: a widget's results, ideas or comments as CSV (UTF-8 with
//! BOM, `,` or `;`) or JSON. Ideas and comments, however many, are read and
//! sent a page at a time (`export_pages.rs`), in id order.

use crate::context::Ctx;
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::export_pages::{ExportRow, Format, export};
use crate::staff::staff_ideas::{COLUMNS, IdeaRow};
use crate::staff::widget_results::widget_results;
use parvis_model::WidgetKind;
use parvis_model::csv::{Separator, to_csv};
use parvis_model::ideas::Visibility;
use parvis_model::participation::ParticipationLevel;
use parvis_model::staff::{StaffComment, StaffIdea, StaffWidget};
use parvis_model::time::format_rfc3339;
use parvis_model::wire::WireName;
use serde::{Deserialize, Serialize};

/// The CSV separator asked for (`?separator=comma|semicolon`, comma by default).
pub fn separator(ctx: &Ctx) -> Result<Separator, ApiError> {
    match ctx.query("separator").as_deref() {
        None | Some("comma") => Ok(Separator::Comma),
        Some("semicolon") => Ok(Separator::Semicolon),
        Some(_) => Err(ApiError::InvalidQuery(
            "separator must be comma or semicolon".to_owned(),
        )),
    }
}

fn format(ctx: &Ctx) -> Result<Format, ApiError> {
    let separator = separator(ctx)?;
    match ctx.query("format").as_deref() {
        None | Some("csv") => Ok(Format::Csv(separator)),
        Some("json") => Ok(Format::Json),
        Some(_) => Err(ApiError::InvalidQuery(
            "format must be csv or json".to_owned(),
        )),
    }
}

fn label<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A comment as stored, for the export.
#[derive(Deserialize)]
struct CommentRow {
    id: i64,
    parent_id: Option<i64>,
    body: String,
    display_name: Option<String>,
    visibility: Visibility,
    deleted: u8,
    supports: u64,
    reports: u64,
    created_at: i64,
}

impl ExportRow for CommentRow {
    type View = StaffComment;
    fn page_sql() -> String {
        "SELECT id, parent_id, body, display_name, visibility, deleted, supports, reports, \
         created_at FROM comments WHERE widget_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"
            .to_owned()
    }
    const HEADER: &'static [&'static str] = &[
        "id",
        "parent_id",
        "body",
        "display_name",
        "visibility",
        "deleted",
        "supports",
        "reports",
        "created_at",
    ];

    fn id(&self) -> i64 {
        self.id
    }

    fn view(self, widget_id: &str) -> StaffComment {
        StaffComment {
            id: self.id,
            widget_id: widget_id.to_owned(),
            parent_id: self.parent_id,
            body: self.body,
            display_name: self.display_name,
            visibility: self.visibility,
            deleted: self.deleted != 0,
            supports: self.supports,
            reports: self.reports,
            created_at: format_rfc3339(self.created_at),
        }
    }

    fn cells(c: &StaffComment) -> Vec<String> {
        vec![
            c.id.to_string(),
            c.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            c.body.clone(),
            c.display_name.clone().unwrap_or_default(),
            label(&c.visibility),
            c.deleted.to_string(),
            c.supports.to_string(),
            c.reports.to_string(),
            c.created_at.clone(),
        ]
    }
}

impl ExportRow for IdeaRow {
    type View = StaffIdea;
    fn page_sql() -> String {
        format!(
            "SELECT {COLUMNS} FROM ideas i WHERE i.widget_id = ?1 AND i.id > ?2 ORDER BY i.id LIMIT ?3"
        )
    }
    const HEADER: &'static [&'static str] = &[
        "id",
        "title",
        "description",
        "display_name",
        "status",
        "visibility",
        "supports",
        "official_answer",
        "created_at",
    ];

    fn id(&self) -> i64 {
        self.id
    }

    fn view(self, _widget_id: &str) -> StaffIdea {
        StaffIdea::from(self)
    }

    fn cells(i: &StaffIdea) -> Vec<String> {
        vec![
            i.id.to_string(),
            i.title.clone(),
            i.description.clone(),
            i.display_name.clone().unwrap_or_default(),
            label(&i.status),
            label(&i.visibility),
            i.supports.to_string(),
            i.official_answer.clone().unwrap_or_default(),
            i.created_at.clone(),
        ]
    }
}

/// The widget's audit log (`?table=audit`), exported with its results.
async fn audit_export(
    ctx: &Ctx,
    city_id: i64,
    widget: &StaffWidget,
    format: Format,
) -> Result<Reply, ApiError> {
    let entries = audit::entries(ctx, city_id, &widget.id).await?;
    match format {
        Format::Json => Reply::json(200, &entries),
        Format::Csv(separator) => {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    vec![
                        e.at.clone(),
                        e.staff_name.clone(),
                        e.staff_role.wire_name().to_owned(),
                        e.action.wire_name().to_owned(),
                        e.detail.clone(),
                    ]
                })
                .collect();
            let header = ["at", "staff_name", "staff_role", "action", "detail"];
            Ok(csv(to_csv(separator, &header, &rows)))
        }
    }
}

/// `GET /v1/staff/widgets/{id}/export?format=csv|json&separator=comma|semicolon`.
pub async fn serve(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = crate::staff::session::require(ctx).await?;
    let widget = crate::staff::staff_widgets::load(ctx, &staff, ctx.param("id")).await?;
    export_reply(ctx, staff.city_id, &widget).await
}

/// The export of one widget in the format the query asks for: its results,
/// ideas or comments, or with `?table=audit` its audit log.
pub async fn export_reply(
    ctx: &Ctx,
    city_id: i64,
    widget: &StaffWidget,
) -> Result<Reply, ApiError> {
    let format = format(ctx)?;
    match ctx.query("table").as_deref() {
        None | Some("results") => {}
        Some("audit") => {
            let reply = audit_export(ctx, city_id, widget, format).await?;
            return Ok(attachment(reply, &widget.id, "audit"));
        }
        Some(_) => {
            return Err(ApiError::InvalidQuery(
                "table must be results or audit".to_owned(),
            ));
        }
    }
    // Deleting an archived widget needs a complete export made since
    // archiving: noted once the whole body is out (a `HEAD` sends none).
    let completion = (ctx.req.method() != worker::Method::Head).then_some((city_id, ctx.now));
    let (name, reply) = match (widget.kind, format) {
        (WidgetKind::Poll, Format::Json) => (
            "results",
            Reply::json(200, &widget_results(ctx, widget).await?)?,
        ),
        (WidgetKind::Poll, Format::Csv(separator)) => {
            let results = widget_results(ctx, widget).await?;
            let rows: Vec<Vec<String>> = results
                .options
                .iter()
                .map(|o| {
                    let at = |level: ParticipationLevel| {
                        let found = o.by_level.iter().find(|l| l.level == level);
                        found.map_or(0, |l| l.ballots).to_string()
                    };
                    vec![
                        o.id.clone(),
                        o.label.clone(),
                        o.count.to_string(),
                        o.percent.to_string(),
                        at(ParticipationLevel::Open),
                        at(ParticipationLevel::Code),
                        at(ParticipationLevel::Verified),
                    ]
                })
                .collect();
            let header = [
                "option_id",
                "label",
                "count",
                "percent",
                "open_ballots",
                "code_ballots",
                "verified_ballots",
            ];
            ("results", csv(to_csv(separator, &header, &rows)))
        }
        (WidgetKind::Ideas, format) => (
            "ideas",
            export::<IdeaRow>(clone_db(ctx)?, widget.id.clone(), format, completion),
        ),
        (WidgetKind::Comments, format) => (
            "comments",
            export::<CommentRow>(clone_db(ctx)?, widget.id.clone(), format, completion),
        ),
    };
    if widget.kind == WidgetKind::Poll
        && let Some((city_id, _)) = completion
    {
        // Built whole before it is sent: complete once built.
        crate::staff::lifecycle::note_exported(&ctx.db, &widget.id, city_id, ctx.now).await?;
    }
    Ok(attachment(reply, &widget.id, name))
}

/// The reply as a download named `{widget}-{name}.csv|json`.
fn attachment(reply: Reply, widget: &str, name: &str) -> Reply {
    let extension = if reply.content_type.starts_with("text/csv") {
        "csv"
    } else {
        "json"
    };
    let filename = format!("{widget}-{name}.{extension}");
    reply.header(
        "Content-Disposition",
        format!("attachment; filename=\"{filename}\""),
    )
}

/// The D1 binding again, for a streamed export to own.
fn clone_db(ctx: &Ctx) -> Result<worker::D1Database, ApiError> {
    Ok(ctx.env.d1(crate::db::BINDING)?)
}

fn csv(text: String) -> Reply {
    Reply::with_body(200, "text/csv; charset=utf-8", text.into_bytes())
}
