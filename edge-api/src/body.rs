//! Reading request bodies within limits, and parsing them as JSON.

use crate::error::ApiError;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use worker::Request;

use parvis_model::limits::MAX_BODY_BYTES;

/// How much of a body past the limit is read and thrown away, so a client
/// that sends its whole body before reading the answer gets its 413 (a
/// server that stops reading mid-body leaves such a client stuck).
const DRAIN_BYTES: usize = 256 * 1024;

/// Reads the whole body, refusing more than [`MAX_BODY_BYTES`]: by its
/// declared length first, so a huge upload is not read at all, then while
/// it streams, so a body without a length (chunked) is cut as soon as it
/// passes the limit, never buffered whole.
pub async fn read(req: &mut Request) -> Result<Vec<u8>, ApiError> {
    let declared = req.headers().get("Content-Length")?;
    let declared = declared.and_then(|value| value.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return Err(ApiError::PayloadTooLarge);
    }
    if declared == Some(0) {
        return Ok(Vec::new());
    }
    // A request without a body has no stream: its body is empty.
    let Ok(mut stream) = req.stream() else {
        return Ok(Vec::new());
    };
    let mut body = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|error| ApiError::MalformedJson(format!("unreadable body: {error}")))?;
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            let mut seen = body.len() + chunk.len();
            drop(body);
            while seen <= DRAIN_BYTES {
                match stream.next().await {
                    Some(Ok(chunk)) => seen += chunk.len(),
                    _ => break,
                }
            }
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Parses a body declared as `application/json` into exactly `T`.
pub fn parse_json<T: DeserializeOwned>(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<T, ApiError> {
    let content_type = content_type.unwrap_or_default();
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    if !media_type.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::UnsupportedMediaType);
    }
    serde_json::from_slice(body).map_err(|error| ApiError::MalformedJson(error.to_string()))
}
