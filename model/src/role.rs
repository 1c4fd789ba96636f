//! Staff roles: what a staff member may do, and how the city's replies in
//! comment threads name their author.

use serde::{Deserialize, Serialize};

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything in their city, staff accounts and settings included.
    Admin,
    /// Widgets, moderation and answers; not staff accounts nor city settings.
    Moderator,
}
