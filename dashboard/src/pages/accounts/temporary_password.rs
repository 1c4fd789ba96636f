//! The temporary password a new colleague first signs in with, made in the
//! browser.

/// Letters and digits that cannot be mistaken for one another when read
/// aloud or copied by hand.
const PASSWORD_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// How many characters a temporary password has.
const PASSWORD_LENGTH: usize = 16;

/// A random temporary password (about 92 bits), from the browser's CSPRNG.
pub fn temporary_password() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let alphabet = PASSWORD_ALPHABET.len();
    // Bytes at or above the largest multiple of the alphabet's size are
    // dropped so that every character is equally likely.
    let limit = 256 - 256 % alphabet;
    let mut password = String::new();
    while password.len() < PASSWORD_LENGTH {
        let mut bytes = [0u8; 32];
        crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
        password.extend(
            bytes
                .iter()
                .map(|&b| usize::from(b))
                .filter(|&b| b < limit)
                .map(|b| char::from(PASSWORD_ALPHABET[b % alphabet]))
                .take(PASSWORD_LENGTH - password.len()),
        );
    }
    Some(password)
}
