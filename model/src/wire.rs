//! The JSON names of the model's enums, as a table clients can read without
//! serde (the resident widgets decode the API's JSON by hand to stay small).
//! A test checks each table against serde's own names.

use crate::audit::AuditAction;
use crate::comments::ReportReason;
use crate::ideas::{IdeaStatus, Visibility};
use crate::integrity::RefusalReason;
use crate::moderation::{Decision, ItemKind};
use crate::participation::ParticipationLevel;
use crate::role::Role;
use crate::widget::{ModerationMode, ResultsVisibility, WidgetKind, WidgetStatus};
use crate::{FieldErrorCode, ProblemCode};

/// An enum sent as a fixed snake_case string.
pub trait WireName: Sized + Copy + 'static {
    /// Every variant.
    const ALL: &'static [Self];

    /// The JSON name.
    fn wire_name(self) -> &'static str;

    /// The variant with this JSON name.
    fn from_wire_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.wire_name() == name)
    }
}

macro_rules! wire_names {
    ($type:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl WireName for $type {
            const ALL: &'static [Self] = &[$(<$type>::$variant),+];

            fn wire_name(self) -> &'static str {
                match self { $(<$type>::$variant => $name),+ }
            }
        }
    };
}

wire_names!(WidgetKind { Poll => "poll", Ideas => "ideas", Comments => "comments" });
wire_names!(WidgetStatus {
    Draft => "draft",
    Open => "open",
    Closed => "closed",
    Scheduled => "scheduled",
});
wire_names!(ModerationMode {
    BeforePublication => "before_publication",
    AfterPublication => "after_publication",
});
wire_names!(ResultsVisibility {
    Always => "always",
    AfterVoting => "after_voting",
    AfterClosing => "after_closing",
});
wire_names!(ParticipationLevel {
    Open => "open",
    Code => "code",
    Verified => "verified",
});
wire_names!(IdeaStatus {
    Submitted => "submitted",
    UnderReview => "under_review",
    Accepted => "accepted",
    InProgress => "in_progress",
    Done => "done",
    Rejected => "rejected",
});
wire_names!(Visibility {
    Pending => "pending",
    Published => "published",
    Hidden => "hidden",
    Rejected => "rejected",
});
wire_names!(ReportReason {
    Spam => "spam",
    Abuse => "abuse",
    OffTopic => "off_topic",
    PersonalData => "personal_data",
    Other => "other",
});
wire_names!(AuditAction {
    WidgetCreated => "widget_created",
    WidgetChanged => "widget_changed",
    Moderated => "moderated",
    ModerationUndone => "moderation_undone",
    IdeaAnswered => "idea_answered",
    CityReplied => "city_replied",
    WidgetArchived => "widget_archived",
    WidgetDeleted => "widget_deleted",
    CodesCreated => "codes_created",
    CodesDownloaded => "codes_downloaded",
    CodeRevoked => "code_revoked",
    IdentityProviderChanged => "identity_provider_changed",
});
wire_names!(ItemKind { Idea => "idea", Comment => "comment" });
wire_names!(Decision {
    Approve => "approve",
    Reject => "reject",
    Hide => "hide",
});
wire_names!(RefusalReason {
    Origin => "origin",
    Proof => "proof",
    RateLimited => "rate_limited",
    DailyCap => "daily_cap",
});
wire_names!(Role {
    Admin => "admin",
    Moderator => "moderator",
});
wire_names!(FieldErrorCode {
    Required => "required",
    TooLong => "too_long",
    TooShort => "too_short",
    InvalidCharacters => "invalid_characters",
    InvalidFormat => "invalid_format",
    OutOfRange => "out_of_range",
    Duplicate => "duplicate",
    Locked => "locked",
    Reserved => "reserved",
    Unreachable => "unreachable",
});

impl WireName for ProblemCode {
    const ALL: &'static [Self] = ProblemCode::ALL;

    fn wire_name(self) -> &'static str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use std::fmt::Debug;

    /// Every variant's table name is serde's, both ways.
    fn agrees<T: WireName + Serialize + DeserializeOwned + PartialEq + Debug>() {
        for &variant in T::ALL {
            let json = serde_json::to_value(variant).expect("serialises");
            assert_eq!(json, variant.wire_name(), "{variant:?}");
            let back: T = serde_json::from_value(json).expect("deserialises");
            assert_eq!(back, variant);
            assert_eq!(T::from_wire_name(variant.wire_name()), Some(variant));
        }
        assert_eq!(T::from_wire_name("no_such_name"), None);
    }

    #[test]
    fn tables_match_serde() {
        agrees::<WidgetKind>();
        agrees::<WidgetStatus>();
        agrees::<ModerationMode>();
        agrees::<ResultsVisibility>();
        agrees::<IdeaStatus>();
        agrees::<Visibility>();
        agrees::<ReportReason>();
        agrees::<FieldErrorCode>();
        agrees::<Role>();
        agrees::<AuditAction>();
        agrees::<ItemKind>();
        agrees::<Decision>();
        agrees::<RefusalReason>();
        agrees::<ProblemCode>();
        agrees::<ParticipationLevel>();
    }

    #[test]
    fn tables_are_complete() {
        // A variant added to an enum but not to its table fails to compile
        // (the match is exhaustive); this checks ALL lists each one once.
        assert_eq!(WidgetStatus::ALL.len(), 4);
        assert_eq!(ParticipationLevel::ALL.len(), 3);
        assert_eq!(IdeaStatus::ALL.len(), 6);
        assert_eq!(ReportReason::ALL.len(), 5);
        assert_eq!(FieldErrorCode::ALL.len(), 10);
    }
}
