//! What staff send to create or change a widget, and its validation.

use crate::Lang;
use crate::fields::{FieldError, FieldErrorCode, FieldErrors};
use crate::limits::MAX_NETWORK_DAILY_CAP;
use crate::participation::ParticipationLevel;
use crate::text::{Lines, clean_text};
use crate::time::{UnixSeconds, parse_rfc3339};
use crate::widget::{ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use serde::{Deserialize, Serialize};

/// Longest widget title.
pub const MAX_TITLE: usize = 200;
/// Longest widget description.
pub const MAX_DESCRIPTION: usize = 2_000;
/// Longest poll option label.
pub const MAX_OPTION_LABEL: usize = 200;
/// Fewest options a poll has.
pub const MIN_OPTIONS: usize = 2;
/// Most options a poll has.
pub const MAX_OPTIONS: usize = 20;
/// Default number of distinct reports that hide a comment.
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;

/// One poll option as staff edit it: an existing one keeps its `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionInput {
    /// The option's id, for an option that already exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The text residents read.
    pub label: String,
}

/// Body of `POST /v1/staff/widgets` and `PUT /v1/staff/widgets/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WidgetConfig {
    /// What the widget is; cannot change after creation.
    pub kind: WidgetKind,
    /// The question or heading.
    pub title: String,
    /// Optional context.
    #[serde(default)]
    pub description: String,
    /// `draft`, `open` or `closed`.
    #[serde(default = "default_status")]
    pub status: WidgetStatus,
    /// Optional opening time (RFC 3339).
    #[serde(default)]
    pub opens_at: Option<String>,
    /// Optional closing time (RFC 3339).
    #[serde(default)]
    pub closes_at: Option<String>,
    /// When counts are public.
    #[serde(default = "default_visibility")]
    pub results_visibility: ResultsVisibility,
    /// When resident content becomes public.
    #[serde(default = "default_moderation")]
    pub moderation: ModerationMode,
    /// Polls: fewest choices per ballot.
    #[serde(default = "one")]
    pub min_choices: u32,
    /// Polls: most choices per ballot (1 for single choice).
    #[serde(default = "one")]
    pub max_choices: u32,
    /// Comments: distinct reports that hide a comment until a moderator decides.
    #[serde(default = "default_threshold")]
    pub report_threshold: u32,
    /// Ballots, ideas or reports one network may bring in a day (supports:
    /// five times as many); raise it for a public meeting on one Wi-Fi.
    /// Absent: the default ([`crate::limits::DEFAULT_NETWORK_DAILY_CAP`]), which follows
    /// Parvis's default if it changes.
    #[serde(default)]
    pub network_daily_cap: Option<u32>,
    /// The language residents read the widget in, whatever the page's; absent:
    /// the city's default language.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Polls: who may vote (open, with an invitation code, with a verified
    /// identity). Other kinds are always open.
    #[serde(default)]
    pub participation: ParticipationLevel,
    /// Polls with `code` participation: the set of codes that admits voters
    /// (several polls of one consultation may share a set).
    #[serde(default)]
    pub code_set_id: Option<i64>,
    /// Polls: the options in display order.
    #[serde(default)]
    pub options: Vec<OptionInput>,
}

fn default_status() -> WidgetStatus {
    WidgetStatus::Draft
}
fn default_visibility() -> ResultsVisibility {
    ResultsVisibility::Always
}
fn default_moderation() -> ModerationMode {
    ModerationMode::AfterPublication
}
fn one() -> u32 {
    1
}
fn default_threshold() -> u32 {
    DEFAULT_REPORT_THRESHOLD
}

/// A poll option after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOption {
    /// Existing id, or `None` for an option to create.
    pub id: Option<String>,
    /// Cleaned label.
    pub label: String,
}

/// A widget configuration that passed validation, with cleaned text and
/// parsed times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidWidgetConfig {
    /// Kind.
    pub kind: WidgetKind,
    /// Cleaned title.
    pub title: String,
    /// Cleaned description (may be empty).
    pub description: String,
    /// Configured status (never `scheduled`).
    pub status: WidgetStatus,
    /// Opening time.
    pub opens_at: Option<UnixSeconds>,
    /// Closing time.
    pub closes_at: Option<UnixSeconds>,
    /// Results visibility.
    pub results_visibility: ResultsVisibility,
    /// Moderation mode.
    pub moderation: ModerationMode,
    /// Fewest choices per ballot.
    pub min_choices: u32,
    /// Most choices per ballot.
    pub max_choices: u32,
    /// Reports that hide a comment.
    pub report_threshold: u32,
    /// Daily participation cap per network, or the default.
    pub network_daily_cap: Option<u32>,
    /// The widget's own language; `None`: the city's.
    pub lang: Option<Lang>,
    /// Who may vote.
    pub participation: ParticipationLevel,
    /// The code set of a `code` poll (`None` otherwise).
    pub code_set_id: Option<i64>,
    /// Poll options in order; empty for other kinds.
    pub options: Vec<ValidOption>,
}

/// Whether an option id has the form the API generates (`[a-z0-9-]{1,40}`).
pub fn is_option_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Validates a whole configuration, reporting every field at once.
pub fn validate_widget_config(config: &WidgetConfig) -> Result<ValidWidgetConfig, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let title = errors.take(clean_text("title", &config.title, MAX_TITLE, Lines::Single));
    let description = if config.description.trim().is_empty() {
        Some(String::new())
    } else {
        errors.take(clean_text(
            "description",
            &config.description,
            MAX_DESCRIPTION,
            Lines::Multi,
        ))
    };
    if config.status == WidgetStatus::Scheduled {
        errors.push(FieldError::new("status", FieldErrorCode::OutOfRange));
    }
    let opens_at = errors.take(parse_time("opens_at", config.opens_at.as_deref()));
    let closes_at = errors.take(parse_time("closes_at", config.closes_at.as_deref()));
    if let (Some(Some(opens)), Some(Some(closes))) = (opens_at, closes_at)
        && closes <= opens
    {
        errors.push(FieldError::new("closes_at", FieldErrorCode::OutOfRange));
    }
    if !(1..=100).contains(&config.report_threshold) {
        errors
            .push(FieldError::new("report_threshold", FieldErrorCode::OutOfRange).with_limit(100));
    }
    if config
        .network_daily_cap
        .is_some_and(|cap| !(1..=MAX_NETWORK_DAILY_CAP).contains(&cap))
    {
        errors.push(
            FieldError::new("network_daily_cap", FieldErrorCode::OutOfRange)
                .with_limit(MAX_NETWORK_DAILY_CAP as usize),
        );
    }
    let options = match config.kind {
        WidgetKind::Poll => validate_poll(config, &mut errors),
        _ if config.options.is_empty() => Some(Vec::new()),
        _ => {
            errors.push(FieldError::new("options", FieldErrorCode::OutOfRange).with_limit(0));
            None
        }
    };
    match (config.kind, config.participation, config.code_set_id) {
        (_, ParticipationLevel::Open, None) => {}
        (WidgetKind::Poll, ParticipationLevel::Code, Some(_)) => {}
        (WidgetKind::Poll, ParticipationLevel::Verified, None) => {}
        (WidgetKind::Poll, ParticipationLevel::Code, None) => {
            errors.push(FieldError::new("code_set_id", FieldErrorCode::Required));
        }
        (WidgetKind::Poll, _, Some(_)) => {
            errors.push(FieldError::new("code_set_id", FieldErrorCode::OutOfRange));
        }
        (_, _, _) => {
            errors.push(FieldError::new("participation", FieldErrorCode::OutOfRange));
        }
    }
    let (min_choices, max_choices) = match config.kind {
        WidgetKind::Poll => (config.min_choices, config.max_choices),
        _ => (1, 1),
    };
    errors.finish(|| {
        Some(ValidWidgetConfig {
            kind: config.kind,
            title: title?,
            description: description?,
            status: config.status,
            opens_at: opens_at?,
            closes_at: closes_at?,
            results_visibility: config.results_visibility,
            moderation: config.moderation,
            min_choices,
            max_choices,
            report_threshold: config.report_threshold,
            network_daily_cap: config.network_daily_cap,
            lang: config.lang,
            participation: config.participation,
            code_set_id: config.code_set_id,
            options: options?,
        })
    })
}

fn parse_time(field: &str, text: Option<&str>) -> Result<Option<UnixSeconds>, FieldError> {
    match text {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => parse_rfc3339(text.trim())
            .map(Some)
            .ok_or_else(|| FieldError::new(field, FieldErrorCode::InvalidFormat)),
    }
}

fn validate_poll(config: &WidgetConfig, errors: &mut FieldErrors) -> Option<Vec<ValidOption>> {
    let count = config.options.len();
    if count < MIN_OPTIONS {
        errors.push(FieldError::new("options", FieldErrorCode::TooShort).with_limit(MIN_OPTIONS));
    }
    if count > MAX_OPTIONS {
        errors.push(FieldError::new("options", FieldErrorCode::TooLong).with_limit(MAX_OPTIONS));
        return None;
    }
    if config.min_choices < 1 {
        errors.push(FieldError::new("min_choices", FieldErrorCode::TooShort).with_limit(1));
    }
    if config.max_choices < config.min_choices || config.max_choices as usize > count.max(1) {
        errors.push(FieldError::new("max_choices", FieldErrorCode::OutOfRange).with_limit(count));
    }
    let mut options: Vec<ValidOption> = Vec::with_capacity(count);
    let mut all_valid = true;
    for (index, input) in config.options.iter().enumerate() {
        let field = format!("options[{index}].label");
        let label = errors.take(clean_text(
            &field,
            &input.label,
            MAX_OPTION_LABEL,
            Lines::Single,
        ));
        if let Some(id) = &input.id {
            let repeated = config.options[..index]
                .iter()
                .any(|o| o.id.as_ref() == Some(id));
            if !is_option_id(id) || repeated {
                let code = if repeated {
                    FieldErrorCode::Duplicate
                } else {
                    FieldErrorCode::InvalidFormat
                };
                errors.push(FieldError::new(format!("options[{index}].id"), code));
                all_valid = false;
            }
        }
        match label {
            Some(label) if options.iter().any(|o| o.label == label) => {
                errors.push(FieldError::new(field, FieldErrorCode::Duplicate));
                all_valid = false;
            }
            Some(label) => options.push(ValidOption {
                id: input.id.clone(),
                label,
            }),
            None => all_valid = false,
        }
    }
    all_valid.then_some(options)
}

/// A URL-safe slug of a title, for readable widget ids: lowercase ASCII
/// letters and digits joined by single dashes, at most 40 characters.
pub fn slugify(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::new();
    for c in title.nfd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation()) && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "widget".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll(options: &[&str]) -> WidgetConfig {
        WidgetConfig {
            kind: WidgetKind::Poll,
            title: "Question ?".into(),
            description: String::new(),
            status: WidgetStatus::Draft,
            opens_at: None,
            closes_at: None,
            results_visibility: ResultsVisibility::Always,
            moderation: ModerationMode::AfterPublication,
            min_choices: 1,
            max_choices: 1,
            report_threshold: 3,
            network_daily_cap: None,
            lang: None,
            participation: ParticipationLevel::Open,
            code_set_id: None,
            options: options
                .iter()
                .map(|label| OptionInput {
                    id: None,
                    label: (*label).into(),
                })
                .collect(),
        }
    }

    fn codes(config: &WidgetConfig) -> Vec<(String, FieldErrorCode)> {
        match validate_widget_config(config) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    #[test]
    fn a_valid_poll() {
        let valid = validate_widget_config(&poll(&[" Oui ", "Non"])).expect("valid");
        assert_eq!(valid.options[0].label, "Oui");
        assert_eq!(valid.options.len(), 2);
    }

    #[test]
    fn every_field_error_is_reported_at_once() {
        let mut config = poll(&["Oui", "Oui", ""]);
        config.title = " ".into();
        config.max_choices = 5;
        config.opens_at = Some("2026-12-02T00:00:00Z".into());
        config.closes_at = Some("2026-12-01T00:00:00Z".into());
        let got = codes(&config);
        let expected = [
            ("title", FieldErrorCode::Required),
            ("closes_at", FieldErrorCode::OutOfRange),
            ("max_choices", FieldErrorCode::OutOfRange),
            ("options[1].label", FieldErrorCode::Duplicate),
            ("options[2].label", FieldErrorCode::Required),
        ];
        let expected: Vec<(String, FieldErrorCode)> = expected
            .iter()
            .map(|(f, c)| ((*f).to_owned(), *c))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn polls_need_two_options_and_other_kinds_none() {
        assert_eq!(
            codes(&poll(&["Seule"])),
            [("options".to_owned(), FieldErrorCode::TooShort)]
        );
        let mut ideas = poll(&["x"]);
        ideas.kind = WidgetKind::Ideas;
        assert_eq!(
            codes(&ideas),
            [("options".to_owned(), FieldErrorCode::OutOfRange)]
        );
        ideas.options.clear();
        assert!(codes(&ideas).is_empty());
    }

    #[test]
    fn multiple_choice_bounds() {
        let mut config = poll(&["A", "B", "C"]);
        config.min_choices = 2;
        config.max_choices = 3;
        assert!(codes(&config).is_empty());
        config.min_choices = 0;
        assert_eq!(
            codes(&config),
            [("min_choices".to_owned(), FieldErrorCode::TooShort)]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Place du Marché : vos priorités ?"),
            "place-du-marche-vos-priorites"
        );
        assert_eq!(slugify("!!!"), "widget");
        assert!(slugify(&"long ".repeat(30)).len() <= 40);
    }
}
