//! What a resident can ask about themselves with their voter token.

use serde::{Deserialize, Serialize};

/// A ballot the voter cast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyBallot {
    /// The poll.
    pub widget_id: String,
    /// The options chosen.
    pub choices: Vec<String>,
    /// When (RFC 3339).
    pub created_at: String,
}

/// An idea or comment the voter wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyText {
    /// Its id.
    pub id: i64,
    /// Its widget.
    pub widget_id: String,
    /// The idea's title or the comment's text.
    pub text: String,
    /// The idea's description (empty for comments).
    pub description: String,
    /// The name signed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// When (RFC 3339).
    pub created_at: String,
}

/// A support or report the voter gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyMark {
    /// `idea_support`, `comment_support` or `comment_report`.
    pub kind: String,
    /// The idea or comment.
    pub item_id: i64,
    /// When (RFC 3339).
    pub created_at: String,
}

/// Everything a voter wrote in one city's widgets (`GET …/voter-data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterData {
    /// Ballots.
    pub ballots: Vec<MyBallot>,
    /// Ideas.
    pub ideas: Vec<MyText>,
    /// Comments (not those already deleted).
    pub comments: Vec<MyText>,
    /// Supports and reports.
    pub marks: Vec<MyMark>,
}

/// What `DELETE …/voter-data` removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterDataDeleted {
    /// Ballots deleted (open and upcoming polls).
    pub ballots: u64,
    /// Ballots of closed polls kept in their final result, no longer linked
    /// to the voter.
    pub detached_ballots: u64,
    /// Ideas deleted.
    pub ideas: u64,
    /// Comments erased.
    pub comments: u64,
    /// Supports and reports deleted.
    pub marks: u64,
}
