//! A resident reads and erases everything they wrote.

use parvis_tests::{Call, new_voter};
use serde_json::json;

#[test]
fn a_voter_reads_then_erases_everything_they_wrote_in_the_city() {
    let voter = new_voter();
    let from_city = |call: Call| call.from_city().header("Parvis-Voter", &voter);
    assert_eq!(
        from_city(Call::post("/v1/widgets/demo-poll/ballots"))
            .json(&json!({ "choices": ["velos"] }))
            .send()
            .status,
        201
    );
    let idea = from_city(Call::post("/v1/widgets/test-ideas/ideas"))
        .json(&json!({ "title": "Mon idée" }))
        .send();
    let idea_id = idea.json["id"].as_i64().expect("idea id");
    from_city(Call::request(
        "PUT",
        format!("/v1/widgets/test-ideas/ideas/{idea_id}/support"),
    ))
    .send();
    let comment = from_city(Call::post("/v1/widgets/test-comments/comments"))
        .json(&json!({ "body": "Mon commentaire", "display_name": "Moi" }))
        .send();
    assert_eq!(comment.status, 201);

    let data = from_city(Call::get("/v1/widgets/demo-poll/voter-data")).send();
    assert_eq!(data.status, 200, "{}", data.json);
    assert_eq!(data.json["ballots"][0]["widget_id"], "demo-poll");
    assert_eq!(data.json["ballots"][0]["choices"], json!(["velos"]));
    assert_eq!(data.json["ideas"][0]["text"], "Mon idée");
    assert_eq!(data.json["comments"][0]["text"], "Mon commentaire");
    assert_eq!(data.json["marks"][0]["kind"], "idea_support");

    let erased = from_city(Call::request("DELETE", "/v1/widgets/demo-poll/voter-data")).send();
    assert_eq!(
        erased.json,
        json!({ "ballots": 1, "ideas": 1, "comments": 1, "marks": 0 })
    );
    let after = from_city(Call::get("/v1/widgets/demo-poll/voter-data")).send();
    assert_eq!(
        after.json,
        json!({ "ballots": [], "ideas": [], "comments": [], "marks": [] })
    );
    // The voter may vote again: their ballot is gone.
    assert_eq!(
        from_city(Call::post("/v1/widgets/demo-poll/ballots"))
            .json(&json!({ "choices": ["arbres"] }))
            .send()
            .status,
        201
    );
}

#[test]
fn voter_data_needs_a_voter_token() {
    Call::get("/v1/widgets/demo-poll/voter-data")
        .send()
        .assert_problem(400, "invalid_voter_token");
}
