//! Polls by invitation: one ballot per code per poll, codes checked against
//! their set, revoked codes refused, guessing bounded, and the results by
//! participation level.

use crate::staff::code_sets::{codes_of, make_set};
use crate::staff::create_widget;
use parvis_tests::{
    Call, Reply, Session, concurrently, count_status, new_voter, sign_in, unique_ip,
};
use serde_json::json;

/// A poll by invitation code of `set`, options `a` and `b`.
fn code_poll(session: &Session, title: &str, set: i64) -> String {
    create_widget(
        session,
        json!({
            "kind": "poll", "title": title, "status": "open",
            "participation": "code", "code_set_id": set,
            "options": [{"label": "a"}, {"label": "b"}]
        }),
    )
}

fn ballot(poll: &str, code: Option<&str>) -> Call {
    let mut body = json!({ "choices": ["a"] });
    if let Some(code) = code {
        body["code"] = json!(code);
    }
    Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&body)
}

fn vote(poll: &str, code: Option<&str>) -> Reply {
    ballot(poll, code).send()
}

#[test]
fn one_ballot_per_code_per_poll_and_the_same_code_in_each_poll_of_a_consultation() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Consultation du quartier", 4)["id"]
        .as_i64()
        .expect("an id");
    let codes = codes_of(&admin, set);
    let first = code_poll(&admin, "Premier vote du quartier", set);
    let second = code_poll(&admin, "Second vote du quartier", set);
    let view = Call::get(format!("/v1/widgets/{first}")).send();
    assert_eq!(
        view.json["participation"], "code",
        "residents are told before acting"
    );
    assert_eq!(vote(&first, Some(&codes[0])).status, 201);
    // The same code from another device, as typed on a phone.
    let typed = codes[0].to_lowercase().replace('-', " ");
    vote(&first, Some(&typed)).assert_problem(409, "code_already_used");
    // The consultation's other poll takes it once too.
    assert_eq!(vote(&second, Some(&codes[0])).status, 201);
    vote(&second, Some(&codes[0])).assert_problem(409, "code_already_used");
    // Without a code, or with one that is not of this set.
    vote(&first, None).assert_problem(403, "code_required");
    vote(&first, Some("")).assert_problem(403, "code_required");
    vote(&first, Some("pas un code")).assert_problem(403, "invalid_code");
    vote(&first, Some("ABCD-EFGH-JKMN-PQRS")).assert_problem(403, "invalid_code");
    // Results count the ballots by level, in the export too.
    let results = Call::get(format!("/v1/staff/widgets/{first}/results"))
        .staff(&admin)
        .send();
    assert_eq!(
        results.json["ballots_by_level"],
        json!([{ "level": "code", "ballots": 1 }])
    );
    assert_eq!(
        results.json["options"][0]["by_level"],
        json!([{ "level": "code", "ballots": 1 }])
    );
    let csv = Call::get(format!("/v1/staff/widgets/{first}/export?format=csv"))
        .staff(&admin)
        .send();
    let text = csv.text.trim_start_matches('\u{feff}');
    assert!(
        text.starts_with(
            "option_id,label,count,percent,open_ballots,code_ballots,verified_ballots"
        ),
        "{text}"
    );
    assert!(text.contains("\na,a,1,100,0,1,0"), "{text}");
    let sets = Call::get("/v1/staff/code-sets").staff(&admin).send();
    let listed = sets
        .json
        .as_array()
        .expect("sets")
        .iter()
        .find(|s| s["id"] == set)
        .cloned();
    assert_eq!(listed.expect("the set")["used"], 2);
}

#[test]
fn a_revoked_code_no_longer_votes() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Codes perdus", 3)["id"]
        .as_i64()
        .expect("an id");
    let codes = codes_of(&admin, set);
    let poll = code_poll(&admin, "Vote après une lettre perdue", set);
    let revoked = Call::post(format!("/v1/staff/code-sets/{set}/revocations"))
        .staff(&admin)
        .json(&json!({ "code": codes[1] }))
        .send();
    assert_eq!(revoked.status, 204);
    vote(&poll, Some(&codes[1])).assert_problem(403, "code_revoked");
    assert_eq!(vote(&poll, Some(&codes[2])).status, 201);
}

#[test]
fn a_thousand_concurrent_uses_of_one_code_cast_exactly_one_ballot() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Une course", 1)["id"]
        .as_i64()
        .expect("an id");
    let code = codes_of(&admin, set).remove(0);
    let poll = code_poll(&admin, "Vote disputé", set);
    let statuses = concurrently(1000, 40, |_| ballot(&poll, Some(&code)));
    assert_eq!(count_status(&statuses, 201), 1, "{statuses:?}");
    assert_eq!(count_status(&statuses, 409), 999);
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(view.json["total_ballots"], 1);
}

#[test]
fn guessing_codes_hits_the_limit_and_then_not_even_a_right_code_is_checked() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Devinettes", 2)["id"]
        .as_i64()
        .expect("an id");
    let codes = codes_of(&admin, set);
    let poll = code_poll(&admin, "Vote deviné", set);
    let ip = unique_ip();
    let guess = |code: &str| {
        ballot(&poll, Some(code))
            .header("CF-Connecting-IP", &ip)
            .send()
    };
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for attempt in 0..10 {
        let c = alphabet.as_bytes()[attempt] as char;
        let wrong = format!("{c}{c}{c}{c}-{c}{c}{c}{c}-{c}{c}{c}{c}-{c}{c}{c}{c}");
        guess(&wrong).assert_problem(403, "invalid_code");
    }
    let refused = guess(&codes[0]);
    refused.assert_problem(429, "too_many_wrong_codes");
    assert!(refused.retry_after.is_some());
    // Another network is not held back by this one's guesses.
    assert_eq!(vote(&poll, Some(&codes[0])).status, 201);
}

#[test]
fn levels_are_for_polls_with_their_citys_set_and_fixed_once_votes_came() {
    let admin = sign_in("admin@test.example");
    let refused = |body: serde_json::Value, field: &str| {
        let reply = Call::post("/v1/staff/widgets")
            .staff(&admin)
            .json(&body)
            .send();
        reply.assert_problem(422, "validation_failed");
        let errors = reply.json["errors"].as_array().cloned().unwrap_or_default();
        assert!(
            errors.iter().any(|e| e["field"] == field),
            "{field}: {}",
            reply.text
        );
    };
    refused(
        json!({ "kind": "ideas", "title": "Idées sur invitation", "participation": "code", "code_set_id": 1 }),
        "participation",
    );
    refused(
        json!({ "kind": "poll", "title": "Sans jeu", "participation": "code", "options": [{"label": "a"}, {"label": "b"}] }),
        "code_set_id",
    );
    refused(
        json!({ "kind": "poll", "title": "Jeu inutile", "code_set_id": 1, "options": [{"label": "a"}, {"label": "b"}] }),
        "code_set_id",
    );
    refused(
        json!({ "kind": "poll", "title": "Jeu inconnu", "participation": "code", "code_set_id": 999_999, "options": [{"label": "a"}, {"label": "b"}] }),
        "code_set_id",
    );
    // A verified poll needs the city's identity provider: see
    // `staff::identity_provider` (the test city has one).
    let set = make_set(&admin, "Figé", 2)["id"].as_i64().expect("an id");
    let codes = codes_of(&admin, set);
    let poll = code_poll(&admin, "Vote figé", set);
    assert_eq!(vote(&poll, Some(&codes[0])).status, 201);
    let reopened = Call::request("PUT", format!("/v1/staff/widgets/{poll}"))
        .staff(&admin)
        .json(&json!({ "kind": "poll", "title": "Vote figé", "status": "open", "options": [{"id": "a", "label": "a"}, {"id": "b", "label": "b"}] }))
        .send();
    reopened.assert_problem(422, "validation_failed");
    assert_eq!(reopened.json["errors"][0]["field"], "participation");
    assert_eq!(reopened.json["errors"][0]["code"], "locked");
}

#[test]
fn erasing_ones_data_keeps_a_ballot_cast_with_a_code() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Effacement", 2)["id"]
        .as_i64()
        .expect("an id");
    let codes = codes_of(&admin, set);
    let poll = code_poll(&admin, "Vote puis effacement", set);
    let voter = new_voter();
    let voted = Call::post(format!("/v1/widgets/{poll}/ballots"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["a"], "code": codes[0] }))
        .send();
    assert_eq!(voted.status, 201, "{}", voted.text);
    let erased = Call::request("DELETE", format!("/v1/widgets/{poll}/voter-data"))
        .from_city()
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(erased.status, 200, "{}", erased.text);
    assert_eq!(erased.json["detached_ballots"], 1, "{}", erased.text);
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(
        view.json["total_ballots"], 1,
        "the binding vote still counts"
    );
    vote(&poll, Some(&codes[0])).assert_problem(409, "code_already_used");
}
