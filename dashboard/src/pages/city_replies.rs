//! Replying in a comment thread as the city: each published comment of the
//! thread, with a form whose reply residents see marked "Réponse de la
//! mairie" and the author's role.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use crate::pages::text_field::{FieldKind, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::FieldError;
use parvis_model::audit::CityReplyRequest;
use parvis_model::comments::{CommentView, MAX_COMMENT};
use parvis_model::paging::Page;

/// The published comments of thread `id`, newest first, 50 at a time.
#[component]
pub fn CityReplies(
    /// The comment thread's id.
    id: String,
) -> impl IntoView {
    let ui = use_ui();
    let comments = RwSignal::new(Vec::<CommentView>::new());
    let next_page = RwSignal::new(None::<u32>);
    let state = RwSignal::new(None::<bool>);
    let pages_shown = RwSignal::new(1u32);
    let widget = StoredValue::new(id.clone());
    // Pages 1 to `through`, again after a reply (so it shows in its place).
    let load = move |through: u32| {
        spawn_local(async move {
            let mut loaded = Vec::new();
            let mut next = None;
            for number in 1..=through {
                let path = format!(
                    "/v1/widgets/{}/comments?per_page=50&page={number}",
                    api::segment(&widget.get_value())
                );
                match api::get::<Page<CommentView>>(&path).await {
                    Ok(page) => {
                        loaded.extend(page.items);
                        next = page.next_page;
                    }
                    Err(failure) => {
                        ui.check(&failure);
                        state.set(Some(false));
                        return;
                    }
                }
            }
            comments.set(loaded);
            next_page.set(next);
            pages_shown.set(through);
            state.set(Some(true));
        });
    };
    load(1);
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
            Some(true) if comments.with(Vec::is_empty) => {
                view! { <p>{text.no_comments}</p> }.into_any()
            }
            Some(true) => view! {
                <ul class="queue">
                    {comments.get().into_iter().map(|comment| view! {
                        <CommentToAnswer widget=widget.get_value() comment
                            on_replied=Callback::new(move |()| load(pages_shown.get_untracked())) />
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{move || ui.text().city_replies_page}</h1>
        <p class="muted">{move || ui.text().city_replies_help}</p>
        {list}
        <Show when=move || next_page.get().is_some()>
            <p><button type="button" on:click=more>{move || ui.text().load_more}</button></p>
        </Show>
    }
}

/// One comment, its replies, and the city's reply form.
#[component]
fn CommentToAnswer(
    /// The thread.
    widget: String,
    /// The comment.
    comment: CommentView,
    /// Called once a reply is stored.
    on_replied: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let id = comment.id;
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let request = CityReplyRequest {
            body: body.get_untracked(),
        };
        let path = api::widget_path(&widget, &format!("/comments/{id}/replies"));
        spawn_local(async move {
            match api::send::<_, CommentView>(Method::Post, &path, Some(&request)).await {
                Ok(_) => {
                    body.set(String::new());
                    errors.set(Vec::new());
                    on_replied.run(());
                }
                Err(failure) => {
                    ui.check(&failure);
                    errors.set(failure.field_errors());
                }
            }
        });
    };
    let error = Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, "body")));
    let heading_id = format!("comment-{id}-text");
    let author = |c: &CommentView| match c.city_reply {
        Some(role) => parvis_widgets::city_reply_label(ui.lang.get_untracked(), role),
        None => c
            .display_name
            .clone()
            .unwrap_or_else(|| ui.text().anonymous.to_owned()),
    };
    view! {
        <li class="card">
            <p class="muted">{author(&comment)}" · "{ui.lang.get_untracked().date(&comment.created_at)}</p>
            <p id=heading_id.clone()>{comment.body.clone()}</p>
            {(!comment.replies.is_empty()).then(|| view! {
                <ul>{comment.replies.iter().map(|reply| view! {
                    <li><strong>{author(reply)}</strong>" : "{reply.body.clone()}</li>
                }).collect_view()}</ul>
            })}
            <form on:submit=on_submit aria-labelledby=heading_id novalidate>
                <TextField id=format!("comment-{id}-reply") label=move || ui.text().reply_as_city
                    kind=FieldKind::Lines(3) max_length=MAX_COMMENT value=body error />
                <p class="actions"><button type="submit" class="primary">{move || ui.text().publish_reply}</button></p>
            </form>
        </li>
    }
}
