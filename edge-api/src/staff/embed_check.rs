//! `GET /v1/staff/embed-check?page=…`: may the page at this address show
//! the city's widgets? For the dashboard's embed panel, where a webmaster
//! pastes their page's address before pasting a snippet. Any signed-in
//! staff member may ask (moderators paste snippets too); the answer names
//! the page's origin and, for the usual slip (`http`/`https`, `www.`), the
//! listed origin that looks meant for it.

use crate::context::Ctx;
use crate::error::ApiError;
use crate::reply::Reply;
use crate::staff::city_view::load_city;
use crate::staff::session::require;
use parvis_model::origin::check_page;

/// Checks the `page` address against the city's allowed origins.
pub async fn check(ctx: &mut Ctx) -> Result<Reply, ApiError> {
    let staff = require(ctx).await?;
    let page = ctx
        .query("page")
        .filter(|page| !page.trim().is_empty())
        .ok_or_else(|| ApiError::InvalidQuery("page is required: a page's address".to_owned()))?;
    let city = load_city(ctx, staff.city_id).await?;
    Reply::json(200, &check_page(&page, &city.allowed_origins))
}
