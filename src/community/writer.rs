//! Group commit for ratings. Every rating request hands its rating to one writer task and waits;
//! the writer takes all the ratings queued at that moment (up to [`MAX_BATCH`]), applies them
//! one after the other in a single transaction, commits once, and only then answers each
//! request. A rating is acknowledged only after the commit that holds it is on disk, yet a
//! burst of ratings costs one disk flush instead of one each: on SQLite (one writer connection,
//! `synchronous=FULL`) the flush and the per-statement overhead of a transaction are what limit
//! the rate, so batching is what lets ratings outrun single-row commits.
//!
//! On SQLite the writer keeps the one write connection from batch to batch while ratings keep
//! coming (at most `LEASE`, then other writes have their turn), and runs each batch's whole
//! transaction through rusqlite (see `batch.rs`). It commits without waiting for the disk and
//! hands the batch's answers to a thread that flushes the log and then sends them
//! (`db::log_sync`): the writer starts the next batch during that flush, which used to be a
//! third of each batch's time.
//!
//! A rating refused for what it is (own design, not rateable, unknown design) writes nothing and
//! is answered with its error while the others go on. If the batch itself fails (a database
//! error), each of its ratings is retried alone, so one bad rating cannot sink the others.

use std::time::{Duration, Instant};

use sqlx::Sqlite;
use sqlx::pool::PoolConnection;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::batch;
use super::promotion::{self, Moment};
use super::ratings::{Rated, rate_in};
use crate::db::log_sync::LogSync;
use crate::db::{Backend, Db, now_ms};
use crate::error::{Error, ErrorCode, Result};

/// The most ratings committed together.
pub const MAX_BATCH: usize = 512;

struct Job {
    rating: batch::Job,
    reply: oneshot::Sender<Result<Rated>>,
}

/// The handle requests use; cheap to clone.
#[derive(Clone)]
pub struct RatingWriter {
    queue: mpsc::Sender<Job>,
}

impl RatingWriter {
    /// Starts the writer task on the current runtime. Email links in the notifications it causes
    /// point at `site`.
    pub fn spawn(db: Db, site: String) -> RatingWriter {
        let (queue, jobs) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, site, jobs));
        RatingWriter { queue }
    }

    /// Rates `design` as `account`; resolves once the rating is committed.
    pub async fn rate(&self, design: Uuid, account: Uuid, stars: u8, would_buy: bool) -> Result<Rated> {
        let (reply, answer) = oneshot::channel();
        let job = Job { rating: batch::Job { design, account, stars, would_buy }, reply };
        self.queue.send(job).await.map_err(|_| Error::code(ErrorCode::NotReady))?;
        answer.await.map_err(|_| Error::code(ErrorCode::Internal))?
    }
}

async fn run(db: Db, site: String, mut jobs: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut lease: Option<Lease> = None;
    let log_sync = match db.sqlite_log().map(LogSync::spawn).transpose() {
        Ok(log_sync) => log_sync,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the thread that flushes SQLite's log; ratings are refused");
            return;
        }
    };
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        metrics::histogram!("cocreate_rating_batch_size").record(batch.len() as f64);
        let together = match db.backend() {
            Backend::Sqlite => match &log_sync {
                Some(log_sync) => commit_on_sqlite(&db, &mut lease, &site, &mut batch, log_sync).await,
                None => Err(Error::code(ErrorCode::Internal)),
            },
            Backend::Postgres => commit_together(&db, &site, &mut batch).await,
        };
        if let Err(e) = together {
            // A lease whose batch failed is closed, not returned (see `Lease`).
            lease = None;
            tracing::warn!(error = %e, ratings = batch.len(), "a rating batch failed; retrying its ratings one by one");
            for job in batch.drain(..) {
                let outcome = commit_alone(&db, &site, &job).await;
                let _ = job.reply.send(outcome);
            }
        }
        batch.clear();
        if jobs.is_empty() || lease.as_ref().is_some_and(|l| l.taken.elapsed() >= LEASE) {
            lease = None;
        }
    }
}

/// How long the writer may keep SQLite's write connection while ratings keep coming, before it
/// lets the other writes (which wait for that connection meanwhile) have their turn.
const LEASE: Duration = Duration::from_millis(20);

/// SQLite's write connection, kept by the writer from one batch to the next while ratings keep
/// coming: giving it back to the pool and taking it again cost 0.7 ms a batch in `make bench`.
struct Lease {
    /// A rusqlite view of `conn` that keeps the batch's statements prepared; dropped first.
    view: Option<rusqlite::Connection>,
    conn: PoolConnection<Sqlite>,
    taken: Instant,
    /// False while a batch runs: a batch that failed (or panicked) may have left its
    /// transaction open, and such a connection must be closed (which rolls the transaction
    /// back) rather than go back to the pool.
    sound: bool,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if !self.sound {
            self.conn.close_on_drop();
        }
    }
}

/// The batch in one transaction on SQLite's write connection, kept in `lease`.
async fn commit_on_sqlite(
    db: &Db,
    lease: &mut Option<Lease>,
    site: &str,
    batch: &mut Vec<Job>,
    log_sync: &LogSync,
) -> Result<()> {
    let held = match lease {
        Some(held) => held,
        None => {
            let conn = db.sqlite_writer().await?.ok_or_else(|| Error::code(ErrorCode::Internal))?;
            lease.insert(Lease { view: None, conn, taken: Instant::now(), sound: true })
        }
    };
    let jobs: Vec<batch::Job> = batch.iter().map(|j| j.rating).collect();
    held.sound = false;
    let outcomes = batch::commit_on_sqlite(&mut held.conn, &mut held.view, &jobs, site, now_ms()).await?;
    held.sound = true;
    // Committed, not yet on disk: the answers wait for the log's flush, while this writer goes
    // on with the next batch.
    let replies: Vec<_> = batch.drain(..).map(|j| j.reply).zip(outcomes).collect();
    log_sync.after_sync(Box::new(move |synced| {
        if let Err(e) = &synced {
            tracing::error!(error = %e, ratings = replies.len(), "flushing SQLite's log failed; the batch's ratings get an error");
        }
        for (reply, outcome) in replies {
            let _ = reply.send(synced.as_ref().map_err(|_| Error::code(ErrorCode::Internal)).and(outcome));
        }
    }));
    Ok(())
}

/// Applies the whole batch in one transaction and answers every job after the commit (on
/// PostgreSQL). On a database error nothing is answered and the batch is left for
/// [`commit_alone`].
async fn commit_together(db: &Db, site: &str, batch: &mut Vec<Job>) -> Result<()> {
    let now = now_ms();
    let mut tx = db.begin().await?;
    let thresholds = promotion::thresholds(tx.ex()).await?;
    let at = Moment { thresholds: &thresholds, site, now };
    let jobs: Vec<batch::Job> = batch.iter().map(|j| j.rating).collect();
    let outcomes = batch::apply(&mut tx, &jobs, &at).await?;
    tx.commit().await?;
    for (job, outcome) in batch.drain(..).zip(outcomes) {
        let _ = job.reply.send(outcome);
    }
    Ok(())
}

async fn commit_alone(db: &Db, site: &str, job: &Job) -> Result<Rated> {
    let r = job.rating;
    let mut tx = db.begin().await?;
    let rated = rate_in(&mut tx, r.design, r.account, r.stars, r.would_buy, site, now_ms()).await?;
    tx.commit().await?;
    Ok(rated)
}
