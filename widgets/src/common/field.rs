//! A labelled text field with its error message, wired for screen readers.

use crate::context::use_widget_context;
use crate::i18n::field_error;
use leptos::prelude::*;
use parvis_model::FieldError;

/// Field errors from the API, by field name.
#[derive(Clone, Copy)]
pub struct FieldErrors(RwSignal<Vec<FieldError>>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> FieldErrors {
        FieldErrors(RwSignal::new(Vec::new()))
    }

    /// Replaces the errors.
    pub fn set(self, errors: Vec<FieldError>) {
        self.0.set(errors);
    }

    /// The message for `field`, if any.
    pub fn message(self, field: &'static str) -> Option<String> {
        let lang = use_widget_context().lang;
        self.0.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| field_error(lang, e.code, e.limit))
        })
    }
}

/// A text input or textarea with a visible label, an optional hint, a
/// character limit and the API's error for it.
#[component]
pub fn TextField(
    /// Unique id within the widget's shadow root.
    id: String,
    /// The visible label.
    label: String,
    /// The value, kept when a send fails.
    value: RwSignal<String>,
    /// The API's field name, to find its error.
    field: &'static str,
    /// The errors of the form.
    errors: FieldErrors,
    /// Most characters.
    max: usize,
    /// A textarea rather than one line.
    #[prop(optional)]
    multiline: bool,
    /// Whether the field may stay empty.
    #[prop(optional)]
    optional: bool,
    /// `autocomplete` value.
    #[prop(optional)]
    autocomplete: &'static str,
) -> impl IntoView {
    let text = crate::i18n::texts(use_widget_context().lang);
    let error_id = format!("{id}-error");
    let message = move || errors.message(field);
    let invalid = move || message().is_some().to_string();
    let described = {
        let error_id = error_id.clone();
        move || message().map(|_| error_id.clone())
    };
    let label_text = if optional {
        format!("{label} ({})", text.optional)
    } else {
        label
    };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                maxlength=max
                required=!optional
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                maxlength=max
                required=!optional
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label_text}</label>
            {control}
            {move || message().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}
