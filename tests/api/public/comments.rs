//! Comment threads: post, reply, support, report, delete.

use parvis_tests::{Call, concurrently, count_status, new_voter, sign_in};
use serde_json::{Value, json};

pub fn post(widget: &str, voter: &str, body: Value) -> Call {
    Call::post(format!("/v1/widgets/{widget}/comments"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&body)
}

fn report(widget: &str, comment: i64, voter: &str) -> Call {
    Call::post(format!("/v1/widgets/{widget}/comments/{comment}/reports"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&json!({ "reason": "abuse", "details": "insulte" }))
}

pub fn new_thread(moderation: &str, threshold: u32) -> String {
    let session = sign_in("admin@test.example");
    crate::staff::create_widget(
        &session,
        json!({
            "kind": "comments", "title": "Fil de test", "status": "open",
            "moderation": moderation, "report_threshold": threshold
        }),
    )
}

fn list(widget: &str, voter: &str) -> Value {
    let reply = Call::get(format!("/v1/widgets/{widget}/comments"))
        .header("Parvis-Voter", voter)
        .send();
    assert_eq!(reply.status, 200, "{}", reply.json);
    reply.json
}

fn id(reply: &parvis_tests::Reply) -> i64 {
    reply.json["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {}", reply.json))
}

#[test]
fn comments_and_replies_form_one_level_threads() {
    let widget = new_thread("after_publication", 3);
    let first = post(
        &widget,
        &new_voter(),
        json!({ "body": "Première question ?", "display_name": "Paul" }),
    )
    .send();
    assert_eq!(first.status, 201, "{}", first.json);
    assert_eq!(first.json["visibility"], "published");
    let reply = post(
        &widget,
        &new_voter(),
        json!({ "body": "Une réponse", "parent_id": id(&first) }),
    )
    .send();
    assert_eq!(reply.json["parent_id"], id(&first));
    // A reply to a reply joins the same thread.
    let nested = post(
        &widget,
        &new_voter(),
        json!({ "body": "Et encore", "parent_id": id(&reply) }),
    )
    .send();
    assert_eq!(nested.json["parent_id"], id(&first));
    let second = post(&widget, &new_voter(), json!({ "body": "Deuxième" })).send();
    let thread = list(&widget, &new_voter());
    assert_eq!(thread["total"], 2);
    assert_eq!(thread["items"][0]["id"], id(&second));
    let replies: Vec<&str> = thread["items"][1]["replies"]
        .as_array()
        .expect("replies")
        .iter()
        .filter_map(|r| r["body"].as_str())
        .collect();
    assert_eq!(replies, ["Une réponse", "Et encore"]);
    post(
        &widget,
        &new_voter(),
        json!({ "body": "x", "parent_id": 999_999 }),
    )
    .send()
    .assert_problem(404, "not_found");
    post(&widget, &new_voter(), json!({ "body": "  " }))
        .send()
        .assert_problem(422, "validation_failed");
}

#[test]
fn a_resident_deletes_their_own_comment_but_not_others() {
    let widget = new_thread("after_publication", 3);
    let author = new_voter();
    let comment = post(&widget, &author, json!({ "body": "À supprimer" })).send();
    let path = format!("/v1/widgets/{widget}/comments/{}", id(&comment));
    Call::request("DELETE", path.clone())
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .send()
        .assert_problem(404, "not_found");
    let deleted = Call::request("DELETE", path.clone())
        .from_city()
        .header("Parvis-Voter", &author)
        .send();
    assert_eq!(deleted.status, 204);
    assert_eq!(list(&widget, &author)["total"], 0);
    Call::request("DELETE", path)
        .from_city()
        .header("Parvis-Voter", &author)
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn a_deleted_comment_with_replies_keeps_its_place_without_its_text() {
    let widget = new_thread("after_publication", 3);
    let author = new_voter();
    let comment = post(
        &widget,
        &author,
        json!({ "body": "Texte secret", "display_name": "Zoé" }),
    )
    .send();
    post(
        &widget,
        &new_voter(),
        json!({ "body": "Réponse", "parent_id": id(&comment) }),
    )
    .send();
    Call::request(
        "DELETE",
        format!("/v1/widgets/{widget}/comments/{}", id(&comment)),
    )
    .from_city()
    .header("Parvis-Voter", &author)
    .send();
    let thread = list(&widget, &new_voter());
    assert_eq!(thread["items"][0]["deleted"], true);
    assert_eq!(thread["items"][0]["body"], "");
    assert!(thread["items"][0].get("display_name").is_none());
    assert_eq!(thread["items"][0]["replies"][0]["body"], "Réponse");
}

#[test]
fn three_distinct_reports_hide_a_comment_until_a_moderator_decides() {
    let widget = new_thread("after_publication", 3);
    let comment = post(&widget, &new_voter(), json!({ "body": "Propos douteux" })).send();
    let comment_id = id(&comment);
    let reporter = new_voter();
    // The same reporter twice counts once.
    assert_eq!(report(&widget, comment_id, &reporter).send().status, 204);
    assert_eq!(report(&widget, comment_id, &reporter).send().status, 204);
    assert_eq!(report(&widget, comment_id, &new_voter()).send().status, 204);
    assert_eq!(list(&widget, &new_voter())["total"], 1);
    assert_eq!(report(&widget, comment_id, &new_voter()).send().status, 204);
    assert_eq!(list(&widget, &new_voter())["total"], 0);

    let session = sign_in("moderator@test.example");
    let queue = Call::get("/v1/staff/moderation").staff(&session).send();
    let item = queue
        .json
        .as_array()
        .expect("queue")
        .iter()
        .find(|i| i["id"] == comment_id && i["kind"] == "comment")
        .cloned()
        .expect("reported comment in the queue");
    assert_eq!(item["visibility"], "hidden");
    // Three reports for one reason: one group that counts them.
    assert_eq!(item["reports"].as_array().map(Vec::len), Some(1));
    assert_eq!(item["reports"][0]["reason"], "abuse");
    assert_eq!(item["reports"][0]["count"], 3);
    let approve = Call::post("/v1/staff/moderation/decisions")
        .staff(&session)
        .json(&json!({ "decision": "approve", "items": [{ "kind": "comment", "id": comment_id }] }))
        .send();
    assert_eq!(approve.status, 204, "{}", approve.json);
    assert_eq!(list(&widget, &new_voter())["total"], 1);
    // Once a moderator decided, further reports no longer hide it.
    report(&widget, comment_id, &new_voter()).send();
    assert_eq!(list(&widget, &new_voter())["total"], 1);
}

#[test]
fn reports_need_a_known_reason() {
    let widget = new_thread("after_publication", 3);
    let comment = post(&widget, &new_voter(), json!({ "body": "Bonjour" })).send();
    let path = format!("/v1/widgets/{widget}/comments/{}/reports", id(&comment));
    let bad = Call::post(path)
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "reason": "boring" }))
        .send();
    bad.assert_problem(400, "malformed_json");
}

#[test]
fn comment_supports_count_one_per_voter_under_load() {
    let widget = new_thread("after_publication", 3);
    let comment = id(&post(&widget, &new_voter(), json!({ "body": "Soutenez-moi" })).send());
    let path = format!("/v1/widgets/{widget}/comments/{comment}/support");
    let voter = new_voter();
    let same = concurrently(1000, 40, |_| {
        Call::request("PUT", path.clone())
            .from_city()
            .header("Parvis-Voter", &voter)
    });
    assert!(same.iter().all(|s| [200, 429].contains(s)), "{same:?}");
    let voters: Vec<String> = (0..1000).map(|_| new_voter()).collect();
    let distinct = concurrently(1000, 40, |i| {
        Call::request("PUT", path.clone())
            .from_city()
            .header("Parvis-Voter", &voters[i])
    });
    assert_eq!(count_status(&distinct, 200), 1000);
    let thread = list(&widget, &voter);
    assert_eq!(thread["items"][0]["supports"], 1001);
    assert_eq!(thread["items"][0]["supported_by_me"], true);
    let withdrawn = Call::request("DELETE", path)
        .from_city()
        .header("Parvis-Voter", &voters[0])
        .send();
    assert_eq!(
        withdrawn.json,
        json!({ "supports": 1000, "supported_by_me": false })
    );
}

#[test]
fn before_publication_a_comment_waits_in_the_queue_then_shows_once_approved() {
    let widget = new_thread("before_publication", 3);
    let author = new_voter();
    let comment = post(
        &widget,
        &author,
        json!({ "body": "En attente de modération" }),
    )
    .send();
    assert_eq!(comment.json["visibility"], "pending");
    assert_eq!(list(&widget, &author)["total"], 1);
    assert_eq!(list(&widget, &new_voter())["total"], 0);
    let session = sign_in("admin@test.example");
    let queue = Call::get("/v1/staff/moderation").staff(&session).send();
    assert!(
        queue
            .json
            .as_array()
            .expect("queue")
            .iter()
            .any(|i| i["id"] == id(&comment) && i["visibility"] == "pending")
    );
    let decision = Call::post("/v1/staff/moderation/decisions")
        .staff(&session)
        .json(
            &json!({ "decision": "approve", "items": [{ "kind": "comment", "id": id(&comment) }] }),
        )
        .send();
    assert_eq!(decision.status, 204);
    let seen = list(&widget, &new_voter());
    assert_eq!(seen["items"][0]["body"], "En attente de modération");
    assert_eq!(seen["items"][0]["visibility"], "published");
}

/// A display name starting with U+202E used to reverse the product's own
/// words after it (issue 13, item 8): bidi controls are removed on input.
#[test]
fn bidi_controls_are_removed_from_resident_text() {
    let widget = new_thread("after_publication", 3);
    let reply = post(
        &widget,
        &new_voter(),
        json!({ "body": "\u{202E}Bonjour\u{202C}", "display_name": "\u{202E}Camille 2026" }),
    )
    .send();
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(reply.json["display_name"], "Camille 2026");
    assert_eq!(reply.json["body"], "Bonjour");
}

/// Issue 13, item 5: however many residents report a comment, the queue
/// gives one line per reason with its count and the latest details, not
/// every report.
#[test]
fn hardening_5_the_moderation_queue_counts_reports_by_reason() {
    let widget = new_thread("after_publication", 100);
    let comment = id(&post(&widget, &new_voter(), json!({ "body": "Très signalé" })).send());
    let statuses = parvis_tests::concurrently(45, 8, |i| {
        let body = if i < 30 {
            json!({ "reason": "spam", "details": format!("publicité {i}") })
        } else {
            json!({ "reason": "off_topic" })
        };
        Call::post(format!("/v1/widgets/{widget}/comments/{comment}/reports"))
            .from_city()
            .header("Parvis-Voter", &new_voter())
            .json(&body)
    });
    assert_eq!(
        parvis_tests::count_status(&statuses, 204),
        45,
        "{statuses:?}"
    );
    let session = sign_in("moderator@test.example");
    let queue = Call::get("/v1/staff/moderation").staff(&session).send();
    let item = queue
        .json
        .as_array()
        .expect("queue")
        .iter()
        .find(|i| i["id"] == comment && i["kind"] == "comment")
        .cloned()
        .expect("the reported comment in the queue");
    let groups = item["reports"].as_array().expect("report groups");
    assert_eq!(groups.len(), 2, "{item}");
    assert_eq!(groups[0]["reason"], "spam");
    assert_eq!(groups[0]["count"], 30);
    let details = groups[0]["latest_details"].as_array().expect("details");
    assert_eq!(details.len(), 3, "{item}");
    assert!(
        details
            .iter()
            .all(|d| d.as_str().is_some_and(|d| d.starts_with("publicité")))
    );
    assert_eq!(groups[1]["reason"], "off_topic");
    assert_eq!(groups[1]["count"], 15);
    assert_eq!(groups[1]["latest_details"], json!([]));
}

/// Issue 13, item 5: a thread's list carries the first ten replies of each
/// comment and their count; the rest are read ten at a time after the last
/// one shown.
#[test]
fn hardening_5_replies_come_ten_at_a_time() {
    let widget = new_thread("after_publication", 3);
    let parent = id(&post(
        &widget,
        &new_voter(),
        json!({ "body": "Sujet très discuté" }),
    )
    .send());
    let statuses = parvis_tests::concurrently(13, 4, |i| {
        post(
            &widget,
            &new_voter(),
            json!({ "body": format!("Réponse {i}"), "parent_id": parent }),
        )
    });
    assert_eq!(
        parvis_tests::count_status(&statuses, 201),
        13,
        "{statuses:?}"
    );
    let thread = list(&widget, &new_voter());
    let first = &thread["items"][0];
    assert_eq!(first["reply_count"], 13);
    let shown = first["replies"].as_array().expect("replies");
    assert_eq!(shown.len(), 10);
    let last_shown = shown[9]["id"].as_i64().expect("an id");

    let replies = |after: &str| {
        Call::get(format!(
            "/v1/widgets/{widget}/comments/{parent}/replies{after}"
        ))
        .send()
    };
    let rest = replies(&format!("?after={last_shown}"));
    assert_eq!(rest.status, 200, "{}", rest.text);
    assert_eq!(rest.json["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(rest.json["more"], false);
    assert!(rest.json["items"][0]["id"].as_i64() > Some(last_shown));
    let from_start = replies("");
    assert_eq!(from_start.json["items"].as_array().map(Vec::len), Some(10));
    assert_eq!(from_start.json["more"], true);
    replies("?after=soon").assert_problem(400, "invalid_query");
    // A reply has no replies of its own to page through.
    Call::get(format!(
        "/v1/widgets/{widget}/comments/{last_shown}/replies"
    ))
    .send()
    .assert_problem(404, "not_found");
}

/// Issue 13, item 5: a thread is read page after page by cursor, each page
/// starting after the last comment shown, however deep.
#[test]
fn hardening_5_a_thread_is_read_by_cursor_to_its_end() {
    let widget = new_thread("after_publication", 3);
    let statuses = parvis_tests::concurrently(23, 4, |i| {
        post(
            &widget,
            &new_voter(),
            json!({ "body": format!("Commentaire {i}") }),
        )
    });
    assert_eq!(
        parvis_tests::count_status(&statuses, 201),
        23,
        "{statuses:?}"
    );
    let mut seen: Vec<i64> = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..5 {
        let query = match &after {
            None => "?per_page=10".to_owned(),
            Some(cursor) => format!("?per_page=10&after={cursor}"),
        };
        let page = Call::get(format!("/v1/widgets/{widget}/comments{query}")).send();
        assert_eq!(page.status, 200, "{}", page.text);
        assert_eq!(page.json["total"], 23);
        seen.extend(
            page.json["items"]
                .as_array()
                .expect("items")
                .iter()
                .filter_map(|c| c["id"].as_i64()),
        );
        after = page.json["next_after"].as_str().map(str::to_owned);
        if after.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 23, "{seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, each once: {seen:?}"
    );
    Call::get(format!("/v1/widgets/{widget}/comments?page=2&after=5"))
        .send()
        .assert_problem(400, "invalid_query");
    Call::get(format!("/v1/widgets/{widget}/comments?after=soon"))
        .send()
        .assert_problem(400, "invalid_query");
}
