//! Operations endpoints: liveness, readiness (database reachable, schema current) and
//! Prometheus metrics.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::error::{Error, ErrorCode, Result};

#[derive(Serialize, ToSchema)]
pub struct Health {
    status: &'static str,
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// The database answers and every migration is applied.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = crate::error::Problem)))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Health>> {
    match state.db.schema_is_current().await {
        Ok(true) => Ok(Json(Health { status: "ready" })),
        Ok(false) => Err(Error::detail(ErrorCode::NotReady, "Database migrations are not applied yet.")),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check cannot reach the database");
            Err(Error::detail(ErrorCode::NotReady, "The database does not answer."))
        }
    }
}

/// Prometheus metrics in the text exposition format.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, content_type = "text/plain")))]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render())
}
