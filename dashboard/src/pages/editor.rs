//! Creating and editing a widget: one form, fields per kind, field-level
//! errors from the API. The form's values are a `Draft` (`editor/draft.rs`);
//! its parts are the components in `editor/`, put together here.

mod choice_mode;
mod draft;
mod network_cap_field;
mod poll_options;
mod radio_group;
mod save;
mod schedule;
mod visibility_moderation;
mod widget_lang_field;

use crate::api;
use crate::app::{Ui, use_ui};
use crate::i18n::message_for;
use crate::pages::participation_field::ParticipationField;
use crate::pages::preview::WidgetPreview;
use crate::pages::text_field::{ErrorLayout, FieldKind, TextField};
use choice_mode::ChoiceMode;
use draft::Draft;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use network_cap_field::NetworkCapField;
use parvis_model::staff::StaffWidget;
use parvis_model::{FieldError, WidgetKind};
use poll_options::PollOptions;
use radio_group::RadioGroup;
use save::{Notice, SaveBar, save};
use schedule::Schedule;
use visibility_moderation::{ModerationFields, VisibilityChoice};
use widget_lang_field::WidgetLangField;

/// The API's message for `field`, in the dashboard's language.
fn field_error(ui: Ui, errors: RwSignal<Vec<FieldError>>, field: &str) -> Option<String> {
    errors.with(|all| message_for(ui.lang.get(), all, field))
}

/// The editor: `id` absent creates a widget.
#[component]
pub fn WidgetEditor(
    /// The widget to edit.
    id: Option<String>,
) -> impl IntoView {
    let ui = use_ui();
    let is_new = id.is_none();
    let draft = Draft::new();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice: Notice = RwSignal::new(None);

    if let Some(id) = id.clone() {
        spawn_local(async move {
            match api::get::<StaffWidget>(&api::widget_path(&id, "")).await {
                Ok(w) => draft.fill(w),
                Err(failure) => ui.check(&failure),
            }
        });
    }
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        save(ui, id.clone(), draft.config(), errors, notice);
    };
    let preview = Signal::derive(move || draft.preview(ui));
    let error_for =
        move |field: &'static str| Signal::derive(move || field_error(ui, errors, field));

    // The blocks below are drawn again when what they read changes (the
    // kind, the choice mode, the language): their radio buttons take their
    // checked value then.
    let kind_choice = move || {
        is_new.then(|| {
            let text = ui.text();
            view! {
                <RadioGroup name="kind" legend=text.kind
                    choices=vec![
                        (WidgetKind::Poll, text.kinds[0]),
                        (WidgetKind::Ideas, text.kinds[1]),
                        (WidgetKind::Comments, text.kinds[2]),
                    ]
                    checked=draft.kind.get() on_pick=Callback::new(move |k| draft.kind.set(k)) />
            }
            .into_any()
        })
    };
    let title_and_description = move || {
        let text = ui.text();
        view! {
            <TextField id="title" label=text.title value=draft.title error=error_for("title")
                error_layout=ErrorLayout::WhileShown />
            <TextField id="description" label=text.description kind=FieldKind::Lines(3)
                value=draft.description error=error_for("description")
                error_layout=ErrorLayout::WhileShown />
        }
        .into_any()
    };
    let poll_block = move || {
        (draft.kind.get() == WidgetKind::Poll).then(|| {
            ui.lang.track();
            draft.multiple.track();
            view! {
                <ChoiceMode multiple=draft.multiple min_choices=draft.min_choices
                    max_choices=draft.max_choices errors />
                <PollOptions rows=draft.rows next_key=draft.next_key
                    labels_changed=draft.labels_changed errors />
                <VisibilityChoice visibility=draft.visibility />
            }
            .into_any()
        })
    };
    // Its own block: switching single and multiple choice must not load
    // the code sets again.
    let participation_block = move || {
        (draft.kind.get() == WidgetKind::Poll).then(|| {
            view! {
                <ParticipationField level=draft.participation code_set=draft.code_set
                    locked=draft.voted.into() errors />
            }
            .into_any()
        })
    };
    let moderation_block = move || {
        (draft.kind.get() != WidgetKind::Poll).then(|| {
            ui.lang.track();
            view! { <ModerationFields moderation=draft.moderation threshold=draft.threshold /> }
                .into_any()
        })
    };

    view! {
        <h1>{move || if is_new { ui.text().new_widget.to_owned() } else { format!("{} – {}", ui.text().edit, draft.title.get()) }}</h1>
        <div class="editor-layout">
        <form class="card" on:submit=on_submit novalidate>
            {kind_choice}
            {title_and_description}
            <Schedule draft errors />
            {poll_block}
            {participation_block}
            {moderation_block}
            <NetworkCapField network_cap=draft.network_cap errors />
            <WidgetLangField widget_lang=draft.widget_lang errors />
            <SaveBar notice />
        </form>
        <WidgetPreview view=preview />
        </div>
    }
}
