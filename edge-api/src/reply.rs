//! A response as plain data, so it can be stored for idempotent retries and
//! decorated (CORS, cookies) before it becomes a `worker::Response`.

use crate::error::ApiError;
use futures_util::stream::LocalBoxStream;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use worker::{Headers, Response};

/// Chunks of a body, produced as they are sent.
pub type Chunks = LocalBoxStream<'static, Result<Vec<u8>, worker::Error>>;

/// A body sent as it is produced (exports read page by page). Shared, so
/// a reply stays `Clone`; the first `into_response` takes it.
#[derive(Clone)]
pub struct BodyStream(Rc<RefCell<Option<Chunks>>>);

impl BodyStream {
    /// A body from a stream of chunks.
    pub fn new(stream: Chunks) -> BodyStream {
        BodyStream(Rc::new(RefCell::new(Some(stream))))
    }
}

impl std::fmt::Debug for BodyStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BodyStream")
    }
}

/// What a handler answers.
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, empty for no body.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
    /// Extra headers (`Set-Cookie`, `Retry-After`, CORS…).
    pub headers: Vec<(String, String)>,
    /// A body sent as it is produced, instead of `body`.
    pub stream: Option<BodyStream>,
}

impl Reply {
    /// A JSON answer.
    pub fn json<T: Serialize>(status: u16, value: &T) -> Result<Reply, ApiError> {
        let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(Reply::with_body(status, "application/json", body))
    }

    /// An answer with a body of the given type.
    pub fn with_body(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_owned(),
            body,
            headers: Vec::new(),
            stream: None,
        }
    }

    /// A `200` whose body is sent as `stream` produces it.
    pub fn streamed(content_type: &str, stream: BodyStream) -> Reply {
        Reply {
            stream: Some(stream),
            ..Reply::with_body(200, content_type, Vec::new())
        }
    }

    /// `204 No Content`.
    pub fn no_content() -> Reply {
        Reply::with_body(204, "", Vec::new())
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// The runtime's response. Every answer is personal or changes often,
    /// so none may be cached unless a handler says otherwise.
    pub fn into_response(self) -> Response {
        let headers = Headers::new();
        // Header names and values here are ours and well formed.
        if !self.content_type.is_empty() {
            let _ = headers.set("Content-Type", &self.content_type);
        }
        if !self.headers.iter().any(|(name, _)| name == "Cache-Control") {
            let _ = headers.set("Cache-Control", "no-store");
        }
        let _ = headers.set("X-Content-Type-Options", "nosniff");
        for (name, value) in &self.headers {
            let _ = headers.append(name, value);
        }
        let builder = Response::builder()
            .with_status(self.status)
            .with_headers(headers);
        let stream = self
            .stream
            .and_then(|BodyStream(shared)| shared.borrow_mut().take());
        if let Some(stream) = stream {
            return match builder.from_stream(stream) {
                Ok(response) => response,
                Err(_) => Response::builder().with_status(500).empty(),
            };
        }
        if self.body.is_empty() {
            builder.empty()
        } else {
            builder.fixed(self.body)
        }
    }
}

impl ApiError {
    /// The `application/problem+json` answer for this error.
    pub fn into_reply(self) -> Reply {
        let (problem, extra) = self.into_problem();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut reply = Reply::with_body(problem.status, "application/problem+json", body);
        for (name, value) in extra {
            reply = reply.header(name, value);
        }
        reply
    }
}
