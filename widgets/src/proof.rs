//! The proof of work a resident's device does before its first write in a
//! widget (see `parvis_model::proof_of_work`): a fraction of a second, no
//! third party, nothing stored. Solved proofs live in memory for the page
//! view, one per widget and voter token.

use parvis_model::proof_of_work::{Proof, search};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Nonces tried between two yields to the page, so a phone keeps painting
/// and reading input while it solves (about 15 ms each on a slow phone;
/// browsers delay nested timers by 4 ms, so slices are not smaller).
const SLICE: u64 = 16_384;

thread_local! {
    /// Solved proofs by (widget, voter token), as `Parvis-Proof` values.
    static SOLVED: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The proof already solved for this widget and token in this page view.
pub fn known(widget: &str, voter: &str) -> Option<String> {
    SOLVED.with_borrow(|solved| {
        solved
            .iter()
            .find(|(w, v, _)| w == widget && v == voter)
            .map(|(_, _, proof)| proof.clone())
    })
}

/// Keeps a solved proof for the rest of the page view.
pub fn remember(widget: &str, voter: &str, proof: &str) {
    forget(widget, voter);
    SOLVED.with_borrow_mut(|solved| solved.push((widget.into(), voter.into(), proof.into())));
}

/// Drops a proof the API no longer accepts (expired).
pub fn forget(widget: &str, voter: &str) {
    SOLVED.with_borrow_mut(|solved| solved.retain(|(w, v, _)| !(w == widget && v == voter)));
}

/// Solves `challenge` in slices, yielding to the page between them; the
/// `Parvis-Proof` value.
pub async fn solve(challenge: &str, bits: u32) -> String {
    let mut from = 0u64;
    loop {
        if let Some(nonce) = search(challenge, bits, from, SLICE) {
            return Proof::header_value(challenge, nonce);
        }
        from += SLICE;
        yield_to_page().await;
    }
}

/// Lets the browser run its tasks (painting, input) before going on.
async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
