//! Creating and editing a widget: one form, fields per kind, field-level
//! errors from the API.

use crate::api::{self, Method};
use crate::app::use_ui;
use crate::pages::participation_field::ParticipationField;
use crate::pages::preview::{WidgetPreview, now_seconds, unix_seconds};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parvis_model::limits::{DEFAULT_NETWORK_DAILY_CAP, MAX_NETWORK_DAILY_CAP};
use parvis_model::participation::ParticipationLevel;
use parvis_model::staff::StaffWidget;
use parvis_model::widget_config::{OptionInput, WidgetConfig};
use parvis_model::{
    FieldError, Lang, ModerationMode, PollOption, ResultsVisibility, WidgetKind, WidgetStatus,
    WidgetView,
};

/// An option row being edited. Typing updates `label` without re-rendering
/// (so focus stays); adding, removing and moving rows re-render the list.
#[derive(Clone, PartialEq)]
struct Row {
    key: u32,
    id: Option<String>,
    label: String,
}

/// RFC 3339 → the `datetime-local` value in the browser's time zone.
fn to_local_input(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    let offset_ms = date.get_timezone_offset() * 60_000.0;
    let local = js_sys::Date::new(&(date.get_time() - offset_ms).into());
    String::from(local.to_iso_string())
        .chars()
        .take(16)
        .collect()
}

/// A `datetime-local` value (browser time zone) → RFC 3339 UTC.
fn from_local_input(value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let date = js_sys::Date::new(&value.into());
    date.get_time()
        .is_finite()
        .then(|| String::from(date.to_iso_string()))
}

/// The editor: `id` absent creates a widget.
#[component]
pub fn WidgetEditor(
    /// The widget to edit.
    id: Option<String>,
) -> impl IntoView {
    let ui = use_ui();
    let is_new = id.is_none();
    let kind = RwSignal::new(WidgetKind::Poll);
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let status = RwSignal::new(WidgetStatus::Draft);
    let opens_at = RwSignal::new(String::new());
    let closes_at = RwSignal::new(String::new());
    let visibility = RwSignal::new(ResultsVisibility::Always);
    let moderation = RwSignal::new(ModerationMode::AfterPublication);
    let multiple = RwSignal::new(false);
    let min_choices = RwSignal::new(1u32);
    let max_choices = RwSignal::new(2u32);
    let threshold = RwSignal::new(3u32);
    let network_cap = RwSignal::new(DEFAULT_NETWORK_DAILY_CAP);
    // `None`: the city's default language.
    let widget_lang = RwSignal::new(None::<Lang>);
    let participation = RwSignal::new(ParticipationLevel::Open);
    let code_set = RwSignal::new(None::<i64>);
    // Once a poll has ballots, who can vote no longer changes.
    let voted = RwSignal::new(false);
    let next_key = StoredValue::new(2u32);
    let rows = RwSignal::new(vec![
        Row {
            key: 0,
            id: None,
            label: String::new(),
        },
        Row {
            key: 1,
            id: None,
            label: String::new(),
        },
    ]);
    // Typing an option's label does not redraw the rows (focus stays); it
    // bumps this so the preview follows.
    let labels_changed = RwSignal::new(0u32);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let notice = RwSignal::new(None::<(&'static str, bool)>);

    if let Some(id) = id.clone() {
        spawn_local(async move {
            match api::get::<StaffWidget>(&api::widget_path(&id, "")).await {
                Ok(w) => {
                    kind.set(w.kind);
                    title.set(w.title);
                    description.set(w.description);
                    status.set(w.status);
                    opens_at.set(
                        w.opens_at
                            .as_deref()
                            .map(to_local_input)
                            .unwrap_or_default(),
                    );
                    closes_at.set(
                        w.closes_at
                            .as_deref()
                            .map(to_local_input)
                            .unwrap_or_default(),
                    );
                    visibility.set(w.results_visibility);
                    moderation.set(w.moderation);
                    multiple.set(w.max_choices > 1);
                    min_choices.set(w.min_choices);
                    max_choices.set(w.max_choices.max(2));
                    threshold.set(w.report_threshold);
                    network_cap.set(w.network_daily_cap);
                    widget_lang.set(w.lang);
                    participation.set(w.participation);
                    code_set.set(w.code_set_id);
                    voted.set(w.options.iter().any(|o| o.count.unwrap_or(0) > 0));
                    let loaded: Vec<Row> = w
                        .options
                        .into_iter()
                        .enumerate()
                        .map(|(i, o)| Row {
                            key: i as u32,
                            id: Some(o.id),
                            label: o.label,
                        })
                        .collect();
                    next_key.set_value(loaded.len() as u32);
                    rows.set(loaded);
                }
                Err(failure) => ui.check(&failure),
            }
        });
    }

    let error_for = move |field: String| {
        errors.with(|all| crate::i18n::message_for(ui.lang.get(), all, &field))
    };
    let on_submit = {
        let id = id.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            let poll = kind.get_untracked() == WidgetKind::Poll;
            // Other kinds are always open; only `code` names a set.
            let level = if poll {
                participation.get_untracked()
            } else {
                ParticipationLevel::Open
            };
            let (min, max) = if multiple.get_untracked() {
                (min_choices.get_untracked(), max_choices.get_untracked())
            } else {
                (1, 1)
            };
            let config = WidgetConfig {
                kind: kind.get_untracked(),
                title: title.get_untracked(),
                description: description.get_untracked(),
                status: status.get_untracked(),
                opens_at: from_local_input(&opens_at.get_untracked()),
                closes_at: from_local_input(&closes_at.get_untracked()),
                results_visibility: visibility.get_untracked(),
                moderation: moderation.get_untracked(),
                min_choices: min,
                max_choices: max,
                report_threshold: threshold.get_untracked(),
                network_daily_cap: Some(network_cap.get_untracked()),
                lang: widget_lang.get_untracked(),
                participation: level,
                code_set_id: code_set
                    .get_untracked()
                    .filter(|_| level == ParticipationLevel::Code),
                options: if poll {
                    rows.get_untracked()
                        .iter()
                        .map(|r| OptionInput {
                            id: r.id.clone(),
                            label: r.label.clone(),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            };
            let id = id.clone();
            spawn_local(async move {
                let result = match &id {
                    None => {
                        api::send::<_, StaffWidget>(
                            Method::Post,
                            "/v1/staff/widgets",
                            Some(&config),
                        )
                        .await
                    }
                    Some(id) => {
                        api::send::<_, StaffWidget>(
                            Method::Put,
                            &api::widget_path(id, ""),
                            Some(&config),
                        )
                        .await
                    }
                };
                match result {
                    Ok(Some(saved)) => {
                        errors.set(Vec::new());
                        notice.set(Some((ui.text().saved, false)));
                        ui.go(&format!("#/widgets/{}", saved.id));
                    }
                    Ok(None) => {}
                    Err(failure) => {
                        ui.check(&failure);
                        errors.set(failure.field_errors());
                        notice.set(Some((
                            if failure.field_errors().is_empty() {
                                ui.text().network_error
                            } else {
                                ui.text().fix_errors
                            },
                            true,
                        )));
                    }
                }
            });
        }
    };

    let text_field = move |id: &'static str,
                           field: &'static str,
                           label: &'static str,
                           value: RwSignal<String>,
                           multiline: bool| {
        let error_id = format!("{id}-error");
        let message = move || error_for(field.to_owned());
        let described = {
            let error_id = error_id.clone();
            move || message().map(|_| error_id.clone())
        };
        let control = if multiline {
            view! { <textarea id=id rows="3" aria-invalid=move || message().is_some().to_string() aria-describedby=described.clone()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea> }.into_any()
        } else {
            view! { <input id=id type="text" aria-invalid=move || message().is_some().to_string() aria-describedby=described.clone()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {control}
                {move || message().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            </div>
        }
    };

    let options_editor = move || {
        let text = ui.text();
        let list = rows.get();
        let count = list.len();
        view! {
            <fieldset>
                <legend>{text.options}</legend>
                {move || error_for("options".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
                {list.into_iter().enumerate().map(|(index, row)| {
                    let input_id = format!("option-{}", row.key);
                    let field = format!("options[{index}].label");
                    let message = {
                        let field = field.clone();
                        move || error_for(field.clone())
                    };
                    let message_again = message.clone();
                    let label = row.label.clone();
                    let key = row.key;
                    let move_by = move |delta: i32| rows.update(|r| {
                        if let Some(at) = r.iter().position(|x| x.key == key) {
                            let to = at as i32 + delta;
                            if to >= 0 && (to as usize) < r.len() { r.swap(at, to as usize); }
                        }
                    });
                    view! {
                        <div class="option-row">
                            <label for=input_id.clone() class="visually-hidden">{format!("{} {}", text.option, index + 1)}</label>
                            <input id=input_id type="text" aria-invalid=move || message().is_some().to_string()
                                prop:value=label on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    rows.update_untracked(|r| {
                                        if let Some(row) = r.iter_mut().find(|x| x.key == key) {
                                            row.label = value;
                                        }
                                    });
                                    labels_changed.update(|n| *n += 1);
                                } />
                            <button type="button" disabled=index == 0 on:click=move |_| move_by(-1)
                                aria-label=format!("{} ({} {})", text.move_up, text.option, index + 1)>"↑"</button>
                            <button type="button" disabled=index + 1 == count on:click=move |_| move_by(1)
                                aria-label=format!("{} ({} {})", text.move_down, text.option, index + 1)>"↓"</button>
                            <button type="button" class="danger" on:click=move |_| rows.update(|r| r.retain(|x| x.key != key))
                                aria-label=format!("{} ({} {})", text.remove, text.option, index + 1)>{text.remove}</button>
                            {move || message_again().map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                    }
                }).collect_view()}
                <button type="button" on:click=move |_| {
                    let key = next_key.get_value();
                    next_key.set_value(key + 1);
                    rows.update(|r| r.push(Row { key, id: None, label: String::new() }));
                }>{text.add_option}</button>
            </fieldset>
        }
    };

    let choice = move |name: &'static str,
                       legend: &'static str,
                       values: Vec<(&'static str, bool)>,
                       on: Box<dyn Fn(usize) + Send + Sync>| {
        let on = std::sync::Arc::new(on);
        view! {
            <fieldset>
                <legend>{legend}</legend>
                {values.into_iter().enumerate().map(|(i, (label, checked))| {
                    let on = on.clone();
                    let id = format!("{name}-{i}");
                    view! {
                        <div>
                            <input type="radio" id=id.clone() name=name prop:checked=checked on:change=move |_| on(i) />
                            " "<label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    };

    let preview = Signal::derive(move || {
        labels_changed.track();
        let opens = from_local_input(&opens_at.get());
        let closes = from_local_input(&closes_at.get());
        // A draft is previewed as residents will see it once opened.
        let configured = match status.get() {
            WidgetStatus::Draft => WidgetStatus::Open,
            other => other,
        };
        let (min, max) = if multiple.get() {
            (min_choices.get(), max_choices.get())
        } else {
            (1, 1)
        };
        WidgetView {
            id: "preview".to_owned(),
            kind: kind.get(),
            title: title.get(),
            description: description.get(),
            status: configured.effective(
                opens.as_deref().and_then(unix_seconds),
                closes.as_deref().and_then(unix_seconds),
                now_seconds(),
            ),
            opens_at: opens,
            closes_at: closes,
            moderation: moderation.get(),
            min_choices: min,
            max_choices: max,
            results_visibility: visibility.get(),
            has_voted: false,
            lang: widget_lang.get().unwrap_or_else(|| {
                ui.me.with_untracked(|me| {
                    me.as_ref()
                        .map(|m| Lang::from_tag(&m.city.default_lang))
                        .unwrap_or_default()
                })
            }),
            total_ballots: None,
            participation: match kind.get() {
                WidgetKind::Poll => participation.get(),
                _ => ParticipationLevel::Open,
            },
            identity_provider: None,
            options: rows.with(|rows| {
                rows.iter()
                    .filter(|row| !row.label.trim().is_empty())
                    .map(|row| PollOption {
                        id: format!("preview-{}", row.key),
                        label: row.label.clone(),
                        count: None,
                    })
                    .collect()
            }),
            theme: ui
                .me
                .with_untracked(|me| me.as_ref().map(|m| m.city.theme.clone())),
        }
    });

    view! {
        <h1>{move || if is_new { ui.text().new_widget.to_owned() } else { format!("{} – {}", ui.text().edit, title.get()) }}</h1>
        <div class="editor-layout">
        <form class="card" on:submit=on_submit novalidate>
            {move || is_new.then(|| {
                let text = ui.text();
                let current = kind.get();
                choice("kind", text.kind, vec![
                    (text.kinds[0], current == WidgetKind::Poll),
                    (text.kinds[1], current == WidgetKind::Ideas),
                    (text.kinds[2], current == WidgetKind::Comments),
                ], Box::new(move |i| kind.set([WidgetKind::Poll, WidgetKind::Ideas, WidgetKind::Comments][i])))
            })}
            {move || text_field("title", "title", ui.text().title, title, false)}
            {move || text_field("description", "description", ui.text().description, description, true)}
            {move || {
                let text = ui.text();
                let current = status.get();
                choice("status", text.status, vec![
                    (text.statuses[0], current == WidgetStatus::Draft),
                    (text.statuses[1], current == WidgetStatus::Open),
                    (text.statuses[2], current == WidgetStatus::Closed),
                ], Box::new(move |i| status.set([WidgetStatus::Draft, WidgetStatus::Open, WidgetStatus::Closed][i])))
            }}
            <div class="field">
                <label for="opens-at">{move || ui.text().opens_at}</label>
                <input id="opens-at" type="datetime-local" prop:value=move || opens_at.get() on:input=move |ev| opens_at.set(event_target_value(&ev)) />
                {move || error_for("opens_at".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="closes-at">{move || ui.text().closes_at}</label>
                <input id="closes-at" type="datetime-local" prop:value=move || closes_at.get() on:input=move |ev| closes_at.set(event_target_value(&ev)) />
                {move || error_for("closes_at".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            {move || (kind.get() == WidgetKind::Poll).then(|| {
                let text = ui.text();
                let is_multiple = multiple.get();
                view! {
                    {choice("mode", text.choice_mode, vec![(text.single_choice, !is_multiple), (text.multiple_choice, is_multiple)],
                        Box::new(move |i| multiple.set(i == 1)))}
                    {is_multiple.then(|| view! {
                        <div class="field">
                            <label for="min-choices">{text.min_choices}</label>
                            <input id="min-choices" type="number" min="1" prop:value=move || min_choices.get().to_string()
                                on:input=move |ev| min_choices.set(event_target_value(&ev).parse().unwrap_or(1)) />
                        </div>
                        <div class="field">
                            <label for="max-choices">{text.max_choices}</label>
                            <input id="max-choices" type="number" min="1" prop:value=move || max_choices.get().to_string()
                                on:input=move |ev| max_choices.set(event_target_value(&ev).parse().unwrap_or(1)) />
                            {move || error_for("max_choices".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                    })}
                    {options_editor}
                    {choice("visibility", text.results_visibility, vec![
                        (text.visibilities[0], visibility.get_untracked() == ResultsVisibility::Always),
                        (text.visibilities[1], visibility.get_untracked() == ResultsVisibility::AfterVoting),
                        (text.visibilities[2], visibility.get_untracked() == ResultsVisibility::AfterClosing),
                    ], Box::new(move |i| visibility.set([ResultsVisibility::Always, ResultsVisibility::AfterVoting, ResultsVisibility::AfterClosing][i])))}
                }
            })}
            // Its own block: switching single and multiple choice must not
            // load the code sets again.
            {move || (kind.get() == WidgetKind::Poll).then(|| view! {
                <ParticipationField level=participation code_set locked=voted.into() errors />
            }.into_any())}
            {move || (kind.get() != WidgetKind::Poll).then(|| {
                let text = ui.text();
                view! {
                    {choice("moderation", text.moderation_mode, vec![
                        (text.moderation_modes[0], moderation.get_untracked() == ModerationMode::BeforePublication),
                        (text.moderation_modes[1], moderation.get_untracked() == ModerationMode::AfterPublication),
                    ], Box::new(move |i| moderation.set([ModerationMode::BeforePublication, ModerationMode::AfterPublication][i])))}
                    <div class="field">
                        <label for="threshold">{text.report_threshold}</label>
                        <input id="threshold" type="number" min="1" max="100" prop:value=move || threshold.get().to_string()
                            on:input=move |ev| threshold.set(event_target_value(&ev).parse().unwrap_or(3)) />
                    </div>
                }
            })}
            <div class="field">
                <label for="network-cap">{move || ui.text().network_daily_cap}</label>
                <input id="network-cap" type="number" min="1" max=MAX_NETWORK_DAILY_CAP.to_string()
                    aria-describedby="network-cap-hint" prop:value=move || network_cap.get().to_string()
                    on:input=move |ev| network_cap.set(event_target_value(&ev).parse().unwrap_or(0)) />
                <p id="network-cap-hint" class="muted">{move || ui.text().network_daily_cap_hint}</p>
                {move || error_for("network_daily_cap".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="widget-lang">{move || ui.text().widget_lang}</label>
                <select id="widget-lang" aria-describedby="widget-lang-hint"
                    prop:value=move || widget_lang.get().map_or("", Lang::tag)
                    on:change=move |ev| widget_lang.set(match event_target_value(&ev).as_str() {
                        "" => None,
                        tag => Some(Lang::from_tag(tag)),
                    })>
                    <option value="">{move || ui.text().widget_lang_city}</option>
                    <option value="fr" lang="fr">"Français"</option>
                    <option value="en" lang="en">"English"</option>
                </select>
                <p id="widget-lang-hint" class="muted">{move || ui.text().widget_lang_hint}</p>
                {move || error_for("lang".to_owned()).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            {move || notice.get().map(|(m, is_error)| view! { <p class=if is_error { "error" } else { "success" } role="alert">{m}</p> })}
            <button type="submit" class="primary">{move || ui.text().save}</button>
        </form>
        <WidgetPreview view=preview />
        </div>
    }
}
