//! How long residents' words are kept after a consultation closes.

use crate::app::use_ui;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::prelude::*;
use parvis_model::city::{MAX_RETENTION_DAYS, MIN_RETENTION_DAYS};
use parvis_model::{FieldError, FieldErrorCode};

/// The number of days as typed, or the error that says it is out of range.
pub fn retention_days(typed: &str) -> Result<u32, FieldError> {
    typed.trim().parse::<u32>().map_err(|_| {
        FieldError::new("retention_days", FieldErrorCode::OutOfRange)
            .with_limit(MAX_RETENTION_DAYS as usize)
    })
}

/// The retention field, in days, with what it means.
#[component]
pub fn RetentionField(
    /// The number of days, as typed.
    retention: RwSignal<String>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let text = use_ui().text();
    view! {
        <TextField id="city-retention" label=text.retention hint=text.retention_help
            hint_id="city-retention-help"
            kind=FieldKind::Number { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS }
            value=retention error />
    }
}
