//! Rating a design: 1 to 5 stars and an optional "I'd buy this", one rating per account per
//! design (the table's primary key), changeable and removable. The design's histogram, would-buy
//! count and scores change in the same transaction as the rating, under a lock on the design's
//! row, so concurrent, repeated and replayed requests never count a rating twice.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::promotion::{self, Moment, NotCounted, Thresholds};
use super::ranking::{self, Histogram};
use crate::app::AppState;
use crate::db::{Db, Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Issue, Result};
use crate::http::{CurrentUser, Input, PathParam, Valid};
use crate::on_db;

/// A design's ratings as everyone sees them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingSummary {
    pub count: i64,
    /// The plain average, for reading; `null` with no rating.
    pub average: Option<f64>,
    /// What "top" sorts by (see the ranking module).
    pub lower_bound: f64,
    /// Ratings of 1, 2, 3, 4 and 5 stars.
    pub histogram: [i64; 5],
    pub would_buy_count: i64,
}

/// A viewer's own rating of a design.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OwnRating {
    pub stars: i64,
    pub would_buy: bool,
}

/// The rating `account` gave `design`, if any.
pub async fn own(ex: Ex<'_>, design: Uuid, account: Uuid) -> Result<Option<OwnRating>> {
    Ok(existing_row(ex, design, account).await?.map(|(stars, would_buy, _)| OwnRating { stars, would_buy }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyRating {
    pub stars: i64,
    pub would_buy: bool,
    /// Whether this rating counts toward the design's numbers now.
    pub counted: bool,
    /// Why it does not count yet; it will on its own once the account qualifies.
    pub not_counted_because: Option<NotCounted>,
    pub design: RatingSummary,
    /// `published`, or `shortlisted` once it met every threshold.
    pub status: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RatingBody {
    /// 1 to 5.
    pub stars: Option<i64>,
    #[serde(default)]
    pub would_buy: bool,
}

pub struct Rating {
    stars: u8,
    would_buy: bool,
}

impl Input for Rating {
    type Raw = RatingBody;
    fn parse(raw: RatingBody) -> Result<Self, Vec<FieldError>> {
        match raw.stars {
            Some(s @ 1..=5) => Ok(Rating { stars: s as u8, would_buy: raw.would_buy }),
            Some(_) => Err(vec![FieldError::new("stars", "out_of_range", "A rating is 1 to 5 stars.")]),
            None => Err(vec![FieldError::new("stars", Issue::required().code, "This field is required.")]),
        }
    }
}

#[derive(sqlx::FromRow)]
struct Counters {
    published_at: Option<i64>,
    stars_1: i64,
    stars_2: i64,
    stars_3: i64,
    stars_4: i64,
    stars_5: i64,
    would_buy_count: i64,
}

impl Counters {
    fn histogram(&self) -> Histogram {
        Histogram([self.stars_1, self.stars_2, self.stars_3, self.stars_4, self.stars_5])
    }
}

pub fn summary(h: Histogram, would_buy_count: i64) -> RatingSummary {
    RatingSummary {
        count: h.count(),
        average: h.average(),
        lower_bound: h.lower_bound(),
        histogram: h.0,
        would_buy_count,
    }
}

/// Locks the design's row for this transaction (an UPDATE, as SQLite has no `FOR UPDATE`) and
/// reads its counters.
async fn lock_counters(ex: &mut Tx, design: Uuid) -> Result<Option<Counters>> {
    let lock = "UPDATE designs SET updated_at = updated_at WHERE id = $1";
    on_db!(ex.ex(), |c| sqlx::query(lock).bind(design).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    let sql =
        "SELECT published_at, stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count FROM designs WHERE id = $1";
    Ok(on_db!(ex.ex(), |c| sqlx::query_as(sql).bind(design).fetch_optional(&mut *c).await)?)
}

/// A rating as stored: stars, would-buy, counted.
async fn existing_row(ex: Ex<'_>, design: Uuid, user: Uuid) -> Result<Option<(i64, bool, bool)>> {
    let sql = "SELECT stars, would_buy, counted FROM ratings WHERE design_id = $1 AND account_id = $2";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(design).bind(user).fetch_optional(&mut *c).await)?)
}

/// Writes the design's new counters and scores.
async fn store(ex: Ex<'_>, design: Uuid, h: &Histogram, would_buy: i64, published_at: i64) -> Result<()> {
    let sql = "UPDATE designs SET stars_1 = $2, stars_2 = $3, stars_3 = $4, stars_4 = $5, stars_5 = $6, \
               would_buy_count = $7, lower_bound = $8, hot = $9 WHERE id = $1";
    let [s1, s2, s3, s4, s5] = h.0;
    on_db!(ex, |c| sqlx::query(sql)
        .bind(design)
        .bind(s1)
        .bind(s2)
        .bind(s3)
        .bind(s4)
        .bind(s5)
        .bind(would_buy)
        .bind(h.lower_bound())
        .bind(ranking::hot(h, published_at))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Rates a published design, or changes the rating already given. Sending the same rating
/// again changes nothing. A rating from an account too young or unverified for the brand's
/// thresholds is recorded and starts counting on its own when the account qualifies.
#[utoipa::path(put, path = "/api/v1/designs/{id}/rating", tag = "community", params(("id" = Uuid, Path)),
    request_body = RatingBody,
    responses(
        (status = 200, body = MyRating),
        (status = 403, body = crate::error::Problem, description = "`own_design`: yours, or one you co-created"),
        (status = 409, body = crate::error::Problem, description = "`not_rateable`: a draft or a withdrawn design"),
        (status = 422, body = crate::error::Problem),
        (status = 429, body = crate::error::Problem, description = "`rate_limited`"),
    ))]
pub async fn put(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(rating): Valid<Rating>,
) -> Result<Json<MyRating>> {
    state.limits.rating(user.id)?;
    let out = state.ratings.rate(id, user.id, rating.stars, rating.would_buy).await?;
    Ok(Json(MyRating {
        stars: i64::from(rating.stars),
        would_buy: rating.would_buy,
        counted: out.counted,
        not_counted_because: out.not_counted_because,
        design: summary(out.histogram, out.would_buy),
        status: if out.shortlisted { "shortlisted" } else { "published" }.into(),
    }))
}

/// What a rating did to its design.
#[derive(Debug)]
pub struct Rated {
    pub histogram: Histogram,
    pub would_buy: i64,
    pub counted: bool,
    pub not_counted_because: Option<NotCounted>,
    /// The design is shortlisted (now or before).
    pub shortlisted: bool,
}

/// Records `account`'s rating of `design` inside `tx` (new or changed), updates the design's
/// counters and scores when it counts, and shortlists the design if it now meets every
/// threshold. Email links in notifications point at `site`.
pub async fn rate_in(
    tx: &mut Tx,
    id: Uuid,
    account: Uuid,
    stars: u8,
    would_buy_now: bool,
    site: &str,
    now: i64,
) -> Result<Rated> {
    let thresholds = promotion::thresholds(tx.ex()).await?;
    let job = super::batch::Job { design: id, account, stars, would_buy: would_buy_now };
    let at = Moment { thresholds: &thresholds, site, now };
    super::batch::apply(tx, &[job], &at).await?.pop().unwrap_or_else(|| Err(Error::code(ErrorCode::Internal)))
}

/// Removes my rating of a design (nothing to remove is fine).
#[utoipa::path(delete, path = "/api/v1/designs/{id}/rating", tag = "community", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = crate::error::Problem), (status = 429, body = crate::error::Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
) -> Result<StatusCode> {
    state.limits.rating(user.id)?;
    let mut tx = state.db.begin().await?;
    let counters = lock_counters(&mut tx, id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if let Some((stars, wb, counted)) = existing_row(tx.ex(), id, user.id).await? {
        on_db!(tx.ex(), |c| sqlx::query("DELETE FROM ratings WHERE design_id = $1 AND account_id = $2")
            .bind(id)
            .bind(user.id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        if counted {
            let mut h = counters.histogram();
            h.0[(stars - 1) as usize] -= 1;
            let would_buy = counters.would_buy_count - i64::from(wb);
            store(tx.ex(), id, &h, would_buy, counters.published_at.unwrap_or_else(now_ms)).await?;
        }
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Up to 500 designs with ratings that do not count yet from accounts that now qualify (of one
/// account, `$1`, or of anyone). It reads the partial `ratings_pending_idx`, which holds only the
/// ratings not counting yet, never every rating.
const DESIGNS_WITH_QUALIFIED_PENDING: &str = "SELECT DISTINCT r.design_id FROM ratings r \
    JOIN accounts a ON a.id = r.account_id \
    WHERE NOT r.counted AND ($1 IS NULL OR r.account_id = $1) AND a.created_at <= $2 \
    AND (NOT $3 OR a.email_verified_at IS NOT NULL) AND a.banned_at IS NULL \
    AND (a.suspended_until IS NULL OR a.suspended_until <= $4) LIMIT 500";

/// Makes the ratings whose accounts now qualify count (all of them, or one account's), design
/// by design, each in a transaction that may shortlist the design. Returns how many started
/// counting. Run when an email is verified, when the thresholds change, and every minute.
pub async fn count_qualified_ratings(db: &Db, account: Option<Uuid>, site: &str, now: i64) -> Result<usize> {
    let mut total = 0;
    loop {
        let (t, designs) = {
            let mut conn = db.reader().await?;
            let t = promotion::thresholds(conn.ex()).await?;
            let designs: Vec<Uuid> = on_db!(conn.ex(), |c| sqlx::query_scalar(DESIGNS_WITH_QUALIFIED_PENDING)
                .bind(account)
                .bind(t.account_cutoff(now))
                .bind(t.require_verified_email)
                .bind(now)
                .fetch_all(&mut *c)
                .await)?;
            (t, designs)
        };
        let mut progress = 0;
        for design in &designs {
            let mut tx = db.begin().await?;
            progress += count_design_pending(&mut tx, *design, account, &t, site, now).await?;
            tx.commit().await?;
        }
        total += progress;
        if designs.len() < 500 || progress == 0 {
            return Ok(total);
        }
    }
}

async fn count_design_pending(
    tx: &mut Tx,
    design: Uuid,
    account: Option<Uuid>,
    t: &Thresholds,
    site: &str,
    now: i64,
) -> Result<usize> {
    let Some(counters) = lock_counters(tx, design).await? else { return Ok(0) };
    let sql = "SELECT r.account_id, r.stars, r.would_buy FROM ratings r JOIN accounts a ON a.id = r.account_id \
               WHERE r.design_id = $1 AND NOT r.counted AND ($2 IS NULL OR r.account_id = $2) AND a.created_at <= $3 \
               AND (NOT $4 OR a.email_verified_at IS NOT NULL) AND a.banned_at IS NULL \
               AND (a.suspended_until IS NULL OR a.suspended_until <= $5)";
    let pending: Vec<(Uuid, i64, bool)> = on_db!(tx.ex(), |c| sqlx::query_as(sql)
        .bind(design)
        .bind(account)
        .bind(t.account_cutoff(now))
        .bind(t.require_verified_email)
        .bind(now)
        .fetch_all(&mut *c)
        .await)?;
    if pending.is_empty() {
        return Ok(0);
    }
    let mut h = counters.histogram();
    let mut would_buy = counters.would_buy_count;
    for (rater, stars, wb) in &pending {
        let sql = "UPDATE ratings SET counted = TRUE WHERE design_id = $1 AND account_id = $2";
        on_db!(tx.ex(), |c| sqlx::query(sql)
            .bind(design)
            .bind(rater)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        h.add(*stars as u8);
        would_buy += i64::from(*wb);
    }
    store(tx.ex(), design, &h, would_buy, counters.published_at.unwrap_or(now)).await?;
    let at = Moment { thresholds: t, site, now };
    promotion::after_counting(tx.ex(), design, counters.histogram().count(), &h, would_buy, &at).await?;
    Ok(pending.len())
}

/// Recomputes a design's counters and scores from its counted ratings (after a moderator's
/// action made some stop counting). A shortlisted design stays shortlisted.
pub async fn recount(tx: &mut Tx, design: Uuid, now: i64) -> Result<()> {
    let Some(counters) = lock_counters(tx, design).await? else { return Ok(()) };
    let sql = "SELECT stars, COUNT(*), COALESCE(SUM(CASE WHEN would_buy THEN 1 ELSE 0 END), 0) FROM ratings \
               WHERE design_id = $1 AND counted GROUP BY stars";
    let rows: Vec<(i64, i64, i64)> = on_db!(tx.ex(), |c| sqlx::query_as(sql).bind(design).fetch_all(&mut *c).await)?;
    let mut h = Histogram::default();
    let mut would_buy = 0;
    for (stars, n, wb) in rows {
        if (1..=5).contains(&stars) {
            h.0[(stars - 1) as usize] = n;
        }
        would_buy += wb;
    }
    store(tx.ex(), design, &h, would_buy, counters.published_at.unwrap_or(now)).await
}

/// Shortlists every published design that meets the thresholds (after they were lowered).
pub async fn shortlist_qualifying(db: &Db, site: &str, now: i64) -> Result<usize> {
    let designs: Vec<Uuid> = {
        let mut conn = db.reader().await?;
        let t = promotion::thresholds(conn.ex()).await?;
        let sql = "SELECT id FROM designs WHERE status = 'published' AND hidden_at IS NULL AND shortlisted_at IS NULL \
                   AND lower_bound >= $1 \
                   AND stars_1 + stars_2 + stars_3 + stars_4 + stars_5 >= $2 AND ($3 IS NULL OR would_buy_count >= $3)";
        on_db!(conn.ex(), |c| sqlx::query_scalar(sql)
            .bind(t.min_lower_bound)
            .bind(t.min_ratings)
            .bind(t.min_would_buy)
            .fetch_all(&mut *c)
            .await)?
    };
    let mut shortlisted = 0;
    for design in designs {
        let mut tx = db.begin().await?;
        let t = promotion::thresholds(tx.ex()).await?;
        if let Some(c) = lock_counters(&mut tx, design).await? {
            let h = c.histogram();
            shortlisted += usize::from(
                promotion::after_counting(
                    tx.ex(),
                    design,
                    h.count(),
                    &h,
                    c.would_buy_count,
                    &Moment { thresholds: &t, site, now },
                )
                .await?,
            );
        }
        tx.commit().await?;
    }
    Ok(shortlisted)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The every-minute job must not read all the ratings (a million on a busy site) to find the
    /// few that wait to count.
    #[tokio::test]
    async fn the_pending_job_reads_only_the_ratings_not_counting_yet() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("plan.db").display())).await.unwrap();
        db.migrate().await.unwrap();
        let mut conn = db.reader().await.unwrap();
        let Ex::Sqlite(c) = conn.ex() else { unreachable!("a SQLite URL") };
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {DESIGNS_WITH_QUALIFIED_PENDING}")))
                .fetch_all(&mut *c)
                .await
                .unwrap();
        let steps: Vec<&str> = plan.iter().map(|(.., step)| step.as_str()).collect();
        assert!(steps.iter().any(|s| s.contains("USING INDEX ratings_pending_idx")), "{steps:?}");
        drop(conn);
        db.close().await;
    }
}
