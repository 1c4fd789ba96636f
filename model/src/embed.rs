//! The three ways a widget reaches a page besides the script snippet — the
//! consultation page (a link to share), the iframe, and the oEmbed answer
//! that turns a pasted link into that iframe — and the embed ticket that
//! lets the iframe write from inside a sandbox.
//!
//! Everything here is pure: the Worker serves these pages and answers, the
//! dashboard shows the snippets, and both build them from these functions.

use crate::widget::{WidgetKind, is_widget_id};
use serde::{Deserialize, Serialize};

/// Where a widget's consultation page lives: `/c/{id}`.
pub const CONSULTATION_PREFIX: &str = "/c/";
/// Where a widget's framed page lives: `/embed/{id}`.
pub const FRAME_PREFIX: &str = "/embed/";
/// The request header that carries a framed page's embed ticket.
pub const TICKET_HEADER: &str = "Parvis-Embed-Ticket";
/// How long an embed ticket stays valid, in seconds: a resident may keep a
/// page open for an afternoon; past that, reloading the page gives a new one.
pub const TICKET_SECONDS: i64 = 12 * 3600;
/// The widest iframe the oEmbed answer proposes, in CSS pixels.
pub const FRAME_MAX_WIDTH: u32 = 640;

/// The consultation page's address.
pub fn consultation_url(parvis_origin: &str, id: &str) -> String {
    format!("{parvis_origin}{CONSULTATION_PREFIX}{id}")
}

/// The framed page's address.
pub fn frame_url(parvis_origin: &str, id: &str) -> String {
    format!("{parvis_origin}{FRAME_PREFIX}{id}")
}

/// A height that shows the widget's first view without a scrollbar before
/// its page reports its real height (or when no script on the parent page
/// listens): generous rather than clipped.
pub fn initial_frame_height(kind: WidgetKind, option_count: usize) -> u32 {
    match kind {
        WidgetKind::Poll => (300 + 56 * option_count as u32).clamp(420, 1000),
        WidgetKind::Ideas | WidgetKind::Comments => 760,
    }
}

/// What the iframe's `title` says (the page's landmark for screen readers).
pub fn frame_title(widget_title: &str) -> String {
    format!("{widget_title} — Parvis")
}

/// The iframe an editor pastes where scripts are not allowed. When the page
/// also runs `embed.js`, the loader resizes it to its content.
pub fn iframe_snippet(
    parvis_origin: &str,
    id: &str,
    widget_title: &str,
    kind: WidgetKind,
    option_count: usize,
) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         style=\"border:0;width:100%;max-width:{FRAME_MAX_WIDTH}px\" loading=\"lazy\" \
         data-parvis-frame></iframe>",
        src = frame_url(parvis_origin, id),
        title = escape_attribute(&frame_title(widget_title)),
        height = initial_frame_height(kind, option_count),
    )
}

/// The oEmbed answer (type `rich`, oEmbed 1.0 §2.3.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OEmbed {
    /// Always `rich`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Always `1.0`.
    pub version: String,
    /// The widget's title.
    pub title: String,
    /// The city that runs the consultation.
    pub author_name: String,
    /// Always `Parvis`.
    pub provider_name: String,
    /// Parvis' origin.
    pub provider_url: String,
    /// A link to the consultation page, then the iframe.
    pub html: String,
    /// The iframe's width in pixels.
    pub width: u32,
    /// The iframe's initial height in pixels.
    pub height: u32,
    /// How long a consumer may keep this answer, in seconds.
    pub cache_age: u32,
}

/// What a consumer may ask of the oEmbed answer's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MaxSize {
    /// `maxwidth`, when given.
    pub width: Option<u32>,
    /// `maxheight`, when given.
    pub height: Option<u32>,
}

/// The widget an oEmbed answer is about.
pub struct Embedded<'a> {
    /// Parvis' origin.
    pub parvis_origin: &'a str,
    /// The widget's id.
    pub id: &'a str,
    /// The widget's title.
    pub title: &'a str,
    /// The city's name.
    pub city: &'a str,
    /// The widget's kind.
    pub kind: WidgetKind,
    /// Its number of poll options (0 for other kinds).
    pub option_count: usize,
}

/// Builds the oEmbed answer. Its `html` starts with a plain link, which
/// consumers that hide or strip the iframe still show (WordPress shows it
/// until the framed page has posted its height).
pub fn oembed(widget: &Embedded, max: MaxSize) -> OEmbed {
    let width = max.width.unwrap_or(FRAME_MAX_WIDTH).min(FRAME_MAX_WIDTH);
    let natural = initial_frame_height(widget.kind, widget.option_count);
    let height = max.height.map_or(natural, |h| h.min(natural));
    let title = escape_attribute(widget.title);
    let html = format!(
        "<blockquote><a href=\"{link}\">{title}</a></blockquote>\
         <iframe src=\"{src}\" width=\"{width}\" height=\"{height}\" title=\"{frame_title}\" \
         frameborder=\"0\"></iframe>",
        link = consultation_url(widget.parvis_origin, widget.id),
        src = frame_url(widget.parvis_origin, widget.id),
        frame_title = escape_attribute(&frame_title(widget.title)),
    );
    OEmbed {
        kind: "rich".to_owned(),
        version: "1.0".to_owned(),
        title: widget.title.to_owned(),
        author_name: widget.city.to_owned(),
        provider_name: "Parvis".to_owned(),
        provider_url: widget.parvis_origin.to_owned(),
        html,
        width,
        height,
        cache_age: 3600,
    }
}

/// Why a link given to oEmbed names no widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkIssue {
    /// Not an address on this Parvis host.
    ForeignHost,
    /// On this host, but not a consultation page or framed page.
    NotAWidgetPage,
}

/// The widget id in a consultation or framed page's address on this host
/// (`{origin}/c/{id}` or `{origin}/embed/{id}`, with any query or fragment).
pub fn widget_of_link(parvis_origin: &str, link: &str) -> Result<String, LinkIssue> {
    let link = link.trim();
    let origin_len = parvis_origin.len();
    let same_origin = link.len() >= origin_len
        && link.is_char_boundary(origin_len)
        && link[..origin_len].eq_ignore_ascii_case(parvis_origin)
        && matches!(link.as_bytes().get(origin_len), Some(b'/'));
    if !same_origin {
        return Err(LinkIssue::ForeignHost);
    }
    let path = link[origin_len..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let id = path
        .strip_prefix(CONSULTATION_PREFIX)
        .or_else(|| path.strip_prefix(FRAME_PREFIX))
        .map(|rest| rest.strip_suffix('/').unwrap_or(rest))
        .ok_or(LinkIssue::NotAWidgetPage)?;
    if is_widget_id(id) {
        Ok(id.to_owned())
    } else {
        Err(LinkIssue::NotAWidgetPage)
    }
}

/// What an embed ticket signs: the widget, the ticket's end, and the
/// network (as `crate::network` counts them) of the browser it was issued to.
pub fn ticket_message(widget_id: &str, expires_at: i64, network: &str) -> String {
    format!("embed-ticket:{widget_id}:{expires_at}:{network}")
}

/// An embed ticket as sent: `{expires_at}.{signature}`.
pub fn ticket(expires_at: i64, signature: &str) -> String {
    format!("{expires_at}.{signature}")
}

/// Splits a ticket into its end and signature; `None` when malformed.
pub fn parse_ticket(text: &str) -> Option<(i64, &str)> {
    let (expires, signature) = text.split_once('.')?;
    let expires: i64 = expires.parse().ok()?;
    let hex = !signature.is_empty()
        && signature.len() <= 128
        && signature.bytes().all(|b| b.is_ascii_hexdigit());
    hex.then_some((expires, signature))
}

/// The Content-Security-Policy directive that lets only these origins
/// frame a widget (none when the city allows no site yet).
pub fn frame_ancestors(allowed_origins: &[&str]) -> String {
    if allowed_origins.is_empty() {
        return "frame-ancestors 'none'".to_owned();
    }
    format!("frame-ancestors {}", allowed_origins.join(" "))
}

/// Escapes text for a double-quoted HTML attribute or element content.
pub fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "https://parvis.example";

    #[test]
    fn links_name_their_widget() {
        for link in [
            "https://parvis.example/c/budget-2027",
            "https://parvis.example/c/budget-2027/",
            "https://PARVIS.example/embed/budget-2027?lang=en",
            " https://parvis.example/c/budget-2027#vote ",
        ] {
            assert_eq!(
                widget_of_link(HOST, link),
                Ok("budget-2027".into()),
                "{link}"
            );
        }
    }

    #[test]
    fn foreign_and_other_links_are_refused() {
        use LinkIssue::*;
        for (link, issue) in [
            ("https://evil.example/c/budget-2027", ForeignHost),
            ("https://parvis.example.evil.example/c/x", ForeignHost),
            ("http://parvis.example/c/budget-2027", ForeignHost),
            ("not a url", ForeignHost),
            ("https://parvis.example", ForeignHost),
            ("https://parvis.example/admin/", NotAWidgetPage),
            ("https://parvis.example/c/", NotAWidgetPage),
            ("https://parvis.example/c/../admin", NotAWidgetPage),
            ("https://parvis.example/c/a/b", NotAWidgetPage),
        ] {
            assert_eq!(widget_of_link(HOST, link), Err(issue), "{link}");
        }
    }

    #[test]
    fn tickets_round_trip_and_reject_garbage() {
        let text = ticket(1_800_000_000, "ab12");
        assert_eq!(parse_ticket(&text), Some((1_800_000_000, "ab12")));
        for bad in ["", "1800000000", "x.ab", "1.", "1.zz", "1.ab.cd"] {
            assert_eq!(parse_ticket(bad), None, "{bad}");
        }
        assert_ne!(ticket_message("a", 1, "n"), ticket_message("a", 2, "n"));
        assert_ne!(ticket_message("a", 1, "n"), ticket_message("a", 1, "m"));
    }

    #[test]
    fn the_oembed_answer_frames_the_widget_and_links_its_page() {
        let widget = Embedded {
            parvis_origin: HOST,
            id: "budget-2027",
            title: "Budget \"2027\" <vote>",
            city: "Lyon",
            kind: WidgetKind::Poll,
            option_count: 3,
        };
        let answer = oembed(&widget, MaxSize::default());
        assert_eq!(answer.kind, "rich");
        assert_eq!(answer.width, FRAME_MAX_WIDTH);
        assert_eq!(answer.height, initial_frame_height(WidgetKind::Poll, 3));
        assert!(
            answer
                .html
                .contains("src=\"https://parvis.example/embed/budget-2027\"")
        );
        assert!(
            answer
                .html
                .contains("href=\"https://parvis.example/c/budget-2027\"")
        );
        assert!(answer.html.contains("Budget &quot;2027&quot; &lt;vote&gt;"));
        assert!(!answer.html.contains("<vote>"));
        let small = oembed(
            &widget,
            MaxSize {
                width: Some(300),
                height: Some(200),
            },
        );
        assert_eq!((small.width, small.height), (300, 200));
    }

    #[test]
    fn only_allowed_origins_and_parvis_may_frame() {
        assert_eq!(
            frame_ancestors(&["https://ville.example", "https://www.ville.example"]),
            "frame-ancestors https://ville.example https://www.ville.example"
        );
        assert_eq!(frame_ancestors(&[]), "frame-ancestors 'none'");
    }

    #[test]
    fn the_iframe_snippet_has_a_title_and_a_height() {
        let snippet = iframe_snippet(HOST, "x", "Vélos", WidgetKind::Ideas, 0);
        assert!(snippet.contains("title=\"Vélos — Parvis\""));
        assert!(snippet.contains("height=\"760\""));
    }
}
