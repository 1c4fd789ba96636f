//! Verified participation: what the widget asks for, what the sign-in
//! window hands back, and the **verification grant** a ballot carries.
//!
//! A resident signs in with the city's OpenID provider in a window of its
//! own; the Worker checks the ID token and hands the widget, by
//! `postMessage`, a grant: a keyed MAC over the city, the resident's voter
//! hash, the subject's per-city keyed hash, the `acr` and an end. The
//! widget keeps it in memory and sends it with each ballot of that city's
//! verified polls until it ends. The ballot's transaction writes
//! `(widget, subject hash)` into `verified_uses` (one ballot per person and
//! poll) and the ballot itself: nothing stored ties the person to their
//! choices, and no table holds the grant.

use crate::base64url;
use serde::{Deserialize, Serialize};

/// How long a sign-in may take, from the button to the callback, in seconds.
pub const SIGN_IN_SECONDS: i64 = 600;
/// How long a grant lets a resident vote after signing in, in seconds.
pub const GRANT_SECONDS: i64 = 1800;
/// The `type` of the sign-in window's message to the widget.
pub const MESSAGE_TYPE: &str = "parvis:verification";

/// Answer of `POST /v1/widgets/{id}/verification`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationStart {
    /// Where the sign-in window goes: the provider's authorization endpoint.
    pub authorize_url: String,
}

/// A grant, read from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// When it ends, seconds since the epoch.
    pub expires: i64,
    /// The subject's keyed hash for the city (hex).
    pub subject_hash: String,
    /// The assurance level the provider stated (empty when none).
    pub acr: String,
    /// The MAC (hex) over [`Grant::message`].
    pub mac: String,
}

impl Grant {
    /// What the MAC signs: the grant and whom it was given to.
    pub fn message(&self, city_id: i64, voter_hash: &str) -> String {
        format!(
            "verification-grant:{city_id}:{voter_hash}:{}:{}:{}",
            self.expires, self.subject_hash, self.acr
        )
    }

    /// As the widget carries it: `expires.subject.acr.mac`.
    pub fn text(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            self.expires,
            self.subject_hash,
            base64url::encode(self.acr.as_bytes()),
            self.mac
        )
    }

    /// Reads a grant's text; `None` when it has not the form of one.
    pub fn parse(text: &str) -> Option<Grant> {
        let mut parts = text.split('.');
        let (Some(expires), Some(subject), Some(acr), Some(mac), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let is_hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !is_hex(subject) || !is_hex(mac) {
            return None;
        }
        let acr = String::from_utf8(base64url::decode(acr)?).ok()?;
        Some(Grant {
            expires: expires.parse().ok()?,
            subject_hash: subject.to_owned(),
            acr,
            mac: mac.to_owned(),
        })
    }
}

/// What the subject's keyed hash covers: the city (so two cities' hashes
/// of one person differ), the issuer and the subject.
pub fn subject_message(city_id: i64, issuer: &str, subject: &str) -> String {
    format!("{city_id}\u{0}{issuer}\u{0}{subject}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant() -> Grant {
        Grant {
            expires: 1_800_000_000,
            subject_hash: "a".repeat(64),
            acr: "https://idp.example/acr.loa2".to_owned(),
            mac: "0f".repeat(32),
        }
    }

    #[test]
    fn a_grant_reads_back_even_with_dots_in_its_acr() {
        assert_eq!(Grant::parse(&grant().text()), Some(grant()));
        let empty = Grant {
            acr: String::new(),
            ..grant()
        };
        assert_eq!(Grant::parse(&empty.text()), Some(empty));
    }

    #[test]
    fn what_is_not_a_grant_is_refused() {
        let text = grant().text();
        for bad in [
            String::new(),
            text.replacen('.', "", 1),
            format!("{text}.x"),
            text.replace("0f0f", "0g0f"),
            format!("x{text}"),
        ] {
            assert_eq!(Grant::parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn the_mac_binds_city_and_voter() {
        let g = grant();
        assert_ne!(g.message(1, "v"), g.message(2, "v"));
        assert_ne!(g.message(1, "v"), g.message(1, "w"));
        assert_ne!(
            subject_message(1, "https://a", "s"),
            subject_message(2, "https://a", "s")
        );
    }
}
