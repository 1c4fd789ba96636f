//! A table of malformed requests: each gets a 4xx problem document, never a
//! 500, and stores nothing (the voter who sent it has no data afterwards).

use parvis_tests::{Call, new_voter};

/// One malformed request: method, path, body, extra headers.
struct Case {
    name: &'static str,
    method: &'static str,
    path: String,
    body: Option<Vec<u8>>,
    headers: Vec<(&'static str, String)>,
}

fn case(name: &'static str, method: &'static str, path: &str, body: &[u8]) -> Case {
    Case {
        name,
        method,
        path: path.to_owned(),
        body: Some(body.to_vec()),
        headers: Vec::new(),
    }
}

fn nested(depth: usize) -> Vec<u8> {
    format!(
        "{{\"choices\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
    .into_bytes()
}

fn cases() -> Vec<Case> {
    let ballots = "/v1/widgets/demo-poll/ballots";
    let ideas = "/v1/widgets/test-ideas/ideas";
    let comments = "/v1/widgets/test-comments/comments";
    let many_choices = format!("{{\"choices\": [{}]}}", vec!["\"a\""; 10_000].join(","));
    let mut list = vec![
        case("wrong type", "POST", ballots, br#"{"choices": "arbres"}"#),
        case(
            "number instead of text",
            "POST",
            ballots,
            br#"{"choices": [42]}"#,
        ),
        case("missing field", "POST", ballots, b"{}"),
        case(
            "unknown field",
            "POST",
            ballots,
            br#"{"choices": ["arbres"], "admin": true}"#,
        ),
        case("not JSON", "POST", ballots, b"choices=arbres"),
        case("truncated JSON", "POST", ballots, b"{\"choices\": [\"arb"),
        case(
            "invalid UTF-8",
            "POST",
            ballots,
            b"{\"choices\": [\"\xff\xfe\"]}",
        ),
        case(
            "NUL byte in a choice",
            "POST",
            ballots,
            b"{\"choices\": [\"arbres\\u0000\"]}",
        ),
        case(
            "raw NUL byte",
            "POST",
            ballots,
            b"{\"choices\": [\"arbres\x00\"]}",
        ),
        case("deeply nested JSON", "POST", ballots, &nested(5_000)),
        case(
            "SQL metacharacters",
            "POST",
            ballots,
            br#"{"choices": ["'; DROP TABLE ballots; --"]}"#,
        ),
        case("10,000 choices", "POST", ballots, many_choices.as_bytes()),
        case("huge body", "POST", ballots, &vec![b' '; 20_000]),
        case("JSON null", "POST", ballots, b"null"),
        case("empty body", "POST", ballots, b""),
        case(
            "idea title as object",
            "POST",
            ideas,
            br#"{"title": {"$gt": ""}}"#,
        ),
        case(
            "idea title with NUL",
            "POST",
            ideas,
            b"{\"title\": \"a\\u0000b\"}",
        ),
        case(
            "idea title too long",
            "POST",
            ideas,
            format!("{{\"title\": \"{}\"}}", "é".repeat(121)).as_bytes(),
        ),
        case(
            "blank idea",
            "POST",
            ideas,
            br#"{"title": "   ", "description": "\n\n"}"#,
        ),
        case(
            "display name as array",
            "POST",
            ideas,
            br#"{"title": "t", "display_name": ["x"]}"#,
        ),
        case(
            "negative parent",
            "POST",
            comments,
            br#"{"body": "x", "parent_id": -1}"#,
        ),
        case(
            "parent out of range",
            "POST",
            comments,
            br#"{"body": "x", "parent_id": 99999999999999999999}"#,
        ),
        case(
            "parent as text",
            "POST",
            comments,
            br#"{"body": "x", "parent_id": "1 OR 1=1"}"#,
        ),
        case(
            "unknown report reason",
            "POST",
            "/v1/widgets/demo-comments/comments/1/reports",
            br#"{"reason": "dislike"}"#,
        ),
        case(
            "negative idea id",
            "PUT",
            "/v1/widgets/test-ideas/ideas/-1/support",
            b"",
        ),
        case(
            "idea id overflow",
            "PUT",
            "/v1/widgets/test-ideas/ideas/18446744073709551616/support",
            b"",
        ),
        case(
            "idea id as text",
            "DELETE",
            "/v1/widgets/test-ideas/ideas/abc/support",
            b"",
        ),
        case(
            "comment id zero",
            "DELETE",
            "/v1/widgets/test-comments/comments/0",
            b"",
        ),
    ];
    let mut with_header = |name, header: &'static str, value: String| {
        let mut c = case(name, "POST", ballots, br#"{"choices": ["arbres"]}"#);
        c.headers.push((header, value));
        list.push(c);
    };
    with_header(
        "absurd Content-Type",
        "Content-Type",
        "application/x-absurd; charset=klingon".to_owned(),
    );
    with_header(
        "huge idempotency key",
        "Idempotency-Key",
        "k".repeat(10_000),
    );
    with_header(
        "idempotency key with spaces",
        "Idempotency-Key",
        "a b c".to_owned(),
    );
    with_header("Origin null", "Origin", "null".to_owned());
    list
}

#[test]
fn every_malformed_request_is_a_4xx_problem_and_stores_nothing() {
    for case in cases() {
        let voter = new_voter();
        let mut call = Call::request(case.method, case.path.clone()).header("Parvis-Voter", &voter);
        if !case.headers.iter().any(|(name, _)| *name == "Origin") {
            call = call.from_city();
        }
        if let Some(body) = case.body.filter(|b| !b.is_empty()) {
            call = call.raw_json(body);
        }
        for (name, value) in &case.headers {
            call = call.header(name, value);
        }
        let reply = call.send();
        assert!(
            (400..500).contains(&reply.status),
            "{}: status {} {}",
            case.name,
            reply.status,
            reply.json
        );
        assert_eq!(
            reply.content_type, "application/problem+json",
            "{}",
            case.name
        );
        assert!(
            reply.json["code"].is_string(),
            "{}: {}",
            case.name,
            reply.json
        );
        let data = Call::get("/v1/widgets/demo-poll/voter-data")
            .from_city()
            .header("Parvis-Voter", &voter)
            .send();
        assert_eq!(
            data.json,
            serde_json::json!({ "ballots": [], "ideas": [], "comments": [], "marks": [] }),
            "{} stored something",
            case.name
        );
    }
}

#[test]
fn absurd_voter_tokens_and_methods_are_4xx() {
    for token in [
        "x".repeat(10_000),
        "é".repeat(40),
        " ".repeat(40),
        "0".repeat(31),
    ] {
        let reply = Call::get("/v1/widgets/demo-poll")
            .header("Parvis-Voter", &token)
            .send();
        reply.assert_problem(400, "invalid_voter_token");
    }
    for method in ["PATCH", "PUT", "DELETE"] {
        let reply = Call::request(method, "/v1/widgets/demo-poll").send();
        reply.assert_problem(405, "method_not_allowed");
    }
    Call::get("/v1/widgets/%00%27%22")
        .send()
        .assert_problem(404, "not_found");
    Call::get(format!("/v1/widgets/{}", "a".repeat(5_000)))
        .send()
        .assert_problem(404, "not_found");
}
