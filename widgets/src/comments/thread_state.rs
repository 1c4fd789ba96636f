//! The thread's shared state: its comments, which each comment updates in
//! place (a reply, a deletion, "more replies"). Apart from the components,
//! so the thread and its comments each depend on it, not on each other.

use crate::common::Paged;
use leptos::prelude::*;
use parvis_model::comments::CommentView;

/// The thread's comments, shared with each comment so replies and deletions
/// update the list in place.
#[derive(Clone, Copy)]
pub struct Thread {
    /// The list.
    pub comments: Paged<CommentView>,
    /// Whether the thread accepts comments, replies and supports.
    pub open: bool,
    /// The comment whose "more replies" was just used: drawn again with
    /// them, it takes the focus back (its button, or its replies).
    pub refocus: RwSignal<Option<i64>>,
    /// Replies posted in this page view: shown at once after those loaded,
    /// they are not where "more replies" continues from.
    pub posted_replies: RwSignal<Vec<i64>>,
}

impl Thread {
    /// Adds a new comment: a reply under its parent, else at the top.
    pub fn add(self, comment: CommentView) {
        self.comments.items.update(|items| match comment.parent_id {
            Some(parent) => {
                if let Some(p) = items.iter_mut().find(|c| c.id == parent) {
                    self.posted_replies.update(|posted| posted.push(comment.id));
                    p.replies.push(comment);
                    p.reply_count += 1;
                }
            }
            None => items.insert(0, comment),
        });
    }

    /// Adds replies read after the last one shown under `parent`.
    pub fn add_replies(self, parent: i64, replies: Vec<CommentView>) {
        self.refocus.set(Some(parent));
        self.comments.items.update(|items| {
            if let Some(p) = items.iter_mut().find(|c| c.id == parent) {
                let known: Vec<i64> = p.replies.iter().map(|r| r.id).collect();
                p.replies
                    .extend(replies.into_iter().filter(|r| !known.contains(&r.id)));
                // Oldest first, with any reply posted here back in its place.
                p.replies.sort_by_key(|r| r.id);
            }
        });
    }

    /// Removes a deleted comment (a parent with replies stays as a placeholder).
    pub fn remove(self, id: i64) {
        self.comments.items.update(|items| {
            for item in items.iter_mut() {
                let before = item.replies.len();
                item.replies.retain(|r| r.id != id);
                if item.replies.len() < before {
                    item.reply_count = item.reply_count.saturating_sub(1);
                }
                if item.id == id {
                    item.deleted = true;
                    item.body.clear();
                    item.display_name = None;
                }
            }
            items.retain(|c| !(c.deleted && c.replies.is_empty()));
        });
    }
}
