//! One widget: its results as an accessible chart (for polls, with ballots
//! by participation level), participation per day, the exports, and the
//! ways to put it on a site (`embed_panel`).

use crate::api;
use crate::app::use_ui;
use crate::pages::audit::AuditLog;
use crate::pages::embed_panel::EmbedPanel;
use crate::pages::ideas::visibility_index;
use crate::pages::integrity::IntegrityPanel;
use crate::pages::lifecycle::EndOfConsultation;
use crate::pages::list::{kind_index, status_index};
use crate::pages::participation_field::{LEVELS, level_index};
use leptos::prelude::*;
use parvis_model::WidgetKind;
use parvis_model::ideas::Visibility;
use parvis_model::participation::ParticipationLevel;
use parvis_model::results::{LevelCount, WidgetResults};
use parvis_model::staff::StaffWidget;

/// The detail page of widget `id`.
#[component]
pub fn WidgetDetail(
    /// The widget's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let widget_id = id.clone();
    let data = LocalResource::new(move || {
        let id = widget_id.clone();
        async move {
            let widget = api::get::<StaffWidget>(&api::widget_path(&id, "")).await;
            let results = api::get::<WidgetResults>(&api::widget_path(&id, "/results")).await;
            if let Err(failure) = &widget {
                ui.check(failure);
            }
            widget.and_then(|w| results.map(|r| (w, r)))
        }
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    // Shown once the widget (its kind, title and options) is loaded.
    let embed = move || {
        data.get()
            .and_then(Result::ok)
            // Type-erased: the page's whole view type is otherwise too deep
            // for the compiler's query limit in native builds.
            .map(|(widget, _)| view! { <EmbedPanel widget origin=origin.clone() /> }.into_any())
    };
    let exports = {
        let id = id.clone();
        move || {
            let text = ui.text();
            let base = api::widget_path(&id, "/export");
            view! {
                <p class="actions">
                    <span>{text.download}" :"</span>
                    <a href=format!("{base}?format=csv&separator=semicolon") download>{text.csv_semicolon}</a>
                    <a href=format!("{base}?format=csv&separator=comma") download>{text.csv_comma}</a>
                    <a href=format!("{base}?format=json") download>{text.json}</a>
                </p>
            }
        }
    };
    let reload = Callback::new(move |()| data.refetch());
    let body = move || match data.get() {
        None => view! { <p>{ui.text().loading}</p> }.into_any(),
        Some(Err(_)) => {
            view! { <p class="error" role="alert">{ui.text().load_failed}</p> }.into_any()
        }
        Some(Ok((widget, results))) => {
            let text = ui.text();
            let lang = ui.lang.get();
            view! {
                <h1>{widget.title.clone()}</h1>
                <p class="muted">
                    {text.kinds[kind_index(widget.kind)]}" · "{text.statuses[status_index(widget.status)]}" · "
                    <a href=format!("#/widgets/{}/edit", widget.id)>{text.edit}</a>
                    {(widget.kind == WidgetKind::Ideas).then(|| view! {
                        " · "<a href=format!("#/widgets/{}/ideas", widget.id)>{text.ideas_page}</a>
                    })}
                    {(widget.kind == WidgetKind::Comments).then(|| view! {
                        " · "<a href=format!("#/widgets/{}/comments", widget.id)>{text.city_replies_page}</a>
                    })}
                </p>
                <section class="card" aria-labelledby="results-title">
                    <h2 id="results-title">{text.results}</h2>
                    {(widget.kind == WidgetKind::Poll).then(|| view! {
                        <BarChart results=results.clone() />
                        <LevelTable results=results.clone() level=widget.participation />
                    }.into_any())}
                    {(widget.kind == WidgetKind::Ideas && !results.top_ideas.is_empty()).then(|| view! {
                        <table>
                            <caption>{text.top_ideas}</caption>
                            <thead><tr>
                                <th scope="col">{text.title}</th>
                                <th scope="col">{text.supports}</th>
                                <th scope="col">{text.publication}</th>
                            </tr></thead>
                            <tbody>{results.top_ideas.iter().take(20).map(|i| view! {
                                <tr class=(i.visibility != Visibility::Published).then_some("unpublished")>
                                    <td>{i.title.clone()}</td>
                                    <td>{i.supports}</td>
                                    <td>{text.item_visibilities[visibility_index(i.visibility)]}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    })}
                    <table>
                        <caption>{text.per_day}</caption>
                        <thead><tr><th scope="col">{text.day}</th><th scope="col">{text.count}</th></tr></thead>
                        <tbody>{results.per_day.iter().map(|d| view! {
                            <tr><td>{lang.date(&format!("{}T12:00:00Z", d.day))}</td><td>{d.count}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    {exports.clone()}
                </section>
                {ui.is_admin().then(|| view! {
                    <EndOfConsultation widget=widget.clone() on_changed=reload />
                })}
            }
            .into_any()
        }
    };
    view! {
        {body}
        {embed}
        <IntegrityPanel id=id.clone() />
        <AuditLog id=id.clone() />
    }
}

/// The poll's results as horizontal SVG bars, with the same figures in a
/// table for screen readers and for reading exact values.
#[component]
fn BarChart(
    /// The results.
    results: WidgetResults,
) -> impl IntoView {
    let ui = use_ui();
    let text = ui.text();
    let max = results
        .options
        .iter()
        .map(|o| o.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = 36 * results.options.len().max(1);
    // Each option's votes by level, when ballots came at several levels.
    let mut split: Vec<ParticipationLevel> = LEVELS
        .into_iter()
        .filter(|l| ballots_at(&results.ballots_by_level, *l) > 0)
        .collect();
    if split.len() < 2 {
        split.clear();
    }
    let bars = results.options.iter().enumerate().map(|(i, o)| {
        let y = i * 36;
        let width = 10 + (o.count * 380 / max) as usize;
        view! {
            <g>
                <rect x="0" y=y + 4 width=width height="24" fill="#1d4ed8"></rect>
                <text x=width + 8 y=y + 21 fill="#1a1a1a">{format!("{} · {} %", o.label, o.percent)}</text>
            </g>
        }
    }).collect_view();
    view! {
        <svg role="img" aria-labelledby="chart-title" width="100%" height=height viewBox=format!("0 0 720 {height}")>
            <title id="chart-title">{text.results}</title>
            {bars}
        </svg>
        <table>
            <caption>{text.votes}</caption>
            <thead><tr>
                <th scope="col">{text.answer}</th><th scope="col">{text.votes}</th><th scope="col">"%"</th>
                {split.iter().map(|l| view! { <th scope="col">{text.level_names[level_index(*l)]}</th> }).collect_view()}
            </tr></thead>
            <tbody>{results.options.iter().map(|o| view! {
                <tr>
                    <td>{o.label.clone()}</td><td>{o.count}</td><td>{o.percent}</td>
                    {split.iter().map(|l| view! { <td>{ballots_at(&o.by_level, *l)}</td> }).collect_view()}
                </tr>
            }).collect_view()}</tbody>
        </table>
    }
}

/// Ballots at `level` among `counts` (levels with none are left out).
fn ballots_at(counts: &[LevelCount], level: ParticipationLevel) -> u64 {
    counts
        .iter()
        .filter(|c| c.level == level)
        .map(|c| c.ballots)
        .sum()
}

/// A poll's ballots by participation level, for a council that must know
/// how many voters were checked: shown when the poll is not open to anyone
/// or when any ballot came at another level.
#[component]
fn LevelTable(
    /// The results.
    results: WidgetResults,
    /// The poll's level.
    level: ParticipationLevel,
) -> impl IntoView {
    let text = use_ui().text();
    let shown: Vec<ParticipationLevel> = LEVELS
        .into_iter()
        .filter(|l| *l == level || ballots_at(&results.ballots_by_level, *l) > 0)
        .collect();
    (shown != [ParticipationLevel::Open]).then(|| {
        view! {
            <table>
                <caption>{text.ballots_by_level}</caption>
                <thead><tr><th scope="col">{text.level}</th><th scope="col">{text.ballots}</th></tr></thead>
                <tbody>{shown.into_iter().map(|l| view! {
                    <tr>
                        <th scope="row">{text.level_names[level_index(l)]}</th>
                        <td>{ballots_at(&results.ballots_by_level, l)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
    })
}
