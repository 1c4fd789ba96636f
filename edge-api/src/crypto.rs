//! Hashes, keyed hashes, random tokens and password hashing. Passwords use
//! PBKDF2 through WebCrypto (`crypto.subtle`), which runs natively in the
//! runtime; everything else is synchronous Rust.

use crate::error::ApiError;
use hmac::{Hmac, Mac};
use js_sys::{Array, Reflect, Uint8Array};
use parvis_model::secret_key::SecretKey;
use sha2::{Digest, Sha256};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, Pbkdf2Params};
use worker::Env;

pub use parvis_model::limits::PASSWORD_ITERATIONS;

/// The secret's name in the Worker's environment (`.dev.vars` locally,
/// `wrangler secret put` in production): `v<N>.<secret>` (see
/// `parvis_model::secret_key`).
const KEY_BINDING: &str = "VOTER_HASH_KEY";
/// The key being rotated out, set only during a rotation's window.
const PREVIOUS_KEY_BINDING: &str = "VOTER_HASH_KEY_PREVIOUS";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 as hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// HMAC-SHA256 as hex.
pub fn hmac_hex(key: &[u8], message: &[u8]) -> Result<String, ApiError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|error| ApiError::Internal(format!("HMAC key refused: {error}")))?;
    mac.update(message);
    Ok(hex(&mac.finalize().into_bytes()))
}

/// A key binding's secret, checked: a missing or short key is a deployment
/// error, named plainly, never a hash made with a weak key.
fn binding_secret(env: &Env, binding: &str) -> Result<Option<String>, ApiError> {
    let Ok(value) = env.secret(binding).map(|secret| secret.to_string()) else {
        return Ok(None);
    };
    let key = SecretKey::parse(&value)
        .map_err(|error| ApiError::Internal(format!("{binding} is not usable: {error}")))?;
    Ok(Some(format!("v{}.{}", key.version, key.secret)))
}

/// The deployment's current secret key for keyed hashes.
fn secret_key(env: &Env) -> Result<String, ApiError> {
    binding_secret(env, KEY_BINDING)?
        .ok_or_else(|| ApiError::Internal(format!("the {KEY_BINDING} secret is not set")))
}

/// HMAC of `value` for `purpose` under `key`. Version 1 (a bare secret)
/// keeps the hashes made before keys had versions.
fn hash_with(key: &str, purpose: &str, value: &str) -> Result<String, ApiError> {
    let secret = key.strip_prefix("v1.").unwrap_or(key);
    hmac_hex(
        format!("{purpose}\u{0}{secret}").as_bytes(),
        value.as_bytes(),
    )
}

/// A keyed hash for a purpose (`voter`, `ip:<day>`, `email`…), so the same
/// input hashed for two purposes gives unrelated values.
pub fn keyed_hash(env: &Env, purpose: &str, value: &str) -> Result<String, ApiError> {
    hash_with(&secret_key(env)?, purpose, value)
}

/// The same keyed hash under the previous key, during a rotation (`None`
/// otherwise, or if that key is the current one).
pub fn previous_keyed_hash(
    env: &Env,
    purpose: &str,
    value: &str,
) -> Result<Option<String>, ApiError> {
    let Some(previous) = binding_secret(env, PREVIOUS_KEY_BINDING)? else {
        return Ok(None);
    };
    if previous == secret_key(env)? {
        return Ok(None);
    }
    hash_with(&previous, purpose, value).map(Some)
}

fn crypto() -> Result<Crypto, ApiError> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|value| value.dyn_into::<Crypto>().ok())
        .ok_or_else(|| ApiError::Internal("WebCrypto is unavailable".to_owned()))
}

/// `length` random bytes from the runtime's CSPRNG, as hex.
pub fn random_hex(length: usize) -> Result<String, ApiError> {
    let mut bytes = vec![0u8; length];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| ApiError::Internal("getRandomValues failed".to_owned()))?;
    Ok(hex(&bytes))
}

fn js_error(context: &str) -> impl Fn(JsValue) -> ApiError + '_ {
    move |error| ApiError::Internal(format!("{context}: {error:?}"))
}

/// PBKDF2-HMAC-SHA256 of `password` with `salt` (hex), 256 bits, as hex.
pub async fn pbkdf2_hex(
    password: &str,
    salt_hex: &str,
    iterations: u32,
) -> Result<String, ApiError> {
    let subtle = crypto()?.subtle();
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let password_bytes = Uint8Array::from(password.as_bytes());
    let key = JsFuture::from(
        subtle
            .import_key_with_str("raw", &password_bytes, "PBKDF2", false, &usages)
            .map_err(js_error("importKey"))?,
    )
    .await
    .map_err(js_error("importKey"))?;
    let salt = Uint8Array::from(decode_hex(salt_hex)?.as_slice());
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &salt);
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key.unchecked_into::<CryptoKey>(), 256)
            .map_err(js_error("deriveBits"))?,
    )
    .await
    .map_err(js_error("deriveBits"))?;
    Ok(hex(&Uint8Array::new(&bits).to_vec()))
}

fn decode_hex(text: &str) -> Result<Vec<u8>, ApiError> {
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| ApiError::Internal("bad hex in stored salt".to_owned()))
        })
        .collect()
}

/// Compares two strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_test_case_2() {
        assert_eq!(
            hmac_hex(b"Jefe", b"what do ya want for nothing?")
                .ok()
                .as_deref(),
            Some("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        );
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
