//! A form's write in flight: at most one at a time, `pending` meanwhile,
//! then its outcome handed to the form. Plain tasks and signals, lighter in
//! the bundle than Leptos' `Action`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Whether a form's write is on its way.
#[derive(Clone, Copy)]
pub struct Sending {
    pending: RwSignal<bool>,
}

impl Sending {
    /// Nothing on its way yet.
    pub fn new() -> Sending {
        Sending {
            pending: RwSignal::new(false),
        }
    }

    /// Whether a write is on its way (tracked, for the view).
    pub fn pending(self) -> bool {
        self.pending.get()
    }

    /// Whether a write is on its way (untracked, for an event handler).
    pub fn is_pending(self) -> bool {
        self.pending.get_untracked()
    }

    /// Runs `task` unless a write is already on its way, then gives its
    /// outcome to `done` if the form is still there.
    pub fn start<T: 'static>(
        self,
        task: impl Future<Output = T> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        spawn_local(async move {
            let outcome = task.await;
            // A form that has gone meanwhile (closed, or its list redrawn)
            // drops the outcome, as Leptos' `Action` would: its callbacks may
            // be gone too, and calling a disposed callback panics.
            if self.pending.try_set(false).is_some() {
                return;
            }
            done(outcome);
        });
    }
}
