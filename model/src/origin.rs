//! Embed origins: exactly what a browser sends in `Origin` for a page,
//! `scheme://host[:port]`.

use serde::{Deserialize, Serialize};

/// Why a value cannot be an embed origin, or will never match a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginIssue {
    /// Not `http://` or `https://`.
    Scheme,
    /// No host, or a host with characters a host cannot have.
    Host,
    /// A port that is not a number from 1 to 65535.
    Port,
    /// A path, query or fragment (even a lone trailing `/`): browsers never send one.
    HasPath,
    /// The scheme's default port written out (`:443` on https): browsers omit it.
    DefaultPort,
    /// User information (`user@`) before the host.
    Credentials,
}

/// Checks and normalises an embed origin (lowercase scheme and host).
/// Errors say why the value would never match a real page's origin.
pub fn normalize_origin(value: &str) -> Result<String, OriginIssue> {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest)
    } else {
        return Err(OriginIssue::Scheme);
    };
    if rest.contains(['/', '?', '#']) {
        return Err(OriginIssue::HasPath);
    }
    if rest.contains('@') {
        return Err(OriginIssue::Credentials);
    }
    let (host, port) = split_port(rest)?;
    if !is_host(host) {
        return Err(OriginIssue::Host);
    }
    match (scheme, port) {
        ("https", Some(443)) | ("http", Some(80)) => Err(OriginIssue::DefaultPort),
        (_, Some(port)) => Ok(format!("{scheme}://{host}:{port}")),
        (_, None) => Ok(format!("{scheme}://{host}")),
    }
}

fn split_port(authority: &str) -> Result<(&str, Option<u16>), OriginIssue> {
    let colon = if authority.starts_with('[') {
        authority.find("]:").map(|i| i + 1)
    } else {
        authority.rfind(':')
    };
    match colon {
        None => Ok((authority, None)),
        Some(index) => {
            let port: u16 = authority[index + 1..]
                .parse()
                .map_err(|_| OriginIssue::Port)?;
            if port == 0 {
                return Err(OriginIssue::Port);
            }
            Ok((&authority[..index], Some(port)))
        }
    }
}

fn is_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Whether a page at a given address may show the city's widgets, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum PageCheck {
    /// The page's origin is in the list.
    Allowed {
        /// The page's origin, as its browser sends it.
        origin: String,
    },
    /// The page's origin is not in the list. `near` is a listed origin that
    /// differs only by `http`/`https` or a leading `www.`, the usual slip.
    NotListed {
        /// The page's origin, as its browser sends it.
        origin: String,
        /// A listed origin that looks meant for this page.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        near: Option<String>,
    },
    /// Not a web page's address.
    NotAnAddress,
}

/// Checks a page's address (as pasted from the browser's address bar)
/// against the city's allowed origins.
pub fn check_page(address: &str, allowed: &[String]) -> PageCheck {
    let address = address.trim();
    let authority_end = address
        .find("://")
        .map(|scheme_end| {
            let rest = &address[scheme_end + 3..];
            scheme_end + 3 + rest.find(['/', '?', '#']).unwrap_or(rest.len())
        })
        .unwrap_or(address.len());
    let Ok(origin) = normalize_origin(&address[..authority_end]) else {
        return PageCheck::NotAnAddress;
    };
    if allowed.contains(&origin) {
        return PageCheck::Allowed { origin };
    }
    let bare = |o: &str| {
        let rest = o.split_once("://").map_or(o, |(_, rest)| rest);
        rest.strip_prefix("www.").unwrap_or(rest).to_owned()
    };
    let near = allowed
        .iter()
        .find(|listed| bare(listed) == bare(&origin))
        .cloned();
    PageCheck::NotListed { origin, near }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, expected: Result<&str, OriginIssue>) {
        assert_eq!(
            normalize_origin(value).as_deref().map_err(|e| *e),
            expected,
            "{value}"
        );
    }

    #[test]
    fn table() {
        check("https://www.ville.fr", Ok("https://www.ville.fr"));
        check(" HTTPS://WWW.Ville.FR ", Ok("https://www.ville.fr"));
        check("http://127.0.0.1:8080", Ok("http://127.0.0.1:8080"));
        check("http://[::1]:8080", Ok("http://[::1]:8080"));
        check("https://xn--ville-bva.fr", Ok("https://xn--ville-bva.fr"));
        check("www.ville.fr", Err(OriginIssue::Scheme));
        check("ftp://ville.fr", Err(OriginIssue::Scheme));
        check("https://www.ville.fr/", Err(OriginIssue::HasPath));
        check("https://www.ville.fr/projets", Err(OriginIssue::HasPath));
        check("https://www.ville.fr:443", Err(OriginIssue::DefaultPort));
        check("https://www.ville.fr:99999", Err(OriginIssue::Port));
        check("https://user@ville.fr", Err(OriginIssue::Credentials));
        check("https://", Err(OriginIssue::Host));
        check("https://ville_de.fr", Err(OriginIssue::Host));
        check("https://ville..fr", Err(OriginIssue::Host));
    }

    #[test]
    fn a_page_address_is_checked_by_its_origin() {
        let allowed = vec!["https://www.ville.example".to_owned()];
        assert_eq!(
            check_page("https://www.ville.example/participer/?p=3#vote", &allowed),
            PageCheck::Allowed {
                origin: "https://www.ville.example".into()
            }
        );
        assert_eq!(
            check_page("https://ville.example/participer", &allowed),
            PageCheck::NotListed {
                origin: "https://ville.example".into(),
                near: Some("https://www.ville.example".into())
            }
        );
        assert_eq!(
            check_page("http://www.ville.example", &allowed),
            PageCheck::NotListed {
                origin: "http://www.ville.example".into(),
                near: Some("https://www.ville.example".into())
            }
        );
        assert_eq!(
            check_page("https://autre.example/", &allowed),
            PageCheck::NotListed {
                origin: "https://autre.example".into(),
                near: None
            }
        );
        for bad in [
            "",
            "ville.example/page",
            "ftp://ville.example",
            "https:///x",
        ] {
            assert_eq!(check_page(bad, &allowed), PageCheck::NotAnAddress, "{bad}");
        }
    }
}
