//! `GET /v1/widgets/{id}`.

use parvis_tests::{Call, new_voter};

#[test]
fn demo_poll_is_public_with_its_options_and_counts() {
    let reply = Call::get("/v1/widgets/demo-poll").from_city().send();
    assert_eq!(reply.status, 200, "{}", reply.json);
    assert_eq!(reply.content_type, "application/json");
    let view = &reply.json;
    assert_eq!(view["id"], "demo-poll");
    assert_eq!(view["kind"], "poll");
    assert_eq!(view["status"], "open");
    assert_eq!(
        view["title"],
        "Que souhaitez-vous en priorité sur la place du Marché ?"
    );
    let options = view["options"].as_array().expect("options");
    let ids: Vec<&str> = options.iter().filter_map(|o| o["id"].as_str()).collect();
    assert_eq!(ids, ["arbres", "marche", "bancs", "velos"]);
    assert!(
        options
            .iter()
            .all(|o| o["count"].is_u64() && o["label"].is_string())
    );
    assert!(view["total_ballots"].is_u64());
    assert_eq!(view["has_voted"], false);
}

#[test]
fn unknown_widget_is_404_problem() {
    Call::get("/v1/widgets/no-such-widget")
        .from_city()
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn draft_widget_is_not_public() {
    Call::get("/v1/widgets/test-draft-poll")
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn counts_are_absent_while_results_are_hidden() {
    let voter = new_voter();
    let reply = Call::get("/v1/widgets/test-hidden-poll")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(reply.status, 200);
    assert!(reply.json.get("total_ballots").is_none(), "{}", reply.json);
    let options = reply.json["options"].as_array().expect("options");
    assert!(options.iter().all(|o| o.get("count").is_none()));
}

#[test]
fn malformed_voter_token_on_read_is_400() {
    Call::get("/v1/widgets/demo-poll")
        .header("Parvis-Voter", "short")
        .send()
        .assert_problem(400, "invalid_voter_token");
}

#[test]
fn unknown_route_is_404_problem() {
    Call::get("/v1/nothing-here")
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn wrong_method_is_405_problem() {
    Call::request("DELETE", "/v1/widgets/demo-poll")
        .send()
        .assert_problem(405, "method_not_allowed");
}

#[test]
fn a_poll_with_an_opening_time_ahead_is_scheduled_and_refuses_ballots() {
    let reply = Call::get("/v1/widgets/test-scheduled-poll").send();
    assert_eq!(reply.json["status"], "scheduled");
    assert_eq!(reply.json["opens_at"], "2100-01-01T00:00:00Z");
    let ballot = Call::post("/v1/widgets/test-scheduled-poll/ballots")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&serde_json::json!({ "choices": ["oui"] }))
        .send();
    ballot.assert_problem(409, "widget_not_open");
}

#[test]
fn idea_boxes_and_threads_have_no_options() {
    for id in ["demo-ideas", "demo-comments"] {
        let reply = Call::get(format!("/v1/widgets/{id}")).send();
        assert_eq!(reply.status, 200);
        assert_eq!(reply.json["options"], serde_json::json!([]));
        assert!(reply.json.get("total_ballots").is_none());
    }
}
