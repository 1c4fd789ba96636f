//! A city's settings as staff read and change them: its name, the origins
//! allowed to embed its widgets, its default language, its theme and how
//! long residents' text is kept after a consultation closes.

use crate::Lang;
use crate::contrast::is_hex_colour;
use crate::fields::{FieldError, FieldErrorCode, FieldErrors};
use crate::origin::normalize_origin;
use crate::text::{Lines, clean_text};
use serde::{Deserialize, Serialize};

/// Most embed origins per city.
pub const MAX_ORIGINS: usize = 20;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
