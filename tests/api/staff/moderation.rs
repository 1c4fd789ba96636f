//! The moderation queue and decisions.

use parvis_tests::{Call, new_voter, sign_in};
use serde_json::json;

/// An idea submitted by a new resident to the pre-moderated box; its id.
fn pending_idea(title: &str) -> i64 {
    Call::post("/v1/widgets/test-ideas-moderated/ideas")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "title": title }))
        .send()
        .json["id"]
        .as_i64()
        .expect("id")
}

#[test]
fn a_pending_idea_is_approved_in_bulk_with_another_one() {
    let session = sign_in("moderator@test.example");
    let (first, second) = (
        pending_idea("Idée à valider 1"),
        pending_idea("Idée à valider 2"),
    );
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
    let id = pending_idea("Spam spam spam");
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
    let id = pending_idea("Pas à vous");
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

fn queue_has(session: &parvis_tests::Session, id: i64) -> Option<serde_json::Value> {
    let queue = Call::get("/v1/staff/moderation").staff(session).send();
    queue.json.as_array().and_then(|items| {
        items
            .iter()
            .find(|i| i["id"] == id && i["kind"] == "idea")
            .cloned()
    })
}

#[test]
fn a_rejection_is_undone_and_the_items_are_back_in_the_queue_as_they_were() {
    let session = sign_in("moderator@test.example");
    let (first, second) = (pending_idea("À annuler 1"), pending_idea("À annuler 2"));
    let items = json!([{ "kind": "idea", "id": first }, { "kind": "idea", "id": second }]);
    let rejected = Call::post("/v1/staff/moderation/decisions")
        .staff(&session)
        .json(&json!({ "decision": "reject", "items": items }))
        .send();
    assert_eq!(rejected.status, 204, "{}", rejected.text);
    assert!(queue_has(&session, first).is_none());
    let undone = Call::post("/v1/staff/moderation/undo")
        .staff(&session)
        .json(&json!({ "items": [
            { "kind": "idea", "id": first, "visibility": "pending" },
            { "kind": "idea", "id": second, "visibility": "pending" }
        ] }))
        .send();
    assert_eq!(undone.status, 204, "{}", undone.text);
    for id in [first, second] {
        let item = queue_has(&session, id).expect("back in the queue");
        assert_eq!(item["visibility"], "pending");
    }
}

#[test]
fn an_undo_cannot_reject_nor_reach_another_citys_items() {
    let session = sign_in("moderator@test.example");
    let id = pending_idea("Pas d'annulation abusive");
    Call::post("/v1/staff/moderation/undo")
        .staff(&session)
        .json(&json!({ "items": [{ "kind": "idea", "id": id, "visibility": "rejected" }] }))
        .send()
        .assert_problem(422, "validation_failed");
    Call::post("/v1/staff/moderation/undo")
        .staff(&sign_in("admin@autre-ville.example"))
        .json(&json!({ "items": [{ "kind": "idea", "id": id, "visibility": "published" }] }))
        .send()
        .assert_problem(404, "not_found");
    assert_eq!(
        queue_has(&session, id).expect("untouched")["visibility"],
        "pending"
    );
}
