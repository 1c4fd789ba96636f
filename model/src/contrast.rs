//! Colour checks for a city's theme: the `#rrggbb` format and the WCAG 2.1
//! contrast ratio the dashboard warns about.

/// Whether a value is a `#rrggbb` colour.
pub fn is_hex_colour(value: &str) -> bool {
    value.len() == 7 && value.starts_with('#') && value[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1.0 to 21.0).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let luminance = |colour: &str| -> Option<f64> {
        if !is_hex_colour(colour) {
            return None;
        }
        let channel = |range: std::ops::Range<usize>| -> Option<f64> {
            let value = f64::from(u8::from_str_radix(&colour[range], 16).ok()?) / 255.0;
            Some(if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            })
        };
        Some(0.2126 * channel(1..3)? + 0.7152 * channel(3..5)? + 0.0722 * channel(5..7)?)
    };
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast() {
        let white_on_blue = contrast_ratio("#ffffff", "#1d4ed8").expect("colours");
        assert!(
            white_on_blue > 6.0 && white_on_blue < 7.0,
            "{white_on_blue}"
        );
        assert_eq!(
            contrast_ratio("#000000", "#ffffff").map(|r| r.round()),
            Some(21.0)
        );
        assert_eq!(contrast_ratio("blue", "#ffffff"), None);
    }
}
