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

use super::ranking::{self, Histogram};
use crate::app::AppState;
use crate::db::{Ex, now_ms};
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
    Ok(existing(ex, design, account).await?.map(|(stars, would_buy)| OwnRating { stars, would_buy }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyRating {
    pub stars: i64,
    pub would_buy: bool,
    pub design: RatingSummary,
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
    creator_id: Uuid,
    status: String,
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

/// Locks the design's row for this transaction and reads its counters; refuses designs that
/// cannot be rated by this account.
async fn lock_rateable(ex: &mut crate::db::Tx, design: Uuid, user: Uuid) -> Result<Counters> {
    let lock = "UPDATE designs SET updated_at = updated_at WHERE id = $1";
    on_db!(ex.ex(), |c| sqlx::query(lock).bind(design).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    let sql = "SELECT creator_id, status, published_at, stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count \
               FROM designs WHERE id = $1";
    let counters: Counters = on_db!(ex.ex(), |c| sqlx::query_as(sql).bind(design).fetch_optional(&mut *c).await)?
        .ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if counters.status != "published" {
        return Err(Error::detail(ErrorCode::NotRateable, "Only a published design can be rated."));
    }
    let co_creator: i64 = on_db!(ex.ex(), |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM design_co_creators WHERE design_id = $1 AND account_id = $2"
    )
    .bind(design)
    .bind(user)
    .fetch_one(&mut *c)
    .await)?;
    if counters.creator_id == user || co_creator > 0 {
        return Err(Error::code(ErrorCode::OwnDesign));
    }
    Ok(counters)
}

async fn existing(ex: Ex<'_>, design: Uuid, user: Uuid) -> Result<Option<(i64, bool)>> {
    let sql = "SELECT stars, would_buy FROM ratings WHERE design_id = $1 AND account_id = $2";
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
/// again changes nothing.
#[utoipa::path(put, path = "/api/v1/designs/{id}/rating", tag = "community", params(("id" = Uuid, Path)),
    request_body = RatingBody,
    responses(
        (status = 200, body = MyRating),
        (status = 403, body = crate::error::Problem, description = "`own_design`: yours, or one you co-created"),
        (status = 409, body = crate::error::Problem, description = "`not_rateable`: a draft or a withdrawn design"),
        (status = 422, body = crate::error::Problem),
    ))]
pub async fn put(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(rating): Valid<Rating>,
) -> Result<Json<MyRating>> {
    let mut tx = state.db.begin().await?;
    let (h, would_buy) = rate_in(&mut tx, id, user.id, rating.stars, rating.would_buy, now_ms()).await?;
    tx.commit().await?;
    Ok(Json(MyRating { stars: i64::from(rating.stars), would_buy: rating.would_buy, design: summary(h, would_buy) }))
}

/// Records `account`'s rating of `design` inside `tx` (new or changed) and updates the design's
/// counters and scores; returns its new histogram and would-buy count.
pub async fn rate_in(
    tx: &mut crate::db::Tx,
    id: Uuid,
    account: Uuid,
    stars: u8,
    would_buy_now: bool,
    now: i64,
) -> Result<(Histogram, i64)> {
    let counters = lock_rateable(tx, id, account).await?;
    let mut h = counters.histogram();
    let mut would_buy = counters.would_buy_count;
    match existing(tx.ex(), id, account).await? {
        Some((old, wb)) => {
            h.0[(old - 1) as usize] -= 1;
            would_buy -= i64::from(wb);
            let sql = "UPDATE ratings SET stars = $3, would_buy = $4, updated_at = $5 WHERE design_id = $1 AND account_id = $2";
            on_db!(tx.ex(), |c| sqlx::query(sql)
                .bind(id)
                .bind(account)
                .bind(i64::from(stars))
                .bind(would_buy_now)
                .bind(now)
                .execute(&mut *c)
                .await
                .map(|r| r.rows_affected()))?;
        }
        None => {
            let sql = "INSERT INTO ratings (design_id, account_id, stars, would_buy, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)";
            on_db!(tx.ex(), |c| sqlx::query(sql)
                .bind(id)
                .bind(account)
                .bind(i64::from(stars))
                .bind(would_buy_now)
                .bind(now)
                .execute(&mut *c)
                .await
                .map(|r| r.rows_affected()))?;
        }
    }
    h.add(stars);
    would_buy += i64::from(would_buy_now);
    store(tx.ex(), id, &h, would_buy, counters.published_at.unwrap_or(now)).await?;
    Ok((h, would_buy))
}

/// Removes my rating of a design (nothing to remove is fine).
#[utoipa::path(delete, path = "/api/v1/designs/{id}/rating", tag = "community", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 404, body = crate::error::Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
) -> Result<StatusCode> {
    let mut tx = state.db.begin().await?;
    let lock = "UPDATE designs SET updated_at = updated_at WHERE id = $1";
    let found = on_db!(tx.ex(), |c| sqlx::query(lock).bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    if found == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    if let Some((stars, wb)) = existing(tx.ex(), id, user.id).await? {
        let sql = "SELECT creator_id, status, published_at, stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count \
                   FROM designs WHERE id = $1";
        let counters: Counters = on_db!(tx.ex(), |c| sqlx::query_as(sql).bind(id).fetch_one(&mut *c).await)?;
        let mut h = counters.histogram();
        h.0[(stars - 1) as usize] -= 1;
        let would_buy = counters.would_buy_count - i64::from(wb);
        on_db!(tx.ex(), |c| sqlx::query("DELETE FROM ratings WHERE design_id = $1 AND account_id = $2")
            .bind(id)
            .bind(user.id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        store(tx.ex(), id, &h, would_buy, counters.published_at.unwrap_or_else(now_ms)).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
