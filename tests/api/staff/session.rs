//! Signing in and out; sessions; same-origin checks.

use parvis_tests::{Call, STAFF_PASSWORD, api_url, concurrently, count_status, sign_in, unique_ip};
use serde_json::json;

fn attempt(email: &str, password: &str) -> Call {
    Call::post("/v1/staff/session")
        .header("Origin", &api_url())
        .json(&json!({ "email": email, "password": password }))
}

/// Issue 13, item 3: a `__Host-` cookie (Secure, `Path=/`, no Domain), so
/// a sibling subdomain of the city cannot plant one.
#[test]
fn signing_in_sets_a_host_only_strict_http_only_cookie_and_me_answers() {
    let reply = attempt("Admin@Test.example", STAFF_PASSWORD).send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    let cookie = reply.set_cookie.expect("cookie");
    assert!(cookie.starts_with("__Host-parvis_session="), "{cookie}");
    let attributes: Vec<&str> = cookie.split("; ").skip(1).collect();
    for attribute in [
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/",
        "Max-Age=28800",
    ] {
        assert!(attributes.contains(&attribute), "{cookie}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
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
        .header("Cookie", "__Host-parvis_session=forged")
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

/// Issue 13, item 3: a page on a sibling subdomain (`Sec-Fetch-Site:
/// same-site`) cannot use a staff session, even with the right `Origin`.
#[test]
fn staff_routes_accept_only_same_origin_fetches() {
    let session = sign_in("admin@test.example");
    let from = |site: &str| {
        Call::get("/v1/staff/me")
            .header("Origin", &api_url())
            .header("Sec-Fetch-Site", site)
            .header("Cookie", &session.cookie)
            .send()
    };
    from("same-site").assert_problem(403, "origin_not_allowed");
    from("cross-site").assert_problem(403, "origin_not_allowed");
    assert_eq!(from("same-origin").status, 200);
    assert_eq!(from("none").status, 200);
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

/// A fresh moderator of the test city, with `STAFF_PASSWORD` (temporary).
fn new_moderator(prefix: &str) -> String {
    let admin = sign_in("admin@test.example");
    let email = format!("{prefix}-{}@test.example", parvis_tests::unique_suffix());
    let created = Call::post("/v1/staff/accounts")
        .staff(&admin)
        .json(&json!({ "email": email, "display_name": "Essai", "role": "moderator", "temporary_password": STAFF_PASSWORD }))
        .send();
    assert_eq!(created.status, 201, "{}", created.json);
    email
}

/// Issue 13, item 2: each attempt is counted before its password is hashed,
/// so 200 guesses at once get no more tries than 200 one after another.
#[test]
fn two_hundred_concurrent_guesses_cannot_pass_the_limit() {
    let email = new_moderator("concurrent");
    let statuses = concurrently(200, 16, |_| attempt(&email, "wrong password"));
    assert_eq!(count_status(&statuses, 401), 5, "{statuses:?}");
    assert_eq!(count_status(&statuses, 429), 195, "{statuses:?}");
}

/// Issue 13, item 2: strangers guessing at an e-mail do not lock its owner
/// out of the browser they signed in from before.
#[test]
fn a_known_browser_signs_in_while_strangers_are_throttled() {
    let email = new_moderator("known");
    let first = attempt(&email, STAFF_PASSWORD).send();
    assert_eq!(first.status, 201, "{}", first.json);
    let device = first
        .headers
        .iter()
        .filter(|(name, _)| name == "set-cookie")
        .find_map(|(_, value)| value.strip_prefix("__Host-parvis_device="))
        .and_then(|rest| rest.split(';').next())
        .expect("the browser is remembered")
        .to_owned();
    for _ in 0..5 {
        attempt(&email, "a stranger's guess")
            .send()
            .assert_problem(401, "invalid_credentials");
    }
    attempt(&email, "a stranger's guess")
        .send()
        .assert_problem(429, "rate_limited");
    attempt(&email, STAFF_PASSWORD)
        .send()
        .assert_problem(429, "rate_limited");
    let owner = attempt(&email, STAFF_PASSWORD)
        .header("Cookie", &format!("__Host-parvis_device={device}"))
        .send();
    assert_eq!(owner.status, 201, "{}", owner.json);
}

/// Issue 13, item 2: an IPv6 network is one network (its /64).
#[test]
fn failures_from_one_ipv6_network_count_together() {
    let suffix = parvis_tests::unique_suffix();
    let tail = &suffix[suffix.len().saturating_sub(4)..];
    let network = format!("2001:db8:{tail}:77");
    for n in 0..30 {
        attempt(&format!("v6-{suffix}-{n}@test.example"), "wrong")
            .header("CF-Connecting-IP", &format!("{network}::{:x}", n + 1))
            .send()
            .assert_problem(401, "invalid_credentials");
    }
    attempt(&format!("v6-{suffix}-last@test.example"), "wrong")
        .header("CF-Connecting-IP", &format!("{network}:ffff:1:2:3"))
        .send()
        .assert_problem(429, "rate_limited");
}

/// Issue 13, item 2: a stolen session cannot guess the current password.
#[test]
fn changing_the_password_is_throttled_like_signing_in() {
    let email = new_moderator("change");
    let session = sign_in(&email);
    let change = |current: &str| {
        Call::request("PUT", "/v1/staff/me/password")
            .staff(&session)
            .json(&json!({ "current_password": current, "new_password": "a brand new passphrase 2026" }))
            .send()
    };
    for _ in 0..5 {
        change("not the password").assert_problem(401, "invalid_credentials");
    }
    change("not the password").assert_problem(429, "rate_limited");
    change(STAFF_PASSWORD).assert_problem(429, "rate_limited");
}
