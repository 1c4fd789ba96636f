//! Everything a handler needs about its request, gathered once by the router.

use crate::body::parse_json;
use crate::crypto::keyed_hash;
use crate::error::ApiError;
use crate::widget_row::WidgetRow;
use parvis_model::network::network_of;
use serde::de::DeserializeOwned;
use worker::{D1Database, Env, Request};

/// The request being handled.
pub struct Ctx {
    /// The incoming request.
    pub req: Request,
    /// The Worker's bindings and secrets.
    pub env: Env,
    /// The D1 database.
    pub db: D1Database,
    /// Now, in Unix seconds (one clock reading per request).
    pub now: i64,
    /// The body of a write, already read within limits.
    pub body: Vec<u8>,
    /// Path parameters, by name.
    pub params: Vec<(&'static str, String)>,
    /// Public routes: the widget named in the path.
    pub widget: Option<WidgetRow>,
    /// Public routes: the keyed hash of the `Parvis-Voter` token, when sent.
    pub voter: Option<String>,
    /// Public writes sent with an `Idempotency-Key`: its scope hash, which
    /// creations store on their row.
    pub idempotency_key: Option<String>,
    /// Public routes: the client's network hash, computed once when needed.
    pub network: std::cell::OnceCell<String>,
    /// Staff routes: who is signed in, read once (the router checks it
    /// before a write's body, the handler asks again).
    pub staff: std::cell::OnceCell<crate::staff::member::Staff>,
}

impl Ctx {
    /// A path parameter (the route table guarantees it exists).
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(key, _)| *key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// A path parameter that must be a positive integer id; anything else
    /// names nothing, so 404.
    pub fn id_param(&self, name: &str) -> Result<i64, ApiError> {
        self.param(name)
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0 && *id < (1 << 53))
            .ok_or(ApiError::NotFound("no such item"))
    }

    /// A whole-number Worker variable (`wrangler.toml` `[vars]`, or
    /// `wrangler dev --var`), when set and readable.
    pub fn number_var(&self, name: &str) -> Option<u32> {
        self.env.var(name).ok()?.to_string().parse().ok()
    }

    /// A request header.
    pub fn header(&self, name: &str) -> Option<String> {
        self.req.headers().get(name).ok().flatten()
    }

    /// A query parameter.
    pub fn query(&self, name: &str) -> Option<String> {
        let url = self.req.url().ok()?;
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }

    /// The body as JSON of exactly the shape `T`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        parse_json(self.header("Content-Type").as_deref(), &self.body)
    }

    /// The widget of a public route.
    pub fn widget(&self) -> Result<&WidgetRow, ApiError> {
        self.widget
            .as_ref()
            .ok_or(ApiError::NotFound("no such widget"))
    }

    /// The voter of a public write (the router checked the header).
    pub fn voter(&self) -> Result<&str, ApiError> {
        self.voter.as_deref().ok_or(ApiError::InvalidVoter(
            parvis_model::VoterTokenError::Missing,
        ))
    }

    /// The client's network as the limits count it (IPv4 /32, IPv6 /64),
    /// from the address Cloudflare gives.
    pub fn network(&self) -> String {
        network_of(&self.header("CF-Connecting-IP").unwrap_or_default())
    }

    /// The client's network (IPv4 /32, IPv6 /64) as a keyed hash scoped to
    /// the widget: stable for the widget's daily caps and reports, and
    /// unlinkable from one widget to another.
    pub fn network_hash(&self) -> Result<String, ApiError> {
        if let Some(hash) = self.network.get() {
            return Ok(hash.clone());
        }
        let hash = keyed_hash(
            &self.env,
            &format!("network:{}", self.widget()?.id),
            &self.network(),
        )?;
        Ok(self.network.get_or_init(|| hash).clone())
    }

    /// The voter hash when sent, or a value that matches no row.
    pub fn voter_or_nobody(&self) -> &str {
        self.voter.as_deref().unwrap_or("")
    }

    /// This Worker's own origin, as browsers write it.
    pub fn own_origin(&self) -> Option<String> {
        self.req
            .url()
            .ok()
            .map(|url| url.origin().ascii_serialization())
    }
}
