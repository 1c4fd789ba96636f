//! Residents' routes.

mod ballots;
pub(crate) mod comments;
mod fragment;
mod ideas;
mod voter_data;
mod widgets;
