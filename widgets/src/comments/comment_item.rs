//! One comment with its actions (support, reply, report, delete) and replies.

use super::comment_form::CommentForm;
use super::report_form::ReportForm;
use super::thread_state::Thread;
use crate::api::Method;
use crate::common::{RichText, Sending, Support, failure_message};
use crate::context::use_widget_context;
use crate::i18n::{city_reply_label, more_replies, replies_shown, reply_to, supports, texts};
use crate::widget::use_announcer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::comments::{CommentView, ReplyPage};
use parvis_model::ideas::Visibility;

/// Which inline form is open under a comment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Reply,
    Report,
}

/// A comment in the thread; replies are rendered by the same component.
#[component]
pub fn CommentItem(
    /// The comment.
    comment: CommentView,
    /// The thread it belongs to.
    thread: Thread,
) -> impl IntoView {
    let context = use_widget_context();
    let (lang, text) = (context.lang, texts(context.lang));
    let announcer = use_announcer();
    let id = comment.id;
    let support = Support::new(comment.supports, comment.supported_by_me);
    let state = support.state;
    let (error, set_error) = signal(None::<&'static str>);
    let open = RwSignal::new(Open::Nothing);
    // Deleting one's comment: one write at a time, dropped if the comment
    // left the thread meanwhile.
    let deleting = Sending::new();
    let toggle_support = {
        let context = context.clone();
        move |_| {
            // Not while the comment is being deleted.
            if !deleting.is_pending() {
                support.toggle(
                    &context,
                    format!("/comments/{id}/support"),
                    announcer,
                    set_error,
                )
            }
        }
    };
    let delete = {
        let context = context.clone();
        move |_| {
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(&format!("{} ?", text.delete)).ok())
                .unwrap_or(false);
            if !confirmed {
                return;
            }
            set_error.set(None);
            let api = context.api.clone();
            let tail = format!("/comments/{id}");
            let task = async move { api.send::<(), ()>(Method::Delete, &tail, None, None).await };
            deleting.start(task, move |result| match result {
                Ok(_) => {
                    announcer.say(text.comment_deleted);
                    thread.remove(id);
                }
                Err(failure) => {
                    let message = failure_message(text, &failure);
                    set_error.set(Some(message));
                    announcer.say(message);
                }
            });
        }
    };
    // The city's replies are named by the API's mark, never by a name.
    let author = match comment.city_reply {
        Some(role) => city_reply_label(lang, role),
        None => comment
            .display_name
            .clone()
            .unwrap_or_else(|| text.anonymous.to_owned()),
    };
    let heading_id = format!("comment-{id}");
    let is_reply = comment.parent_id.is_some();
    let can_act = thread.open && !comment.deleted && comment.visibility == Visibility::Published;
    let on_reply = Callback::new(move |reply: CommentView| {
        open.set(Open::Nothing);
        thread.add(reply);
    });
    let close = Callback::new(move |()| open.set(Open::Nothing));
    let replies = comment.replies.clone();
    // Where "more replies" continues: the last reply the API gave, not one
    // posted here since (it sorts after the replies not loaded yet).
    let posted = thread.posted_replies.get_untracked();
    let last_shown = replies
        .iter()
        .map(|r| r.id)
        .filter(|id| !posted.contains(id))
        .max()
        .unwrap_or(0);
    let remaining = comment.reply_count.saturating_sub(replies.len() as u64);
    let loading_more = RwSignal::new(false);
    let more_button = NodeRef::<leptos::html::Button>::new();
    let replies_list = NodeRef::<leptos::html::Ul>::new();
    // Drawn again after "more replies": the focus comes back here.
    Effect::new(move || {
        if thread.refocus.get_untracked() != Some(id) {
            return;
        }
        let focused = match (more_button.get(), replies_list.get()) {
            (Some(button), _) => button.focus().is_ok(),
            (None, Some(list)) => list.focus().is_ok(),
            (None, None) => false,
        };
        if focused {
            thread.refocus.set(None);
        }
    });
    let show_more = {
        let context = context.clone();
        move |_| {
            if loading_more.get_untracked() {
                return;
            }
            loading_more.set(true);
            set_error.set(None);
            let context = context.clone();
            spawn_local(async move {
                let tail = format!("/comments/{id}/replies?after={last_shown}");
                let page = (context.api).get::<ReplyPage>(&tail).await;
                // The item is drawn again with the new replies (its key
                // counts them); a failure leaves the button to try again.
                match page {
                    Ok(page) => {
                        announcer.say(replies_shown(lang, page.items.len()));
                        thread.add_replies(id, page.items);
                    }
                    Err(failure) => {
                        let message = failure_message(text, &failure);
                        set_error.set(Some(message));
                        announcer.say(message);
                    }
                }
                let _ = loading_more.try_set(false);
            });
        }
    };
    view! {
        <li class=if comment.city_reply.is_some() { "comment city-reply" } else { "comment" }>
            <article aria-labelledby=heading_id.clone()>
                <p class="meta" id=heading_id.clone()>
                    <span class="author">{author.clone()}</span>
                    " · "{lang.date(&comment.created_at)}
                    {(comment.visibility == Visibility::Pending).then(|| view! { " " <span class="badge pending">{text.pending}</span> })}
                </p>
                {if comment.deleted {
                    view! { <p class="deleted">{text.deleted}</p> }.into_any()
                } else {
                    view! { <RichText text=comment.body.clone() /> }.into_any()
                }}
                <div class="actions">
                    <span class="count">{move || supports(lang, state.get().supports)}</span>
                    {can_act.then(|| view! {
                        <button type="button" aria-pressed=move || state.get().supported_by_me.to_string()
                            aria-describedby=heading_id.clone() on:click=toggle_support.clone()>
                            {move || if state.get().supported_by_me { text.withdraw_support } else { text.support }}
                        </button>
                        {(!is_reply).then(|| view! {
                            <button type="button" aria-expanded=move || (open.get() == Open::Reply).to_string()
                                aria-describedby=heading_id.clone() on:click=move |_| open.set(Open::Reply)>{text.reply}</button>
                        })}
                        <button type="button" aria-expanded=move || (open.get() == Open::Report).to_string()
                            aria-describedby=heading_id.clone() on:click=move |_| open.set(Open::Report)>{text.report}</button>
                    })}
                    {(comment.mine && !comment.deleted).then(|| view! {
                        <button type="button" class="danger" aria-describedby=heading_id.clone() on:click=delete.clone()>{text.delete}</button>
                    })}
                </div>
                {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                {move || match open.get() {
                    Open::Reply => view! {
                        <CommentForm parent=Some(id) on_posted=on_reply heading=reply_to(lang, &author) on_cancel=close />
                    }.into_any(),
                    Open::Report => view! { <ReportForm comment_id=id on_done=close /> }.into_any(),
                    Open::Nothing => ().into_any(),
                }}
            </article>
            {(!replies.is_empty()).then(|| view! {
                <ul class="replies" aria-label=text.replies tabindex="-1" node_ref=replies_list>
                    {replies.into_iter().map(|reply| view! { <CommentItem comment=reply thread /> }.into_any()).collect_view()}
                </ul>
            })}
            {(remaining > 0).then(|| view! {
                <button type="button" class="more-replies" node_ref=more_button aria-describedby=heading_id.clone()
                    aria-disabled=move || loading_more.get().to_string() on:click=show_more>
                    {move || if loading_more.get() { text.loading.to_owned() } else { more_replies(lang, remaining) }}
                </button>
            })}
        </li>
    }
}
