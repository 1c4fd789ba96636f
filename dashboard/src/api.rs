//! The dashboard's one path to the staff API (same origin, session cookie).

use gloo_net::http::{Request, RequestBuilder};
use parvis_model::origin::PageCheck;
use parvis_model::{FieldError, Problem, ProblemCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// No answer.
    Network,
    /// A problem document.
    Problem(Box<Problem>),
    /// Something else, by status.
    Unexpected(u16),
}

impl Failure {
    /// The problem code, if any.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            Failure::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// Field errors, for forms.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Failure::Problem(p) => p.errors.clone().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// A value as one path segment or query value, percent-encoded (ids come
/// from the API, but a path is never built from unencoded text).
pub fn segment(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// The staff API path of a widget, with `tail` (`""`, `"/results"`,
/// `"/export?table=audit"`…) after its encoded id.
pub fn widget_path(id: &str, tail: &str) -> String {
    format!("/v1/staff/widgets/{}{tail}", segment(id))
}

/// Whether a page at `address` (as pasted from a browser's address bar) may
/// show the city's widgets: `GET /v1/staff/embed-check?page=…`.
pub async fn embed_check(address: &str) -> Result<PageCheck, Failure> {
    get(&format!("/v1/staff/embed-check?page={}", segment(address))).await
}

/// Write methods.
#[derive(Clone, Copy)]
pub enum Method {
    /// Create.
    Post,
    /// Replace.
    Put,
    /// Change some fields.
    Patch,
    /// Remove.
    Delete,
}

/// `GET path`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, Failure> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|_| Failure::Network)?;
    read(response).await?.ok_or(Failure::Unexpected(204))
}

/// A write with an optional JSON body; `None` for 204.
pub async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<&B>,
) -> Result<Option<T>, Failure> {
    let builder: RequestBuilder = match method {
        Method::Post => Request::post(path),
        Method::Put => Request::put(path),
        Method::Patch => Request::patch(path),
        Method::Delete => Request::delete(path),
    };
    let request = match body {
        Some(body) => {
            let value = serde_wasm_bindgen::to_value(body).map_err(|_| Failure::Unexpected(0))?;
            let json = js_sys::JSON::stringify(&value)
                .map(String::from)
                .map_err(|_| Failure::Unexpected(0))?;
            builder
                .header("Content-Type", "application/json")
                .body(json)
                .map_err(|_| Failure::Network)?
        }
        None => builder.build().map_err(|_| Failure::Network)?,
    };
    let response = request.send().await.map_err(|_| Failure::Network)?;
    read(response).await
}

async fn read<T: DeserializeOwned>(
    response: gloo_net::http::Response,
) -> Result<Option<T>, Failure> {
    let status = response.status();
    if status == 204 {
        return Ok(None);
    }
    let text = response
        .text()
        .await
        .map_err(|_| Failure::Unexpected(status))?;
    let value = js_sys::JSON::parse(&text).map_err(|_| Failure::Unexpected(status))?;
    if (200..300).contains(&status) {
        return serde_wasm_bindgen::from_value(value)
            .map(Some)
            .map_err(|_| Failure::Unexpected(status));
    }
    match serde_wasm_bindgen::from_value::<Problem>(value) {
        Ok(problem) => Err(Failure::Problem(Box::new(problem))),
        Err(_) => Err(Failure::Unexpected(status)),
    }
}
