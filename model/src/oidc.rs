//! The relying party's pure half of OpenID Connect: the authorization
//! request, and an ID token's form and claims. The Worker fetches, checks
//! the signature with WebCrypto and keeps nothing of the token but a keyed
//! hash of its subject and its `acr`.

use crate::base64url;
use serde::Deserialize;

/// How far a provider's clock may be from ours, in seconds.
pub const CLOCK_SKEW_SECONDS: i64 = 120;
/// Signature algorithms accepted: FranceConnect's three. `none` never is.
pub const ALGORITHMS: &[&str] = &["RS256", "ES256", "HS256"];
/// Longest subject a provider may send (OpenID Connect Core §2: 255 ASCII).
const MAX_SUBJECT_CHARS: usize = 255;

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `name=value&…`, percent-encoded: a query or a form body.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What one authorization request carries.
pub struct AuthorizationRequest<'a> {
    /// The provider's `authorization_endpoint`.
    pub endpoint: &'a str,
    /// The city's client id.
    pub client_id: &'a str,
    /// Parvis' callback.
    pub redirect_uri: &'a str,
    /// Random, ties the callback to this request.
    pub state: &'a str,
    /// Random, ties the ID token to this request.
    pub nonce: &'a str,
    /// S256 of the PKCE verifier, when the provider takes PKCE.
    pub code_challenge: Option<&'a str>,
    /// `acr_values` to ask for; empty for none.
    pub acr_values: &'a str,
    /// The resident's language, for the provider's pages.
    pub ui_locales: &'a str,
}

impl AuthorizationRequest<'_> {
    /// The address the sign-in window opens. The scope is `openid` alone:
    /// Parvis needs the subject and nothing else of the person.
    pub fn url(&self) -> String {
        let mut pairs = vec![
            ("response_type", "code"),
            ("client_id", self.client_id),
            ("redirect_uri", self.redirect_uri),
            ("scope", "openid"),
            ("state", self.state),
            ("nonce", self.nonce),
            ("prompt", "login"),
            ("ui_locales", self.ui_locales),
        ];
        if !self.acr_values.is_empty() {
            pairs.push(("acr_values", self.acr_values));
        }
        if let Some(challenge) = self.code_challenge {
            pairs.push(("code_challenge", challenge));
            pairs.push(("code_challenge_method", "S256"));
        }
        let separator = if self.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{}{separator}{}", self.endpoint, form_encode(&pairs))
    }
}

/// An ID token's header, as far as the relying party reads it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Header {
    /// The signature algorithm.
    pub alg: String,
    /// The signing key's id in the provider's JWKS.
    #[serde(default)]
    pub kid: Option<String>,
}

/// `aud`: one audience or several.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// One client.
    One(String),
    /// Several.
    Many(Vec<String>),
}

/// The claims checked and kept (the rest is ignored).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// The person's identifier at the provider (never stored as such).
    pub sub: String,
    /// Audience.
    pub aud: Audience,
    /// Authorized party, when several audiences.
    #[serde(default)]
    pub azp: Option<String>,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
    /// Issued at.
    pub iat: i64,
    /// The nonce of the request.
    #[serde(default)]
    pub nonce: Option<String>,
    /// The authentication's assurance level.
    #[serde(default)]
    pub acr: Option<String>,
}

/// A compact JWS split in its parts, not yet trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jws {
    /// `header.payload`, what the signature covers.
    pub signing_input: String,
    /// The decoded header's JSON.
    pub header_json: Vec<u8>,
    /// The decoded payload's JSON.
    pub payload_json: Vec<u8>,
    /// The signature's bytes.
    pub signature: Vec<u8>,
}

/// Why an ID token is refused; said to the resident in plain words by the
/// callback page and to staff in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not three base64url parts of JSON.
    Malformed,
    /// An algorithm not accepted (`none` included).
    Algorithm,
    /// No key of the provider's JWKS fits the header.
    UnknownKey,
    /// The signature does not verify.
    Signature,
    /// Another issuer.
    Issuer,
    /// Not issued to this client.
    Audience,
    /// Expired, or issued in the future.
    Time,
    /// Another request's nonce, or none.
    Nonce,
    /// No subject, or an impossible one.
    Subject,
    /// A lower assurance level than asked for.
    AssuranceLevel,
}

impl TokenError {
    /// A stable name for logs and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenError::Malformed => "malformed",
            TokenError::Algorithm => "algorithm",
            TokenError::UnknownKey => "unknown_key",
            TokenError::Signature => "signature",
            TokenError::Issuer => "issuer",
            TokenError::Audience => "audience",
            TokenError::Time => "time",
            TokenError::Nonce => "nonce",
            TokenError::Subject => "subject",
            TokenError::AssuranceLevel => "assurance_level",
        }
    }
}

/// Splits a compact JWS into its decoded parts.
pub fn split(token: &str) -> Result<Jws, TokenError> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let decode = |part: &str| base64url::decode(part).ok_or(TokenError::Malformed);
    Ok(Jws {
        signing_input: format!("{header}.{payload}"),
        header_json: decode(header)?,
        payload_json: decode(payload)?,
        signature: decode(signature)?,
    })
}

/// Checks the header's algorithm.
pub fn check_algorithm(header: &Header) -> Result<(), TokenError> {
    if ALGORITHMS.contains(&header.alg.as_str()) {
        Ok(())
    } else {
        Err(TokenError::Algorithm)
    }
}

/// What the claims must say.
pub struct Expected<'a> {
    /// The configured issuer.
    pub issuer: &'a str,
    /// The city's client id.
    pub client_id: &'a str,
    /// The request's nonce.
    pub nonce: &'a str,
    /// The `acr_values` asked for; empty accepts any.
    pub acr_values: &'a str,
    /// Now, seconds since the epoch.
    pub now: i64,
}

/// Checks a signed token's claims (OpenID Connect Core §3.1.3.7).
pub fn check_claims(claims: &Claims, expected: &Expected) -> Result<(), TokenError> {
    if claims.iss != expected.issuer {
        return Err(TokenError::Issuer);
    }
    let audience_ok = match &claims.aud {
        Audience::One(one) => one == expected.client_id,
        Audience::Many(many) => {
            many.iter().any(|a| a == expected.client_id)
                && (many.len() == 1 || claims.azp.as_deref() == Some(expected.client_id))
        }
    };
    if !audience_ok
        || claims
            .azp
            .as_deref()
            .is_some_and(|a| a != expected.client_id)
    {
        return Err(TokenError::Audience);
    }
    if claims.exp <= expected.now - CLOCK_SKEW_SECONDS
        || claims.iat > expected.now + CLOCK_SKEW_SECONDS
    {
        return Err(TokenError::Time);
    }
    if claims.nonce.as_deref() != Some(expected.nonce) {
        return Err(TokenError::Nonce);
    }
    if claims.sub.is_empty()
        || claims.sub.chars().count() > MAX_SUBJECT_CHARS
        || claims.sub.chars().any(char::is_control)
    {
        return Err(TokenError::Subject);
    }
    if !acr_satisfies(claims.acr.as_deref(), expected.acr_values) {
        return Err(TokenError::AssuranceLevel);
    }
    Ok(())
}

/// The level of an eIDAS `acr` (`eidas1` to `eidas3`), which FranceConnect
/// and FranceConnect+ use.
fn eidas_level(acr: &str) -> Option<u8> {
    match acr {
        "eidas1" => Some(1),
        "eidas2" => Some(2),
        "eidas3" => Some(3),
        _ => None,
    }
}

/// Whether the token's `acr` is one of those asked for (`acr_values`,
/// space-separated; none asked accepts any) or, for eIDAS levels, at
/// least the lowest asked: a provider may authenticate more strongly than
/// asked.
pub fn acr_satisfies(acr: Option<&str>, asked: &str) -> bool {
    let asked: Vec<&str> = asked.split_whitespace().collect();
    if asked.is_empty() {
        return true;
    }
    let Some(acr) = acr else {
        return false;
    };
    let lowest_eidas = asked.iter().filter_map(|a| eidas_level(a)).min();
    asked.contains(&acr)
        || matches!((eidas_level(acr), lowest_eidas), (Some(got), Some(least)) if got >= least)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            iss: "https://idp.example".to_owned(),
            sub: "abc".to_owned(),
            aud: Audience::One("client".to_owned()),
            azp: None,
            exp: 1_000_060,
            iat: 1_000_000,
            nonce: Some("n0nce".to_owned()),
            acr: Some("eidas1".to_owned()),
        }
    }

    fn expected(now: i64) -> Expected<'static> {
        Expected {
            issuer: "https://idp.example",
            client_id: "client",
            nonce: "n0nce",
            acr_values: "eidas1",
            now,
        }
    }

    #[test]
    fn a_sound_token_passes_and_each_wrong_claim_is_named() {
        assert_eq!(check_claims(&claims(), &expected(1_000_010)), Ok(()));
        let cases: Vec<(Claims, TokenError)> = vec![
            (
                Claims {
                    iss: "https://other.example".to_owned(),
                    ..claims()
                },
                TokenError::Issuer,
            ),
            (
                Claims {
                    aud: Audience::One("another".to_owned()),
                    ..claims()
                },
                TokenError::Audience,
            ),
            (
                Claims {
                    aud: Audience::Many(vec!["client".to_owned(), "x".to_owned()]),
                    ..claims()
                },
                TokenError::Audience,
            ),
            (
                Claims {
                    nonce: Some("other".to_owned()),
                    ..claims()
                },
                TokenError::Nonce,
            ),
            (
                Claims {
                    nonce: None,
                    ..claims()
                },
                TokenError::Nonce,
            ),
            (
                Claims {
                    acr: Some("eidas0".to_owned()),
                    ..claims()
                },
                TokenError::AssuranceLevel,
            ),
            (
                Claims {
                    sub: String::new(),
                    ..claims()
                },
                TokenError::Subject,
            ),
        ];
        for (claims, error) in cases {
            assert_eq!(
                check_claims(&claims, &expected(1_000_010)),
                Err(error),
                "{claims:?}"
            );
        }
        let several = Claims {
            aud: Audience::Many(vec!["client".to_owned(), "x".to_owned()]),
            azp: Some("client".to_owned()),
            ..claims()
        };
        assert_eq!(check_claims(&several, &expected(1_000_010)), Ok(()));
    }

    #[test]
    fn a_stronger_eidas_level_than_asked_is_accepted_a_weaker_one_is_not() {
        assert!(acr_satisfies(Some("eidas2"), "eidas1"));
        assert!(acr_satisfies(Some("eidas1"), "eidas1"));
        assert!(!acr_satisfies(Some("eidas1"), "eidas2"));
        assert!(!acr_satisfies(None, "eidas1"));
        assert!(!acr_satisfies(Some("loa-high"), "eidas1"));
        assert!(acr_satisfies(Some("loa-high"), "loa-substantial loa-high"));
        assert!(acr_satisfies(None, ""));
    }

    #[test]
    fn expiry_and_issue_time_allow_the_clock_skew_only() {
        let edge = 1_000_060 + CLOCK_SKEW_SECONDS;
        assert_eq!(check_claims(&claims(), &expected(edge - 1)), Ok(()));
        assert_eq!(
            check_claims(&claims(), &expected(edge)),
            Err(TokenError::Time)
        );
        assert_eq!(
            check_claims(&claims(), &expected(1_000_000 - CLOCK_SKEW_SECONDS - 1)),
            Err(TokenError::Time)
        );
    }

    #[test]
    fn only_three_part_base64url_tokens_split_and_none_is_refused() {
        let jws = split("eyJhbGciOiJSUzI1NiJ9.e30.AQID").expect("split");
        assert_eq!(jws.header_json, br#"{"alg":"RS256"}"#);
        assert_eq!(jws.signature, [1, 2, 3]);
        assert_eq!(jws.signing_input, "eyJhbGciOiJSUzI1NiJ9.e30");
        for bad in ["a.b", "a.b.c.d", "eyJ=.e30.AQID", ""] {
            assert_eq!(split(bad), Err(TokenError::Malformed), "{bad}");
        }
        let none = Header {
            alg: "none".to_owned(),
            kid: None,
        };
        assert_eq!(check_algorithm(&none), Err(TokenError::Algorithm));
    }

    #[test]
    fn the_authorization_request_asks_for_openid_alone() {
        let url = AuthorizationRequest {
            endpoint: "https://idp.example/authorize",
            client_id: "c",
            redirect_uri: "https://parvis.example/oidc/callback",
            state: "s",
            nonce: "n",
            code_challenge: Some("x"),
            acr_values: "eidas1",
            ui_locales: "fr",
        }
        .url();
        assert!(url.starts_with("https://idp.example/authorize?response_type=code&client_id=c&"));
        assert!(url.contains("redirect_uri=https%3A%2F%2Fparvis.example%2Foidc%2Fcallback"));
        assert!(url.contains("&scope=openid&"));
        assert!(url.contains("&acr_values=eidas1"));
        assert!(url.ends_with("&code_challenge=x&code_challenge_method=S256"));
    }
}
