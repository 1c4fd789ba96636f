//! Loads a widget by id and shows the component of its kind.

use crate::api::ApiFailure;
use crate::comments::CommentThread;
use crate::common::{Announcer, LiveRegion};
use crate::i18n::texts;
use crate::ideas::IdeaBox;
use crate::mount::use_widget_context;
use crate::poll::Poll;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::staff::Theme;
use parvis_model::{ProblemCode, WidgetKind, WidgetView};
use wasm_bindgen::JsCast;

/// The whole widget: loading, error with retry, or the loaded kind.
#[component]
pub fn Widget() -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = Announcer::new();
    provide_context(announcer);
    let widget = RwSignal::new(None::<Result<WidgetView, ApiFailure>>);
    let load = move || {
        let context = context.clone();
        widget.set(None);
        spawn_local(async move {
            let loaded = context
                .api
                .get::<WidgetView>(&context.widget_id, "", context.api.known_voter())
                .await;
            widget.set(Some(loaded));
        });
    };
    load();
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move || {
        if let (Some(Ok(view)), Some(section)) = (widget.get(), section.get()) {
            let root = section.parent_element().and_then(|e| e.dyn_into().ok());
            if let Some(root) = root {
                apply_city_theme(&root, view.theme.as_ref());
            }
        }
    });
    let body = move || match widget.get() {
        None => view! { <p class="notice loading">{text.loading}</p> }.into_any(),
        Some(Ok(view)) => kind_view(view),
        Some(Err(failure)) => view! { <LoadError failure retry=load.clone() /> }.into_any(),
    };
    view! {
        <section class="widget" node_ref=section aria-busy=move || widget.with(Option::is_none).to_string()>
            {body}
            <LiveRegion announcer />
        </section>
    }
}

/// The component of the widget's kind.
pub fn kind_view(view: WidgetView) -> AnyView {
    match view.kind {
        WidgetKind::Poll => view! { <Poll view /> }.into_any(),
        WidgetKind::Ideas => view! { <IdeaBox view /> }.into_any(),
        WidgetKind::Comments => view! { <CommentThread view /> }.into_any(),
    }
}

/// A load that failed, with a retry button (except for a widget that does not exist).
#[component]
pub fn LoadError(
    /// What went wrong.
    failure: ApiFailure,
    /// Loads again.
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let text = texts(use_widget_context().lang);
    let not_found = failure.code() == Some(ProblemCode::NotFound);
    view! {
        <div class="notice error" role="alert">
            <p>{if not_found { text.not_found } else { text.load_failed }}</p>
            {(!not_found).then(|| view! {
                <button type="button" on:click=move |_| retry()>{text.retry}</button>
            })}
        </div>
    }
}

/// The announcer of the enclosing widget.
pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

/// The status note of a widget that is not open: not yet, or no more.
pub fn status_note(view: &WidgetView) -> Option<String> {
    let lang = use_widget_context().lang;
    let text = texts(lang);
    match view.status {
        parvis_model::WidgetStatus::Scheduled => Some(match &view.opens_at {
            Some(date) => crate::i18n::opens_on(lang, date),
            None => text.not_open_yet.to_owned(),
        }),
        parvis_model::WidgetStatus::Closed => Some(text.closed.to_owned()),
        _ => None,
    }
}

/// Sets the city's brand on the widget's root as `--city-*` properties, which
/// the styles use under any `--parvis-*` property the page sets itself.
pub fn apply_city_theme(root: &web_sys::HtmlElement, theme: Option<&Theme>) {
    let Some(theme) = theme else { return };
    let style = root.style();
    let colours = [
        ("--city-accent", theme.accent.as_deref()),
        ("--city-accent-text", theme.accent_text.as_deref()),
    ];
    for (property, colour) in colours {
        // The API only stores #rrggbb colours; checking again costs nothing.
        if let Some(colour) = colour.filter(|c| parvis_model::staff::is_hex_colour(c)) {
            let _ = style.set_property(property, colour);
        }
    }
    if let Some(radius) = theme.radius_px {
        let _ = style.set_property("--city-radius", &format!("{radius}px"));
    }
}
