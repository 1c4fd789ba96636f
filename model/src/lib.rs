//! Parvis's shared model: the `/v1` payload types and the pure domain logic
//! (validation, text cleaning, tallies, time, CSV) that the Worker, the
//! widgets and the tools share. The staff API's payloads are grouped by
//! concern: `accounts` (signing in, accounts, passwords), `city` (a city's
//! settings and theme), `contrast` (its colours' checks), `moderation` (the
//! queue and decisions) and `staff` (widgets, ideas and comments as staff
//! read them).
//!
//! Invariant: this crate does no IO and depends on neither `leptos` nor
//! `worker`, so it builds natively and on `wasm32` and is tested with plain
//! `cargo test`.

pub mod accounts;
pub mod audit;
pub mod ballot;
pub mod base64url;
pub mod city;
pub mod comments;
pub mod contrast;
pub mod csv;
pub mod display_name;
pub mod embed;
pub mod fields;
pub mod ideas;
pub mod identity_provider;
pub mod integrity;
pub mod lang;
pub mod limits;
pub mod moderation;
pub mod network;
pub mod oidc;
pub mod origin;
pub mod paging;
pub mod participation;
pub mod problem;
pub mod proof_of_work;
pub mod results;
pub mod role;
pub mod secret_key;
pub mod staff;
pub mod tally;
pub mod text;
pub mod time;
pub mod verification;
pub mod violation;
pub mod voter;
pub mod voter_data;
pub mod widget;
pub mod widget_config;
pub mod wire;

pub use ballot::{BallotError, BallotRequest, validate_choices};
pub use fields::{FieldError, FieldErrorCode};
pub use lang::Lang;
pub use problem::{Problem, ProblemCode};
pub use tally::percentages;
pub use voter::{VoterToken, VoterTokenError};
pub use widget::{
    ModerationMode, PollOption, ResultsVisibility, WidgetKind, WidgetStatus, WidgetView,
};
