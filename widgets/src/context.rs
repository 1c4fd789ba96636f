//! What every widget component knows about where it lives, in the browser
//! and when the Worker renders it.

use crate::api::ApiClient;
use crate::i18n::Lang;
use crate::seed::Seed;
use leptos::prelude::*;

/// Everything a widget needs to know about where it lives.
#[derive(Clone)]
pub struct WidgetContext {
    /// The API client.
    pub api: ApiClient,
    /// The language the widget speaks.
    pub lang: Lang,
    /// The widget's public id.
    pub widget_id: String,
    /// What is known before any request: the widget as everyone sees it,
    /// from the server-rendered fragment, or nothing.
    pub seed: Seed,
    /// Set once the widget shows its loaded content (its view, and its
    /// list's first page), for a mount that takes over server markup.
    pub shown: Option<RwSignal<bool>>,
}

impl WidgetContext {
    /// A context with nothing known in advance.
    pub fn new(api: ApiClient, lang: Lang, widget_id: String) -> WidgetContext {
        WidgetContext {
            api,
            lang,
            widget_id,
            seed: Seed::default(),
            shown: None,
        }
    }
}

/// The context every widget component reads; mounting always provides it.
pub fn use_widget_context() -> WidgetContext {
    expect_context::<WidgetContext>()
}
