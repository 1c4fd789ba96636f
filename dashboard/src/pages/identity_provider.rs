//! The city's identity provider, on the settings page (admins): the OpenID
//! Connect provider (FranceConnect or another) residents sign in with for
//! verified polls, the redirect URI to register with it, and whether its
//! client secret is set. Saving makes the API read the provider's discovery
//! document, so a mistyped issuer is said here, next to the field.

use crate::api::{self, Failure, Method};
use crate::app::{Ui, use_ui};
use crate::i18n::message_for;
use crate::pages::embed_panel::{Copied, copy};
use crate::pages::text_field::TextField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::identity_provider::{
    FRANCECONNECT_ISSUERS, IdentityProviderSettings, IdentityProviderView, MAX_DISPLAY_NAME_CHARS,
    MAX_SETTING_CHARS,
};
use parvis_model::{FieldError, ProblemCode};

/// The staff API's route for the city's identity provider.
pub const PATH: &str = "/v1/staff/identity-provider";
/// What the button says until staff choose otherwise.
const DEFAULT_DISPLAY_NAME: &str = "FranceConnect";
/// The copy button's block, for the shared copy status.
const REDIRECT_BLOCK: &str = "idp-redirect-uri";

/// What the section last said: the text, and whether it is an error.
type Notice = RwSignal<Option<(&'static str, bool)>>;

/// The form's values.
#[derive(Clone, Copy)]
struct Fields {
    issuer: RwSignal<String>,
    client_id: RwSignal<String>,
    display_name: RwSignal<String>,
    pkce: RwSignal<bool>,
    acr_values: RwSignal<String>,
}

impl Fields {
    /// The fields of a city without a provider.
    fn new() -> Fields {
        Fields {
            issuer: RwSignal::new(String::new()),
            client_id: RwSignal::new(String::new()),
            display_name: RwSignal::new(DEFAULT_DISPLAY_NAME.to_owned()),
            pkce: RwSignal::new(false),
            acr_values: RwSignal::new(String::new()),
        }
    }

    /// Shows `settings`, or the defaults when there are none.
    fn fill(self, settings: Option<IdentityProviderSettings>) {
        let settings = settings.unwrap_or_else(|| IdentityProviderSettings {
            issuer: String::new(),
            client_id: String::new(),
            display_name: DEFAULT_DISPLAY_NAME.to_owned(),
            pkce: false,
            acr_values: String::new(),
        });
        self.issuer.set(settings.issuer);
        self.client_id.set(settings.client_id);
        self.display_name.set(settings.display_name);
        self.pkce.set(settings.pkce);
        self.acr_values.set(settings.acr_values);
    }

    /// What is typed, as the API takes it.
    fn settings(self) -> IdentityProviderSettings {
        IdentityProviderSettings {
            issuer: self.issuer.get_untracked(),
            client_id: self.client_id.get_untracked(),
            display_name: self.display_name.get_untracked(),
            pkce: self.pkce.get_untracked(),
            acr_values: self.acr_values.get_untracked(),
        }
    }
}

/// What a refused save or removal says: `conflict` for the removal, field
/// errors for the form, a refusal of the role, or no answer.
fn refusal(ui: Ui, failure: &Failure, conflict: &'static str) -> &'static str {
    let text = ui.text();
    match failure.code() {
        Some(ProblemCode::Conflict) => conflict,
        Some(ProblemCode::Forbidden) => text.admin_only,
        Some(ProblemCode::ValidationFailed) => text.fix_errors,
        _ => text.network_error,
    }
}

/// The identity provider's section of the settings page.
#[component]
pub fn IdentityProviderSection() -> impl IntoView {
    let ui = use_ui();
    let fields = Fields::new();
    let current = RwSignal::new(None::<IdentityProviderView>);
    let failed = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice: Notice = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let save_button = NodeRef::<leptos::html::Button>::new();
    spawn_local(async move {
        match api::get::<IdentityProviderView>(PATH).await {
            Ok(view) => {
                fields.fill(view.settings.clone());
                current.set(Some(view));
            }
            Err(failure) => {
                ui.check(&failure);
                failed.set(true);
            }
        }
    });
    let configured = move || current.with(|c| c.as_ref().is_some_and(|v| v.settings.is_some()));

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        // The button stays enabled (it keeps the focus); a second press
        // while the provider is asked does nothing.
        if busy.get_untracked() {
            return;
        }
        let settings = fields.settings();
        busy.set(true);
        notice.set(Some((ui.text().idp_checking, false)));
        spawn_local(async move {
            let outcome = api::send::<_, IdentityProviderView>(Method::Put, PATH, Some(&settings));
            let outcome = outcome.await;
            busy.set(false);
            match outcome {
                Ok(Some(view)) => {
                    errors.set(Vec::new());
                    fields.fill(view.settings.clone());
                    current.set(Some(view));
                    notice.set(Some((ui.text().idp_saved, false)));
                }
                Ok(None) => notice.set(Some((ui.text().network_error, true))),
                Err(failure) => {
                    ui.check(&failure);
                    errors.set(failure.field_errors());
                    notice.set(Some((refusal(ui, &failure, ui.text().idp_locked), true)));
                }
            }
        });
    };
    let on_remove = move |_| {
        let question = ui.text().idp_remove_question;
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(question).ok())
            .unwrap_or(false);
        if !confirmed || busy.get_untracked() {
            return;
        }
        busy.set(true);
        notice.set(None);
        spawn_local(async move {
            let outcome = api::send::<(), ()>(Method::Delete, PATH, None).await;
            busy.set(false);
            match outcome {
                Ok(_) => {
                    errors.set(Vec::new());
                    fields.fill(None);
                    current.update(|c| {
                        if let Some(view) = c {
                            view.settings = None;
                        }
                    });
                    notice.set(Some((ui.text().idp_removed, false)));
                    // The Remove button is gone: the focus goes to its
                    // neighbour rather than to the page's top.
                    if let Some(button) = save_button.get_untracked() {
                        let _ = button.focus();
                    }
                }
                Err(failure) => {
                    ui.check(&failure);
                    notice.set(Some((refusal(ui, &failure, ui.text().idp_in_use), true)));
                }
            }
        });
    };

    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, field)))
    };
    let form = move || {
        let text = ui.text();
        view! {
            {move || (!configured()).then(|| view! { <p class="muted">{ui.text().idp_none}</p> })}
            <form on:submit=on_submit novalidate>
                <TextField id="idp-issuer" label=text.idp_issuer hint=text.idp_issuer_hint
                    max_length=MAX_SETTING_CHARS autocomplete="off" list="idp-issuers"
                    value=fields.issuer error=error_for("issuer") />
                <datalist id="idp-issuers">
                    {FRANCECONNECT_ISSUERS.iter().map(|(label, issuer)| view! {
                        <option value=*issuer>{*label}</option>
                    }).collect_view()}
                </datalist>
                <TextField id="idp-client-id" label=text.idp_client_id hint=text.idp_client_id_hint
                    max_length=MAX_SETTING_CHARS autocomplete="off" value=fields.client_id
                    error=error_for("client_id") />
                <TextField id="idp-display-name" label=text.idp_display_name
                    hint=text.idp_display_name_hint max_length=MAX_DISPLAY_NAME_CHARS autocomplete="off"
                    value=fields.display_name error=error_for("display_name") />
                <div class="choice">
                    <input type="checkbox" id="idp-pkce" aria-describedby="idp-pkce-hint"
                        prop:checked=move || fields.pkce.get()
                        on:change=move |ev| fields.pkce.set(event_target_checked(&ev)) />
                    " "<label for="idp-pkce">{text.idp_pkce}</label>
                    <p id="idp-pkce-hint" class="muted hint">{text.idp_pkce_hint}</p>
                </div>
                <TextField id="idp-acr-values" label=text.idp_acr_values hint=text.idp_acr_values_hint
                    max_length=MAX_SETTING_CHARS autocomplete="off" value=fields.acr_values
                    error=error_for("acr_values") />
                <ProviderSetup current />
                <p class="actions">
                    <button type="submit" class="primary" node_ref=save_button>{text.idp_save}</button>
                    {move || configured().then(|| view! {
                        <button type="button" class="danger" on:click=on_remove>{ui.text().idp_remove}</button>
                    })}
                    <span role="status" class=move || if notice.get().is_some_and(|n| n.1) { "error" } else { "" }>
                        {move || notice.get().map(|n| n.0)}
                    </span>
                </p>
            </form>
        }
        .into_any()
    };
    let body = move || {
        let text = ui.text();
        if failed.get() {
            view! { <p class="error" role="alert">{text.load_failed}</p> }.into_any()
        } else if current.with(Option::is_none) {
            view! { <p>{text.loading}</p> }.into_any()
        } else {
            form()
        }
    };
    view! {
        <section class="card" id="identity-provider" aria-labelledby="identity-provider-title">
            <h2 id="identity-provider-title">{move || ui.text().identity_provider}</h2>
            <p>{move || ui.text().idp_intro}</p>
            {body}
        </section>
    }
}

/// What the admin does with the provider outside Parvis: the redirect URI
/// to register, with a copy button, and the client secret's state.
#[component]
fn ProviderSetup(
    /// The provider as the API last gave it.
    current: RwSignal<Option<IdentityProviderView>>,
) -> impl IntoView {
    let ui = use_ui();
    let copied: Copied = RwSignal::new(None);
    let redirect_uri = move || current.with(|c| c.as_ref().map(|v| v.redirect_uri.clone()));
    let on_copy = move |_| copy(redirect_uri().unwrap_or_default(), REDIRECT_BLOCK, copied);
    let copy_status = move || match copied.get() {
        Some((_, true)) => ui.text().idp_copied_redirect_uri,
        Some((_, false)) => ui.text().copy_failed,
        None => "",
    };
    let secret = move || {
        let text = ui.text();
        let view = current.get()?;
        let name = view.secret_name;
        Some(if view.secret_set {
            view! { <p id="idp-secret">{text.idp_secret_set}" "<code>{name}</code>")"</p> }
                .into_any()
        } else {
            view! {
                <p id="idp-secret" class="warning">
                    {text.idp_secret_missing_before}" "<code>{format!("npx wrangler secret put {name}")}</code>
                    {text.idp_secret_missing_after}
                </p>
            }
            .into_any()
        })
    };
    view! {
        <p>{move || ui.text().idp_redirect_uri}</p>
        <pre class="snippet"><code id="idp-redirect-uri">{redirect_uri}</code></pre>
        <p class="actions">
            <button type="button" on:click=on_copy>{move || ui.text().idp_copy_redirect_uri}</button>
            <span role="status">{copy_status}</span>
        </p>
        {secret}
    }
}
