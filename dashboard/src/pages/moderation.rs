//! The moderation queue across the city's widgets: one item at a time or in
//! bulk, with "select all", a confirmation before rejecting several items,
//! and an undo of the last decision.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::{decided, reject_confirmation};
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::moderation::{
    Decision, ItemKind, ItemRef, ModerationDecision, ModerationItem, ModerationUndo, UndoItem,
};

/// The last decision, as the undo needs it: the items and their states before.
#[derive(Clone)]
struct LastDecision {
    decision: Decision,
    before: Vec<UndoItem>,
}

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
    let last = RwSignal::new(None::<LastDecision>);
    // Read in click handlers: untracked, nothing to re-run.
    let shown = move || -> Vec<ModerationItem> {
        queue
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default()
    };
    let decide = move |decision: Decision, items: Vec<ItemRef>| {
        if items.is_empty() {
            return;
        }
        if decision == Decision::Reject && items.len() > 1 {
            let question = reject_confirmation(ui.lang.get_untracked(), items.len());
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if !confirmed {
                return;
            }
        }
        let before: Vec<UndoItem> = shown()
            .iter()
            .filter(|item| {
                items.contains(&ItemRef {
                    kind: item.kind,
                    id: item.id,
                })
            })
            .map(|item| UndoItem {
                kind: item.kind,
                id: item.id,
                visibility: item.visibility,
            })
            .collect();
        spawn_local(async move {
            let body = ModerationDecision { decision, items };
            match api::send::<_, ()>(Method::Post, "/v1/staff/moderation/decisions", Some(&body))
                .await
            {
                Ok(_) => {
                    selected.set(Vec::new());
                    last.set(Some(LastDecision { decision, before }));
                    queue.refetch();
                }
                Err(failure) => ui.check(&failure),
            }
        });
    };
    let undo = move |_| {
        let Some(decision) = last.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let body = ModerationUndo {
                items: decision.before,
            };
            match api::send::<_, ()>(Method::Post, "/v1/staff/moderation/undo", Some(&body)).await {
                Ok(_) => {
                    last.set(None);
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
    let outcome = move || {
        last.get().map(|decision| {
            let lang = ui.lang.get();
            view! {
                <p class="card actions" role="status">
                    <span>{decided(lang, decision.decision, decision.before.len())}</span>
                    <button type="button" on:click=undo>{ui.text().undo}</button>
                </p>
            }
        })
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
            let all: Vec<ItemRef> = items
                .iter()
                .map(|item| ItemRef {
                    kind: item.kind,
                    id: item.id,
                })
                .collect();
            let count = all.len();
            let every = all.clone();
            view! {
                <div class="card actions">
                    <p>
                        <input type="checkbox" id="select-all"
                            prop:checked=move || selected.with(|s| s.len() == count)
                            on:change=move |_| selected.update(|s| {
                                *s = if s.len() == count { Vec::new() } else { every.clone() };
                            }) />
                        " "<label for="select-all">{format!("{} ({count})", text.select_all)}</label>
                    </p>
                    {buttons(Box::new(move || selected.get_untracked()), text.selected.to_owned())}
                </div>
                <ul class="queue">
                    {items.into_iter().map(|item| {
                        let reference = ItemRef { kind: item.kind, id: item.id };
                        let kind_label = if item.kind == ItemKind::Idea { text.idea } else { text.comment };
                        let checkbox_id = format!("select-{:?}-{}", item.kind, item.id);
                        let name = format!("{kind_label} {} « {} »", item.id, item.text.chars().take(40).collect::<String>());
                        let author = item.display_name.clone().unwrap_or_else(|| text.anonymous.to_owned());
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
                                <p class="author-line">{text.by_author}" "<bdi class="author">{author}</bdi></p>
                                <p><strong>{item.text.clone()}</strong></p>
                                {(!item.description.is_empty()).then(|| view! { <p>{item.description.clone()}</p> })}
                                {(!item.reports.is_empty()).then(|| {
                                    let total: u64 = item.reports.iter().map(|g| g.count).sum();
                                    view! {
                                        <p>{format!("{} : {total}", text.reports)}</p>
                                        <ul>{item.reports.iter().map(|group| view! {
                                            <li>
                                                {format!("{} × {}", parvis_widgets::report_reason(lang, group.reason), group.count)}
                                                {(!group.latest_details.is_empty()).then(|| view! {
                                                    <ul class="report-details">{group.latest_details.iter().map(|d| view! {
                                                        <li><bdi>{d.clone()}</bdi></li>
                                                    }).collect_view()}</ul>
                                                })}
                                            </li>
                                        }).collect_view()}</ul>
                                    }
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
        {outcome}
        {list}
    }
}
