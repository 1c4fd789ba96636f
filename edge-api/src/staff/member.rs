//! The signed-in staff member, as every staff handler and the request's
//! context know them (read by `session.rs`); apart from the session's
//! handlers so that the context does not depend on them.

use crate::error::ApiError;
use parvis_model::accounts::StaffAccount;
use parvis_model::role::Role;
use serde::Deserialize;

/// The signed-in staff member.
#[derive(Debug, Clone, Deserialize)]
pub struct Staff {
    pub id: i64,
    pub city_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Whether the account still has its temporary password (0 or 1).
    pub must_change_password: u8,
}

impl Staff {
    /// Refuses anyone but an admin.
    pub fn require_admin(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Moderator => Err(ApiError::Forbidden),
        }
    }

    /// The account as the API shows it.
    pub fn account(&self) -> StaffAccount {
        StaffAccount {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            must_change_password: self.must_change_password != 0,
        }
    }
}
