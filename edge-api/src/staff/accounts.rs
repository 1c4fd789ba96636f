//! `/v1/staff/accounts`: the city's staff accounts, for admins.

use crate::context::Ctx;
use crate::crypto::PASSWORD_ITERATIONS;
use crate::db::{Arg, all, first, is_key_violation, query, run};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::member::Staff;
use crate::staff::session::{hash_password, require};
use parvis_model::accounts::{NewStaff, StaffAccount, validate_new_staff};
use parvis_model::wire::WireName;
use parvis_model::{FieldError, FieldErrorCode};

const ACCOUNT_COLUMNS: &str = "id, city_id, email, display_name, role, must_change_password";

/// `GET /v1/staff/accounts`.
pub async fn list(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let accounts: Vec<Staff> = all(query(
        &ctx.db,
        &format!("SELECT {ACCOUNT_COLUMNS} FROM staff WHERE city_id = ?1 ORDER BY email"),
        &[Arg::Int(staff.city_id)],
    )?)
    .await?;
    let accounts: Vec<StaffAccount> = accounts.iter().map(Staff::account).collect();
    Reply::json(200, &accounts)
}

/// `POST /v1/staff/accounts`: a colleague with a temporary password they
/// must change at first sign-in.
pub async fn create(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let new: NewStaff = ctx.json()?;
    let valid = validate_new_staff(&new)?;
    let (salt, hash) = hash_password(&new.temporary_password).await?;
    let role = valid.role.wire_name();
    let inserted: Result<Option<Staff>, ApiError> = async {
        let statement = query(
            &ctx.db,
            &format!(
                "INSERT INTO staff (city_id, email, display_name, role, password_hash, \
                   password_salt, password_iterations, must_change_password, password_set_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8) RETURNING {ACCOUNT_COLUMNS}"
            ),
            &[
                Arg::Int(staff.city_id),
                Arg::Text(&valid.email),
                Arg::Text(&valid.display_name),
                Arg::Text(role),
                Arg::Text(&hash),
                Arg::Text(&salt),
                Arg::Int(i64::from(PASSWORD_ITERATIONS)),
                Arg::Int(ctx.now),
            ],
        )?;
        match statement.first::<Staff>(None).await {
            Ok(row) => Ok(row),
            Err(error) if is_key_violation(&error, "staff", &["email"]) => {
                Err(FieldError::new("email", FieldErrorCode::Duplicate).into())
            }
            Err(error) => Err(error.into()),
        }
    }
    .await;
    let created =
        inserted?.ok_or_else(|| ApiError::Internal("insert returned no row".to_owned()))?;
    Reply::json(201, &created.account())
}

/// `DELETE /v1/staff/accounts/{account}`: not one's own account.
pub async fn delete(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    staff.require_admin()?;
    let account = ctx.id_param("account")?;
    if account == staff.id {
        return Err(ApiError::Conflict("you cannot remove your own account"));
    }
    let exists: Option<Staff> = first(query(
        &ctx.db,
        &format!("SELECT {ACCOUNT_COLUMNS} FROM staff WHERE id = ?1 AND city_id = ?2"),
        &[Arg::Int(account), Arg::Int(staff.city_id)],
    )?)
    .await?;
    if exists.is_none() {
        return Err(ApiError::NotFound("no such account"));
    }
    run(query(
        &ctx.db,
        "DELETE FROM staff WHERE id = ?1 AND city_id = ?2",
        &[Arg::Int(account), Arg::Int(staff.city_id)],
    )?)
    .await?;
    Ok(Reply::no_content())
}
