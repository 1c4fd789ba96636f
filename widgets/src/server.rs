//! The Worker's side: a widget's public view rendered to HTML by the same
//! components the browser mounts, for `embed.js` to show before the wasm
//! arrives. Resident text is escaped by Leptos; nothing here is personal.

use crate::api::ApiClient;
use crate::context::WidgetContext;
use crate::i18n::texts;
use crate::seed::{Seed, SeedParts};
use crate::styles::{for_kind, theme_class};
use crate::widget::Widget;
/// The city's brand as CSS custom properties, for Parvis' own pages too.
pub use crate::widget::city_properties;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use parvis_model::wire::WireName;
use parvis_model::{Lang, WidgetView};

/// What a fragment shows, and how.
pub struct Fragment {
    /// The widget and its list's first page, as everyone sees them.
    pub parts: SeedParts,
    /// The same, as the API's JSON (`{"view": …, "page": …}`), handed to
    /// the browser's mount so it starts with no request.
    pub seed_json: String,
    /// The language asked for.
    pub lang: Lang,
    /// The placeholder's `data-theme` (light, dark or auto).
    pub theme: Option<String>,
}

/// The fragment's HTML: the kind's styles, the widget's root with the city's
/// brand, the rendered widget, a notice kept hidden unless the widget's code
/// cannot load, and the seed. `None` without a view.
pub fn render_fragment(fragment: Fragment) -> Option<String> {
    let view: WidgetView = fragment.parts.view.clone()?;
    let lang = fragment.lang;
    let context = WidgetContext {
        seed: Seed::new(fragment.parts),
        ..WidgetContext::new(ApiClient::preview(), lang, view.id.clone())
    };
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(context);
        view! { <Widget /> }.to_html()
    });
    let style: String = city_properties(view.theme.as_ref())
        .into_iter()
        .map(|(name, value)| format!("{name}:{value};"))
        .collect();
    Some(format!(
        "<style>{css}</style>\
         <div class=\"parvis {theme}\" lang=\"{lang}\" data-parvis-kind=\"{kind}\" style=\"{style}\">\
         {body}\
         <p class=\"notice unavailable\" role=\"status\" data-parvis-unavailable hidden>{unavailable}</p>\
         </div>\
         <script type=\"application/json\" data-parvis-seed>{seed}</script>",
        css = for_kind(view.kind),
        theme = theme_class(fragment.theme.as_deref()),
        lang = lang.tag(),
        kind = view.kind.wire_name(),
        style = parvis_model::embed::escape_attribute(&style),
        unavailable = texts(lang).participation_unavailable,
        seed = script_safe(&fragment.seed_json),
    ))
}

/// JSON that cannot end its `<script>` element: `<` only occurs inside JSON
/// strings, where `\u003c` means the same.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_json_never_closes_its_script() {
        let json = r#"{"title":"</script><script>alert(1)</script>"}"#;
        let safe = script_safe(json);
        assert!(!safe.contains("</"));
        assert_eq!(safe.replace("\\u003c", "<"), json);
    }
}
