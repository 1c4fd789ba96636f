//! Resident and staff text: trimmed, Unicode-normalised (NFC), length-limited
//! and never empty. Text is stored as typed and always rendered as text.

use crate::fields::{FieldError, FieldErrorCode};
use unicode_normalization::UnicodeNormalization;

/// Whether a field may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Titles, names: one line.
    Single,
    /// Descriptions, comments: line breaks kept.
    Multi,
}

/// Cleans `input` for the field `field`: NFC, `\r\n` → `\n`, trimmed, and
/// checked to be non-empty, at most `max_chars` characters, and free of
/// control characters (line breaks and tabs are allowed in multi-line text).
pub fn clean_text(
    field: &str,
    input: &str,
    max_chars: usize,
    lines: Lines,
) -> Result<String, FieldError> {
    let normalised: String = input.replace("\r\n", "\n").nfc().collect();
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, FieldErrorCode::Required));
    }
    let allowed = |c: char| match lines {
        Lines::Multi => c == '\n' || c == '\t',
        Lines::Single => false,
    };
    if trimmed.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(FieldError::new(field, FieldErrorCode::InvalidCharacters));
    }
    let length = trimmed.chars().count();
    if length > max_chars {
        return Err(FieldError::new(field, FieldErrorCode::TooLong).with_limit(max_chars));
    }
    Ok(trimmed.to_owned())
}

/// Like [`clean_text`], for a field residents may leave out: absent or blank
/// gives `None`.
pub fn clean_optional(
    field: &str,
    input: Option<&str>,
    max_chars: usize,
    lines: Lines,
) -> Result<Option<String>, FieldError> {
    match input {
        Some(text) if !text.trim().is_empty() => {
            clean_text(field, text, max_chars, lines).map(Some)
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, lines: Lines, expected: Result<&str, FieldErrorCode>) {
        let got = clean_text("f", input, 10, lines);
        assert_eq!(
            got.as_deref().map_err(|e| e.code),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn table() {
        use FieldErrorCode::*;
        check("  Bonjour  ", Lines::Single, Ok("Bonjour"));
        check("", Lines::Single, Err(Required));
        check(" \n\t ", Lines::Multi, Err(Required));
        check("a\r\nb", Lines::Multi, Ok("a\nb"));
        check("a\nb", Lines::Single, Err(InvalidCharacters));
        check("a\0b", Lines::Multi, Err(InvalidCharacters));
        check("0123456789", Lines::Single, Ok("0123456789"));
        check("0123456789a", Lines::Single, Err(TooLong));
        // "é" as e + combining acute is one character once normalised.
        check(
            "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}",
            Lines::Single,
            Ok("ééééé"),
        );
        check("<script>", Lines::Single, Ok("<script>"));
    }

    #[test]
    fn optional_fields() {
        assert_eq!(clean_optional("f", None, 5, Lines::Single), Ok(None));
        assert_eq!(clean_optional("f", Some("  "), 5, Lines::Single), Ok(None));
        assert_eq!(
            clean_optional("f", Some(" Léa "), 5, Lines::Single),
            Ok(Some("Léa".into()))
        );
    }
}
