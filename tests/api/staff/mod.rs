//! Staff routes.

mod accounts;
mod city;
mod city_replies;
pub(crate) mod code_sets;
mod exports;
mod identity_provider;
mod lifecycle;
mod moderation;
mod session;
mod widgets;

use parvis_tests::{Call, Session};
use serde_json::{Value, json};

/// Creates a widget through the staff API and returns its id.
pub fn create_widget(session: &Session, config: Value) -> String {
    let reply = Call::post("/v1/staff/widgets")
        .staff(session)
        .json(&config)
        .send();
    assert_eq!(reply.status, 201, "{}", reply.json);
    reply.json["id"].as_str().expect("an id").to_owned()
}

/// An open single-choice poll with options `a`, `b`, `c`, as admin of the demo city.
pub fn open_poll(session: &Session, title: &str) -> String {
    create_widget(
        session,
        json!({
            "kind": "poll", "title": title, "status": "open",
            "options": [{"label": "a"}, {"label": "b"}, {"label": "c"}]
        }),
    )
}
