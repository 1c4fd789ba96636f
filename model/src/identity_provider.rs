//! A city's OpenID Connect provider (FranceConnect, or any other), as staff
//! configure it, and the checks on what they type.
//!
//! The client secret is never in D1 nor in this payload: it is a Worker
//! secret named by [`secret_name`], set with `wrangler secret put`.

use crate::fields::{FieldError, FieldErrorCode, FieldErrors};
use serde::{Deserialize, Serialize};

/// Longest issuer, client id or `acr` list accepted.
pub const MAX_SETTING_CHARS: usize = 300;
/// Longest name shown on the sign-in button.
pub const MAX_DISPLAY_NAME_CHARS: usize = 60;

/// FranceConnect's issuers, documented in the README and offered by the
/// dashboard: (label, issuer).
pub const FRANCECONNECT_ISSUERS: &[(&str, &str)] = &[
    (
        "FranceConnect — intégration",
        "https://fcp-low.integ01.dev-franceconnect.fr/api/v2",
    ),
    (
        "FranceConnect — production",
        "https://oidc.franceconnect.gouv.fr/api/v2",
    ),
];

/// `GET`/`PUT /v1/staff/identity-provider`: what staff set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityProviderSettings {
    /// The provider's issuer, exactly as its discovery document names itself.
    pub issuer: String,
    /// The client id the provider gave the city.
    pub client_id: String,
    /// What residents read on the button ("FranceConnect").
    pub display_name: String,
    /// Whether to send PKCE (S256). FranceConnect's core refuses it; most
    /// other providers accept or require it.
    pub pkce: bool,
    /// `acr_values` to ask for, space-separated (`eidas1`); an ID token
    /// must then carry one of them. Empty: none asked, any recorded.
    #[serde(default)]
    pub acr_values: String,
}

/// What staff read back: the settings and what to do with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityProviderView {
    /// The settings, when the city has a provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<IdentityProviderSettings>,
    /// The redirect URI to register with the provider.
    pub redirect_uri: String,
    /// The Worker secret that holds the client secret.
    pub secret_name: String,
    /// Whether that secret is set in this deployment.
    pub secret_set: bool,
}

/// The Worker secret holding city `city_id`'s client secret.
pub fn secret_name(city_id: i64) -> String {
    format!("OIDC_CLIENT_SECRET_CITY_{city_id}")
}

/// Whether `host` is this machine, where plain `http` is allowed (a local
/// provider for development and tests).
fn is_loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// Checks an issuer: `https://host[/path]` (plain `http` only on loopback),
/// no query, fragment or user information.
pub fn check_issuer(field: &str, issuer: &str) -> Result<String, FieldError> {
    let issuer = issuer.trim();
    let invalid = || FieldError::new(field, FieldErrorCode::InvalidFormat);
    if issuer.is_empty() {
        return Err(FieldError::new(field, FieldErrorCode::Required));
    }
    if issuer.chars().count() > MAX_SETTING_CHARS {
        return Err(FieldError::new(field, FieldErrorCode::TooLong).with_limit(MAX_SETTING_CHARS));
    }
    let (secure, rest) = match (
        issuer.strip_prefix("https://"),
        issuer.strip_prefix("http://"),
    ) {
        (Some(rest), _) => (true, rest),
        (_, Some(rest)) => (false, rest),
        _ => return Err(invalid()),
    };
    if rest.contains(['?', '#', '@', ' ']) || !rest.is_ascii() {
        return Err(invalid());
    }
    let authority = rest.split('/').next().unwrap_or_default();
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            if !port.chars().all(|c| c.is_ascii_digit()) || port.is_empty() {
                return Err(invalid());
            }
            host
        }
        _ => authority,
    };
    if host.is_empty() || (!secure && !is_loopback(host)) {
        return Err(invalid());
    }
    Ok(issuer.to_owned())
}

fn check_token_text(field: &str, value: &str, required: bool) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() && required {
        return Err(FieldError::new(field, FieldErrorCode::Required));
    }
    if value.chars().count() > MAX_SETTING_CHARS {
        return Err(FieldError::new(field, FieldErrorCode::TooLong).with_limit(MAX_SETTING_CHARS));
    }
    if !value.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return Err(FieldError::new(field, FieldErrorCode::InvalidCharacters));
    }
    Ok(value.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Checks what staff typed; the settings as stored.
pub fn validate_settings(
    settings: &IdentityProviderSettings,
) -> Result<IdentityProviderSettings, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let issuer = errors.take(check_issuer("issuer", &settings.issuer));
    let client_id = errors.take(check_token_text("client_id", &settings.client_id, true));
    let acr_values = errors.take(check_token_text("acr_values", &settings.acr_values, false));
    let display_name = errors.take(crate::text::clean_text(
        "display_name",
        &settings.display_name,
        MAX_DISPLAY_NAME_CHARS,
        crate::text::Lines::Single,
    ));
    errors.finish(|| {
        Some(IdentityProviderSettings {
            issuer: issuer?,
            client_id: client_id?,
            display_name: display_name?,
            pkce: settings.pkce,
            acr_values: acr_values?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(issuer: &str) -> IdentityProviderSettings {
        IdentityProviderSettings {
            issuer: issuer.to_owned(),
            client_id: "abc123".to_owned(),
            display_name: "FranceConnect".to_owned(),
            pkce: false,
            acr_values: " eidas1  eidas2 ".to_owned(),
        }
    }

    #[test]
    fn franceconnect_and_loopback_issuers_pass() {
        for (_, issuer) in FRANCECONNECT_ISSUERS {
            assert!(validate_settings(&settings(issuer)).is_ok(), "{issuer}");
        }
        let valid = validate_settings(&settings("http://127.0.0.1:9000")).expect("loopback");
        assert_eq!(valid.acr_values, "eidas1 eidas2");
        assert!(check_issuer("issuer", "https://idp.example:8443/realms/ville").is_ok());
    }

    #[test]
    fn plain_http_elsewhere_queries_and_blanks_are_refused() {
        for bad in [
            "http://idp.example",
            "ftp://idp.example",
            "https://idp.example/?tenant=1",
            "https://idp.example/#x",
            "https://user@idp.example",
            "https://",
            "https://idp.example:x",
            "idp.example",
        ] {
            assert_eq!(
                check_issuer("issuer", bad).map_err(|e| e.code),
                Err(FieldErrorCode::InvalidFormat),
                "{bad}"
            );
        }
        let errors = validate_settings(&IdentityProviderSettings {
            client_id: " ".to_owned(),
            display_name: String::new(),
            ..settings("")
        })
        .expect_err("blank");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["issuer", "client_id", "display_name"]);
    }

    #[test]
    fn each_city_has_its_own_secret() {
        assert_eq!(secret_name(7), "OIDC_CLIENT_SECRET_CITY_7");
        assert_ne!(secret_name(1), secret_name(11));
    }
}
