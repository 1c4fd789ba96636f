//! Parvis resident widgets: Leptos components compiled to WebAssembly and
//! mounted by `embed.js` inside open shadow roots on a city's own pages.
//!
//! The wasm module exports one function, [`mount`]; `embed.js` calls it once
//! per placeholder, so one instance serves every widget on a page.

mod api;
mod comments;
mod common;
mod i18n;
mod ideas;
mod mount;
mod poll;
mod voter;
mod widget;

pub use mount::mount;
