//! What a widget can show before any request: the widget and its list's
//! first page as everyone sees them (no voter), rendered by the Worker into
//! the fragment and handed to the browser's mount with it. Each part is
//! used once, for the first load; later loads (a retry, another sort, a
//! voter known on this device) ask the API.

use parvis_model::WidgetView;
use parvis_model::comments::CommentView;
use parvis_model::ideas::IdeaView;
use parvis_model::paging::Page;
use std::sync::{Arc, Mutex};

/// The parts of a widget known in advance.
#[derive(Debug, Clone, Default)]
pub struct SeedParts {
    /// The widget.
    pub view: Option<WidgetView>,
    /// An idea box's first page, sorted by supports.
    pub ideas: Option<Page<IdeaView>>,
    /// A thread's first page.
    pub comments: Option<Page<CommentView>>,
}

/// Shared by a widget's components; each part can be taken once.
#[derive(Debug, Clone, Default)]
pub struct Seed(Arc<Mutex<SeedParts>>);

impl Seed {
    /// A seed holding `parts`.
    pub fn new(parts: SeedParts) -> Seed {
        Seed(Arc::new(Mutex::new(parts)))
    }

    fn take<T>(&self, part: impl FnOnce(&mut SeedParts) -> Option<T>) -> Option<T> {
        self.0.lock().ok().and_then(|mut parts| part(&mut parts))
    }

    /// The widget, once.
    pub fn take_view(&self) -> Option<WidgetView> {
        self.take(|parts| parts.view.take())
    }

    /// The idea box's first page, once.
    pub fn take_ideas(&self) -> Option<Page<IdeaView>> {
        self.take(|parts| parts.ideas.take())
    }

    /// The thread's first page, once.
    pub fn take_comments(&self) -> Option<Page<CommentView>> {
        self.take(|parts| parts.comments.take())
    }
}

/// The seed's JSON, as the Worker writes it into the fragment:
/// `{"view": WidgetView, "page": Page | null}`.
#[cfg(feature = "csr")]
pub fn decode(json: &str) -> Option<SeedParts> {
    use crate::decode::Decode;
    use parvis_model::WidgetKind;
    let value = js_sys::JSON::parse(json).ok()?;
    let get = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
    let view = WidgetView::decode(&get("view")?)?;
    let page = get("page").filter(|page| page.is_object());
    let mut parts = SeedParts::default();
    match view.kind {
        WidgetKind::Ideas => parts.ideas = Some(Page::decode(&page?)?),
        WidgetKind::Comments => parts.comments = Some(Page::decode(&page?)?),
        WidgetKind::Poll => {}
    }
    parts.view = Some(view);
    Some(parts)
}
