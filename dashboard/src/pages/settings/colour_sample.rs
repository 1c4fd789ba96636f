//! A button and a link drawn in the colours being chosen.

use super::colours::{DEFAULT_ACCENT, DEFAULT_ACCENT_TEXT, colour_or};
use crate::app::use_ui;
use leptos::prelude::*;

/// A button and a link in the chosen colours. Drawn in SVG, as an image: the
/// colours may be ones the warning beside it says are unreadable, and the
/// warning is what assistive technologies read.
#[component]
pub fn ColourSample(
    /// Main colour.
    accent: RwSignal<String>,
    /// Text on the main colour.
    accent_text: RwSignal<String>,
    /// Corner radius in pixels, as typed.
    radius: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let fill = move || colour_or(accent.get(), DEFAULT_ACCENT);
    let on_fill = move || colour_or(accent_text.get(), DEFAULT_ACCENT_TEXT);
    let corner = move || radius.get().trim().parse::<u8>().unwrap_or(8).min(24);
    view! {
        <svg class="swatch" role="img" width="320" height="48" viewBox="0 0 320 48"
            aria-label=move || ui.text().colour_sample>
            <rect x="1" y="4" width="120" height="40" rx=corner fill=fill></rect>
            <text x="61" y="29" text-anchor="middle" font-weight="600" fill=on_fill>
                {move || ui.text().sample_button}
            </text>
            <text x="140" y="29" text-decoration="underline" fill=fill>
                {move || ui.text().sample_link}
            </text>
        </svg>
    }
}
