//! Parvis's shared model: the `/v1` payload types and the pure domain logic
//! (ballot validation, voter-token checks, tallies) that both the Worker and
//! the widgets rely on.
//!
//! Invariant: this crate does no IO and depends on neither `leptos` nor
//! `worker`, so it builds natively and on `wasm32` and is tested with plain
//! `cargo test`.

pub mod ballot;
pub mod lang;
pub mod problem;
pub mod tally;
pub mod voter;
pub mod widget;

pub use ballot::{BallotError, BallotRequest, validate_choices};
pub use lang::Lang;
pub use problem::{Problem, ProblemCode};
pub use tally::percentages;
pub use voter::{VoterToken, VoterTokenError};
pub use widget::{PollOption, ResultsVisibility, WidgetKind, WidgetStatus, WidgetView};
