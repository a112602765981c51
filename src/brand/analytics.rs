//! The brand's analytics: ratings per day, the options most used in published designs (and,
//! once orders exist, in sales), the funnel from published to sold, and each listing's ratings
//! against its units sold. Each is JSON for the console's charts, or CSV with `?format=csv`.
//!
//! Sales arrive with the orders: until then `units_sold` and `sold` read 0, from the same
//! queries that will count them.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::DesignRef;
use crate::app::AppState;
use crate::community::promotion::DAY_MS;
use crate::db::now_ms;
use crate::error::{Error, Result};
use crate::http::QueryParams;
use crate::on_db;
use crate::studio::catalog::Lang;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AnalyticsQuery {
    /// `json` (the default) or `csv`.
    pub format: Option<String>,
    /// Ratings per day: how many days back, 1 to 365 (30 when absent).
    pub days: Option<i64>,
}

impl AnalyticsQuery {
    fn csv(&self) -> Result<bool> {
        match self.format.as_deref() {
            None | Some("json") => Ok(false),
            Some("csv") => Ok(true),
            Some(_) => Err(Error::field("format", "invalid_format", "format is `json` or `csv`.")),
        }
    }
}

/// The rows as a CSV file named `name.csv`, a header row first.
fn csv_file<R: Serialize>(name: &str, rows: &[R]) -> Result<Response> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r).map_err(anyhow::Error::from)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    let disposition = format!("attachment; filename=\"{name}.csv\"");
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, disposition)],
        bytes,
    )
        .into_response())
}

/// `2026-11-23` for a UTC day number (days since the epoch).
fn date_of(day: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(day * 86_400) {
        Ok(t) => format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
        Err(_) => String::new(),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Day {
    /// UTC, `YYYY-MM-DD`.
    pub date: String,
    pub ratings: i64,
    pub would_buy: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RatingsPerDay {
    /// Oldest first; days without ratings are there with 0.
    pub days: Vec<Day>,
}

/// Ratings given per UTC day (by the day they were first given).
#[utoipa::path(get, path = "/api/v1/brand/analytics/ratings", tag = "brand", params(AnalyticsQuery),
    responses((status = 200, body = RatingsPerDay, description = "JSON, or CSV with format=csv"), (status = 403, body = crate::error::Problem)))]
pub async fn ratings(State(state): State<AppState>, QueryParams(q): QueryParams<AnalyticsQuery>) -> Result<Response> {
    let csv = q.csv()?;
    let days = q.days.unwrap_or(30);
    if !(1..=365).contains(&days) {
        return Err(Error::field("days", "out_of_range", "Between 1 and 365 days."));
    }
    let today = now_ms().div_euclid(DAY_MS);
    let first = today - days + 1;
    let sql = "SELECT created_at / $2 AS day, COUNT(*) AS ratings, \
               COALESCE(SUM(CASE WHEN would_buy THEN 1 ELSE 0 END), 0) AS would_buy \
               FROM ratings WHERE created_at >= $1 GROUP BY created_at / $2";
    let mut conn = state.db.reader().await?;
    let rows: Vec<(i64, i64, i64)> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(first * DAY_MS).bind(DAY_MS).fetch_all(&mut *c).await)?;
    let out: Vec<Day> = (first..=today)
        .map(|day| {
            let (ratings, would_buy) = rows.iter().find(|r| r.0 == day).map_or((0, 0), |r| (r.1, r.2));
            Day { date: date_of(day), ratings, would_buy }
        })
        .collect();
    if csv { csv_file("ratings-per-day", &out) } else { Ok(Json(RatingsPerDay { days: out }).into_response()) }
}

#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct OptionUse {
    pub option_id: Uuid,
    pub name: String,
    pub template_name: String,
    /// Published designs (live, not withdrawn or hidden) that use it.
    pub published_designs: i64,
    pub units_sold: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionUses {
    pub items: Vec<OptionUse>,
}

/// The options most used in published designs, and in sales.
#[utoipa::path(get, path = "/api/v1/brand/analytics/options", tag = "brand", params(AnalyticsQuery),
    responses((status = 200, body = OptionUses, description = "JSON, or CSV with format=csv"), (status = 403, body = crate::error::Problem)))]
pub async fn options(
    State(state): State<AppState>,
    lang: Lang,
    QueryParams(q): QueryParams<AnalyticsQuery>,
) -> Result<Response> {
    let csv = q.csv()?;
    let sql = "SELECT o.id AS option_id, o.name_en, o.name_fr, t.name_en AS template_en, t.name_fr AS template_fr, \
               COUNT(*) AS published_designs FROM design_choices dc \
               JOIN designs d ON d.id = dc.design_id AND d.status = 'published' AND d.hidden_at IS NULL \
               JOIN options o ON o.id = dc.option_id JOIN option_groups g ON g.id = o.group_id \
               JOIN templates t ON t.id = g.template_id \
               GROUP BY o.id, o.name_en, o.name_fr, t.name_en, t.name_fr ORDER BY COUNT(*) DESC, o.name_en LIMIT 100";
    let mut conn = state.db.reader().await?;
    let rows: Vec<(Uuid, String, String, String, String, i64)> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).fetch_all(&mut *c).await)?;
    let items: Vec<OptionUse> = rows
        .into_iter()
        .map(|(option_id, en, fr, ten, tfr, published_designs)| OptionUse {
            option_id,
            name: lang.pick(&en, &fr).to_string(),
            template_name: lang.pick(&ten, &tfr).to_string(),
            published_designs,
            units_sold: 0,
        })
        .collect();
    if csv { csv_file("options", &items) } else { Ok(Json(OptionUses { items }).into_response()) }
}

/// Designs at or past each stage.
#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Funnel {
    pub published: i64,
    pub shortlisted: i64,
    pub approved: i64,
    /// Whose offer every creator accepted.
    pub listed: i64,
    /// With at least one sale.
    pub sold: i64,
}

/// The funnel from published to sold.
#[utoipa::path(get, path = "/api/v1/brand/analytics/funnel", tag = "brand", params(AnalyticsQuery),
    responses((status = 200, body = Funnel, description = "JSON, or CSV with format=csv"), (status = 403, body = crate::error::Problem)))]
pub async fn funnel(State(state): State<AppState>, QueryParams(q): QueryParams<AnalyticsQuery>) -> Result<Response> {
    let csv = q.csv()?;
    let sql = "SELECT (SELECT COUNT(*) FROM designs WHERE published_at IS NOT NULL) AS published, \
               (SELECT COUNT(*) FROM designs WHERE shortlisted_at IS NOT NULL) AS shortlisted, \
               (SELECT COUNT(*) FROM designs WHERE decision = 'approved') AS approved, \
               (SELECT COUNT(*) FROM listings WHERE accepted_at IS NOT NULL) AS listed, \
               CAST(0 AS BIGINT) AS sold";
    let mut conn = state.db.reader().await?;
    let f: Funnel = on_db!(conn.ex(), |c| sqlx::query_as(sql).fetch_one(&mut *c).await)?;
    #[derive(Serialize)]
    struct Stage {
        stage: &'static str,
        designs: i64,
    }
    let stages = [
        Stage { stage: "published", designs: f.published },
        Stage { stage: "shortlisted", designs: f.shortlisted },
        Stage { stage: "approved", designs: f.approved },
        Stage { stage: "listed", designs: f.listed },
        Stage { stage: "sold", designs: f.sold },
    ];
    if csv { csv_file("funnel", &stages) } else { Ok(Json(f).into_response()) }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ListingFigures {
    pub listing_id: Uuid,
    pub design: DesignRef,
    /// `offered`, `scheduled`, `live`, `paused` or `retired`.
    pub state: String,
    pub ratings: i64,
    pub lower_bound: f64,
    pub would_buy: i64,
    pub units_sold: i64,
    /// Units sold per would-buy; `null` without would-buys.
    pub conversion: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ListingsFigures {
    pub items: Vec<ListingFigures>,
}

#[derive(Serialize)]
struct ListingCsv<'a> {
    listing_id: Uuid,
    design: &'a str,
    state: &'a str,
    ratings: i64,
    lower_bound: f64,
    would_buy: i64,
    units_sold: i64,
    conversion: Option<f64>,
}

/// Each listing's votes against its sales: the votes-to-sales conversion.
#[utoipa::path(get, path = "/api/v1/brand/analytics/listings", tag = "brand", params(AnalyticsQuery),
    responses((status = 200, body = ListingsFigures, description = "JSON, or CSV with format=csv"), (status = 403, body = crate::error::Problem)))]
pub async fn listings(State(state): State<AppState>, QueryParams(q): QueryParams<AnalyticsQuery>) -> Result<Response> {
    let csv = q.csv()?;
    let now = now_ms();
    let sql = "SELECT l.id, d.id, d.slug, d.name, l.status, l.starts_at, \
               d.stars_1 + d.stars_2 + d.stars_3 + d.stars_4 + d.stars_5, d.lower_bound, d.would_buy_count \
               FROM listings l JOIN designs d ON d.id = l.design_id WHERE l.status <> 'declined' \
               ORDER BY d.would_buy_count DESC, l.id";
    type Row = (Uuid, Uuid, Option<String>, String, String, i64, i64, f64, i64);
    let mut conn = state.db.reader().await?;
    let rows: Vec<Row> = on_db!(conn.ex(), |c| sqlx::query_as(sql).fetch_all(&mut *c).await)?;
    let items: Vec<ListingFigures> = rows
        .into_iter()
        .map(|(listing_id, id, slug, name, status, starts_at, ratings, lower_bound, would_buy)| {
            let units_sold = 0;
            ListingFigures {
                listing_id,
                design: DesignRef::new(id, slug, name),
                state: match status.as_str() {
                    "active" if starts_at > now => "scheduled".into(),
                    "active" => "live".into(),
                    s => s.into(),
                },
                ratings,
                lower_bound,
                would_buy,
                units_sold,
                conversion: (would_buy > 0).then(|| units_sold as f64 / would_buy as f64),
            }
        })
        .collect();
    if !csv {
        return Ok(Json(ListingsFigures { items }).into_response());
    }
    let rows: Vec<ListingCsv> = items
        .iter()
        .map(|i| ListingCsv {
            listing_id: i.listing_id,
            design: &i.design.name,
            state: &i.state,
            ratings: i.ratings,
            lower_bound: i.lower_bound,
            would_buy: i.would_buy,
            units_sold: i.units_sold,
            conversion: i.conversion,
        })
        .collect();
    csv_file("listings", &rows)
}
