//! `GET /v1/openapi.json`: the API's OpenAPI 3.1 description, kept true by
//! a test that compares its paths with the route table.

use crate::error::ApiError;
use crate::reply::Reply;

/// The document, as committed in `edge-api/openapi.json`.
pub const DOCUMENT: &str = include_str!("../openapi.json");

/// Serves the document; it may be cached for an hour.
pub fn serve() -> Result<Reply, ApiError> {
    Ok(
        Reply::with_body(200, "application/json", DOCUMENT.as_bytes().to_vec())
            .header("Access-Control-Allow-Origin", "*"),
    )
}
