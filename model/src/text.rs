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
    let normalised: String = input
        .replace("\r\n", "\n")
        .nfc()
        .filter(|c| !is_bidi_control(*c))
        .collect();
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

/// Directional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Left in resident text, a name starting with U+202E
/// reverses the product's own words after it wherever it is shown; they are
/// removed from everything residents and staff write. (The marks U+200E and
/// U+200F, which reorder nothing beyond neutral characters, stay.)
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

/// A piece of resident text to render: plain text, or an `http(s)` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text shown as is.
    Text(&'a str),
    /// A URL shown as a link (and as its own text).
    Link(&'a str),
}

/// Characters that cannot be part of a URL (RFC 3986), so a link ends
/// before them: white space, controls, `<>"{}|\^` and the backquote.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c)
}

/// Splits text into plain parts and `http://` or `https://` links. A link
/// ends at a character no URL can hold (see [`ends_url`]) or at the end;
/// trailing punctuation that usually ends a sentence (`.,;:!?)»'`) stays
/// outside it. A link to a host written with non-ASCII letters stays text
/// (it could imitate another host letter for letter). Nothing else ever
/// becomes markup.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_link_start(rest) {
        let end = rest[start..]
            .find(ends_url)
            .map_or(rest.len(), |offset| start + offset);
        let link =
            rest[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '"', '\'']);
        let host = link.split_once("://").map_or("", |(_, host)| host);
        let scheme_only = !host.starts_with(|c: char| c.is_alphanumeric());
        if start > 0 {
            out.push(Segment::Text(&rest[..start]));
        }
        if scheme_only || !real_host(link).is_some_and(|h| h.is_ascii()) {
            out.push(Segment::Text(link));
        } else {
            out.push(Segment::Link(link));
        }
        rest = &rest[start + link.len()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// The host a link really leads to: after any `user:password@` part,
/// before the port, path, query or fragment.
pub fn real_host(url: &str) -> Option<&str> {
    let (_, after_scheme) = url.split_once("://")?;
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_and_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_and_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then_some(host)
}

/// The real host of a link whose text names something else first (a
/// `https://ville.fr@evil.example` link leads to `evil.example`), to be
/// shown beside it; `None` for an honest link.
pub fn hidden_host(url: &str) -> Option<&str> {
    let (_, after_scheme) = url.split_once("://")?;
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    authority.contains('@').then(|| real_host(url)).flatten()
}

fn find_link_start(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_removed_so_a_name_cannot_reverse_what_follows_it() {
        let cleaned = clean_text(
            "display_name",
            "\u{202E}Camille\u{2066} B.\u{2069}",
            60,
            Lines::Single,
        );
        assert_eq!(cleaned, Ok("Camille B.".to_owned()));
        // Only controls: nothing is left, so the field is blank.
        assert_eq!(
            clean_text("title", "\u{202E}\u{202C}", 60, Lines::Single).map_err(|e| e.code),
            Err(FieldErrorCode::Required)
        );
        // Right-to-left text itself is kept, marks included.
        assert_eq!(
            clean_text("body", "שלום\u{200F}!", 60, Lines::Multi),
            Ok("שלום\u{200F}!".to_owned())
        );
    }

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
    fn links() {
        use Segment::*;
        assert_eq!(
            segments("Voir https://ville.fr/projet."),
            [Text("Voir "), Link("https://ville.fr/projet"), Text(".")]
        );
        assert_eq!(
            segments("http://a.fr et http://b.fr"),
            [Link("http://a.fr"), Text(" et "), Link("http://b.fr")]
        );
        assert_eq!(
            segments("javascript:alert(1) ftp://x"),
            [Text("javascript:alert(1) ftp://x")]
        );
        assert_eq!(
            segments("<a href=x>https://</a>"),
            [Text("<a href=x>"), Text("https://"), Text("</a>")]
        );
        assert_eq!(segments(""), Vec::<Segment>::new());
        assert_eq!(
            segments("(https://ville.fr)"),
            [Text("("), Link("https://ville.fr"), Text(")")]
        );
    }

    /// Issue 13, item 8: links end where no URL can go on.
    #[test]
    fn links_end_at_characters_no_url_holds() {
        use Segment::*;
        assert_eq!(
            segments("https://ex.example/<script>alert(1)</script>"),
            [
                Link("https://ex.example/"),
                Text("<script>alert(1)</script>")
            ]
        );
        assert_eq!(
            segments("https://ex.example/';</style>"),
            [Link("https://ex.example/"), Text("';</style>")]
        );
        assert_eq!(
            segments("https://ex.example/\"onmouseover=alert('x')"),
            [
                Link("https://ex.example/"),
                Text("\"onmouseover=alert('x')")
            ]
        );
    }

    /// Issue 13, item 8: a link's real host is known and can be shown; a
    /// host in non-ASCII letters is not linked.
    #[test]
    fn links_show_the_host_they_really_lead_to() {
        use Segment::*;
        assert_eq!(
            hidden_host("https://ville.fr@evil.example/x"),
            Some("evil.example")
        );
        assert_eq!(
            hidden_host("https://u:p@evil.example:8443"),
            Some("evil.example")
        );
        assert_eq!(hidden_host("https://ville.fr/a@b"), None);
        assert_eq!(hidden_host("https://ville.fr"), None);
        assert_eq!(
            real_host("https://[2001:db8::1]:8080/"),
            Some("2001:db8::1")
        );
        // A Cyrillic "е" in "villе.fr": shown as text, never a link.
        assert_eq!(
            segments("https://vill\u{435}.fr/vote"),
            [Text("https://vill\u{435}.fr/vote")]
        );
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
