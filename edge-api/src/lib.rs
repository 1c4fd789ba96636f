//! The Parvis Worker: the public `/v1` API for residents' widgets and the
//! staff API, on D1. The widget files are served by Workers Static Assets
//! before this code runs (see `wrangler.toml`).
//!
//! A daily Cron Trigger runs [`retention`]. Every request goes through
//! [`router::handle`]: the route table in
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
#[cfg(test)]
mod module_cycles;
mod oidc;
mod openapi;
mod pages;
mod public;
mod reply;
mod retention;
mod router;
mod routes;
mod staff;
mod widget_row;

use worker::{Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent, event};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Ok(router::handle(req, env).await)
}

/// The daily Cron Trigger: the retention job ([`retention`]). A failure is
/// logged; the next run finds the same widgets still due.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let now = (event.schedule() / 1000.0) as i64;
    let outcome = match env.d1(db::BINDING) {
        Ok(db) => retention::run(&db, now).await,
        Err(error) => Err(error.into()),
    };
    match outcome {
        Ok(erased) => worker::console_log!("retention: {erased} consultations erased"),
        Err(error) => worker::console_error!("retention failed: {error:?}"),
    }
}
