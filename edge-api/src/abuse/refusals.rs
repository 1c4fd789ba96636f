//! Refused resident writes, counted per widget, day and reason so staff see
//! them (`GET /v1/staff/widgets/{id}/integrity`). Counted on the refusal
//! path only: an honest write never pays for it.

use crate::context::Ctx;
use crate::db::{Arg, query, run};
use crate::error::ApiError;
use parvis_model::integrity::RefusalReason;
use parvis_model::time::day_of;
use parvis_model::wire::WireName;

/// The reason to count for an error of a resident write, if it is one of
/// the abuse checks' refusals.
pub fn refusal_reason(error: &ApiError) -> Option<RefusalReason> {
    match error {
        ApiError::OriginNotAllowed => Some(RefusalReason::Origin),
        ApiError::ProofRequired(_) => Some(RefusalReason::Proof),
        ApiError::RateLimited(_) => Some(RefusalReason::RateLimited),
        ApiError::ParticipationCapReached(_) => Some(RefusalReason::DailyCap),
        _ => None,
    }
}

/// Counts one refused write for the widget of `ctx`, today.
pub async fn count_refusal(ctx: &Ctx, reason: RefusalReason) -> Result<(), ApiError> {
    run(query(
        &ctx.db,
        "INSERT INTO refusals (widget_id, day, reason, count) VALUES (?1, ?2, ?3, 1) \
         ON CONFLICT (widget_id, day, reason) DO UPDATE SET count = count + 1",
        &[
            Arg::Text(&ctx.widget()?.id),
            Arg::Text(&day_of(ctx.now)),
            Arg::Text(reason.wire_name()),
        ],
    )?)
    .await?;
    Ok(())
}
