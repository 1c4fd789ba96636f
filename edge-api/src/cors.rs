//! CORS for the widget routes: only the widget's city's embed origins may
//! read answers or write.

use crate::error::ApiError;
use crate::reply::Reply;
use worker::Request;

/// Who may read an answer, decided once per request.
pub enum CorsPolicy {
    /// The request's `Origin` is one of the city's: echo it back.
    Origin(String),
    /// Any page may read (answers that reveal nothing about a city).
    Anyone,
    /// No `Origin` header: not a cross-origin browser request.
    NoOrigin,
    /// A foreign `Origin`: no CORS headers, and writes are refused.
    Foreign,
}

const ALLOWED_METHODS: &str = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
const ALLOWED_HEADERS: &str =
    "Content-Type, Parvis-Voter, Parvis-Proof, Idempotency-Key, Parvis-Embed-Ticket";
const EXPOSED_HEADERS: &str = "Retry-After";

impl CorsPolicy {
    /// Decides the policy from the request's `Origin` and the city's list.
    pub fn for_request<S: AsRef<str>>(req: &Request, allowed_origins: &[S]) -> CorsPolicy {
        match req.headers().get("Origin").ok().flatten() {
            None => CorsPolicy::NoOrigin,
            Some(origin) if allowed_origins.iter().any(|a| a.as_ref() == origin) => {
                CorsPolicy::Origin(origin)
            }
            Some(_) => CorsPolicy::Foreign,
        }
    }

    /// Writes come from the city's own pages only. Browsers always send
    /// `Origin` on cross-origin and POST requests, so a write without one
    /// comes from a script outside a browser: refused too. (Such a script
    /// can forge the header; this stops casual loops, the proof of work
    /// and the daily caps do the rest.)
    pub fn check_write(&self) -> Result<(), ApiError> {
        match self {
            CorsPolicy::Origin(_) => Ok(()),
            _ => Err(ApiError::OriginNotAllowed),
        }
    }

    /// The answer to an `OPTIONS` preflight.
    pub fn preflight(&self) -> Reply {
        Reply::no_content()
            .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
            .header("Access-Control-Max-Age", "86400")
    }

    /// Adds the CORS headers this policy grants.
    pub fn apply(&self, reply: Reply) -> Reply {
        let reply = reply.header("Vary", "Origin");
        let allow = match self {
            CorsPolicy::Origin(origin) => origin.as_str(),
            CorsPolicy::Anyone => "*",
            CorsPolicy::NoOrigin | CorsPolicy::Foreign => return reply,
        };
        reply
            .header("Access-Control-Allow-Origin", allow)
            .header("Access-Control-Expose-Headers", EXPOSED_HEADERS)
    }
}
