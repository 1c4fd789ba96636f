//! The city's own voice in threads, and the audit log that keeps every
//! staff action that changes what residents see or what is counted.

use crate::public::comments::{new_thread, post};
use parvis_tests::{Call, new_voter, sign_in};
use serde_json::{Value, json};

fn reply(
    widget: &str,
    comment: i64,
    session: &parvis_tests::Session,
    body: &str,
) -> parvis_tests::Reply {
    Call::post(format!(
        "/v1/staff/widgets/{widget}/comments/{comment}/replies"
    ))
    .staff(session)
    .json(&json!({ "body": body }))
    .send()
}

fn thread_items(widget: &str) -> Value {
    Call::get(format!("/v1/widgets/{widget}/comments"))
        .send()
        .json["items"]
        .clone()
}

fn audit(widget: &str, session: &parvis_tests::Session) -> Vec<Value> {
    let reply = Call::get(format!("/v1/staff/widgets/{widget}/audit"))
        .staff(session)
        .send();
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.json.as_array().cloned().unwrap_or_default()
}

#[test]
fn a_staff_reply_is_marked_as_the_citys_with_the_role_and_logged() {
    let widget = new_thread("after_publication", 3);
    let question = post(&widget, &new_voter(), json!({ "body": "Quand ?" })).send();
    let question_id = question.json["id"].as_i64().expect("an id");
    let moderator = sign_in("moderator@test.example");
    let created = reply(&widget, question_id, &moderator, "Le 3 mars.");
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.json["city_reply"], "moderator");
    assert_eq!(created.json["parent_id"], question_id);

    let items = thread_items(&widget);
    let shown = &items[0]["replies"][0];
    assert_eq!(shown["body"], "Le 3 mars.");
    assert_eq!(shown["city_reply"], "moderator");
    assert!(shown["display_name"].is_null());
    // A reply to the city's reply joins the same thread, one level deep.
    let again = reply(
        &widget,
        created.json["id"].as_i64().expect("id"),
        &moderator,
        "Précision.",
    );
    assert_eq!(again.json["parent_id"], question_id);

    let entries = audit(&widget, &moderator);
    let replies: Vec<&Value> = entries
        .iter()
        .filter(|e| e["action"] == "city_replied")
        .collect();
    assert_eq!(replies.len(), 2, "{entries:?}");
    assert_eq!(replies[0]["staff_name"], "Modératrice Test");
    assert_eq!(replies[0]["staff_role"], "moderator");
    assert!(
        replies[0]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Le 3 mars."))
    );
}

#[test]
fn residents_cannot_pose_as_the_city() {
    let widget = new_thread("after_publication", 3);
    for name in ["Mairie", "Réponse de la mairie", "City Hall", "Modérateur"] {
        let reply = post(
            &widget,
            &new_voter(),
            json!({ "body": "Faux", "display_name": name }),
        )
        .send();
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.json["errors"][0]["code"], "reserved", "{name}");
    }
    // The city's mark cannot be sent by a resident at all.
    post(
        &widget,
        &new_voter(),
        json!({ "body": "Faux", "city_reply": "admin" }),
    )
    .send()
    .assert_problem(400, "malformed_json");
    assert_eq!(thread_items(&widget), json!([]));
}

#[test]
fn replies_reach_only_published_comments_of_ones_own_city() {
    let widget = new_thread("after_publication", 3);
    let question = post(&widget, &new_voter(), json!({ "body": "Une question" })).send();
    let id = question.json["id"].as_i64().expect("an id");
    let other_city = sign_in("admin@autre-ville.example");
    reply(&widget, id, &other_city, "Intrusion").assert_problem(404, "not_found");
    let admin = sign_in("admin@test.example");
    reply(&widget, 999_999_999, &admin, "Personne").assert_problem(404, "not_found");
    reply(&widget, id, &admin, "   ").assert_problem(422, "validation_failed");
    assert_eq!(thread_items(&widget)[0]["replies"], json!([]));
}

#[test]
fn the_audit_log_records_creation_changes_and_decisions_and_cannot_be_edited() {
    let admin = sign_in("admin@test.example");
    let widget = crate::staff::create_widget(
        &admin,
        json!({ "kind": "comments", "title": "Journal", "status": "open" }),
    );
    let mut config: Value = Call::get(format!("/v1/staff/widgets/{widget}"))
        .staff(&admin)
        .send()
        .json;
    config.as_object_mut().map(|c| c.remove("id"));
    config["network_daily_cap"] = json!(400);
    config["status"] = json!("closed");
    let updated = Call::request("PUT", format!("/v1/staff/widgets/{widget}"))
        .staff(&admin)
        .json(&config)
        .send();
    assert_eq!(updated.status, 200, "{}", updated.text);
    let entries = audit(&widget, &admin);
    let actions: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, ["widget_created", "widget_changed"]);
    let detail = entries[1]["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("status: open → closed"), "{detail}");
    assert!(detail.contains("network_daily_cap: 50 → 400"), "{detail}");

    // No route edits or deletes it.
    for method in ["PUT", "PATCH", "DELETE", "POST"] {
        let reply = Call::request(method, format!("/v1/staff/widgets/{widget}/audit"))
            .staff(&admin)
            .json(&json!([]))
            .send();
        reply.assert_problem(405, "method_not_allowed");
    }
    assert_eq!(audit(&widget, &admin).len(), 2);
    // Another city sees nothing of it.
    Call::get(format!("/v1/staff/widgets/{widget}/audit"))
        .staff(&sign_in("admin@autre-ville.example"))
        .send()
        .assert_problem(404, "not_found");
}

#[test]
fn moderation_decisions_are_logged_on_each_widget_they_touch() {
    let widget = new_thread("before_publication", 3);
    let waiting = post(&widget, &new_voter(), json!({ "body": "À modérer" })).send();
    let id = waiting.json["id"].as_i64().expect("an id");
    let moderator = sign_in("moderator@test.example");
    let decided = Call::post("/v1/staff/moderation/decisions")
        .staff(&moderator)
        .json(&json!({ "decision": "reject", "items": [{ "kind": "comment", "id": id }] }))
        .send();
    assert_eq!(decided.status, 204, "{}", decided.text);
    let entries = audit(&widget, &moderator);
    let last = entries.last().expect("an entry");
    assert_eq!(last["action"], "moderated");
    assert_eq!(last["detail"], format!("reject: comment {id}"));
}

#[test]
fn the_audit_log_is_exported_with_the_results() {
    let admin = sign_in("admin@test.example");
    let widget = crate::staff::create_widget(
        &admin,
        json!({ "kind": "ideas", "title": "Export du journal", "status": "open" }),
    );
    let csv = Call::get(format!(
        "/v1/staff/widgets/{widget}/export?table=audit&format=csv&separator=semicolon"
    ))
    .staff(&admin)
    .send();
    assert_eq!(csv.status, 200, "{}", csv.text);
    assert_eq!(
        csv.content_disposition.as_deref(),
        Some(format!("attachment; filename=\"{widget}-audit.csv\"").as_str())
    );
    let mut lines = csv.text.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("at;staff_name;staff_role;action;detail"));
    let entry = lines.next().expect("the creation");
    assert!(
        entry.contains(";Admin Test;admin;widget_created;ideas: Export du journal"),
        "{entry}"
    );
    Call::get(format!("/v1/staff/widgets/{widget}/export?table=secret"))
        .staff(&admin)
        .send()
        .assert_problem(400, "invalid_query");
}
