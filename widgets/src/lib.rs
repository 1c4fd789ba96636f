//! Parvis resident widgets: Leptos components compiled to WebAssembly and
//! mounted by `embed.js` inside open shadow roots on a city's own pages.
//!
//! The wasm module exports one function, [`mount`]; `embed.js` calls it once
//! per placeholder, so one instance serves every widget on a page. The staff
//! dashboard links this crate for [`mount_preview`].

mod api;
mod comments;
mod common;
mod decode;
mod i18n;
mod ideas;
mod mount;
mod poll;
mod preview;
mod proof;
mod voter;
mod widget;

pub use i18n::{city_reply_label, idea_status, report_reason};
pub use mount::mount;
pub use preview::mount_preview;
