//! Daily participation caps per widget and network (IPv4 address, IPv6
//! /64), and reports that hide a comment only from distinct networks.

use super::total_ballots;
use parvis_tests::{Call, count_status, new_voter, sign_in};
use serde_json::{Value, json};

fn poll_with_cap(cap: Option<u32>) -> String {
    let mut config = json!({
        "kind": "poll", "title": "Plafond par réseau", "status": "open",
        "options": [{"label": "a"}, {"label": "b"}]
    });
    if let Some(cap) = cap {
        config["network_daily_cap"] = json!(cap);
    }
    crate::staff::create_widget(&sign_in("admin@test.example"), config)
}

/// A ballot from `ip` with a fresh voter token (and its solved puzzle).
fn ballot_from(poll: &str, ip: &str) -> parvis_tests::Reply {
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .header("CF-Connecting-IP", ip)
        .json(&json!({ "choices": ["a"] }))
        .send()
}

/// The attacker of the issue: a script that knows the protocol, solves
/// every puzzle, rotates voter tokens and sends from one address. It gets
/// the default cap (50) of ballots in the widget for the day, no more.
#[test]
fn a_token_rotating_script_on_one_address_gets_the_daily_cap_and_no_more() {
    let poll = poll_with_cap(None);
    let statuses: Vec<u16> = (0..60)
        .map(|_| ballot_from(&poll, "203.0.113.66").status)
        .collect();
    assert_eq!(count_status(&statuses, 201), 50, "{statuses:?}");
    assert_eq!(count_status(&statuses, 429), 10, "{statuses:?}");
    let refused = ballot_from(&poll, "203.0.113.66");
    refused.assert_problem(429, "participation_cap_reached");
    let wait: u32 = refused
        .retry_after
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=86_400).contains(&wait), "{wait}");
    assert_eq!(total_ballots(&poll), 50);
    // A resident on another network is not affected.
    assert_eq!(ballot_from(&poll, "203.0.113.67").status, 201);
}

#[test]
fn addresses_of_one_ipv6_slash_64_are_one_network() {
    let poll = poll_with_cap(Some(3));
    for host in 1..=3 {
        let reply = ballot_from(&poll, &format!("2001:db8:5:6::{host:x}"));
        assert_eq!(reply.status, 201, "{}", reply.text);
    }
    ballot_from(&poll, "2001:db8:5:6:ffff:ffff:ffff:fffe")
        .assert_problem(429, "participation_cap_reached");
    // The next /64 is another network.
    assert_eq!(ballot_from(&poll, "2001:db8:5:7::1").status, 201);
}

#[test]
fn staff_raise_a_widgets_cap_for_a_public_meeting() {
    let poll = poll_with_cap(Some(2));
    let session = sign_in("admin@test.example");
    for _ in 0..2 {
        assert_eq!(ballot_from(&poll, "203.0.113.80").status, 201);
    }
    ballot_from(&poll, "203.0.113.80").assert_problem(429, "participation_cap_reached");
    let mut config: Value = Call::get(format!("/v1/staff/widgets/{poll}"))
        .staff(&session)
        .send()
        .json;
    assert_eq!(config["network_daily_cap"], 2);
    // The staff view is the configuration plus the id and the counts.
    config.as_object_mut().map(|c| c.remove("id"));
    config["network_daily_cap"] = json!(4);
    if let Some(options) = config["options"].as_array_mut() {
        for option in options {
            option.as_object_mut().map(|o| o.remove("count"));
        }
    }
    let updated = Call::request("PUT", format!("/v1/staff/widgets/{poll}"))
        .staff(&session)
        .json(&config)
        .send();
    assert_eq!(updated.status, 200, "{}", updated.text);
    assert_eq!(updated.json["network_daily_cap"], 4);
    for _ in 0..2 {
        assert_eq!(ballot_from(&poll, "203.0.113.80").status, 201);
    }
    ballot_from(&poll, "203.0.113.80").assert_problem(429, "participation_cap_reached");
    assert_eq!(total_ballots(&poll), 4);
}

#[test]
fn a_cap_out_of_range_is_a_field_error() {
    let session = sign_in("admin@test.example");
    let reply = Call::post("/v1/staff/widgets")
        .staff(&session)
        .json(&json!({
            "kind": "ideas", "title": "Plafond nul", "network_daily_cap": 0
        }))
        .send();
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.json["errors"][0]["field"], "network_daily_cap");
}

/// Three fresh tokens from one address used to hide any comment.
#[test]
fn reports_hide_a_comment_only_from_distinct_networks() {
    let widget = crate::public::comments::new_thread("after_publication", 3);
    let comment =
        crate::public::comments::post(&widget, &new_voter(), json!({ "body": "Avis" })).send();
    let comment_id = comment.json["id"].as_i64().expect("an id");
    let report = |ip: &str| {
        Call::post(format!(
            "/v1/widgets/{widget}/comments/{comment_id}/reports"
        ))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .header("CF-Connecting-IP", ip)
        .json(&json!({ "reason": "abuse" }))
        .send()
        .status
    };
    let visible = || {
        Call::get(format!("/v1/widgets/{widget}/comments"))
            .send()
            .json["total"]
            .as_u64()
            .unwrap_or(u64::MAX)
    };
    for _ in 0..5 {
        assert_eq!(report("203.0.113.90"), 204);
    }
    assert_eq!(report("2001:db8:9:9::1"), 204);
    assert_eq!(visible(), 1, "two networks cannot hide it");
    assert_eq!(report("2001:db8:9:9::2"), 204);
    assert_eq!(visible(), 1, "the same /64 is the same network");
    assert_eq!(report("198.51.100.90"), 204);
    assert_eq!(visible(), 0, "a third network hides it");
}

/// Staff see what the checks refused and which network stands out.
#[test]
fn the_integrity_report_counts_refusals_by_reason_and_names_a_dominant_network() {
    let poll = poll_with_cap(Some(3));
    for _ in 0..5 {
        ballot_from(&poll, "203.0.113.120");
    }
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "choices": ["a"] }))
        .without_proof()
        .send()
        .assert_problem(428, "proof_required");
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "choices": ["a"] }))
        .send()
        .assert_problem(403, "origin_not_allowed");
    for host in 1..=7 {
        assert_eq!(
            ballot_from(&poll, &format!("198.51.100.{host}")).status,
            201
        );
    }
    let report = Call::get(format!("/v1/staff/widgets/{poll}/integrity"))
        .staff(&sign_in("moderator@test.example"))
        .send();
    assert_eq!(report.status, 200, "{}", report.text);
    let json = &report.json;
    assert_eq!(json["participation"], 10);
    assert_eq!(json["open_level"], 10);
    assert_eq!(
        json["verdict"],
        json!({ "kind": "one_network", "percent": 30 })
    );
    assert_eq!(json["busiest_networks"][0]["count"], 3);
    assert_eq!(json["busiest_networks"][0]["percent"], 30);
    assert_eq!(
        json["busiest_networks"][0]["network"]
            .as_str()
            .map(str::len),
        Some(8)
    );
    let refused = |reason: &str| {
        json["refusals"]
            .as_array()
            .and_then(|all| all.iter().find(|r| r["reason"] == reason))
            .map_or(0, |r| r["count"].as_u64().unwrap_or(0))
    };
    assert_eq!(refused("daily_cap"), 2);
    assert_eq!(refused("proof"), 1);
    assert_eq!(refused("origin"), 1);
}

/// The cap counts participation that was added: a refused or repeated write
/// gives its place back, and a retried write is answered, never capped.
#[test]
fn only_accepted_writes_use_the_cap_and_a_retry_is_never_capped() {
    let poll = poll_with_cap(Some(2));
    let ip = "203.0.113.140";
    let voter = new_voter();
    let vote = |voter: &str, key: Option<&str>| {
        let mut call = Call::post(format!("/v1/widgets/{poll}/ballots"))
            .from_city()
            .header("Parvis-Voter", voter)
            .header("CF-Connecting-IP", ip)
            .json(&json!({ "choices": ["a"] }));
        if let Some(key) = key {
            call = call.header("Idempotency-Key", key);
        }
        call.send()
    };
    assert_eq!(vote(&voter, Some("k1")).status, 201);
    // Already voted: refused by the poll, so it takes no place in the cap.
    vote(&voter, None).assert_problem(409, "already_voted");
    vote(&voter, None).assert_problem(409, "already_voted");
    assert_eq!(vote(&new_voter(), None).status, 201);
    // The cap is reached, yet a retry of the first ballot gets its answer.
    let retry = vote(&voter, Some("k1"));
    assert_eq!(retry.status, 201, "{}", retry.text);
    vote(&new_voter(), None).assert_problem(429, "participation_cap_reached");
    assert_eq!(total_ballots(&poll), 2);
}

/// A thread keeps no network per comment: its report counts what it can
/// and says the rest is not measured, never a server error.
#[test]
fn the_integrity_report_of_a_thread_is_not_measured() {
    let report = Call::get("/v1/staff/widgets/test-comments/integrity")
        .staff(&sign_in("moderator@test.example"))
        .send();
    assert_eq!(report.status, 200, "{}", report.text);
    assert_eq!(report.json["verdict"]["kind"], "not_measured");
    assert_eq!(report.json["busiest_networks"], json!([]));
}
