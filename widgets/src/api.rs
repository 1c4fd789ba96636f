//! The widgets' one path to the Parvis API. Bodies go out through
//! `serde-wasm-bindgen` and the browser's `JSON.stringify`; answers come back
//! through `JSON.parse` and the hand-written readers of `decode.rs`. No JSON
//! parser and no generic deserializer in the wasm bundle.

use crate::decode::Decode;
use crate::proof;
use crate::voter::{RetryKey, stored_token, token_for_action};
use gloo_net::http::{Request, RequestBuilder, Response};
use parvis_model::embed::TICKET_HEADER;
use parvis_model::proof_of_work::{HEADER, ProofChallenge};
use parvis_model::{FieldError, Problem, ProblemCode};
use serde::Serialize;

/// Why an API call did not give the expected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// No answer: offline, DNS, CORS refusal, aborted…
    Network,
    /// The API answered with a problem document.
    Problem(Box<Problem>),
    /// The API answered something unexpected (status only).
    Unexpected(u16),
    /// A staff preview: nothing is ever sent.
    Preview,
}

impl ApiFailure {
    /// The problem code, when the API sent one.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            ApiFailure::Problem(problem) => Some(problem.code),
            _ => None,
        }
    }

    /// Field-level errors, for forms.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiFailure::Problem(problem) => problem.errors.clone().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// HTTP methods the widgets use.
#[derive(Debug, Clone, Copy)]
pub enum Method {
    /// Create.
    Post,
    /// Set (idempotent).
    Put,
    /// Remove (idempotent).
    Delete,
}

/// One widget's way to the API: where the API lives (the origin `embed.js`
/// was loaded from, or nowhere for a staff preview), which widget it speaks
/// for, and the resident's voter token (read from the page's storage, made
/// at the first action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    origin: Option<String>,
    /// The widget every call is about.
    widget_id: String,
    /// The framed page's embed ticket, sent with every call: inside a
    /// sandbox (`Origin: null`) it is what lets the API admit the widget.
    ticket: Option<String>,
}

impl ApiClient {
    /// A client for widget `widget_id` of the API at `origin`
    /// (`scheme://host[:port]`), with the framed page's embed ticket when
    /// there is one.
    #[cfg(feature = "csr")]
    pub fn new(origin: String, widget_id: String, ticket: Option<String>) -> ApiClient {
        ApiClient {
            origin: Some(origin),
            widget_id,
            ticket,
        }
    }

    /// A client for a staff preview: every call fails with
    /// [`ApiFailure::Preview`] and no voter token is ever created or read.
    pub fn preview() -> ApiClient {
        ApiClient {
            origin: None,
            widget_id: String::new(),
            ticket: None,
        }
    }

    /// The voter token for an action, created and stored on the first one.
    fn voter_token(&self) -> Option<String> {
        match self.origin {
            Some(_) => token_for_action(),
            None => Some(String::new()),
        }
    }

    /// The API's origin (none in a staff preview): the sign-in window's
    /// messages must come from it.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// Whether calls reach the API (a staff preview sends nothing).
    pub fn is_live(&self) -> bool {
        self.origin.is_some()
    }

    /// The voter token, if the resident already acted (reads never create one).
    pub fn known_voter(&self) -> Option<String> {
        self.origin.as_ref().and_then(|_| stored_token())
    }

    /// The URL of `tail` under the widget: `""`, `"/ideas"`, `"/ideas/3/support"`…
    fn url(&self, tail: &str) -> Result<String, ApiFailure> {
        let origin = self.origin.as_ref().ok_or(ApiFailure::Preview)?;
        let id = String::from(js_sys::encode_uri_component(&self.widget_id));
        Ok(format!("{origin}/v1/widgets/{id}{tail}"))
    }

    /// `GET` under the widget, telling the API who asks when the resident
    /// has a voter token (reads never make one).
    pub async fn get<T: Decode>(&self, tail: &str) -> Result<T, ApiFailure> {
        self.get_as(tail, self.known_voter()).await
    }

    /// `GET` as `voter`.
    async fn get_as<T: Decode>(&self, tail: &str, voter: Option<String>) -> Result<T, ApiFailure> {
        let mut request = Request::get(&self.url(tail)?);
        if let Some(token) = voter {
            request = request.header("Parvis-Voter", &token);
        }
        if let Some(ticket) = &self.ticket {
            request = request.header(TICKET_HEADER, ticket);
        }
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        read(response).await
    }

    /// A write as this resident (their voter token is created on their
    /// first one), with an optional JSON body and idempotency key, and the
    /// proof of work the API asks before it (solved once per widget and
    /// page view; solved again if the API no longer accepts it).
    /// Answers `None` for `204 No Content`.
    pub async fn send<B: Serialize, T: Decode>(
        &self,
        method: Method,
        tail: &str,
        body: Option<&B>,
        idempotency_key: Option<&str>,
    ) -> Result<Option<T>, ApiFailure> {
        let url = self.url(tail)?;
        let voter = self.voter_token().ok_or(ApiFailure::Network)?;
        let body = body.map(to_json).transpose()?;
        let write = Write {
            method,
            url: &url,
            voter: &voter,
            ticket: self.ticket.as_deref(),
            idempotency_key,
            body: body.as_deref(),
        };
        let proof = self.proof(&voter).await?;
        let mut response = write.send(&proof).await?;
        if response.status() == 428 {
            proof::forget(&self.widget_id, &voter);
            let proof = self.proof(&voter).await?;
            response = write.send(&proof).await?;
        }
        if response.status() == 204 {
            return Ok(None);
        }
        read(response).await.map(Some)
    }

    /// This voter's proof of work for the widget: the one solved earlier in
    /// this page view, or a new challenge fetched and solved now.
    async fn proof(&self, voter: &str) -> Result<String, ApiFailure> {
        if let Some(known) = proof::known(&self.widget_id, voter) {
            return Ok(known);
        }
        let puzzle: ProofChallenge = self.get_as("/challenge", Some(voter.to_owned())).await?;
        let solved = proof::solve(&puzzle.challenge, puzzle.bits).await;
        proof::remember(&self.widget_id, voter, &solved);
        Ok(solved)
    }
}

/// A resident's write, ready to be sent (again, with a fresh proof).
struct Write<'a> {
    method: Method,
    url: &'a str,
    voter: &'a str,
    ticket: Option<&'a str>,
    idempotency_key: Option<&'a str>,
    body: Option<&'a str>,
}

impl Write<'_> {
    async fn send(&self, proof: &str) -> Result<Response, ApiFailure> {
        let mut builder: RequestBuilder = match self.method {
            Method::Post => Request::post(self.url),
            Method::Put => Request::put(self.url),
            Method::Delete => Request::delete(self.url),
        };
        builder = builder
            .header("Parvis-Voter", self.voter)
            .header(HEADER, proof);
        if let Some(key) = self.idempotency_key {
            builder = builder.header("Idempotency-Key", key);
        }
        if let Some(ticket) = self.ticket {
            builder = builder.header(TICKET_HEADER, ticket);
        }
        let request = match self.body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(|_| ApiFailure::Network)?,
            None => builder.build().map_err(|_| ApiFailure::Network)?,
        };
        request.send().await.map_err(|_| ApiFailure::Network)
    }
}

impl ApiClient {
    /// Posts resident text (an idea, a comment) as this voter, with the
    /// form's retry key: a retry of the same body is answered once.
    pub async fn post_text<B: Serialize, T: Decode>(
        &self,
        tail: &str,
        body: &B,
        attempt: RetryKey,
    ) -> Result<T, ApiFailure> {
        let key = attempt.for_body(to_json(body)?);
        self.send::<B, T>(Method::Post, tail, Some(body), Some(&key))
            .await?
            .ok_or(ApiFailure::Unexpected(204))
    }
}

/// A value as JSON text.
fn to_json<B: Serialize>(body: &B) -> Result<String, ApiFailure> {
    let value = serde_wasm_bindgen::to_value(body).map_err(|_| ApiFailure::Unexpected(0))?;
    js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(|_| ApiFailure::Unexpected(0))
}

async fn read<T: Decode>(response: Response) -> Result<T, ApiFailure> {
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|_| ApiFailure::Unexpected(status))?;
    let value = js_sys::JSON::parse(&text).map_err(|_| ApiFailure::Unexpected(status))?;
    if (200..300).contains(&status) {
        return T::decode(&value).ok_or(ApiFailure::Unexpected(status));
    }
    match Problem::decode(&value) {
        Some(problem) => Err(ApiFailure::Problem(Box::new(problem))),
        None => Err(ApiFailure::Unexpected(status)),
    }
}
