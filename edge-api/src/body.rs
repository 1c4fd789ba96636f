//! Reading a JSON request body within limits.

use crate::error::ApiError;
use serde::de::DeserializeOwned;
use worker::Request;

/// Largest body the API reads; anything larger is refused with 413.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Reads and parses a JSON body, refusing wrong media types, oversized
/// bodies and anything that is not exactly the expected shape.
pub async fn read_json<T: DeserializeOwned>(req: &mut Request) -> Result<T, ApiError> {
    let content_type = req.headers().get("Content-Type")?.unwrap_or_default();
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    if !media_type.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    let declared_length = req.headers().get("Content-Length")?;
    let declared_length = declared_length.and_then(|value| value.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(ApiError::PayloadTooLarge);
    }
    let bytes = req
        .bytes()
        .await
        .map_err(|error| ApiError::MalformedJson(format!("unreadable body: {error}")))?;
    if bytes.len() > MAX_BODY_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    serde_json::from_slice(&bytes).map_err(|error| ApiError::MalformedJson(error.to_string()))
}
