//! The proof of work a voter token does before it writes: a hash puzzle in
//! the spirit of ALTCHA, with no third party, no cookie and no tracking.
//!
//! The Worker issues a *challenge*: an expiry, a difficulty and a random
//! salt, signed with a key only it knows over the widget and the voter's
//! keyed hash. The client finds a *nonce* such that
//! `SHA-256(challenge ":" nonce)` starts with `bits` zero bits, and sends
//! both with each write as `Parvis-Proof: <challenge>;<nonce>`. The Worker
//! checks the signature for this widget and this token, the expiry and the
//! hash — no database read. A proof made for one token is worth nothing for
//! another, so an attacker who rotates tokens solves one puzzle per token.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The header a write carries its proof in.
pub const HEADER: &str = "Parvis-Proof";

/// Default difficulty in leading zero bits: 2^17 hashes on average. In
/// Chromium with the CPU slowed 4× it took 239 ms (median; p90 634 ms); a
/// native script needs 7 ms a token (`docs/benchmarks.md`). It makes each
/// invented token cost something; the daily caps bound what tokens buy.
pub const DEFAULT_BITS: u32 = 17;
/// The hardest difficulty a server may ask for.
pub const MAX_BITS: u32 = 28;
/// How long a challenge (and so a proof) stays valid.
pub const VALID_SECONDS: i64 = 6 * 3600;

/// `GET /v1/widgets/{id}/challenge`: a puzzle for this widget and voter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofChallenge {
    /// The challenge, opaque to clients: send it back as it is.
    pub challenge: String,
    /// Leading zero bits the hash of `challenge ":" nonce` must have.
    pub bits: u32,
    /// When the challenge, and the proof made from it, stop being accepted.
    pub expires_at: String,
}

/// A challenge as the Worker issues it: `expires.bits.salt.signature`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge<'a> {
    /// Unix seconds after which the challenge is refused.
    pub expires: i64,
    /// Leading zero bits the hash must have.
    pub bits: u32,
    /// Random hex, so two challenges never repeat.
    pub salt: &'a str,
    /// The Worker's signature (hex) over [`Challenge::signed_text`].
    pub signature: &'a str,
}

impl<'a> Challenge<'a> {
    /// Reads a challenge; `None` if it is not one.
    pub fn parse(text: &'a str) -> Option<Challenge<'a>> {
        let mut parts = text.split('.');
        let expires = parts.next()?.parse().ok()?;
        let bits = parts
            .next()?
            .parse()
            .ok()
            .filter(|bits| *bits <= MAX_BITS)?;
        let salt = parts.next().filter(|salt| is_hex(salt))?;
        let signature = parts.next().filter(|signature| is_hex(signature))?;
        parts.next().is_none().then_some(Challenge {
            expires,
            bits,
            salt,
            signature,
        })
    }

    /// What the signature covers: the challenge's own fields and what it
    /// is bound to (the widget and the voter's keyed hash).
    pub fn signed_text(expires: i64, bits: u32, salt: &str, widget: &str, voter: &str) -> String {
        format!("pow\u{0}{expires}\u{0}{bits}\u{0}{salt}\u{0}{widget}\u{0}{voter}")
    }

    /// The challenge as sent, given its signature.
    pub fn format(expires: i64, bits: u32, salt: &str, signature: &str) -> String {
        format!("{expires}.{bits}.{salt}.{signature}")
    }
}

fn is_hex(text: &str) -> bool {
    !text.is_empty() && text.len() <= 128 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A solved challenge, as the `Parvis-Proof` header carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof<'a> {
    /// The challenge, exactly as issued.
    pub challenge: &'a str,
    /// The nonce that solves it.
    pub nonce: u64,
}

impl<'a> Proof<'a> {
    /// Reads a `Parvis-Proof` header value; `None` if malformed.
    pub fn parse(header: &'a str) -> Option<Proof<'a>> {
        let (challenge, nonce) = header.trim().rsplit_once(';')?;
        Some(Proof {
            challenge,
            nonce: nonce.parse().ok()?,
        })
    }

    /// The header value.
    pub fn header_value(challenge: &str, nonce: u64) -> String {
        format!("{challenge};{nonce}")
    }

    /// Whether the nonce's hash has the challenge's leading zero bits.
    pub fn is_solved(&self, bits: u32) -> bool {
        leading_zero_bits(&digest(&prefix(self.challenge), self.nonce)) >= bits
    }
}

/// The hasher with `challenge ":"` absorbed: each nonce then costs one
/// clone and its own digits, not the challenge again.
fn prefix(challenge: &str) -> Sha256 {
    let mut hasher = Sha256::new();
    hasher.update(challenge.as_bytes());
    hasher.update(b":");
    hasher
}

/// `SHA-256(challenge ":" nonce)`, the nonce in decimal, from [`prefix`].
fn digest(prefix: &Sha256, nonce: u64) -> [u8; 32] {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = nonce;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut hasher = prefix.clone();
    hasher.update(&digits[at..]);
    hasher.finalize().into()
}

/// The number of leading zero bits of a digest.
pub fn leading_zero_bits(digest: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in digest {
        if *byte == 0 {
            bits += 8;
        } else {
            return bits + byte.leading_zeros();
        }
    }
    bits
}

/// Tries the nonces `from..from + count`; the first that solves the
/// challenge, if any. Callers in a browser solve in slices and yield to the
/// page between them.
pub fn search(challenge: &str, bits: u32, from: u64, count: u64) -> Option<u64> {
    let prefix = prefix(challenge);
    (from..from.saturating_add(count))
        .find(|nonce| leading_zero_bits(&digest(&prefix, *nonce)) >= bits)
}

/// Solves a challenge in one go (tools and tests).
pub fn solve(challenge: &str, bits: u32) -> u64 {
    let mut from = 0;
    loop {
        if let Some(nonce) = search(challenge, bits, from, 1 << 16) {
            return nonce;
        }
        from += 1 << 16;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_hashes_the_nonce_in_decimal_after_the_challenge() {
        for nonce in [0, 7, 10, 123_456, u64::MAX] {
            let expected: [u8; 32] = Sha256::digest(format!("abc:{nonce}").as_bytes()).into();
            assert_eq!(digest(&prefix("abc"), nonce), expected, "{nonce}");
        }
    }

    #[test]
    fn leading_zero_bits_count_across_bytes() {
        let check = |digest: &[u8], expected: u32| assert_eq!(leading_zero_bits(digest), expected);
        check(&[0x80], 0);
        check(&[0x01], 7);
        check(&[0x00, 0x40], 9);
        check(&[0x00, 0x00, 0x0f], 20);
        check(&[0x00; 4], 32);
    }

    #[test]
    fn a_solved_challenge_verifies_and_serves_no_other_challenge() {
        let challenge = Challenge::format(1_900_000_000, 12, "ab12", "cd34");
        let nonce = solve(&challenge, 12);
        let header = Proof::header_value(&challenge, nonce);
        let proof = Proof::parse(&header).expect("parses");
        assert_eq!(proof.challenge, challenge);
        assert!(proof.is_solved(12));
        // The proof is for this challenge only.
        let other = Challenge::format(1_900_000_000, 12, "ab13", "cd34");
        let misused = Proof {
            challenge: &other,
            nonce,
        };
        // Inputs are fixed, so this holds or fails the same way every run.
        assert!(!misused.is_solved(12));
    }

    #[test]
    fn challenges_parse_only_in_their_own_shape() {
        let text = Challenge::format(1_900_000_000, 17, "00ff", "abcdef");
        assert_eq!(
            Challenge::parse(&text),
            Some(Challenge {
                expires: 1_900_000_000,
                bits: 17,
                salt: "00ff",
                signature: "abcdef"
            })
        );
        for bad in [
            "",
            "1.2.3",
            "x.17.00ff.ab",
            "1.99.00ff.ab",
            "1.17.zz.ab",
            "1.17.00ff.ab.cd",
            "1.17..ab",
        ] {
            assert_eq!(Challenge::parse(bad), None, "{bad}");
        }
        for bad in ["", "abc", "abc;", "abc;-1", "abc;1.5"] {
            assert_eq!(Proof::parse(bad), None, "{bad}");
        }
    }
}
