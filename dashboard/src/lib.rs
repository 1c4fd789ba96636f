//! The Parvis staff dashboard: a Leptos CSR app served at `/admin` on the
//! same origin as the staff API. Pages are chosen from the URL hash
//! (`#/widgets`, `#/widgets/new`, `#/widgets/{id}`, `#/widgets/{id}/edit`,
//! `#/widgets/{id}/ideas`, `#/moderation`, `#/settings`, `#/accounts`, `#/codes`).

mod api;
mod app;
mod i18n;
mod pages;

use wasm_bindgen::prelude::*;

/// Starts the dashboard in the page's body.
#[wasm_bindgen(start)]
pub fn start() {
    // Staff deserve a readable message in the console if something breaks.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
