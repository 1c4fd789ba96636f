//! The city's widgets, filtered by kind and status.

use crate::api;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::staff::StaffWidgetSummary;
use parvis_model::{WidgetKind, WidgetStatus};

/// Index of a kind in the strings' arrays.
pub fn kind_index(kind: WidgetKind) -> usize {
    match kind {
        WidgetKind::Poll => 0,
        WidgetKind::Ideas => 1,
        WidgetKind::Comments => 2,
    }
}

/// Index of a status in the strings' arrays.
pub fn status_index(status: WidgetStatus) -> usize {
    match status {
        WidgetStatus::Draft => 0,
        WidgetStatus::Open | WidgetStatus::Scheduled => 1,
        WidgetStatus::Closed => 2,
    }
}

/// The list page.
#[component]
pub fn WidgetList() -> impl IntoView {
    let ui = use_ui();
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let widgets = LocalResource::new(move || {
        let path = format!(
            "/v1/staff/widgets?kind={}&status={}",
            kind.get(),
            status.get()
        );
        async move {
            let result = api::get::<Vec<StaffWidgetSummary>>(&path).await;
            if let Err(failure) = &result {
                ui.check(failure);
            }
            result
        }
    });
    let rows = move || match widgets.get() {
        None => view! { <p>{ui.text().loading}</p> }.into_any(),
        Some(Err(_)) => {
            view! { <p class="error" role="alert">{ui.text().load_failed}</p> }.into_any()
        }
        Some(Ok(list)) if list.is_empty() => view! { <p>{ui.text().none_yet}</p> }.into_any(),
        Some(Ok(list)) => {
            let text = ui.text();
            let lang = ui.lang.get();
            view! {
                <table>
                    <caption class="visually-hidden">{text.widgets}</caption>
                    <thead><tr>
                        <th scope="col">{text.title}</th><th scope="col">{text.kind}</th>
                        <th scope="col">{text.status}</th><th scope="col">{text.participation}</th>
                        <th scope="col">{text.last_activity}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|w| view! {
                            <tr>
                                <td><a href=format!("#/widgets/{}", w.id)>{w.title}</a></td>
                                <td>{text.kinds[kind_index(w.kind)]}</td>
                                <td>{text.statuses[status_index(w.status)]}</td>
                                <td>{w.participation}</td>
                                <td>{w.last_activity.map(|d| lang.date(&d)).unwrap_or_else(|| "—".to_owned())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    };
    let select = move |id: &'static str,
                       label: &'static str,
                       signal: RwSignal<String>,
                       values: [&'static str; 3],
                       names: [&'static str; 3]| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| signal.set(event_target_value(&ev)) prop:value=move || signal.get()>
                    <option value="">{ui.text().all}</option>
                    {values.into_iter().zip(names).map(|(v, n)| view! { <option value=v>{n}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <h1>{move || ui.text().widgets}</h1>
        <div class="card">
            <div class="filters">
                {move || select("filter-kind", ui.text().kind, kind, ["poll", "ideas", "comments"], ui.text().kinds)}
                {move || select("filter-status", ui.text().status, status, ["draft", "open", "closed"], ui.text().statuses)}
                <a href="#/widgets/new">{move || ui.text().new_widget}</a>
            </div>
        </div>
        {rows}
    }
}
