//! Applying many ratings in one transaction: the group-commit writer's inner loop. Reads bring
//! in everything the ratings touch (the designs, locked; their co-creators; the raters'
//! accounts; the ratings they already gave), [`plan`] decides each rating in order in memory (a
//! pure function), and writes store the result (the ratings, and the designs' counters and
//! scores). Milestones and shortlisting then run only for the designs that crossed a line.
//!
//! Each database is reached the way that is cheap for it. On PostgreSQL, where every statement
//! is a round trip, the reads and the writes are a fixed number of statements whatever the
//! batch's size (four reads, two writes); they vary with its size, so they are not kept in the
//! connection's statement cache (`persistent(false)`), where they would push out the statements
//! of requests. On SQLite, where a statement through sqlx is a hand-off to the connection's own
//! thread, the batch runs through rusqlite on the write connection's handle, on the calling
//! thread: one small statement per id, each prepared once for as long as the writer keeps the
//! connection (see [`commit_on_sqlite`]).
//!
//! The rules are those of a single rating (see `ratings.rs`), applied in arrival order, so a
//! batch ends exactly where the same ratings one by one would.

use std::collections::HashMap;

use sqlx::{PgConnection, Postgres, QueryBuilder};
use uuid::Uuid;

use super::promotion::{self, MILESTONES, Moment, NotCounted, Thresholds};
use super::ranking::{self, Histogram};
use super::ratings::Rated;
use crate::db::{Ex, Tx};
use crate::error::{Error, ErrorCode, Result};

/// One rating to apply.
#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub design: Uuid,
    pub account: Uuid,
    pub stars: u8,
    pub would_buy: bool,
}

/// A design as a batch sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DesignState {
    pub id: Uuid,
    pub creator_id: Uuid,
    pub status: String,
    pub published_at: Option<i64>,
    pub shortlisted_at: Option<i64>,
    pub stars_1: i64,
    pub stars_2: i64,
    pub stars_3: i64,
    pub stars_4: i64,
    pub stars_5: i64,
    pub would_buy_count: i64,
}

impl DesignState {
    fn histogram(&self) -> Histogram {
        Histogram([self.stars_1, self.stars_2, self.stars_3, self.stars_4, self.stars_5])
    }
}

/// A rating already given: stars, would-buy, counted.
pub type Existing = (i64, bool, bool);

/// Everything [`plan`] reads.
#[derive(Debug, Default)]
pub struct Known {
    pub designs: HashMap<Uuid, DesignState>,
    /// (design, account) of every co-creator of the batch's designs.
    pub co_creators: Vec<(Uuid, Uuid)>,
    /// account -> (created_at, verified)
    pub accounts: HashMap<Uuid, (i64, bool)>,
    pub ratings: HashMap<(Uuid, Uuid), Existing>,
}

/// What a batch writes, and answers.
#[derive(Debug, Default)]
pub struct Plan {
    /// Per job, in order.
    pub outcomes: Vec<Result<Rated>>,
    /// The final state of each rating written: (design, account) -> (stars, would_buy, counted).
    pub ratings: HashMap<(Uuid, Uuid), Existing>,
    /// Designs whose counters changed.
    pub designs: HashMap<Uuid, Change>,
}

/// A design's counters before and after the batch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub before: Histogram,
    pub after: Histogram,
    pub would_buy_before: i64,
    pub would_buy: i64,
}

/// Decides each job in order, as if they were applied one by one.
pub fn plan(jobs: &[Job], known: &Known, t: &Thresholds, now: i64) -> Plan {
    let mut out = Plan::default();
    let mut ratings: HashMap<(Uuid, Uuid), Existing> = HashMap::new();
    for job in jobs {
        let Some(design) = known.designs.get(&job.design) else {
            out.outcomes.push(Err(Error::code(ErrorCode::NotFound)));
            continue;
        };
        if design.status != "published" {
            out.outcomes.push(Err(Error::detail(ErrorCode::NotRateable, "Only a published design can be rated.")));
            continue;
        }
        let co_creator = known.co_creators.iter().any(|(d, a)| *d == job.design && *a == job.account);
        if design.creator_id == job.account || co_creator {
            out.outcomes.push(Err(Error::code(ErrorCode::OwnDesign)));
            continue;
        }
        // `read` leaves out accounts a moderator suspended or banned (the request came in
        // before the suspension): their ratings are refused, not counted.
        let Some((created_at, verified)) = known.accounts.get(&job.account).copied() else {
            out.outcomes.push(Err(Error::code(ErrorCode::AccountSuspended)));
            continue;
        };
        let qualifies = t.rater_counts(created_at, verified, now);
        let key = (job.design, job.account);
        let before = ratings.get(&key).or_else(|| known.ratings.get(&key)).copied();
        let change = out.designs.entry(job.design).or_insert_with(|| Change {
            before: design.histogram(),
            after: design.histogram(),
            would_buy_before: design.would_buy_count,
            would_buy: design.would_buy_count,
        });
        let (h, would_buy) = (&mut change.after, &mut change.would_buy);
        let counted = before.is_some_and(|(_, _, c)| c) || qualifies.is_ok();
        if let Some((old, wb, true)) = before {
            h.0[(old - 1) as usize] -= 1;
            *would_buy -= i64::from(wb);
        }
        if counted {
            h.add(job.stars);
            *would_buy += i64::from(job.would_buy);
        }
        ratings.insert(key, (i64::from(job.stars), job.would_buy, counted));
        out.outcomes.push(Ok(Rated {
            histogram: *h,
            would_buy: *would_buy,
            counted,
            not_counted_because: qualifies.err().filter(|_: &NotCounted| !counted),
            shortlisted: design.shortlisted_at.is_some(),
        }));
    }
    out.ratings = ratings;
    // Designs whose counters did not move need no write.
    out.designs.retain(|_, c| c.before != c.after || c.would_buy_before != c.would_buy);
    out
}

/// Applies `jobs` in order inside `tx`; a refused job writes nothing and gets its error.
/// Returns one outcome per job.
pub async fn apply(tx: &mut Tx, jobs: &[Job], at: &Moment<'_>) -> Result<Vec<Result<Rated>>> {
    let (designs, accounts) = ids(jobs);
    let (known, mut plan) = match tx.ex() {
        // The batch's reads and writes run here, on the writer's own connection, without a
        // hand-off to sqlx's connection thread for each statement (see `inline`).
        Ex::Sqlite(c) => {
            let mut view = None;
            on_handle(c, &mut view, |db| inline::stage(db, &designs, &accounts, jobs, at.thresholds, at.now)).await?
        }
        Ex::Postgres(c) => {
            let known = read(c, &designs, &accounts, jobs, at.now).await?;
            let plan = plan(jobs, &known, at.thresholds, at.now);
            write(c, &plan, &known, at.now).await?;
            (known, plan)
        }
    };
    let lines = crossings(&plan, &known, at.thresholds);
    let shortlisted = announce(tx.ex(), &lines, at).await?;
    mark_shortlisted(jobs, &mut plan.outcomes, &shortlisted);
    Ok(plan.outcomes)
}

/// Applies `jobs` in a transaction of its own on SQLite's write connection `conn` (which must
/// be outside any transaction), and commits it: the group-commit writer's path on SQLite.
///
/// The whole transaction, from `BEGIN` to `COMMIT`, runs on this thread through rusqlite: no
/// hand-off to sqlx's connection thread at all, where [`apply`] inside a sqlx transaction still
/// pays one each to begin, to lock the connection and to commit (measured with `make bench`,
/// those hand-offs were a fifth of a batch's time). Only a batch that crosses a line (a
/// milestone, a shortlisting, rare) goes back to sqlx for the notifications and the review
/// queue, inside the same transaction.
///
/// It commits under `synchronous=NORMAL`: the batch is committed and visible but maybe not on
/// disk yet, and the caller must flush the log before answering (see `db::log_sync`). The
/// connection is back to `FULL` when this returns `Ok`. On an error the transaction may still
/// be open (and the connection under `NORMAL`): the caller must not use `conn` again.
pub async fn commit_on_sqlite(
    conn: &mut sqlx::SqliteConnection,
    view: &mut Option<rusqlite::Connection>,
    jobs: &[Job],
    site: &str,
    now: i64,
) -> Result<Vec<Result<Rated>>> {
    let (designs, accounts) = ids(jobs);
    let (thresholds, mut plan, lines) = on_handle(conn, view, |db| {
        measured(|| {
            db.execute_batch("PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE")?;
            let staged = inline::thresholds(db).and_then(|thresholds| {
                let (known, plan) = inline::stage(db, &designs, &accounts, jobs, &thresholds, now)?;
                let lines = crossings(&plan, &known, &thresholds);
                Ok((thresholds, plan, lines))
            });
            match &staged {
                Ok((_, _, lines)) if lines.is_empty() => db.execute_batch("COMMIT; PRAGMA synchronous = FULL")?,
                Ok(_) => {}
                Err(_) => {
                    let _ = db.execute_batch("ROLLBACK");
                }
            }
            staged
        })
    })
    .await?;
    if lines.is_empty() {
        return Ok(plan.outcomes);
    }
    let at = Moment { thresholds: &thresholds, site, now };
    match announce(Ex::Sqlite(&mut *conn), &lines, &at).await {
        Ok(shortlisted) => {
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            sqlx::query("PRAGMA synchronous = FULL").execute(&mut *conn).await?;
            mark_shortlisted(jobs, &mut plan.outcomes, &shortlisted);
            Ok(plan.outcomes)
        }
        Err(e) => {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            Err(e)
        }
    }
}

/// Runs `work` through rusqlite on the SQLite connection `conn`'s own handle, on this thread,
/// with `view` (made here the first time) as the rusqlite connection on that handle.
async fn on_handle<T>(
    conn: &mut sqlx::SqliteConnection,
    view: &mut Option<rusqlite::Connection>,
    work: impl FnOnce(&rusqlite::Connection) -> Result<T>,
) -> Result<T> {
    let mut handle = conn.lock_handle().await?;
    let db = match view {
        Some(db) => db,
        // SAFETY: the view does not own the handle (so it never closes it), and is used only
        // by the holder of `conn`, which is also the only one who can send sqlx's thread
        // the commands that make it touch the connection: while the handle is locked, as here,
        // and when the view is dropped (finalizing its statements) with `conn` still held.
        None => view.insert(unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }?),
    };
    work(db)
}

/// Runs `work` (synchronous: it stays on this thread) and records what it cost the writer, beside
/// how long it took: `make bench` prints both per rating, figures that hold still on a machine
/// whose speed moves from run to run.
fn measured<T>(work: impl FnOnce() -> T) -> T {
    let (cpu, wall) = (thread_cpu_time(), std::time::Instant::now());
    let done = work();
    metrics::histogram!("cocreate_rating_batch_cpu_seconds")
        .record(thread_cpu_time().saturating_sub(cpu).as_secs_f64());
    metrics::histogram!("cocreate_rating_batch_seconds").record(wall.elapsed().as_secs_f64());
    done
}

/// CPU time this thread has used so far (user and system), to the nanosecond.
fn thread_cpu_time() -> std::time::Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for the call to fill; this clock exists on every Linux.
    // Should it fail, `now` stays zero and the figure is wrong, nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    std::time::Duration::new(now.tv_sec.max(0) as u64, now.tv_nsec.clamp(0, 999_999_999) as u32)
}

/// The batch's designs and raters, each once.
fn ids(jobs: &[Job]) -> (Vec<Uuid>, Vec<Uuid>) {
    let mut designs: Vec<Uuid> = jobs.iter().map(|j| j.design).collect();
    designs.sort();
    designs.dedup();
    let mut accounts: Vec<Uuid> = jobs.iter().map(|j| j.account).collect();
    accounts.sort();
    accounts.dedup();
    (designs, accounts)
}

/// The designs whose counting crossed a line: a milestone, or every threshold met by a design
/// not shortlisted yet. Few, and usually none.
fn crossings(plan: &Plan, known: &Known, t: &Thresholds) -> Vec<(Uuid, Change)> {
    plan.designs
        .iter()
        .filter(|(id, c)| {
            let milestone = MILESTONES.iter().any(|m| c.before.count() < *m && *m <= c.after.count());
            milestone || (known.designs[*id].shortlisted_at.is_none() && t.progress(&c.after, c.would_buy).met)
        })
        .map(|(id, c)| (*id, *c))
        .collect()
}

/// Announces milestones and shortlists, inside the batch's transaction; returns the designs
/// shortlisted now.
async fn announce(mut ex: Ex<'_>, lines: &[(Uuid, Change)], at: &Moment<'_>) -> Result<Vec<Uuid>> {
    let mut shortlisted = Vec::new();
    for (id, c) in lines {
        if promotion::after_counting(ex.reborrow(), *id, c.before.count(), &c.after, c.would_buy, at).await? {
            shortlisted.push(*id);
        }
    }
    Ok(shortlisted)
}

fn mark_shortlisted(jobs: &[Job], outcomes: &mut [Result<Rated>], shortlisted: &[Uuid]) {
    for (job, outcome) in jobs.iter().zip(outcomes.iter_mut()) {
        if let Ok(rated) = outcome {
            rated.shortlisted |= shortlisted.contains(&job.design);
        }
    }
}

/// Appends `(?, ?, ...)` with the ids bound.
fn in_list<DB: sqlx::Database>(q: &mut QueryBuilder<DB>, ids: &[Uuid])
where
    for<'t> Uuid: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    q.push("(");
    let mut list = q.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    q.push(")");
}

/// PostgreSQL's reads: one statement each, over the batch's ids.
async fn read(c: &mut PgConnection, designs: &[Uuid], accounts: &[Uuid], jobs: &[Job], now: i64) -> Result<Known> {
    // Lock the designs' rows.
    let mut q = QueryBuilder::<Postgres>::new("UPDATE designs SET updated_at = updated_at WHERE id IN ");
    in_list(&mut q, designs);
    q.build().persistent(false).execute(&mut *c).await?;
    let mut q = QueryBuilder::<Postgres>::new(
        // A design a moderator hid reads as not rateable.
        "SELECT id, creator_id, CASE WHEN hidden_at IS NULL THEN status ELSE 'hidden' END AS status, published_at, \
         shortlisted_at, stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count FROM designs WHERE id IN ",
    );
    in_list(&mut q, designs);
    let rows: Vec<DesignState> = q.build_query_as().persistent(false).fetch_all(&mut *c).await?;
    let mut q =
        QueryBuilder::<Postgres>::new("SELECT design_id, account_id FROM design_co_creators WHERE design_id IN ");
    in_list(&mut q, designs);
    let co_creators: Vec<(Uuid, Uuid)> = q.build_query_as().persistent(false).fetch_all(&mut *c).await?;
    let mut q = QueryBuilder::<Postgres>::new(
        "SELECT id, created_at, email_verified_at FROM accounts WHERE banned_at IS NULL ",
    );
    q.push("AND (suspended_until IS NULL OR suspended_until <= ").push_bind(now).push(") AND id IN ");
    in_list(&mut q, accounts);
    let people: Vec<(Uuid, i64, Option<i64>)> = q.build_query_as().persistent(false).fetch_all(&mut *c).await?;
    let mut q =
        QueryBuilder::<Postgres>::new("SELECT r.design_id, r.account_id, r.stars, r.would_buy, r.counted FROM (");
    q.push_values(jobs, |mut b, job| {
        b.push_bind(job.design).push_bind(job.account);
    });
    q.push(") AS v JOIN ratings r ON r.design_id = v.column1 AND r.account_id = v.column2");
    let given: Vec<(Uuid, Uuid, i64, bool, bool)> = q.build_query_as().persistent(false).fetch_all(&mut *c).await?;
    Ok(Known {
        designs: rows.into_iter().map(|d| (d.id, d)).collect(),
        co_creators,
        accounts: people.into_iter().map(|(id, created, verified)| (id, (created, verified.is_some()))).collect(),
        ratings: given.into_iter().map(|(d, a, s, wb, c)| ((d, a), (s, wb, c))).collect(),
    })
}

/// What is written for each design whose counters changed: its histogram, would-buys and scores.
fn design_rows(plan: &Plan, known: &Known, now: i64) -> Vec<(Uuid, Histogram, i64, f64, f64)> {
    plan.designs
        .iter()
        .map(|(id, c)| {
            let published = known.designs[id].published_at.unwrap_or(now);
            (*id, c.after, c.would_buy, c.after.lower_bound(), ranking::hot(&c.after, published))
        })
        .collect()
}

/// PostgreSQL's writes: one statement for the ratings, one for the designs.
async fn write(c: &mut PgConnection, plan: &Plan, known: &Known, now: i64) -> Result<()> {
    if !plan.ratings.is_empty() {
        let mut q = QueryBuilder::<Postgres>::new(
            "INSERT INTO ratings (design_id, account_id, stars, would_buy, created_at, updated_at, counted) ",
        );
        q.push_values(&plan.ratings, |mut b, ((design, account), (stars, wb, counted))| {
            b.push_bind(*design)
                .push_bind(*account)
                .push_bind(*stars)
                .push_bind(*wb)
                .push_bind(now)
                .push_bind(now)
                .push_bind(*counted);
        });
        q.push(
            " ON CONFLICT (design_id, account_id) DO UPDATE SET stars = excluded.stars, \
             would_buy = excluded.would_buy, updated_at = excluded.updated_at, counted = excluded.counted",
        );
        q.build().persistent(false).execute(&mut *c).await?;
    }
    if !plan.designs.is_empty() {
        let rows = design_rows(plan, known, now);
        let mut q = QueryBuilder::<Postgres>::new(
            "UPDATE designs SET stars_1 = v.column2, stars_2 = v.column3, stars_3 = v.column4, stars_4 = v.column5, \
             stars_5 = v.column6, would_buy_count = v.column7, lower_bound = v.column8, hot = v.column9 FROM (",
        );
        q.push_values(&rows, |mut b, (id, h, wb, bound, hot)| {
            b.push_bind(*id)
                .push_bind(h.0[0])
                .push_bind(h.0[1])
                .push_bind(h.0[2])
                .push_bind(h.0[3])
                .push_bind(h.0[4])
                .push_bind(*wb)
                .push_bind(*bound)
                .push_bind(*hot);
        });
        q.push(") AS v WHERE designs.id = v.column1");
        q.build().persistent(false).execute(&mut *c).await?;
    }
    Ok(())
}

/// SQLite's reads and writes, on the writer's connection through rusqlite: one small statement
/// per id, kept prepared by the connection's rusqlite view. Without a thread hand-off per statement, statements are cheap
/// and a lookup by key needs no list of ids spelled into the SQL.
mod inline {
    use rusqlite::{Connection, OptionalExtension, params};

    use super::*;

    pub fn thresholds(conn: &Connection) -> Result<Thresholds> {
        let mut statement = conn.prepare_cached(promotion::THRESHOLDS_SQL)?;
        Ok(statement.query_row([], |r| {
            Ok(Thresholds {
                min_ratings: r.get(0)?,
                min_lower_bound: r.get(1)?,
                min_would_buy: r.get(2)?,
                min_account_age_days: r.get(3)?,
                require_verified_email: r.get(4)?,
            })
        })?)
    }

    pub fn read(conn: &Connection, designs: &[Uuid], accounts: &[Uuid], jobs: &[Job], now: i64) -> Result<Known> {
        let mut known = Known::default();
        // A design a moderator hid reads as not rateable.
        let mut design = conn.prepare_cached(
            "SELECT creator_id, CASE WHEN hidden_at IS NULL THEN status ELSE 'hidden' END, published_at, shortlisted_at, \
             stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count FROM designs WHERE id = ?1",
        )?;
        let mut co_creators = conn.prepare_cached("SELECT account_id FROM design_co_creators WHERE design_id = ?1")?;
        for id in designs {
            let found = design
                .query_row([id], |r| {
                    Ok(DesignState {
                        id: *id,
                        creator_id: r.get(0)?,
                        status: r.get(1)?,
                        published_at: r.get(2)?,
                        shortlisted_at: r.get(3)?,
                        stars_1: r.get(4)?,
                        stars_2: r.get(5)?,
                        stars_3: r.get(6)?,
                        stars_4: r.get(7)?,
                        stars_5: r.get(8)?,
                        would_buy_count: r.get(9)?,
                    })
                })
                .optional()?;
            if let Some(found) = found {
                known.designs.insert(*id, found);
            }
            let mut rows = co_creators.query([id])?;
            while let Some(r) = rows.next()? {
                known.co_creators.push((*id, r.get(0)?));
            }
        }
        let mut account = conn.prepare_cached(
            "SELECT created_at, email_verified_at IS NOT NULL FROM accounts WHERE id = ?1 AND banned_at IS NULL \
             AND (suspended_until IS NULL OR suspended_until <= ?2)",
        )?;
        for id in accounts {
            if let Some(found) = account.query_row(params![id, now], |r| Ok((r.get(0)?, r.get(1)?))).optional()? {
                known.accounts.insert(*id, found);
            }
        }
        let mut given = conn
            .prepare_cached("SELECT stars, would_buy, counted FROM ratings WHERE design_id = ?1 AND account_id = ?2")?;
        for job in jobs {
            let key = (job.design, job.account);
            if known.ratings.contains_key(&key) {
                continue;
            }
            if let Some(found) = given
                .query_row(params![job.design, job.account], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?
            {
                known.ratings.insert(key, found);
            }
        }
        Ok(known)
    }

    /// Reads what the batch touches, decides it ([`plan`]) and writes the result.
    pub fn stage(
        conn: &Connection,
        designs: &[Uuid],
        accounts: &[Uuid],
        jobs: &[Job],
        thresholds: &Thresholds,
        now: i64,
    ) -> Result<(Known, Plan)> {
        let known = read(conn, designs, accounts, jobs, now)?;
        let plan = plan(jobs, &known, thresholds, now);
        write(conn, &plan, &known, now)?;
        Ok((known, plan))
    }

    pub fn write(conn: &Connection, plan: &Plan, known: &Known, now: i64) -> Result<()> {
        let mut rating = conn.prepare_cached(
            "INSERT INTO ratings (design_id, account_id, stars, would_buy, created_at, updated_at, counted) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) ON CONFLICT (design_id, account_id) DO UPDATE SET stars = excluded.stars, \
             would_buy = excluded.would_buy, updated_at = excluded.updated_at, counted = excluded.counted",
        )?;
        for ((design, account), (stars, would_buy, counted)) in &plan.ratings {
            rating.execute(params![design, account, stars, would_buy, now, counted])?;
        }
        let mut design = conn.prepare_cached(
            "UPDATE designs SET stars_1 = ?2, stars_2 = ?3, stars_3 = ?4, stars_4 = ?5, stars_5 = ?6, \
             would_buy_count = ?7, lower_bound = ?8, hot = ?9 WHERE id = ?1",
        )?;
        for (id, Histogram([s1, s2, s3, s4, s5]), would_buy, bound, hot) in design_rows(plan, known, now) {
            design.execute(params![id, s1, s2, s3, s4, s5, would_buy, bound, hot])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn design(id: Uuid, creator: Uuid) -> DesignState {
        DesignState {
            id,
            creator_id: creator,
            status: "published".into(),
            published_at: Some(0),
            shortlisted_at: None,
            stars_1: 0,
            stars_2: 0,
            stars_3: 0,
            stars_4: 0,
            stars_5: 0,
            would_buy_count: 0,
        }
    }

    proptest! {
        /// Whatever the order and repetition of ratings in a batch, each design's counters end
        /// equal to its final counted ratings, nobody rates their own design, and ratings from
        /// unverified accounts never count.
        #[test]
        fn a_batch_ends_with_counters_equal_to_its_counted_ratings(
            jobs in proptest::collection::vec((0usize..3, 0usize..5, 1u8..=5, any::<bool>()), 1..60)
        ) {
            let designs: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
            let people: Vec<Uuid> = (0..5).map(|_| Uuid::now_v7()).collect();
            let mut known = Known::default();
            for d in &designs {
                known.designs.insert(*d, design(*d, people[0]));
            }
            for (i, p) in people.iter().enumerate() {
                known.accounts.insert(*p, (0, i != 4));
            }
            let t = Thresholds { min_ratings: 3, min_lower_bound: 3.0, min_would_buy: None, min_account_age_days: 0, require_verified_email: true };
            let jobs: Vec<Job> = jobs.iter().map(|(d, p, stars, wb)| Job { design: designs[*d], account: people[*p], stars: *stars, would_buy: *wb }).collect();
            let plan = plan(&jobs, &known, &t, 1_000);
            prop_assert_eq!(plan.outcomes.len(), jobs.len());
            for (job, outcome) in jobs.iter().zip(&plan.outcomes) {
                match outcome {
                    Err(Error::Client { code: ErrorCode::OwnDesign, .. }) => prop_assert_eq!(job.account, people[0]),
                    Ok(rated) => prop_assert_eq!(rated.counted, job.account != people[4]),
                    Err(e) => prop_assert!(false, "unexpected {e}"),
                }
            }
            for d in &designs {
                let mut h = Histogram::default();
                let mut wb = 0;
                for ((design, _), (stars, would_buy, counted)) in &plan.ratings {
                    if design == d && *counted {
                        h.add(*stars as u8);
                        wb += i64::from(*would_buy);
                    }
                }
                let after = plan.designs.get(d).map(|c| (c.after, c.would_buy)).unwrap_or_default();
                prop_assert_eq!(after, (h, wb));
            }
        }
    }
}
