//! Widgets for staff: create, configure, open, close, list; other cities' are out of reach.

use super::create_widget;
use parvis_tests::{Call, new_voter, sign_in};
use serde_json::json;

#[test]
fn an_admin_creates_a_draft_poll_then_opens_and_closes_it() {
    let session = sign_in("admin@test.example");
    let created = Call::post("/v1/staff/widgets")
        .staff(&session)
        .json(&json!({
            "kind": "poll", "title": "Quel nom pour la médiathèque ?",
            "options": [{ "label": "Simone Veil" }, { "label": "Jules Verne" }]
        }))
        .send();
    assert_eq!(created.status, 201, "{}", created.json);
    let id = created.json["id"].as_str().expect("id").to_owned();
    assert!(id.starts_with("quel-nom-pour-la-mediatheque-"), "{id}");
    assert_eq!(created.json["status"], "draft");
    let ids: Vec<&str> = created.json["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    assert_eq!(ids, ["simone-veil", "jules-verne"]);
    // A draft is not public.
    Call::get(format!("/v1/widgets/{id}"))
        .send()
        .assert_problem(404, "not_found");

    let mut config = json!({
        "kind": "poll", "title": "Quel nom pour la médiathèque ?", "status": "open",
        "options": [{ "id": "jules-verne", "label": "Jules Verne" }, { "id": "simone-veil", "label": "Simone Veil" }, { "label": "Louise Michel" }]
    });
    let opened = Call::request("PUT", format!("/v1/staff/widgets/{id}"))
        .staff(&session)
        .json(&config)
        .send();
    assert_eq!(opened.status, 200, "{}", opened.json);
    let public = Call::get(format!("/v1/widgets/{id}")).send();
    assert_eq!(public.json["status"], "open");
    let labels: Vec<&str> = public.json["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|o| o["label"].as_str())
        .collect();
    assert_eq!(labels, ["Jules Verne", "Simone Veil", "Louise Michel"]);

    let voted = Call::post(format!("/v1/widgets/{id}/ballots"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "choices": ["simone-veil"] }))
        .send();
    assert_eq!(voted.status, 201);
    // An option residents chose cannot be removed.
    config["options"] =
        json!([{ "id": "jules-verne", "label": "Jules Verne" }, { "label": "Louise Michel" }]);
    let locked = Call::request("PUT", format!("/v1/staff/widgets/{id}"))
        .staff(&session)
        .json(&config)
        .send();
    locked.assert_problem(422, "validation_failed");
    assert_eq!(locked.json["errors"][0]["code"], "locked");

    let options: Vec<serde_json::Value> = opened.json["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| json!({ "id": o["id"], "label": o["label"] }))
        .collect();
    config["options"] = json!(options);
    config["status"] = json!("closed");
    let closed = Call::request("PUT", format!("/v1/staff/widgets/{id}"))
        .staff(&session)
        .json(&config)
        .send();
    assert_eq!(closed.status, 200, "{}", closed.json);
    assert_eq!(
        Call::get(format!("/v1/widgets/{id}")).send().json["status"],
        "closed"
    );
}

#[test]
fn an_invalid_configuration_gets_every_field_error() {
    let session = sign_in("moderator@test.example");
    let reply = Call::post("/v1/staff/widgets")
        .staff(&session)
        .json(&json!({
            "kind": "poll", "title": "", "max_choices": 3,
            "opens_at": "demain", "options": [{ "label": "Seule" }]
        }))
        .send();
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["title", "opens_at", "options", "max_choices"]);
    let unknown = Call::post("/v1/staff/widgets")
        .staff(&session)
        .json(&json!({ "kind": "survey", "title": "x" }))
        .send();
    unknown.assert_problem(400, "malformed_json");
}

#[test]
fn the_kind_of_a_widget_cannot_change() {
    let session = sign_in("admin@test.example");
    let id = create_widget(&session, json!({ "kind": "ideas", "title": "Idées" }));
    let reply = Call::request("PUT", format!("/v1/staff/widgets/{id}"))
        .staff(&session)
        .json(&json!({ "kind": "comments", "title": "Idées" }))
        .send();
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.json["errors"][0]["field"], "kind");
}

#[test]
fn the_list_filters_by_kind_and_status_and_counts_participation() {
    let session = sign_in("admin@test.example");
    let list = Call::get("/v1/staff/widgets?kind=poll&status=open")
        .staff(&session)
        .send();
    let items = list.json.as_array().expect("widgets");
    assert!(
        items
            .iter()
            .all(|w| w["kind"] == "poll" && w["status"] == "open")
    );
    assert!(items.iter().any(|w| w["id"] == "demo-poll"));
    assert!(items.iter().all(|w| w["id"] != "other-city-poll"));
    let ideas = Call::get("/v1/staff/widgets?kind=ideas")
        .staff(&session)
        .send();
    let demo = ideas
        .json
        .as_array()
        .expect("widgets")
        .iter()
        .find(|w| w["id"] == "demo-ideas")
        .cloned()
        .expect("demo-ideas");
    assert!(demo["participation"].as_u64().expect("count") >= 3);
    assert!(demo["last_activity"].is_string());
    Call::get("/v1/staff/widgets?kind=survey")
        .staff(&session)
        .send()
        .assert_problem(400, "invalid_query");
}

#[test]
fn another_citys_widgets_are_out_of_reach() {
    let session = sign_in("admin@test.example");
    for path in [
        "/v1/staff/widgets/other-city-poll",
        "/v1/staff/widgets/other-city-poll/results",
        "/v1/staff/widgets/other-city-poll/export",
    ] {
        Call::get(path)
            .staff(&session)
            .send()
            .assert_problem(404, "not_found");
    }
    Call::request("PUT", "/v1/staff/widgets/other-city-poll")
        .staff(&session)
        .json(&json!({ "kind": "poll", "title": "Volée", "options": [{ "label": "a" }, { "label": "b" }] }))
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn staff_set_an_ideas_status_and_official_answer_that_residents_see() {
    let session = sign_in("moderator@test.example");
    let idea = Call::post("/v1/widgets/test-ideas/ideas")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "title": "Un marché de nuit l'été" }))
        .send();
    let id = idea.json["id"].as_i64().expect("id");
    let update = Call::request("PATCH", format!("/v1/staff/ideas/{id}"))
        .staff(&session)
        .json(&json!({ "status": "accepted", "official_answer": "Trois dates sont prévues en juillet." }))
        .send();
    assert_eq!(update.status, 200, "{}", update.json);
    assert_eq!(update.json["status"], "accepted");
    let list = Call::get("/v1/widgets/test-ideas/ideas?sort=newest&per_page=50").send();
    let seen = list.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .expect("listed");
    assert_eq!(seen["status"], "accepted");
    assert_eq!(
        seen["official_answer"],
        "Trois dates sont prévues en juillet."
    );
    let staff_list = Call::get("/v1/staff/widgets/test-ideas/ideas")
        .staff(&session)
        .send();
    assert!(staff_list.json["total"].as_u64().expect("total") >= 1);
    let other_city = sign_in("admin@autre-ville.example");
    Call::request("PATCH", format!("/v1/staff/ideas/{id}"))
        .staff(&other_city)
        .json(&json!({ "status": "rejected" }))
        .send()
        .assert_problem(404, "not_found");
}
