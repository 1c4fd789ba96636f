//! Parvis resident widgets: Leptos components compiled to WebAssembly and
//! mounted by `embed.js` inside open shadow roots on a city's own pages.
//!
//! In the browser (feature `csr`) the wasm module exports one function,
//! `mount`; `embed.js` calls it once per placeholder, so one instance serves
//! every widget on a page, and the staff dashboard links this crate for
//! `mount_preview`. In the Worker (feature `ssr`) the same components render
//! a widget's first view to HTML (`server::render_fragment`).

// Per-kind bundles leave parts of the shared code unused; the full build
// (every kind, checked by clippy) uses all of it.
#![cfg_attr(
    not(all(feature = "poll", feature = "ideas", feature = "comments")),
    allow(dead_code, unused_imports)
)]

mod api;
#[cfg(feature = "comments")]
mod comments;
mod common;
mod context;
mod decode;
mod device;
mod i18n;
#[cfg(feature = "ideas")]
mod ideas;
#[cfg(feature = "csr")]
mod mount;
#[cfg(feature = "poll")]
mod poll;
#[cfg(feature = "csr")]
mod preview;
mod proof;
pub mod seed;
#[cfg(feature = "ssr")]
pub mod server;
mod styles;
#[cfg(feature = "csr")]
mod takeover;
mod voter;
mod widget;

pub use i18n::{city_reply_label, idea_status, report_reason};
#[cfg(feature = "csr")]
pub use mount::mount;
#[cfg(feature = "csr")]
pub use preview::mount_preview;
