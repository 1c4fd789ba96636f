//! The sign-in of a verified poll: a button that opens the city's identity
//! provider in a window of its own, and the grant that window posts back,
//! kept in memory only (never stored in the browser) and sent with the
//! ballot. The flow is told in `edge-api/src/oidc/mod.rs`.

use crate::context::use_widget_context;
use crate::i18n::{Texts, sign_in_with, texts};
use leptos::prelude::*;
use parvis_model::ProblemCode;

/// What the sign-in area says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// Progress or success (said by the sign-in window's outcome, so only
    /// in the browser).
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    Status(&'static str),
    /// Something to act on.
    Error(&'static str),
}

/// The message for a refused ballot when the API's problem is about the
/// verification, and whether the grant must be dropped (verify again).
/// (Called when a send ends, outside any component: no context read here.)
pub fn verification_problem(text: &Texts, code: Option<ProblemCode>) -> Option<(Note, bool)> {
    match code? {
        ProblemCode::VerificationRequired => Some((Note::Error(text.verification_required), true)),
        ProblemCode::VerificationInvalid => Some((Note::Error(text.verification_invalid), true)),
        ProblemCode::IdentityAlreadyVoted => {
            Some((Note::Error(text.identity_already_voted), false))
        }
        ProblemCode::NoIdentityProvider => Some((Note::Error(text.no_identity_provider), false)),
        _ => None,
    }
}

/// The sign-in button, or the note that the identity is verified.
#[component]
pub fn VerifyIdentity(
    /// The provider's name on the button, when the city set one.
    provider: Option<String>,
    /// The grant, once the window posted it.
    grant: RwSignal<Option<String>>,
    /// What the area says.
    note: RwSignal<Option<Note>>,
) -> impl IntoView {
    let context = use_widget_context();
    let text = texts(context.lang);
    let label = sign_in_with(
        context.lang,
        provider.as_deref().unwrap_or(text.city_identity_service),
    );
    let blocked = RwSignal::new(false);
    let verified_line = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if let Some(line) = verified_line.get() {
            let _ = line.focus();
        }
    });
    let consultation_page = context
        .api
        .origin()
        .map(|origin| format!("{origin}/c/{}", context.widget_id));
    #[cfg(feature = "csr")]
    let on_click = {
        let announcer = crate::widget::use_announcer();
        browser::listen(&context, announcer, grant, note);
        let context = StoredValue::new(context.clone());
        move |_| browser::sign_in(context.get_value(), announcer, grant, note, blocked)
    };
    #[cfg(not(feature = "csr"))]
    let on_click = move |_| {
        let _ = (grant, blocked);
    };
    view! {
        <div class="verify">
            {move || if grant.get().is_some() {
                // Focus moves here from the button it replaces.
                view! {
                    <p class="verified" tabindex="-1" node_ref=verified_line>
                        {"✓ "}{text.identity_verified}
                    </p>
                }.into_any()
            } else {
                view! {
                    <button type="button" on:click=on_click>{label.clone()}</button>
                }.into_any()
            }}
            // Once verified, the line above says so; errors still show (the
            // same person voted already, from another device).
            {move || note.get().filter(|n| matches!(n, Note::Error(_)) || grant.get().is_none()).map(|note| match note {
                Note::Status(message) => view! { <p class="hint">{message}</p> }.into_any(),
                Note::Error(message) => view! { <p class="field-error">{message}</p> }.into_any(),
            })}
            {move || blocked.get().then(|| consultation_page.clone()).flatten().map(|href| view! {
                <p><a href=href target="_blank">{text.open_consultation_page}</a></p>
            })}
        </div>
    }
}

#[cfg(feature = "csr")]
mod browser {
    //! The window and its message, in the browser only.

    use super::Note;
    use crate::api::Method;
    use crate::common::Announcer;
    use crate::common::failure_message;
    use crate::context::WidgetContext;
    use crate::i18n::texts;
    use leptos::prelude::*;
    use parvis_model::ProblemCode;
    use parvis_model::verification::{MESSAGE_TYPE, VerificationStart};
    use wasm_bindgen::JsValue;

    /// The window's name: a second click brings the same window back.
    const WINDOW_NAME: &str = "parvis-sign-in";
    const WINDOW_FEATURES: &str = "popup,width=560,height=720";

    /// Listens for the sign-in window's message: from the API's origin only.
    pub fn listen(
        context: &WidgetContext,
        announcer: Announcer,
        grant: RwSignal<Option<String>>,
        note: RwSignal<Option<Note>>,
    ) {
        let text = texts(context.lang);
        let Some(origin) = context.api.origin().map(str::to_owned) else {
            return;
        };
        let handle = window_event_listener(leptos::ev::message, move |event| {
            if event.origin() != origin {
                return;
            }
            let data = event.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(name))
                    .ok()
                    .and_then(|value| value.as_string())
            };
            if field("type").as_deref() != Some(MESSAGE_TYPE) {
                return;
            }
            let said = if let Some(received) = field("grant") {
                grant.set(Some(received));
                Note::Status(text.identity_verified)
            } else {
                Note::Error(match field("error").as_deref() {
                    Some("cancelled") => text.sign_in_cancelled,
                    Some("unavailable") => text.sign_in_unavailable,
                    _ => text.sign_in_refused,
                })
            };
            let (Note::Status(message) | Note::Error(message)) = said;
            note.set(Some(said));
            announcer.say(message);
        });
        on_cleanup(move || handle.remove());
    }

    /// Opens the window at once (a window opened after an await is
    /// blocked), then asks the API where to send it.
    pub fn sign_in(
        context: WidgetContext,
        announcer: Announcer,
        grant: RwSignal<Option<String>>,
        note: RwSignal<Option<Note>>,
        blocked: RwSignal<bool>,
    ) {
        let text = texts(context.lang);
        let popup = web_sys::window().and_then(|window| {
            window
                .open_with_url_and_target_and_features("", WINDOW_NAME, WINDOW_FEATURES)
                .ok()
                .flatten()
        });
        let Some(popup) = popup else {
            blocked.set(true);
            note.set(Some(Note::Error(text.sign_in_blocked)));
            announcer.say(text.sign_in_blocked);
            return;
        };
        blocked.set(false);
        grant.set(None);
        note.set(Some(Note::Status(text.sign_in_waiting)));
        announcer.say(text.sign_in_waiting);
        // The window is blank while the API is asked (and the proof of work
        // solved): it says what is coming, in the page's language.
        if let Some(body) = popup.document().and_then(|document| {
            document.set_title(text.sign_in_opening);
            document.body()
        }) {
            body.set_text_content(Some(text.sign_in_opening));
        }
        let tail = format!("/verification?lang={}", context.lang.tag());
        leptos::task::spawn_local(async move {
            let started = context
                .api
                .send::<(), VerificationStart>(Method::Post, &tail, None, None)
                .await;
            match started {
                // The window shares this page's origin until it leaves:
                // only a web address may be opened in it.
                Ok(Some(start))
                    if start.authorize_url.starts_with("https://")
                        || start.authorize_url.starts_with("http://") =>
                {
                    if popup.location().set_href(&start.authorize_url).is_err() {
                        note.try_set(Some(Note::Error(text.sign_in_blocked)));
                    }
                }
                outcome => {
                    let _ = popup.close();
                    let message = match outcome {
                        Err(failure) => match failure.code() {
                            Some(ProblemCode::NoIdentityProvider) => text.no_identity_provider,
                            Some(ProblemCode::IdentityProviderUnavailable) => {
                                text.sign_in_unavailable
                            }
                            _ => failure_message(text, &failure),
                        },
                        Ok(_) => text.sign_in_refused,
                    };
                    note.try_set(Some(Note::Error(message)));
                    announcer.say(message);
                }
            }
        });
    }
}
