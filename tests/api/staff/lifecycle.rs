//! The end of a consultation (issue 13, item 10): archived, exported, then
//! deleted with everything residents wrote in it.

use parvis_tests::{Call, new_voter, sign_in};
use serde_json::json;

#[test]
fn hardening_10_a_consultation_is_archived_then_exported_then_deleted() {
    let admin = sign_in("admin@test.example");
    let poll = super::open_poll(&admin, "Une consultation à supprimer");
    let voter = new_voter();
    let voted = Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["a"] }))
        .send();
    assert_eq!(voted.status, 201, "{}", voted.text);
    let archive = || {
        Call::post(format!("/v1/staff/widgets/{poll}/archive"))
            .staff(&admin)
            .send()
    };
    let delete = || {
        Call::request("DELETE", format!("/v1/staff/widgets/{poll}"))
            .staff(&admin)
            .send()
    };
    // Residents can still take part: it must close first.
    archive().assert_problem(409, "conflict");
    // Only an admin archives or deletes.
    let moderator = sign_in("moderator@test.example");
    Call::post(format!("/v1/staff/widgets/{poll}/archive"))
        .staff(&moderator)
        .send()
        .assert_problem(403, "forbidden");

    let config = json!({
        "kind": "poll", "title": "Une consultation à supprimer", "status": "closed",
        "options": [{"id": "a", "label": "a"}, {"id": "b", "label": "b"}, {"id": "c", "label": "c"}]
    });
    let closed = Call::request("PUT", format!("/v1/staff/widgets/{poll}"))
        .staff(&admin)
        .json(&config)
        .send();
    assert_eq!(closed.status, 200, "{}", closed.text);
    // Not archived yet: it cannot be deleted, even once exported.
    let early = Call::get(format!("/v1/staff/widgets/{poll}/export?format=csv"))
        .staff(&admin)
        .send();
    assert_eq!(early.status, 200);
    delete().assert_problem(409, "conflict");
    assert_eq!(archive().status, 204);
    assert_eq!(archive().status, 204, "archiving twice changes nothing");

    // Archived: gone from the city's pages, frozen for staff.
    Call::get(format!("/v1/widgets/{poll}"))
        .send()
        .assert_problem(404, "not_found");
    Call::request("PUT", format!("/v1/staff/widgets/{poll}"))
        .staff(&admin)
        .json(&config)
        .send()
        .assert_problem(409, "conflict");
    let staff_view = Call::get(format!("/v1/staff/widgets/{poll}"))
        .staff(&admin)
        .send();
    assert!(
        staff_view.json["archived_at"].is_string(),
        "{}",
        staff_view.text
    );

    // The export before archiving does not count: refused, nothing lost.
    delete().assert_problem(409, "conflict");
    let export = Call::get(format!("/v1/staff/widgets/{poll}/export?format=json"))
        .staff(&admin)
        .send();
    assert_eq!(export.status, 200);
    assert_eq!(export.json["options"][0]["count"], 1);
    assert_eq!(delete().status, 204);

    Call::get(format!("/v1/staff/widgets/{poll}"))
        .staff(&admin)
        .send()
        .assert_problem(404, "not_found");
    let listed = Call::get("/v1/staff/widgets").staff(&admin).send();
    let ids: Vec<&str> = listed
        .json
        .as_array()
        .expect("widgets")
        .iter()
        .filter_map(|w| w["id"].as_str())
        .collect();
    assert!(!ids.contains(&poll.as_str()));
    // The resident's ballot went with it.
    let data = Call::get("/v1/widgets/demo-poll/voter-data")
        .from_city()
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(data.json["ballots"], json!([]), "{}", data.text);
}

#[test]
fn hardening_10_a_city_sets_its_retention_period_within_bounds() {
    let admin = sign_in("admin@test.example");
    let city = Call::get("/v1/staff/city").staff(&admin).send();
    assert_eq!(
        city.json["retention_days"], 365,
        "the default: {}",
        city.text
    );
    let set = |days: u32| {
        Call::request("PATCH", "/v1/staff/city")
            .staff(&admin)
            .json(&json!({ "retention_days": days }))
            .send()
    };
    let refused = set(7);
    refused.assert_problem(422, "validation_failed");
    assert_eq!(refused.json["errors"][0]["field"], "retention_days");
    let saved = set(400);
    assert_eq!(saved.json["retention_days"], 400, "{}", saved.text);
    assert_eq!(set(365).json["retention_days"], 365);
}
