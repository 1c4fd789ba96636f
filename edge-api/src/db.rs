//! Small helpers over the D1 binding: binding values, reading rows, and
//! recognising constraint violations.

use crate::error::ApiError;
use parvis_model::violation::Violation;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result};

/// The D1 binding name in `wrangler.toml`.
pub const BINDING: &str = "DB";

/// A value to bind to a `?n` parameter.
pub enum Arg<'a> {
    /// Text.
    Text(&'a str),
    /// An integer (D1 numbers are doubles: exact up to 2^53).
    Int(i64),
    /// SQL NULL.
    Null,
}

impl From<&Arg<'_>> for JsValue {
    fn from(arg: &Arg<'_>) -> JsValue {
        match arg {
            Arg::Text(text) => JsValue::from_str(text),
            // Ids, counts and timestamps stay far below 2^53.
            Arg::Int(number) => JsValue::from_f64(*number as f64),
            Arg::Null => JsValue::NULL,
        }
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Arg<'a> {
        Arg::Text(text)
    }
}

impl From<i64> for Arg<'_> {
    fn from(number: i64) -> Self {
        Arg::Int(number)
    }
}

impl<'a> From<Option<&'a str>> for Arg<'a> {
    fn from(text: Option<&'a str>) -> Arg<'a> {
        text.map_or(Arg::Null, Arg::Text)
    }
}

impl From<Option<i64>> for Arg<'_> {
    fn from(number: Option<i64>) -> Self {
        number.map_or(Arg::Null, Arg::Int)
    }
}

/// Prepares `sql` with its arguments.
pub fn query(
    db: &D1Database,
    sql: &str,
    args: &[Arg<'_>],
) -> Result<D1PreparedStatement, ApiError> {
    let values: Vec<JsValue> = args.iter().map(JsValue::from).collect();
    Ok(db.prepare(sql).bind(&values)?)
}

/// Every row, deserialised.
pub async fn all<T: DeserializeOwned>(statement: D1PreparedStatement) -> Result<Vec<T>, ApiError> {
    Ok(statement.all().await?.results()?)
}

/// The first row, if any.
pub async fn first<T: DeserializeOwned>(
    statement: D1PreparedStatement,
) -> Result<Option<T>, ApiError> {
    Ok(statement.first(None).await?)
}

/// Runs a statement and returns how many rows it changed.
pub async fn run(statement: D1PreparedStatement) -> Result<usize, ApiError> {
    let result = statement.run().await?;
    Ok(result.meta()?.and_then(|meta| meta.changes).unwrap_or(0))
}

/// The rows of statement `index` of a batch (none if the batch was shorter).
pub fn rows_of<T: DeserializeOwned>(
    results: &[D1Result],
    index: usize,
) -> Result<Vec<T>, ApiError> {
    match results.get(index) {
        Some(result) => Ok(result.results()?),
        None => Ok(Vec::new()),
    }
}

/// The constraint a D1 error reports, if it is a constraint violation.
fn violation(error: &worker::Error) -> Option<Violation> {
    Violation::parse(&error.to_string())
}

/// Whether a D1 error is a UNIQUE or PRIMARY KEY violation, any key.
pub fn is_unique_violation(error: &worker::Error) -> bool {
    matches!(violation(error), Some(Violation::Unique { .. }))
}

/// Whether a D1 error is the UNIQUE or PRIMARY KEY constraint of `table`
/// on exactly `columns` (as the migration declares them).
pub fn is_key_violation(error: &worker::Error, table: &str, columns: &[&str]) -> bool {
    violation(error).is_some_and(|v| v.is_key(table, columns))
}

/// Whether a D1 error is a trigger's `RAISE(ABORT, '{rule}')` (the
/// migrations name each such rule).
pub fn is_rule_violation(error: &worker::Error, rule: &str) -> bool {
    violation(error).is_some_and(|v| v.is_rule(rule))
}

/// Whether a D1 error is a FOREIGN KEY violation.
pub fn is_foreign_key_violation(error: &worker::Error) -> bool {
    violation(error) == Some(Violation::ForeignKey)
}
