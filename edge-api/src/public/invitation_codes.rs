//! Invitation codes: deriving a set's codes (for the staff's download) and
//! admitting a resident's code with their ballot. A code is its number and
//! a keyed MAC (`parvis_model::participation`); nothing per code is stored
//! but its use and its revocation.

use crate::abuse::wrong_codes;
use crate::context::Ctx;
use crate::crypto::{keyed_hash, previous_keyed_hash};
use crate::db::{Arg, first, query};
use crate::error::ApiError;
use parvis_model::participation::{InvitationCode, mac_matches, mac_message};
use serde::Deserialize;
use worker::Env;

const PURPOSE: &str = "invitation-code";

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// The code numbered `index` in `set_id`.
pub fn derive(env: &Env, set_id: i64, index: u32) -> Result<InvitationCode, ApiError> {
    let mac = keyed_hash(env, PURPOSE, &mac_message(set_id, index))?;
    Ok(InvitationCode::new(index, &bytes(&mac)))
}

/// Whether `code` is one of `set_id`'s codes, under the current key or,
/// during a rotation, the previous one.
pub fn is_genuine(env: &Env, set_id: i64, code: InvitationCode) -> Result<bool, ApiError> {
    let message = mac_message(set_id, code.index);
    if mac_matches(code, &bytes(&keyed_hash(env, PURPOSE, &message)?)) {
        return Ok(true);
    }
    Ok(previous_keyed_hash(env, PURPOSE, &message)?
        .is_some_and(|previous| mac_matches(code, &bytes(&previous))))
}

/// A code admitted for this ballot: its set and number, for `used_codes`.
pub struct Admitted {
    /// The code's set.
    pub set_id: i64,
    /// Its number in the set.
    pub index: u32,
}

/// Admits the resident's code for the widget's ballot: present, not
/// guessed past the limits, one of the widget's set, not revoked. Whether
/// it was already used in this poll is for the ballot's own transaction.
pub async fn admit(ctx: &Ctx, typed: Option<&str>) -> Result<Admitted, ApiError> {
    #[derive(Deserialize)]
    struct Set {
        size: u32,
        revoked: u8,
    }
    let set_id = ctx
        .widget()?
        .code_set_id
        .ok_or_else(|| ApiError::Internal("a code poll without its set".to_owned()))?;
    let typed = typed
        .filter(|t| !t.trim().is_empty())
        .ok_or(ApiError::CodeRequired)?;
    // Counted before anything is checked, so that simultaneous guesses
    // cannot all pass under the limit.
    let attempt = wrong_codes::count_try(ctx, set_id).await?;
    let Some(code) = InvitationCode::parse(typed) else {
        return Err(ApiError::InvalidCode);
    };
    let set: Option<Set> = first(query(
        &ctx.db,
        "SELECT size, EXISTS (SELECT 1 FROM revoked_codes r \
           WHERE r.set_id = s.id AND r.code_index = ?2) AS revoked \
         FROM code_sets s WHERE s.id = ?1",
        &[Arg::Int(set_id), Arg::Int(i64::from(code.index))],
    )?)
    .await?;
    let Some(set) = set else {
        return Err(ApiError::Internal("a code poll's set is gone".to_owned()));
    };
    if code.index >= set.size || !is_genuine(&ctx.env, set_id, code)? {
        return Err(ApiError::InvalidCode);
    }
    attempt.give_back(ctx).await?;
    if set.revoked == 1 {
        return Err(ApiError::CodeRevoked);
    }
    Ok(Admitted {
        set_id,
        index: code.index,
    })
}
