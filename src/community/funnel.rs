//! Each design's funnel: page views and share clicks beside its ratings and would-buys (and,
//! with the menu, its orders). Counters on the design's row, bumped without reading.
//!
//! Views come far more often than ratings, and each used to be a durable transaction of its own
//! on SQLite's one writer: views alone were held to the rate of single-row commits, one disk
//! flush each. They are counted the way ratings are written ([`FunnelCounter`], as in
//! `writer.rs`): one task takes every view and click queued at that moment, adds each design's
//! count in one statement, commits once, and only then answers each request. A view is still
//! acknowledged only once it is on disk.

use std::collections::{BTreeMap, HashMap};

use axum::extract::State;
use axum::http::StatusCode;
use tokio::sync::{mpsc, oneshot};
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
    if !state.funnel.count(Seen::View(id)).await? {
        return Err(Error::code(ErrorCode::NotFound));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// What a visitor did.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seen {
    /// Opened the design's page (by id).
    View(Uuid),
    /// Came through a shared link (`/d/{slug}?via=share`).
    ShareClick(String),
}

/// The most views and clicks counted in one transaction.
const MAX_BATCH: usize = 1024;

struct Count {
    seen: Seen,
    /// Whether a design (published or withdrawn) was there to count it.
    counted: oneshot::Sender<Result<bool>>,
}

/// The handle requests use to count; cheap to clone.
#[derive(Clone)]
pub struct FunnelCounter {
    queue: mpsc::Sender<Count>,
}

impl FunnelCounter {
    /// Starts the counting task on the current runtime.
    pub fn spawn(db: Db) -> FunnelCounter {
        let (queue, counts) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, counts));
        FunnelCounter { queue }
    }

    /// Counts `seen` once committed; `false` when no design outside drafts matches it.
    pub async fn count(&self, seen: Seen) -> Result<bool> {
        let (counted, answer) = oneshot::channel();
        self.queue.send(Count { seen, counted }).await.map_err(|_| Error::code(ErrorCode::NotReady))?;
        answer.await.map_err(|_| Error::code(ErrorCode::Internal))?
    }
}

async fn run(db: Db, mut counts: mpsc::Receiver<Count>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while counts.recv_many(&mut batch, MAX_BATCH).await > 0 {
        match commit(&db, &batch).await {
            Ok(found) => {
                for count in batch.drain(..) {
                    let _ = count.counted.send(Ok(found.get(&count.seen).copied().unwrap_or(false)));
                }
            }
            // On PostgreSQL a batch can deadlock with a batch of ratings locking the same designs
            // in another order; alone, a count locks one row and cannot.
            Err(e) => {
                tracing::warn!(error = %e, counts = batch.len(), "counting views and share clicks together failed; counting them one by one");
                for count in batch.drain(..) {
                    let alone = commit(&db, std::slice::from_ref(&count)).await;
                    let _ = count.counted.send(alone.map(|found| found.get(&count.seen).copied().unwrap_or(false)));
                }
            }
        }
    }
}

/// Adds the batch's views and clicks, each design's in one statement, in one transaction;
/// returns whether each was counted.
async fn commit(db: &Db, batch: &[Count]) -> Result<HashMap<Seen, bool>> {
    // In a fixed order, so that two batches lock the designs' rows in the same order.
    let mut times: BTreeMap<&Seen, i64> = BTreeMap::new();
    for count in batch {
        *times.entry(&count.seen).or_default() += 1;
    }
    let mut found = HashMap::with_capacity(times.len());
    let mut tx = db.begin().await?;
    for (seen, n) in times {
        let changed = match seen {
            Seen::View(id) => {
                let sql = "UPDATE designs SET views = views + $2 WHERE id = $1 AND status <> 'draft'";
                on_db!(tx.ex(), |c| sqlx::query(sql)
                    .bind(id)
                    .bind(n)
                    .execute(&mut *c)
                    .await
                    .map(|r| r.rows_affected()))?
            }
            Seen::ShareClick(slug) => {
                let sql = "UPDATE designs SET share_clicks = share_clicks + $2 WHERE slug = $1 AND status <> 'draft'";
                on_db!(tx.ex(), |c| sqlx::query(sql)
                    .bind(slug)
                    .bind(n)
                    .execute(&mut *c)
                    .await
                    .map(|r| r.rows_affected()))?
            }
        };
        found.insert(seen.clone(), changed > 0);
    }
    tx.commit().await?;
    Ok(found)
}
