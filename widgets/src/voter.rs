//! The resident's voter token. Nothing is written to the browser until the
//! resident acts: reading is free, creating happens on the first vote.
//! Where storage is refused (private browsing, a sandboxed frame) the token
//! lives in memory for this page view.

use leptos::prelude::{ArcRwSignal, Set};
use parvis_model::VoterToken;
use std::cell::RefCell;

const STORAGE_KEY: &str = "parvis.voter";

thread_local! {
    /// The token of this page view when storage refused it.
    static IN_MEMORY: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this device holds a token, for the widgets' "forget this
    /// device" (one token serves every widget on the page).
    static KNOWN: ArcRwSignal<bool> = ArcRwSignal::new(stored_token().is_some());
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The token stored by an earlier action on this site, if any.
pub fn stored_token() -> Option<String> {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let token = stored.or_else(|| IN_MEMORY.with(|t| t.borrow().clone()))?;
    VoterToken::parse(Some(&token))
        .ok()
        .map(|t| t.as_str().to_owned())
}

/// Whether the token lives in memory only (storage refused it, as in a
/// sandboxed frame): a reload forgets that the resident took part.
pub fn token_in_memory() -> bool {
    IN_MEMORY.with(|t| t.borrow().is_some())
}

/// Whether the resident's device holds a token (tracked, for views).
pub fn device_known() -> ArcRwSignal<bool> {
    KNOWN.with(Clone::clone)
}

/// The token to act with: the stored one, or a new random one that is
/// stored now (the resident is acting), in memory if storage refuses it.
pub fn token_for_action() -> Option<String> {
    if let Some(token) = stored_token() {
        return Some(token);
    }
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    let token = VoterToken::from_random_bytes(bytes).as_str().to_owned();
    let stored = storage().is_some_and(|s| s.set_item(STORAGE_KEY, &token).is_ok());
    if !stored {
        IN_MEMORY.with(|t| *t.borrow_mut() = Some(token.clone()));
    }
    device_known().set(true);
    Some(token)
}

/// Forgets the token: this device is a new visitor from now on.
pub fn forget_token() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
    IN_MEMORY.with(|t| *t.borrow_mut() = None);
    device_known().set(false);
}

/// A random key for `Idempotency-Key`, made when a resident sends something.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    VoterToken::from_random_bytes(bytes).as_str().to_owned()
}

/// The idempotency key of a form: a retry of the same body reuses the key of
/// the last attempt (so the API answers it once), any other body gets a new one.
#[derive(Clone, Copy)]
pub struct RetryKey(leptos::prelude::RwSignal<Option<(String, String)>>);

impl RetryKey {
    /// A form with no attempt yet.
    pub fn new() -> RetryKey {
        RetryKey(leptos::prelude::RwSignal::new(None))
    }

    /// The key to send `body` (JSON text) with.
    pub fn for_body(self, body: String) -> String {
        use leptos::prelude::{GetUntracked, Set};
        let key = match self.0.get_untracked() {
            Some((key, previous)) if previous == body => key,
            _ => random_key(),
        };
        self.0.set(Some((key.clone(), body)));
        key
    }

    /// Forgets the last attempt once it succeeded.
    pub fn clear(self) {
        use leptos::prelude::Set;
        self.0.set(None);
    }
}
