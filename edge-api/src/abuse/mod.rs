//! Protections on residents' writes: proof of work, rate limits and daily
//! caps, and idempotent retries.

pub mod idempotency;
pub mod proof;
pub mod rate_limit;
pub mod refusals;
pub mod wrong_codes;
