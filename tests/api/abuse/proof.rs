//! The proof of work before residents' writes, and the browser-origin rule.

use super::total_ballots;
use parvis_model::proof_of_work::{Challenge, Proof};
use parvis_tests::{Call, new_voter, sign_in, solve_challenge};
use serde_json::json;

fn poll() -> String {
    crate::staff::open_poll(&sign_in("admin@test.example"), "Preuve de travail")
}

fn ballot(poll: &str, voter: &str) -> Call {
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", voter)
        .json(&json!({ "choices": ["a"] }))
        .without_proof()
}

#[test]
fn a_challenge_is_issued_for_a_voter_token_and_expires() {
    let poll = poll();
    let reply = Call::get(format!("/v1/widgets/{poll}/challenge"))
        .header("Parvis-Voter", &new_voter())
        .send();
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(
        reply.json["challenge"]
            .as_str()
            .is_some_and(|c| c.len() > 20)
    );
    assert!(reply.json["bits"].as_u64().is_some_and(|bits| bits >= 1));
    assert!(reply.json["expires_at"].is_string());
    Call::get(format!("/v1/widgets/{poll}/challenge"))
        .send()
        .assert_problem(400, "invalid_voter_token");
}

#[test]
fn a_write_without_a_proof_is_428_and_stores_nothing() {
    let poll = poll();
    ballot(&poll, &new_voter())
        .send()
        .assert_problem(428, "proof_required");
    ballot(&poll, &new_voter())
        .header("Parvis-Proof", "not a proof")
        .send()
        .assert_problem(428, "proof_required");
    assert_eq!(total_ballots(&poll), 0);
}

#[test]
fn a_proof_serves_its_own_token_and_widget_only() {
    let (poll, other_poll) = (poll(), poll());
    let voter = new_voter();
    let proof = solve_challenge(&poll, &voter).expect("a challenge");
    // Another token, or the same token in another widget: refused.
    ballot(&poll, &new_voter())
        .header("Parvis-Proof", &proof)
        .send()
        .assert_problem(428, "proof_required");
    ballot(&other_poll, &voter)
        .header("Parvis-Proof", &proof)
        .send()
        .assert_problem(428, "proof_required");
    // A forged expiry breaks the signature.
    let (expires, rest) = proof.split_once('.').expect("a challenge");
    let forged = format!("{}.{rest}", expires.parse::<i64>().expect("expiry") + 3600);
    ballot(&poll, &voter)
        .header("Parvis-Proof", &forged)
        .send()
        .assert_problem(428, "proof_required");
    // A nonce that does not solve the challenge.
    let (challenge, nonce) = proof.rsplit_once(';').expect("a nonce");
    let bits = Challenge::parse(challenge).expect("a challenge").bits;
    let nonce: u64 = nonce.parse().expect("a number");
    let wrong = (nonce + 1..)
        .find(|n| {
            !Proof {
                challenge,
                nonce: *n,
            }
            .is_solved(bits)
        })
        .expect("a nonce that does not solve it");
    let unsolved = Proof::header_value(challenge, wrong);
    ballot(&poll, &voter)
        .header("Parvis-Proof", &unsolved)
        .send()
        .assert_problem(428, "proof_required");
    assert_eq!(total_ballots(&poll), 0);
    // Its own token, its own widget: counted, and the proof serves again.
    assert_eq!(
        ballot(&poll, &voter)
            .header("Parvis-Proof", &proof)
            .send()
            .status,
        201
    );
    ballot(&poll, &voter)
        .header("Parvis-Proof", &proof)
        .send()
        .assert_problem(409, "already_voted");
}

#[test]
fn a_write_without_an_origin_is_403_even_with_a_proof() {
    let poll = poll();
    let voter = new_voter();
    let proof = solve_challenge(&poll, &voter).expect("a challenge");
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .header("Parvis-Voter", &voter)
        .header("Parvis-Proof", &proof)
        .json(&json!({ "choices": ["a"] }))
        .send()
        .assert_problem(403, "origin_not_allowed");
    assert_eq!(total_ballots(&poll), 0);
}
