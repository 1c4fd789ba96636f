//! The moderation queue and decisions.

use parvis_tests::{Call, new_voter, sign_in};
use serde_json::json;

#[test]
fn a_pending_idea_is_approved_in_bulk_with_another_one() {
    let session = sign_in("moderator@test.example");
    let submit = |title: &str| {
        Call::post("/v1/widgets/test-ideas-moderated/ideas")
            .from_city()
            .header("Parvis-Voter", &new_voter())
            .json(&json!({ "title": title }))
            .send()
            .json["id"]
            .as_i64()
            .expect("id")
    };
    let (first, second) = (submit("Idée à valider 1"), submit("Idée à valider 2"));
    let queue = Call::get("/v1/staff/moderation").staff(&session).send();
    let ids: Vec<i64> = queue
        .json
        .as_array()
        .expect("queue")
        .iter()
        .filter(|i| i["kind"] == "idea")
        .filter_map(|i| i["id"].as_i64())
        .collect();
    assert!(ids.contains(&first) && ids.contains(&second));
    let decision = Call::post("/v1/staff/moderation/decisions")
        .staff(&session)
        .json(&json!({ "decision": "approve", "items": [{ "kind": "idea", "id": first }, { "kind": "idea", "id": second }] }))
        .send();
    assert_eq!(decision.status, 204, "{}", decision.json);
    let public = Call::get("/v1/widgets/test-ideas-moderated/ideas?per_page=50").send();
    let listed: Vec<i64> = public.json["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_i64())
        .collect();
    assert!(listed.contains(&first) && listed.contains(&second));
}

#[test]
fn a_rejected_idea_never_shows_and_leaves_the_queue() {
    let session = sign_in("admin@test.example");
    let id = Call::post("/v1/widgets/test-ideas-moderated/ideas")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "title": "Spam spam spam" }))
        .send()
        .json["id"]
        .as_i64()
        .expect("id");
    let decision = Call::post("/v1/staff/moderation/decisions")
        .staff(&session)
        .json(&json!({ "decision": "reject", "items": [{ "kind": "idea", "id": id }] }))
        .send();
    assert_eq!(decision.status, 204);
    let queue = Call::get("/v1/staff/moderation").staff(&session).send();
    assert!(
        !queue
            .json
            .as_array()
            .expect("queue")
            .iter()
            .any(|i| i["kind"] == "idea" && i["id"] == id)
    );
}

#[test]
fn decisions_on_another_citys_items_change_nothing() {
    let other_city = sign_in("admin@autre-ville.example");
    let id = Call::post("/v1/widgets/test-ideas-moderated/ideas")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "title": "Pas à vous" }))
        .send()
        .json["id"]
        .as_i64()
        .expect("id");
    Call::post("/v1/staff/moderation/decisions")
        .staff(&other_city)
        .json(&json!({ "decision": "approve", "items": [{ "kind": "idea", "id": id }] }))
        .send()
        .assert_problem(404, "not_found");
    let queue = Call::get("/v1/staff/moderation").staff(&other_city).send();
    assert!(
        !queue
            .json
            .as_array()
            .expect("queue")
            .iter()
            .any(|i| i["id"] == id && i["kind"] == "idea")
    );
    Call::post("/v1/staff/moderation/decisions")
        .staff(&other_city)
        .json(&json!({ "decision": "approve", "items": [] }))
        .send()
        .assert_problem(422, "validation_failed");
}
