//! The audit log (migration 0008): entries are written in the same D1 batch
//! as the change they record, and read per widget. No route edits or
//! deletes them, and the database refuses it anyway.

use crate::context::Ctx;
use crate::db::{Arg, all, query};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::member::Staff;
use crate::staff::session::require;
use parvis_model::audit::{AuditAction, AuditEntry};
use parvis_model::role::Role;
use parvis_model::time::format_rfc3339;
use parvis_model::wire::WireName;
use serde::Deserialize;
use worker::D1PreparedStatement;

/// The columns every entry starts with, as `?1` to `?7`: the city, who
/// (id, name, role as they are now), what, the details, when.
const WHO_WHAT_WHEN: &str = "?1, ?2, ?3, ?4, ?5, ?6, ?7";

fn who_what_when<'a>(
    ctx: &Ctx,
    staff: &'a Staff,
    action: AuditAction,
    detail: &'a str,
) -> Vec<Arg<'a>> {
    vec![
        Arg::Int(staff.city_id),
        Arg::Int(staff.id),
        Arg::Text(&staff.display_name),
        Arg::Text(staff.role.wire_name()),
        Arg::Text(action.wire_name()),
        Arg::Text(detail),
        Arg::Int(ctx.now),
    ]
}

/// The statement that records `action` by `staff` on `widget`.
pub fn record(
    ctx: &Ctx,
    staff: &Staff,
    widget: &str,
    action: AuditAction,
    detail: &str,
) -> Result<D1PreparedStatement, ApiError> {
    let mut args = who_what_when(ctx, staff, action, detail);
    args.push(Arg::Text(widget));
    query(
        &ctx.db,
        &format!(
            "INSERT INTO audit_log (city_id, staff_id, staff_name, staff_role, action, detail, \
               at, widget_id) VALUES ({WHO_WHAT_WHEN}, ?8)"
        ),
        &args,
    )
}

/// The statement that records a city-wide `action` by `staff` (no widget:
/// invitation code sets serve several).
pub fn record_for_city(
    ctx: &Ctx,
    staff: &Staff,
    action: AuditAction,
    detail: &str,
) -> Result<D1PreparedStatement, ApiError> {
    query(
        &ctx.db,
        &format!(
            "INSERT INTO audit_log (city_id, staff_id, staff_name, staff_role, action, detail, \
               at) VALUES ({WHO_WHAT_WHEN})"
        ),
        &who_what_when(ctx, staff, action, detail),
    )
}

/// The statement that records `action` by `staff` once on each widget of
/// the city that holds one of these ideas or comments (ids as JSON arrays).
pub fn record_for_items(
    ctx: &Ctx,
    staff: &Staff,
    ideas: &str,
    comments: &str,
    action: AuditAction,
    detail: &str,
) -> Result<D1PreparedStatement, ApiError> {
    let mut args = who_what_when(ctx, staff, action, detail);
    args.extend([Arg::Text(ideas), Arg::Text(comments)]);
    query(
        &ctx.db,
        &format!(
            "INSERT INTO audit_log (city_id, staff_id, staff_name, staff_role, action, detail, \
               at, widget_id) \
             SELECT {WHO_WHAT_WHEN}, widget_id FROM \
               (SELECT widget_id FROM ideas WHERE id IN (SELECT value FROM json_each(?8)) \
                UNION SELECT widget_id FROM comments WHERE id IN (SELECT value FROM json_each(?9))) \
             WHERE widget_id IN (SELECT id FROM widgets WHERE city_id = ?1)"
        ),
        &args,
    )
}

#[derive(Deserialize)]
struct EntryRow {
    at: i64,
    staff_name: String,
    staff_role: Role,
    action: AuditAction,
    detail: String,
}

impl From<EntryRow> for AuditEntry {
    fn from(row: EntryRow) -> AuditEntry {
        AuditEntry {
            at: format_rfc3339(row.at),
            staff_name: row.staff_name,
            staff_role: row.staff_role,
            action: row.action,
            detail: row.detail,
        }
    }
}

/// A widget's entries, oldest first (the widget must be the staff's city's).
pub async fn entries(ctx: &Ctx, city_id: i64, widget: &str) -> Result<Vec<AuditEntry>, ApiError> {
    let rows: Vec<EntryRow> = all(query(
        &ctx.db,
        "SELECT at, staff_name, staff_role, action, detail FROM audit_log \
         WHERE widget_id = ?1 AND city_id = ?2 ORDER BY id",
        &[Arg::Text(widget), Arg::Int(city_id)],
    )?)
    .await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}

/// How many city-wide entries `GET /v1/staff/audit` gives, newest first.
const CITY_ENTRIES: i64 = 200;

/// `GET /v1/staff/audit` (admins): the city-wide entries, those about no
/// one widget (invitation code sets), newest first.
pub async fn city_list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let rows: Vec<EntryRow> = all(query(
        &ctx.db,
        "SELECT at, staff_name, staff_role, action, detail FROM audit_log \
         WHERE widget_id IS NULL AND city_id = ?1 ORDER BY id DESC LIMIT ?2",
        &[Arg::Int(staff.city_id), Arg::Int(CITY_ENTRIES)],
    )?)
    .await?;
    let entries: Vec<AuditEntry> = rows.into_iter().map(AuditEntry::from).collect();
    Reply::json(200, &entries)
}

/// `GET /v1/staff/widgets/{id}/audit`.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let widget = crate::staff::staff_widgets::load(ctx, &staff, ctx.param("id")).await?;
    Reply::json(200, &entries(ctx, staff.city_id, &widget.id).await?)
}
