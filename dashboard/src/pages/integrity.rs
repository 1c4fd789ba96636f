//! A widget's integrity at a glance, on its detail page: a verdict in plain
//! words, participation by level, refused writes by reason and the busiest
//! networks (as hashes: enough to tell them apart, nothing to find them).

use crate::api;
use crate::app::use_ui;
use crate::i18n::{refusal_reason, verdict_text};
use leptos::prelude::*;
use parvis_model::integrity::IntegrityReport;

/// The integrity panel of widget `id`.
#[component]
pub fn IntegrityPanel(
    /// The widget's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let path = api::widget_path(&id, "/integrity");
    let report = LocalResource::new(move || {
        let path = path.clone();
        async move { api::get::<IntegrityReport>(&path).await }
    });
    let body = move || {
        let text = ui.text();
        let lang = ui.lang.get();
        match report.get() {
            None => view! { <p>{text.loading}</p> }.into_any(),
            Some(Err(_)) => view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any(),
            Some(Ok(report)) => view! {
                <p><strong>{verdict_text(lang, report.verdict)}</strong></p>
                <p>{format!("{} : {} ({} %)", text.open_level, report.open_level,
                    parvis_model::integrity::share(report.open_level, report.participation.max(1)))}</p>
                <table>
                    <caption>{text.refusals}</caption>
                    <thead><tr><th scope="col">{text.reason}</th><th scope="col">{text.count}</th></tr></thead>
                    <tbody>
                        {report.refusals.is_empty().then(|| view! { <tr><td colspan="2">{text.no_refusal}</td></tr> })}
                        {report.refusals.iter().map(|r| view! {
                            <tr><td>{refusal_reason(lang, r.reason)}</td><td>{r.count}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(!report.busiest_networks.is_empty()).then(|| view! {
                    <table>
                        <caption>{text.busiest_networks}</caption>
                        <thead><tr>
                            <th scope="col">{text.network}</th>
                            <th scope="col">{text.count}</th>
                            <th scope="col">"%"</th>
                        </tr></thead>
                        <tbody>{report.busiest_networks.iter().map(|n| view! {
                            <tr><td><code>{n.network.clone()}</code></td><td>{n.count}</td><td>{n.percent}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                })}
            }
            .into_any(),
        }
    };
    view! {
        <section class="card" aria-labelledby="integrity-title">
            <h2 id="integrity-title">{move || ui.text().integrity}</h2>
            <p class="muted">{move || ui.text().integrity_help}</p>
            {body}
        </section>
    }
}
