//! The design studio: the brand's templates and options, drafts priced live, publishing,
//! sharing and remixing.

pub mod catalog;
pub mod co_creators;
pub mod designs;
pub mod input;
pub mod share;
pub mod templates;

use utoipa_axum::routes;

use crate::accounts::domain::Role;
use crate::http::{Access, Api};

/// Who manages the building blocks: curators and admins.
const CURATION: Access = Access::AnyOf(&[Role::Curator, Role::Admin]);

pub fn routes(api: Api) -> Api {
    api.route(Access::Public, routes!(templates::list))
        .route(CURATION, routes!(templates::create))
        .route(Access::Public, routes!(templates::get))
        .route(Access::BRAND, routes!(templates::get_for_brand))
        .route(CURATION, routes!(templates::update_template))
        .route(Access::BRAND, routes!(templates::list_for_brand))
        .route(CURATION, routes!(templates::update_option))
        .route(Access::Public, routes!(designs::quote))
        .route(Access::SignedIn, routes!(designs::create))
        .route(Access::Public, routes!(designs::get))
        .route(Access::SignedIn, routes!(designs::update, designs::delete))
        .route(Access::SignedIn, routes!(designs::publish))
        .route(Access::SignedIn, routes!(designs::withdraw))
        .route(Access::SignedIn, routes!(designs::remix))
        .route(Access::SignedIn, routes!(designs::revise))
        .route(Access::SignedIn, routes!(designs::mine))
        .route(Access::Public, routes!(designs::by_slug))
        .route(Access::SignedIn, routes!(co_creators::set))
        .route(Access::SignedIn, routes!(co_creators::answer))
        .route(Access::SignedIn, routes!(co_creators::mine))
        .route(Access::Public, routes!(share::page))
        .route(Access::Public, routes!(share::preview))
}
