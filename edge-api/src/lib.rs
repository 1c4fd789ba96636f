//! The Parvis Worker: the public `/v1` API on D1. The widget files are
//! served by Workers Static Assets before this code runs (see `wrangler.toml`).
//!
//! Every request goes through [`handle`]: one `match` maps method and path to
//! a handler, every handler returns `Result<Response, ApiError>`, and errors
//! become `application/problem+json` in one place ([`error`]).

mod ballots;
mod body;
mod cors;
mod error;
mod voter;
mod widgets;

use cors::CorsPolicy;
use error::ApiError;
use worker::{Context, Env, Method, Request, Response, Result, event};

/// The D1 binding name in `wrangler.toml`.
const DB_BINDING: &str = "DB";

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Ok(handle(req, env).await)
}

/// What a path under `/v1/widgets/{id}` asks for.
enum WidgetAction {
    Read,
    Vote,
    Preflight,
}

/// Routes one request. Never fails: every error is already a response.
async fn handle(req: Request, env: Env) -> Response {
    let path = req.path();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let method = req.method();
    let (id, action) = match (&method, segments.as_slice()) {
        (Method::Get | Method::Head, ["v1", "widgets", id]) => (*id, WidgetAction::Read),
        (Method::Post, ["v1", "widgets", id, "ballots"]) => (*id, WidgetAction::Vote),
        (Method::Options, ["v1", "widgets", _] | ["v1", "widgets", _, "ballots"]) => {
            (segments[2], WidgetAction::Preflight)
        }
        (_, ["v1", "widgets", _] | ["v1", "widgets", _, "ballots"]) => {
            return ApiError::MethodNotAllowed.into_response();
        }
        _ => return ApiError::NotFound("no such route").into_response(),
    };
    let id = id.to_owned();
    let result = handle_widget_action(req, &env, &id, action).await;
    result.unwrap_or_else(ApiError::into_response)
}

async fn handle_widget_action(
    req: Request,
    env: &Env,
    id: &str,
    action: WidgetAction,
) -> std::result::Result<Response, ApiError> {
    let db = env.d1(DB_BINDING)?;
    let Some(allowed_origins) = widgets::allowed_origins(&db, id).await? else {
        // An unknown widget has no city to protect: let any page read the 404,
        // so a webmaster's mistyped id shows up in the widget, not as a CORS error.
        return Ok(CorsPolicy::Anyone.apply(ApiError::NotFound("no such widget").into_response()));
    };
    let cors = CorsPolicy::for_request(&req, &allowed_origins);
    let result = match action {
        WidgetAction::Preflight => cors.preflight(),
        WidgetAction::Read => widgets::read(&req, env, &db, id).await,
        WidgetAction::Vote => match cors.check_write() {
            Ok(()) => ballots::create(req, env, &db, id).await,
            Err(error) => Err(error),
        },
    };
    Ok(cors.apply(result.unwrap_or_else(ApiError::into_response)))
}
