//! Residents' routes.

mod ballots;
pub(crate) mod comments;
mod fragment;
mod ideas;
mod invitation_codes;
mod verification;
mod voter_data;
mod widgets;
