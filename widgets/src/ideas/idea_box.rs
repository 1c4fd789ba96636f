//! The idea box: heading, form, sorted list with "load more".

use super::idea_card::IdeaCard;
use super::idea_form::IdeaForm;
use crate::common::{ListFooter, ListState, Paged, RichText};
use crate::context::use_widget_context;
use crate::i18n::texts;
use crate::widget::status_note;
use leptos::prelude::*;
use parvis_model::ideas::IdeaView;
use parvis_model::{WidgetStatus, WidgetView};

/// A loaded idea box.
#[component]
pub fn IdeaBox(
    /// The widget as loaded.
    view: WidgetView,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let ideas: Paged<IdeaView> = Paged::new();
    let sort = RwSignal::new("top".to_owned());
    let path = move || format!("/ideas?sort={}", sort.get_untracked());
    let load_first = {
        let context = context.clone();
        move || ideas.load(&context, path(), None)
    };
    // The seed's first page is sorted by supports, as `sort` starts.
    ideas.start(&context, path(), context.seed.take_ideas());
    let on_sort = {
        let load_first = load_first.clone();
        move |ev| {
            sort.set(event_target_value(&ev));
            load_first();
        }
    };
    let load_more = {
        let context = context.clone();
        move |_| {
            if let Some(after) = ideas.more.get_untracked() {
                ideas.load(&context, path(), Some(after));
            }
        }
    };
    let on_created =
        Callback::new(move |idea: IdeaView| ideas.items.update(|items| items.insert(0, idea)));
    let open = view.status == WidgetStatus::Open;
    let description = (!view.description.is_empty()).then(|| view.description.clone());
    let list = move || {
        let items = ideas.items.get();
        if items.is_empty() && ideas.state.get() == ListState::Ready {
            return view! { <p class="notice empty">{text.no_ideas}</p> }.into_any();
        }
        view! {
            <ul class="ideas" aria-label=text.ideas>
                {items.into_iter().map(|idea| view! { <IdeaCard idea open /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let retry = Callback::new(move |()| load_first());
    let more = Callback::new(load_more);

    view! {
        <div class="idea-box">
            <h2 class="title">{view.title.clone()}</h2>
            {description.map(|d| view! { <RichText text=d class="description" /> })}
            {status_note(&view).map(|note| view! { <p class="notice">{note}</p> })}
            {open.then(|| view! { <IdeaForm on_created /> })}
            <div class="list-header">
                <h3>{text.ideas}</h3>
                <label class="sort">
                    {text.sort_by}
                    <select on:change=on_sort prop:value=move || sort.get()>
                        <option value="top">{text.sort_top}</option>
                        <option value="newest">{text.sort_newest}</option>
                    </select>
                </label>
            </div>
            {list}
            <ListFooter state=ideas.state more=ideas.more retry load_more=more />
        </div>
    }
}
