//! Parvis' own pages (`/c/{id}`, `/embed/{id}`), oEmbed, the embed ticket
//! that lets a sandboxed frame write, and the widget's own language.

use crate::staff::{create_widget, open_poll};
use parvis_tests::{Call, Reply, api_url, city_origin, new_voter, sign_in, unique_ip};
use serde_json::json;

fn page(path: &str) -> Reply {
    Call::get(path).header("Accept", "text/html").send()
}

fn csp(reply: &Reply) -> &str {
    reply.header("content-security-policy").unwrap_or_default()
}

#[test]
fn the_consultation_page_shows_the_widget_with_previews_and_oembed_discovery() {
    let reply = page("/c/demo-poll?utm_source=newsletter");
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "text/html; charset=utf-8");
    let html = &reply.text;
    assert!(
        html.starts_with("<!doctype html><html lang=\"fr\">"),
        "{html}"
    );
    assert!(html.contains(
        "<title>Que souhaitez-vous en priorité sur la place du Marché ? — Ville de Démo</title>"
    ));
    let url = format!("{}/c/demo-poll", api_url());
    for tag in [
        "<meta property=\"og:title\" content=\"Que souhaitez-vous en priorité sur la place du Marché ?\">".to_owned(),
        "<meta property=\"og:site_name\" content=\"Ville de Démo\">".to_owned(),
        format!("<meta property=\"og:url\" content=\"{url}\">"),
        "<meta name=\"twitter:card\" content=\"summary\">".to_owned(),
        "<meta property=\"og:description\" content=\"La place du Marché sera réaménagée".to_owned(),
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"".to_owned(),
    ] {
        assert!(html.contains(&tag), "{tag} in {html}");
    }
    // The widget itself, in a declarative shadow root: readable with no script.
    assert!(html.contains("<template shadowrootmode=\"open\"><style>"));
    assert!(html.contains("<input type=\"radio\" name=\"choice\" value=\"arbres\""));
    assert!(html.contains("data-parvis-seed>"));
    assert!(html.contains("<noscript>"));
    // No ticket on a page that is not framed, and no framing at all.
    assert!(!html.contains("data-parvis-ticket"));
    assert!(
        csp(&reply).ends_with("frame-ancestors 'none'"),
        "{}",
        csp(&reply)
    );
    assert!(
        csp(&reply).contains("script-src"),
        "no inline script allowed"
    );
    assert!(
        !csp(&reply).contains("'unsafe-inline' 'wasm"),
        "scripts stay strict"
    );
}

#[test]
fn the_framed_page_may_be_framed_only_by_the_citys_sites() {
    let reply = page("/embed/demo-poll?theme=dark&lang=en");
    assert_eq!(reply.status, 200, "{}", reply.text);
    let framing = csp(&reply).rsplit("; ").next().unwrap_or_default();
    assert!(framing.starts_with("frame-ancestors http"), "{framing}");
    assert!(framing.contains(&city_origin()), "{framing}");
    assert!(
        !framing.contains("autre-ville"),
        "another city's site: {framing}"
    );
    let html = &reply.text;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(
        html.contains("class=\"parvis theme-dark\" lang=\"en\""),
        "{html}"
    );
    assert!(html.contains("data-parvis-ticket=\""));
    assert!(html.contains("<script src=\"/frame.js\" async></script>"));
    // The ticket is personal to this page view: no shared cache keeps it.
    assert_eq!(reply.header("cache-control"), Some("private, max-age=60"));
}

#[test]
fn unknown_widgets_and_bad_queries_get_clear_errors() {
    for path in ["/c/no-such-widget", "/embed/no-such-widget"] {
        Call::get(path).send().assert_problem(404, "not_found");
        let html = page(path);
        assert_eq!(html.status, 404);
        assert!(
            html.text.contains("Consultation indisponible"),
            "{}",
            html.text
        );
    }
    Call::get("/c/demo-poll?lang=de")
        .send()
        .assert_problem(400, "invalid_query");
    Call::get("/embed/demo-poll?theme=neon")
        .send()
        .assert_problem(400, "invalid_query");
    // A draft is not public: no page for it.
    let draft = create_widget(
        &sign_in("admin@test.example"),
        json!({ "kind": "ideas", "title": "Brouillon", "status": "draft" }),
    );
    Call::get(format!("/c/{draft}"))
        .send()
        .assert_problem(404, "not_found");
}

fn oembed(url: &str, extra: &str) -> Reply {
    let encoded: String = url
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    Call::get(format!("/oembed?url={encoded}{extra}")).send()
}

#[test]
fn oembed_answers_a_rich_embed_whose_iframe_is_the_framed_page() {
    let link = format!("{}/c/demo-poll", api_url());
    // WordPress adds its own parameters; unknown ones are ignored.
    let reply = oembed(&link, "&format=json&maxwidth=500&maxheight=900&dnt=1");
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.allow_origin.as_deref(), Some("*"));
    let answer = &reply.json;
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["provider_name"], "Parvis");
    assert_eq!(answer["author_name"], "Ville de Démo");
    assert_eq!(answer["width"], 500);
    let height = answer["height"].as_u64().expect("a height");
    assert!((200..=900).contains(&height), "{height}");
    let html = answer["html"].as_str().expect("html");
    let frame = format!("{}/embed/demo-poll", api_url());
    assert!(
        html.contains(&format!(
            "<iframe src=\"{frame}\" width=\"500\" height=\"{height}\" title=\""
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<a href=\"{link}\">")), "{html}");
    // The iframe's page is served.
    let framed = page(&frame[api_url().len()..]);
    assert_eq!(framed.status, 200);
    assert!(framed.text.contains("data-parvis-widget=\"demo-poll\""));
}

#[test]
fn oembed_refuses_what_is_not_a_consultation_here() {
    Call::get("/oembed")
        .send()
        .assert_problem(400, "invalid_query");
    let here = api_url();
    for (url, status, code) in [
        ("not a url".to_owned(), 400, "invalid_query"),
        (
            "https://evil.example/c/demo-poll".to_owned(),
            400,
            "invalid_query",
        ),
        (format!("{here}/admin/"), 400, "invalid_query"),
        (format!("{here}/c/../admin"), 400, "invalid_query"),
        (format!("{here}/c/no-such-widget"), 404, "not_found"),
    ] {
        let reply = oembed(&url, "");
        assert_eq!(
            (reply.status, reply.code()),
            (status, code),
            "{url}: {}",
            reply.text
        );
        assert_eq!(reply.content_type, "application/problem+json");
    }
    let link = format!("{here}/c/demo-poll");
    oembed(&link, "&format=xml").assert_problem(400, "invalid_query");
    oembed(&link, "&maxwidth=wide").assert_problem(400, "invalid_query");
}

/// The framed page's ticket, issued to a browser on `ip`.
fn ticket_for(widget: &str, ip: &str) -> String {
    let reply = Call::get(format!("/embed/{widget}"))
        .header("CF-Connecting-IP", ip)
        .send();
    assert_eq!(reply.status, 200);
    let start = reply.text.find("data-parvis-ticket=\"").expect("a ticket") + 20;
    let end = start + reply.text[start..].find('"').expect("its end");
    reply.text[start..end].to_owned()
}

fn sandboxed_ballot(widget: &str, ip: &str, ticket: Option<&str>) -> Reply {
    let mut call = Call::post(format!("/v1/widgets/{widget}/ballots"))
        .header("Origin", "null")
        .header("CF-Connecting-IP", ip)
        .header("Parvis-Voter", &new_voter());
    if let Some(ticket) = ticket {
        call = call.header("Parvis-Embed-Ticket", ticket);
    }
    call.json(&json!({ "choices": ["a"] })).send()
}

#[test]
fn a_sandboxed_frame_writes_with_its_ticket_and_nothing_else_does() {
    let id = open_poll(&sign_in("admin@test.example"), "Vote encadré");
    let ip = unique_ip();
    let ticket = ticket_for(&id, &ip);
    let voted = sandboxed_ballot(&id, &ip, Some(&ticket));
    assert_eq!(voted.status, 201, "{}", voted.text);
    assert_eq!(voted.allow_origin.as_deref(), Some("null"));
    // `Origin: null` alone is any sandboxed document anywhere.
    sandboxed_ballot(&id, &ip, None).assert_problem(403, "origin_not_allowed");
    // A ticket a site fetched for itself is worth nothing from its visitors'
    // networks; the frame may read why (a reload gives a new one).
    let elsewhere = sandboxed_ballot(&id, &unique_ip(), Some(&ticket));
    elsewhere.assert_problem(403, "embed_ticket_expired");
    assert_eq!(elsewhere.allow_origin.as_deref(), Some("null"));
    // A ticket is for one widget.
    let other = open_poll(&sign_in("admin@test.example"), "Autre vote encadré");
    sandboxed_ballot(&other, &ip, Some(&ticket)).assert_problem(403, "embed_ticket_expired");
    // Forged, altered or expired tickets.
    let (expires, signature) = ticket.split_once('.').expect("expires.signature");
    let later = format!(
        "{}.{signature}",
        expires.parse::<i64>().expect("a time") + 60
    );
    for forged in [
        later.as_str(),
        "1.00",
        "garbage",
        &format!("{expires}.{}", "0".repeat(64)),
    ] {
        sandboxed_ballot(&id, &ip, Some(forged)).assert_problem(403, "embed_ticket_expired");
    }
    // The ticket opens nothing for a real foreign origin.
    let foreign = Call::post(format!("/v1/widgets/{id}/ballots"))
        .header("Origin", "https://evil.example")
        .header("CF-Connecting-IP", &ip)
        .header("Parvis-Voter", &new_voter())
        .header("Parvis-Embed-Ticket", &ticket)
        .json(&json!({ "choices": ["a"] }))
        .send();
    foreign.assert_problem(403, "origin_not_allowed");
    assert_eq!(foreign.allow_origin, None);
}

#[test]
fn the_consultation_page_writes_from_parvis_own_origin() {
    let id = open_poll(
        &sign_in("admin@test.example"),
        "Vote sur la page de consultation",
    );
    let voted = Call::post(format!("/v1/widgets/{id}/ballots"))
        .header("Origin", &api_url())
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "choices": ["b"] }))
        .send();
    assert_eq!(voted.status, 201, "{}", voted.text);
}

#[test]
fn a_page_not_allowed_is_told_which_setting_to_change() {
    let reply = Call::get("/v1/widgets/demo-poll/fragment")
        .header("Origin", "https://blog.example")
        .send();
    reply.assert_problem(403, "origin_not_allowed");
    assert_eq!(
        reply.allow_origin.as_deref(),
        Some("*"),
        "the page may read why"
    );
    let detail = reply.json["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("https://blog.example"), "{detail}");
    assert!(detail.contains("Allowed sites"), "{detail}");
}

#[test]
fn a_widget_speaks_its_own_language_unless_the_page_asks_for_another() {
    let session = sign_in("admin@test.example");
    let english = create_widget(
        &session,
        json!({ "kind": "ideas", "title": "Ideas for the park", "status": "open", "lang": "en" }),
    );
    let city_default = create_widget(
        &session,
        json!({ "kind": "ideas", "title": "Idées pour le parc", "status": "open" }),
    );
    let view = Call::get(format!("/v1/widgets/{english}")).send();
    assert_eq!(view.json["lang"], "en");
    assert_eq!(
        Call::get(format!("/v1/widgets/{city_default}")).send().json["lang"],
        "fr"
    );
    let staff_view = Call::get(format!("/v1/staff/widgets/{english}"))
        .staff(&session)
        .send();
    assert_eq!(staff_view.json["lang"], "en");
    // The fragment with no `lang` speaks the widget's; `lang` (data-lang) wins.
    let own = Call::get(format!("/v1/widgets/{english}/fragment"))
        .from_city()
        .header("Accept-Encoding", "identity")
        .send();
    assert!(own.text.contains("lang=\"en\""), "{}", own.text);
    let asked = Call::get(format!("/v1/widgets/{english}/fragment?lang=fr"))
        .from_city()
        .header("Accept-Encoding", "identity")
        .send();
    assert!(asked.text.contains("lang=\"fr\""));
    assert!(
        page(&format!("/c/{english}"))
            .text
            .starts_with("<!doctype html><html lang=\"en\">")
    );
    // A language Parvis does not speak is refused.
    let refused = Call::post("/v1/staff/widgets")
        .staff(&session)
        .json(&json!({ "kind": "ideas", "title": "Ideen", "lang": "de" }))
        .send();
    assert_eq!(refused.status, 400, "{}", refused.text);
}
