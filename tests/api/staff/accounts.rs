//! Staff accounts: admins create and remove colleagues in their city.

use parvis_tests::{Call, STAFF_PASSWORD, sign_in};
use serde_json::json;

#[test]
fn an_admin_creates_lists_and_removes_a_moderator() {
    let admin = sign_in("admin@test.example");
    let email = format!("new-{}@test.example", parvis_tests::unique_suffix());
    let created = Call::post("/v1/staff/accounts")
        .staff(&admin)
        .json(&json!({ "email": email, "display_name": "Nouvelle", "role": "moderator", "temporary_password": STAFF_PASSWORD }))
        .send();
    assert_eq!(created.status, 201, "{}", created.json);
    let id = created.json["id"].as_i64().expect("id");
    let list = Call::get("/v1/staff/accounts").staff(&admin).send();
    assert!(
        list.json
            .as_array()
            .expect("accounts")
            .iter()
            .any(|a| a["email"] == email.as_str())
    );
    let duplicate = Call::post("/v1/staff/accounts")
        .staff(&admin)
        .json(&json!({ "email": email.to_uppercase(), "display_name": "Doublon", "role": "admin", "temporary_password": STAFF_PASSWORD }))
        .send();
    duplicate.assert_problem(422, "validation_failed");
    assert_eq!(duplicate.json["errors"][0]["field"], "email");
    assert_eq!(
        Call::request("DELETE", format!("/v1/staff/accounts/{id}"))
            .staff(&admin)
            .send()
            .status,
        204
    );
    Call::request("DELETE", format!("/v1/staff/accounts/{id}"))
        .staff(&admin)
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn a_moderator_cannot_manage_staff() {
    let session = sign_in("moderator@test.example");
    Call::get("/v1/staff/accounts")
        .staff(&session)
        .send()
        .assert_problem(403, "forbidden");
    Call::post("/v1/staff/accounts")
        .staff(&session)
        .json(&json!({ "email": "x@test.example", "display_name": "X", "role": "admin", "temporary_password": STAFF_PASSWORD }))
        .send()
        .assert_problem(403, "forbidden");
}

#[test]
fn an_admin_cannot_remove_another_citys_account_or_their_own() {
    let admin = sign_in("admin@test.example");
    let other_city = sign_in("admin@autre-ville.example");
    let me = Call::get("/v1/staff/me").staff(&other_city).send();
    let other_id = me.json["account"]["id"].as_i64().expect("id");
    Call::request("DELETE", format!("/v1/staff/accounts/{other_id}"))
        .staff(&admin)
        .send()
        .assert_problem(404, "not_found");
    Call::request("DELETE", format!("/v1/staff/accounts/{other_id}"))
        .staff(&other_city)
        .send()
        .assert_problem(409, "conflict");
}

#[test]
fn weak_or_malformed_new_accounts_get_field_errors() {
    let admin = sign_in("admin@test.example");
    let reply = Call::post("/v1/staff/accounts")
        .staff(&admin)
        .json(&json!({ "email": "pas-un-email", "display_name": "", "role": "moderator", "temporary_password": "court" }))
        .send();
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["email", "display_name", "temporary_password"]);
}
