//! `GET /v1/widgets/{id}`: a widget as residents see it, with counts when
//! its results are visible to the asking voter.

use crate::error::ApiError;
use crate::voter::voter_hash;
use parvis_model::{
    PollOption, ResultsVisibility, VoterToken, WidgetKind, WidgetStatus, WidgetView,
};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response};

/// The embed origins of the city that owns widget `id`, or `None` when no
/// public (non-draft) widget has that id.
pub async fn allowed_origins(db: &D1Database, id: &str) -> Result<Option<Vec<String>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        origin: Option<String>,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT o.origin FROM widgets w \
             LEFT JOIN city_origins o ON o.city_id = w.city_id \
             WHERE w.id = ?1 AND w.status != 'draft'",
        )
        .bind(&[JsValue::from(id)])?
        .all()
        .await?
        .results()?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        rows.into_iter().filter_map(|row| row.origin).collect(),
    ))
}

/// The parts of a widget row the API reads.
#[derive(Deserialize)]
pub struct WidgetRow {
    pub kind: WidgetKind,
    pub title: String,
    pub description: String,
    pub status: WidgetStatus,
    pub results_visibility: ResultsVisibility,
}

/// Loads a public widget's row, or 404.
pub async fn load_row(db: &D1Database, id: &str) -> Result<WidgetRow, ApiError> {
    db.prepare(
        "SELECT kind, title, description, status, results_visibility \
         FROM widgets WHERE id = ?1 AND status != 'draft'",
    )
    .bind(&[JsValue::from(id)])?
    .first::<WidgetRow>(None)
    .await?
    .ok_or(ApiError::NotFound("no such widget"))
}

#[derive(Deserialize)]
struct OptionRow {
    id: String,
    label: String,
    count: u64,
}

/// The poll's options in display order, each with its count of ballots.
pub async fn load_options(db: &D1Database, id: &str) -> Result<Vec<PollOption>, ApiError> {
    let rows: Vec<OptionRow> = db
        .prepare(
            "SELECT o.id, o.label, \
               (SELECT COUNT(*) FROM ballot_choices c \
                WHERE c.widget_id = o.widget_id AND c.option_id = o.id) AS count \
             FROM poll_options o WHERE o.widget_id = ?1 ORDER BY o.position, o.id",
        )
        .bind(&[JsValue::from(id)])?
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .map(|row| PollOption {
            id: row.id,
            label: row.label,
            count: Some(row.count),
        })
        .collect())
}

/// Builds the resident's view of a widget, hiding counts as its results
/// visibility requires for a voter who has (or has not) voted.
pub async fn view(
    db: &D1Database,
    id: &str,
    voter_hash: Option<&str>,
) -> Result<WidgetView, ApiError> {
    let row = load_row(db, id).await?;
    let mut options = load_options(db, id).await?;
    let has_voted = match voter_hash {
        Some(hash) => db
            .prepare("SELECT 1 AS found FROM ballots WHERE widget_id = ?1 AND voter_hash = ?2")
            .bind(&[JsValue::from(id), JsValue::from(hash)])?
            .first::<u8>(Some("found"))
            .await?
            .is_some(),
        None => false,
    };
    let shows_results = row.results_visibility.shows_results(row.status, has_voted);
    let total_ballots = if shows_results {
        let total = db
            .prepare("SELECT COUNT(*) AS total FROM ballots WHERE widget_id = ?1")
            .bind(&[JsValue::from(id)])?
            .first::<u64>(Some("total"))
            .await?;
        Some(total.unwrap_or(0))
    } else {
        for option in &mut options {
            option.count = None;
        }
        None
    };
    Ok(WidgetView {
        id: id.to_owned(),
        kind: row.kind,
        title: row.title,
        description: row.description,
        status: row.status,
        results_visibility: row.results_visibility,
        has_voted,
        total_ballots,
        options,
    })
}

/// `GET /v1/widgets/{id}`. A `Parvis-Voter` header is optional here: with a
/// valid one the answer says whether that voter has voted.
pub async fn read(
    req: &Request,
    env: &Env,
    db: &D1Database,
    id: &str,
) -> Result<Response, ApiError> {
    let header = req.headers().get("Parvis-Voter")?;
    let hash = match header.as_deref() {
        None => None,
        Some(value) => Some(voter_hash(env, &VoterToken::parse(Some(value))?)?),
    };
    let view = view(db, id, hash.as_deref()).await?;
    json_response(&view, 200)
}

/// A JSON response that no cache may keep (counts change with every vote,
/// and `has_voted` is personal).
pub fn json_response<T: serde::Serialize>(value: &T, status: u16) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value).map_err(|error| ApiError::Internal(error.to_string()))?;
    let response = Response::builder().with_status(status).fixed(body);
    response.headers().set("Content-Type", "application/json")?;
    response.headers().set("Cache-Control", "no-store")?;
    Ok(response)
}
