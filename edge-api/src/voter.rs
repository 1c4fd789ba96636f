//! Keyed hashes of voter tokens: what the database stores instead of them.

use crate::error::ApiError;
use hmac::{Hmac, Mac};
use parvis_model::VoterToken;
use sha2::Sha256;
use worker::Env;

/// The secret's name in the Worker's environment (`.dev.vars` locally,
/// `wrangler secret put` in production).
const KEY_BINDING: &str = "VOTER_HASH_KEY";

/// HMAC-SHA256 of the token under the deployment's secret key, as hex.
/// Without the key, a stolen database cannot be matched to tokens.
pub fn voter_hash(env: &Env, token: &VoterToken) -> Result<String, ApiError> {
    let key = env
        .secret(KEY_BINDING)
        .map_err(|_| ApiError::Internal(format!("the {KEY_BINDING} secret is not set")))?
        .to_string();
    hmac_hex(key.as_bytes(), token.as_str().as_bytes())
}

fn hmac_hex(key: &[u8], message: &[u8]) -> Result<String, ApiError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|error| ApiError::Internal(format!("HMAC key refused: {error}")))?;
    mac.update(message);
    Ok(mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::hmac_hex;

    #[test]
    fn rfc4231_test_case_2() {
        assert_eq!(
            hmac_hex(b"Jefe", b"what do ya want for nothing?")
                .ok()
                .as_deref(),
            Some("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        );
    }
}
