//! A group of radio buttons under a legend, as the editor asks its
//! one-of-a-few questions (kind, status, choice mode, visibility,
//! moderation).

use leptos::prelude::*;

/// One radio button per choice, each with its label; the one checked is
/// `checked`. Drawn once: the editor builds it again when `checked` changes
/// from elsewhere.
#[component]
pub fn RadioGroup<T>(
    /// The buttons' `name`; their ids are `{name}-{index}`.
    name: &'static str,
    /// The group's legend.
    legend: &'static str,
    /// Each choice's value and label, in order.
    choices: Vec<(T, &'static str)>,
    /// The value checked.
    checked: T,
    /// Called with the value of the button picked.
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {choices.into_iter().enumerate().map(|(i, (value, label))| {
                let id = format!("{name}-{i}");
                view! {
                    <div>
                        <input type="radio" id=id.clone() name=name prop:checked=value == checked
                            on:change=move |_| on_pick.run(value) />
                        " "<label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
