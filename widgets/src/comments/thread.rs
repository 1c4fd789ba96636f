//! The thread: heading, the form, then comments newest first with "load more".

use super::comment_form::CommentForm;
use super::comment_item::CommentItem;
use super::thread_state::Thread;
use crate::common::{ListFooter, ListState, Paged, RichText};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::widget::status_note;
use leptos::prelude::*;
use parvis_model::comments::CommentView;
use parvis_model::{WidgetStatus, WidgetView};

/// A loaded comment thread.
#[component]
pub fn CommentThread(
    /// The widget as loaded.
    view: WidgetView,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let thread = Thread {
        comments: Paged::new(),
        open: view.status == WidgetStatus::Open,
        refocus: RwSignal::new(None),
        posted_replies: RwSignal::new(Vec::new()),
    };
    let load_first = {
        let context = context.clone();
        move || thread.comments.load(&context, "/comments".to_owned(), None)
    };
    let first = context.seed.take_comments();
    thread
        .comments
        .start(&context, "/comments".to_owned(), first);
    let load_more = {
        let context = context.clone();
        move |_| {
            if let Some(after) = thread.comments.more.get_untracked() {
                thread
                    .comments
                    .load(&context, "/comments".to_owned(), Some(after));
            }
        }
    };
    let on_posted = Callback::new(move |comment: CommentView| thread.add(comment));
    let description = (!view.description.is_empty()).then(|| view.description.clone());
    let empty = move || {
        thread.comments.items.with(Vec::is_empty) && thread.comments.state.get() == ListState::Ready
    };
    // Keyed, so that posting a comment or loading more keeps the other
    // comments as they are, with any reply or report being typed; a comment
    // is drawn again only when its replies change or it is deleted.
    let list = view! {
        {move || empty().then(|| view! { <p class="notice empty">{text.no_comments}</p> })}
        <ul class="comments" aria-label=text.comments hidden=empty>
            <For each=move || thread.comments.items.get()
                key=|comment| (comment.id, comment.replies.len(), comment.deleted)
                let(comment)>
                <CommentItem comment thread />
            </For>
        </ul>
    };
    let retry = Callback::new(move |()| load_first());
    let more = Callback::new(load_more);
    view! {
        <div class="thread">
            <h2 class="title">{view.title.clone()}</h2>
            {description.map(|d| view! { <RichText text=d class="description" /> })}
            {status_note(&view).map(|note| view! { <p class="notice">{note}</p> })}
            {thread.open.then(|| view! {
                <CommentForm parent=None on_posted heading=text.leave_comment.to_owned() />
            })}
            <h3>{text.comments}</h3>
            {list}
            <ListFooter state=thread.comments.state more=thread.comments.more retry load_more=more />
        </div>
    }
}
