//! Each design's funnel: page views and share clicks beside its ratings and would-buys (and,
//! with the menu, its orders). Counters on the design's row, bumped without reading.

use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::Db;
use crate::error::{Error, ErrorCode, Result};
use crate::http::PathParam;
use crate::on_db;

/// Counts a visit to a design's page; the web app calls it once per visit. Drafts are not
/// counted (404).
#[utoipa::path(post, path = "/api/v1/designs/{id}/views", tag = "community", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = crate::error::Problem)))]
pub async fn view(State(state): State<AppState>, PathParam(id): PathParam<Uuid>) -> Result<StatusCode> {
    let sql = "UPDATE designs SET views = views + 1 WHERE id = $1 AND status <> 'draft'";
    let mut tx = state.db.begin().await?;
    let counted = on_db!(tx.ex(), |c| sqlx::query(sql).bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    if counted == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Counts a visit that came through a shared link (`/d/{slug}?via=share`).
pub async fn count_share_click(db: &Db, slug: &str) -> Result<()> {
    let sql = "UPDATE designs SET share_clicks = share_clicks + 1 WHERE slug = $1 AND status <> 'draft'";
    let mut tx = db.begin().await?;
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(slug).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    tx.commit().await
}
