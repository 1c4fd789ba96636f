//! A support button's count and state, for ideas and comments alike:
//! toggled at once (optimistic), confirmed or rolled back by the API's
//! answer, one write at a time through [`Sending`] (so an answer that comes
//! back after the item left the list touches nothing).

use crate::api::Method;
use crate::common::{Announcer, Sending, failure_message};
use crate::context::WidgetContext;
use crate::i18n::texts;
use leptos::prelude::*;
use parvis_model::ideas::SupportState;

/// One item's support: its state as shown, and the write on its way.
#[derive(Clone, Copy)]
pub struct Support {
    /// The count and whether this resident supports it, as shown.
    pub state: RwSignal<SupportState>,
    sending: Sending,
}

impl Support {
    /// The item's support as the API last gave it.
    pub fn new(supports: u64, supported_by_me: bool) -> Support {
        Support {
            state: RwSignal::new(SupportState {
                supports,
                supported_by_me,
            }),
            sending: Sending::new(),
        }
    }

    /// Gives or withdraws this resident's support at `tail`
    /// (`/ideas/7/support`), saying the outcome; a failure restores the
    /// state and is written to `error`. A press while one is on its way
    /// does nothing.
    pub fn toggle(
        self,
        context: &WidgetContext,
        tail: String,
        announcer: Announcer,
        error: WriteSignal<Option<&'static str>>,
    ) {
        if self.sending.is_pending() {
            return;
        }
        let text = texts(context.lang);
        let before = self.state.get_untracked();
        let add = !before.supported_by_me;
        let supports = if add {
            before.supports + 1
        } else {
            before.supports.saturating_sub(1)
        };
        self.state.set(SupportState {
            supports,
            supported_by_me: add,
        });
        error.set(None);
        let method = if add { Method::Put } else { Method::Delete };
        let api = context.api.clone();
        let task = async move {
            api.send::<(), SupportState>(method, &tail, None, None)
                .await
        };
        self.sending.start(task, move |result| match result {
            Ok(answer) => {
                if let Some(confirmed) = answer {
                    self.state.set(confirmed);
                }
                announcer.say(if add {
                    text.support_added
                } else {
                    text.support_withdrawn
                });
            }
            Err(failure) => {
                self.state.set(before);
                let message = failure_message(text, &failure);
                error.set(Some(message));
                announcer.say(message);
            }
        });
    }
}
