//! Pieces every widget uses: the live region, failure messages, resident
//! text with safe links, form fields.

mod announcer;
mod failure;
mod field;
mod paged;
mod rich_text;
mod sending;
mod support;

pub use announcer::{Announcer, LiveRegion};
pub use failure::failure_message;
pub use field::{FieldErrors, TextField};
pub use paged::{ListFooter, ListState, Paged};
pub use rich_text::RichText;
pub use sending::Sending;
pub use support::Support;
