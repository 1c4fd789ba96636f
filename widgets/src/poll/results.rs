//! The results: one bar per option, each with its percentage and count in
//! text, so nothing is told by the bar's length alone.

use crate::context::use_widget_context;
use crate::i18n::texts;
use leptos::prelude::*;
use parvis_model::{WidgetView, percentages};

/// The counts of a poll whose results are visible.
#[component]
pub fn Results(
    /// The poll, with counts.
    view: WidgetView,
) -> impl IntoView {
    let lang = use_widget_context().lang;
    let text = texts(lang);
    // Text figures carry the information; the bars repeat it for sighted readers.
    let counts: Vec<u64> = view.options.iter().map(|o| o.count.unwrap_or(0)).collect();
    let shares = percentages(&counts);
    let rows = view
        .options
        .into_iter()
        .zip(counts.into_iter().zip(shares))
        .map(|(option, (count, share))| {
            view! {
                <li class="result">
                    <span class="result-label">{option.label}</span>
                    <span class="result-figures">
                        {format!("{} ({})", lang.percent(share), lang.votes(count))}
                    </span>
                    <span class="bar" aria-hidden="true">
                        <span class="bar-fill" style=format!("width:{share}%")></span>
                    </span>
                </li>
            }
        })
        .collect_view();
    let total = view.total_ballots.unwrap_or(0);
    view! {
        <h3 class="results-title">{text.results}</h3>
        <ul class="results">{rows}</ul>
        <p class="total">{format!("{} {}", text.total, lang.votes(total))}</p>
    }
}
