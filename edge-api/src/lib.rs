//! The Parvis Worker: the public `/v1` API for residents' widgets and the
//! staff API, on D1. The widget files are served by Workers Static Assets
//! before this code runs (see `wrangler.toml`).
//!
//! Every request goes through [`router::handle`]: the route table in
//! [`routes`] maps method and path to a handler; handlers return
//! `Result<Reply, ApiError>`, and errors become `application/problem+json`
//! in one place ([`error`]).

mod abuse;
mod body;
mod context;
mod cors;
mod crypto;
mod db;
mod error;
mod openapi;
mod public;
mod reply;
mod router;
mod routes;
mod staff;

use worker::{Context, Env, Request, Response, Result, event};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Ok(router::handle(req, env).await)
}
