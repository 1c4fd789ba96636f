//! The languages Parvis speaks and how each writes numbers.

/// The language a widget speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Picks the language from a BCP 47 tag such as `fr-FR` or `en`;
    /// anything else falls back to French.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// A percentage as written in this language ("34 %" or "34%").
    pub fn percent(self, value: u8) -> String {
        match self {
            // French puts a narrow no-break space before the sign.
            Lang::Fr => format!("{value}\u{202f}%"),
            Lang::En => format!("{value}%"),
        }
    }

    /// A count of votes, with thousands separators and the right plural.
    pub fn votes(self, count: u64) -> String {
        let number = group_thousands(count, self.thousands_separator());
        match (self, count) {
            (Lang::Fr, 0 | 1) => format!("{number} vote"),
            (Lang::Fr, _) => format!("{number} votes"),
            (Lang::En, 1) => format!("{number} vote"),
            (Lang::En, _) => format!("{number} votes"),
        }
    }

    /// A date as written in running text: "26 novembre 2026", "26 November 2026".
    /// `rfc3339` is an API timestamp; anything unparsable is returned as is.
    pub fn date(self, rfc3339: &str) -> String {
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let Some(seconds) = crate::time::parse_rfc3339(rfc3339) else {
            return rfc3339.to_owned();
        };
        let day = crate::time::day_of(seconds);
        let (year, month, day_of_month) = (&day[..4], &day[5..7], &day[8..10]);
        let month_index = month.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1;
        let day_of_month = day_of_month.trim_start_matches('0');
        match self {
            Lang::Fr if day_of_month == "1" => format!("1er {} {year}", FR[month_index]),
            Lang::Fr => format!("{day_of_month} {} {year}", FR[month_index]),
            Lang::En => format!("{day_of_month} {} {year}", EN[month_index]),
        }
    }

    fn thousands_separator(self) -> char {
        match self {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        }
    }
}

fn group_thousands(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("EN"), Lang::En);
        assert_eq!(Lang::from_tag("fr-FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
        assert_eq!(Lang::from_tag(""), Lang::Fr);
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(Lang::Fr.votes(1), "1 vote");
        assert_eq!(Lang::Fr.votes(0), "0 vote");
        assert_eq!(Lang::Fr.votes(12_345), "12\u{202f}345 votes");
        assert_eq!(Lang::En.votes(0), "0 votes");
        assert_eq!(Lang::En.votes(1_234_567), "1,234,567 votes");
        assert_eq!(Lang::Fr.percent(34), "34\u{202f}%");
        assert_eq!(Lang::En.percent(34), "34%");
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(Lang::Fr.date("2026-11-26T09:00:00Z"), "26 novembre 2026");
        assert_eq!(Lang::Fr.date("2026-12-01T09:00:00Z"), "1er décembre 2026");
        assert_eq!(Lang::En.date("2026-02-03T23:59:59Z"), "3 February 2026");
        assert_eq!(Lang::En.date("not a date"), "not a date");
    }
}
