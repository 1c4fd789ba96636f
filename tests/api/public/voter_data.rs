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
        json!({ "ballots": 1, "detached_ballots": 0, "ideas": 1, "comments": 1, "marks": 0 })
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
        .from_city()
        .send()
        .assert_problem(400, "invalid_voter_token");
}

/// Whoever holds a token reads what it wrote: only from the city's own
/// pages (issue 13, item 4), so a token copied elsewhere cannot be read
/// from another site's page or a plain script.
#[test]
fn hardening_4_reading_voter_data_needs_the_widgets_allowed_origin() {
    let voter = new_voter();
    assert_eq!(
        Call::post("/v1/widgets/demo-poll/ballots")
            .from_city()
            .header("Parvis-Voter", &voter)
            .json(&json!({ "choices": ["velos"] }))
            .send()
            .status,
        201
    );
    let read = |call: Call| call.header("Parvis-Voter", &voter).send();
    read(Call::get("/v1/widgets/demo-poll/voter-data")).assert_problem(403, "origin_not_allowed");
    let foreign = read(
        Call::get("/v1/widgets/demo-poll/voter-data")
            .header("Origin", "https://www.autre-ville.example"),
    );
    foreign.assert_problem(403, "origin_not_allowed");
    assert_eq!(foreign.allow_origin, None);
    let own = read(Call::get("/v1/widgets/demo-poll/voter-data").from_city());
    assert_eq!(own.status, 200, "{}", own.text);
    assert_eq!(own.json["ballots"][0]["widget_id"], "demo-poll");
}

/// Through another city's widget, the same token reads that city's data
/// only: none of what it wrote in the demo city.
#[test]
fn hardening_4_voter_data_through_another_citys_widget_is_that_citys_only() {
    let voter = new_voter();
    Call::post("/v1/widgets/demo-poll/ballots")
        .from_city()
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["velos"] }))
        .send();
    let elsewhere = Call::get("/v1/widgets/other-city-poll/voter-data")
        .header("Origin", "https://www.autre-ville.example")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(elsewhere.status, 200, "{}", elsewhere.text);
    assert_eq!(elsewhere.json["ballots"], json!([]));
}

/// Reading is counted with the voter's writes: a loop reading with one
/// token meets the per-minute limit.
#[test]
fn hardening_4_reading_voter_data_is_rate_limited_like_a_write() {
    let voter = new_voter();
    let statuses: Vec<u16> = (0..32)
        .map(|_| {
            Call::get("/v1/widgets/demo-poll/voter-data")
                .from_city()
                .header("Parvis-Voter", &voter)
                .send()
                .status
        })
        .collect();
    assert_eq!(
        parvis_tests::count_status(&statuses, 200),
        30,
        "{statuses:?}"
    );
    assert_eq!(
        parvis_tests::count_status(&statuses, 429),
        2,
        "{statuses:?}"
    );
}

/// Issue 13, item 7: once a poll has closed, its result is final. Erasing
/// one's data detaches the ballot (it no longer belongs to the token) and
/// leaves the result as it was.
#[test]
fn hardening_7_erasure_in_a_closed_poll_detaches_the_ballot_and_keeps_the_result() {
    let session = parvis_tests::sign_in("admin@test.example");
    let poll = crate::staff::open_poll(&session, "Erasure after closing");
    let voter = new_voter();
    let from_city = |call: Call| call.from_city().header("Parvis-Voter", &voter);
    let voted = from_city(Call::post(format!("/v1/widgets/{poll}/ballots")))
        .json(&json!({ "choices": ["b"] }))
        .send();
    assert_eq!(voted.status, 201, "{}", voted.text);
    let closed = Call::request("PUT", format!("/v1/staff/widgets/{poll}"))
        .staff(&session)
        .json(&json!({
            "kind": "poll", "title": "Erasure after closing", "status": "closed",
            "options": [{"id": "a", "label": "a"}, {"id": "b", "label": "b"}, {"id": "c", "label": "c"}]
        }))
        .send();
    assert_eq!(closed.status, 200, "{}", closed.text);

    let erased = from_city(Call::request(
        "DELETE",
        format!("/v1/widgets/{poll}/voter-data"),
    ))
    .send();
    assert_eq!(erased.status, 200, "{}", erased.text);
    assert_eq!(erased.json["ballots"], 0);
    assert_eq!(erased.json["detached_ballots"], 1);
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(view.json["total_ballots"], 1, "{}", view.text);
    assert_eq!(parvis_tests::count_of(&view.json, "b"), 1);
    // The token no longer finds it: not in its data, not "has voted".
    let data = from_city(Call::get(format!("/v1/widgets/{poll}/voter-data"))).send();
    assert_eq!(data.json["ballots"], json!([]), "{}", data.text);
    let seen = Call::get(format!("/v1/widgets/{poll}"))
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(seen.json["has_voted"], false);
}

/// Issue 13, item 7: a stored idempotency answer repeats what the resident
/// wrote; erasure deletes it, so the same key no longer replays the erased
/// idea (a retry is a new write).
#[test]
fn hardening_7_erasure_deletes_stored_idempotency_answers() {
    let voter = new_voter();
    let submit = || {
        Call::post("/v1/widgets/test-ideas/ideas")
            .from_city()
            .header("Parvis-Voter", &voter)
            .header("Idempotency-Key", "erasure-key-0123456789")
            .json(&json!({ "title": "Une idée à effacer" }))
            .send()
    };
    let first = submit();
    assert_eq!(first.status, 201, "{}", first.text);
    let replay = submit();
    assert_eq!(
        replay.json["id"], first.json["id"],
        "a replay before erasure"
    );
    let erased = Call::request("DELETE", "/v1/widgets/test-ideas/voter-data")
        .from_city()
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(erased.json["ideas"], 1, "{}", erased.text);
    // A replay would answer from the stored copy and store nothing; with
    // the copy gone, the same key is a new write that stores the idea again.
    let after = submit();
    assert_eq!(after.status, 201, "{}", after.text);
    let data = Call::get("/v1/widgets/test-ideas/voter-data")
        .from_city()
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(
        data.json["ideas"].as_array().map(Vec::len),
        Some(1),
        "the erased answer was replayed: {}",
        data.text
    );
}
