//! The community: ratings, feeds that rank fairly, promotion to the brand. This first part holds
//! the ranking formulas; the rating endpoints and feeds build on them.

pub mod feed;
pub mod ranking;
pub mod ratings;

use utoipa_axum::routes;

use crate::http::{Access, Api};

pub fn routes(api: Api) -> Api {
    api.route(Access::SignedIn, routes!(ratings::put, ratings::delete)).route(Access::Public, routes!(feed::feed))
}
