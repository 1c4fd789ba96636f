//! Loads a widget by id and shows the component of its kind.

use crate::api::ApiFailure;
#[cfg(feature = "comments")]
use crate::comments::CommentThread;
use crate::common::{Announcer, LiveRegion};
use crate::context::use_widget_context;
use crate::device::ThisDevice;
use crate::i18n::texts;
#[cfg(feature = "ideas")]
use crate::ideas::IdeaBox;
#[cfg(feature = "poll")]
use crate::poll::Poll;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::city::Theme;
use parvis_model::{ProblemCode, WidgetKind, WidgetView};

/// The whole widget: loading, error with retry, or the loaded kind.
#[component]
pub fn Widget() -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let announcer = Announcer::new();
    provide_context(announcer);
    let widget = RwSignal::new(None::<Result<WidgetView, ApiFailure>>);
    let seeded = context.seed.take_view();
    let known_voter = context.api.known_voter();
    let context_is_live = context.api.is_live();
    let shown = context.shown;
    let load = move || {
        let context = context.clone();
        widget.set(None);
        spawn_local(async move {
            let loaded = context.api.get::<WidgetView>("").await;
            widget.set(Some(loaded));
        });
    };
    // A new resident sees what everyone sees: the seed, with no request.
    // Someone who already took part here is asked about as today.
    match seeded.filter(|_| known_voter.is_none()) {
        Some(view) => widget.set(Some(Ok(view))),
        None => load(),
    }
    if let Some(shown) = shown {
        let list_settled = ListSettled::provide();
        Effect::new(move || {
            let ready = match widget.get() {
                None => false,
                Some(Err(_)) => true,
                Some(Ok(view)) => view.kind == WidgetKind::Poll || list_settled.get(),
            };
            if ready {
                shown.set(true);
            }
        });
    }
    let section = NodeRef::<leptos::html::Section>::new();
    #[cfg(feature = "csr")]
    Effect::new(move || {
        use wasm_bindgen::JsCast;
        if let (Some(Ok(view)), Some(section)) = (widget.get(), section.get()) {
            let root = section.parent_element().and_then(|e| e.dyn_into().ok());
            if let Some(root) = root {
                apply_city_theme(&root, view.theme.as_ref());
            }
        }
    });
    let forgotten = {
        let load = load.clone();
        Callback::new(move |()| load())
    };
    let this_device = context_is_live.then(|| view! { <ThisDevice on_forgotten=forgotten /> });
    let body = move || match widget.get() {
        None => view! { <p class="notice loading">{text.loading}</p> }.into_any(),
        Some(Ok(view)) => kind_view(view),
        Some(Err(failure)) => view! { <LoadError failure retry=load.clone() /> }.into_any(),
    };
    view! {
        <section class="widget" node_ref=section aria-busy=move || widget.with(Option::is_none).to_string()>
            {body}
            {this_device}
            <LiveRegion announcer />
        </section>
    }
}

/// The component of the widget's kind, when this build has it (the loader
/// picks a build that has it).
pub fn kind_view(view: WidgetView) -> AnyView {
    match view.kind {
        #[cfg(feature = "poll")]
        WidgetKind::Poll => view! { <Poll view /> }.into_any(),
        #[cfg(feature = "ideas")]
        WidgetKind::Ideas => view! { <IdeaBox view /> }.into_any(),
        #[cfg(feature = "comments")]
        WidgetKind::Comments => view! { <CommentThread view /> }.into_any(),
        #[allow(unreachable_patterns)]
        _ => {
            let text = texts(use_widget_context().lang);
            view! { <p class="notice error" role="alert">{text.load_failed}</p> }.into_any()
        }
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

/// Whether a list widget's first page has settled (shown or failed), for a
/// mount that waits for it before replacing the server's markup.
#[derive(Clone, Copy)]
pub struct ListSettled(RwSignal<bool>);

impl ListSettled {
    fn provide() -> RwSignal<bool> {
        let settled = RwSignal::new(false);
        provide_context(ListSettled(settled));
        settled
    }

    /// The enclosing widget's flag, if a mount waits for it.
    pub fn find() -> Option<RwSignal<bool>> {
        use_context::<ListSettled>().map(|ListSettled(settled)| settled)
    }
}

/// The city's brand as `--city-*` properties for the widget's root, which
/// the styles use under any `--parvis-*` property the page sets itself.
pub fn city_properties(theme: Option<&Theme>) -> Vec<(&'static str, String)> {
    let Some(theme) = theme else {
        return Vec::new();
    };
    let colours = [
        ("--city-accent", theme.accent.as_deref()),
        ("--city-accent-text", theme.accent_text.as_deref()),
    ];
    let mut properties: Vec<(&'static str, String)> = colours
        .into_iter()
        // The API only stores #rrggbb colours; checking again costs nothing.
        .filter_map(|(name, colour)| {
            colour
                .filter(|c| parvis_model::contrast::is_hex_colour(c))
                .map(|c| (name, c.to_owned()))
        })
        .collect();
    if let Some(radius) = theme.radius_px {
        properties.push(("--city-radius", format!("{radius}px")));
    }
    properties
}

/// Sets the city's brand on the widget's root (see [`city_properties`]).
#[cfg(feature = "csr")]
pub fn apply_city_theme(root: &web_sys::HtmlElement, theme: Option<&Theme>) {
    let style = root.style();
    for (property, value) in city_properties(theme) {
        let _ = style.set_property(property, &value);
    }
}
