//! A city's identity provider: checked as typed, checked against the
//! provider's own discovery document, audited, needed for a verified poll,
//! and not removable while one asks for it. On the second city, so the
//! test city keeps the provider `cargo xtask test` gave it.

use crate::staff::create_widget;
use parvis_tests::{Call, sign_in};
use serde_json::{Value, json};

fn settings(issuer: &str) -> Value {
    json!({
        "issuer": issuer,
        "client_id": "client-autre-ville",
        "display_name": "FranceConnect",
        "pkce": false,
        "acr_values": "eidas1"
    })
}

fn fields(reply: &parvis_tests::Reply) -> Vec<(String, String)> {
    reply.json["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or("").to_owned(),
                        e["code"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_admin_sets_the_city_identity_provider_and_verified_polls_follow_it() {
    let admin = sign_in("admin@autre-ville.example");
    let put = |body: Value| {
        Call::request("PUT", "/v1/staff/identity-provider")
            .staff(&admin)
            .json(&body)
            .send()
    };
    let poll = json!({
        "kind": "poll", "title": "Vote vérifié d'Autre Ville", "status": "open",
        "participation": "verified", "options": [{"label": "a"}, {"label": "b"}]
    });
    let before = Call::get("/v1/staff/identity-provider")
        .staff(&admin)
        .send();
    assert_eq!(before.status, 200);
    assert!(before.json.get("settings").is_none(), "{}", before.json);
    assert_eq!(before.json["secret_name"], "OIDC_CLIENT_SECRET_CITY_2");
    assert_eq!(before.json["secret_set"], false);
    assert!(
        before.json["redirect_uri"]
            .as_str()
            .is_some_and(|uri| uri.ends_with("/oidc/callback"))
    );
    // No provider yet: a verified poll cannot be made.
    let refused = Call::post("/v1/staff/widgets")
        .staff(&admin)
        .json(&poll)
        .send();
    refused.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&refused),
        [("participation".to_owned(), "out_of_range".to_owned())]
    );

    // What cannot be an issuer, and an issuer nobody answers for.
    let bad = put(json!({
        "issuer": "http://idp.example", "client_id": "", "display_name": " ",
        "pkce": true, "acr_values": "eidas1\u{7}"
    }));
    bad.assert_problem(422, "validation_failed");
    assert_eq!(
        fields(&bad),
        [
            ("issuer".to_owned(), "invalid_format".to_owned()),
            ("client_id".to_owned(), "required".to_owned()),
            ("acr_values".to_owned(), "invalid_characters".to_owned()),
            ("display_name".to_owned(), "required".to_owned()),
        ]
    );
    let issuer = std::env::var("PARVIS_OIDC_ISSUER").expect("PARVIS_OIDC_ISSUER");
    let elsewhere = put(settings(&format!("{issuer}/not-the-issuer")));
    assert_eq!(
        fields(&elsewhere),
        [("issuer".to_owned(), "unreachable".to_owned())]
    );
    put(json!({ "issuer": issuer })).assert_problem(400, "malformed_json");

    let saved = put(settings(&issuer));
    assert_eq!(saved.status, 200, "{}", saved.text);
    assert_eq!(saved.json["settings"]["issuer"], issuer.as_str());
    assert_eq!(saved.json["settings"]["pkce"], false);
    let audit = Call::get("/v1/staff/audit").staff(&admin).send();
    let logged = audit.json.as_array().is_some_and(|entries| {
        entries.iter().any(|e| {
            e["action"] == "identity_provider_changed"
                && e["detail"].as_str().is_some_and(|d| d.contains(&issuer))
        })
    });
    assert!(logged, "{}", audit.json);

    // Moderators read it, never change it.
    let moderator = sign_in("moderator@test.example");
    Call::request("PUT", "/v1/staff/identity-provider")
        .staff(&moderator)
        .json(&settings(&issuer))
        .send()
        .assert_problem(403, "forbidden");
    Call::request("DELETE", "/v1/staff/identity-provider")
        .staff(&moderator)
        .send()
        .assert_problem(403, "forbidden");

    // Now a verified poll can be made; while it exists the provider stays.
    let id = create_widget(&admin, poll);
    // This deployment has no secret for the city: residents are told so.
    Call::post(format!("/v1/widgets/{id}/verification"))
        .header("Origin", "https://www.autre-ville.example")
        .header("Parvis-Voter", &parvis_tests::new_voter())
        .send()
        .assert_problem(409, "no_identity_provider");
    Call::request("DELETE", "/v1/staff/identity-provider")
        .staff(&admin)
        .send()
        .assert_problem(409, "conflict");
    // Nor may its issuer or client change: every hash of a person would.
    put(json!({
        "issuer": issuer, "client_id": "another-client", "display_name": "FranceConnect",
        "pkce": false, "acr_values": "eidas1"
    }))
    .assert_problem(409, "conflict");
    assert_eq!(
        put(settings(&issuer)).status,
        200,
        "the same provider again is fine"
    );
    let reopen = Call::request("PUT", format!("/v1/staff/widgets/{id}").as_str())
        .staff(&admin)
        .json(&json!({
            "kind": "poll", "title": "Vote vérifié d'Autre Ville", "status": "open",
            "participation": "open", "options": [{"label": "a"}, {"label": "b"}]
        }))
        .send();
    assert_eq!(reopen.status, 200, "{}", reopen.text);
    let removed = Call::request("DELETE", "/v1/staff/identity-provider")
        .staff(&admin)
        .send();
    assert_eq!(removed.status, 204, "{}", removed.text);
    let after = Call::get("/v1/staff/identity-provider")
        .staff(&admin)
        .send();
    assert!(after.json.get("settings").is_none());
}
