//! Ballots: what a resident sends to vote, and the rules that make it valid.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Body of `POST /v1/widgets/{id}/ballots`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotRequest {
    /// Identifiers of the chosen options.
    pub choices: Vec<String>,
    /// Polls with `code` participation: the resident's invitation code, as
    /// typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Polls with `verified` participation: the grant the sign-in window
    /// gave (`crate::verification::Grant`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
}

/// How many options one ballot may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceRules {
    /// Fewest options a ballot must choose (at least 1).
    pub min: usize,
    /// Most options a ballot may choose.
    pub max: usize,
}

impl ChoiceRules {
    /// A single-choice poll: exactly one option.
    pub const SINGLE: ChoiceRules = ChoiceRules { min: 1, max: 1 };
}

/// Why a ballot is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BallotError {
    /// Fewer choices than the poll requires.
    #[error("choose at least {min} option(s)")]
    TooFewChoices {
        /// The required minimum.
        min: usize,
    },
    /// More choices than the poll allows.
    #[error("choose at most {max} option(s)")]
    TooManyChoices {
        /// The allowed maximum.
        max: usize,
    },
    /// A choice that names no option of this poll.
    #[error("unknown option {0:?}")]
    UnknownOption(String),
    /// The same option named twice.
    #[error("option {0:?} chosen twice")]
    DuplicateChoice(String),
}

/// Checks `choices` against the poll's option identifiers and rules, and
/// returns them in the poll's display order.
///
/// Counting is checked before anything else, so a request with thousands of
/// choices is refused without looking at each one.
pub fn validate_choices(
    choices: &[String],
    option_ids: &[&str],
    rules: ChoiceRules,
) -> Result<Vec<String>, BallotError> {
    if choices.len() < rules.min.max(1) {
        return Err(BallotError::TooFewChoices {
            min: rules.min.max(1),
        });
    }
    if choices.len() > rules.max {
        return Err(BallotError::TooManyChoices { max: rules.max });
    }
    for (index, choice) in choices.iter().enumerate() {
        if !option_ids.contains(&choice.as_str()) {
            return Err(BallotError::UnknownOption(choice.clone()));
        }
        if choices[..index].contains(choice) {
            return Err(BallotError::DuplicateChoice(choice.clone()));
        }
    }
    Ok(option_ids
        .iter()
        .filter(|id| choices.iter().any(|c| c == *id))
        .map(|id| (*id).to_owned())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTIONS: &[&str] = &["trees", "market", "benches"];

    fn check(choices: &[&str], rules: ChoiceRules, expected: Result<&[&str], BallotError>) {
        let choices: Vec<String> = choices.iter().map(|c| (*c).to_owned()).collect();
        let got = validate_choices(&choices, OPTIONS, rules);
        let expected = expected.map(|ids| ids.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
        assert_eq!(got, expected, "choices {choices:?}");
    }

    #[test]
    fn single_choice() {
        let single = ChoiceRules::SINGLE;
        check(&["market"], single, Ok(&["market"]));
        check(&[], single, Err(BallotError::TooFewChoices { min: 1 }));
        check(
            &["market", "trees"],
            single,
            Err(BallotError::TooManyChoices { max: 1 }),
        );
        check(
            &["fountain"],
            single,
            Err(BallotError::UnknownOption("fountain".into())),
        );
        check(
            &[""],
            single,
            Err(BallotError::UnknownOption(String::new())),
        );
    }

    #[test]
    fn multiple_choice() {
        let two_or_three = ChoiceRules { min: 2, max: 3 };
        check(
            &["benches", "trees"],
            two_or_three,
            Ok(&["trees", "benches"]),
        );
        check(
            &["trees"],
            two_or_three,
            Err(BallotError::TooFewChoices { min: 2 }),
        );
        check(
            &["trees", "trees"],
            two_or_three,
            Err(BallotError::DuplicateChoice("trees".into())),
        );
    }

    #[test]
    fn a_zero_minimum_still_needs_one_choice() {
        check(
            &[],
            ChoiceRules { min: 0, max: 2 },
            Err(BallotError::TooFewChoices { min: 1 }),
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let parsed: Result<BallotRequest, _> =
            serde_json::from_str(r#"{"choices":["a"],"extra":1}"#);
        assert!(parsed.is_err());
    }
}
