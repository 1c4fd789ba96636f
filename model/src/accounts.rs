//! Staff accounts: signing in, who is signed in, the accounts admins make,
//! and passwords (their length, and changing one's own).

use crate::city::CityView;
use crate::fields::{FieldError, FieldErrorCode, FieldErrors};
use crate::role::Role;
use crate::text::{Lines, clean_text};
use serde::{Deserialize, Serialize};

/// Shortest password staff may choose.
pub const MIN_PASSWORD: usize = 12;
/// Longest password accepted (PBKDF2 input stays bounded).
pub const MAX_PASSWORD: usize = 256;

/// Body of `POST /v1/staff/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// Account e-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// The signed-in staff member, from `GET /v1/staff/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    /// The account.
    pub account: StaffAccount,
    /// Their city.
    pub city: CityView,
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    /// Identifier.
    pub id: i64,
    /// E-mail, the sign-in name.
    pub email: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Whether they must change their temporary password.
    pub must_change_password: bool,
}

/// Body of `POST /v1/staff/accounts` (admins only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStaff {
    /// E-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Temporary password, to change at first sign-in.
    pub temporary_password: String,
}

/// A validated new account (e-mail lowercased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewStaff {
    /// Lowercased e-mail.
    pub email: String,
    /// Cleaned name.
    pub display_name: String,
    /// Role.
    pub role: Role,
}

/// Checks an e-mail's shape (one `@`, a dotted domain, no spaces) and lowercases it.
pub fn normalize_email(field: &str, email: &str) -> Result<String, FieldError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(FieldError::new(field, FieldErrorCode::InvalidFormat))
    }
}

/// Checks a new password's length.
pub fn check_password(field: &str, password: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(FieldError::new(field, FieldErrorCode::TooShort).with_limit(MIN_PASSWORD));
    }
    if length > MAX_PASSWORD {
        return Err(FieldError::new(field, FieldErrorCode::TooLong).with_limit(MAX_PASSWORD));
    }
    Ok(())
}

/// Validates a new account.
pub fn validate_new_staff(new: &NewStaff) -> Result<ValidNewStaff, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let email = errors.take(normalize_email("email", &new.email));
    let display_name = errors.take(clean_text(
        "display_name",
        &new.display_name,
        80,
        Lines::Single,
    ));
    errors.take(check_password(
        "temporary_password",
        &new.temporary_password,
    ));
    errors.finish(|| {
        Some(ValidNewStaff {
            email: email?,
            display_name: display_name?,
            role: new.role,
        })
    })
}

/// Body of `PUT /v1/staff/me/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The current password.
    pub current_password: String,
    /// The new one.
    pub new_password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_passwords() {
        assert_eq!(
            normalize_email("e", " Marie@Ville.FR "),
            Ok("marie@ville.fr".into())
        );
        for bad in [
            "marie",
            "marie@ville",
            "@ville.fr",
            "ma rie@ville.fr",
            "a@b@c.fr",
        ] {
            assert!(normalize_email("e", bad).is_err(), "{bad}");
        }
        assert!(check_password("p", "court").is_err());
        assert!(check_password("p", "assez-long-pour-passer").is_ok());
    }
}
