//! The poll widget: a question, a ballot form, then the results.

mod ballot_form;
mod invitation_code;
mod poll_widget;
mod results;
mod verification;

pub use poll_widget::Poll;

/// The poll's styles, added to its shadow root after the base styles.
pub const CSS: &str = include_str!("poll.css");
