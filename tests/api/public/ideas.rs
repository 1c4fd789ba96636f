//! Idea boxes: submit, list, support, withdraw.

use parvis_tests::{Call, concurrently, count_status, new_voter, sign_in};
use serde_json::{Value, json};

fn submit(widget: &str, voter: &str, body: Value) -> Call {
    Call::post(format!("/v1/widgets/{widget}/ideas"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&body)
}

fn support(widget: &str, idea: i64, voter: &str, add: bool) -> Call {
    let method = if add { "PUT" } else { "DELETE" };
    Call::request(method, format!("/v1/widgets/{widget}/ideas/{idea}/support"))
        .from_city()
        .header("Parvis-Voter", voter)
}

fn new_idea_box(moderation: &str) -> String {
    let session = sign_in("admin@test.example");
    crate::staff::create_widget(
        &session,
        json!({ "kind": "ideas", "title": "Boîte à idées de test", "status": "open", "moderation": moderation }),
    )
}

#[test]
fn a_submitted_idea_is_listed_at_once_after_publication() {
    let widget = new_idea_box("after_publication");
    let author = new_voter();
    let reply = submit(
        &widget,
        &author,
        json!({
            "title": "  Un composteur partagé ",
            "description": "Près des jardins familiaux.",
            "display_name": "Inès"
        }),
    )
    .send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    assert_eq!(reply.json["title"], "Un composteur partagé");
    assert_eq!(reply.json["visibility"], "published");
    assert_eq!(reply.json["status"], "submitted");
    assert_eq!(reply.json["mine"], true);
    let list = Call::get(format!("/v1/widgets/{widget}/ideas"))
        .header("Parvis-Voter", &new_voter())
        .send();
    assert_eq!(list.json["total"], 1);
    assert_eq!(list.json["items"][0]["display_name"], "Inès");
    assert_eq!(list.json["items"][0]["mine"], false);
}

#[test]
fn an_idea_under_moderation_is_seen_only_by_its_author() {
    let widget = new_idea_box("before_publication");
    let author = new_voter();
    let reply = submit(
        &widget,
        &author,
        json!({ "title": "Des toilettes publiques" }),
    )
    .send();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.json["visibility"], "pending");
    let theirs = Call::get(format!("/v1/widgets/{widget}/ideas"))
        .header("Parvis-Voter", &author)
        .send();
    assert_eq!(theirs.json["total"], 1);
    let others = Call::get(format!("/v1/widgets/{widget}/ideas")).send();
    assert_eq!(others.json["total"], 0);
    let id = reply.json["id"].as_i64().expect("id");
    // Others cannot see it, so cannot support it; its author must wait for moderation.
    support(&widget, id, &new_voter(), true)
        .send()
        .assert_problem(404, "not_found");
    support(&widget, id, &author, true)
        .send()
        .assert_problem(409, "conflict");
}

#[test]
fn invalid_ideas_get_field_level_errors_and_nothing_is_stored() {
    let widget = new_idea_box("after_publication");
    let reply = submit(
        &widget,
        &new_voter(),
        json!({
            "title": " ",
            "description": "x".repeat(2001),
            "display_name": "a\u{0}b"
        }),
    )
    .send();
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["title", "description", "display_name"]);
    assert_eq!(reply.json["errors"][1]["code"], "too_long");
    assert_eq!(reply.json["errors"][1]["limit"], 2000);
    let title = submit(&widget, &new_voter(), json!({ "title": "x".repeat(121) })).send();
    assert_eq!(title.json["errors"][0]["code"], "too_long");
    assert_eq!(
        Call::get(format!("/v1/widgets/{widget}/ideas")).send().json["total"],
        0
    );
}

#[test]
fn text_is_stored_as_typed_and_normalised() {
    let widget = new_idea_box("after_publication");
    let title = "<script>alert(1)</script> e\u{301}té";
    let reply = submit(&widget, &new_voter(), json!({ "title": title })).send();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.json["title"], "<script>alert(1)</script> été");
}

#[test]
fn supports_add_withdraw_and_are_idempotent() {
    let widget = new_idea_box("after_publication");
    let idea = submit(&widget, &new_voter(), json!({ "title": "Des bancs" })).send();
    let id = idea.json["id"].as_i64().expect("id");
    let voter = new_voter();
    let first = support(&widget, id, &voter, true).send();
    assert_eq!(
        first.json,
        json!({ "supports": 1, "supported_by_me": true })
    );
    let again = support(&widget, id, &voter, true).send();
    assert_eq!(
        again.json,
        json!({ "supports": 1, "supported_by_me": true })
    );
    let withdrawn = support(&widget, id, &voter, false).send();
    assert_eq!(
        withdrawn.json,
        json!({ "supports": 0, "supported_by_me": false })
    );
    let withdrawn_again = support(&widget, id, &voter, false).send();
    assert_eq!(withdrawn_again.json["supports"], 0);
    support(&widget, 999_999, &voter, true)
        .send()
        .assert_problem(404, "not_found");
    support(&widget, id, &voter, true).send();
    let listed = Call::get(format!("/v1/widgets/{widget}/ideas"))
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(listed.json["items"][0]["supported_by_me"], true);
}

#[test]
fn ideas_sort_by_top_or_newest_and_paginate() {
    let widget = new_idea_box("after_publication");
    let mut ids = Vec::new();
    for n in 0..5 {
        let reply = submit(
            &widget,
            &new_voter(),
            json!({ "title": format!("Idée {n}") }),
        )
        .send();
        ids.push(reply.json["id"].as_i64().expect("id"));
    }
    // Idea 1 gets 2 supports, idea 3 gets 1.
    for voter in [new_voter(), new_voter()] {
        support(&widget, ids[1], &voter, true).send();
    }
    support(&widget, ids[3], &new_voter(), true).send();
    let top = Call::get(format!("/v1/widgets/{widget}/ideas?sort=top&per_page=2")).send();
    let titles = |reply: &parvis_tests::Reply| -> Vec<String> {
        reply.json["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["title"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(titles(&top), ["Idée 1", "Idée 3"]);
    assert_eq!(top.json["next_page"], 2);
    assert_eq!(top.json["total"], 5);
    let last = Call::get(format!(
        "/v1/widgets/{widget}/ideas?sort=top&per_page=2&page=3"
    ))
    .send();
    assert_eq!(titles(&last), ["Idée 0"]);
    assert!(last.json.get("next_page").is_none());
    let newest = Call::get(format!("/v1/widgets/{widget}/ideas?sort=newest&per_page=2")).send();
    assert_eq!(titles(&newest), ["Idée 4", "Idée 3"]);
    for bad in ["sort=best", "page=0", "per_page=51", "page=abc"] {
        Call::get(format!("/v1/widgets/{widget}/ideas?{bad}"))
            .send()
            .assert_problem(400, "invalid_query");
    }
}

#[test]
fn a_thousand_concurrent_supports_from_one_voter_count_once_and_a_thousand_voters_count_all() {
    let widget = new_idea_box("after_publication");
    let one = submit(&widget, &new_voter(), json!({ "title": "Tempête" }))
        .send()
        .json["id"]
        .as_i64()
        .expect("id");
    let many = submit(&widget, &new_voter(), json!({ "title": "Foule" }))
        .send()
        .json["id"]
        .as_i64()
        .expect("id");
    let voter = new_voter();
    let statuses = concurrently(1000, 40, |_| support(&widget, one, &voter, true));
    assert!(
        statuses.iter().all(|s| [200, 429].contains(s)),
        "{statuses:?}"
    );
    let statuses = concurrently(1000, 40, |_| support(&widget, many, &new_voter(), true));
    assert_eq!(count_status(&statuses, 200), 1000);
    let list = Call::get(format!("/v1/widgets/{widget}/ideas?sort=top")).send();
    assert_eq!(list.json["items"][0]["supports"], 1000);
    assert_eq!(list.json["items"][1]["supports"], 1);
}

#[test]
fn idea_routes_refuse_other_kinds_of_widget() {
    Call::get("/v1/widgets/demo-poll/ideas")
        .send()
        .assert_problem(409, "wrong_widget_kind");
    submit("demo-comments", &new_voter(), json!({ "title": "x" }))
        .send()
        .assert_problem(409, "wrong_widget_kind");
}

/// Issue 13, item 5: ranked by supports, the list is read by cursor
/// (supports, then id) with no idea skipped or shown twice.
#[test]
fn hardening_5_ranked_ideas_are_read_by_cursor() {
    let widget = new_idea_box("after_publication");
    let mut ids = Vec::new();
    for i in 0..9 {
        let created = submit(
            &widget,
            &new_voter(),
            json!({ "title": format!("Idée {i}") }),
        )
        .send();
        assert_eq!(created.status, 201, "{}", created.text);
        let id = created.json["id"].as_i64().expect("id");
        // Supports 0, 1, 2, 0, 1, 2…: ties the cursor must order by id.
        for _ in 0..(i % 3) {
            let supported = support(&widget, id, &new_voter(), true).send();
            assert!((200..300).contains(&supported.status), "{}", supported.text);
        }
        ids.push(id);
    }
    let mut seen: Vec<(u64, i64)> = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..6 {
        let query = match &after {
            None => "?sort=top&per_page=4".to_owned(),
            Some(cursor) => format!("?sort=top&per_page=4&after={cursor}"),
        };
        let page = Call::get(format!("/v1/widgets/{widget}/ideas{query}")).send();
        assert_eq!(page.status, 200, "{}", page.text);
        for idea in page.json["items"].as_array().expect("items") {
            seen.push((
                idea["supports"].as_u64().expect("supports"),
                idea["id"].as_i64().expect("id"),
            ));
        }
        after = page.json["next_after"].as_str().map(str::to_owned);
        if after.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 9, "{seen:?}");
    let mut expected = seen.clone();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    assert_eq!(seen, expected, "by supports, then newest, each once");
}
