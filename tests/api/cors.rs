//! CORS: only the widget's city's embed origins may read and write.

use parvis_tests::{Call, city_origin, new_voter};
use serde_json::json;

const FOREIGN: &str = "https://evil.example";

#[test]
fn the_city_origin_gets_allow_origin_on_reads() {
    let reply = Call::get("/v1/widgets/demo-poll").from_city().send();
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.allow_origin, Some(city_origin()));
}

#[test]
fn a_foreign_origin_gets_no_allow_origin() {
    let reply = Call::get("/v1/widgets/demo-poll")
        .header("Origin", FOREIGN)
        .send();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.allow_origin, None);
}

#[test]
fn preflight_from_the_city_is_allowed() {
    let reply = Call::options("/v1/widgets/demo-poll/ballots")
        .from_city()
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type, parvis-voter",
        )
        .send();
    assert_eq!(reply.status, 204);
    assert_eq!(reply.allow_origin, Some(city_origin()));
}

/// A preflight is answered from the request alone, with no D1 query: the
/// answer is the same for a widget of this city, one of another city and
/// one that does not exist. (The write that follows is checked: see
/// `a_write_from_a_foreign_origin_is_403_and_stores_nothing`.)
#[test]
fn preflight_reads_nothing_about_the_widget() {
    let answer = |path: &str| {
        let reply = Call::options(path)
            .from_city()
            .header("Access-Control-Request-Method", "POST")
            .send();
        let headers: Vec<Option<String>> = [
            "access-control-allow-origin",
            "access-control-allow-methods",
            "access-control-allow-headers",
            "access-control-max-age",
        ]
        .iter()
        .map(|name| reply.header(name).map(str::to_owned))
        .collect();
        (reply.status, headers)
    };
    let own = answer("/v1/widgets/demo-poll/ballots");
    assert_eq!(own.0, 204);
    assert_eq!(own.1[0], Some(city_origin()));
    assert_eq!(answer("/v1/widgets/other-city-poll/ballots"), own);
    assert_eq!(answer("/v1/widgets/no-such-widget/ballots"), own);
}

#[test]
fn a_write_from_a_foreign_origin_is_403_and_stores_nothing() {
    let voter = new_voter();
    let reply = Call::post("/v1/widgets/demo-poll/ballots")
        .header("Origin", FOREIGN)
        .header("Parvis-Voter", &voter)
        .json(&json!({ "choices": ["arbres"] }))
        .send();
    reply.assert_problem(403, "origin_not_allowed");
    let read = Call::get("/v1/widgets/demo-poll")
        .header("Parvis-Voter", &voter)
        .send();
    assert_eq!(read.status, 200, "{}", read.text);
    assert_eq!(read.json["has_voted"], false);
}

#[test]
fn another_citys_origin_cannot_write_to_the_demo_city() {
    let reply = Call::post("/v1/widgets/demo-poll/ballots")
        .header("Origin", "https://www.autre-ville.example")
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "choices": ["arbres"] }))
        .send();
    reply.assert_problem(403, "origin_not_allowed");
}

#[test]
fn the_demo_city_cannot_read_another_citys_widget_cross_origin() {
    let reply = Call::get("/v1/widgets/other-city-poll").from_city().send();
    // The widget is public (200) but its city's page is not this one.
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["id"], "other-city-poll");
    assert_eq!(reply.allow_origin, None);
}
