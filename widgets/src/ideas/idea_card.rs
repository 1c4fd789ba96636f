//! One idea: title, author and date, status, excerpt, supports, the city's answer.

use crate::common::{RichText, Support};
use crate::context::use_widget_context;
use crate::i18n::{idea_status, supports, texts};
use crate::widget::use_announcer;
use leptos::prelude::*;
use parvis_model::ideas::{IdeaView, Visibility};

/// Characters of the description shown before "read more".
const EXCERPT: usize = 240;

/// An idea in the list. Supporting is optimistic and rolls back on error.
#[component]
pub fn IdeaCard(
    /// The idea.
    idea: IdeaView,
    /// Whether the box still accepts supports.
    open: bool,
) -> impl IntoView {
    let context = use_widget_context();
    let (lang, text) = (context.lang, texts(context.lang));
    let announcer = use_announcer();
    let support = Support::new(idea.supports, idea.supported_by_me);
    let state = support.state;
    let (error, set_error) = signal(None::<&'static str>);
    let title_id = format!("idea-{}", idea.id);
    let idea_id = idea.id;
    let toggle = {
        let context = context.clone();
        move |_| {
            support.toggle(
                &context,
                format!("/ideas/{idea_id}/support"),
                announcer,
                set_error,
            )
        }
    };
    let (excerpt, rest) = split_excerpt(&idea.description);
    let expanded = RwSignal::new(false);
    let description = move || {
        if expanded.get() || rest.is_none() {
            idea.description.clone()
        } else {
            excerpt.clone()
        }
    };
    let has_more = rest.is_some();
    let author = idea
        .display_name
        .clone()
        .unwrap_or_else(|| text.anonymous.to_owned());
    let pending = idea.visibility == Visibility::Pending;
    view! {
        <li class="idea">
            <article aria-labelledby=title_id.clone()>
                // An idea whose text the city's retention period erased.
                <h4 class="idea-title" id=title_id.clone()>
                    {if idea.title.is_empty() { text.erased.to_owned() } else { idea.title.clone() }}
                </h4>
                <p class="meta">{format!("{author} · {}", lang.date(&idea.created_at))}</p>
                <p class="badges">
                    <span class="badge status">
                        <span class="visually-hidden">{text.status}" "</span>
                        {idea_status(lang, idea.status)}
                    </span>
                    {pending.then(|| view! { <span class="badge pending">{text.pending}</span> })}
                </p>
                {move || {
                    let d = description();
                    (!d.is_empty()).then(|| view! { <RichText text=d /> })
                }}
                {has_more.then(|| view! {
                    <button type="button" class="link" aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || if expanded.get() { text.show_less } else { text.read_more }}
                    </button>
                })}
                {idea.official_answer.clone().map(|answer| view! {
                    <div class="answer">
                        <p class="answer-title">{text.official_answer}</p>
                        <RichText text=answer />
                    </div>
                })}
                <div class="actions">
                    <span class="count">{move || supports(lang, state.get().supports)}</span>
                    {(open && !pending).then(|| view! {
                        <button type="button" class="support"
                            aria-pressed=move || state.get().supported_by_me.to_string()
                            aria-describedby=title_id.clone()
                            on:click=toggle.clone()>
                            {move || if state.get().supported_by_me { text.withdraw_support } else { text.support }}
                        </button>
                    })}
                </div>
                {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </article>
        </li>
    }
}

/// The first [`EXCERPT`] characters (cut at a word) and whether more follows.
fn split_excerpt(text: &str) -> (String, Option<()>) {
    if text.chars().count() <= EXCERPT {
        return (text.to_owned(), None);
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(head, _)| head)
        .to_owned();
    (format!("{cut}…"), Some(()))
}
