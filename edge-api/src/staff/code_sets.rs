//! Invitation code sets, for admins: make one (up to 200,000 codes: only
//! its size is stored), list them with their use, download a set's codes as
//! CSV for a mail merge (derived again from the Worker's key), revoke a
//! code. Every step but the list is in the audit log.

use crate::context::Ctx;
use crate::db::{Arg, all, first, query, run};
use crate::error::ApiError;
use crate::public::invitation_codes::{derive, is_genuine};
use crate::reply::Reply;
use crate::staff::audit;
use crate::staff::exports::separator;
use crate::staff::session::require;
use parvis_model::audit::AuditAction;
use parvis_model::csv::start;
use parvis_model::participation::{
    CodeSet, InvitationCode, MAX_CODES_PER_SET, NewCodeSet, Revocation,
};
use parvis_model::text::{Lines, clean_text};
use parvis_model::time::format_rfc3339;
use parvis_model::{FieldError, FieldErrorCode};
use serde::Deserialize;

/// The longest name of a set.
const MAX_NAME: usize = 120;

#[derive(Deserialize)]
struct Row {
    id: i64,
    name: String,
    size: u32,
    revoked: u32,
    used: u32,
    created_at: i64,
}

impl From<Row> for CodeSet {
    fn from(row: Row) -> CodeSet {
        CodeSet {
            id: row.id,
            name: row.name,
            size: row.size,
            revoked: row.revoked,
            used: row.used,
            created_at: format_rfc3339(row.created_at),
        }
    }
}

const SETS: &str = "SELECT s.id, s.name, s.size, s.created_at, \
       (SELECT COUNT(*) FROM revoked_codes r WHERE r.set_id = s.id) AS revoked, \
       (SELECT COUNT(*) FROM used_codes u WHERE u.set_id = s.id) AS used \
     FROM code_sets s WHERE s.city_id = ?1";

async fn load(ctx: &Ctx, city_id: i64, set_id: i64) -> Result<CodeSet, ApiError> {
    let row: Option<Row> = first(query(
        &ctx.db,
        &format!("{SETS} AND s.id = ?2"),
        &[Arg::Int(city_id), Arg::Int(set_id)],
    )?)
    .await?;
    row.map(CodeSet::from)
        .ok_or(ApiError::NotFound("no such code set in your city"))
}

/// `GET /v1/staff/code-sets`: the city's sets, newest first.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let rows: Vec<Row> = all(query(
        &ctx.db,
        &format!("{SETS} ORDER BY s.id DESC"),
        &[Arg::Int(staff.city_id)],
    )?)
    .await?;
    let sets: Vec<CodeSet> = rows.into_iter().map(CodeSet::from).collect();
    Reply::json(200, &sets)
}

/// `POST /v1/staff/code-sets` (admins): 201 with the new set.
pub async fn create(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let new: NewCodeSet = ctx.json()?;
    let mut errors = Vec::new();
    let name = clean_text("name", &new.name, MAX_NAME, Lines::Single)
        .map_err(|error| errors.push(error))
        .ok();
    if !(1..=MAX_CODES_PER_SET).contains(&new.size) {
        errors.push(
            FieldError::new("size", FieldErrorCode::OutOfRange)
                .with_limit(MAX_CODES_PER_SET as usize),
        );
    }
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    #[derive(Deserialize)]
    struct Created {
        id: i64,
    }
    let detail = format!("{name}: {} codes", new.size);
    let results = ctx
        .db
        .batch(vec![
            query(
                &ctx.db,
                "INSERT INTO code_sets (city_id, name, size, created_at) \
                 VALUES (?1, ?2, ?3, ?4) RETURNING id",
                &[
                    Arg::Int(staff.city_id),
                    Arg::Text(&name),
                    Arg::Int(i64::from(new.size)),
                    Arg::Int(ctx.now),
                ],
            )?,
            audit::record_for_city(ctx, &staff, AuditAction::CodesCreated, &detail)?,
        ])
        .await?;
    let created: Option<Created> = results
        .first()
        .map(|r| r.results())
        .transpose()?
        .and_then(|rows: Vec<Created>| rows.into_iter().next());
    let id = created
        .ok_or_else(|| ApiError::Internal("the new set has no id".to_owned()))?
        .id;
    Reply::json(201, &load(ctx, staff.city_id, id).await?)
}

/// `GET /v1/staff/code-sets/{set}/codes?separator=` (admins): every code of
/// the set as CSV (number, code), for a mail merge.
pub async fn download(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let separator = separator(ctx)?;
    let set = load(ctx, staff.city_id, ctx.id_param("set")?).await?;
    let mut csv = start(separator, &["number", "code"]);
    let between = separator.char();
    csv.reserve(set.size as usize * 24);
    for index in 0..set.size {
        // Numbers from 1 on the letters; codes are digits and capitals only.
        let code = derive(&ctx.env, set.id, index)?;
        csv.push_str(&format!("{}{between}{}\r\n", index + 1, code.text()));
    }
    let detail = format!("{} ({} codes)", set.name, set.size);
    run(audit::record_for_city(
        ctx,
        &staff,
        AuditAction::CodesDownloaded,
        &detail,
    )?)
    .await?;
    Ok(
        Reply::with_body(200, "text/csv; charset=utf-8", csv.into_bytes()).header(
            "Content-Disposition",
            format!("attachment; filename=\"parvis-codes-{}.csv\"", set.id),
        ),
    )
}

/// `POST /v1/staff/code-sets/{set}/revocations` (admins): the code can no
/// longer vote (a ballot it already cast stays). 204, also when it was
/// already revoked.
pub async fn revoke(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let set = load(ctx, staff.city_id, ctx.id_param("set")?).await?;
    let revocation: Revocation = ctx.json()?;
    let code = InvitationCode::parse(&revocation.code)
        .filter(|code| code.index < set.size)
        .filter(|code| is_genuine(&ctx.env, set.id, *code).unwrap_or(false))
        .ok_or_else(|| FieldError::new("code", FieldErrorCode::InvalidFormat))?;
    let detail = format!("{}: n° {}", set.name, code.index + 1);
    ctx.db
        .batch(vec![
            query(
                &ctx.db,
                "INSERT INTO revoked_codes (set_id, code_index, revoked_at) \
                 SELECT id, ?2, ?3 FROM code_sets WHERE id = ?1 AND city_id = ?4 \
                 ON CONFLICT DO NOTHING",
                &[
                    Arg::Int(set.id),
                    Arg::Int(i64::from(code.index)),
                    Arg::Int(ctx.now),
                    Arg::Int(staff.city_id),
                ],
            )?,
            audit::record_for_city(ctx, &staff, AuditAction::CodeRevoked, &detail)?,
        ])
        .await?;
    Ok(Reply::no_content())
}
