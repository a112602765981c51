//! Promotion to the brand: the thresholds the brand sets, each design's progress toward them,
//! which ratings count, and shortlisting.
//!
//! A rating counts toward a design's numbers (its histogram, its scores, its progress) only when
//! its account is old enough and, if the brand asks, has a verified email. Other ratings are
//! recorded with `counted = false` and start counting on their own once their account
//! qualifies ([`super::ratings::count_qualified_ratings`], run when an email is verified and
//! every minute by the server). When a design meets every threshold it is shortlisted in the
//! same transaction as the rating that made it cross, exactly once (`shortlisted_at` is set
//! only where it was null).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::notifications::{self, Kind, Notice};
use super::ranking::Histogram;
use crate::app::AppState;
use crate::audit;
use crate::db::{Ex, now_ms};
use crate::error::{FieldError, Result};
use crate::http::{CurrentUser, Input, Valid};
use crate::on_db;

pub const DAY_MS: i64 = 24 * 3600 * 1000;

/// Rating counts that earn the creators a notification, each once per design.
pub const MILESTONES: [i64; 10] = [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];

/// What a design needs to reach the brand, and what a rating needs to count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Thresholds {
    pub min_ratings: i64,
    /// Of the lower bound "top" sorts by (1 to 5).
    pub min_lower_bound: f64,
    /// `null`: would-buys are not required.
    pub min_would_buy: Option<i64>,
    pub min_account_age_days: i64,
    pub require_verified_email: bool,
}

/// Why a rating does not count yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotCounted {
    /// The email is not verified (checked first: the rater can fix it at once).
    EmailUnverified,
    AccountTooYoung,
}

/// One bar on a design's page.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Bar {
    /// `ratings`, `lower_bound` or `would_buy`.
    pub key: &'static str,
    pub current: f64,
    pub target: f64,
    pub met: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Promotion {
    pub thresholds: Thresholds,
    pub progress: Vec<Bar>,
    /// Every threshold is met.
    pub met: bool,
}

impl Thresholds {
    /// Whether a rating from an account created at `created_at` counts at `now`.
    pub fn rater_counts(&self, created_at: i64, verified: bool, now: i64) -> Result<(), NotCounted> {
        if self.require_verified_email && !verified {
            Err(NotCounted::EmailUnverified)
        } else if created_at > self.account_cutoff(now) {
            Err(NotCounted::AccountTooYoung)
        } else {
            Ok(())
        }
    }

    /// Accounts created at or before this time are old enough.
    pub fn account_cutoff(&self, now: i64) -> i64 {
        now - self.min_account_age_days * DAY_MS
    }

    /// A design's progress toward each threshold, from its counted ratings.
    pub fn progress(&self, h: &Histogram, would_buy: i64) -> Promotion {
        let count = h.count();
        let bound = h.lower_bound();
        let mut progress = vec![
            Bar {
                key: "ratings",
                current: count as f64,
                target: self.min_ratings as f64,
                met: count >= self.min_ratings,
            },
            Bar {
                key: "lower_bound",
                current: bound,
                target: self.min_lower_bound,
                met: bound >= self.min_lower_bound,
            },
        ];
        if let Some(min) = self.min_would_buy {
            progress.push(Bar {
                key: "would_buy",
                current: would_buy as f64,
                target: min as f64,
                met: would_buy >= min,
            });
        }
        let met = progress.iter().all(|b| b.met);
        Promotion { thresholds: self.clone(), progress, met }
    }
}

/// The brand's thresholds, in [`Thresholds`]' field order.
pub const THRESHOLDS_SQL: &str = "SELECT min_ratings, min_lower_bound, min_would_buy, min_account_age_days, \
                                  require_verified_email FROM brand_settings WHERE id = 1";

pub async fn thresholds(ex: Ex<'_>) -> Result<Thresholds> {
    Ok(on_db!(ex, |c| sqlx::query_as(THRESHOLDS_SQL).fetch_one(&mut *c).await)?)
}

/// The design's creator and the co-creators who accepted their share: who hears about it.
pub async fn creators_of(ex: Ex<'_>, design: Uuid) -> Result<Vec<Uuid>> {
    let sql = "SELECT creator_id FROM designs WHERE id = $1 \
               UNION SELECT account_id FROM design_co_creators WHERE design_id = $1 AND status = 'accepted'";
    Ok(on_db!(ex, |c| sqlx::query_scalar(sql).bind(design).fetch_all(&mut *c).await)?)
}

/// What counting happens under: the thresholds, the public address for email links, the time.
#[derive(Clone, Copy)]
pub struct Moment<'a> {
    pub thresholds: &'a Thresholds,
    pub site: &'a str,
    pub now: i64,
}

/// After a design's counted ratings changed from `old_count` to `h` (inside the transaction
/// that changed them): announces milestones crossed, and shortlists the design if it now meets
/// every threshold. Returns whether it was shortlisted now.
pub async fn after_counting(
    mut ex: Ex<'_>,
    design: Uuid,
    old_count: i64,
    h: &Histogram,
    would_buy: i64,
    at: &Moment<'_>,
) -> Result<bool> {
    let Moment { thresholds: t, site, now } = *at;
    let count = h.count();
    for m in MILESTONES.into_iter().filter(|m| old_count < *m && *m <= count) {
        let sql = "INSERT INTO design_milestones (design_id, milestone, reached_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
        let new = on_db!(ex.reborrow(), |c| sqlx::query(sql)
            .bind(design)
            .bind(m)
            .bind(now)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        if new == 1 {
            let to = creators_of(ex.reborrow(), design).await?;
            notifications::notify(
                ex.reborrow(),
                &to,
                Notice { kind: Kind::RatingMilestone, design, actor: None, count: Some(m) },
                site,
                now,
            )
            .await?;
        }
    }
    if !t.progress(h, would_buy).met {
        return Ok(false);
    }
    let sql = "UPDATE designs SET shortlisted_at = $2 WHERE id = $1 AND shortlisted_at IS NULL AND status = 'published' \
               AND hidden_at IS NULL";
    let shortlisted = on_db!(ex.reborrow(), |c| sqlx::query(sql)
        .bind(design)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if shortlisted == 0 {
        return Ok(false);
    }
    crate::brand::review::enter(ex.reborrow(), design, now).await?;
    let entry = audit::Entry {
        actor: None,
        action: "design.shortlisted",
        target_type: "design",
        target_id: design.to_string(),
        detail: serde_json::json!({ "ratings": count, "lower_bound": h.lower_bound(), "would_buy": would_buy }),
    };
    audit::record(ex.reborrow(), entry).await?;
    let to = creators_of(ex.reborrow(), design).await?;
    notifications::notify(ex, &to, Notice { kind: Kind::Shortlisted, design, actor: None, count: None }, site, now)
        .await?;
    Ok(true)
}

/// Ratings of a design recorded but not counting yet, by reason; never whose.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct PendingRatings {
    pub too_young: i64,
    pub unverified: i64,
    /// From accounts a moderator suspended or banned.
    pub moderated: i64,
}

pub async fn pending(ex: Ex<'_>, design: Uuid, t: &Thresholds, now: i64) -> Result<PendingRatings> {
    // Each rating is given one reason: moderation first, then the email, then the age.
    let sql = "SELECT \
               COALESCE(SUM(CASE WHEN m THEN 1 ELSE 0 END), 0) AS moderated, \
               COALESCE(SUM(CASE WHEN NOT m AND $2 AND verified_at IS NULL THEN 1 ELSE 0 END), 0) AS unverified, \
               COALESCE(SUM(CASE WHEN NOT m AND NOT ($2 AND verified_at IS NULL) AND created_at > $3 THEN 1 ELSE 0 END), 0) AS too_young \
               FROM (SELECT (a.banned_at IS NOT NULL OR COALESCE(a.suspended_until, 0) > $4) AS m, \
               a.email_verified_at AS verified_at, a.created_at FROM ratings r JOIN accounts a ON a.id = r.account_id \
               WHERE r.design_id = $1 AND NOT r.counted) p";
    Ok(on_db!(ex, |c| sqlx::query_as(sql)
        .bind(design)
        .bind(t.require_verified_email)
        .bind(t.account_cutoff(now))
        .bind(now)
        .fetch_one(&mut *c)
        .await)?)
}

/// Where a design stands in the "top" feed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Standing {
    /// 1 is first.
    pub top_position: i64,
    /// Published designs in the feed.
    pub of: i64,
}

pub async fn standing(ex: Ex<'_>, design: Uuid, lower_bound: f64) -> Result<Standing> {
    // Both counts are ranges of `designs_top_idx`, in the feed's order (bound, then id).
    let sql = "SELECT (SELECT COUNT(*) FROM designs WHERE status = 'published' AND lower_bound >= $2 \
               AND (lower_bound > $2 OR id > $1)), (SELECT COUNT(*) FROM designs WHERE status = 'published')";
    let (ahead, of): (i64, i64) =
        on_db!(ex, |c| sqlx::query_as(sql).bind(design).bind(lower_bound).fetch_one(&mut *c).await)?;
    Ok(Standing { top_position: ahead + 1, of })
}

impl Input for Thresholds {
    type Raw = Thresholds;
    fn parse(raw: Thresholds) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !(1..=100_000).contains(&raw.min_ratings) {
            errors.push(FieldError::new("min_ratings", "out_of_range", "Between 1 and 100,000 ratings."));
        }
        if !(1.0..=5.0).contains(&raw.min_lower_bound) {
            errors.push(FieldError::new("min_lower_bound", "out_of_range", "Between 1 and 5."));
        }
        if raw.min_would_buy.is_some_and(|n| !(1..=100_000).contains(&n)) {
            errors.push(FieldError::new("min_would_buy", "out_of_range", "Between 1 and 100,000, or null."));
        }
        if !(0..=365).contains(&raw.min_account_age_days) {
            errors.push(FieldError::new("min_account_age_days", "out_of_range", "Between 0 and 365 days."));
        }
        if errors.is_empty() { Ok(raw) } else { Err(errors) }
    }
}

/// The promotion thresholds.
#[utoipa::path(get, path = "/api/v1/brand/settings/promotion", tag = "brand",
    responses((status = 200, body = Thresholds), (status = 403, body = crate::error::Problem)))]
pub async fn get_settings(State(state): State<AppState>) -> Result<Json<Thresholds>> {
    let mut conn = state.db.reader().await?;
    Ok(Json(thresholds(conn.ex()).await?))
}

/// Changes the promotion thresholds (audited). Designs that now meet them are shortlisted, and
/// ratings that now qualify start counting, at once.
#[utoipa::path(put, path = "/api/v1/brand/settings/promotion", tag = "brand", request_body = Thresholds,
    responses((status = 200, body = Thresholds), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub async fn put_settings(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(t): Valid<Thresholds>,
) -> Result<Json<Thresholds>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let before = thresholds(tx.ex()).await?;
    store_thresholds(tx.ex(), &t, user.id, now).await?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "settings.promotion_changed",
        target_type: "brand_settings",
        target_id: "promotion".into(),
        detail: serde_json::json!({ "before": before, "after": t }),
    };
    audit::record(tx.ex(), entry).await?;
    tx.commit().await?;
    thresholds_changed(&state).await?;
    Ok(Json(t))
}

/// Writes new thresholds (the caller audits the change).
pub async fn store_thresholds(ex: Ex<'_>, t: &Thresholds, by: Uuid, now: i64) -> Result<()> {
    let sql = "UPDATE brand_settings SET min_ratings = $1, min_lower_bound = $2, min_would_buy = $3, \
               min_account_age_days = $4, require_verified_email = $5, updated_at = $6, updated_by = $7 WHERE id = 1";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(t.min_ratings)
        .bind(t.min_lower_bound)
        .bind(t.min_would_buy)
        .bind(t.min_account_age_days)
        .bind(t.require_verified_email)
        .bind(now)
        .bind(by)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// After the thresholds changed (and committed): ratings that now qualify count, and designs
/// that now meet them are shortlisted, at once.
pub async fn thresholds_changed(state: &AppState) -> Result<()> {
    let site = state.settings.public_url();
    super::ratings::count_qualified_ratings(&state.db, None, &site, now_ms()).await?;
    super::ratings::shortlist_qualifying(&state.db, &site, now_ms()).await?;
    Ok(())
}

/// A design rated by many young accounts in the last hour.
#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct BurstAlert {
    pub design_id: Uuid,
    pub slug: Option<String>,
    pub name: String,
    pub young_ratings: i64,
    pub since: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alerts {
    pub items: Vec<BurstAlert>,
}

/// How many ratings from young accounts within an hour make an alert.
pub const BURST_RATINGS: i64 = 5;

/// Designs rated in the last hour by [`BURST_RATINGS`] or more accounts younger than the
/// minimum age (or, with no minimum, younger than a day): a possible ring of fresh accounts.
#[utoipa::path(get, path = "/api/v1/brand/alerts", tag = "brand",
    responses((status = 200, body = Alerts), (status = 403, body = crate::error::Problem)))]
pub async fn alerts(State(state): State<AppState>) -> Result<Json<Alerts>> {
    let now = now_ms();
    let mut conn = state.db.reader().await?;
    let t = thresholds(conn.ex()).await?;
    let young_after = now - t.min_account_age_days.max(1) * DAY_MS;
    let since = now - 3600 * 1000;
    let sql = "SELECT d.id AS design_id, d.slug, d.name, COUNT(*) AS young_ratings, $2 AS since \
               FROM ratings r JOIN accounts a ON a.id = r.account_id JOIN designs d ON d.id = r.design_id \
               WHERE r.created_at >= $2 AND a.created_at > $1 \
               GROUP BY d.id, d.slug, d.name HAVING COUNT(*) >= $3 ORDER BY young_ratings DESC LIMIT 100";
    let items: Vec<BurstAlert> = on_db!(conn.ex(), |c| sqlx::query_as(sql)
        .bind(young_after)
        .bind(since)
        .bind(BURST_RATINGS)
        .fetch_all(&mut *c)
        .await)?;
    Ok(Json(Alerts { items }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Thresholds {
        Thresholds {
            min_ratings: 3,
            min_lower_bound: 3.0,
            min_would_buy: Some(2),
            min_account_age_days: 2,
            require_verified_email: true,
        }
    }

    #[test]
    fn a_design_meets_the_thresholds_only_when_every_bar_is_full() {
        let strong = Histogram([0, 0, 0, 0, 6]);
        assert!(t().progress(&strong, 2).met);
        let p = t().progress(&strong, 1);
        assert!(!p.met);
        assert_eq!(
            p.progress.iter().map(|b| (b.key, b.met)).collect::<Vec<_>>(),
            [("ratings", true), ("lower_bound", true), ("would_buy", false)]
        );
        // Three middling ratings: enough ratings, bound too low.
        let middling = Histogram([0, 0, 3, 0, 0]);
        let p = t().progress(&middling, 5);
        assert!(!p.progress[1].met);
        assert!(!p.met);
        // Without a would-buy threshold there is no third bar.
        let none = Thresholds { min_would_buy: None, ..t() };
        assert_eq!(none.progress(&strong, 0).progress.len(), 2);
        assert!(none.progress(&strong, 0).met);
    }

    #[test]
    fn a_rating_counts_once_its_account_is_old_enough_and_verified() {
        let now = 100 * DAY_MS;
        assert_eq!(t().rater_counts(now - DAY_MS, true, now), Err(NotCounted::AccountTooYoung));
        assert_eq!(t().rater_counts(now - 2 * DAY_MS, true, now), Ok(()));
        assert_eq!(t().rater_counts(now - 9 * DAY_MS, false, now), Err(NotCounted::EmailUnverified));
        let lax = Thresholds { require_verified_email: false, min_account_age_days: 0, ..t() };
        assert_eq!(lax.rater_counts(now, false, now), Ok(()));
    }
}
