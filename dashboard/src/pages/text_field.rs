//! A labelled box with its hint and its error, as the settings page lays
//! them out; shared by the forms that need nothing more.

use leptos::prelude::*;

/// One text (or whole-number) field: its label, an optional hint under it,
/// the input described by both, and the field's error.
#[component]
pub fn TextField(
    /// The input's id; its hint's and error's start with it.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// A line under the label, if any.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// A whole number from 1 to this, rather than text.
    #[prop(optional)]
    max: Option<u32>,
    /// The longest text accepted.
    #[prop(optional)]
    max_length: Option<usize>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// The value.
    value: RwSignal<String>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let numeric = max.is_some();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="muted">{hint}</p> })}
            <input id=id type=if numeric { "number" } else { "text" } autocomplete="off"
                inputmode=numeric.then_some("numeric") min=numeric.then_some("1")
                max=max.map(|max| max.to_string()) maxlength=max_length list=list
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described />
            <p id=error_id class="error">{move || error.get()}</p>
        </div>
    }
}
