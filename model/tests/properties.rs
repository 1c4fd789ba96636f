//! Property tests of the shared rules: tallies, validation, normalisation,
//! time, CSV and links hold for all inputs, not just the table cases.

use parvis_model::ballot::{ChoiceRules, validate_choices};
use parvis_model::csv::{Separator, to_csv};
use parvis_model::origin::normalize_origin;
use parvis_model::percentages;
use parvis_model::text::{Lines, Segment, clean_text, segments};
use parvis_model::time::{format_rfc3339, parse_rfc3339};
use proptest::prelude::*;

proptest! {
    #[test]
    fn percentages_add_up_to_100_and_follow_the_counts(counts in prop::collection::vec(0u64..1_000_000, 0..12)) {
        let shares = percentages(&counts);
        prop_assert_eq!(shares.len(), counts.len());
        let total: u64 = counts.iter().sum();
        let sum: u32 = shares.iter().map(|&s| u32::from(s)).sum();
        prop_assert_eq!(sum, if total == 0 { 0 } else { 100 });
        for (i, &a) in counts.iter().enumerate() {
            for (j, &b) in counts.iter().enumerate() {
                if a > b {
                    prop_assert!(shares[i] >= shares[j], "{:?} -> {:?}", counts, shares);
                }
            }
            // Each share is within one point of the exact proportion.
            if total > 0 {
                let exact = a as f64 * 100.0 / total as f64;
                prop_assert!((f64::from(shares[i]) - exact).abs() < 1.0);
            }
        }
    }

    #[test]
    fn valid_ballots_are_exactly_the_distinct_known_choices_within_bounds(
        choices in prop::collection::vec(prop::sample::select(vec!["a", "b", "c", "d", "x", ""]), 0..8),
        min in 1usize..4,
        extra in 0usize..3,
    ) {
        let options = ["a", "b", "c", "d"];
        let rules = ChoiceRules { min, max: min + extra };
        let owned: Vec<String> = choices.iter().map(|c| (*c).to_owned()).collect();
        let result = validate_choices(&owned, &options, rules);
        let mut distinct = owned.clone();
        distinct.sort();
        distinct.dedup();
        let expected_ok = owned.len() >= min
            && owned.len() <= rules.max
            && distinct.len() == owned.len()
            && owned.iter().all(|c| options.contains(&c.as_str()));
        prop_assert_eq!(result.is_ok(), expected_ok, "{:?} {:?}", owned, rules);
        if let Ok(valid) = result {
            prop_assert_eq!(valid.len(), owned.len());
            // Returned in the poll's order.
            let positions: Vec<usize> = valid.iter().filter_map(|v| options.iter().position(|o| o == v)).collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn cleaned_text_is_trimmed_bounded_and_stable(input in "\\PC{0,80}", max in 1usize..60) {
        if let Ok(clean) = clean_text("f", &input, max, Lines::Multi) {
            prop_assert!(!clean.is_empty());
            prop_assert_eq!(clean.trim(), clean.as_str());
            prop_assert!(clean.chars().count() <= max);
            prop_assert!(!clean.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            // Cleaning is idempotent.
            prop_assert_eq!(clean_text("f", &clean, max, Lines::Multi), Ok(clean.clone()));
        }
    }

    #[test]
    fn times_round_trip(seconds in -2_000_000_000i64..8_000_000_000) {
        prop_assert_eq!(parse_rfc3339(&format_rfc3339(seconds)), Some(seconds));
    }

    #[test]
    fn time_parsing_never_panics(text in "\\PC{0,40}") {
        let _ = parse_rfc3339(&text);
    }

    #[test]
    fn normalised_origins_are_fixed_points(host in "[a-z][a-z0-9-]{0,20}(\\.[a-z]{2,6}){1,2}", port in prop::option::of(1u16..65535), https in any::<bool>()) {
        let scheme = if https { "https" } else { "http" };
        let origin = match port {
            Some(p) => format!("{scheme}://{host}:{p}"),
            None => format!("{scheme}://{host}"),
        };
        if let Ok(normal) = normalize_origin(&origin.to_uppercase()) {
            prop_assert_eq!(normalize_origin(&normal), Ok(normal.clone()));
        }
    }

    #[test]
    fn link_segments_rebuild_the_text_and_links_are_http(text in "(\\PC|https?://[a-z./]{0,12}| ){0,20}") {
        let parts = segments(&text);
        let rebuilt: String = parts.iter().map(|s| match s { Segment::Text(t) | Segment::Link(t) => *t }).collect();
        prop_assert_eq!(rebuilt, text.clone());
        for part in parts {
            if let Segment::Link(url) = part {
                let lower = url.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
                prop_assert!(!url.chars().any(char::is_whitespace));
            }
        }
    }

    #[test]
    fn csv_cells_round_trip(cells in prop::collection::vec("[a-z;,\"\\n ]{0,12}", 1..5)) {
        let csv = to_csv(Separator::Semicolon, &["h"], std::slice::from_ref(&cells));
        let body = csv.strip_prefix('\u{feff}').unwrap_or(&csv);
        // Quoted cells contain their separators and line breaks, so count rows
        // with a tiny parser.
        let (mut fields, mut cell, mut quoted, mut chars) = (Vec::new(), String::new(), false, body.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => { cell.push('"'); chars.next(); }
                ('"', _) => quoted = !quoted,
                (';', false) => fields.push(std::mem::take(&mut cell)),
                ('\r', false) => {}
                ('\n', false) => fields.push(std::mem::take(&mut cell)),
                (c, _) => cell.push(c),
            }
        }
        let mut expected = vec!["h".to_owned()];
        expected.extend(cells);
        prop_assert_eq!(fields, expected);
    }
}
