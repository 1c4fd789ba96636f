//! API tests against the real Worker on workerd + D1 (`wrangler dev`).
//! Run them with `cargo xtask test`, which starts the server on a fresh
//! database seeded with the demo city and `tests/fixtures/api.sql`.

mod ballots;
mod cors;
mod errors;
mod widgets;
