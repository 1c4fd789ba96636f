//! What to tell a resident when a write fails.

use crate::api::ApiFailure;
use crate::i18n::Texts;
use parvis_model::ProblemCode;

/// The message for a failed write; what they typed is always kept.
pub fn failure_message(text: &Texts, failure: &ApiFailure) -> &'static str {
    if *failure == ApiFailure::Preview {
        return text.preview_only;
    }
    match failure.code() {
        Some(ProblemCode::RateLimited) => text.rate_limited,
        Some(ProblemCode::ParticipationCapReached) => text.participation_cap,
        Some(ProblemCode::OriginNotAllowed) => text.origin_refused,
        Some(ProblemCode::WidgetNotOpen) => text.closed,
        Some(ProblemCode::VerificationRequired) => text.verification_required,
        Some(ProblemCode::EmbedTicketExpired) => text.embed_ticket_expired,
        _ => text.send_failed,
    }
}
