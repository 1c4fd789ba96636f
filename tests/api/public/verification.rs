//! Verified polls on the resident side: starting a sign-in (the provider's
//! address with state, nonce, PKCE, `acr_values` and `openid` alone), the
//! callback's refusals (unknown or replayed state, cancelled at the
//! provider) and ballots without a valid grant. The whole flow through the
//! provider's own login form is `tests/browser/verified-identity.spec.mjs`.

use crate::staff::create_widget;
use parvis_tests::{Call, Session, api_url, new_voter, sign_in};
use serde_json::json;

/// A verified poll of the test city (whose provider `cargo xtask test` set).
fn verified_poll(session: &Session, title: &str) -> String {
    create_widget(
        session,
        json!({
            "kind": "poll", "title": title, "status": "open",
            "participation": "verified",
            "options": [{"label": "a"}, {"label": "b"}]
        }),
    )
}

fn start(poll: &str, voter: &str) -> parvis_tests::Reply {
    Call::post(format!("/v1/widgets/{poll}/verification?lang=en"))
        .from_city()
        .header("Parvis-Voter", voter)
        .send()
}

/// A query parameter of `url`, decoded enough for these values (no `%`
/// but in the redirect URI).
fn param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.replace("%3A", ":").replace("%2F", "/"))
    })
}

#[test]
fn a_sign_in_starts_at_the_city_provider_with_state_nonce_and_pkce() {
    let admin = sign_in("admin@test.example");
    let poll = verified_poll(&admin, "Vote vérifié : le départ");
    let view = Call::get(format!("/v1/widgets/{poll}")).send();
    assert_eq!(view.json["participation"], "verified");
    assert_eq!(view.json["identity_provider"], "FranceConnect");

    let voter = new_voter();
    let first = start(&poll, &voter);
    assert_eq!(first.status, 201, "{}", first.text);
    let url = first.json["authorize_url"].as_str().expect("an address");
    let issuer = std::env::var("PARVIS_OIDC_ISSUER").expect("PARVIS_OIDC_ISSUER");
    assert!(url.starts_with(&issuer), "{url}");
    assert_eq!(param(url, "response_type").as_deref(), Some("code"));
    assert_eq!(param(url, "scope").as_deref(), Some("openid"));
    assert_eq!(param(url, "acr_values").as_deref(), Some("eidas1"));
    assert_eq!(param(url, "ui_locales").as_deref(), Some("en"));
    assert_eq!(param(url, "code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(
        param(url, "redirect_uri"),
        Some(format!("{}/oidc/callback", api_url()))
    );
    let state = param(url, "state").expect("a state");
    let nonce = param(url, "nonce").expect("a nonce");
    assert!(state.len() >= 32 && nonce.len() >= 22, "{state} {nonce}");
    // Each sign-in has its own.
    let again = start(&poll, &voter);
    let other = again.json["authorize_url"].as_str().expect("an address");
    assert_ne!(param(other, "state"), Some(state));
    assert_ne!(param(other, "nonce"), Some(nonce));
}

#[test]
fn only_a_verified_poll_starts_a_sign_in_and_only_from_a_page_that_can_hear_it() {
    let admin = sign_in("admin@test.example");
    let open = create_widget(
        &admin,
        json!({
            "kind": "poll", "title": "Vote ouvert", "status": "open",
            "options": [{"label": "a"}, {"label": "b"}]
        }),
    );
    start(&open, &new_voter()).assert_problem(409, "conflict");
    start("test-ideas", &new_voter()).assert_problem(409, "wrong_widget_kind");
    let poll = verified_poll(&admin, "Vote vérifié : les pages");
    // A sandboxed frame's opaque origin could receive no outcome.
    Call::post(format!("/v1/widgets/{poll}/verification"))
        .header("Origin", "null")
        .header("Parvis-Voter", &new_voter())
        .send()
        .assert_problem(403, "origin_not_allowed");
    Call::post(format!("/v1/widgets/{poll}/verification"))
        .header("Origin", "https://elsewhere.example")
        .header("Parvis-Voter", &new_voter())
        .send()
        .assert_problem(403, "origin_not_allowed");
    // A write like any other: a voter token and its proof of work.
    Call::post(format!("/v1/widgets/{poll}/verification"))
        .from_city()
        .send()
        .assert_problem(400, "invalid_voter_token");
    Call::post(format!("/v1/widgets/{poll}/verification"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .without_proof()
        .send()
        .assert_problem(428, "proof_required");
}

#[test]
fn the_callback_uses_a_sign_in_once_and_says_so_in_the_resident_language() {
    let admin = sign_in("admin@test.example");
    let poll = verified_poll(&admin, "Vote vérifié : le retour");
    let started = start(&poll, &new_voter());
    let url = started.json["authorize_url"].as_str().expect("an address");
    let state = param(url, "state").expect("a state");
    // The resident cancels at the provider: the window says so and tells
    // the widget, and the sign-in is spent.
    let cancelled = Call::get(format!("/oidc/callback?state={state}&error=access_denied"))
        .header("Accept", "text/html")
        .send();
    assert_eq!(cancelled.status, 200);
    assert!(
        cancelled.text.contains("Sign-in cancelled"),
        "{}",
        cancelled.text
    );
    assert!(cancelled.text.contains(r#""error":"cancelled""#));
    assert!(
        cancelled
            .text
            .contains(&format!(r#""origin":"{}""#, parvis_tests::city_origin()))
    );
    assert!(cancelled.text.contains("/sign-in.js"));
    let policy = cancelled.header("content-security-policy").unwrap_or("");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(cancelled.header("cache-control"), Some("no-store"));
    // The same state again, with or without a code: unknown now.
    for query in [
        format!("state={state}&code=abc"),
        format!("state={state}&error=access_denied"),
        "state=not-a-state&code=abc".to_owned(),
        "code=abc".to_owned(),
        String::new(),
    ] {
        let replay = Call::get(format!("/oidc/callback?{query}"))
            .header("Accept", "text/html")
            .send();
        assert_eq!(replay.status, 400, "{query}");
        assert!(
            replay.text.contains("déjà utilisée"),
            "{query}: {}",
            replay.text
        );
        assert!(!replay.text.contains("parvis-outcome"), "nobody to tell");
    }
}

#[test]
fn a_verified_poll_refuses_ballots_without_a_valid_grant() {
    let admin = sign_in("admin@test.example");
    let poll = verified_poll(&admin, "Vote vérifié : les bulletins");
    let ballot = |verification: Option<&str>| {
        let mut body = json!({ "choices": ["a"] });
        if let Some(grant) = verification {
            body["verification"] = json!(grant);
        }
        Call::post(format!("/v1/widgets/{poll}/ballots"))
            .from_city()
            .header("Parvis-Voter", &new_voter())
            .json(&body)
            .send()
    };
    ballot(None).assert_problem(403, "verification_required");
    ballot(Some("")).assert_problem(403, "verification_required");
    ballot(Some("not a grant")).assert_problem(403, "verification_invalid");
    // The form of a grant with a MAC this deployment never made.
    let forged = format!("4102444800.{}.ZWlkYXMx.{}", "a".repeat(64), "0".repeat(64));
    ballot(Some(&forged)).assert_problem(403, "verification_invalid");
    let results = Call::get(format!("/v1/staff/widgets/{poll}/results"))
        .staff(&admin)
        .send();
    assert_eq!(results.json["participation"], 0, "{}", results.json);
}
