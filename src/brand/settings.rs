//! The brand's settings in one place: the promotion thresholds, the review promise, the royalty
//! holding period, payouts (minimum and schedule), the currency and the VAT rate on receipts.
//! Brand roles read them; admins change them, and each change is audited with what it was
//! before. A new review promise applies to designs that reach the brand from then on: a
//! deadline already shown is kept.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::app::AppState;
use crate::audit;
use crate::community::promotion::{self, Thresholds};
use crate::db::{Ex, now_ms};
use crate::error::{FieldError, Result};
use crate::http::{CurrentUser, Input, Valid};
use crate::money::{Currency, Money};
use crate::on_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PayoutSchedule {
    Weekly,
    Monthly,
}

impl PayoutSchedule {
    fn as_str(self) -> &'static str {
        match self {
            PayoutSchedule::Weekly => "weekly",
            PayoutSchedule::Monthly => "monthly",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandSettings {
    pub promotion: Thresholds,
    /// The brand answers a design in review within this many days.
    pub review_days: i64,
    /// Royalties stay pending this many days (the refund window) before they are available.
    pub holding_days: i64,
    /// A payout is made only from this available balance on.
    pub min_payout: Money,
    pub payout_schedule: PayoutSchedule,
    /// The currency of payouts and receipts.
    pub currency: Currency,
    /// The VAT rate printed on receipts, in basis points (1000 = 10 %).
    pub vat_bps: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    review_days: i64,
    holding_days: i64,
    min_payout: i64,
    payout_schedule: String,
    currency: String,
    vat_bps: i64,
}

pub async fn load(mut ex: Ex<'_>) -> Result<BrandSettings> {
    let promotion = promotion::thresholds(ex.reborrow()).await?;
    let sql = "SELECT review_days, holding_days, min_payout, payout_schedule, currency, vat_bps FROM brand_settings WHERE id = 1";
    let r: Row = on_db!(ex, |c| sqlx::query_as(sql).fetch_one(&mut *c).await)?;
    let currency = Currency::parse(&r.currency).unwrap_or(Currency::EUR);
    Ok(BrandSettings {
        promotion,
        review_days: r.review_days,
        holding_days: r.holding_days,
        min_payout: Money::new(r.min_payout, currency),
        payout_schedule: if r.payout_schedule == "weekly" { PayoutSchedule::Weekly } else { PayoutSchedule::Monthly },
        currency,
        vat_bps: r.vat_bps,
    })
}

impl Input for BrandSettings {
    type Raw = BrandSettings;
    fn parse(raw: BrandSettings) -> Result<Self, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = match Thresholds::parse(raw.promotion.clone()) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|f| f.prefixed("promotion")).collect(),
        };
        if !(1..=90).contains(&raw.review_days) {
            errors.push(FieldError::new("review_days", "out_of_range", "Between 1 and 90 days."));
        }
        if !(0..=180).contains(&raw.holding_days) {
            errors.push(FieldError::new("holding_days", "out_of_range", "Between 0 and 180 days."));
        }
        if raw.min_payout.currency != raw.currency {
            errors.push(FieldError::new("min_payout", "wrong_currency", "In the brand's currency."));
        } else if !(0..=100_000_000).contains(&raw.min_payout.amount_minor) {
            errors.push(FieldError::new("min_payout", "out_of_range", "Zero or more, and plausible."));
        }
        if !(0..=5_000).contains(&raw.vat_bps) {
            errors.push(FieldError::new("vat_bps", "out_of_range", "Between 0 and 5,000 basis points (50 %)."));
        }
        if errors.is_empty() { Ok(raw) } else { Err(errors) }
    }
}

/// The brand's settings.
#[utoipa::path(get, path = "/api/v1/brand/settings", tag = "brand",
    responses((status = 200, body = BrandSettings), (status = 403, body = crate::error::Problem)))]
pub async fn get(State(state): State<AppState>) -> Result<Json<BrandSettings>> {
    let mut conn = state.db.reader().await?;
    Ok(Json(load(conn.ex()).await?))
}

/// Changes the brand's settings (admins; audited). New promotion thresholds take effect at once:
/// ratings that now qualify count, and designs that now meet them are shortlisted.
#[utoipa::path(put, path = "/api/v1/brand/settings", tag = "brand", request_body = BrandSettings,
    responses((status = 200, body = BrandSettings), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub async fn put(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(s): Valid<BrandSettings>,
) -> Result<Json<BrandSettings>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let before = load(tx.ex()).await?;
    promotion::store_thresholds(tx.ex(), &s.promotion, user.id, now).await?;
    let sql = "UPDATE brand_settings SET review_days = $1, holding_days = $2, min_payout = $3, payout_schedule = $4, \
               currency = $5, vat_bps = $6 WHERE id = 1";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(s.review_days)
        .bind(s.holding_days)
        .bind(s.min_payout.amount_minor)
        .bind(s.payout_schedule.as_str())
        .bind(s.currency.as_str())
        .bind(s.vat_bps)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "settings.changed",
        target_type: "brand_settings",
        target_id: "brand".into(),
        detail: serde_json::json!({ "before": before, "after": s }),
    };
    audit::record(tx.ex(), entry).await?;
    tx.commit().await?;
    if before.promotion != s.promotion {
        promotion::thresholds_changed(&state).await?;
    }
    Ok(Json(s))
}
