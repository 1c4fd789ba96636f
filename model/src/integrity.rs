//! What staff see to judge a consultation's integrity: refused writes by
//! reason, the busiest networks, and a plain verdict.

use serde::{Deserialize, Serialize};

/// Why a resident write was refused before it counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// No allowed `Origin`: not from one of the city's pages.
    Origin,
    /// No valid proof of work.
    Proof,
    /// Over the per-minute limits.
    RateLimited,
    /// Over the network's daily cap in the widget.
    DailyCap,
}

/// Refused writes of one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalCount {
    /// The reason.
    pub reason: RefusalReason,
    /// How many.
    pub count: u64,
}

/// One network's share of the participation (ballots or ideas).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkShare {
    /// The first hex digits of the network's keyed hash: enough to tell
    /// networks apart, nothing to find them with.
    pub network: String,
    /// Ballots or ideas from it.
    pub count: u64,
    /// Its share of all of them, in whole percent.
    pub percent: u8,
}

/// The plain-language judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// Comment threads: networks are not recorded for comments.
    NotMeasured,
    /// Fewer than [`MIN_TO_JUDGE`] contributions: too few to say.
    TooFewToJudge,
    /// No network stands out.
    NoAnomaly,
    /// One network brought this share of the contributions.
    OneNetwork {
        /// Its share, in whole percent.
        percent: u8,
    },
}

/// Contributions needed before a verdict means anything.
pub const MIN_TO_JUDGE: u64 = 10;
/// The share from one network that staff should look at. A public meeting
/// on the town hall's Wi-Fi can explain it; the verdict says what it sees
/// and staff judge.
pub const NOTABLE_SHARE: u8 = 25;

/// The verdict for `total` contributions whose busiest network brought
/// `busiest`.
pub fn verdict(total: u64, busiest: u64) -> Verdict {
    if total < MIN_TO_JUDGE {
        return Verdict::TooFewToJudge;
    }
    let percent = share(busiest, total);
    if percent >= NOTABLE_SHARE {
        Verdict::OneNetwork { percent }
    } else {
        Verdict::NoAnomaly
    }
}

/// `part` of `total` in whole percent (rounded down, 0 for an empty total).
pub fn share(part: u64, total: u64) -> u8 {
    if total == 0 {
        return 0;
    }
    (part.min(total) * 100 / total) as u8
}

/// `GET /v1/staff/widgets/{id}/integrity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrityReport {
    /// Ballots (polls) or ideas (idea boxes) counted; comments for threads.
    pub participation: u64,
    /// Contributions at the open (anonymous) level; in a poll by invitation
    /// code, the ballots by level are in its results.
    pub open_level: u64,
    /// Refused writes by reason, since the consultation began.
    pub refusals: Vec<RefusalCount>,
    /// The five busiest networks, busiest first (polls and idea boxes).
    pub busiest_networks: Vec<NetworkShare>,
    /// The judgement.
    pub verdict: Verdict,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        let check = |total, busiest, expected| assert_eq!(verdict(total, busiest), expected);
        check(0, 0, Verdict::TooFewToJudge);
        check(9, 9, Verdict::TooFewToJudge);
        check(100, 24, Verdict::NoAnomaly);
        check(100, 25, Verdict::OneNetwork { percent: 25 });
        check(50, 19, Verdict::OneNetwork { percent: 38 });
        check(10, 10, Verdict::OneNetwork { percent: 100 });
    }

    #[test]
    fn shares_never_exceed_a_hundred() {
        assert_eq!(share(3, 0), 0);
        assert_eq!(share(1, 3), 33);
        assert_eq!(share(5, 3), 100);
    }
}
