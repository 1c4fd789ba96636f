//! The form to propose an idea. What the resident typed stays until the idea
//! is stored; retries of the same text reuse one idempotency key.

use crate::common::{FieldErrors, Sending, TextField, failure_message};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::voter::RetryKey;
use crate::widget::use_announcer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::ideas::{
    IdeaSubmission, IdeaView, MAX_DISPLAY_NAME, MAX_IDEA_DESCRIPTION, MAX_IDEA_TITLE, Visibility,
};
use parvis_model::{FieldError, FieldErrorCode};

/// Proposes an idea; `on_created` receives it once stored.
#[component]
pub fn IdeaForm(
    /// Called with the stored idea.
    on_created: Callback<IdeaView>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = use_announcer();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let errors = FieldErrors::new();
    let (notice, set_notice) = signal(None::<(&'static str, bool)>);
    let attempt = RetryKey::new();
    let sending = Sending::new();
    let submit = move |submission: IdeaSubmission| {
        let context = context.clone();
        let task = async move {
            (context.api)
                .post_text::<_, IdeaView>("/ideas", &submission, attempt)
                .await
        };
        sending.start(task, move |outcome| match outcome {
            Ok(idea) => {
                let message = if idea.visibility == Visibility::Pending {
                    text.idea_pending
                } else {
                    text.idea_published
                };
                for field in [title, description, name] {
                    field.set(String::new());
                }
                attempt.clear();
                errors.set(Vec::new());
                set_notice.set(Some((message, false)));
                announcer.say(message);
                on_created.run(idea);
            }
            Err(failure) => {
                errors.set(failure.field_errors());
                let message = failure_message(text, &failure);
                set_notice.set(Some((message, true)));
                announcer.say(message);
            }
        });
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if title.get_untracked().trim().is_empty() {
            errors.set(vec![FieldError::new("title", FieldErrorCode::Required)]);
            set_notice.set(None);
            return;
        }
        let display_name = Some(name.get_untracked()).filter(|n| !n.trim().is_empty());
        submit(IdeaSubmission {
            title: title.get_untracked(),
            description: description.get_untracked(),
            display_name,
        });
    };
    view! {
        <form class="idea-form" on:submit=on_submit novalidate aria-labelledby="idea-form-title">
            <h3 id="idea-form-title">{text.propose}</h3>
            <TextField id="idea-title".to_owned() label=text.idea_title.to_owned() value=title
                field="title" errors max=MAX_IDEA_TITLE />
            <TextField id="idea-description".to_owned() label=text.idea_description.to_owned()
                value=description field="description" errors max=MAX_IDEA_DESCRIPTION multiline=true optional=true />
            <TextField id="idea-name".to_owned() label=text.display_name.to_owned() value=name
                field="display_name" errors max=MAX_DISPLAY_NAME optional=true autocomplete="nickname" />
            {move || notice.get().map(|(message, is_error)| view! {
                <p class=if is_error { "notice error" } else { "notice success" }>{message}</p>
            })}
            <button type="submit" class="primary" disabled=move || sending.pending()>
                {move || if sending.pending() { text.sending } else { text.submit_idea }}
            </button>
        </form>
    }
}
