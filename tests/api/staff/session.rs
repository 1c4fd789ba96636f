//! Signing in and out; sessions; same-origin checks.

use parvis_tests::{Call, STAFF_PASSWORD, api_url, sign_in, unique_ip};
use serde_json::json;

fn attempt(email: &str, password: &str) -> Call {
    Call::post("/v1/staff/session")
        .header("Origin", &api_url())
        .json(&json!({ "email": email, "password": password }))
}

#[test]
fn signing_in_sets_a_strict_http_only_cookie_and_me_answers() {
    let reply = attempt("Admin@Test.example", STAFF_PASSWORD).send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    let cookie = reply.set_cookie.expect("cookie");
    assert!(cookie.starts_with("parvis_session="));
    for attribute in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/v1/staff",
        "Max-Age=28800",
    ] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    // Local HTTP: no Secure flag, or the browser would drop the cookie.
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert_eq!(reply.json["account"]["role"], "admin");
    assert_eq!(reply.json["city"]["slug"], "ville-de-demo");
    let session = sign_in("admin@test.example");
    let me = Call::get("/v1/staff/me").staff(&session).send();
    assert_eq!(me.json["account"]["email"], "admin@test.example");
}

#[test]
fn wrong_credentials_are_401_whether_or_not_the_account_exists() {
    attempt("admin@test.example", "not the password")
        .send()
        .assert_problem(401, "invalid_credentials");
    attempt("nobody@test.example", STAFF_PASSWORD)
        .send()
        .assert_problem(401, "invalid_credentials");
}

#[test]
fn without_a_session_staff_routes_are_401() {
    for path in [
        "/v1/staff/me",
        "/v1/staff/widgets",
        "/v1/staff/moderation",
        "/v1/staff/city",
    ] {
        Call::get(path)
            .send()
            .assert_problem(401, "unauthenticated");
    }
    Call::get("/v1/staff/me")
        .header("Cookie", "parvis_session=forged")
        .send()
        .assert_problem(401, "unauthenticated");
}

#[test]
fn signing_out_ends_the_session() {
    let session = sign_in("admin@test.example");
    let out = Call::request("DELETE", "/v1/staff/session")
        .staff(&session)
        .send();
    assert_eq!(out.status, 204);
    assert!(
        out.set_cookie
            .expect("cleared cookie")
            .contains("Max-Age=0")
    );
    Call::get("/v1/staff/me")
        .staff(&session)
        .send()
        .assert_problem(401, "unauthenticated");
}

#[test]
fn staff_routes_refuse_other_origins() {
    let session = sign_in("admin@test.example");
    let foreign = Call::get("/v1/staff/me")
        .header("Origin", "http://127.0.0.1:8080")
        .header("Cookie", &session.cookie)
        .send();
    foreign.assert_problem(403, "origin_not_allowed");
    let no_origin_write = Call::post("/v1/staff/widgets")
        .header("Cookie", &session.cookie)
        .json(&json!({ "kind": "poll", "title": "x" }))
        .send();
    no_origin_write.assert_problem(403, "origin_not_allowed");
}

#[test]
fn five_failures_for_one_email_throttle_it() {
    let email = format!("throttled-{}@test.example", parvis_tests::unique_suffix());
    let email = email.as_str();
    for _ in 0..5 {
        attempt(email, "wrong password")
            .send()
            .assert_problem(401, "invalid_credentials");
    }
    let throttled = attempt(email, "wrong password").send();
    throttled.assert_problem(429, "rate_limited");
    assert!(throttled.retry_after.is_some());
}

#[test]
fn thirty_failures_from_one_ip_throttle_it() {
    let ip = unique_ip();
    for n in 0..30 {
        let reply = attempt(&format!("ip-{n}@test.example"), "wrong")
            .header("CF-Connecting-IP", &ip)
            .send();
        reply.assert_problem(401, "invalid_credentials");
    }
    let reply = attempt("ip-last@test.example", "wrong")
        .header("CF-Connecting-IP", &ip)
        .send();
    reply.assert_problem(429, "rate_limited");
}

#[test]
fn a_password_change_needs_the_current_one() {
    let admin = sign_in("admin@test.example");
    let email = format!("pw-{}@test.example", parvis_tests::unique_suffix());
    let created = Call::post("/v1/staff/accounts")
        .staff(&admin)
        .json(&json!({ "email": email, "display_name": "Temp", "role": "moderator", "temporary_password": STAFF_PASSWORD }))
        .send();
    assert_eq!(created.status, 201, "{}", created.json);
    assert_eq!(created.json["must_change_password"], true);
    let session = sign_in(&email);
    let change = |current: &str, new: &str| {
        Call::request("PUT", "/v1/staff/me/password")
            .staff(&session)
            .json(&json!({ "current_password": current, "new_password": new }))
            .send()
    };
    // Until then, the temporary password opens nothing but this.
    Call::get("/v1/staff/widgets")
        .staff(&session)
        .send()
        .assert_problem(403, "password_change_required");
    assert_eq!(Call::get("/v1/staff/me").staff(&session).send().status, 200);
    change("wrong", "a new long password").assert_problem(401, "invalid_credentials");
    change(STAFF_PASSWORD, "short").assert_problem(422, "validation_failed");
    let same = change(STAFF_PASSWORD, STAFF_PASSWORD);
    same.assert_problem(422, "validation_failed");
    assert_eq!(same.json["errors"][0]["code"], "duplicate");
    assert_eq!(change(STAFF_PASSWORD, "a new long password").status, 204);
    let me = Call::get("/v1/staff/me").staff(&session).send();
    assert_eq!(me.json["account"]["must_change_password"], false);
    assert_eq!(
        Call::get("/v1/staff/widgets").staff(&session).send().status,
        200
    );
    attempt(&email, STAFF_PASSWORD)
        .send()
        .assert_problem(401, "invalid_credentials");
    assert_eq!(attempt(&email, "a new long password").send().status, 201);
}

#[test]
fn the_admin_made_by_cargo_xtask_admin_signs_in_and_must_change_their_password() {
    let password = std::env::var("PARVIS_BOOTSTRAP_PASSWORD").expect("set by cargo xtask test");
    let reply = attempt("bootstrap@test.example", &password).send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    assert_eq!(reply.json["account"]["role"], "admin");
    assert_eq!(reply.json["account"]["must_change_password"], true);
    assert_eq!(reply.json["city"]["slug"], "ville-bootstrap");
}
