//! Reporting a comment: a reason (radio group) and optional details.

use crate::api::Method;
use crate::common::{Sending, failure_message};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::widget::use_announcer;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use parvis_model::comments::{MAX_REPORT_DETAILS, ReportReason, ReportRequest};
use parvis_model::wire::WireName;

/// The report form of one comment; `on_done` closes it.
#[component]
pub fn ReportForm(
    /// The reported comment.
    comment_id: i64,
    /// Called once sent, or when cancelled.
    on_done: Callback<()>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = use_announcer();
    let reason = RwSignal::new(None::<usize>);
    let details = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<&'static str>);
    let sending = Sending::new();
    let send = move |report: ReportRequest| {
        let context = context.clone();
        let task = async move {
            let tail = format!("/comments/{comment_id}/reports");
            context
                .api
                .send::<_, ()>(Method::Post, &tail, Some(&report), None)
                .await
        };
        sending.start(task, move |outcome| match outcome {
            Ok(_) => {
                announcer.say(text.report_sent);
                on_done.run(());
            }
            Err(failure) => {
                let message = failure_message(text, &failure);
                set_error.set(Some(message));
                announcer.say(message);
            }
        });
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let Some(index) = reason.get_untracked() else {
            set_error.set(Some(text.report_reason));
            return;
        };
        let details = Some(details.get_untracked()).filter(|d| !d.trim().is_empty());
        send(ReportRequest {
            reason: ReportReason::ALL[index],
            details,
        });
    };
    let prefix = format!("report-{comment_id}");
    let choices = text
        .reasons
        .iter()
        .enumerate()
        .map(|(index, label)| view! {
            <label class="option">
                <input type="radio" name=prefix.clone() on:change=move |_| reason.set(Some(index))
                    prop:checked=move || reason.get() == Some(index) />
                <span>{*label}</span>
            </label>
        })
        .collect_view();
    view! {
        <form class="report-form" on:submit=on_submit novalidate>
            <fieldset>
                <legend>{text.report_reason}</legend>
                {choices}
            </fieldset>
            <div class="field">
                <label for=format!("{prefix}-details")>{format!("{} ({})", text.report_details, text.optional)}</label>
                <textarea id=format!("{prefix}-details") rows="2" maxlength=MAX_REPORT_DETAILS
                    prop:value=move || details.get() on:input=move |ev| details.set(event_target_value(&ev))></textarea>
            </div>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || sending.pending()>{text.send_report}</button>
                <button type="button" on:click=move |_| on_done.run(())>{text.cancel}</button>
            </div>
        </form>
    }
}
