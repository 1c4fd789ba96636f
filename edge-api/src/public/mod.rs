//! Residents' routes under `/v1/widgets/{id}`: one module per resource.

pub mod ballots;
pub mod comments;
pub mod embed_ticket;
pub mod fragment;
pub mod fragment_cache;
pub mod ideas;
pub mod invitation_codes;
pub mod supports;
pub mod verification;
pub mod voter_data;
pub mod voter_keys;
pub mod widgets;
