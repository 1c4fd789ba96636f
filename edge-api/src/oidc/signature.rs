//! An ID token's signature, checked with WebCrypto against the provider's
//! JWKS (RS256, ES256) or with the client secret (HS256, FranceConnect's
//! default). The token is trusted only after this and the claims' checks.

use hmac::{Hmac, Mac};
use js_sys::{Array, Object, Reflect};
use parvis_model::oidc::{Header, Jws, TokenError};
use sha2::Sha256;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// The outcome when the signature cannot be checked for lack of a key: the
/// caller fetches the JWKS again once and retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// The signature verifies.
    Valid,
    /// No key of the JWKS fits the header.
    NoKey,
}

/// Checks `jws`'s signature under `header.alg` (already one accepted).
pub async fn check(
    jws: &Jws,
    header: &Header,
    jwks: &str,
    client_secret: &str,
) -> Result<Checked, TokenError> {
    if header.alg == "HS256" {
        let mut mac = Hmac::<Sha256>::new_from_slice(client_secret.as_bytes())
            .map_err(|_| TokenError::Signature)?;
        mac.update(jws.signing_input.as_bytes());
        return mac
            .verify_slice(&jws.signature)
            .map(|()| Checked::Valid)
            .map_err(|_| TokenError::Signature);
    }
    let Some(key) = find_key(jwks, header) else {
        return Ok(Checked::NoKey);
    };
    if verify(&key, &header.alg, jws).await? {
        Ok(Checked::Valid)
    } else {
        Err(TokenError::Signature)
    }
}

/// The JWK that signed a token: the one with its `kid`, else the only key
/// of its type; never a key made for another algorithm or for encryption.
fn find_key(jwks: &str, header: &Header) -> Option<serde_json::Value> {
    let kty = if header.alg == "ES256" { "EC" } else { "RSA" };
    let set: serde_json::Value = serde_json::from_str(jwks).ok()?;
    let fits = |key: &&serde_json::Value| {
        key["kty"] == kty
            && key.get("use").is_none_or(|u| u == "sig")
            && key.get("alg").is_none_or(|a| *a == header.alg.as_str())
    };
    let candidates: Vec<&serde_json::Value> = set["keys"].as_array()?.iter().filter(fits).collect();
    match &header.kid {
        Some(kid) => candidates
            .into_iter()
            .find(|key| key["kid"] == kid.as_str()),
        None if candidates.len() == 1 => candidates.into_iter().next(),
        None => None,
    }
    .cloned()
}

fn object(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    object
}

/// The public members of a JWK only, as a JavaScript object for importKey.
fn public_jwk(key: &serde_json::Value, members: &[&str]) -> Option<Object> {
    let object = Object::new();
    for member in members {
        let value = key.get(*member)?.as_str()?;
        Reflect::set(&object, &(*member).into(), &value.into()).ok()?;
    }
    Some(object)
}

async fn verify(key: &serde_json::Value, alg: &str, jws: &Jws) -> Result<bool, TokenError> {
    let (jwk, import, params) = match alg {
        "RS256" => {
            let algorithm = [("name", "RSASSA-PKCS1-v1_5"), ("hash", "SHA-256")];
            (
                public_jwk(key, &["kty", "n", "e"]),
                object(&algorithm),
                object(&algorithm),
            )
        }
        "ES256" => (
            public_jwk(key, &["kty", "crv", "x", "y"]),
            object(&[("name", "ECDSA"), ("namedCurve", "P-256")]),
            object(&[("name", "ECDSA"), ("hash", "SHA-256")]),
        ),
        _ => return Err(TokenError::Algorithm),
    };
    let jwk = jwk.ok_or(TokenError::UnknownKey)?;
    let subtle = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|crypto| crypto.dyn_into::<web_sys::Crypto>().ok())
        .ok_or(TokenError::Signature)?
        .subtle();
    let usages = Array::of1(&JsValue::from_str("verify"));
    let imported = subtle
        .import_key_with_object("jwk", &jwk, &import, false, &usages)
        .map_err(|_| TokenError::UnknownKey)?;
    // A key WebCrypto refuses (a P-384 key under ES256…) is no key for it.
    let key: CryptoKey = JsFuture::from(imported)
        .await
        .map_err(|_| TokenError::UnknownKey)?
        .unchecked_into();
    let verified = subtle
        .verify_with_object_and_u8_array_and_u8_array(
            &params,
            &key,
            &jws.signature,
            jws.signing_input.as_bytes(),
        )
        .map_err(|_| TokenError::Signature)?;
    let outcome = JsFuture::from(verified)
        .await
        .map_err(|_| TokenError::Signature)?;
    Ok(outcome.as_bool() == Some(true))
}
