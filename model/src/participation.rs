//! Who may take part in a poll, and the invitation codes that prove it.
//!
//! A poll's **participation level** is chosen by staff: `open` (an anonymous
//! voter token, as always), `code` (one ballot per invitation code, sent by
//! letter or handed out at the town hall) or `verified` (an identity checked
//! by the city's OpenID Connect provider, FranceConnect for instance).
//! Idea boxes and comment threads stay open: levels bind votes.
//!
//! ## Invitation codes
//!
//! A code is 16 characters of Crockford's base 32, shown as
//! `XXXX-XXXX-XXXX-XXXX`: 80 bits, of which [`INDEX_BITS`] number the code
//! in its set and [`MAC_BITS`] are a keyed MAC of the set and that number
//! under the Worker's secret key. Nothing per code is stored: the database holds the
//! set (its size), the codes revoked and the codes used, by number. A copy
//! of the database reveals no code; whoever holds the Worker's key and the
//! set can derive them again (which is how staff download the letters'
//! codes).
//!
//! **Guessing.** A guess names a number and must match its 62-bit MAC: one
//! chance in 2^62 (4.6 × 10^18) per try, whatever the set's size (twice
//! that during a key rotation, when two keys are accepted). The MAC's
//! length is the bound, so no global lock is needed (one would let an
//! attacker with many networks lock genuine residents out): the API counts
//! tries per network and code set ([`FAILED_CODES_PER_HOUR`], counted before
//! the code is checked), so each network makes 10 tries an hour on a whole
//! consultation. A million networks trying for two months make 1.4 × 10^10
//! tries: a chance of about 3 × 10^-9 that one hits a code.

use serde::{Deserialize, Serialize};

/// Who may take part in a poll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationLevel {
    /// Anyone, with an anonymous voter token.
    #[default]
    Open,
    /// Whoever holds an invitation code of the poll's set, once per code.
    Code,
    /// Whoever signs in with the city's identity provider, once per person.
    Verified,
}

/// Bits of a code that number it in its set.
pub const INDEX_BITS: u32 = 18;
/// Bits of a code that authenticate it.
pub const MAC_BITS: u32 = 62;
/// The most codes a set may have (below 2^[`INDEX_BITS`]).
pub const MAX_CODES_PER_SET: u32 = 200_000;
/// Codes one network may try on one code set in an hour (wrong ones; a
/// genuine code gives its place back).
pub const FAILED_CODES_PER_HOUR: u32 = 10;

/// Crockford's base 32: no I, L, O or U, so nothing reads as another.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHARS: usize = 16;

/// A code as its number in the set and its MAC bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationCode {
    /// The code's number in its set, from 0.
    pub index: u32,
    /// Its authenticating bits.
    pub mac: u64,
}

impl InvitationCode {
    /// The code for `index` in a set, with the MAC computed over
    /// [`mac_message`] (the first bytes of an HMAC output).
    pub fn new(index: u32, mac_output: &[u8]) -> InvitationCode {
        let mut bits = 0u64;
        for byte in mac_output.iter().take(8) {
            bits = (bits << 8) | u64::from(*byte);
        }
        InvitationCode {
            index,
            mac: bits >> (64 - MAC_BITS),
        }
    }

    /// As printed on a letter: `XXXX-XXXX-XXXX-XXXX`.
    pub fn text(self) -> String {
        let value = (u128::from(self.index) << MAC_BITS) | u128::from(self.mac);
        let chars: Vec<u8> = (0..CHARS)
            .rev()
            .map(|i| ALPHABET[((value >> (5 * i)) & 31) as usize])
            .collect();
        let text = String::from_utf8_lossy(&chars).into_owned();
        let groups: Vec<&str> = (0..CHARS / 4).map(|g| &text[4 * g..4 * g + 4]).collect();
        groups.join("-")
    }

    /// Reads a code as a resident types it: any case, with or without
    /// dashes (a word processor's too) and spaces, `O` for `0` and `I` or
    /// `L` for `1`. `None` when it cannot be a code.
    pub fn parse(typed: &str) -> Option<InvitationCode> {
        let mut value = 0u128;
        let mut count = 0;
        let separator =
            |c: &char| c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}');
        for c in typed.chars().filter(|c| !separator(c)) {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let digit = ALPHABET.iter().position(|a| char::from(*a) == c)?;
            value = (value << 5) | digit as u128;
            count += 1;
            if count > CHARS {
                return None;
            }
        }
        let index = u32::try_from(value >> MAC_BITS).ok()?;
        (count == CHARS).then_some(InvitationCode {
            index,
            mac: (value & ((1 << MAC_BITS) - 1)) as u64,
        })
    }
}

/// What a code's MAC signs: its set and number.
pub fn mac_message(set_id: i64, index: u32) -> String {
    format!("invitation-code:{set_id}:{index}")
}

/// Whether the code carries the MAC output for its number (compared in time
/// that does not depend on where they differ).
pub fn mac_matches(code: InvitationCode, mac_output: &[u8]) -> bool {
    let expected = InvitationCode::new(code.index, mac_output).mac;
    (expected ^ code.mac) == 0
}

/// A set of invitation codes, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSet {
    /// Its id.
    pub id: i64,
    /// Its name, e.g. "Budget participatif 2027 — foyers".
    pub name: String,
    /// How many codes it has.
    pub size: u32,
    /// How many were revoked.
    pub revoked: u32,
    /// How many ballots were cast with its codes, all widgets together.
    pub used: u32,
    /// When it was made (RFC 3339).
    pub created_at: String,
}

/// Body of `POST /v1/staff/code-sets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCodeSet {
    /// Its name.
    pub name: String,
    /// How many codes, 1 to [`MAX_CODES_PER_SET`].
    pub size: u32,
}

/// Body of `POST /v1/staff/code-sets/{set}/revocations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    /// The code to revoke, as printed.
    pub code: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_as_typed_by_a_resident() {
        let code = InvitationCode::new(199_999, &[0xde, 0xad, 0xbe, 0xef, 0x12, 0x34, 0x56, 0x78]);
        let text = code.text();
        assert_eq!(text.len(), 19);
        assert_eq!(InvitationCode::parse(&text), Some(code));
        let typed = text.to_lowercase().replace('-', " ").replace('0', "o");
        assert_eq!(InvitationCode::parse(&typed), Some(code));
        assert_eq!(InvitationCode::parse(&text.replace('-', "")), Some(code));
        assert_eq!(
            InvitationCode::parse(&text.replace('-', "\u{2011}")),
            Some(code)
        );
    }

    #[test]
    fn what_cannot_be_a_code_is_refused() {
        for bad in [
            "",
            "ABCD-EFGH-JKMN",
            "ABCD-EFGH-JKMN-PQR",
            "ABCD-EFGH-JKMN-PQRST",
            "ABCD-EFGH-JKMN-PQRU",
            "ÀBCD-EFGH-JKMN-PQRS",
        ] {
            assert_eq!(InvitationCode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_number_and_the_mac_fill_the_code() {
        const { assert!(INDEX_BITS + MAC_BITS == 80) };
        const { assert!(MAX_CODES_PER_SET < 1 << INDEX_BITS) };
        let code = InvitationCode::new(5, &[0xff; 8]);
        assert_eq!(code.mac, (1 << MAC_BITS) - 1);
        assert!(mac_matches(code, &[0xff; 8]));
        assert!(!mac_matches(code, &[0xfe; 8]));
    }

    #[test]
    fn different_numbers_give_different_messages() {
        assert_ne!(mac_message(1, 2), mac_message(1, 3));
        assert_ne!(mac_message(1, 2), mac_message(2, 2));
    }
}
