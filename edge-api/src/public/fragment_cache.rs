//! Where rendered fragments are cached (the Workers Cache, by widget,
//! language and theme) and how staff changes forget them: shared by the
//! fragment route, which fills the cache, and every write that changes
//! what a widget shows, which purges it.

use crate::context::Ctx;
use worker::Cache;

/// The languages asked for; `own` (no `lang` asked) is the widget's own.
const LANGS: [&str; 3] = ["fr", "en", OWN_LANG];
/// The `lang` of a fragment in the widget's own language.
pub const OWN_LANG: &str = "own";
/// The themes a fragment is rendered in.
pub const THEMES: [&str; 3] = ["light", "dark", "auto"];

/// The cache's key for one variant of a widget's fragment.
pub fn cache_key(own_origin: &str, widget_id: &str, lang: &str, theme: &str) -> String {
    let id = String::from(js_sys::encode_uri_component(widget_id));
    format!("{own_origin}/v1/widgets/{id}/fragment?lang={lang}&theme={theme}")
}

/// Forgets every cached fragment of a city's widgets (its colours or embed
/// origins changed). Best effort, like [`purge`].
pub async fn purge_city(ctx: &Ctx, city_id: i64) {
    #[derive(serde::Deserialize)]
    struct Row {
        id: String,
    }
    let rows = crate::db::query(
        &ctx.db,
        "SELECT id FROM widgets WHERE city_id = ?1",
        &[crate::db::Arg::Int(city_id)],
    );
    let Ok(statement) = rows else { return };
    if let Ok(rows) = crate::db::all::<Row>(statement).await {
        let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
        purge(ctx, &ids).await;
    }
}

/// Forgets every cached fragment of these widgets (after a staff change),
/// so residents see it at once. Purging never fails the change itself.
pub async fn purge(ctx: &Ctx, widget_ids: &[&str]) {
    let Some(own_origin) = ctx.own_origin() else {
        return;
    };
    let cache = Cache::default();
    for widget_id in widget_ids {
        for lang in LANGS {
            for theme in THEMES {
                let key = cache_key(&own_origin, widget_id, lang, theme);
                let _ = cache.delete(key, false).await;
            }
        }
    }
}
