//! The city's colours: main colour, text on it and corner radius, a sample
//! drawn in them, and a warning when a pair is hard to read.

use super::colour_sample::ColourSample;
use crate::app::use_ui;
use crate::i18n::{contrast_warning, message_for};
use crate::pages::text_field::{FieldKind, TextField};
use leptos::prelude::*;
use parvis_model::contrast::{contrast_ratio, is_hex_colour};
use parvis_model::{FieldError, FieldErrorCode};

/// The widgets' default main colour, for contrast checks when the field is
/// empty.
pub const DEFAULT_ACCENT: &str = "#1d4ed8";
/// The widgets' default text on the main colour.
pub const DEFAULT_ACCENT_TEXT: &str = "#ffffff";
/// The page behind the widgets, as the contrast check assumes it.
const PAGE_BACKGROUND: &str = "#ffffff";
/// The largest corner radius, in pixels.
const MAX_RADIUS: u32 = 24;

/// A `#rrggbb` value shown as a colour, or the default while it is not one.
pub fn colour_or(value: String, default: &'static str) -> String {
    let value = value.trim().to_owned();
    if is_hex_colour(&value) {
        value
    } else {
        default.to_owned()
    }
}

/// A colour as typed, or `None` when the field is empty (the widgets'
/// default).
pub fn typed_colour(value: String) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The corner radius as typed: `None` when empty, an error when it is not
/// a small whole number.
pub fn radius_px(typed: &str) -> Result<Option<u8>, FieldError> {
    match typed.trim() {
        "" => Ok(None),
        value => value.parse::<u8>().map(Some).map_err(|_| {
            FieldError::new("theme.radius_px", FieldErrorCode::OutOfRange)
                .with_limit(MAX_RADIUS as usize)
        }),
    }
}

/// The colours' fieldset.
#[component]
pub fn ColoursGroup(
    /// Main colour, as typed.
    accent: RwSignal<String>,
    /// Text on the main colour, as typed.
    accent_text: RwSignal<String>,
    /// Corner radius in pixels, as typed.
    radius: RwSignal<String>,
    /// The form's field errors.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let text = ui.text();
    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, field)))
    };
    let warnings = move || {
        let lang = ui.lang.get();
        let text = ui.text();
        let accent = colour_or(accent.get(), DEFAULT_ACCENT);
        let on_accent = colour_or(accent_text.get(), DEFAULT_ACCENT_TEXT);
        let mut out = Vec::new();
        if let Some(ratio) = contrast_ratio(&on_accent, &accent) {
            out.extend(contrast_warning(lang, text.pair_buttons, ratio));
        }
        if let Some(ratio) = contrast_ratio(&accent, PAGE_BACKGROUND) {
            out.extend(contrast_warning(lang, text.pair_background, ratio));
        }
        out
    };
    view! {
        <fieldset>
            <legend>{text.colours}</legend>
            <p id="colours-help" class="muted">{text.colours_help}</p>
            <ColourField id="city-accent" label=text.accent value=accent
                error=error_for("theme.accent") />
            <ColourField id="city-accent-text" label=text.accent_text value=accent_text
                error=error_for("theme.accent_text") />
            <TextField id="city-radius" label=text.radius
                kind=FieldKind::Number { min: 0, max: MAX_RADIUS } value=radius
                error=error_for("theme.radius_px") />
            <ColourSample accent=accent accent_text=accent_text radius=radius />
            <div role="status">
                <ul class="warning">
                    {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            </div>
        </fieldset>
    }
}

/// One colour field: a `#rrggbb` text box with its error, described by the
/// group's help too.
#[component]
fn ColourField(
    /// The input's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// The value.
    value: RwSignal<String>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <TextField id label described_by="colours-help" max_length=7 no_spellcheck=true
            autocomplete="off" placeholder=DEFAULT_ACCENT value error />
    }
}
