//! CORS for the widget routes: only the widget's city's embed origins may
//! read answers or write.

use crate::error::ApiError;
use worker::{Request, Response};

/// Who may read a response, decided once per request.
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

const ALLOWED_METHODS: &str = "GET, HEAD, POST, OPTIONS";
const ALLOWED_HEADERS: &str = "Content-Type, Parvis-Voter, Idempotency-Key";

impl CorsPolicy {
    /// Decides the policy from the request's `Origin` and the city's list.
    pub fn for_request(req: &Request, allowed_origins: &[String]) -> CorsPolicy {
        match req.headers().get("Origin").ok().flatten() {
            None => CorsPolicy::NoOrigin,
            Some(origin) if allowed_origins.contains(&origin) => CorsPolicy::Origin(origin),
            Some(_) => CorsPolicy::Foreign,
        }
    }

    /// Writes from a foreign page are refused. A request without `Origin`
    /// does not come from a page's script (browsers always send it on
    /// cross-origin and POST requests), so it cannot ride on a resident's
    /// browser, and there is no cookie it could abuse.
    pub fn check_write(&self) -> Result<(), ApiError> {
        match self {
            CorsPolicy::Foreign => Err(ApiError::OriginNotAllowed),
            _ => Ok(()),
        }
    }

    /// The answer to an `OPTIONS` preflight.
    pub fn preflight(&self) -> Result<Response, ApiError> {
        match self {
            CorsPolicy::Foreign => Err(ApiError::OriginNotAllowed),
            _ => {
                let response = Response::builder().with_status(204).empty();
                let headers = response.headers();
                headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS)?;
                headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS)?;
                headers.set("Access-Control-Max-Age", "86400")?;
                Ok(response)
            }
        }
    }

    /// Adds the CORS headers this policy grants to a response.
    pub fn apply(&self, response: Response) -> Response {
        let headers = response.headers();
        // Setting well-formed header names and values cannot fail.
        let _ = headers.append("Vary", "Origin");
        match self {
            CorsPolicy::Origin(origin) => {
                let _ = headers.set("Access-Control-Allow-Origin", origin);
            }
            CorsPolicy::Anyone => {
                let _ = headers.set("Access-Control-Allow-Origin", "*");
            }
            CorsPolicy::NoOrigin | CorsPolicy::Foreign => {}
        }
        response
    }
}
