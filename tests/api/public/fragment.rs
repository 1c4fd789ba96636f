//! `GET /v1/widgets/{id}/fragment`: the widget rendered on the server, the
//! same for everyone, cached, purged by staff changes, refused clearly when
//! asked wrongly.

use crate::staff::{create_widget, open_poll};
use parvis_tests::{Call, Reply, city_origin, new_voter, sign_in};
use serde_json::json;

/// The fragment, uncompressed (the runtime compresses for browsers).
fn fragment(path: &str) -> Reply {
    Call::get(path)
        .from_city()
        .header("Accept-Encoding", "identity")
        .send()
}

fn seed(reply: &Reply) -> serde_json::Value {
    let start = reply.text.find("data-parvis-seed>").expect("a seed") + "data-parvis-seed>".len();
    let end = start
        + reply.text[start..]
            .find("</script>")
            .expect("the seed's end");
    serde_json::from_str(&reply.text[start..end]).expect("the seed is JSON")
}

#[test]
fn a_poll_renders_to_html_with_its_styles_language_theme_and_city_colours() {
    let reply = fragment("/v1/widgets/demo-poll/fragment?lang=en&theme=dark");
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "text/html; charset=utf-8");
    assert_eq!(reply.allow_origin, Some(city_origin()));
    assert_eq!(reply.header("cache-control"), Some("public, max-age=60"));
    // Opened on its own, it is an inert document: no script can run there.
    assert_eq!(
        reply.header("content-security-policy"),
        Some("sandbox; default-src 'none'; style-src 'unsafe-inline'")
    );
    let html = &reply.text;
    assert!(html.starts_with("<style>"), "{html}");
    assert!(
        html.contains(r#"<div class="parvis theme-dark" lang="en" data-parvis-kind="poll" style="--city-accent:#0b5e3c;--city-radius:4px;">"#),
        "{html}"
    );
    assert!(html.contains("Que souhaitez-vous en priorité sur la place du Marché ?"));
    assert!(html.contains(r#"<input type="radio" name="choice" value="arbres""#));
    // The interface speaks the asked language; the notice waits hidden.
    assert!(html.contains(">Vote<"), "{html}");
    assert!(html.contains("data-parvis-unavailable hidden>Taking part is not possible"));
    // The seed is the widget as everyone sees it.
    let seed = seed(&reply);
    assert_eq!(seed["view"]["id"], "demo-poll");
    assert_eq!(seed["view"]["has_voted"], false);
    assert_eq!(seed["page"], serde_json::Value::Null);
}

#[test]
fn the_fragment_is_the_same_for_a_resident_who_voted() {
    let id = open_poll(&sign_in("admin@test.example"), "Le même pour tous");
    let voter = new_voter();
    let voted = Call::post(format!("/v1/widgets/{id}/ballots"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["a"] }))
        .send();
    assert_eq!(voted.status, 201, "{}", voted.text);
    let as_voter = Call::get(format!("/v1/widgets/{id}/fragment?lang=fr"))
        .from_city()
        .header("Accept-Encoding", "identity")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(as_voter.status, 200, "{}", as_voter.text);
    assert_eq!(seed(&as_voter)["view"]["has_voted"], false);
    assert!(
        as_voter.text.contains("<form"),
        "the ballot form, for everyone"
    );
}

#[test]
fn list_widgets_carry_their_first_page() {
    let ideas = fragment("/v1/widgets/demo-ideas/fragment");
    assert_eq!(ideas.status, 200, "{}", ideas.text);
    assert!(ideas.text.contains(r#"data-parvis-kind="ideas""#));
    assert!(ideas.text.contains(r#"lang="fr""#));
    let seed_ideas = seed(&ideas);
    let first = seed_ideas["page"]["items"][0]["title"]
        .as_str()
        .expect("an idea");
    assert!(ideas.text.contains(first), "the first idea is rendered");
    let comments = fragment("/v1/widgets/demo-comments/fragment?lang=fr&theme=auto");
    assert_eq!(comments.status, 200, "{}", comments.text);
    assert!(comments.text.contains(r#"class="parvis theme-auto""#));
    let seed_comments = seed(&comments);
    let body = seed_comments["page"]["items"][0]["body"]
        .as_str()
        .expect("a comment");
    assert!(
        comments.text.contains(body),
        "the first comment is rendered"
    );
}

/// An open thread with one comment of `body` by a new voter: the thread's
/// id, the voter and the comment's id.
fn thread_with_comment(title: &str, body: &str) -> (String, String, i64) {
    let session = sign_in("admin@test.example");
    let id = create_widget(
        &session,
        json!({ "kind": "comments", "title": title, "status": "open" }),
    );
    let voter = new_voter();
    let posted = Call::post(format!("/v1/widgets/{id}/comments"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .json(&json!({ "body": body }))
        .send();
    assert_eq!(posted.status, 201, "{}", posted.text);
    let comment = posted.json["id"].as_i64().expect("an id");
    (id, voter, comment)
}

#[test]
fn resident_text_is_escaped_and_cannot_close_the_seed() {
    let payload = "</script><script>alert('xss')</script><img src=x onerror=alert(1)>";
    let (id, _, _) = thread_with_comment("Échappement", payload);
    let reply = fragment(&format!("/v1/widgets/{id}/fragment"));
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(!reply.text.contains("<script>alert"), "{}", reply.text);
    assert!(!reply.text.contains("<img"), "{}", reply.text);
    let escaped = "&lt;/script&gt;&lt;script&gt;alert('xss')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
    assert!(reply.text.contains(escaped), "{}", reply.text);
    // One script element only: the seed, whose JSON keeps the text intact.
    assert_eq!(reply.text.matches("<script").count(), 1);
    assert_eq!(seed(&reply)["page"]["items"][0]["body"], payload);
}

#[test]
fn the_second_read_comes_from_the_cache_and_a_staff_change_purges_it() {
    let session = sign_in("admin@test.example");
    let id = create_widget(
        &session,
        json!({ "kind": "ideas", "title": "Avant", "status": "open" }),
    );
    let path = format!("/v1/widgets/{id}/fragment?lang=en");
    let first = fragment(&path);
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(first.header("parvis-fragment-cache"), Some("miss"));
    let second = fragment(&path);
    assert_eq!(second.header("parvis-fragment-cache"), Some("hit"));
    assert_eq!(second.text, first.text);
    // A cache hit still decides CORS by the city's origins: a foreign page
    // gets no fragment, only a refusal it may read (naming the setting).
    let foreign = Call::get(&path)
        .header("Origin", "https://evil.example")
        .header("Accept-Encoding", "identity")
        .send();
    foreign.assert_problem(403, "origin_not_allowed");
    assert_eq!(foreign.header("parvis-fragment-cache"), Some("hit"));
    assert!(
        !foreign.text.contains("data-parvis-seed"),
        "no widget markup: {}",
        foreign.text
    );
    assert_eq!(foreign.allow_origin.as_deref(), Some("*"));
    assert_eq!(foreign.header("parvis-allowed-origins"), None);

    let changed = Call::request("PUT", format!("/v1/staff/widgets/{id}"))
        .staff(&session)
        .json(&json!({ "kind": "ideas", "title": "Après", "status": "open" }))
        .send();
    assert_eq!(changed.status, 200, "{}", changed.text);
    let after = fragment(&path);
    assert_eq!(after.header("parvis-fragment-cache"), Some("miss"));
    assert!(after.text.contains(">Après<"), "{}", after.text);
}

/// What a resident erases leaves the shared first view at once.
#[test]
fn a_deleted_comment_leaves_the_cached_fragment_at_once() {
    let (id, voter, comment) = thread_with_comment("Effacement", "Un avis que je retirerai");
    let path = format!("/v1/widgets/{id}/fragment");
    assert!(fragment(&path).text.contains("Un avis que je retirerai"));
    assert_eq!(fragment(&path).header("parvis-fragment-cache"), Some("hit"));
    let deleted = Call::request("DELETE", format!("/v1/widgets/{id}/comments/{comment}"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    let after = fragment(&path);
    assert_eq!(after.header("parvis-fragment-cache"), Some("miss"));
    assert!(!after.text.contains("Un avis que je retirerai"));
}

#[test]
fn bad_queries_and_unknown_widgets_get_problems() {
    fragment("/v1/widgets/demo-poll/fragment?lang=de").assert_problem(400, "invalid_query");
    fragment("/v1/widgets/demo-poll/fragment?theme=neon").assert_problem(400, "invalid_query");
    fragment("/v1/widgets/demo-poll/fragment?page=2").assert_problem(400, "invalid_query");
    fragment("/v1/widgets/no-such-widget/fragment").assert_problem(404, "not_found");
}
