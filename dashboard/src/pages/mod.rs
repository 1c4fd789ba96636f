//! One module per page.

mod accounts;
mod audit;
mod city_replies;
mod code_sets;
mod detail;
mod editor;
mod embed_check;
mod embed_panel;
mod ideas;
mod identity_provider;
mod integrity;
mod lifecycle;
mod list;
mod moderation;
mod participation_field;
mod password;
mod preview;
mod qr_code;
mod revoke_code;
mod settings;
mod sign_in;
mod text_field;

pub use accounts::Accounts;
pub use city_replies::CityReplies;
pub use code_sets::CodeSets;
pub use detail::WidgetDetail;
pub use editor::WidgetEditor;
pub use ideas::IdeaAnswers;
pub use list::WidgetList;
pub use moderation::Moderation;
pub use password::ChoosePassword;
pub use settings::Settings;
pub use sign_in::SignIn;
