//! `POST /v1/widgets/{id}/ballots`.

use parvis_tests::{Call, count_of, new_voter};
use serde_json::json;

fn ballot(widget: &str, voter: &str, choices: serde_json::Value) -> Call {
    Call::post(format!("/v1/widgets/{widget}/ballots"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&json!({ "choices": choices }))
}

#[test]
fn a_ballot_is_counted_and_the_view_comes_back() {
    let voter = new_voter();
    let reply = ballot("demo-poll", &voter, json!(["bancs"])).send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(reply.json["has_voted"], true);
    assert!(count_of(&reply.json, "bancs") >= 1);

    // The stored ballot shows for this voter on a later read.
    let read = Call::get("/v1/widgets/demo-poll")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(read.json["has_voted"], true);
    let other = Call::get("/v1/widgets/demo-poll")
        .header("Parvis-Voter", &new_voter())
        .send();
    assert_eq!(other.json["has_voted"], false);
}

#[test]
fn a_ballot_adds_exactly_one_to_its_option_in_a_quiet_poll() {
    // Only this test votes in the other city's poll, so its counts are exact.
    let before = Call::get("/v1/widgets/other-city-poll").send();
    let voter = new_voter();
    let reply = Call::post("/v1/widgets/other-city-poll/ballots")
        .header("Origin", "https://www.autre-ville.example")
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["b"] }))
        .send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    assert_eq!(count_of(&reply.json, "b"), count_of(&before.json, "b") + 1);
    assert_eq!(count_of(&reply.json, "a"), count_of(&before.json, "a"));
}

#[test]
fn a_second_ballot_from_the_same_voter_is_409_with_the_first_choices() {
    let voter = new_voter();
    assert_eq!(
        ballot("demo-poll", &voter, json!(["arbres"])).send().status,
        201
    );

    let again = ballot("demo-poll", &voter, json!(["velos"])).send();
    again.assert_problem(409, "already_voted");
    assert_eq!(again.json["choices"], json!(["arbres"]));

    let mine = Call::get("/v1/widgets/demo-poll")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(mine.json["has_voted"], true);
}

#[test]
fn an_unknown_option_is_422_and_stores_nothing() {
    let voter = new_voter();
    ballot("demo-poll", &voter, json!(["fontaine"]))
        .send()
        .assert_problem(422, "invalid_ballot");
    // Nothing was stored: the same voter can still vote.
    assert_eq!(
        ballot("demo-poll", &voter, json!(["arbres"])).send().status,
        201
    );
}

#[test]
fn two_choices_in_a_single_choice_poll_is_422() {
    ballot("demo-poll", &new_voter(), json!(["arbres", "bancs"]))
        .send()
        .assert_problem(422, "invalid_ballot");
}

#[test]
fn no_choice_is_422() {
    ballot("demo-poll", &new_voter(), json!([]))
        .send()
        .assert_problem(422, "invalid_ballot");
}

#[test]
fn a_closed_poll_refuses_ballots() {
    ballot("test-closed-poll", &new_voter(), json!(["oui"]))
        .send()
        .assert_problem(409, "widget_not_open");
}

#[test]
fn a_missing_voter_token_is_400() {
    Call::post("/v1/widgets/demo-poll/ballots")
        .from_city()
        .json(&json!({ "choices": ["arbres"] }))
        .send()
        .assert_problem(400, "invalid_voter_token");
}

#[test]
fn a_malformed_voter_token_is_400() {
    for token in ["abc", "0123456789abcdef0123456789abcde!", &"a".repeat(200)] {
        ballot("demo-poll", token, json!(["arbres"]))
            .send()
            .assert_problem(400, "invalid_voter_token");
    }
}

#[test]
fn voting_on_an_unknown_widget_is_404() {
    ballot("no-such-widget", &new_voter(), json!(["arbres"]))
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn multiple_choice_respects_min_and_max() {
    let vote = |choices: serde_json::Value| ballot("test-multi-poll", &new_voter(), choices).send();
    vote(json!(["a"])).assert_problem(422, "invalid_ballot");
    vote(json!(["a", "b", "c", "d"])).assert_problem(422, "invalid_ballot");
    vote(json!(["a", "a"])).assert_problem(422, "invalid_ballot");
    let ok = vote(json!(["c", "a"]));
    assert_eq!(ok.status, 201, "{}", ok.json);
    let voter = new_voter();
    assert_eq!(
        ballot("test-multi-poll", &voter, json!(["b", "d", "a"]))
            .send()
            .status,
        201
    );
    let again = ballot("test-multi-poll", &voter, json!(["c", "d"])).send();
    again.assert_problem(409, "already_voted");
    assert_eq!(again.json["choices"], json!(["a", "b", "d"]));
}

#[test]
fn ballots_on_an_idea_box_are_refused() {
    ballot("demo-ideas", &new_voter(), json!(["x"]))
        .send()
        .assert_problem(409, "wrong_widget_kind");
}

#[test]
fn a_thousand_concurrent_ballots_from_one_voter_store_exactly_one() {
    let session = parvis_tests::sign_in("admin@test.example");
    let poll = crate::staff::open_poll(&session, "Tempête d'un seul votant");
    let voter = new_voter();
    let statuses = parvis_tests::concurrently(1000, 40, |_| ballot(&poll, &voter, json!(["a"])));
    assert_eq!(
        parvis_tests::count_status(&statuses, 201),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [201, 409, 429].contains(s)),
        "{statuses:?}"
    );
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(view.json["total_ballots"], 1);
    assert_eq!(count_of(&view.json, "a"), 1);
}

#[test]
fn a_thousand_distinct_voters_are_all_counted() {
    let session = parvis_tests::sign_in("admin@test.example");
    let poll = crate::staff::open_poll(&session, "Mille votants");
    let options = ["a", "b", "c"];
    let statuses = parvis_tests::concurrently(1000, 40, |i| {
        ballot(&poll, &new_voter(), json!([options[i % 3]]))
    });
    assert_eq!(
        parvis_tests::count_status(&statuses, 201),
        1000,
        "{statuses:?}"
    );
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(view.json["total_ballots"], 1000);
    assert_eq!(count_of(&view.json, "a"), 334);
    assert_eq!(count_of(&view.json, "b"), 333);
    assert_eq!(count_of(&view.json, "c"), 333);
}
