//! A poll's answers: added, removed, reordered, each with its own error.

use super::field_error;
use crate::app::use_ui;
use leptos::prelude::*;
use parvis_model::FieldError;

/// An option row being edited. Typing updates `label` without re-rendering
/// (so focus stays); adding, removing and moving rows re-render the list.
#[derive(Clone, PartialEq)]
pub struct OptionRow {
    /// Stable across moves, for the input's id.
    pub key: u32,
    /// The option's id once saved.
    pub id: Option<String>,
    /// What residents read.
    pub label: String,
}

impl OptionRow {
    /// A new, empty row.
    pub fn empty(key: u32) -> OptionRow {
        OptionRow {
            key,
            id: None,
            label: String::new(),
        }
    }
}

/// The options' fieldset: one row per answer with its up, down and remove
/// buttons, then "Add an answer".
#[component]
pub fn PollOptions(
    /// The rows, in order.
    rows: RwSignal<Vec<OptionRow>>,
    /// The key the next row added gets.
    next_key: StoredValue<u32>,
    /// Bumped when a label is typed, for the preview.
    labels_changed: RwSignal<u32>,
    /// The form's field errors from the API.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let ui = use_ui();
    let error_for = move |field: &str| field_error(ui, errors, field);
    move || {
        let text = ui.text();
        let list = rows.get();
        let count = list.len();
        view! {
            <fieldset>
                <legend>{text.options}</legend>
                {move || error_for("options").map(|m| view! { <p class="field-error">{m}</p> })}
                {list.into_iter().enumerate().map(|(index, row)| {
                    let input_id = format!("option-{}", row.key);
                    let field = format!("options[{index}].label");
                    let message = {
                        let field = field.clone();
                        move || error_for(&field)
                    };
                    let message_again = move || error_for(&field);
                    let label = row.label.clone();
                    let key = row.key;
                    let move_by = move |delta: i32| rows.update(|r| {
                        if let Some(at) = r.iter().position(|x| x.key == key) {
                            let to = at as i32 + delta;
                            if to >= 0 && (to as usize) < r.len() { r.swap(at, to as usize); }
                        }
                    });
                    view! {
                        <div class="option-row">
                            <label for=input_id.clone() class="visually-hidden">{format!("{} {}", text.option, index + 1)}</label>
                            <input id=input_id type="text" aria-invalid=move || message().is_some().to_string()
                                prop:value=label on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    rows.update_untracked(|r| {
                                        if let Some(row) = r.iter_mut().find(|x| x.key == key) {
                                            row.label = value;
                                        }
                                    });
                                    labels_changed.update(|n| *n += 1);
                                } />
                            <button type="button" disabled=index == 0 on:click=move |_| move_by(-1)
                                aria-label=format!("{} ({} {})", text.move_up, text.option, index + 1)>"↑"</button>
                            <button type="button" disabled=index + 1 == count on:click=move |_| move_by(1)
                                aria-label=format!("{} ({} {})", text.move_down, text.option, index + 1)>"↓"</button>
                            <button type="button" class="danger" on:click=move |_| rows.update(|r| r.retain(|x| x.key != key))
                                aria-label=format!("{} ({} {})", text.remove, text.option, index + 1)>{text.remove}</button>
                            {move || message_again().map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                    }
                }).collect_view()}
                <button type="button" on:click=move |_| {
                    let key = next_key.get_value();
                    next_key.set_value(key + 1);
                    rows.update(|r| r.push(OptionRow::empty(key)));
                }>{text.add_option}</button>
            </fieldset>
        }
    }
}
