//! Numbers that more than one crate must agree on: the Worker enforces
//! them, the tools and tests derive their waits and fixtures from them.

/// A write's `Idempotency-Key` claim still in progress after this many
/// seconds was abandoned (the Worker stopped mid-request), and a retry
/// takes it over. The crash test waits just past it before retrying.
pub const STALE_CLAIM_SECONDS: i64 = 10;

/// Largest request body the API reads; anything larger is refused with 413.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// PBKDF2-HMAC-SHA256 iterations for staff passwords, made by the Worker
/// (through WebCrypto, whose maximum in the Workers runtime this is) and by
/// `cargo xtask admin` for a city's first admin.
pub const PASSWORD_ITERATIONS: u32 = 100_000;

/// A temporary password (a new account's, to be replaced at first sign-in)
/// is refused once older than this: 72 hours, so one sent on a Friday still
/// works on Monday, while one forgotten in a mailbox stops being a way in.
pub const TEMPORARY_PASSWORD_SECONDS: i64 = 72 * 3600;

/// Per widget and per network (see [`crate::network`]), how many ballots,
/// ideas and reports one day may bring by default. A town hall's public
/// Wi-Fi, a school or a mobile operator's shared IPv4 address carries many
/// residents: 50 is well above what one household casts, and far below what
/// a script needs to sway a consultation (it was about 18,000 an hour).
/// Staff raise it per widget for a public meeting on one network.
pub const DEFAULT_NETWORK_DAILY_CAP: u32 = 50;
/// The highest cap staff may set.
pub const MAX_NETWORK_DAILY_CAP: u32 = 100_000;
/// How long a network's daily count lasts, from its first write.
pub const CAP_WINDOW_SECONDS: i64 = 86_400;

/// The kinds of participation a daily cap counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participation {
    /// A poll ballot.
    Ballot,
    /// A proposed idea.
    Idea,
    /// A support given to an idea or a comment.
    Support,
    /// A report of a comment.
    Report,
}

impl Participation {
    /// Its name in counters and statistics.
    pub fn name(self) -> &'static str {
        match self {
            Participation::Ballot => "ballot",
            Participation::Idea => "idea",
            Participation::Support => "support",
            Participation::Report => "report",
        }
    }

    /// The daily cap for this kind given the widget's cap: one resident
    /// supports several ideas, so supports get five times as many.
    pub fn daily_cap(self, widget_cap: u32) -> u32 {
        match self {
            Participation::Support => widget_cap.saturating_mul(5),
            _ => widget_cap,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supports_get_five_times_the_widget_cap_and_never_overflow() {
        assert_eq!(Participation::Ballot.daily_cap(50), 50);
        assert_eq!(Participation::Report.daily_cap(50), 50);
        assert_eq!(Participation::Support.daily_cap(50), 250);
        assert_eq!(Participation::Support.daily_cap(u32::MAX), u32::MAX);
    }
}
