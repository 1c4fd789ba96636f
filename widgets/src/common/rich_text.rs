//! Resident text, rendered as text: only `http(s)` URLs become links, with
//! `rel="nofollow ugc noopener"`. Nothing is ever parsed as HTML.

use crate::context::use_widget_context;
use crate::i18n::leads_to;
use leptos::prelude::*;
use parvis_model::text::{Segment, hidden_host, segments};

/// A paragraph of resident text; line breaks are kept by CSS.
#[component]
pub fn RichText(
    /// The text as the resident typed it.
    text: String,
    /// The paragraph's class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let lang = use_widget_context().lang;
    let parts = segments(&text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.to_owned().into_any(),
            Segment::Link(url) => {
                let (href, shown) = (url.to_owned(), url.to_owned());
                // `https://ville.fr@evil.example` names one host and leads to another.
                let real = hidden_host(url).map(|host| format!(" ({})", leads_to(lang, host)));
                view! {
                    <a href=href rel="nofollow ugc noopener" target="_blank">{shown}</a>
                    {real.map(|real| view! { <span class="real-host">{real}</span> })}
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <p class=format!("rich-text {class}")>{parts}</p> }
}
