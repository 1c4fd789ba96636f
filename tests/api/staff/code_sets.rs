//! Invitation code sets: made, listed, downloaded and revoked by admins;
//! codes derived again on each download, never stored.

use parvis_tests::{Call, Reply, Session, sign_in};
use serde_json::{Value, json};
use std::time::Instant;

/// Makes a set of `size` codes as the demo city's admin; returns its JSON.
pub fn make_set(session: &Session, name: &str, size: u32) -> Value {
    let reply = Call::post("/v1/staff/code-sets")
        .staff(session)
        .json(&json!({ "name": name, "size": size }))
        .send();
    assert_eq!(reply.status, 201, "{}", reply.text);
    reply.json
}

/// The set's codes, as the CSV download gives them.
pub fn codes_of(session: &Session, set: i64) -> Vec<String> {
    let reply = download(session, set, "");
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply
        .text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|line| line.split(',').nth(1).expect("a code column").to_owned())
        .collect()
}

fn download(session: &Session, set: i64, query: &str) -> Reply {
    Call::get(format!("/v1/staff/code-sets/{set}/codes{query}"))
        .staff(session)
        .send()
}

#[test]
fn an_admin_makes_a_set_and_downloads_its_codes() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Budget participatif — foyers", 25);
    assert_eq!(set["size"], 25);
    assert_eq!(set["used"], 0);
    assert_eq!(set["revoked"], 0);
    let id = set["id"].as_i64().expect("an id");
    let reply = download(&admin, id, "?separator=semicolon");
    assert_eq!(reply.content_type, "text/csv; charset=utf-8");
    let lines: Vec<&str> = reply.text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 26);
    assert_eq!(lines[0], "number;code");
    let (number, code) = lines[1].split_once(';').expect("two cells");
    assert_eq!(number, "1");
    assert_eq!(code.len(), 19);
    assert!(code.chars().enumerate().all(|(i, c)| if i % 5 == 4 {
        c == '-'
    } else {
        c.is_ascii_digit() || c.is_ascii_uppercase()
    }));
    // Derived again on each download: the same codes, all different.
    let codes = codes_of(&admin, id);
    assert_eq!(codes.len(), 25);
    assert_eq!(codes[0], code);
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 25);
    let listed = Call::get("/v1/staff/code-sets").staff(&admin).send();
    assert!(
        listed
            .json
            .as_array()
            .expect("a list")
            .iter()
            .any(|s| s["id"] == id)
    );
}

#[test]
fn ten_thousand_codes_are_made_and_exported_in_one_request() {
    let admin = sign_in("admin@test.example");
    let set = make_set(&admin, "Dix mille foyers", 10_000);
    let started = Instant::now();
    let codes = codes_of(&admin, set["id"].as_i64().expect("an id"));
    eprintln!(
        "10,000 invitation codes derived and exported in {:?} (wall clock, local workerd)",
        started.elapsed()
    );
    assert_eq!(codes.len(), 10_000);
}

#[test]
fn moderators_see_sets_but_cannot_make_download_or_revoke() {
    let admin = sign_in("admin@test.example");
    let id = make_set(&admin, "Réservé aux admins", 3)["id"]
        .as_i64()
        .expect("an id");
    let moderator = sign_in("moderator@test.example");
    assert_eq!(
        Call::get("/v1/staff/code-sets")
            .staff(&moderator)
            .send()
            .status,
        200
    );
    Call::post("/v1/staff/code-sets")
        .staff(&moderator)
        .json(&json!({ "name": "Non", "size": 3 }))
        .send()
        .assert_problem(403, "forbidden");
    download(&moderator, id, "").assert_problem(403, "forbidden");
    Call::post(format!("/v1/staff/code-sets/{id}/revocations"))
        .staff(&moderator)
        .json(&json!({ "code": "0000-0000-0000" }))
        .send()
        .assert_problem(403, "forbidden");
}

#[test]
fn bad_sets_and_codes_are_refused_clearly() {
    let admin = sign_in("admin@test.example");
    for (body, field) in [
        (json!({ "name": "Trop", "size": 200_001 }), "size"),
        (json!({ "name": "Aucun", "size": 0 }), "size"),
        (json!({ "name": "  ", "size": 10 }), "name"),
    ] {
        let reply = Call::post("/v1/staff/code-sets")
            .staff(&admin)
            .json(&body)
            .send();
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.json["errors"][0]["field"], field, "{}", reply.text);
    }
    download(&admin, 999_999, "").assert_problem(404, "not_found");
    let id = make_set(&admin, "Révocations", 5)["id"]
        .as_i64()
        .expect("an id");
    download(&admin, id, "?separator=tab").assert_problem(400, "invalid_query");
    let revoke = |code: &str| {
        Call::post(format!("/v1/staff/code-sets/{id}/revocations"))
            .staff(&admin)
            .json(&json!({ "code": code }))
            .send()
    };
    // Not a code of this set: a field error, nothing revoked.
    revoke("ABCD-EFGH-JKMN-PQRS").assert_problem(422, "validation_failed");
    let codes = codes_of(&admin, id);
    assert_eq!(revoke(&codes[2]).status, 204);
    assert_eq!(
        revoke(&codes[2].to_lowercase()).status,
        204,
        "idempotent, as typed"
    );
    let listed = Call::get("/v1/staff/code-sets").staff(&admin).send();
    let set = listed
        .json
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["id"] == id)
        .cloned();
    assert_eq!(set.expect("the set")["revoked"], 1);
}

#[test]
fn another_citys_set_is_out_of_reach() {
    let other = sign_in("admin@autre-ville.example");
    let theirs = make_set(&other, "Autre ville", 3)["id"]
        .as_i64()
        .expect("an id");
    let code = codes_of(&other, theirs).remove(0);
    let admin = sign_in("admin@test.example");
    download(&admin, theirs, "").assert_problem(404, "not_found");
    Call::post(format!("/v1/staff/code-sets/{theirs}/revocations"))
        .staff(&admin)
        .json(&json!({ "code": code }))
        .send()
        .assert_problem(404, "not_found");
    let listed = Call::get("/v1/staff/code-sets").staff(&admin).send();
    assert!(
        !listed
            .json
            .as_array()
            .expect("a list")
            .iter()
            .any(|s| s["id"] == theirs)
    );
    let attached = Call::post("/v1/staff/widgets")
        .staff(&admin)
        .json(&json!({
            "kind": "poll", "title": "Jeu d'une autre ville", "participation": "code",
            "code_set_id": theirs, "options": [{"label": "a"}, {"label": "b"}]
        }))
        .send();
    attached.assert_problem(422, "validation_failed");
    assert_eq!(attached.json["errors"][0]["field"], "code_set_id");
}

#[test]
fn code_set_actions_are_in_the_city_audit_log() {
    let admin = sign_in("admin@test.example");
    let name = format!("Journal {}", parvis_tests::unique_suffix());
    let id = make_set(&admin, &name, 2)["id"].as_i64().expect("an id");
    let codes = codes_of(&admin, id);
    let revoked = Call::post(format!("/v1/staff/code-sets/{id}/revocations"))
        .staff(&admin)
        .json(&json!({ "code": codes[1] }))
        .send();
    assert_eq!(revoked.status, 204);
    let log = Call::get("/v1/staff/audit").staff(&admin).send();
    assert_eq!(log.status, 200, "{}", log.text);
    let ours: Vec<&str> = log
        .json
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["detail"].as_str().unwrap_or_default().starts_with(&name))
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        ours,
        ["code_revoked", "codes_downloaded", "codes_created"],
        "newest first"
    );
    Call::get("/v1/staff/audit")
        .staff(&sign_in("moderator@test.example"))
        .send()
        .assert_problem(403, "forbidden");
}
