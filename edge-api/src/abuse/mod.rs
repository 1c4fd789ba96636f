//! Protections on residents' writes: rate limits and idempotent retries.

pub mod idempotency;
pub mod rate_limit;
