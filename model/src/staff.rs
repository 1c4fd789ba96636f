//! Staff accounts, cities' settings and moderation: the staff API's payloads.

use crate::Lang;
use crate::comments::ReportReason;
use crate::fields::{FieldError, FieldErrorCode, FieldErrors};
use crate::ideas::{IdeaStatus, Visibility};
use crate::origin::normalize_origin;
use crate::text::{Lines, clean_text};
use crate::widget::{ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use serde::{Deserialize, Serialize};

/// Shortest password staff may choose.
pub const MIN_PASSWORD: usize = 12;
/// Longest password accepted (PBKDF2 input stays bounded).
pub const MAX_PASSWORD: usize = 256;
/// Most embed origins per city.
pub const MAX_ORIGINS: usize = 20;

pub use crate::role::Role;

/// Body of `POST /v1/staff/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// Account e-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// A city's brand, applied to its widgets as CSS custom properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Accent colour (`#rrggbb`): buttons, bars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Text on the accent colour (`#rrggbb`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_text: Option<String>,
    /// Corner radius in pixels (0 to 24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius_px: Option<u8>,
}

/// A city's settings, as staff read them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityView {
    /// URL-safe name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Page origins allowed to embed the city's widgets.
    pub allowed_origins: Vec<String>,
    /// Language of widgets when the page says none (`fr` or `en`).
    pub default_lang: String,
    /// Brand.
    pub theme: Theme,
    /// Days residents' text and voter hashes are kept after a consultation
    /// closes; then only counts remain.
    pub retention_days: u32,
}

/// Retention after closing when a city sets none: a year, long enough for
/// the council to decide on the results and for any appeal against that
/// decision (two months in French administrative law) to run its course,
/// short of keeping residents' words for the next consultation.
pub const DEFAULT_RETENTION_DAYS: u32 = 365;
/// The shortest retention a city can set: a month to export and archive.
pub const MIN_RETENTION_DAYS: u32 = 30;
/// The longest: ten years.
pub const MAX_RETENTION_DAYS: u32 = 3_650;

/// Body of `PATCH /v1/staff/city` (admins only); absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityUpdate {
    /// New display name.
    #[serde(default)]
    pub name: Option<String>,
    /// New list of origins (replaces the old one).
    #[serde(default)]
    pub allowed_origins: Option<Vec<String>>,
    /// New default language.
    #[serde(default)]
    pub default_lang: Option<String>,
    /// New theme (replaces the old one).
    #[serde(default)]
    pub theme: Option<Theme>,
    /// New retention after closing, in days.
    #[serde(default)]
    pub retention_days: Option<u32>,
}

/// A validated city update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCityUpdate {
    /// Cleaned name.
    pub name: Option<String>,
    /// Normalised origins.
    pub allowed_origins: Option<Vec<String>>,
    /// `fr` or `en`.
    pub default_lang: Option<Lang>,
    /// Checked theme.
    pub theme: Option<Theme>,
    /// Checked retention.
    pub retention_days: Option<u32>,
}

/// Whether a value is a `#rrggbb` colour.
pub fn is_hex_colour(value: &str) -> bool {
    value.len() == 7 && value.starts_with('#') && value[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1.0 to 21.0).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let luminance = |colour: &str| -> Option<f64> {
        if !is_hex_colour(colour) {
            return None;
        }
        let channel = |range: std::ops::Range<usize>| -> Option<f64> {
            let value = f64::from(u8::from_str_radix(&colour[range], 16).ok()?) / 255.0;
            Some(if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            })
        };
        Some(0.2126 * channel(1..3)? + 0.7152 * channel(3..5)? + 0.0722 * channel(5..7)?)
    };
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

/// Validates a city update, reporting every field at once.
pub fn validate_city_update(update: &CityUpdate) -> Result<ValidCityUpdate, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let name = match &update.name {
        Some(name) => errors
            .take(clean_text("name", name, 120, Lines::Single))
            .map(Some),
        None => Some(None),
    };
    let allowed_origins = match &update.allowed_origins {
        None => Some(None),
        Some(origins) if origins.len() > MAX_ORIGINS => {
            errors.push(
                FieldError::new("allowed_origins", FieldErrorCode::TooLong).with_limit(MAX_ORIGINS),
            );
            None
        }
        Some(origins) => {
            let mut clean: Vec<String> = Vec::new();
            for (index, origin) in origins.iter().enumerate() {
                let field = format!("allowed_origins[{index}]");
                match normalize_origin(origin) {
                    Ok(origin) if clean.contains(&origin) => {
                        errors.push(FieldError::new(field, FieldErrorCode::Duplicate));
                    }
                    Ok(origin) => clean.push(origin),
                    Err(_) => errors.push(FieldError::new(field, FieldErrorCode::InvalidFormat)),
                }
            }
            Some(Some(clean))
        }
    };
    let default_lang = match update.default_lang.as_deref() {
        None => Some(None),
        Some("fr") => Some(Some(Lang::Fr)),
        Some("en") => Some(Some(Lang::En)),
        Some(_) => {
            errors.push(FieldError::new("default_lang", FieldErrorCode::OutOfRange));
            None
        }
    };
    if let Some(theme) = &update.theme {
        for (field, colour) in [
            ("theme.accent", &theme.accent),
            ("theme.accent_text", &theme.accent_text),
        ] {
            if colour.as_deref().is_some_and(|c| !is_hex_colour(c)) {
                errors.push(FieldError::new(field, FieldErrorCode::InvalidFormat));
            }
        }
        if theme.radius_px.is_some_and(|r| r > 24) {
            errors.push(
                FieldError::new("theme.radius_px", FieldErrorCode::OutOfRange).with_limit(24),
            );
        }
    }
    if update
        .retention_days
        .is_some_and(|days| !(MIN_RETENTION_DAYS..=MAX_RETENTION_DAYS).contains(&days))
    {
        errors.push(
            FieldError::new("retention_days", FieldErrorCode::OutOfRange)
                .with_limit(MAX_RETENTION_DAYS as usize),
        );
    }
    errors.finish(|| {
        Some(ValidCityUpdate {
            name: name?,
            allowed_origins: allowed_origins?,
            default_lang: default_lang?,
            theme: update.theme.clone(),
            retention_days: update.retention_days,
        })
    })
}

/// The signed-in staff member, from `GET /v1/staff/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    /// The account.
    pub account: StaffAccount,
    /// Their city.
    pub city: CityView,
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    /// Identifier.
    pub id: i64,
    /// E-mail, the sign-in name.
    pub email: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Whether they must change their temporary password.
    pub must_change_password: bool,
}

/// Body of `POST /v1/staff/accounts` (admins only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStaff {
    /// E-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Temporary password, to change at first sign-in.
    pub temporary_password: String,
}

/// A validated new account (e-mail lowercased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewStaff {
    /// Lowercased e-mail.
    pub email: String,
    /// Cleaned name.
    pub display_name: String,
    /// Role.
    pub role: Role,
}

/// Checks an e-mail's shape (one `@`, a dotted domain, no spaces) and lowercases it.
pub fn normalize_email(field: &str, email: &str) -> Result<String, FieldError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(FieldError::new(field, FieldErrorCode::InvalidFormat))
    }
}

/// Checks a new password's length.
pub fn check_password(field: &str, password: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(FieldError::new(field, FieldErrorCode::TooShort).with_limit(MIN_PASSWORD));
    }
    if length > MAX_PASSWORD {
        return Err(FieldError::new(field, FieldErrorCode::TooLong).with_limit(MAX_PASSWORD));
    }
    Ok(())
}

/// Validates a new account.
pub fn validate_new_staff(new: &NewStaff) -> Result<ValidNewStaff, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let email = errors.take(normalize_email("email", &new.email));
    let display_name = errors.take(clean_text(
        "display_name",
        &new.display_name,
        80,
        Lines::Single,
    ));
    errors.take(check_password(
        "temporary_password",
        &new.temporary_password,
    ));
    errors.finish(|| {
        Some(ValidNewStaff {
            email: email?,
            display_name: display_name?,
            role: new.role,
        })
    })
}

/// Body of `PUT /v1/staff/me/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The current password.
    pub current_password: String,
    /// The new one.
    pub new_password: String,
}

/// A widget as staff see it in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffWidgetSummary {
    /// Public id.
    pub id: String,
    /// Kind.
    pub kind: WidgetKind,
    /// Title.
    pub title: String,
    /// Configured status.
    pub status: WidgetStatus,
    /// Ballots, ideas or comments received.
    pub participation: u64,
    /// Time of the last ballot, idea or comment (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_activity: Option<String>,
}

/// A widget's full configuration as staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffWidget {
    /// Public id.
    pub id: String,
    /// Kind.
    pub kind: WidgetKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Configured status.
    pub status: WidgetStatus,
    /// Opening time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    /// Closing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
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
    /// Ballots, ideas or reports one network may bring in a day.
    pub network_daily_cap: u32,
    /// The widget's own language; absent: the city's default language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
    /// Polls: who may vote.
    #[serde(default)]
    pub participation: crate::participation::ParticipationLevel,
    /// Polls with `code` participation: their code set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_set_id: Option<i64>,
    /// Poll options with their ids.
    pub options: Vec<crate::PollOption>,
    /// When staff archived it (hidden from residents, read-only), if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    /// When a complete export of it was last downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// When the city's retention period erased residents' text in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purged_at: Option<String>,
}

/// What a moderation item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An idea.
    Idea,
    /// A comment.
    Comment,
}

/// The reports on a comment for one reason, however many: how many, when
/// the latest came, and the latest details given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    /// Reason.
    pub reason: ReportReason,
    /// How many residents reported the comment for it.
    pub count: u64,
    /// When the latest came (RFC 3339).
    pub latest_at: String,
    /// The latest details, newest first: at most [`REPORT_DETAILS_SHOWN`].
    pub latest_details: Vec<String>,
}

/// How many of a reason's latest details the moderation queue shows.
pub const REPORT_DETAILS_SHOWN: usize = 3;

/// An item awaiting a moderator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationItem {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
    /// Its widget.
    pub widget_id: String,
    /// Its widget's title.
    pub widget_title: String,
    /// The idea's title, or the comment's text.
    pub text: String,
    /// The idea's description (empty for comments).
    pub description: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Current visibility.
    pub visibility: Visibility,
    /// Reports by reason, most reported first, for reported comments.
    pub reports: Vec<ReportGroup>,
    /// When it was written (RFC 3339).
    pub created_at: String,
}

/// What a moderator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Publish.
    Approve,
    /// Refuse; it never shows.
    Reject,
    /// Take it off the page.
    Hide,
}

/// One item of an undo: its state before the decision being undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndoItem {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
    /// Its visibility in the queue: pending, published or hidden.
    pub visibility: Visibility,
}

/// Body of `POST /v1/staff/moderation/undo`: items put back as they were in
/// the queue before a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationUndo {
    /// 1 to 100 items.
    pub items: Vec<UndoItem>,
}

/// One item named in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// Idea or comment.
    pub kind: ItemKind,
    /// Its id.
    pub id: i64,
}

/// Body of `POST /v1/staff/moderation/decisions`: one decision for one or more items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationDecision {
    /// The decision.
    pub decision: Decision,
    /// The items (1 to 100).
    pub items: Vec<ItemRef>,
}

/// An idea with moderation details, as staff list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffIdea {
    /// Identifier.
    pub id: i64,
    /// Widget.
    pub widget_id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Status.
    pub status: IdeaStatus,
    /// Visibility.
    pub visibility: Visibility,
    /// Supports.
    pub supports: u64,
    /// Official answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_answer: Option<String>,
    /// When (RFC 3339).
    pub created_at: String,
}

/// A comment with moderation details, as staff export it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffComment {
    /// Identifier.
    pub id: i64,
    /// Widget.
    pub widget_id: String,
    /// The comment it replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// Text (empty once deleted by its author).
    pub body: String,
    /// Signed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Visibility.
    pub visibility: Visibility,
    /// Deleted by its author.
    pub deleted: bool,
    /// Supports.
    pub supports: u64,
    /// Distinct reports.
    pub reports: u64,
    /// When (RFC 3339).
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast() {
        let white_on_blue = contrast_ratio("#ffffff", "#1d4ed8").expect("colours");
        assert!(
            white_on_blue > 6.0 && white_on_blue < 7.0,
            "{white_on_blue}"
        );
        assert_eq!(
            contrast_ratio("#000000", "#ffffff").map(|r| r.round()),
            Some(21.0)
        );
        assert_eq!(contrast_ratio("blue", "#ffffff"), None);
    }

    #[test]
    fn city_updates() {
        let update = CityUpdate {
            name: Some(" Ville ".into()),
            allowed_origins: Some(vec![
                "https://a.fr".into(),
                "HTTPS://A.FR".into(),
                "a.fr".into(),
            ]),
            default_lang: Some("de".into()),
            theme: Some(Theme {
                accent: Some("#12345".into()),
                accent_text: None,
                radius_px: Some(30),
            }),
            retention_days: Some(7),
        };
        let fields: Vec<String> = validate_city_update(&update)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "allowed_origins[1]",
                "allowed_origins[2]",
                "default_lang",
                "theme.accent",
                "theme.radius_px",
                "retention_days"
            ]
        );
    }

    #[test]
    fn emails_and_passwords() {
        assert_eq!(
            normalize_email("e", " Marie@Ville.FR "),
            Ok("marie@ville.fr".into())
        );
        for bad in [
            "marie",
            "marie@ville",
            "@ville.fr",
            "ma rie@ville.fr",
            "a@b@c.fr",
        ] {
            assert!(normalize_email("e", bad).is_err(), "{bad}");
        }
        assert!(check_password("p", "court").is_err());
        assert!(check_password("p", "assez-long-pour-passer").is_ok());
    }
}
