//! City settings: admins only, validated.

use parvis_tests::{Call, sign_in};
use serde_json::json;

#[test]
fn a_moderator_cannot_read_or_change_city_settings() {
    let session = sign_in("moderator@test.example");
    Call::get("/v1/staff/city")
        .staff(&session)
        .send()
        .assert_problem(403, "forbidden");
    Call::request("PATCH", "/v1/staff/city")
        .staff(&session)
        .json(&json!({ "name": "Piratée" }))
        .send()
        .assert_problem(403, "forbidden");
}

#[test]
fn an_admin_updates_settings_and_bad_values_get_field_errors() {
    let session = sign_in("admin@autre-ville.example");
    let patch = |body: serde_json::Value| {
        Call::request("PATCH", "/v1/staff/city")
            .staff(&session)
            .json(&body)
            .send()
    };
    let bad = patch(json!({
        "allowed_origins": ["https://www.autre-ville.example/", "autre-ville.example"],
        "default_lang": "de",
        "theme": { "accent": "blue" }
    }));
    bad.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = bad.json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "allowed_origins[0]",
            "allowed_origins[1]",
            "default_lang",
            "theme.accent"
        ]
    );
    let ok = patch(json!({
        "name": "Autre Ville",
        "allowed_origins": ["HTTPS://www.autre-ville.example", "https://autre-ville.example"],
        "default_lang": "en",
        "theme": { "accent": "#004a99", "radius_px": 4 }
    }));
    assert_eq!(ok.status, 200, "{}", ok.json);
    assert_eq!(
        ok.json["allowed_origins"],
        json!([
            "https://autre-ville.example",
            "https://www.autre-ville.example"
        ])
    );
    assert_eq!(ok.json["default_lang"], "en");
    let read = Call::get("/v1/staff/city").staff(&session).send();
    assert_eq!(read.json["theme"]["accent"], "#004a99");
    // Residents' widgets of the city carry the brand.
    let widget = Call::get("/v1/widgets/other-city-poll").send();
    assert_eq!(
        widget.json["theme"],
        json!({ "accent": "#004a99", "radius_px": 4 })
    );
}
