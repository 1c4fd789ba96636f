//! Residents' routes.

mod ballots;
pub(crate) mod comments;
mod ideas;
mod voter_data;
mod widgets;
