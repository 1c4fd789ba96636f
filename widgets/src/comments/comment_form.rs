//! Posting a comment or a reply. The text stays until it is stored.

use crate::common::{FieldErrors, Sending, TextField, failure_message};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::voter::RetryKey;
use crate::widget::use_announcer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::comments::{CommentSubmission, CommentView, MAX_COMMENT};
use parvis_model::ideas::{MAX_DISPLAY_NAME, Visibility};
use parvis_model::{FieldError, FieldErrorCode};

/// A form for a new comment (`parent` absent) or a reply.
#[component]
pub fn CommentForm(
    /// The comment replied to.
    parent: Option<i64>,
    /// Called with the stored comment.
    on_posted: Callback<CommentView>,
    /// The form's heading.
    heading: String,
    /// Called when a reply form is dismissed.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = use_announcer();
    let body = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let errors = FieldErrors::new();
    let (notice, set_notice) = signal(None::<(&'static str, bool)>);
    let attempt = RetryKey::new();
    let sending = Sending::new();
    let post = move |submission: CommentSubmission| {
        let context = context.clone();
        let task = async move {
            (context.api)
                .post_text::<_, CommentView>("/comments", &submission, attempt)
                .await
        };
        sending.start(task, move |outcome| match outcome {
            Ok(comment) => {
                let message = if comment.visibility == Visibility::Pending {
                    text.comment_pending
                } else {
                    text.comment_published
                };
                body.set(String::new());
                attempt.clear();
                errors.set(Vec::new());
                set_notice.set(Some((message, false)));
                announcer.say(message);
                on_posted.run(comment);
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
        if body.get_untracked().trim().is_empty() {
            errors.set(vec![FieldError::new("body", FieldErrorCode::Required)]);
            return;
        }
        post(CommentSubmission {
            body: body.get_untracked(),
            parent_id: parent,
            display_name: Some(name.get_untracked()).filter(|n| !n.trim().is_empty()),
        });
    };
    let prefix = parent.map_or("comment".to_owned(), |p| format!("reply-{p}"));
    let heading_id = format!("{prefix}-heading");
    let labelled_by = heading_id.clone();
    let body_label = if parent.is_some() {
        text.your_reply
    } else {
        text.your_comment
    };
    view! {
        <form class="comment-form" on:submit=on_submit novalidate aria-labelledby=labelled_by>
            <p class="form-title" id=heading_id>{heading}</p>
            <TextField id=format!("{prefix}-body") label=body_label.to_owned() value=body
                field="body" errors max=MAX_COMMENT multiline=true />
            <TextField id=format!("{prefix}-name") label=text.display_name.to_owned() value=name
                field="display_name" errors max=MAX_DISPLAY_NAME optional=true autocomplete="nickname" />
            {move || notice.get().map(|(message, is_error)| view! {
                <p class=if is_error { "notice error" } else { "notice success" }>{message}</p>
            })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || sending.pending()>
                    {move || if sending.pending() { text.sending } else { text.publish }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>{text.cancel}</button>
                })}
            </div>
        </form>
    }
}
