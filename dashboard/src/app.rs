//! The shell: who is signed in, the language, the page from the URL hash.

use crate::api::{self, Failure, Method};
use crate::i18n::{Texts, texts};
use crate::pages::{
    Accounts, ChoosePassword, CityReplies, CodeSets, IdeaAnswers, Moderation, Settings, SignIn,
    WidgetDetail, WidgetEditor, WidgetList,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::Lang;
use parvis_model::accounts::StaffMe;
use parvis_model::role::Role;

/// Which page the hash names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/widgets`
    Widgets,
    /// `#/widgets/new`
    NewWidget,
    /// `#/widgets/{id}`
    Widget(String),
    /// `#/widgets/{id}/edit`
    EditWidget(String),
    /// `#/widgets/{id}/ideas`
    IdeaAnswers(String),
    /// `#/widgets/{id}/comments`
    CityReplies(String),
    /// `#/moderation`
    Moderation,
    /// `#/settings` (admins)
    Settings,
    /// `#/accounts` (admins)
    Accounts,
    /// `#/codes` (admins): invitation code sets
    CodeSets,
    /// `#/password`
    Password,
}

impl Route {
    fn from_hash(hash: &str) -> Route {
        let parts: Vec<&str> = hash
            .trim_start_matches('#')
            .trim_matches('/')
            .split('/')
            .collect();
        // A widget id from the address bar is checked before any page puts
        // it in a path: `..` or `x?y` never reaches a request.
        if let ["widgets", id, ..] = parts.as_slice()
            && *id != "new"
            && !parvis_model::widget::is_widget_id(id)
        {
            return Route::Widgets;
        }
        match parts.as_slice() {
            ["widgets", "new"] => Route::NewWidget,
            ["widgets", id, "edit"] => Route::EditWidget((*id).to_owned()),
            ["widgets", id, "ideas"] => Route::IdeaAnswers((*id).to_owned()),
            ["widgets", id, "comments"] => Route::CityReplies((*id).to_owned()),
            ["widgets", id] => Route::Widget((*id).to_owned()),
            ["moderation"] => Route::Moderation,
            ["settings"] => Route::Settings,
            ["accounts"] => Route::Accounts,
            ["codes"] => Route::CodeSets,
            ["password"] => Route::Password,
            _ => Route::Widgets,
        }
    }
}

/// What every page shares.
#[derive(Clone, Copy)]
pub struct Ui {
    /// The language.
    pub lang: RwSignal<Lang>,
    /// The signed-in staff member; `None` shows the sign-in form.
    pub me: RwSignal<Option<StaffMe>>,
    /// The page.
    pub route: RwSignal<Route>,
    /// Set when a call found the session gone.
    pub expired: RwSignal<bool>,
}

impl Ui {
    /// Whether someone is signed in and past any temporary password.
    pub fn ready(self) -> bool {
        self.me
            .with(|me| me.as_ref().is_some_and(|m| !m.account.must_change_password))
    }

    /// Whether the signed-in person still has a temporary password.
    pub fn must_change_password(self) -> bool {
        self.me
            .with(|me| me.as_ref().is_some_and(|m| m.account.must_change_password))
    }

    /// Whether the signed-in person is one of the city's administrators.
    pub fn is_admin(self) -> bool {
        self.me
            .with(|me| me.as_ref().is_some_and(|m| m.account.role == Role::Admin))
    }

    /// The strings of the current language.
    pub fn text(self) -> &'static Texts {
        texts(self.lang.get())
    }

    /// Goes to a page (through the hash, so Back works).
    pub fn go(self, hash: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(hash);
        }
    }

    /// Notes a failure: a lost session sends the person to sign-in, keeping
    /// the page (and what they typed) underneath.
    pub fn check(self, failure: &Failure) {
        if failure.code() == Some(parvis_model::ProblemCode::Unauthenticated) {
            self.expired.set(true);
            self.me.set(None);
        }
    }
}

/// The context every page reads.
pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole dashboard.
#[component]
pub fn App() -> impl IntoView {
    let browser_lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::Fr);
    let ui = Ui {
        lang: RwSignal::new(browser_lang),
        me: RwSignal::new(None),
        route: RwSignal::new(Route::from_hash(&current_hash())),
        expired: RwSignal::new(false),
    };
    provide_context(ui);
    let checked = RwSignal::new(false);
    let signed_in_once = RwSignal::new(false);
    Effect::new(move || {
        if ui.ready() {
            signed_in_once.set(true);
        }
    });
    spawn_local(async move {
        if let Ok(me) = api::get::<StaffMe>("/v1/staff/me").await {
            ui.me.set(Some(me));
        }
        checked.set(true);
    });
    let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
        ui.route.set(Route::from_hash(&current_hash()));
    });
    Effect::new(move || {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", ui.lang.get().tag());
        }
    });
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = api::send::<(), ()>(Method::Delete, "/v1/staff/session", None).await;
            ui.expired.set(false);
            ui.me.set(None);
            // Signing out forgets the pages' state.
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
    };
    let switch = move |_| {
        ui.lang
            .update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr })
    };
    // The role is read without tracking: a session that expires and comes
    // back must not redraw the page (and lose what was typed).
    let admin_only = move |heading: fn(&Texts) -> &'static str, page: fn() -> AnyView| {
        if untrack(|| ui.is_admin()) {
            page()
        } else {
            view! {
                <h1>{move || heading(ui.text())}</h1>
                <p class="error" role="alert">{move || ui.text().admin_only}</p>
            }
            .into_any()
        }
    };
    let page = move || match ui.route.get() {
        Route::Widgets => view! { <WidgetList /> }.into_any(),
        Route::NewWidget => view! { <WidgetEditor id=None /> }.into_any(),
        Route::EditWidget(id) => view! { <WidgetEditor id=Some(id) /> }.into_any(),
        Route::Widget(id) => view! { <WidgetDetail id /> }.into_any(),
        Route::IdeaAnswers(id) => view! { <IdeaAnswers id /> }.into_any(),
        Route::CityReplies(id) => view! { <CityReplies id /> }.into_any(),
        Route::Moderation => view! { <Moderation /> }.into_any(),
        Route::Settings => admin_only(|t| t.settings, || view! { <Settings /> }.into_any()),
        Route::Accounts => admin_only(|t| t.team, || view! { <Accounts /> }.into_any()),
        Route::CodeSets => admin_only(|t| t.code_sets, || view! { <CodeSets /> }.into_any()),
        Route::Password => view! { <ChoosePassword /> }.into_any(),
    };
    view! {
        <header class="bar">
            <strong>{move || ui.text().app}</strong>
            <Show when=move || ui.ready()>
                <nav aria-label=move || ui.text().app>
                    <ul>
                        <li><a href="#/widgets">{move || ui.text().widgets}</a></li>
                        <li><a href="#/moderation">{move || ui.text().moderation}</a></li>
                        <Show when=move || ui.is_admin()>
                            <li><a href="#/settings">{move || ui.text().settings}</a></li>
                            <li><a href="#/accounts">{move || ui.text().team}</a></li>
                            <li><a href="#/codes">{move || ui.text().code_sets}</a></li>
                        </Show>
                    </ul>
                </nav>
            </Show>
            <div class="actions">
                <button type="button" class="link" on:click=switch>{move || ui.text().switch_lang}</button>
                <Show when=move || ui.me.get().is_some()>
                    <a href="#/password">{move || ui.me.get().map(|m| m.account.display_name).unwrap_or_default()}
                        <span class="visually-hidden">{move || format!(" – {}", ui.text().my_password)}</span></a>
                    <button type="button" class="link" on:click=sign_out>{move || ui.text().sign_out}</button>
                </Show>
            </div>
        </header>
        <main>
            {move || (!checked.get()).then(|| view! { <p>{ui.text().loading}</p> })}
            <Show when=move || checked.get() && ui.me.get().is_none()>
                <SignIn />
            </Show>
            // Once signed in, pages stay mounted (hidden) while signing in again,
            // so an expired session loses nothing that was typed.
            <Show when=move || ui.must_change_password()>
                <ChoosePassword />
            </Show>
            <Show when=move || signed_in_once.get()>
                <div hidden=move || !ui.ready()>{page}</div>
            </Show>
        </main>
    }
}
