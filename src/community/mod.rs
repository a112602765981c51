//! The community: ratings, feeds that rank fairly, promotion to the brand (thresholds, which
//! ratings count, shortlisting), comments and reports, notifications.

pub mod batch;
pub mod comments;
pub mod feed;
pub mod funnel;
pub mod notifications;
pub mod promotion;
pub mod ranking;
pub mod ratings;
pub mod reports;
pub mod writer;

use std::time::Duration;

use utoipa_axum::routes;

use crate::db::{Db, now_ms};
use crate::http::{Access, Api};

pub fn routes(api: Api) -> Api {
    api.route(Access::SignedIn, routes!(ratings::put, ratings::delete))
        .route(Access::Public, routes!(feed::feed))
        .route(Access::Public, routes!(funnel::view))
        .route(Access::Public, routes!(comments::list))
        .route(Access::SignedIn, routes!(comments::post))
        .route(Access::SignedIn, routes!(comments::edit, comments::delete))
        .route(Access::SignedIn, routes!(reports::create))
        .route(Access::BRAND, routes!(reports::queue))
        .route(Access::SignedIn, routes!(notifications::list))
        .route(Access::SignedIn, routes!(notifications::unread_count))
        .route(Access::SignedIn, routes!(notifications::mark_read))
        .route(Access::SignedIn, routes!(notifications::get_preferences, notifications::put_preferences))
        .route(Access::BRAND, routes!(promotion::get_settings))
        .route(Access::ADMIN, routes!(promotion::put_settings))
        .route(Access::BRAND, routes!(promotion::alerts))
}

/// Every minute, makes the ratings of accounts that have come of age (or whose suspension
/// ended) count, and those of suspended or banned accounts stop counting.
pub fn spawn_jobs(db: Db, site: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            match ratings::count_qualified_ratings(&db, None, &site, now_ms()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(ratings = n, "ratings from accounts that qualified now count"),
                Err(e) => tracing::warn!(error = %e, "counting qualified ratings failed"),
            }
            match crate::brand::moderation::sweep(&db, now_ms()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(ratings = n, "ratings of moderated accounts stopped counting"),
                Err(e) => tracing::warn!(error = %e, "uncounting moderated accounts' ratings failed"),
            }
        }
    })
}
