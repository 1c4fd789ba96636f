//! Protections on residents' writes: rate limits and idempotent retries
//! here, the proof of work and the daily caps per network in their modules.

mod caps;
mod proof;

/// A poll's ballots, as residents read them.
fn total_ballots(poll: &str) -> u64 {
    Call::get(format!("/v1/widgets/{poll}")).send().json["total_ballots"]
        .as_u64()
        .unwrap_or(u64::MAX)
}

use parvis_tests::{Call, concurrently, count_status, new_voter, sign_in};
use serde_json::json;

/// An idea box whose daily cap per network is out of the way, so the
/// per-minute limits are what these tests meet.
fn idea_box() -> String {
    let session = sign_in("admin@test.example");
    crate::staff::create_widget(
        &session,
        json!({
            "kind": "ideas", "title": "Idées (abus)", "status": "open",
            "network_daily_cap": 100_000
        }),
    )
}

fn submit(widget: &str, voter: &str, title: &str) -> Call {
    Call::post(format!("/v1/widgets/{widget}/ideas"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&json!({ "title": title }))
}

/// The limits' window opens at a bucket's first write and lasts a minute,
/// so a loop much shorter than a minute is counted in one window, whatever
/// the clock says: exactly the limit passes.
#[test]
fn one_voter_over_thirty_writes_a_minute_gets_429_with_retry_after() {
    let widget = idea_box();
    let voter = new_voter();
    let statuses: Vec<u16> = (0..35)
        .map(|i| submit(&widget, &voter, &format!("Idée {i}")).send().status)
        .collect();
    assert_eq!(count_status(&statuses, 201), 30, "{statuses:?}");
    assert_eq!(count_status(&statuses, 429), 5, "{statuses:?}");
    let limited = submit(&widget, &voter, "Encore une").send();
    limited.assert_problem(429, "rate_limited");
    let wait: u32 = limited
        .retry_after
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    // Another voter is not affected.
    assert_eq!(
        submit(&widget, &new_voter(), "Autre votant").send().status,
        201
    );
}

#[test]
fn one_client_ip_over_three_hundred_writes_a_minute_gets_429() {
    let widget = idea_box();
    let ip = "198.51.100.77";
    let statuses = concurrently(330, 30, |i| {
        submit(&widget, &new_voter(), &format!("Idée {i}")).header("CF-Connecting-IP", ip)
    });
    assert_eq!(count_status(&statuses, 201), 300, "{statuses:?}");
    assert_eq!(count_status(&statuses, 429), 30, "{statuses:?}");
}

#[test]
fn a_retry_with_the_same_idempotency_key_gets_the_same_answer_and_adds_nothing() {
    let widget = idea_box();
    let voter = new_voter();
    let first = submit(&widget, &voter, "Une seule fois")
        .header("Idempotency-Key", "retry-1")
        .send();
    assert_eq!(first.status, 201);
    let retry = submit(&widget, &voter, "Une seule fois")
        .header("Idempotency-Key", "retry-1")
        .send();
    assert_eq!(retry.status, 201);
    assert_eq!(retry.text, first.text);
    let list = Call::get(format!("/v1/widgets/{widget}/ideas")).send();
    assert_eq!(list.json["total"], 1);
    // The same key with another body is refused and changes nothing.
    let other = submit(&widget, &voter, "Autre chose")
        .header("Idempotency-Key", "retry-1")
        .send();
    other.assert_problem(422, "idempotency_key_reused");
    assert_eq!(
        Call::get(format!("/v1/widgets/{widget}/ideas")).send().json["total"],
        1
    );
}

#[test]
fn concurrent_retries_with_one_key_store_exactly_one_idea() {
    let widget = idea_box();
    let voter = new_voter();
    let statuses = concurrently(20, 20, |_| {
        submit(&widget, &voter, "Course").header("Idempotency-Key", "storm-1")
    });
    assert!(count_status(&statuses, 201) >= 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [201, 409].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(
        Call::get(format!("/v1/widgets/{widget}/ideas")).send().json["total"],
        1
    );
}

#[test]
fn a_replayed_ballot_is_the_first_answer_not_already_voted() {
    let session = sign_in("admin@test.example");
    let poll = crate::staff::open_poll(&session, "Rejouer un vote");
    let voter = new_voter();
    let vote = || {
        Call::post(format!("/v1/widgets/{poll}/ballots"))
            .from_city()
            .header("Parvis-Voter", &voter)
            .header("Idempotency-Key", "ballot-1")
            .json(&json!({ "choices": ["b"] }))
    };
    let first = vote().send();
    assert_eq!(first.status, 201);
    let retry = vote().send();
    assert_eq!(retry.status, 201);
    assert_eq!(retry.json["total_ballots"], 1);
}

#[test]
fn a_malformed_idempotency_key_is_400() {
    let widget = idea_box();
    let reply = submit(&widget, &new_voter(), "x")
        .header("Idempotency-Key", &"k".repeat(300))
        .send();
    reply.assert_problem(400, "invalid_header");
}
