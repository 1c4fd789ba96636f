//! One polite live region per widget: what happened, said to screen readers.

use leptos::prelude::*;

/// Announces messages in the widget's live region.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// A new announcer; [`LiveRegion`] shows its messages.
    pub fn new() -> Announcer {
        Announcer(RwSignal::new(String::new()))
    }

    /// Says `message` (the region is cleared first so a repeat is heard again).
    pub fn say(self, message: impl Into<String>) {
        self.0.set(String::new());
        let message = message.into();
        let signal = self.0;
        request_animation_frame(move || signal.set(message));
    }
}

/// The live region itself, visually hidden.
#[component]
pub fn LiveRegion(
    /// Whose messages to show.
    announcer: Announcer,
) -> impl IntoView {
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.0.get()}
        </p>
    }
}
