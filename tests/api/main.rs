//! API tests against the real Worker on workerd + D1 (`wrangler dev`).
//! Run them with `cargo xtask test`, which starts the server on a fresh
//! database seeded with the demo city and `tests/fixtures/api.sql`.
//! Modules mirror `edge-api/src/`.

mod abuse;
mod bad_input;
mod cors;
mod dashboard_page;
mod errors;
mod openapi;
mod pages;
mod public;
mod staff;
