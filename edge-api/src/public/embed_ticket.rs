//! Embed tickets: how a widget framed in a sandbox may write.
//!
//! WordPress frames discovered embeds with `sandbox="allow-scripts"`: the
//! framed page has an opaque origin, so its requests carry `Origin: null`
//! (and no `Referer`), as any sandboxed document anywhere would. The
//! `Origin` check exists so that no other site can turn its visitors'
//! browsers into participants (each on its own network, past the daily caps
//! per network). So `Origin: null` is admitted only with a ticket that such
//! a site cannot obtain for its visitors:
//!
//! - the ticket is written only into `/embed/{id}`, a page with no CORS (no
//!   other origin can read it) whose `frame-ancestors` are the city's allowed
//!   origins (no other site can frame it);
//! - it is signed (HMAC under the voter-hash key) over the widget, its end
//!   ([`TICKET_SECONDS`] after issue) and the network of the browser that
//!   loaded the page: a ticket a site fetches for itself is worth nothing
//!   from its visitors' networks.
//!
//! A script outside a browser could forge `Origin` as it always could; the
//! proof of work, the rate limits and the daily caps are what bound it. A
//! resident whose network changes while the page is open is asked to
//! reload it (the ticket no longer matches).

use crate::context::Ctx;
use crate::crypto::{constant_time_eq, keyed_hash, previous_keyed_hash};
use crate::error::ApiError;
use parvis_model::embed::{TICKET_HEADER, TICKET_SECONDS, parse_ticket, ticket, ticket_message};

const PURPOSE: &str = "embed-ticket";

/// A ticket for this widget and the requester's network, valid for
/// [`TICKET_SECONDS`] from now.
pub fn issue(ctx: &Ctx, widget_id: &str) -> Result<String, ApiError> {
    let expires_at = ctx.now + TICKET_SECONDS;
    let message = ticket_message(widget_id, expires_at, &ctx.network());
    Ok(ticket(
        expires_at,
        &keyed_hash(&ctx.env, PURPOSE, &message)?,
    ))
}

/// What a request says of itself as a sandboxed framed page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ticket {
    /// Not `Origin: null` with a ticket: the other CORS rules apply.
    None,
    /// `Origin: null` with a valid ticket for this widget and network.
    Valid,
    /// `Origin: null` with a ticket that no longer holds (expired, another
    /// network, another widget, forged): the resident should reload.
    Invalid,
}

/// Checks the ticket of a request with `Origin: null` (see the module's
/// documentation).
pub fn check(ctx: &Ctx, widget_id: &str) -> Ticket {
    if ctx.header("Origin").as_deref() != Some("null") {
        return Ticket::None;
    }
    match ctx.header(TICKET_HEADER) {
        None => Ticket::None,
        Some(text) if is_valid(ctx, &text, widget_id).unwrap_or(false) => Ticket::Valid,
        Some(_) => Ticket::Invalid,
    }
}

fn is_valid(ctx: &Ctx, text: &str, widget_id: &str) -> Result<bool, ApiError> {
    let Some((expires_at, signature)) = parse_ticket(text) else {
        return Ok(false);
    };
    if expires_at <= ctx.now || expires_at > ctx.now + TICKET_SECONDS {
        return Ok(false);
    }
    let message = ticket_message(widget_id, expires_at, &ctx.network());
    if same(&keyed_hash(&ctx.env, PURPOSE, &message)?, signature) {
        return Ok(true);
    }
    // A ticket issued just before a key rotation stays valid through it.
    Ok(previous_keyed_hash(&ctx.env, PURPOSE, &message)?
        .is_some_and(|previous| same(&previous, signature)))
}

/// Compares two signatures (hex, any case) in constant time.
fn same(expected: &str, given: &str) -> bool {
    constant_time_eq(expected, &given.to_ascii_lowercase())
}
