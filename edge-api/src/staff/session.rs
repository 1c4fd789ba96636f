//! Signing in and out, the session cookie, and who is asking.

use crate::context::Ctx;
use crate::crypto::{
    PASSWORD_ITERATIONS, constant_time_eq, keyed_hash, pbkdf2_hex, random_hex, sha256_hex,
};
use crate::db::{Arg, first, query, run};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::city_view::load_city;
use crate::staff::guessing;
use crate::staff::member::Staff;
use parvis_model::accounts::{PasswordChange, SignIn, StaffMe, check_password};
use parvis_model::limits::TEMPORARY_PASSWORD_SECONDS;
use parvis_model::{FieldError, FieldErrorCode};
use serde::Deserialize;

/// The session cookie. `__Host-` makes the browser refuse it unless it is
/// `Secure`, has `Path=/` and no `Domain`, and was set by this very host:
/// a page on a sibling subdomain of the city cannot plant or overwrite it.
const COOKIE: &str = "__Host-parvis_session";
/// A session lasts eight hours (a working day), then staff sign in again.
const SESSION_SECONDS: i64 = 8 * 3600;
/// A browser staff signed in from before, remembered for a year (see
/// migration 0010): its sign-ins are counted apart from strangers' guesses.
const DEVICE_COOKIE: &str = "__Host-parvis_device";
const DEVICE_SECONDS: i64 = 365 * 24 * 3600;
/// Wrong passwords allowed per account (or per known browser) in the
/// throttle's window (`guessing::WINDOW_SECONDS`, 15 minutes): 480 guesses
/// a day at most, against a 12-character minimum.
const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
/// …and per client network (IPv4 address, IPv6 /64), across accounts.
const MAX_FAILURES_PER_NETWORK: u32 = 30;

/// Staff routes answer only their own origin (the dashboard). A write must
/// say where it comes from; browsers always do.
pub fn check_same_origin(ctx: &Ctx, is_write: bool) -> Result<(), ApiError> {
    // Browsers say where a request comes from: only the dashboard itself
    // (or the address bar) may reach staff routes, not a sibling subdomain
    // (`same-site`) nor another site. Clients that are not browsers send
    // no such header and meet the `Origin` checks below.
    if let Some(site) = ctx.header("Sec-Fetch-Site")
        && site != "same-origin"
        && site != "none"
    {
        return Err(ApiError::OriginNotAllowed);
    }
    match ctx.header("Origin") {
        Some(origin) if Some(&origin) == ctx.own_origin().as_ref() => Ok(()),
        Some(_) => Err(ApiError::OriginNotAllowed),
        None if is_write => Err(ApiError::OriginNotAllowed),
        None => Ok(()),
    }
}

fn session_token(ctx: &Ctx) -> Option<String> {
    cookie_value(ctx, COOKIE)
}

fn cookie_value(ctx: &Ctx, wanted: &str) -> Option<String> {
    let cookies = ctx.header("Cookie")?;
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == wanted && !value.is_empty()).then(|| value.to_owned())
    })
}

/// The signed-in staff member (401 without a session), once they have chosen
/// their own password (403 `password_change_required` before).
pub async fn require(ctx: &Ctx) -> Result<Staff, ApiError> {
    let staff = require_signed_in(ctx).await?;
    if staff.must_change_password != 0 {
        return Err(ApiError::PasswordChangeRequired);
    }
    Ok(staff)
}

/// The signed-in staff member, even one who must still replace a temporary
/// password (reading who they are and changing it are all they may do).
pub async fn require_signed_in(ctx: &Ctx) -> Result<Staff, ApiError> {
    if let Some(staff) = ctx.staff.get() {
        return Ok(staff.clone());
    }
    let token = session_token(ctx).ok_or(ApiError::Unauthenticated)?;
    let staff: Staff = first(query(
        &ctx.db,
        "SELECT st.id, st.city_id, st.email, st.display_name, st.role, st.must_change_password \
         FROM sessions s JOIN staff st ON st.id = s.staff_id \
         WHERE s.token_hash = ?1 AND s.expires_at > ?2",
        &[Arg::Text(&sha256_hex(token.as_bytes())), Arg::Int(ctx.now)],
    )?)
    .await?
    .ok_or(ApiError::Unauthenticated)?;
    Ok(ctx.staff.get_or_init(|| staff).clone())
}

/// Always `Secure` (browsers accept it from `http://localhost` and
/// `127.0.0.1` too, so the local demo works the same).
fn cookie(name: &str, value: &str, max_age: i64) -> String {
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; Secure; SameSite=Strict")
}

/// The columns of [`Credentials`].
const CREDENTIALS: &str = "id, password_hash, password_salt, password_iterations, \
    must_change_password, password_set_at";

#[derive(Deserialize)]
struct Credentials {
    id: i64,
    password_hash: String,
    password_salt: String,
    password_iterations: u32,
    must_change_password: u8,
    password_set_at: Option<i64>,
}

impl Credentials {
    /// Whether the password is a temporary one past its lifetime
    /// (`TEMPORARY_PASSWORD_SECONDS` when set, else the model's).
    fn temporary_expired(&self, ctx: &Ctx) -> bool {
        let lifetime = ctx
            .number_var("TEMPORARY_PASSWORD_SECONDS")
            .map_or(TEMPORARY_PASSWORD_SECONDS, i64::from);
        self.must_change_password != 0
            && self
                .password_set_at
                .is_some_and(|set_at| ctx.now - set_at > lifetime)
    }
}

/// Checks a password against an account's stored hash.
async fn verify(credentials: &Credentials, password: &str) -> Result<bool, ApiError> {
    let hash = pbkdf2_hex(
        password,
        &credentials.password_salt,
        credentials.password_iterations,
    )
    .await?;
    Ok(constant_time_eq(&hash, &credentials.password_hash))
}

/// A new salt and hash for a password.
pub async fn hash_password(password: &str) -> Result<(String, String), ApiError> {
    let salt = random_hex(16)?;
    let hash = pbkdf2_hex(password, &salt, PASSWORD_ITERATIONS).await?;
    Ok((salt, hash))
}

/// `POST /v1/staff/session`: throttled per account and per network (each
/// attempt counted before its password is hashed); sets the session cookie,
/// remembers the browser, and answers who signed in.
pub async fn sign_in(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let request: SignIn = ctx.json()?;
    let email = request.email.trim().to_lowercase();
    let credentials: Option<Credentials> = first(query(
        &ctx.db,
        &format!("SELECT {CREDENTIALS} FROM staff WHERE email = ?1"),
        &[Arg::Text(&email)],
    )?)
    .await?;
    let device = match &credentials {
        Some(account) => known_device(ctx, account.id).await?,
        None => None,
    };
    // From a browser this account signed in from before, attempts count
    // under that browser alone: strangers guessing at the e-mail (who
    // cannot have its cookie) cannot lock the real person out.
    let keys = match &device {
        Some(device_hash) => vec![(
            keyed_hash(&ctx.env, "sign-in-device", device_hash)?,
            MAX_FAILURES_PER_ACCOUNT,
        )],
        None => vec![
            (
                keyed_hash(&ctx.env, "sign-in-email", &email)?,
                MAX_FAILURES_PER_ACCOUNT,
            ),
            (
                keyed_hash(&ctx.env, "sign-in-network", &ctx.network())?,
                MAX_FAILURES_PER_NETWORK,
            ),
        ],
    };
    let attempt = guessing::begin(ctx, &keys).await?;
    // Unknown e-mails cost the same PBKDF2 as known ones, so timing tells nothing.
    let decoy = Credentials {
        id: 0,
        password_hash: String::new(),
        password_salt: "00".repeat(16),
        password_iterations: PASSWORD_ITERATIONS,
        must_change_password: 0,
        password_set_at: None,
    };
    let known = credentials.is_some();
    let credentials = credentials.unwrap_or(decoy);
    let password_ok =
        request.password.len() <= 1024 && verify(&credentials, &request.password).await?;
    if !(known && password_ok) {
        return Err(ApiError::InvalidCredentials);
    }
    guessing::forget(ctx, attempt).await?;
    if credentials.temporary_expired(ctx) {
        return Err(ApiError::TemporaryPasswordExpired);
    }
    let token = random_hex(32)?;
    let mut statements = vec![query(
        &ctx.db,
        "INSERT INTO sessions (token_hash, staff_id, expires_at, created_at) VALUES (?1, ?2, ?3, ?4)",
        &[
            Arg::Text(&sha256_hex(token.as_bytes())),
            Arg::Int(credentials.id),
            Arg::Int(ctx.now + SESSION_SECONDS),
            Arg::Int(ctx.now),
        ],
    )?];
    // The browser's device cookie, or a new one; several accounts may
    // share a browser, each remembered with it.
    let (device_cookie, new_device) = match cookie_value(ctx, DEVICE_COOKIE) {
        Some(existing) => (existing, false),
        None => (random_hex(32)?, true),
    };
    if device.is_none() {
        statements.push(query(
            &ctx.db,
            "INSERT INTO known_devices (device_hash, staff_id, created_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (device_hash, staff_id) DO NOTHING",
            &[
                Arg::Text(&sha256_hex(device_cookie.as_bytes())),
                Arg::Int(credentials.id),
                Arg::Int(ctx.now),
            ],
        )?);
    }
    ctx.db.batch(statements).await?;
    let me = me_of(ctx, &load_staff(ctx, credentials.id).await?).await?;
    let mut reply =
        Reply::json(201, &me)?.header("Set-Cookie", cookie(COOKIE, &token, SESSION_SECONDS));
    if new_device {
        reply = reply.header(
            "Set-Cookie",
            cookie(DEVICE_COOKIE, &device_cookie, DEVICE_SECONDS),
        );
    }
    Ok(reply)
}

/// The hash of this request's device cookie, when it names a browser the
/// account signed in from before.
async fn known_device(ctx: &Ctx, staff_id: i64) -> Result<Option<String>, ApiError> {
    let Some(device) = cookie_value(ctx, DEVICE_COOKIE) else {
        return Ok(None);
    };
    #[derive(Deserialize)]
    struct Known {
        device_hash: String,
    }
    let known: Option<Known> = first(query(
        &ctx.db,
        "SELECT device_hash FROM known_devices WHERE device_hash = ?1 AND staff_id = ?2",
        &[
            Arg::Text(&sha256_hex(device.as_bytes())),
            Arg::Int(staff_id),
        ],
    )?)
    .await?;
    Ok(known.map(|k| k.device_hash))
}

async fn load_staff(ctx: &Ctx, id: i64) -> Result<Staff, ApiError> {
    first(query(
        &ctx.db,
        "SELECT id, city_id, email, display_name, role, must_change_password FROM staff WHERE id = ?1",
        &[Arg::Int(id)],
    )?)
    .await?
    .ok_or(ApiError::Unauthenticated)
}

async fn me_of(ctx: &Ctx, staff: &Staff) -> Result<StaffMe, ApiError> {
    Ok(StaffMe {
        account: staff.account(),
        city: load_city(ctx, staff.city_id).await?,
    })
}

/// `DELETE /v1/staff/session`: ends the session (even an expired one) and
/// clears the cookie.
pub async fn sign_out(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    if let Some(token) = session_token(ctx) {
        run(query(
            &ctx.db,
            "DELETE FROM sessions WHERE token_hash = ?1 OR expires_at < ?2",
            &[Arg::Text(&sha256_hex(token.as_bytes())), Arg::Int(ctx.now)],
        )?)
        .await?;
    }
    Ok(Reply::no_content().header("Set-Cookie", cookie(COOKIE, "", 0)))
}

/// `GET /v1/staff/me`.
pub async fn me(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require_signed_in(ctx).await?;
    Reply::json(200, &me_of(ctx, &staff).await?)
}

/// `PUT /v1/staff/me/password`: needs the current password; ends every
/// other session of the account.
pub async fn change_password(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require_signed_in(ctx).await?;
    let change: PasswordChange = ctx.json()?;
    check_password("new_password", &change.new_password)?;
    if change.new_password == change.current_password {
        return Err(FieldError::new("new_password", FieldErrorCode::Duplicate).into());
    }
    let credentials: Option<Credentials> = first(query(
        &ctx.db,
        &format!("SELECT {CREDENTIALS} FROM staff WHERE id = ?1"),
        &[Arg::Int(staff.id)],
    )?)
    .await?;
    let credentials = credentials.ok_or(ApiError::Unauthenticated)?;
    // Throttled like signing in: a stolen session cannot guess the password.
    let keys = [(
        keyed_hash(&ctx.env, "password-change", &staff.id.to_string())?,
        MAX_FAILURES_PER_ACCOUNT,
    )];
    let attempt = guessing::begin(ctx, &keys).await?;
    if !verify(&credentials, &change.current_password).await? {
        return Err(ApiError::InvalidCredentials);
    }
    guessing::forget(ctx, attempt).await?;
    let (salt, hash) = hash_password(&change.new_password).await?;
    let current = session_token(ctx)
        .map(|t| sha256_hex(t.as_bytes()))
        .unwrap_or_default();
    let update = query(
        &ctx.db,
        "UPDATE staff SET password_hash = ?2, password_salt = ?3, password_iterations = ?4, \
         must_change_password = 0, password_set_at = ?6 WHERE id = ?1 AND city_id = ?5",
        &[
            Arg::Int(staff.id),
            Arg::Text(&hash),
            Arg::Text(&salt),
            Arg::Int(i64::from(PASSWORD_ITERATIONS)),
            Arg::Int(staff.city_id),
            Arg::Int(ctx.now),
        ],
    )?;
    let others = query(
        &ctx.db,
        "DELETE FROM sessions WHERE staff_id = ?1 AND token_hash != ?2",
        &[Arg::Int(staff.id), Arg::Text(&current)],
    )?;
    ctx.db.batch(vec![update, others]).await?;
    Ok(Reply::no_content())
}
