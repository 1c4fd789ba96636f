//! Answering ideas: each idea of an idea box with its status and the
//! city's official answer, which residents see under the idea.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::ideas::{IdeaStatus, IdeaUpdate, MAX_OFFICIAL_ANSWER, Visibility};
use parvis_model::paging::Page;
use parvis_model::staff::StaffIdea;
use parvis_model::wire::WireName;
use parvis_model::{FieldError, Lang};

/// The index of a visibility in `Texts::item_visibilities`.
pub fn visibility_index(visibility: Visibility) -> usize {
    match visibility {
        Visibility::Pending => 0,
        Visibility::Published => 1,
        Visibility::Hidden => 2,
        Visibility::Rejected => 3,
    }
}

/// The ideas of idea box `id`, newest first, 50 at a time.
#[component]
pub fn IdeaAnswers(
    /// The idea box's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let ideas = RwSignal::new(Vec::<StaffIdea>::new());
    let next_page = RwSignal::new(None::<u32>);
    let state = RwSignal::new(None::<bool>);
    let load = move |number: u32| {
        let path = api::widget_path(&id, &format!("/ideas?per_page=50&page={number}"));
        spawn_local(async move {
            match api::get::<Page<StaffIdea>>(&path).await {
                Ok(loaded) => {
                    ideas.update(|all| all.extend(loaded.items));
                    next_page.set(loaded.next_page);
                    state.set(Some(true));
                }
                Err(failure) => {
                    ui.check(&failure);
                    state.set(Some(false));
                }
            }
        });
    };
    let load_first = load.clone();
    load_first(1);
    let more = move |_| {
        if let Some(number) = next_page.get_untracked() {
            load(number);
        }
    };
    let list = move || {
        let text = ui.text();
        match state.get() {
            None => view! { <p>{text.loading}</p> }.into_any(),
            Some(false) => {
                view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any()
            }
            Some(true) if ideas.with(Vec::is_empty) => view! { <p>{text.no_ideas}</p> }.into_any(),
            Some(true) => view! {
                <ul class="queue">
                    <For each=move || ideas.get() key=|idea| idea.id let(idea)>
                        <IdeaAnswer idea />
                    </For>
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{move || ui.text().ideas_page}</h1>
        {list}
        <Show when=move || next_page.get().is_some()>
            <p><button type="button" on:click=more.clone()>{move || ui.text().load_more}</button></p>
        </Show>
    }
}

/// One idea with its status and answer form.
#[component]
fn IdeaAnswer(
    /// The idea.
    idea: StaffIdea,
) -> impl IntoView {
    let ui = use_ui();
    let status = RwSignal::new(idea.status);
    let answer = RwSignal::new(idea.official_answer.clone().unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<(&'static str, bool)>);
    let id = idea.id;
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let update = IdeaUpdate {
            status: Some(status.get_untracked()),
            official_answer: Some(answer.get_untracked()),
        };
        notice.set(None);
        spawn_local(async move {
            let path = format!("/v1/staff/ideas/{id}");
            match api::send::<_, StaffIdea>(Method::Patch, &path, Some(&update)).await {
                Ok(_) => {
                    errors.set(Vec::new());
                    notice.set(Some((ui.text().saved, false)));
                }
                Err(failure) => {
                    ui.check(&failure);
                    errors.set(failure.field_errors());
                    notice.set(Some((ui.text().fix_errors, true)));
                }
            }
        });
    };
    let answer_error = Signal::derive(move || {
        errors.with(|all| message_for(ui.lang.get(), all, "official_answer"))
    });
    let status_id = format!("idea-{id}-status");
    let answer_id = format!("idea-{id}-answer");
    let help_id = format!("{answer_id}-help");
    let heading_id = format!("idea-{id}-title");
    view! {
        <li class="card">
            <h2 id=heading_id.clone()>{idea.title.clone()}</h2>
            <p class="muted">
                {move || {
                    let text = ui.text();
                    let lang = ui.lang.get();
                    let by = idea.display_name.clone().map(|n| format!(" {} {n}", text.by)).unwrap_or_default();
                    format!(
                        "{}{by} · {} · {} {} · {}",
                        lang.date(&idea.created_at),
                        text.item_visibilities[visibility_index(idea.visibility)],
                        idea.supports,
                        text.supports.to_lowercase(),
                        if lang == Lang::Fr { "n° " } else { "#" }.to_owned() + &id.to_string(),
                    )
                }}
            </p>
            <p class="idea-description">{idea.description.clone()}</p>
            <form on:submit=on_submit aria-labelledby=heading_id novalidate>
                <div class="field">
                    <label for=status_id.clone()>{move || ui.text().idea_status}</label>
                    <select id=status_id
                        prop:value=move || status.get().wire_name()
                        on:change=move |ev| {
                            if let Some(s) = IdeaStatus::from_wire_name(&event_target_value(&ev)) {
                                status.set(s);
                            }
                        }>
                        {IdeaStatus::ALL.iter().map(|&s| view! {
                            <option value=s.wire_name()>{move || parvis_widgets::idea_status(ui.lang.get(), s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextField id=answer_id label=move || ui.text().official_answer
                    hint=move || ui.text().official_answer_help hint_id=help_id
                    kind=FieldKind::Lines(3) max_length=MAX_OFFICIAL_ANSWER value=answer
                    error=answer_error />
                <p class="actions">
                    <button type="submit" class="primary">{move || ui.text().save_answer}</button>
                    <span role="status" class=move || if notice.get().is_some_and(|n| n.1) { "error" } else { "success" }>
                        {move || notice.get().map(|n| n.0)}
                    </span>
                </p>
            </form>
        </li>
    }
}
