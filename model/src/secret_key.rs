//! The deployment's secret for keyed hashes (`VOTER_HASH_KEY`), with a
//! version so it can be rotated: `v2.<secret>`. A bare secret, as first
//! deployed, is version 1. During a rotation the previous key is set too
//! (`VOTER_HASH_KEY_PREVIOUS`), and a voter's rows are moved to the new hash
//! when they next come back.

/// The shortest secret accepted: 32 characters (`openssl rand -hex 32`
/// gives 64), so keyed hashes cannot be brute-forced from the hashes.
pub const MIN_SECRET_CHARS: usize = 32;

/// A parsed key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretKey<'a> {
    /// Its version, 1 for a bare secret.
    pub version: u32,
    /// The secret itself.
    pub secret: &'a str,
}

/// Why a key is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKeyError {
    /// The secret has fewer than [`MIN_SECRET_CHARS`] characters.
    TooShort(usize),
    /// `v<N>.` with a version that is not a number from 1.
    BadVersion,
}

impl std::fmt::Display for SecretKeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretKeyError::TooShort(chars) => write!(
                f,
                "the secret has {chars} characters; at least {MIN_SECRET_CHARS} are needed \
                 (make one with `openssl rand -hex 32`)"
            ),
            SecretKeyError::BadVersion => {
                write!(f, "a versioned key is `v<N>.<secret>` with N from 1")
            }
        }
    }
}

impl<'a> SecretKey<'a> {
    /// Reads `v<N>.<secret>` or a bare secret (version 1).
    pub fn parse(value: &'a str) -> Result<SecretKey<'a>, SecretKeyError> {
        let value = value.trim();
        let versioned = value
            .strip_prefix('v')
            .and_then(|rest| rest.split_once('.'))
            .filter(|(digits, _)| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
        let key = match versioned {
            Some((digits, secret)) => SecretKey {
                version: digits
                    .parse()
                    .ok()
                    .filter(|v| *v >= 1)
                    .ok_or(SecretKeyError::BadVersion)?,
                secret,
            },
            None => SecretKey {
                version: 1,
                secret: value,
            },
        };
        let chars = key.secret.chars().count();
        if chars < MIN_SECRET_CHARS {
            return Err(SecretKeyError::TooShort(chars));
        }
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn a_bare_secret_is_version_one() {
        let key = SecretKey::parse(HEX).expect("valid");
        assert_eq!(key.version, 1);
        assert_eq!(key.secret, HEX);
    }

    #[test]
    fn a_versioned_key_carries_its_version() {
        let value = format!("v12.{HEX}");
        let key = SecretKey::parse(&value).expect("valid");
        assert_eq!(key.version, 12);
        assert_eq!(key.secret, HEX);
    }

    #[test]
    fn short_secrets_and_bad_versions_are_refused() {
        assert_eq!(SecretKey::parse("short"), Err(SecretKeyError::TooShort(5)));
        assert_eq!(
            SecretKey::parse(&format!("v2.{}", &HEX[..31])),
            Err(SecretKeyError::TooShort(31))
        );
        assert_eq!(
            SecretKey::parse(&format!("v0.{HEX}")),
            Err(SecretKeyError::BadVersion)
        );
        assert_eq!(SecretKey::parse(""), Err(SecretKeyError::TooShort(0)));
    }
}
