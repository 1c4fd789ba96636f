//! The names residents sign ideas and comments with. Only staff speak as
//! the city (their replies are marked by the API, never by a name), so a
//! resident's name may not pose as the city hall, its staff or Parvis.

use crate::fields::{FieldError, FieldErrorCode};
use crate::text::{Lines, clean_optional};
use unicode_normalization::UnicodeNormalization;

/// Longest display name.
pub const MAX_DISPLAY_NAME: usize = 60;

/// Words and phrases a resident's name may not contain, compared without
/// accents, case, punctuation or spacing ("Mairie", "M.A.I.R.I.E",
/// "Réponse de la mairie", "City Hall"…).
const RESERVED: &[&str] = &[
    "mairie",
    "hoteldeville",
    "villede",
    "conseilmunicipal",
    "cityhall",
    "townhall",
    "cityof",
    "cityreply",
    "citycouncil",
    "moderat",
    "administrat",
    "admin",
    "parvis",
    "officiel",
    "official",
];

/// Letters and digits only, lowercase, accents removed, for comparison.
fn skeleton(name: &str) -> String {
    name.nfkd()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a name poses as the city, its staff or Parvis.
pub fn is_reserved(name: &str) -> bool {
    let skeleton = skeleton(name);
    RESERVED.iter().any(|word| skeleton.contains(word))
}

/// Cleans an optional display name for `field`: trimmed, NFC, one line, at
/// most [`MAX_DISPLAY_NAME`] characters, and not reserved.
pub fn clean_display_name(field: &str, input: Option<&str>) -> Result<Option<String>, FieldError> {
    let name = clean_optional(field, input, MAX_DISPLAY_NAME, Lines::Single)?;
    match name {
        Some(name) if is_reserved(&name) => Err(FieldError::new(field, FieldErrorCode::Reserved)),
        name => Ok(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_pose_as_the_city_are_reserved() {
        for name in [
            "Mairie",
            "mairie de Démoville",
            "M.A.I.R.I.E",
            "Réponse de la mairie",
            "Hôtel de Ville",
            "Ville de Démoville",
            "City Hall",
            "City reply",
            "Modératrice",
            "moderator",
            "Admin",
            "Parvis",
            "Compte officiel",
            "ＭＡＩＲＩＥ",
        ] {
            assert!(is_reserved(name), "{name}");
        }
    }

    #[test]
    fn ordinary_names_are_not() {
        for name in [
            "Camille",
            "Jean-Pierre M.",
            "Habitante du quartier",
            "Léa 🌳",
            "Marie",
            "Lemaire",
            "École primaire",
        ] {
            assert!(!is_reserved(name), "{name}");
        }
    }

    #[test]
    fn a_reserved_name_is_a_field_error() {
        let error = clean_display_name("display_name", Some("  La Mairie ")).unwrap_err();
        assert_eq!(error.code, FieldErrorCode::Reserved);
        assert_eq!(clean_display_name("display_name", Some("  ")), Ok(None));
        assert_eq!(
            clean_display_name("display_name", Some(" Camille ")),
            Ok(Some("Camille".to_owned()))
        );
    }
}
