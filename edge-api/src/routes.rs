//! The route table: every method and path the API serves. The router
//! matches against it, and a test checks it against `openapi.json`.

use parvis_model::limits::Participation;
use worker::Method;

/// Which handler serves a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    OpenApi,
    ReadWidget,
    WidgetFragment,
    IssueChallenge,
    CastBallot,
    ListIdeas,
    SubmitIdea,
    SupportIdea,
    WithdrawIdeaSupport,
    ListComments,
    ListReplies,
    PostComment,
    DeleteComment,
    SupportComment,
    WithdrawCommentSupport,
    ReportComment,
    ReadVoterData,
    DeleteVoterData,
    SignIn,
    SignOut,
    Me,
    ChangePassword,
    ReadCity,
    UpdateCity,
    ListAccounts,
    CreateAccount,
    DeleteAccount,
    ListWidgets,
    CreateWidget,
    ReadStaffWidget,
    UpdateWidget,
    DeleteWidget,
    ArchiveWidget,
    WidgetResults,
    ExportWidget,
    ListStaffIdeas,
    UpdateIdea,
    ModerationQueue,
    Decide,
    ReplyAsCity,
    WidgetAudit,
    UndoDecision,
    WidgetIntegrity,
    EmbedCheck,
    ListCodeSets,
    CreateCodeSet,
    DownloadCodes,
    RevokeCode,
    CityAudit,
    ConsultationPage,
    FramePage,
    OEmbed,
    SignInCallback,
    StartVerification,
    ReadIdentityProvider,
    UpdateIdentityProvider,
    RemoveIdentityProvider,
}

impl Handler {
    /// The participation a write adds, which the daily caps per network count.
    pub fn counts_as(self) -> Option<Participation> {
        match self {
            Handler::CastBallot => Some(Participation::Ballot),
            Handler::SubmitIdea => Some(Participation::Idea),
            Handler::SupportIdea | Handler::SupportComment => Some(Participation::Support),
            Handler::ReportComment => Some(Participation::Report),
            _ => None,
        }
    }
}

/// Who a route serves, which decides the checks before its handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Residents' widgets on city pages: CORS per city, voter tokens, rate limits.
    Public,
    /// The staff dashboard: same origin only, session cookie.
    Staff,
    /// Documents about the API itself.
    Meta,
    /// Parvis' own pages for sharing and framing a widget, and oEmbed.
    Page,
}

/// One route.
pub struct Route {
    /// The HTTP method.
    pub method: Method,
    /// The path, with `{name}` for a parameter segment.
    pub pattern: &'static str,
    /// What serves it.
    pub handler: Handler,
}

impl Route {
    /// The route's area, from its path.
    pub fn area(&self) -> Area {
        if self.pattern.starts_with("/v1/widgets/") {
            Area::Public
        } else if self.pattern.starts_with("/v1/staff/") {
            Area::Staff
        } else if !self.pattern.starts_with("/v1/") {
            Area::Page
        } else {
            Area::Meta
        }
    }

    /// The path parameters if `path` matches this route's pattern.
    pub fn matches(&self, path: &str) -> Option<Vec<(&'static str, String)>> {
        let mut pattern = self.pattern.split('/');
        let mut actual = path.split('/');
        let mut params = Vec::new();
        loop {
            match (pattern.next(), actual.next()) {
                (None, None) => return Some(params),
                (Some(expected), Some(segment)) => {
                    if let Some(name) = expected.strip_prefix('{').and_then(|p| p.strip_suffix('}'))
                    {
                        if segment.is_empty() {
                            return None;
                        }
                        params.push((name, segment.to_owned()));
                    } else if expected != segment {
                        return None;
                    }
                }
                _ => return None,
            }
        }
    }
}

const fn route(method: Method, pattern: &'static str, handler: Handler) -> Route {
    Route {
        method,
        pattern,
        handler,
    }
}

use Handler::*;
use Method::{Delete, Get, Patch, Post, Put};

/// Every route of the API.
pub const ROUTES: &[Route] = &[
    route(Get, "/v1/openapi.json", OpenApi),
    // Pages to share and frame a widget.
    route(Get, "/c/{id}", ConsultationPage),
    route(Get, "/embed/{id}", FramePage),
    route(Get, "/oembed", OEmbed),
    // The identity provider sends the sign-in window back here.
    route(Get, "/oidc/callback", SignInCallback),
    // Residents.
    route(Get, "/v1/widgets/{id}", ReadWidget),
    route(Get, "/v1/widgets/{id}/fragment", WidgetFragment),
    route(Get, "/v1/widgets/{id}/challenge", IssueChallenge),
    route(Post, "/v1/widgets/{id}/ballots", CastBallot),
    route(Post, "/v1/widgets/{id}/verification", StartVerification),
    route(Get, "/v1/widgets/{id}/ideas", ListIdeas),
    route(Post, "/v1/widgets/{id}/ideas", SubmitIdea),
    route(Put, "/v1/widgets/{id}/ideas/{idea}/support", SupportIdea),
    route(
        Delete,
        "/v1/widgets/{id}/ideas/{idea}/support",
        WithdrawIdeaSupport,
    ),
    route(Get, "/v1/widgets/{id}/comments", ListComments),
    route(
        Get,
        "/v1/widgets/{id}/comments/{comment}/replies",
        ListReplies,
    ),
    route(Post, "/v1/widgets/{id}/comments", PostComment),
    route(Delete, "/v1/widgets/{id}/comments/{comment}", DeleteComment),
    route(
        Put,
        "/v1/widgets/{id}/comments/{comment}/support",
        SupportComment,
    ),
    route(
        Delete,
        "/v1/widgets/{id}/comments/{comment}/support",
        WithdrawCommentSupport,
    ),
    route(
        Post,
        "/v1/widgets/{id}/comments/{comment}/reports",
        ReportComment,
    ),
    route(Get, "/v1/widgets/{id}/voter-data", ReadVoterData),
    route(Delete, "/v1/widgets/{id}/voter-data", DeleteVoterData),
    // Staff.
    route(Post, "/v1/staff/session", SignIn),
    route(Delete, "/v1/staff/session", SignOut),
    route(Get, "/v1/staff/me", Me),
    route(Put, "/v1/staff/me/password", ChangePassword),
    route(Get, "/v1/staff/city", ReadCity),
    route(Patch, "/v1/staff/city", UpdateCity),
    route(Get, "/v1/staff/accounts", ListAccounts),
    route(Post, "/v1/staff/accounts", CreateAccount),
    route(Delete, "/v1/staff/accounts/{account}", DeleteAccount),
    route(Get, "/v1/staff/widgets", ListWidgets),
    route(Post, "/v1/staff/widgets", CreateWidget),
    route(Get, "/v1/staff/widgets/{id}", ReadStaffWidget),
    route(Put, "/v1/staff/widgets/{id}", UpdateWidget),
    route(Delete, "/v1/staff/widgets/{id}", DeleteWidget),
    route(Post, "/v1/staff/widgets/{id}/archive", ArchiveWidget),
    route(Get, "/v1/staff/widgets/{id}/results", WidgetResults),
    route(Get, "/v1/staff/widgets/{id}/export", ExportWidget),
    route(Get, "/v1/staff/widgets/{id}/ideas", ListStaffIdeas),
    route(Patch, "/v1/staff/ideas/{idea}", UpdateIdea),
    route(
        Post,
        "/v1/staff/widgets/{id}/comments/{comment}/replies",
        ReplyAsCity,
    ),
    route(Get, "/v1/staff/widgets/{id}/audit", WidgetAudit),
    route(Get, "/v1/staff/widgets/{id}/integrity", WidgetIntegrity),
    route(Get, "/v1/staff/embed-check", EmbedCheck),
    route(Get, "/v1/staff/code-sets", ListCodeSets),
    route(Post, "/v1/staff/code-sets", CreateCodeSet),
    route(Get, "/v1/staff/code-sets/{set}/codes", DownloadCodes),
    route(Post, "/v1/staff/code-sets/{set}/revocations", RevokeCode),
    route(Get, "/v1/staff/audit", CityAudit),
    route(Get, "/v1/staff/identity-provider", ReadIdentityProvider),
    route(Put, "/v1/staff/identity-provider", UpdateIdentityProvider),
    route(
        Delete,
        "/v1/staff/identity-provider",
        RemoveIdentityProvider,
    ),
    route(Get, "/v1/staff/moderation", ModerationQueue),
    route(Post, "/v1/staff/moderation/decisions", Decide),
    route(Post, "/v1/staff/moderation/undo", UndoDecision),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowercase name of a method, as OpenAPI writes it.
    fn method_name(method: &Method) -> &'static str {
        match method {
            Method::Get => "get",
            Method::Post => "post",
            Method::Put => "put",
            Method::Patch => "patch",
            Method::Delete => "delete",
            Method::Head => "head",
            Method::Options => "options",
            _ => "other",
        }
    }

    #[test]
    fn patterns_match_segments_exactly() {
        let route = ROUTES
            .iter()
            .find(|route| route.handler == SupportIdea)
            .expect("the support route");
        assert_eq!(route.pattern, "/v1/widgets/{id}/ideas/{idea}/support");
        let params = route
            .matches("/v1/widgets/w1/ideas/42/support")
            .expect("matches");
        assert_eq!(params, [("id", "w1".to_owned()), ("idea", "42".to_owned())]);
        assert!(route.matches("/v1/widgets/w1/ideas/42").is_none());
        assert!(route.matches("/v1/widgets//ideas/42/support").is_none());
        assert!(route.matches("/v1/widgets/w1/ideas/42/support/x").is_none());
    }

    #[test]
    fn every_route_is_documented_in_openapi_and_nothing_else_is() {
        let document: serde_json::Value =
            serde_json::from_str(crate::openapi::DOCUMENT).expect("openapi.json parses");
        let mut documented: Vec<String> = Vec::new();
        for (path, item) in document["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("path item").keys() {
                if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    documented.push(format!("{method} {path}"));
                }
            }
        }
        let mut routed: Vec<String> = ROUTES
            .iter()
            .map(|r| format!("{} {}", method_name(&r.method), r.pattern))
            .collect();
        documented.sort();
        routed.sort();
        assert_eq!(routed, documented);
    }
}
