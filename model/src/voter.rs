//! The voter token: a random secret a widget makes when a resident first
//! acts, sent as the `Parvis-Voter` header. The server only ever stores a
//! keyed hash of it.

use thiserror::Error;

/// Fewest characters a token may have: 32 hexadecimal digits carry 128 bits.
pub const MIN_LEN: usize = 32;
/// Most characters a token may have.
pub const MAX_LEN: usize = 128;

/// A syntactically valid voter token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoterToken(String);

/// Why a `Parvis-Voter` header value is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VoterTokenError {
    /// The header is absent or empty.
    #[error("the Parvis-Voter header is missing")]
    Missing,
    /// The value is too short or too long.
    #[error("a voter token has {MIN_LEN} to {MAX_LEN} characters")]
    BadLength,
    /// The value has a character outside the URL-safe base64 alphabet.
    #[error("a voter token uses only A-Z, a-z, 0-9, '-' and '_'")]
    BadCharacter,
}

impl VoterToken {
    /// Parses a header value, refusing anything that cannot carry 128 random bits.
    pub fn parse(value: Option<&str>) -> Result<VoterToken, VoterTokenError> {
        let value = value.unwrap_or_default();
        if value.is_empty() {
            return Err(VoterTokenError::Missing);
        }
        if !(MIN_LEN..=MAX_LEN).contains(&value.len()) {
            return Err(VoterTokenError::BadLength);
        }
        if !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(VoterTokenError::BadCharacter);
        }
        Ok(VoterToken(value.to_owned()))
    }

    /// Makes a token from 16 random bytes (128 bits) as 32 hexadecimal digits.
    pub fn from_random_bytes(bytes: [u8; 16]) -> VoterToken {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        VoterToken(hex)
    }

    /// The token as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: Option<&str>, expected: Result<(), VoterTokenError>) {
        assert_eq!(
            VoterToken::parse(value).map(|_| ()),
            expected,
            "value {value:?}"
        );
    }

    #[test]
    fn parsing() {
        let ok = "0123456789abcdef0123456789abcdef";
        check(Some(ok), Ok(()));
        check(Some(&"A_-z".repeat(32)), Ok(()));
        check(None, Err(VoterTokenError::Missing));
        check(Some(""), Err(VoterTokenError::Missing));
        check(Some(&ok[1..]), Err(VoterTokenError::BadLength));
        check(Some(&"a".repeat(129)), Err(VoterTokenError::BadLength));
        check(
            Some("0123456789abcdef0123456789abcde!"),
            Err(VoterTokenError::BadCharacter),
        );
        check(
            Some("0123456789abcdef0123456789abcdé"),
            Err(VoterTokenError::BadCharacter),
        );
    }

    #[test]
    fn random_bytes_make_a_valid_token() {
        let token = VoterToken::from_random_bytes([0xab; 16]);
        assert_eq!(token.as_str(), "ab".repeat(16));
        check(Some(token.as_str()), Ok(()));
    }
}
