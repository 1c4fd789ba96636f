//! The idea box: ideas sorted by supports or date, a form to propose one,
//! supports, statuses and the city's official answers.

mod idea_box;
mod idea_card;
mod idea_form;

pub use idea_box::IdeaBox;

/// The idea box's styles.
pub const CSS: &str = include_str!("ideas.css");
