//! `POST /v1/widgets/{id}/ballots`: one vote per voter per poll.

use crate::body::read_json;
use crate::error::ApiError;
use crate::voter::voter_hash;
use crate::widgets::{json_response, load_options, load_row, view};
use parvis_model::ballot::ChoiceRules;
use parvis_model::{BallotRequest, VoterToken, WidgetStatus, validate_choices};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response};

/// Checks the voter, the body and the poll's rules, then stores the ballot
/// and its choices in one transaction. Answers 201 with the updated view.
pub async fn create(
    mut req: Request,
    env: &Env,
    db: &D1Database,
    id: &str,
) -> Result<Response, ApiError> {
    let token = VoterToken::parse(req.headers().get("Parvis-Voter")?.as_deref())?;
    let ballot: BallotRequest = read_json(&mut req).await?;
    let row = load_row(db, id).await?;
    if row.status != WidgetStatus::Open {
        return Err(ApiError::WidgetNotOpen);
    }
    let options = load_options(db, id).await?;
    let option_ids: Vec<&str> = options.iter().map(|option| option.id.as_str()).collect();
    let choices = validate_choices(&ballot.choices, &option_ids, ChoiceRules::SINGLE)?;
    let hash = voter_hash(env, &token)?;

    let mut statements = vec![
        db.prepare("INSERT INTO ballots (widget_id, voter_hash) VALUES (?1, ?2)")
            .bind(&[JsValue::from(id), JsValue::from(hash.as_str())])?,
    ];
    for choice in &choices {
        statements.push(
            db.prepare(
                "INSERT INTO ballot_choices (ballot_id, widget_id, option_id) \
                 SELECT id, widget_id, ?3 FROM ballots WHERE widget_id = ?1 AND voter_hash = ?2",
            )
            .bind(&[
                JsValue::from(id),
                JsValue::from(hash.as_str()),
                JsValue::from(choice.as_str()),
            ])?,
        );
    }
    // D1 runs a batch as one transaction: a repeat voter's ballot fails on
    // the UNIQUE (widget_id, voter_hash) constraint and nothing is written.
    if let Err(error) = db.batch(statements).await {
        let message = error.to_string();
        if message.contains("UNIQUE constraint failed") {
            return Err(ApiError::AlreadyVoted(
                recorded_choices(db, id, &hash).await?,
            ));
        }
        return Err(ApiError::Internal(message));
    }
    json_response(&view(db, id, Some(&hash)).await?, 201)
}

/// The options a voter chose in their stored ballot.
async fn recorded_choices(db: &D1Database, id: &str, hash: &str) -> Result<Vec<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        option_id: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT c.option_id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id \
             WHERE b.widget_id = ?1 AND b.voter_hash = ?2 ORDER BY c.option_id",
        )
        .bind(&[JsValue::from(id), JsValue::from(hash)])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|row| row.option_id).collect())
}
