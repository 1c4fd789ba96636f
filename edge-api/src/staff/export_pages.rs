//! Exports of a widget's rows (ideas, comments) of any length: read from D1
//! a page at a time, in id order from where the last page ended, and sent as
//! each page arrives. Nothing is capped and no export is held whole.

use crate::db::{Arg, all, query};
use crate::reply::{BodyStream, Reply};
use crate::staff::lifecycle::note_exported;
use futures_util::StreamExt;
use futures_util::stream;
use parvis_model::csv::{Separator, rows_text, start};
use serde::Serialize;
use serde::de::DeserializeOwned;
use worker::D1Database;

/// Rows per D1 read: small enough for one read's memory and time.
const PAGE_ROWS: i64 = 500;

/// How an export is written.
#[derive(Clone, Copy)]
pub enum Format {
    /// CSV with this separator.
    Csv(Separator),
    /// A JSON array.
    Json,
}

/// A table's rows, one type per table: how to read and write them.
pub trait ExportRow: DeserializeOwned + 'static {
    /// What JSON shows of it.
    type View: Serialize;
    /// `SELECT … WHERE widget_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3`.
    fn page_sql() -> String;
    /// The CSV header.
    const HEADER: &'static [&'static str];
    /// Its id, where the next page starts.
    fn id(&self) -> i64;
    /// Its JSON view.
    fn view(self, widget_id: &str) -> Self::View;
    /// Its CSV cells, in header order.
    fn cells(view: &Self::View) -> Vec<String>;
}

/// Where the export has got to.
enum Position {
    Start,
    After(i64),
    Done,
}

/// Once the last page is out, the export is noted on the widget (deleting
/// an archived widget needs one): `(city_id, now)`.
pub type Completion = Option<(i64, i64)>;

/// Every row of `widget_id`'s table `R`, streamed in `format`. A failed
/// read ends the stream with an error, so the download fails rather than
/// looking complete; only a complete one is noted (`completion`).
pub fn export<R: ExportRow>(
    db: D1Database,
    widget_id: String,
    format: Format,
    completion: Completion,
) -> Reply {
    let pages = stream::unfold(Position::Start, move |position| {
        let db = clone_binding(&db);
        let widget_id = widget_id.clone();
        async move {
            let (after, mut chunk) = match position {
                Position::Done => return None,
                Position::Start => (0, opening::<R>(format)),
                Position::After(id) => (id, String::new()),
            };
            let rows: Vec<R> = match page(&db, &widget_id, after).await {
                Ok(rows) => rows,
                Err(error) => return Some((Err(error), Position::Done)),
            };
            let full = rows.len() as i64 == PAGE_ROWS;
            let last = rows.last().map(R::id);
            let views: Vec<R::View> = rows.into_iter().map(|r| r.view(&widget_id)).collect();
            match format {
                Format::Csv(separator) => {
                    let cells: Vec<Vec<String>> = views.iter().map(R::cells).collect();
                    chunk.push_str(&rows_text(separator, &cells));
                }
                Format::Json => {
                    for view in &views {
                        if after > 0 || !chunk.ends_with('[') {
                            chunk.push(',');
                        }
                        chunk.push_str(&serde_json::to_string(view).unwrap_or_default());
                    }
                }
            }
            let next = match (full, last) {
                (true, Some(id)) => Position::After(id),
                _ => {
                    if matches!(format, Format::Json) {
                        chunk.push(']');
                    }
                    if let Some((city_id, now)) = completion
                        && let Err(error) = note_exported(&db, &widget_id, city_id, now).await
                    {
                        let error = worker::Error::RustError(format!("{error:?}"));
                        return Some((Err(error), Position::Done));
                    }
                    Position::Done
                }
            };
            Some((Ok(chunk.into_bytes()), next))
        }
    });
    let content_type = match format {
        Format::Csv(_) => "text/csv; charset=utf-8",
        Format::Json => "application/json",
    };
    Reply::streamed(content_type, BodyStream::new(pages.boxed_local()))
}

/// What comes before the first row: the BOM and header, or `[`.
fn opening<R: ExportRow>(format: Format) -> String {
    match format {
        Format::Csv(separator) => start(separator, R::HEADER),
        Format::Json => "[".to_owned(),
    }
}

/// The page of rows after id `after`.
async fn page<R: ExportRow>(
    db: &D1Database,
    widget_id: &str,
    after: i64,
) -> Result<Vec<R>, worker::Error> {
    let statement = query(
        db,
        &R::page_sql(),
        &[Arg::Text(widget_id), Arg::Int(after), Arg::Int(PAGE_ROWS)],
    )
    .map_err(|error| worker::Error::RustError(format!("{error:?}")))?;
    all(statement)
        .await
        .map_err(|error| worker::Error::RustError(format!("{error:?}")))
}

/// Another handle on the same D1 binding, for the stream to own.
fn clone_binding(db: &D1Database) -> D1Database {
    use wasm_bindgen::JsCast;
    let value: &wasm_bindgen::JsValue = db.as_ref();
    value.clone().unchecked_into()
}
