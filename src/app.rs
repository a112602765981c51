//! The application assembled: its state, its router, and the server loop with graceful
//! shutdown. Tests build the same app and serve it on port 0.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa_axum::routes;
use utoipa_swagger_ui::SwaggerUi;

use crate::accounts::throttle::{Limits, LoginThrottle};
use crate::accounts::tokens::TokenKeys;
use crate::community::funnel::FunnelCounter;
use crate::community::writer::RatingWriter;
use crate::db::Db;
use crate::error::{Error, ErrorCode};
use crate::http::access::SessionCache;
use crate::http::limit::{ActionLimits, ActionQuotas};
use crate::http::{Access, Api, RouteSpec, observe, ops, web};
use crate::settings::Settings;
use crate::studio::share::PreviewCache;

/// The largest request body the API reads.
pub const BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub tokens: Arc<TokenKeys>,
    pub throttle: Arc<LoginThrottle>,
    pub metrics: PrometheusHandle,
    /// Rendered share pictures, by content.
    pub previews: Arc<PreviewCache>,
    /// Per-account limits on ratings, comments and reports.
    pub limits: Arc<ActionLimits>,
    /// Commits ratings in groups (see `community::writer`).
    pub ratings: RatingWriter,
    /// Counts page views and share clicks in groups (see `community::funnel`).
    pub funnel: FunnelCounter,
    /// Sessions read recently; tell it when one changes (see `http::access::SessionCache`).
    pub sessions: Arc<SessionCache>,
}

impl AppState {
    /// Starts the rating writer and funnel counter tasks, so call it inside the runtime.
    pub fn new(db: Db, settings: Settings, tokens: TokenKeys) -> AppState {
        let ratings = RatingWriter::spawn(db.clone(), settings.public_url());
        AppState {
            ratings,
            funnel: FunnelCounter::spawn(db.clone()),
            db,
            settings: Arc::new(settings),
            tokens: Arc::new(tokens),
            throttle: Arc::new(LoginThrottle::new(Limits::default())),
            metrics: observe::metrics_handle(),
            previews: Arc::new(PreviewCache::new(512)),
            limits: Arc::new(ActionLimits::new(ActionQuotas::default())),
            sessions: Arc::new(SessionCache::default()),
        }
    }
}

/// Every API route with its access rule: the one place domain routers are merged.
pub fn api(state: AppState) -> Api {
    let api = Api::new(state)
        .route(Access::Public, routes!(ops::healthz))
        .route(Access::Public, routes!(ops::readyz))
        .route(Access::Public, routes!(ops::metrics));
    let api = crate::accounts::routes(api);
    let api = crate::studio::routes(api);
    let api = crate::community::routes(api);
    crate::brand::routes(api)
}

/// The whole HTTP application and its route table.
pub fn router(state: AppState) -> (Router, Vec<RouteSpec>) {
    let (api_router, openapi, table) = api(state.clone()).finish();
    let router = api_router
        .merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", openapi))
        .method_not_allowed_fallback(|| async { Error::code(ErrorCode::MethodNotAllowed) })
        .fallback(web::serve)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(observe::panic_response))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(from_fn(observe::bare_errors_as_problems))
        .layer(from_fn(observe::observe))
        .with_state(state);
    (router, table)
}

/// Serves until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing requests in flight");
}
