//! The brand's console: the review queue and its decisions, listings with their royalty terms
//! and the creators' acceptance, the public menu, moderation, settings and analytics. See
//! `docs/brand-api.md`.

pub mod analytics;
pub mod listings;
pub mod menu;
pub mod moderation;
pub mod review;
pub mod settings;

use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::accounts::domain::Role;
use crate::http::{Access, Api};
pub use crate::studio::designs::Person;

/// Who decides on designs and runs the menu: curators and admins.
pub const CURATION: Access = Access::AnyOf(&[Role::Curator, Role::Admin]);

pub fn routes(api: Api) -> Api {
    api.route(Access::BRAND, routes!(review::queue))
        .route(CURATION, routes!(review::claim, review::release))
        .route(CURATION, routes!(review::decide))
        .route(Access::SignedIn, routes!(listings::accept))
        .route(Access::SignedIn, routes!(listings::decline))
        .route(Access::BRAND, routes!(listings::list))
        .route(CURATION, routes!(listings::pause))
        .route(CURATION, routes!(listings::resume))
        .route(CURATION, routes!(listings::retire))
        .route(CURATION, routes!(listings::change_terms))
        .route(Access::Public, routes!(menu::menu))
        .route(Access::BRAND, routes!(moderation::targets))
        .route(Access::BRAND, routes!(moderation::dismiss))
        .route(Access::BRAND, routes!(moderation::hide_design))
        .route(Access::BRAND, routes!(moderation::restore_design))
        .route(Access::BRAND, routes!(moderation::hide_comment))
        .route(Access::BRAND, routes!(moderation::restore_comment))
        .route(Access::BRAND, routes!(moderation::suspend))
        .route(Access::BRAND, routes!(moderation::ban))
        .route(Access::BRAND, routes!(moderation::reinstate))
        .route(Access::BRAND, routes!(settings::get))
        .route(Access::ADMIN, routes!(settings::put))
        .route(Access::BRAND, routes!(analytics::ratings))
        .route(Access::BRAND, routes!(analytics::options))
        .route(Access::BRAND, routes!(analytics::funnel))
        .route(Access::BRAND, routes!(analytics::listings))
}

/// A link to a design.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DesignRef {
    pub id: Uuid,
    pub slug: Option<String>,
    pub name: String,
    /// Its public page, once published.
    pub url: Option<String>,
}

impl DesignRef {
    pub fn new(id: Uuid, slug: Option<String>, name: String) -> DesignRef {
        let url = slug.as_ref().map(|s| format!("/d/{s}"));
        DesignRef { id, slug, name, url }
    }
}

/// `2026-11-23 14:05 UTC`, for messages people read.
pub fn utc_minute(ms: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) {
        Ok(t) => {
            format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
        }
        Err(_) => String::new(),
    }
}
