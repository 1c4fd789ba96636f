//! Bad bodies: every one a 4xx problem, never a 500, nothing stored.

use parvis_tests::{Call, api_url, new_voter};
use serde_json::json;

fn post_raw(voter: &str, body: Vec<u8>) -> Call {
    Call::post("/v1/widgets/demo-poll/ballots")
        .from_city()
        .header("Parvis-Voter", voter)
        .raw_json(body)
}

#[test]
fn malformed_json_is_400_and_the_voter_can_still_vote() {
    let voter = new_voter();
    post_raw(&voter, b"{\"choices\": [".to_vec())
        .send()
        .assert_problem(400, "malformed_json");
    let ok = post_raw(&voter, br#"{"choices":["velos"]}"#.to_vec()).send();
    assert_eq!(ok.status, 201, "{}", ok.json);
}

#[test]
fn bodies_of_the_wrong_shape_are_400() {
    let cases: &[&[u8]] = &[
        b"",
        b"null",
        b"[]",
        br#"{"choices": "arbres"}"#,
        br#"{"choices": [1]}"#,
        br#"{"choice": ["arbres"]}"#,
        br#"{"choices": ["arbres"], "extra": true}"#,
        b"\xff\xfe{}",
    ];
    for body in cases {
        let reply = post_raw(&new_voter(), body.to_vec()).send();
        reply.assert_problem(400, "malformed_json");
    }
}

#[test]
fn a_body_that_is_not_json_is_415() {
    Call::post("/v1/widgets/demo-poll/ballots")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .header("Content-Type", "text/plain")
        .send()
        .assert_problem(415, "unsupported_media_type");
}

#[test]
fn a_huge_body_is_413() {
    let choices: Vec<String> = (0..10_000).map(|i| format!("option-{i}")).collect();
    let body = json!({ "choices": choices }).to_string().into_bytes();
    post_raw(&new_voter(), body)
        .send()
        .assert_problem(413, "payload_too_large");
}

/// Issue 13, item 1: a body sent in chunks, with no length to refuse it
/// by, is cut while streaming once it passes 16 KiB.
#[test]
fn hardening_1_a_chunked_body_over_the_limit_is_413() {
    let title = "x".repeat(20 * 1024);
    let body = json!({ "title": title }).to_string().into_bytes();
    Call::post("/v1/widgets/demo-ideas/ideas")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .raw_json(body)
        .chunked()
        .send()
        .assert_problem(413, "payload_too_large");
}

/// A chunked body within the limit is read whole and accepted.
#[test]
fn hardening_1_a_chunked_body_within_the_limit_is_read() {
    let body = json!({ "choices": ["velos"] }).to_string().into_bytes();
    let reply = Call::post("/v1/widgets/demo-poll/ballots")
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .raw_json(body)
        .chunked()
        .send();
    assert_eq!(reply.status, 201, "{}", reply.text);
}

/// Issue 13, item 1: a staff write is refused for want of a session before
/// its body is read (a body over the limit does not even get its 413).
#[test]
fn a_staff_write_without_a_session_is_refused_before_its_body_is_read() {
    Call::post("/v1/staff/widgets")
        .header("Origin", &api_url())
        .raw_json(vec![b' '; 64 * 1024])
        .send()
        .assert_problem(401, "unauthenticated");
}
