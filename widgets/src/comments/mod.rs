//! The comment thread: comments with one level of replies, supports,
//! reports, a form to post, and deleting one's own comments.

mod comment_form;
mod comment_item;
mod report_form;
mod thread;
mod thread_state;

pub use thread::CommentThread;

/// The comment thread's styles.
pub const CSS: &str = include_str!("comments.css");
