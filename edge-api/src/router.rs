//! Turns a request into an answer: finds its route, runs the checks of the
//! route's area, calls the handler, and decorates the answer.

use crate::abuse::{idempotency, proof, rate_limit, refusals};
use crate::context::Ctx;
use crate::cors::CorsPolicy;
use crate::crypto::{keyed_hash, previous_keyed_hash};
use crate::error::ApiError;
use crate::reply::Reply;
use crate::routes::{Area, Handler, ROUTES, Route};
use crate::{body, openapi, pages, public, staff};
use parvis_model::VoterToken;
use parvis_model::participation::ParticipationLevel;
use worker::{Date, Env, Method, Request, Response};

/// Answers one request. Never fails: every error is already an answer.
pub async fn handle(req: Request, env: Env) -> Response {
    let path = req.path();
    let method = match req.method() {
        Method::Head => Method::Get,
        other => other,
    };
    let matching: Vec<(&Route, Vec<(&'static str, String)>)> = ROUTES
        .iter()
        .filter_map(|route| route.matches(&path).map(|params| (route, params)))
        .collect();
    let Some((route, params)) = matching.iter().find(|(route, _)| route.method == method) else {
        return no_route(&req, &matching, method).into_response();
    };
    let db = match env.d1(crate::db::BINDING) {
        Ok(db) => db,
        Err(error) => return ApiError::from(error).into_reply().into_response(),
    };
    let ctx = Ctx {
        req,
        env,
        db,
        now: (Date::now().as_millis() / 1000) as i64,
        body: Vec::new(),
        params: params.clone(),
        widget: None,
        voter: None,
        idempotency_key: None,
        network: std::cell::OnceCell::new(),
        staff: std::cell::OnceCell::new(),
    };
    let reply = match route.area() {
        Area::Public => public_route(route, ctx).await,
        Area::Staff => staff_route(route, ctx).await,
        Area::Page => pages::serve(route.handler, ctx).await,
        Area::Meta => dispatch(route.handler, &mut { ctx })
            .await
            .unwrap_or_else(ApiError::into_reply),
    };
    reply.into_response()
}

/// No route has this method on this path: a CORS preflight for a widget
/// path, a 405 when other methods exist, else 404.
fn no_route(
    req: &Request,
    matching: &[(&Route, Vec<(&'static str, String)>)],
    method: Method,
) -> Reply {
    let Some((route, _)) = matching.first() else {
        return ApiError::NotFound("no such route").into_reply();
    };
    if method == Method::Options && route.area() == Area::Public {
        return preflight(req);
    }
    let mut allowed: Vec<&str> = matching.iter().map(|(r, _)| r.method.as_ref()).collect();
    allowed.sort_unstable();
    allowed.dedup();
    ApiError::MethodNotAllowed(allowed.join(", ")).into_reply()
}

/// A CORS preflight, answered from the request alone (no D1 query): it
/// grants nothing by itself. The request that follows is checked against
/// the widget's city, and a foreign origin's write gets its 403 then.
fn preflight(req: &Request) -> Reply {
    let cors = match req.headers().get("Origin").ok().flatten() {
        Some(origin) => CorsPolicy::Origin(origin),
        None => CorsPolicy::NoOrigin,
    };
    cors.apply(cors.preflight())
}

fn is_write(method: &Method) -> bool {
    matches!(
        method,
        Method::Post | Method::Put | Method::Patch | Method::Delete
    )
}

/// Residents' routes: the widget's city decides CORS; writes need a voter
/// token and pass rate limits and idempotency.
async fn public_route(route: &Route, mut ctx: Ctx) -> Reply {
    if route.handler == Handler::WidgetFragment {
        // Served from the cache when possible: its own checks, no D1 first.
        return public::fragment::serve(ctx).await;
    }
    let widget = match public::widgets::load(&ctx.db, ctx.param("id")).await {
        Ok(Some(widget)) => widget,
        // An unknown widget has no city to protect: any page may read the
        // 404, so a mistyped id shows in the widget, not as a CORS error.
        Ok(None) => {
            return CorsPolicy::Anyone.apply(ApiError::NotFound("no such widget").into_reply());
        }
        Err(error) => return error.into_reply(),
    };
    let ticket = public::embed_ticket::check(&ctx, &widget.id);
    if ticket == public::embed_ticket::Ticket::Invalid {
        // The frame may read why: reloading its page gives a new ticket.
        let refusal = ApiError::EmbedTicketExpired.into_reply();
        return CorsPolicy::Origin("null".to_owned()).apply(refusal);
    }
    let cors = CorsPolicy::for_request(&ctx.req, &page_origins(&ctx, &widget, ticket));
    ctx.widget = Some(widget);
    let reply = if route.handler == Handler::ReadVoterData {
        private_read(route, &mut ctx, &cors).await
    } else if is_write(&route.method) {
        let result = public_write(route, &mut ctx, &cors).await;
        if let Err(error) = &result
            && let Some(reason) = refusals::refusal_reason(error)
        {
            // Staff see refusals by reason; counting one never changes the answer.
            let _ = refusals::count_refusal(&ctx, reason).await;
        }
        result
    } else {
        public_read(route, &mut ctx).await
    };
    cors.apply(reply.unwrap_or_else(ApiError::into_reply))
}

/// The origins whose pages may use this widget: the city's allowed sites,
/// Parvis itself (the consultation page), and `null` for Parvis' framed
/// page in a sandbox when it shows its ticket (`public::embed_ticket`).
fn page_origins<'a>(
    ctx: &Ctx,
    widget: &'a crate::widget_row::WidgetRow,
    ticket: public::embed_ticket::Ticket,
) -> Vec<std::borrow::Cow<'a, str>> {
    let mut origins: Vec<std::borrow::Cow<'a, str>> = widget
        .allowed_origins()
        .into_iter()
        .map(Into::into)
        .collect();
    if ticket == public::embed_ticket::Ticket::Valid {
        origins.push("null".into());
    }
    if let Some(own) = ctx.own_origin() {
        origins.push(own.into());
    }
    origins
}

/// Knows the voter by the keyed hash of their token. During a key rotation
/// their rows move from the previous key's hash to the current one's first,
/// so they keep their ballots and can still erase them.
async fn identify(ctx: &mut Ctx, token: &VoterToken) -> Result<(), ApiError> {
    let current = keyed_hash(&ctx.env, "voter", token.as_str())?;
    if let Some(previous) = previous_keyed_hash(&ctx.env, "voter", token.as_str())? {
        public::voter_keys::rehash(ctx, &previous, &current).await?;
    }
    ctx.voter = Some(current);
    Ok(())
}

async fn public_read(route: &Route, ctx: &mut Ctx) -> Result<Reply, ApiError> {
    if let Some(value) = ctx.header("Parvis-Voter") {
        let token = VoterToken::parse(Some(&value))?;
        identify(ctx, &token).await?;
    }
    dispatch(route.handler, ctx).await
}

/// A read of one resident's own data: whoever holds the token can read what
/// it wrote, so it is guarded like a write (an allowed page's `Origin`, the
/// per-minute limits) without the proof of work, which guards participation.
async fn private_read(route: &Route, ctx: &mut Ctx, cors: &CorsPolicy) -> Result<Reply, ApiError> {
    cors.check_write()?;
    let token = VoterToken::parse(ctx.header("Parvis-Voter").as_deref())?;
    identify(ctx, &token).await?;
    rate_limit::check_write(ctx, None).await?;
    dispatch(route.handler, ctx).await
}

/// Residents' writes, cheapest refusals first, and nothing read from the
/// body until the sender has passed them: an allowed origin, a voter token
/// with its proof of work (no D1), then the rate limits and the daily cap
/// (one D1 batch).
async fn public_write(route: &Route, ctx: &mut Ctx, cors: &CorsPolicy) -> Result<Reply, ApiError> {
    cors.check_write()?;
    let token = VoterToken::parse(ctx.header("Parvis-Voter").as_deref())?;
    identify(ctx, &token).await?;
    proof::check(ctx)?;
    // A poll by invitation or verified identity is already bounded, one
    // ballot per code or person: a town hall's kiosk on one network must
    // not meet the daily cap per network.
    let bounded = route.handler == Handler::CastBallot
        && ctx.widget()?.participation != ParticipationLevel::Open;
    let counted = route.handler.counts_as().filter(|_| !bounded);
    let slot = rate_limit::check_write(ctx, counted).await?;
    let result = counted_write(route, ctx, slot.as_ref()).await;
    // The cap counts writes that added participation; any other gives its
    // place back (a failure to do so only undercounts the cap's room).
    if let Some(slot) = &slot
        && !matches!(result, Ok((_, Added::Yes)))
    {
        let _ = slot.give_back(ctx).await;
    }
    result.map(|(reply, _)| reply)
}

/// Whether a write added participation that the daily cap should count.
enum Added {
    Yes,
    No,
}

/// The write itself, after the counters: its body, its idempotency claim,
/// the cap's verdict (a retry of a write counted when it first ran is not
/// refused), and the handler.
async fn counted_write(
    route: &Route,
    ctx: &mut Ctx,
    slot: Option<&rate_limit::CapSlot>,
) -> Result<(Reply, Added), ApiError> {
    ctx.body = body::read(&mut ctx.req).await?;
    let claim = match ctx.header("Idempotency-Key") {
        None => None,
        Some(key) => match idempotency::claim(ctx, &key).await? {
            idempotency::Claim::Replay(reply) => return Ok((reply, Added::No)),
            idempotency::Claim::Fresh(claim) => Some((claim, false)),
            idempotency::Claim::Resumed(claim) => Some((claim, true)),
        },
    };
    let resumed = claim.as_ref().is_some_and(|(_, resumed)| *resumed);
    if let Some(refusal) = slot.and_then(rate_limit::CapSlot::refusal)
        && !resumed
    {
        if let Some((claim, _)) = &claim {
            idempotency::release(ctx, claim).await?;
        }
        return Err(refusal);
    }
    let Some((claim, _)) = claim else {
        let reply = dispatch(route.handler, ctx).await?;
        return Ok((reply, Added::Yes));
    };
    ctx.idempotency_key = Some(claim.clone());
    let reply = dispatch(route.handler, ctx)
        .await
        .unwrap_or_else(ApiError::into_reply);
    idempotency::finish(ctx, &claim, &reply).await?;
    let added = if (200..300).contains(&reply.status) && !resumed {
        Added::Yes
    } else {
        Added::No
    };
    Ok((reply, added))
}

/// Staff routes: same origin only; the handlers check the session and role.
async fn staff_route(route: &Route, mut ctx: Ctx) -> Reply {
    let result = async {
        staff::session::check_same_origin(&ctx, is_write(&route.method))?;
        if is_write(&route.method) {
            // Nobody's body is read before they are known (signing in and out aside).
            if !matches!(route.handler, Handler::SignIn | Handler::SignOut) {
                staff::session::require_signed_in(&ctx).await?;
            }
            ctx.body = body::read(&mut ctx.req).await?;
        }
        dispatch(route.handler, &mut ctx).await
    };
    result.await.unwrap_or_else(ApiError::into_reply)
}

/// Calls the handler of a route.
async fn dispatch(handler: Handler, ctx: &mut Ctx) -> Result<Reply, ApiError> {
    use Handler::*;
    use public::{ballots, comments, ideas, voter_data, widgets};
    use staff::{
        accounts, audit, city, city_replies, code_sets, embed_check, exports, integrity, lifecycle,
        moderation, session, staff_ideas, staff_widgets, widget_results, widget_writes,
    };
    match handler {
        OpenApi => openapi::serve(),
        ReadWidget => widgets::read(ctx).await,
        // Answered by `public_route` before any widget is loaded.
        WidgetFragment => Err(ApiError::NotFound("no such route")),
        IssueChallenge => proof::issue(ctx).await,
        CastBallot => ballots::cast(ctx).await,
        ListIdeas => ideas::list(ctx).await,
        SubmitIdea => ideas::submit(ctx).await,
        SupportIdea => ideas::support(ctx, true).await,
        WithdrawIdeaSupport => ideas::support(ctx, false).await,
        ListComments => comments::list(ctx).await,
        ListReplies => comments::list_replies(ctx).await,
        PostComment => comments::post(ctx).await,
        DeleteComment => comments::delete(ctx).await,
        SupportComment => comments::support(ctx, true).await,
        WithdrawCommentSupport => comments::support(ctx, false).await,
        ReportComment => comments::report(ctx).await,
        ReadVoterData => voter_data::read(ctx).await,
        DeleteVoterData => voter_data::delete(ctx).await,
        SignIn => session::sign_in(ctx).await,
        SignOut => session::sign_out(ctx).await,
        Me => session::me(ctx).await,
        ChangePassword => session::change_password(ctx).await,
        ReadCity => city::read(ctx).await,
        UpdateCity => city::update(ctx).await,
        ListAccounts => accounts::list(ctx).await,
        CreateAccount => accounts::create(ctx).await,
        DeleteAccount => accounts::delete(ctx).await,
        ListWidgets => staff_widgets::list(ctx).await,
        CreateWidget => widget_writes::create(ctx).await,
        ReadStaffWidget => staff_widgets::read(ctx).await,
        UpdateWidget => widget_writes::update(ctx).await,
        DeleteWidget => lifecycle::delete(ctx).await,
        ArchiveWidget => lifecycle::archive(ctx).await,
        WidgetResults => widget_results::results(ctx).await,
        ExportWidget => exports::serve(ctx).await,
        ListStaffIdeas => staff_ideas::list(ctx).await,
        UpdateIdea => staff_ideas::update(ctx).await,
        ModerationQueue => moderation::queue(ctx).await,
        Decide => moderation::decide(ctx).await,
        ReplyAsCity => city_replies::reply(ctx).await,
        WidgetAudit => audit::list(ctx).await,
        UndoDecision => moderation::undo(ctx).await,
        WidgetIntegrity => integrity::report(ctx).await,
        EmbedCheck => embed_check::check(ctx).await,
        ListCodeSets => code_sets::list(ctx).await,
        CreateCodeSet => code_sets::create(ctx).await,
        DownloadCodes => code_sets::download(ctx).await,
        RevokeCode => code_sets::revoke(ctx).await,
        CityAudit => audit::city_list(ctx).await,
        // Answered by `pages::serve`.
        StartVerification => public::verification::start(ctx).await,
        ReadIdentityProvider => staff::identity_provider::read(ctx).await,
        UpdateIdentityProvider => staff::identity_provider::update(ctx).await,
        RemoveIdentityProvider => staff::identity_provider::remove(ctx).await,
        ConsultationPage | FramePage | OEmbed | SignInCallback => {
            Err(ApiError::NotFound("no such route"))
        }
    }
}
