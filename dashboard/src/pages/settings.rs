//! City settings (admins): name, default language, the sites allowed to
//! embed, the brand colours with a contrast warning, and how long residents'
//! words are kept after a consultation closes; below, in its own section,
//! the city's identity provider (`identity_provider.rs`).

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::i18n::{contrast_warning, field_message, message_for, on_line, origin_hint};
use crate::pages::identity_provider::IdentityProviderSection;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::city::{CityUpdate, CityView, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, Theme};
use parvis_model::contrast::contrast_ratio;
use parvis_model::origin::normalize_origin;
use parvis_model::{FieldError, FieldErrorCode, Lang};

/// The widgets' default colours, for contrast checks when a field is empty.
const DEFAULT_ACCENT: &str = "#1d4ed8";
const DEFAULT_ACCENT_TEXT: &str = "#ffffff";
const PAGE_BACKGROUND: &str = "#ffffff";

/// The non-empty lines of the origins box, with their 1-based line numbers.
fn origin_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim().to_owned()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The settings page.
#[component]
pub fn Settings() -> impl IntoView {
    let ui = use_ui();
    let name = RwSignal::new(String::new());
    let lang = RwSignal::new(Lang::Fr);
    let origins = RwSignal::new(String::new());
    let accent = RwSignal::new(String::new());
    let accent_text = RwSignal::new(String::new());
    let radius = RwSignal::new(String::new());
    let retention = RwSignal::new(String::new());
    let loaded = RwSignal::new(None::<bool>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<(&'static str, bool)>);

    let fill = move |city: CityView| {
        name.set(city.name);
        lang.set(Lang::from_tag(&city.default_lang));
        origins.set(city.allowed_origins.join("\n"));
        accent.set(city.theme.accent.unwrap_or_default());
        accent_text.set(city.theme.accent_text.unwrap_or_default());
        radius.set(
            city.theme
                .radius_px
                .map(|r| r.to_string())
                .unwrap_or_default(),
        );
        retention.set(city.retention_days.to_string());
    };
    spawn_local(async move {
        match api::get::<CityView>("/v1/staff/city").await {
            Ok(city) => {
                fill(city);
                loaded.set(Some(true));
            }
            Err(failure) => {
                ui.check(&failure);
                loaded.set(Some(false));
            }
        }
    });

    let error_for = move |field: &str| errors.with(|all| message_for(ui.lang.get(), all, field));
    // Hints while typing, and the server's verdict per line after saving.
    let origin_messages = move || {
        let lang = ui.lang.get();
        let lines = origin_lines(&origins.get());
        let mut messages: Vec<String> = lines
            .iter()
            .filter_map(|(line, value)| {
                normalize_origin(value)
                    .err()
                    .map(|issue| origin_hint(lang, *line, issue))
            })
            .collect();
        errors.with(|all| {
            for error in all {
                let index = error
                    .field
                    .strip_prefix("allowed_origins[")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some((line, _)) = index.and_then(|i| lines.get(i)) {
                    if error.code == FieldErrorCode::Duplicate {
                        messages.push(on_line(lang, *line, &field_message(lang, error)));
                    }
                } else if error.field == "allowed_origins" {
                    messages.push(field_message(lang, error));
                }
            }
        });
        messages
    };
    let warnings = move || {
        let lang = ui.lang.get();
        let text = ui.text();
        let accent = colour_or(accent.get(), DEFAULT_ACCENT);
        let on_accent = colour_or(accent_text.get(), DEFAULT_ACCENT_TEXT);
        let mut out = Vec::new();
        if let Some(ratio) = contrast_ratio(&on_accent, &accent) {
            out.extend(contrast_warning(lang, text.pair_buttons, ratio));
        }
        if let Some(ratio) = contrast_ratio(&accent, PAGE_BACKGROUND) {
            out.extend(contrast_warning(lang, text.pair_background, ratio));
        }
        out
    };

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let colour = |value: String| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        let radius_text = radius.get_untracked();
        let radius_px = match radius_text.trim() {
            "" => None,
            value => match value.parse::<u8>() {
                Ok(r) => Some(r),
                Err(_) => {
                    errors.set(vec![
                        FieldError::new("theme.radius_px", FieldErrorCode::OutOfRange)
                            .with_limit(24),
                    ]);
                    notice.set(Some((ui.text().fix_errors, true)));
                    return;
                }
            },
        };
        let retention_days = match retention.get_untracked().trim().parse::<u32>() {
            Ok(days) => Some(days),
            Err(_) => {
                errors.set(vec![
                    FieldError::new("retention_days", FieldErrorCode::OutOfRange)
                        .with_limit(MAX_RETENTION_DAYS as usize),
                ]);
                notice.set(Some((ui.text().fix_errors, true)));
                return;
            }
        };
        let update = CityUpdate {
            name: Some(name.get_untracked()),
            allowed_origins: Some(
                origin_lines(&origins.get_untracked())
                    .into_iter()
                    .map(|(_, value)| value)
                    .collect(),
            ),
            default_lang: Some(lang.get_untracked().tag().to_owned()),
            theme: Some(Theme {
                accent: colour(accent.get_untracked()),
                accent_text: colour(accent_text.get_untracked()),
                radius_px,
            }),
            retention_days,
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
                    fill(city);
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

    let form = move || {
        let text = ui.text();
        view! {
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="city-name">{text.city_name}</label>
                    <input id="city-name" type="text" maxlength="120" required
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error_for("name").is_some().to_string()
                        aria-describedby="city-name-error" />
                    <p id="city-name-error" class="error">{move || error_for("name")}</p>
                </div>
                <div class="field">
                    <label for="city-lang">{text.default_lang}</label>
                    <select id="city-lang"
                        prop:value=move || lang.get().tag()
                        on:change=move |ev| lang.set(Lang::from_tag(&event_target_value(&ev)))>
                        <option value="fr">{text.lang_names_fr}</option>
                        <option value="en">{text.lang_names_en}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="city-origins">{text.origins}</label>
                    <p id="city-origins-help" class="muted">{text.origins_help}</p>
                    <textarea id="city-origins" rows="4" spellcheck="false"
                        prop:value=move || origins.get()
                        on:input=move |ev| origins.set(event_target_value(&ev))
                        aria-invalid=move || (!origin_messages().is_empty()).to_string()
                        aria-describedby="city-origins-help city-origins-hints"></textarea>
                    <ul id="city-origins-hints" class="error">
                        {move || origin_messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </div>
                <fieldset>
                    <legend>{text.colours}</legend>
                    <p id="colours-help" class="muted">{text.colours_help}</p>
                    <ColourField id="city-accent" label=text.accent value=accent
                        error=Signal::derive(move || error_for("theme.accent")) />
                    <ColourField id="city-accent-text" label=text.accent_text value=accent_text
                        error=Signal::derive(move || error_for("theme.accent_text")) />
                    <div class="field">
                        <label for="city-radius">{text.radius}</label>
                        <input id="city-radius" type="number" min="0" max="24" inputmode="numeric"
                            prop:value=move || radius.get()
                            on:input=move |ev| radius.set(event_target_value(&ev))
                            aria-invalid=move || error_for("theme.radius_px").is_some().to_string()
                            aria-describedby="city-radius-error" />
                        <p id="city-radius-error" class="error">{move || error_for("theme.radius_px")}</p>
                    </div>
                    <ColourSample accent=accent accent_text=accent_text radius=radius />
                    <div role="status">
                        <ul class="warning">
                            {move || warnings().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                        </ul>
                    </div>
                </fieldset>
                <div class="field">
                    <label for="city-retention">{text.retention}</label>
                    <p id="city-retention-help" class="muted">{text.retention_help}</p>
                    <input id="city-retention" type="number" inputmode="numeric"
                        min=MIN_RETENTION_DAYS max=MAX_RETENTION_DAYS
                        prop:value=move || retention.get()
                        on:input=move |ev| retention.set(event_target_value(&ev))
                        aria-invalid=move || error_for("retention_days").is_some().to_string()
                        aria-describedby="city-retention-help city-retention-error" />
                    <p id="city-retention-error" class="error">{move || error_for("retention_days")}</p>
                </div>
                <p class="actions">
                    <button type="submit" class="primary">{text.save}</button>
                    <span role="status" class=move || if notice.get().is_some_and(|n| n.1) { "error" } else { "" }>
                        {move || notice.get().map(|n| n.0)}
                    </span>
                </p>
            </form>
        }
    };

    view! {
        <h1>{move || ui.text().settings}</h1>
        {move || match loaded.get() {
            None => view! { <p>{ui.text().loading}</p> }.into_any(),
            Some(false) => view! { <p class="error" role="alert">{ui.text().load_failed}</p> }.into_any(),
            Some(true) => form().into_any(),
        }}
        <IdentityProviderSection />
    }
}

/// A `#rrggbb` value shown as a colour, or the default while it is not one.
fn colour_or(value: String, default: &'static str) -> String {
    let value = value.trim().to_owned();
    if parvis_model::contrast::is_hex_colour(&value) {
        value
    } else {
        default.to_owned()
    }
}

/// One colour field: a `#rrggbb` text box with its error.
#[component]
fn ColourField(
    /// The input's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// The value.
    value: RwSignal<String>,
    /// The field's error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" maxlength="7" spellcheck="false" autocomplete="off"
                placeholder="#1d4ed8"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=format!("colours-help {error_id}") />
            <p id=error_id class="error">{move || error.get()}</p>
        </div>
    }
}

/// A button and a link in the chosen colours. Drawn in SVG, as an image: the
/// colours may be ones the warning above says are unreadable, and the
/// warning is what assistive technologies read.
#[component]
fn ColourSample(
    /// Main colour.
    accent: RwSignal<String>,
    /// Text on the main colour.
    accent_text: RwSignal<String>,
    /// Corner radius in pixels, as typed.
    radius: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let fill = move || colour_or(accent.get(), DEFAULT_ACCENT);
    let on_fill = move || colour_or(accent_text.get(), DEFAULT_ACCENT_TEXT);
    let corner = move || radius.get().trim().parse::<u8>().unwrap_or(8).min(24);
    view! {
        <svg class="swatch" role="img" width="320" height="48" viewBox="0 0 320 48"
            aria-label=move || ui.text().colour_sample>
            <rect x="1" y="4" width="120" height="40" rx=corner fill=fill></rect>
            <text x="61" y="29" text-anchor="middle" font-weight="600" fill=on_fill>
                {move || ui.text().sample_button}
            </text>
            <text x="140" y="29" text-decoration="underline" fill=fill>
                {move || ui.text().sample_link}
            </text>
        </svg>
    }
}
