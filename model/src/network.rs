//! Which network a client writes from, as the abuse limits count it: an
//! IPv4 address alone (`/32`), an IPv6 address by its `/64` — the prefix an
//! access provider gives one home or one phone, so rotating the last 64 bits
//! does not make a new resident.

use std::net::IpAddr;

/// The network of `ip` (as Cloudflare's `CF-Connecting-IP` gives it):
/// `v4:a.b.c.d` or `v6:xxxx:xxxx:xxxx:xxxx::/64`. Anything unparsable is
/// one network of its own, `unknown`.
pub fn network_of(ip: &str) -> String {
    match ip.trim().parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => format!("v4:{v4}"),
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("v4:{v4}"),
            None => {
                let s = v6.segments();
                format!("v6:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Err(_) => "unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::network_of;

    fn check(ip: &str, expected: &str) {
        assert_eq!(network_of(ip), expected, "{ip}");
    }

    #[test]
    fn ipv4_is_its_own_network() {
        check("198.51.100.7", "v4:198.51.100.7");
        check(" 198.51.100.7 ", "v4:198.51.100.7");
        check("::ffff:198.51.100.7", "v4:198.51.100.7");
    }

    #[test]
    fn ipv6_addresses_of_one_slash_64_are_one_network() {
        let network = "v6:2001:db8:aa:1::/64";
        check("2001:db8:aa:1::1", network);
        check("2001:0db8:00aa:0001:ffff:ffff:ffff:fffe", network);
        check("2001:db8:aa:2::1", "v6:2001:db8:aa:2::/64");
    }

    #[test]
    fn anything_else_is_unknown() {
        check("", "unknown");
        check("not an ip", "unknown");
        check("198.51.100.7:443", "unknown");
    }
}
