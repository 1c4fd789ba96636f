//! The names residents sign ideas and comments with. Only staff speak as
//! the city (their replies are marked by the API, never by a name), so a
//! resident's name may not pose as the city hall, its staff or Parvis.

use crate::fields::{FieldError, FieldErrorCode};
use crate::text::{Lines, clean_optional};
use unicode_normalization::UnicodeNormalization;

/// Longest display name.
pub const MAX_DISPLAY_NAME: usize = 60;

/// Terms distinctive enough to refuse wherever they appear, even split by
/// dots or spaces ("M.A.I.R.I.E", "Hôtel de Ville"), compared on letters
/// and digits only, without accents or case.
const RESERVED_ANYWHERE: &[&str] = &[
    "mairie",
    "hoteldeville",
    "conseilmunicipal",
    "cityhall",
    "townhall",
    "cityreply",
    "citycouncil",
    "parvis",
];

/// Words that pose as staff, matched as whole words or word beginnings
/// ("Modératrice", "Administration"), so "Badminton" stays a name.
const RESERVED_WORD_STARTS: &[&str] = &["moderat", "administrat", "officiel", "official"];
/// Whole words.
const RESERVED_WORDS: &[&str] = &["admin", "mod"];
/// Word pairs ("Ville de Démoville", "City of Springfield").
const RESERVED_PAIRS: &[(&str, &str)] = &[("ville", "de"), ("city", "of")];

/// Letters that look like Latin ones in other scripts, so "Mаirie" with a
/// Cyrillic "а" is read as "mairie".
fn unconfuse(c: char) -> char {
    match c {
        'а' | 'α' | 'А' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' => 'e',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'ν' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'у' | 'У' | 'υ' | 'Υ' => 'y',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        other => other,
    }
}

/// The name as lowercase ASCII words: compatibility forms and accents
/// removed, look-alike letters read as Latin, anything else a separator.
fn words(name: &str) -> Vec<String> {
    let folded: String = name
        .nfkd()
        .map(unconfuse)
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a name poses as the city, its staff or Parvis.
pub fn is_reserved(name: &str) -> bool {
    let words = words(name);
    let joined: String = words.concat();
    RESERVED_ANYWHERE.iter().any(|term| joined.contains(term))
        || words.iter().any(|word| {
            RESERVED_WORDS.contains(&word.as_str())
                || RESERVED_WORD_STARTS
                    .iter()
                    .any(|start| word.starts_with(start))
        })
        || words
            .windows(2)
            .any(|pair| RESERVED_PAIRS.contains(&(pair[0].as_str(), pair[1].as_str())))
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
            "Mаirie",
            "Administration",
            "Officiel",
            "City of Démoville",
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
            "Badminton club",
            "Felicity Ofori",
            "Belleville Deschamps",
            "Modeste",
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
