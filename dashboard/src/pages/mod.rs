//! One module per page.

mod detail;
mod editor;
mod list;
mod moderation;
mod sign_in;

pub use detail::WidgetDetail;
pub use editor::WidgetEditor;
pub use list::WidgetList;
pub use moderation::Moderation;
pub use sign_in::SignIn;
