//! A list loaded page by page ("load more"), shared by idea boxes and
//! comment threads.

use crate::api::ApiFailure;
use crate::context::WidgetContext;
use crate::decode::Decode;
use crate::widget::ListSettled;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::paging::Page;

/// Where a list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListState {
    /// A page is on its way.
    Loading,
    /// Everything asked for is shown.
    Ready,
    /// The last load failed; it can be retried.
    Failed,
}

/// Items shown so far, where the next page starts, and the state.
pub struct Paged<T: Send + Sync + 'static> {
    /// The items, in order.
    pub items: RwSignal<Vec<T>>,
    /// Where the next page starts (the API's `next_after`), when there is one.
    pub more: RwSignal<Option<String>>,
    /// Loading, ready or failed.
    pub state: RwSignal<ListState>,
    /// Told when the first load settles (see [`ListSettled`]).
    settled: Option<RwSignal<bool>>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Clone + Decode + Send + Sync + 'static> Paged<T> {
    /// An empty list.
    pub fn new() -> Paged<T> {
        Paged {
            items: RwSignal::new(Vec::new()),
            more: RwSignal::new(None),
            state: RwSignal::new(ListState::Loading),
            settled: ListSettled::find(),
        }
    }

    /// Shows `first` as the first page, known without a request: from the
    /// seed, else loads the first page of `path`.
    pub fn start(self, context: &WidgetContext, path: String, first: Option<Page<T>>) {
        match first.filter(|_| context.api.known_voter().is_none()) {
            Some(page) => self.settle(page, true),
            None => self.load(context, path, None),
        }
    }

    fn settle(self, loaded: Page<T>, first: bool) {
        if first {
            self.items.set(loaded.items);
        } else {
            self.items.update(|items| items.extend(loaded.items));
        }
        self.more.set(loaded.next_after);
        self.state.set(ListState::Ready);
        self.mark_settled();
    }

    fn mark_settled(self) {
        if let Some(settled) = self.settled {
            settled.set(true);
        }
    }

    /// Loads the page of `path` (with its query) after cursor `after`, or
    /// the first page: replacing the items for the first, appending otherwise.
    pub fn load(self, context: &WidgetContext, path: String, after: Option<String>) {
        let context = context.clone();
        self.state.set(ListState::Loading);
        spawn_local(async move {
            let first = after.is_none();
            let tail = match after {
                None => path,
                Some(after) => {
                    let separator = if path.contains('?') { '&' } else { '?' };
                    let after = String::from(js_sys::encode_uri_component(&after));
                    format!("{path}{separator}after={after}")
                }
            };
            match context.api.get::<Page<T>>(&tail).await {
                Ok(loaded) => self.settle(loaded, first),
                // A preview has no list: it shows the empty state.
                Err(ApiFailure::Preview) => {
                    let nothing = Page {
                        items: Vec::new(),
                        next_page: None,
                        total: 0,
                        next_after: None,
                    };
                    self.settle(nothing, true)
                }
                Err(_) => {
                    self.state.set(ListState::Failed);
                    self.mark_settled();
                }
            }
        });
    }
}

/// The end of a paged list: "loading", an error with a retry button, or
/// "load more" while pages remain.
#[component]
pub fn ListFooter(
    /// The list's state.
    state: RwSignal<ListState>,
    /// Where the next page starts, when there is one.
    more: RwSignal<Option<String>>,
    /// Loads the list again from its first page.
    retry: Callback<()>,
    /// Loads the next page.
    load_more: Callback<()>,
) -> impl IntoView {
    let text = crate::i18n::texts(crate::context::use_widget_context().lang);
    move || {
        match state.get() {
        ListState::Loading => view! { <p class="notice loading">{text.loading}</p> }.into_any(),
        ListState::Failed => view! {
            <div class="notice error" role="alert">
                <p>{text.load_failed}</p>
                <button type="button" on:click=move |_| retry.run(())>{text.retry}</button>
            </div>
        }
        .into_any(),
        ListState::Ready => more
            .get()
            .map(|_| view! {
                <button type="button" class="more" on:click=move |_| load_more.run(())>{text.load_more}</button>
            })
            .into_any(),
    }
    }
}
