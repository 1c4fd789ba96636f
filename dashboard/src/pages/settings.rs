//! City settings (admins): name, default language, the sites allowed to
//! embed, the brand colours with a contrast warning, and how long residents'
//! words are kept after a consultation closes; below, in its own section,
//! the city's identity provider (`identity_provider.rs`).

mod colour_sample;
mod colours;
mod origins_field;
mod retention_field;

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::message_for;
use crate::pages::identity_provider::IdentityProviderSection;
use crate::pages::text_field::TextField;
use colours::{ColoursGroup, radius_px, typed_colour};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use origins_field::{OriginsField, origin_lines};
use parvis_model::city::{CityUpdate, CityView, Theme};
use parvis_model::{FieldError, Lang};
use retention_field::{RetentionField, retention_days};

/// The form's values, as typed.
#[derive(Clone, Copy)]
struct CityFields {
    /// The city's name.
    name: RwSignal<String>,
    /// Its widgets' language when a page says none.
    lang: RwSignal<Lang>,
    /// The sites allowed to embed, one per line.
    origins: RwSignal<String>,
    /// Main colour, `#rrggbb` or empty.
    accent: RwSignal<String>,
    /// Text on the main colour, `#rrggbb` or empty.
    accent_text: RwSignal<String>,
    /// Corner radius in pixels, or empty.
    radius: RwSignal<String>,
    /// Days residents' words are kept after closing.
    retention: RwSignal<String>,
}

impl CityFields {
    /// Empty fields, until the city is read.
    fn new() -> CityFields {
        CityFields {
            name: RwSignal::new(String::new()),
            lang: RwSignal::new(Lang::Fr),
            origins: RwSignal::new(String::new()),
            accent: RwSignal::new(String::new()),
            accent_text: RwSignal::new(String::new()),
            radius: RwSignal::new(String::new()),
            retention: RwSignal::new(String::new()),
        }
    }

    /// Shows `city`.
    fn fill(self, city: CityView) {
        self.name.set(city.name);
        self.lang.set(Lang::from_tag(&city.default_lang));
        self.origins.set(city.allowed_origins.join("\n"));
        self.accent.set(city.theme.accent.unwrap_or_default());
        self.accent_text
            .set(city.theme.accent_text.unwrap_or_default());
        self.radius.set(
            city.theme
                .radius_px
                .map(|r| r.to_string())
                .unwrap_or_default(),
        );
        self.retention.set(city.retention_days.to_string());
    }

    /// What is typed, as the API takes it; or the error of a number that
    /// is not one (the radius's first).
    fn update(self) -> Result<CityUpdate, FieldError> {
        let radius_px = radius_px(&self.radius.get_untracked())?;
        let retention_days = retention_days(&self.retention.get_untracked())?;
        Ok(CityUpdate {
            name: Some(self.name.get_untracked()),
            allowed_origins: Some(
                origin_lines(&self.origins.get_untracked())
                    .into_iter()
                    .map(|(_, value)| value)
                    .collect(),
            ),
            default_lang: Some(self.lang.get_untracked().tag().to_owned()),
            theme: Some(Theme {
                accent: typed_colour(self.accent.get_untracked()),
                accent_text: typed_colour(self.accent_text.get_untracked()),
                radius_px,
            }),
            retention_days: Some(retention_days),
        })
    }
}

/// The settings page.
#[component]
pub fn Settings() -> impl IntoView {
    let ui = use_ui();
    let fields = CityFields::new();
    let loaded = RwSignal::new(None::<bool>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<(&'static str, bool)>);

    spawn_local(async move {
        match api::get::<CityView>("/v1/staff/city").await {
            Ok(city) => {
                fields.fill(city);
                loaded.set(Some(true));
            }
            Err(failure) => {
                ui.check(&failure);
                loaded.set(Some(false));
            }
        }
    });

    let error_for = move |field: &'static str| {
        Signal::derive(move || errors.with(|all| message_for(ui.lang.get(), all, field)))
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let update = match fields.update() {
            Ok(update) => update,
            Err(error) => {
                errors.set(vec![error]);
                notice.set(Some((ui.text().fix_errors, true)));
                return;
            }
        };
        notice.set(None);
        spawn_local(async move {
            match api::send::<_, CityView>(Method::Patch, "/v1/staff/city", Some(&update)).await {
                Ok(Some(city)) => {
                    errors.set(Vec::new());
                    ui.me.update(|me| {
                        if let Some(me) = me {
                            me.city = city.clone();
                        }
                    });
                    fields.fill(city);
                    notice.set(Some((ui.text().saved, false)));
                }
                Ok(None) => notice.set(Some((ui.text().load_failed, true))),
                Err(failure) => {
                    ui.check(&failure);
                    errors.set(failure.field_errors());
                    notice.set(Some((ui.text().fix_errors, true)));
                }
            }
        });
    };

    // Drawn again, sections and all, when the language changes.
    let form = move || {
        let text = ui.text();
        let CityFields {
            name,
            lang,
            origins,
            accent,
            accent_text,
            radius,
            retention,
        } = fields;
        view! {
            <form on:submit=on_submit novalidate>
                <TextField id="city-name" label=text.city_name max_length=120 required=true
                    value=name error=error_for("name") />
                <div class="field">
                    <label for="city-lang">{text.default_lang}</label>
                    <select id="city-lang"
                        prop:value=move || lang.get().tag()
                        on:change=move |ev| lang.set(Lang::from_tag(&event_target_value(&ev)))>
                        <option value="fr">{text.lang_names_fr}</option>
                        <option value="en">{text.lang_names_en}</option>
                    </select>
                </div>
                <OriginsField origins errors />
                <ColoursGroup accent accent_text radius errors />
                <RetentionField retention error=error_for("retention_days") />
                <p class="actions">
                    <button type="submit" class="primary">{text.save}</button>
                    <span role="status" class=move || if notice.get().is_some_and(|n| n.1) { "error" } else { "" }>
                        {move || notice.get().map(|n| n.0)}
                    </span>
                </p>
            </form>
        }
        .into_any()
    };

    view! {
        <h1>{move || ui.text().settings}</h1>
        {move || match loaded.get() {
            None => view! { <p>{ui.text().loading}</p> }.into_any(),
            Some(false) => view! { <p class="error" role="alert">{ui.text().load_failed}</p> }.into_any(),
            Some(true) => form(),
        }}
        <IdentityProviderSection />
    }
}
