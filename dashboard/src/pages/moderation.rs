//! The moderation queue across the city's widgets: one item at a time or in bulk.

use crate::api::{self, Method};
use crate::app::use_ui;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::staff::{Decision, ItemKind, ItemRef, ModerationDecision, ModerationItem};

/// The queue page.
#[component]
pub fn Moderation() -> impl IntoView {
    let ui = use_ui();
    let queue = LocalResource::new(move || async move {
        let result = api::get::<Vec<ModerationItem>>("/v1/staff/moderation").await;
        if let Err(failure) = &result {
            ui.check(failure);
        }
        result
    });
    let selected = RwSignal::new(Vec::<ItemRef>::new());
    let decide = move |decision: Decision, items: Vec<ItemRef>| {
        if items.is_empty() {
            return;
        }
        spawn_local(async move {
            let body = ModerationDecision { decision, items };
            match api::send::<_, ()>(Method::Post, "/v1/staff/moderation/decisions", Some(&body))
                .await
            {
                Ok(_) => {
                    selected.set(Vec::new());
                    queue.refetch();
                }
                Err(failure) => ui.check(&failure),
            }
        });
    };
    let buttons = move |items: Box<dyn Fn() -> Vec<ItemRef> + Send + Sync>, suffix: String| {
        let items = std::sync::Arc::new(items);
        let text = ui.text();
        [
            (Decision::Approve, text.approve, "primary"),
            (Decision::Reject, text.reject, "danger"),
            (Decision::Hide, text.hide, ""),
        ]
        .into_iter()
        .map(|(decision, label, class)| {
            let items = items.clone();
            view! {
                <button type="button" class=class on:click=move |_| decide(decision, items())
                    aria-label=format!("{label} {suffix}")>{label}</button>
            }
        })
        .collect_view()
    };
    let list = move || match queue.get() {
        None => view! { <p>{ui.text().loading}</p> }.into_any(),
        Some(Err(_)) => {
            view! { <p class="error" role="alert">{ui.text().load_failed}</p> }.into_any()
        }
        Some(Ok(items)) if items.is_empty() => view! { <p>{ui.text().queue_empty}</p> }.into_any(),
        Some(Ok(items)) => {
            let text = ui.text();
            let lang = ui.lang.get();
            view! {
                <div class="card actions">
                    {buttons(Box::new(move || selected.get_untracked()), text.selected.to_owned())}
                </div>
                <ul class="queue">
                    {items.into_iter().map(|item| {
                        let reference = ItemRef { kind: item.kind, id: item.id };
                        let kind_label = if item.kind == ItemKind::Idea { text.idea } else { text.comment };
                        let checkbox_id = format!("select-{:?}-{}", item.kind, item.id);
                        let name = format!("{kind_label} {} « {} »", item.id, item.text.chars().take(40).collect::<String>());
                        view! {
                            <li class="card">
                                <p>
                                    <input type="checkbox" id=checkbox_id.clone()
                                        prop:checked=move || selected.with(|s| s.contains(&reference))
                                        on:change=move |_| selected.update(|s| match s.iter().position(|r| *r == reference) {
                                            Some(at) => { s.remove(at); }
                                            None => s.push(reference),
                                        }) />
                                    " "<label for=checkbox_id>{format!("{} {}", text.select_item, name)}</label>
                                </p>
                                <p class="muted">{format!("{kind_label} {} {} · {}", text.in_widget, item.widget_title, lang.date(&item.created_at))}</p>
                                <p><strong>{item.text.clone()}</strong></p>
                                {(!item.description.is_empty()).then(|| view! { <p>{item.description.clone()}</p> })}
                                {(!item.reports.is_empty()).then(|| view! {
                                    <p>{format!("{} : {}", text.reports, item.reports.len())}</p>
                                    <ul>{item.reports.iter().map(|r| view! {
                                        <li>{parvis_widgets::report_reason(lang, r.reason)}{r.details.clone().map(|d| format!(" — {d}"))}</li>
                                    }).collect_view()}</ul>
                                })}
                                <div class="actions">{buttons(Box::new(move || vec![reference]), name.clone())}</div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <h1>{move || ui.text().moderation}</h1>
        {list}
    }
}
