//! Residents' routes.

mod ballots;
mod comments;
mod ideas;
mod voter_data;
mod widgets;
