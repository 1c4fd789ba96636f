//! Exports: CSV (BOM, `,` or `;`) and JSON that match what was stored.

use parvis_tests::{Call, new_voter, sign_in};
use serde_json::json;

/// Splits CSV text into rows of cells (quotes and doubled quotes handled).
fn parse_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a UTF-8 BOM");
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (c, false) if c == separator => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn poll_results_export_as_csv_and_json_matching_the_ballots() {
    let session = sign_in("admin@test.example");
    let poll = super::open_poll(&session, "Export d'un sondage");
    for choice in ["a", "a", "b"] {
        let reply = Call::post(format!("/v1/widgets/{poll}/ballots"))
            .from_city()
            .header("Parvis-Voter", &new_voter())
            .json(&json!({ "choices": [choice] }))
            .send();
        assert_eq!(reply.status, 201);
    }
    let csv = Call::get(format!(
        "/v1/staff/widgets/{poll}/export?format=csv&separator=semicolon"
    ))
    .staff(&session)
    .send();
    assert_eq!(csv.status, 200);
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert!(
        csv.content_disposition
            .expect("attachment")
            .contains(&format!("{poll}-results.csv"))
    );
    let rows = parse_csv(&csv.text, ';');
    assert_eq!(
        rows,
        [
            vec![
                "option_id",
                "label",
                "count",
                "percent",
                "open_ballots",
                "code_ballots",
                "verified_ballots"
            ],
            vec!["a", "a", "2", "67", "2", "0", "0"],
            vec!["b", "b", "1", "33", "1", "0", "0"],
            vec!["c", "c", "0", "0", "0", "0", "0"],
        ]
    );
    let json = Call::get(format!("/v1/staff/widgets/{poll}/export?format=json"))
        .staff(&session)
        .send();
    assert_eq!(json.json["participation"], 3);
    assert_eq!(json.json["options"][0]["count"], 2);
    assert_eq!(json.json["per_day"].as_array().map(Vec::len), Some(1));
    let results = Call::get(format!("/v1/staff/widgets/{poll}/results"))
        .staff(&session)
        .send();
    assert_eq!(results.json, json.json);
}

#[test]
fn ideas_and_comments_export_with_the_text_residents_typed() {
    let session = sign_in("admin@test.example");
    let ideas = super::create_widget(
        &session,
        json!({ "kind": "ideas", "title": "Export d'idées", "status": "open" }),
    );
    let title = "Des jeux d'eau; \"vraiment\" l'été";
    let description = "Sur deux lignes\net un point-virgule ;";
    let reply = Call::post(format!("/v1/widgets/{ideas}/ideas"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "title": title, "description": description, "display_name": "Noé" }))
        .send();
    assert_eq!(reply.status, 201);
    let csv = Call::get(format!(
        "/v1/staff/widgets/{ideas}/export?separator=semicolon"
    ))
    .staff(&session)
    .send();
    let rows = parse_csv(&csv.text, ';');
    assert_eq!(rows[0][..4], ["id", "title", "description", "display_name"]);
    assert_eq!(rows[1][1], title);
    assert_eq!(rows[1][2], description);
    assert_eq!(rows[1][3], "Noé");
    let comma = Call::get(format!(
        "/v1/staff/widgets/{ideas}/export?format=csv&separator=comma"
    ))
    .staff(&session)
    .send();
    assert_eq!(parse_csv(&comma.text, ',')[1][1], title);
    let json = Call::get(format!("/v1/staff/widgets/{ideas}/export?format=json"))
        .staff(&session)
        .send();
    assert_eq!(json.json[0]["title"], title);

    let thread = super::create_widget(
        &session,
        json!({ "kind": "comments", "title": "Export de fil", "status": "open" }),
    );
    let body = "=1+1 n'est pas une formule ici";
    Call::post(format!("/v1/widgets/{thread}/comments"))
        .from_city()
        .header("Parvis-Voter", &new_voter())
        .json(&json!({ "body": body }))
        .send();
    let csv = Call::get(format!("/v1/staff/widgets/{thread}/export"))
        .staff(&session)
        .send();
    let rows = parse_csv(&csv.text, ',');
    // Spreadsheet formulas are neutralised with a leading apostrophe.
    assert_eq!(rows[1][2], format!("'{body}"));
    let json = Call::get(format!("/v1/staff/widgets/{thread}/export?format=json"))
        .staff(&session)
        .send();
    assert_eq!(json.json[0]["body"], body);
    Call::get(format!("/v1/staff/widgets/{thread}/export?format=xml"))
        .staff(&session)
        .send()
        .assert_problem(400, "invalid_query");
}

/// Issue 13, item 5: an export has every row, however many. (The idea
/// export stopped at 1,000 before; it is now read 500 at a time.)
#[test]
fn hardening_5_an_export_of_more_than_a_thousand_ideas_has_them_all() {
    const IDEAS: usize = 1_007;
    let session = sign_in("admin@test.example");
    let ideas = super::create_widget(
        &session,
        json!({
            "kind": "ideas", "title": "Export sans plafond", "status": "open",
            "network_daily_cap": 100_000
        }),
    );
    let statuses = parvis_tests::concurrently(IDEAS, 8, |i| {
        Call::post(format!("/v1/widgets/{ideas}/ideas"))
            .from_city()
            .header("Parvis-Voter", &new_voter())
            .json(&json!({ "title": format!("Idée numéro {i}") }))
    });
    assert_eq!(parvis_tests::count_status(&statuses, 201), IDEAS);
    let csv = Call::get(format!("/v1/staff/widgets/{ideas}/export?format=csv"))
        .staff(&session)
        .send();
    assert_eq!(csv.status, 200);
    let rows = parse_csv(&csv.text, ',');
    assert_eq!(rows.len(), IDEAS + 1, "a header and every idea");
    // In id order, each once.
    let ids: Vec<i64> = rows[1..]
        .iter()
        .map(|r| r[0].parse().expect("an id"))
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    let json = Call::get(format!("/v1/staff/widgets/{ideas}/export?format=json"))
        .staff(&session)
        .send();
    assert_eq!(json.json.as_array().map(Vec::len), Some(IDEAS));
}
