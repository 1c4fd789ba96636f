//! A labelled field, the one every form of the dashboard uses: its label, an
//! optional hint under it, the control, and its error, with `aria-invalid`
//! and `aria-describedby` wired in one place.

use leptos::prelude::*;

/// What a [`TextField`] asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    #[default]
    Text,
    /// An e-mail address.
    Email,
    /// A password, hidden as it is typed.
    Password,
    /// A whole number from `min` to `max`, typed on the numeric keypad.
    Number {
        /// The smallest value accepted.
        min: u32,
        /// The largest value accepted.
        max: u32,
    },
    /// Several lines of text, in a box this many rows high.
    Lines(u32),
}

impl FieldKind {
    /// The `<input>`'s `type` (a `<textarea>` has none).
    fn input_type(self) -> &'static str {
        match self {
            FieldKind::Text | FieldKind::Lines(_) => "text",
            FieldKind::Email => "email",
            FieldKind::Password => "password",
            FieldKind::Number { .. } => "number",
        }
    }
}

/// Where a field's error goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorLayout {
    /// A paragraph (`class="error"`) that is always there, empty until there
    /// is an error; the control always names it in `aria-describedby`.
    #[default]
    Kept,
    /// A paragraph (`class="field-error"`) that is there only while there is
    /// an error, and named by the control only then: the widget editor's.
    WhileShown,
}

/// One field: its label, an optional hint under it, the control described
/// by the hint and the error, and the error.
#[component]
pub fn TextField(
    /// The control's id; its hint's and error's ids start with it.
    #[prop(into)]
    id: String,
    /// Its label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// A line under the label, if any.
    #[prop(optional, into)]
    hint: Option<Signal<&'static str>>,
    /// The hint's id, when it is not `{id}-hint`.
    #[prop(optional, into)]
    hint_id: Option<String>,
    /// The id of a text outside the field that describes it too (its
    /// group's help), named before the hint and the error.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// What it asks for: one line of text unless said otherwise.
    #[prop(optional)]
    kind: FieldKind,
    /// The longest text accepted.
    #[prop(optional)]
    max_length: Option<usize>,
    /// The browser's `autocomplete` token (`off`, `username`,
    /// `new-password`…); none unless given.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
    /// Whether the browser's spell checking is off (codes, colours).
    #[prop(optional)]
    no_spellcheck: bool,
    /// An example shown while the field is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// The value.
    value: RwSignal<String>,
    /// The field's error; a field without one has no error paragraph and
    /// no `aria-invalid`.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Where the error goes.
    #[prop(optional)]
    error_layout: ErrorLayout,
) -> impl IntoView {
    let hint_id = hint.map(|_| hint_id.unwrap_or_else(|| format!("{id}-hint")));
    let error_id = format!("{id}-error");
    let invalid = move || error.map(|error| error.with(Option::is_some).to_string());
    let described = {
        let always: Vec<String> = described_by
            .map(str::to_owned)
            .into_iter()
            .chain(hint_id.clone())
            .collect();
        let error_id = error_id.clone();
        move || {
            let names_error = error.is_some_and(|error| match error_layout {
                ErrorLayout::Kept => true,
                ErrorLayout::WhileShown => error.with(Option::is_some),
            });
            let ids: Vec<&str> = always
                .iter()
                .map(String::as_str)
                .chain(names_error.then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let spellcheck = no_spellcheck.then_some("false");
    let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    let control = match kind {
        FieldKind::Lines(rows) => view! {
            <textarea id=id.clone() rows=rows maxlength=max_length required=required
                autocomplete=autocomplete spellcheck=spellcheck placeholder=placeholder
                prop:value=move || value.get() on:input=on_input
                aria-invalid=invalid aria-describedby=described></textarea>
        }
        .into_any(),
        kind => {
            let (min, max) = match kind {
                FieldKind::Number { min, max } => (Some(min), Some(max)),
                _ => (None, None),
            };
            view! {
                <input id=id.clone() type=kind.input_type() maxlength=max_length required=required
                    autocomplete=autocomplete inputmode=min.map(|_| "numeric") min=min max=max
                    spellcheck=spellcheck placeholder=placeholder list=list
                    prop:value=move || value.get() on:input=on_input
                    aria-invalid=invalid aria-describedby=described />
            }
            .into_any()
        }
    };
    // Nothing at all, rather than an empty placeholder, where a field has no
    // hint or no error.
    let label = view! { <label for=id>{label}</label> };
    let head = match (hint, hint_id) {
        (Some(hint), Some(hint_id)) => {
            view! { {label}<p id=hint_id class="muted">{hint}</p> }.into_any()
        }
        _ => label.into_any(),
    };
    let tail = match (error, error_layout) {
        (None, _) => control,
        (Some(error), ErrorLayout::Kept) => {
            view! { {control}<p id=error_id class="error">{move || error.get()}</p> }.into_any()
        }
        (Some(error), ErrorLayout::WhileShown) => view! {
            {control}
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        }
        .into_any(),
    };
    view! { <div class="field">{head}{tail}</div> }
}
