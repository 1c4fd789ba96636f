//! `cargo xtask admin`: creates a city (if new) and its first admin, with a
//! random temporary password printed once. There is no default password
//! anywhere but the local demo seed.
//!
//! ```text
//! cargo xtask admin --city-slug ville-x --city-name "Ville X" \
//!     --email admin@ville-x.fr --name "Camille Martin" \
//!     [--origin https://www.ville-x.fr]… [--remote]
//! ```

use crate::Result;
use crate::wrangler::{self, State};
use parvis_model::accounts::normalize_email;
use parvis_model::origin::normalize_origin;
use parvis_model::text::{Lines, clean_text};
use std::io::Read;

/// PBKDF2 iterations: the Worker's own number.
use parvis_model::limits::PASSWORD_ITERATIONS as ITERATIONS;

/// What the command creates.
#[derive(Debug, PartialEq, Eq)]
pub struct NewAdmin {
    city_slug: String,
    city_name: String,
    email: String,
    name: String,
    origins: Vec<String>,
}

fn parse(args: &[String]) -> Result<(NewAdmin, bool)> {
    const OPTIONS: [&str; 5] = ["city-slug", "city-name", "email", "name", "origin"];
    let mut values: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut remote = false;
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        if flag == "--remote" {
            remote = true;
            continue;
        }
        let name = flag
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {flag}"))?;
        if !OPTIONS.contains(&name) {
            return Err(format!("unknown option --{name}").into());
        }
        let value = iter
            .next()
            .ok_or_else(|| format!("--{name} needs a value"))?;
        values
            .entry(name.to_owned())
            .or_default()
            .push(value.clone());
    }
    let one = |key: &str| -> Result<String> {
        values
            .get(key)
            .and_then(|v| v.last().cloned())
            .ok_or_else(|| format!("--{key} is required").into())
    };
    let slug = one("city-slug")?;
    let slug_ok = !slug.is_empty()
        && slug.len() <= 60
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        return Err("--city-slug takes 1 to 60 of a-z, 0-9 and -".into());
    }
    let field_error = |e: parvis_model::FieldError| e.message();
    let admin = NewAdmin {
        city_slug: slug,
        city_name: clean_text("city-name", &one("city-name")?, 120, Lines::Single)
            .map_err(field_error)?,
        email: normalize_email("email", &one("email")?).map_err(field_error)?,
        name: clean_text("name", &one("name")?, 80, Lines::Single).map_err(field_error)?,
        origins: values
            .get("origin")
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|o| normalize_origin(o).map_err(|issue| format!("--origin {o}: {issue:?}")))
            .collect::<std::result::Result<_, _>>()?,
    };
    Ok((admin, remote))
}

/// SQL string literal.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// A readable random password: 20 characters from an alphabet without
/// look-alikes (about 110 bits).
fn random_password() -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes: [u8; 20] = random_bytes()?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// PBKDF2-HMAC-SHA256, 256 bits, as the Worker computes it with WebCrypto.
fn password_hash(password: &str, salt: &[u8]) -> String {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, ITERATIONS, &mut out);
    hex(&out)
}

/// The SQL that creates the city if needed, its origins and the admin.
fn sql(admin: &NewAdmin, salt_hex: &str, hash_hex: &str) -> String {
    let city = format!(
        "(SELECT id FROM cities WHERE slug = {})",
        quote(&admin.city_slug)
    );
    let mut sql = format!(
        "INSERT INTO cities (slug, name) VALUES ({}, {}) ON CONFLICT (slug) DO NOTHING;\n",
        quote(&admin.city_slug),
        quote(&admin.city_name)
    );
    for origin in &admin.origins {
        sql.push_str(&format!(
            "INSERT INTO city_origins (city_id, origin) VALUES ({city}, {}) ON CONFLICT DO NOTHING;\n",
            quote(origin)
        ));
    }
    sql.push_str(&format!(
        "INSERT INTO staff (city_id, email, display_name, role, password_hash, password_salt, \
         password_iterations, must_change_password, password_set_at) \
         VALUES ({city}, {}, {}, 'admin', {}, {}, {ITERATIONS}, 1, unixepoch());",
        quote(&admin.email),
        quote(&admin.name),
        quote(hash_hex),
        quote(salt_hex)
    ));
    sql
}

/// Creates the admin in the given local state (or remotely) and returns
/// their temporary password.
pub fn create(args: &[String], state: &State) -> Result<String> {
    let (admin, remote) = parse(args)?;
    let password = random_password()?;
    let salt: [u8; 16] = random_bytes()?;
    let statement = sql(&admin, &hex(&salt), &password_hash(&password, &salt));
    wrangler::execute_sql(state, &statement, remote)?;
    Ok(password)
}

/// The command: create, then print the password once.
pub fn run(args: &[String]) -> Result {
    let password = create(args, &State::Default)?;
    println!();
    println!("Admin created. Temporary password (shown once, to change at first sign-in):");
    println!("  {password}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn hashes_like_the_worker() {
        // The same vector the API test fixtures use (computed independently).
        let salt = [0x7e, 0x57].repeat(8);
        assert_eq!(
            password_hash("correct horse battery staple", &salt),
            "59c29d2f3e790404eaf1c3f4b0cc57dc16dc317467bae9f44dbf0bd27cc1c133"
        );
    }

    #[test]
    fn validates_and_quotes() {
        let (admin, remote) = parse(&args(&[
            "--city-slug",
            "saint-ouen",
            "--city-name",
            "Saint-Ouen-l'Aumône",
            "--email",
            " Maire@Ville.FR ",
            "--name",
            "Anne",
            "--origin",
            "HTTPS://www.ville.fr",
        ]))
        .expect("valid");
        assert!(!remote);
        assert_eq!(admin.email, "maire@ville.fr");
        assert_eq!(admin.origins, ["https://www.ville.fr"]);
        let sql = sql(&admin, "00", "11");
        assert!(sql.contains("'Saint-Ouen-l''Aumône'"), "{sql}");
        assert!(parse(&args(&["--city-slug", "Bad Slug"])).is_err());
        assert!(
            parse(&args(&[
                "--city-slug",
                "ok",
                "--city-name",
                "x",
                "--email",
                "nope",
                "--name",
                "x"
            ]))
            .is_err()
        );
        assert!(
            parse(&args(&[
                "--city-slug",
                "ok",
                "--city-name",
                "x",
                "--email",
                "a@b.fr",
                "--name",
                "x",
                "--origin",
                "https://x.fr/"
            ]))
            .is_err()
        );
    }

    #[test]
    fn passwords_are_long_and_random() {
        let (a, b) = (
            random_password().expect("random"),
            random_password().expect("random"),
        );
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
