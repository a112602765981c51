//! Listings: an approved design's place on the menu, with its price and royalty terms.
//!
//! Approving a design makes an offer (`offered`). It goes on the menu only once every creator of
//! the design (its creator and each co-creator who has not declined) has accepted the terms and
//! their share; each acceptance records the exact terms and the share, and when. Then the
//! listing is `active`: `scheduled` until its start, `live` after; it can be paused, resumed and
//! retired. Terms are never changed in place: a change is a new row that applies from a future
//! time on, so an order always finds the terms in force when it was placed.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::DesignRef;
use crate::accounts::domain::Role;
use crate::app::AppState;
use crate::audit;
use crate::community::notifications::{self, Kind, Notice};
use crate::community::promotion::DAY_MS;
use crate::db::{Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, OnConstraint, Result};
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::http::{CurrentUser, Input, PathParam, QueryParams, Valid};
use crate::money::{Currency, Money};
use crate::on_db;
use crate::studio::catalog::Lang;
use crate::studio::designs::{self, DesignView};

/// An offer may start at most this far ahead, a terms change apply at most this far ahead.
const HORIZON_MS: i64 = 365 * DAY_MS;

// ---------------------------------------------------------------------------------------------
// Terms

/// Price and royalty terms as a client sends them.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermsBody {
    /// The menu price.
    pub price: Option<Money>,
    /// A share of net line revenue, in basis points (500 = 5 %).
    pub royalty_bps: Option<i64>,
    /// A fixed amount per unit sold; `null` for none.
    pub royalty_fixed: Option<Money>,
    /// With an approval: when the listing goes on the menu (unix ms).
    pub starts_at: Option<i64>,
    /// With a terms change: from when the new terms apply (unix ms, in the future).
    pub effective_from: Option<i64>,
}

/// Terms that passed every rule.
#[derive(Debug, Clone)]
pub struct NewTerms {
    pub price: Money,
    pub royalty_bps: i64,
    pub royalty_fixed: i64,
    /// The start of the listing (an offer) or of these terms (a change).
    pub at: i64,
}

impl NewTerms {
    pub fn audit(&self) -> serde_json::Value {
        serde_json::json!({
            "price": self.price.amount_minor,
            "currency": self.price.currency.as_str(),
            "royalty_bps": self.royalty_bps,
            "royalty_fixed": self.royalty_fixed,
            "at": self.at,
        })
    }
}

/// Checks price and royalties; `at` is the time field that applies (`starts_at` or `effective_from`).
fn parse_terms(
    raw: TermsBody,
    at: (&str, Option<i64>),
    earliest: i64,
    latest: i64,
) -> Result<NewTerms, Vec<FieldError>> {
    let mut errors = Vec::new();
    let price = raw.price;
    match price {
        None => errors.push(FieldError::new("price", "required", "This field is required.")),
        Some(p) if p.amount_minor < 1 => {
            errors.push(FieldError::new("price", "out_of_range", "A price is above zero."))
        }
        Some(p) if p.amount_minor > 100_000_000 => {
            errors.push(FieldError::new("price", "out_of_range", "This price is not plausible."))
        }
        _ => {}
    }
    let bps = raw.royalty_bps.unwrap_or(0);
    if !(0..=10_000).contains(&bps) {
        errors.push(FieldError::new("royalty_bps", "out_of_range", "A share is between 0 and 10,000 basis points."));
    }
    let fixed = raw.royalty_fixed.map_or(0, |m| m.amount_minor);
    if let (Some(f), Some(p)) = (raw.royalty_fixed, price) {
        if f.currency != p.currency {
            errors.push(FieldError::new(
                "royalty_fixed",
                "wrong_currency",
                "The royalty is paid in the price's currency.",
            ));
        } else if f.amount_minor < 0 || f.amount_minor >= p.amount_minor {
            errors.push(FieldError::new(
                "royalty_fixed",
                "out_of_range",
                "A fixed royalty is at least 0 and below the price.",
            ));
        }
    }
    if bps <= 0 && fixed <= 0 && errors.is_empty() {
        errors.push(FieldError::new(
            "royalty_bps",
            "no_royalty",
            "Set a share of revenue, a fixed amount per unit, or both.",
        ));
    }
    let (at_field, at_value) = at;
    match at_value {
        None => errors.push(FieldError::new(at_field, "required", "This field is required.")),
        Some(t) if t < earliest => errors.push(FieldError::new(at_field, "too_early", "This time is in the past.")),
        Some(t) if t > latest => errors.push(FieldError::new(at_field, "too_late", "At most a year ahead.")),
        _ => {}
    }
    match (price, at_value) {
        (Some(price), Some(at)) if errors.is_empty() => {
            Ok(NewTerms { price, royalty_bps: bps, royalty_fixed: fixed, at })
        }
        _ => Err(errors),
    }
}

/// The terms of an approval: the listing starts no earlier than a day ago (a date picked today).
pub fn parse_offer(mut raw: TermsBody, now: i64) -> Result<NewTerms, Vec<FieldError>> {
    if raw.effective_from.take().is_some() {
        return Err(vec![FieldError::new("effective_from", "not_allowed", "An offer has a `starts_at`.")]);
    }
    let starts_at = raw.starts_at;
    parse_terms(raw, ("starts_at", starts_at), now - DAY_MS, now + HORIZON_MS)
}

/// A change of terms of a listing: it applies from a future time only.
pub struct TermsChange(NewTerms);

impl Input for TermsChange {
    type Raw = TermsBody;
    fn parse(mut raw: TermsBody) -> Result<Self, Vec<FieldError>> {
        if raw.starts_at.take().is_some() {
            return Err(vec![FieldError::new("starts_at", "not_allowed", "A change has an `effective_from`.")]);
        }
        let now = now_ms();
        let from = raw.effective_from;
        parse_terms(raw, ("effective_from", from), now + 1, now + HORIZON_MS).map(TermsChange)
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
#[sqlx(rename_all = "snake_case")]
pub struct TermsRow {
    pub id: Uuid,
    pub effective_from: i64,
    pub currency: String,
    pub price: i64,
    pub royalty_bps: i64,
    pub royalty_fixed: i64,
}

/// Terms as clients read them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Terms {
    pub id: Uuid,
    pub effective_from: i64,
    pub price: Money,
    /// A share of net line revenue, in basis points.
    pub royalty_bps: i64,
    /// Per unit sold.
    pub royalty_fixed: Money,
}

impl From<&TermsRow> for Terms {
    fn from(t: &TermsRow) -> Terms {
        let currency = Currency::parse(&t.currency).unwrap_or(Currency::EUR);
        Terms {
            id: t.id,
            effective_from: t.effective_from,
            price: Money::new(t.price, currency),
            royalty_bps: t.royalty_bps,
            royalty_fixed: Money::new(t.royalty_fixed, currency),
        }
    }
}

/// Every version of a listing's terms, oldest first.
async fn history(ex: Ex<'_>, listing: Uuid) -> Result<Vec<TermsRow>> {
    let sql = "SELECT id, effective_from, currency, price, royalty_bps, royalty_fixed FROM listing_terms \
               WHERE listing_id = $1 ORDER BY effective_from";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(listing).fetch_all(&mut *c).await)?)
}

/// The terms in force at `now` (the first ones apply from the offer on).
fn in_force(history: &[TermsRow], now: i64) -> Option<&TermsRow> {
    history.iter().rev().find(|t| t.effective_from <= now).or(history.first())
}

async fn insert_terms(ex: Ex<'_>, listing: Uuid, t: &NewTerms, from: i64, by: Uuid, now: i64) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let sql = "INSERT INTO listing_terms (id, listing_id, effective_from, currency, price, royalty_bps, royalty_fixed, \
               created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(id)
        .bind(listing)
        .bind(from)
        .bind(t.price.currency.as_str())
        .bind(t.price.amount_minor)
        .bind(t.royalty_bps)
        .bind(t.royalty_fixed)
        .bind(now)
        .bind(by)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .on_constraint("listing_terms_listing_id_effective_from_key", || {
        Error::field("effective_from", "taken", "Other terms already start at this time.")
    })?;
    Ok(id)
}

// ---------------------------------------------------------------------------------------------
// Offers

/// Everyone who must accept an offer, with their share in basis points: the design's creator
/// (what the co-creators leave) and each co-creator who has not declined.
pub async fn acceptors(ex: Ex<'_>, design: Uuid) -> Result<Vec<(Uuid, i64)>> {
    let sql = "SELECT creator_id, CAST(0 AS BIGINT) AS share_bps, CAST(0 AS BIGINT) AS creator_last FROM designs WHERE id = $1 \
               UNION ALL SELECT account_id, share_bps, CAST(1 AS BIGINT) FROM design_co_creators \
               WHERE design_id = $1 AND status <> 'declined' ORDER BY 3, 2 DESC";
    let found: Vec<(Uuid, i64, i64)> = on_db!(ex, |c| sqlx::query_as(sql).bind(design).fetch_all(&mut *c).await)?;
    let mut rows: Vec<(Uuid, i64)> = found.into_iter().map(|(id, share, _)| (id, share)).collect();
    let given: i64 = rows.iter().skip(1).map(|(_, s)| s).sum();
    if let Some(creator) = rows.first_mut() {
        creator.1 = crate::studio::co_creators::WHOLE_BPS - given;
    }
    Ok(rows)
}

/// Whether the design's listing is offered, on the menu or paused: its split and its
/// publication are then fixed.
pub async fn is_open(ex: Ex<'_>, design: Uuid) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM listings WHERE design_id = $1 AND status IN ('offered', 'active', 'paused')";
    let open: i64 = on_db!(ex, |c| sqlx::query_scalar(sql).bind(design).fetch_one(&mut *c).await)?;
    Ok(open > 0)
}

/// Makes the offer of an approval, inside the deciding transaction; returns the listing's id.
pub async fn offer(tx: &mut Tx, design: Uuid, t: &NewTerms, by: Uuid, now: i64) -> Result<Uuid> {
    let sql = "SELECT template_id, currency FROM designs WHERE id = $1";
    let (template, currency): (Uuid, String) =
        on_db!(tx.ex(), |c| sqlx::query_as(sql).bind(design).fetch_one(&mut *c).await)?;
    if t.price.currency.as_str() != currency {
        return Err(Error::field("terms.price", "wrong_currency", format!("This design is priced in {currency}.")));
    }
    let id = Uuid::now_v7();
    let sql = "INSERT INTO listings (id, design_id, template_id, status, starts_at, created_at, created_by, updated_at) \
               VALUES ($1, $2, $3, 'offered', $4, $5, $6, $5)";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(design)
        .bind(template)
        .bind(t.at)
        .bind(now)
        .bind(by)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    insert_terms(tx.ex(), id, t, now, by, now).await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct ListingRow {
    id: Uuid,
    design_id: Uuid,
    status: String,
    starts_at: i64,
    status_reason: Option<String>,
    created_at: i64,
}

const LISTING: &str = "SELECT l.id, l.design_id, l.status, l.starts_at, l.status_reason, l.created_at FROM listings l";

impl ListingRow {
    /// `offered`, `declined`, `scheduled`, `live`, `paused` or `retired`.
    fn state(&self, now: i64) -> &'static str {
        match self.status.as_str() {
            "offered" => "offered",
            "declined" => "declined",
            "paused" => "paused",
            "retired" => "retired",
            _ if self.starts_at > now => "scheduled",
            _ => "live",
        }
    }
}

async fn listing_of_design(ex: Ex<'_>, design: Uuid) -> Result<Option<ListingRow>> {
    let sql = format!("{LISTING} WHERE l.design_id = $1");
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(design).fetch_optional(&mut *c).await)?)
}

#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Acceptance {
    pub account_id: Uuid,
    pub display_name: String,
    pub share_bps: i64,
    /// `null` until they accepted.
    pub accepted_at: Option<i64>,
}

async fn acceptances(mut ex: Ex<'_>, listing: Uuid, design: Uuid) -> Result<Vec<Acceptance>> {
    let people = acceptors(ex.reborrow(), design).await?;
    let sql = "SELECT account_id, share_bps, accepted_at FROM listing_acceptances WHERE listing_id = $1";
    let given: Vec<(Uuid, i64, i64)> =
        on_db!(ex.reborrow(), |c| sqlx::query_as(sql).bind(listing).fetch_all(&mut *c).await)?;
    // Everyone who made the design, by name, in one read.
    let sql = "SELECT a.id, a.display_name FROM accounts a WHERE a.id IN (SELECT creator_id FROM designs WHERE id = $1 \
               UNION SELECT account_id FROM design_co_creators WHERE design_id = $1)";
    let names: Vec<(Uuid, String)> = on_db!(ex, |c| sqlx::query_as(sql).bind(design).fetch_all(&mut *c).await)?;
    Ok(people
        .into_iter()
        .map(|(account, share)| {
            let accepted = given.iter().find(|(a, _, _)| *a == account);
            Acceptance {
                account_id: account,
                display_name: names.iter().find(|(id, _)| *id == account).map(|(_, n)| n.clone()).unwrap_or_default(),
                share_bps: accepted.map_or(share, |(_, s, _)| *s),
                accepted_at: accepted.map(|(_, _, at)| *at),
            }
        })
        .collect())
}

/// A design's listing as its page shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListingView {
    pub id: Uuid,
    /// `offered`, `declined`, `scheduled`, `live`, `paused` or `retired`.
    pub state: &'static str,
    pub starts_at: i64,
    /// In force now.
    pub price: Money,
    /// Why it was paused, retired or declined.
    pub reason: Option<String>,
    /// The terms in force: creators of the design and the brand only.
    pub terms: Option<Terms>,
    /// Changes already scheduled, soonest first (creators and the brand).
    pub upcoming_terms: Vec<Terms>,
    /// Who must accept, their share, and when they did (creators and the brand).
    pub acceptances: Option<Vec<Acceptance>>,
    /// The viewer is a creator who still has to answer the offer.
    pub my_acceptance_needed: bool,
}

/// The listing on a design's page; the terms and acceptances only for its creators and the brand.
pub async fn for_design(
    mut ex: Ex<'_>,
    design: Uuid,
    viewer: Option<&CurrentUser>,
    now: i64,
) -> Result<Option<ListingView>> {
    let Some(l) = listing_of_design(ex.reborrow(), design).await? else { return Ok(None) };
    let terms = history(ex.reborrow(), l.id).await?;
    let current = in_force(&terms, now).ok_or_else(|| anyhow::anyhow!("listing {} has no terms", l.id))?;
    let people = acceptances(ex.reborrow(), l.id, design).await?;
    let is_creator = viewer.is_some_and(|v| people.iter().any(|p| p.account_id == v.id));
    let privileged = is_creator || viewer.is_some_and(|v| v.has_any(Role::BRAND));
    let my_acceptance_needed = l.status == "offered"
        && viewer.is_some_and(|v| people.iter().any(|p| p.account_id == v.id && p.accepted_at.is_none()));
    let current_terms = Terms::from(current);
    Ok(Some(ListingView {
        id: l.id,
        state: l.state(now),
        starts_at: l.starts_at,
        price: current_terms.price,
        // Why a creator declined is for the brand and the creators.
        reason: l.status_reason.clone().filter(|_| privileged || l.status != "declined"),
        terms: privileged.then(|| current_terms.clone()),
        upcoming_terms: if privileged {
            terms.iter().filter(|t| t.effective_from > now).map(Terms::from).collect()
        } else {
            Vec::new()
        },
        acceptances: privileged.then_some(people),
        my_acceptance_needed,
    }))
}

/// Locks an offered listing for an answer (the UPDATE takes the row's lock, so two creators
/// answering together are serialised and the last one sees every acceptance).
async fn lock_offer(tx: &mut Tx, design: Uuid, now: i64) -> Result<ListingRow> {
    let l = listing_of_design(tx.ex(), design).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let sql = "UPDATE listings SET updated_at = $2 WHERE id = $1 AND status = 'offered'";
    let locked =
        on_db!(tx.ex(), |c| sqlx::query(sql).bind(l.id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    if locked == 0 {
        return Err(Error::code(ErrorCode::OfferClosed));
    }
    Ok(l)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptBody {
    /// The terms the creator read (`listing.terms.id`).
    pub terms_id: Option<Uuid>,
}

pub struct Accept {
    terms_id: Uuid,
}

impl Input for Accept {
    type Raw = AcceptBody;
    fn parse(raw: AcceptBody) -> Result<Self, Vec<FieldError>> {
        match raw.terms_id {
            Some(terms_id) => Ok(Accept { terms_id }),
            None => Err(vec![FieldError::new("terms_id", "required", "Say which terms you accept.")]),
        }
    }
}

/// A creator accepts the offer: the terms and their share. The last acceptance puts the listing
/// on the menu (from its start).
#[utoipa::path(post, path = "/api/v1/designs/{id}/offer/accept", tag = "brand", params(("id" = Uuid, Path)),
    request_body = AcceptBody,
    responses(
        (status = 200, body = DesignView),
        (status = 403, body = crate::error::Problem, description = "`not_a_creator`"),
        (status = 409, body = crate::error::Problem, description = "`offer_closed` or `terms_changed`"),
    ))]
pub async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(design): PathParam<Uuid>,
    Valid(body): Valid<Accept>,
) -> Result<Json<DesignView>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    accept_in(&mut tx, design, user.id, body.terms_id, &state.settings.public_url(), now).await?;
    tx.commit().await?;
    let mut conn = state.db.reader().await?;
    Ok(Json(designs::view_by_id(&mut conn, design, lang, Some(&user)).await?))
}

/// The terms an offer stands on now (what a creator accepts).
pub async fn offered_terms(mut ex: Ex<'_>, design: Uuid, now: i64) -> Result<Option<Uuid>> {
    let Some(l) = listing_of_design(ex.reborrow(), design).await? else { return Ok(None) };
    Ok(in_force(&history(ex, l.id).await?, now).map(|t| t.id))
}

/// Records `account`'s acceptance of the offer on `design` inside `tx`; the last acceptance
/// activates the listing.
pub async fn accept_in(tx: &mut Tx, design: Uuid, account: Uuid, terms_id: Uuid, site: &str, now: i64) -> Result<()> {
    let l = lock_offer(tx, design, now).await?;
    let people = acceptors(tx.ex(), design).await?;
    let Some((_, share)) = people.iter().find(|(a, _)| *a == account).copied() else {
        return Err(Error::code(ErrorCode::NotACreator));
    };
    let terms = history(tx.ex(), l.id).await?;
    if in_force(&terms, now).map(|t| t.id) != Some(terms_id) {
        return Err(Error::code(ErrorCode::TermsChanged));
    }
    let sql = "INSERT INTO listing_acceptances (listing_id, account_id, terms_id, share_bps, accepted_at) \
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
    let new = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(l.id)
        .bind(account)
        .bind(terms_id)
        .bind(share)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if new == 1 {
        // Accepting the offer is accepting one's share of the split too.
        let sql = "UPDATE design_co_creators SET status = 'accepted', responded_at = $3 \
                   WHERE design_id = $1 AND account_id = $2 AND status = 'invited'";
        on_db!(tx.ex(), |c| sqlx::query(sql)
            .bind(design)
            .bind(account)
            .bind(now)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        let entry = audit::Entry {
            actor: Some(account),
            action: "listing.terms_accepted",
            target_type: "listing",
            target_id: l.id.to_string(),
            detail: serde_json::json!({ "terms_id": terms_id, "share_bps": share }),
        };
        audit::record(tx.ex(), entry).await?;
    }
    // Live only when everyone who must accept has, at the shares they have now.
    let sql = "SELECT account_id, share_bps FROM listing_acceptances WHERE listing_id = $1";
    let accepted: Vec<(Uuid, i64)> = on_db!(tx.ex(), |c| sqlx::query_as(sql).bind(l.id).fetch_all(&mut *c).await)?;
    if people.iter().all(|p| accepted.contains(p)) {
        let sql = "UPDATE listings SET status = 'active', accepted_at = $2, updated_at = $2 WHERE id = $1 AND status = 'offered'";
        on_db!(tx.ex(), |c| sqlx::query(sql).bind(l.id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
        let entry = audit::Entry {
            actor: Some(account),
            action: "listing.activated",
            target_type: "listing",
            target_id: l.id.to_string(),
            detail: serde_json::json!({ "starts_at": l.starts_at }),
        };
        audit::record(tx.ex(), entry).await?;
        let to: Vec<Uuid> = people.iter().map(|(a, _)| *a).collect();
        let notice = Notice { kind: Kind::Listed, design, actor: None, count: None };
        notifications::notify(tx.ex(), &to, notice, site, now).await?;
    }
    Ok(())
}

/// A reason a person gives: trimmed, 1 to 2,000 characters.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    pub reason: Option<String>,
}

pub struct Reason(pub Option<String>);

impl Reason {
    fn check(raw: Option<String>, required: bool) -> Result<Option<String>, Vec<FieldError>> {
        let r = raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
        match r {
            None if required => Err(vec![FieldError::new("reason", "required", "Give a reason.")]),
            Some(r) if r.chars().count() > super::review::MAX_REASON_CHARS => {
                Err(vec![FieldError::new("reason", "too_long", "A reason has at most 2,000 characters.")])
            }
            r => Ok(r),
        }
    }
}

/// A reason that must be given.
pub struct RequiredReason(pub String);

impl Input for RequiredReason {
    type Raw = ReasonBody;
    fn parse(raw: ReasonBody) -> Result<Self, Vec<FieldError>> {
        Reason::check(raw.reason, true).map(|r| RequiredReason(r.unwrap_or_default()))
    }
}

impl Input for Reason {
    type Raw = ReasonBody;
    fn parse(raw: ReasonBody) -> Result<Self, Vec<FieldError>> {
        Reason::check(raw.reason, false).map(Reason)
    }
}

/// A creator declines the offer: the listing will not go on the menu.
#[utoipa::path(post, path = "/api/v1/designs/{id}/offer/decline", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody,
    responses((status = 200, body = DesignView), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)))]
pub async fn decline(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(design): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<DesignView>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let l = lock_offer(&mut tx, design, now).await?;
    if !acceptors(tx.ex(), design).await?.iter().any(|(a, _)| *a == user.id) {
        return Err(Error::code(ErrorCode::NotACreator));
    }
    let sql =
        "UPDATE listings SET status = 'declined', declined_by = $2, status_reason = $3, updated_at = $4 WHERE id = $1";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(l.id)
        .bind(user.id)
        .bind(&reason)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "listing.declined",
        target_type: "listing",
        target_id: l.id.to_string(),
        detail: serde_json::json!({ "reason": reason }),
    };
    audit::record(tx.ex(), entry).await?;
    tx.commit().await?;
    let mut conn = state.db.reader().await?;
    Ok(Json(designs::view_by_id(&mut conn, design, lang, Some(&user)).await?))
}

// ---------------------------------------------------------------------------------------------
// The brand's listings

/// A listing as the brand manages it.
#[derive(Debug, Serialize, ToSchema)]
pub struct BrandListing {
    pub id: Uuid,
    pub design: DesignRef,
    pub template_name: String,
    pub state: &'static str,
    pub starts_at: i64,
    pub reason: Option<String>,
    /// In force now.
    pub terms: Terms,
    /// Every version, oldest first.
    pub history: Vec<Terms>,
    pub acceptances: Vec<Acceptance>,
    pub created_at: i64,
}

async fn brand_listing(mut ex: Ex<'_>, l: &ListingRow, lang: Lang, now: i64) -> Result<BrandListing> {
    let terms = history(ex.reborrow(), l.id).await?;
    let current = in_force(&terms, now).ok_or_else(|| anyhow::anyhow!("listing {} has no terms", l.id))?;
    let sql = "SELECT d.id, d.slug, d.name, t.name_en, t.name_fr FROM designs d JOIN templates t ON t.id = d.template_id \
               WHERE d.id = $1";
    let (id, slug, name, en, fr): (Uuid, Option<String>, String, String, String) =
        on_db!(ex.reborrow(), |c| sqlx::query_as(sql).bind(l.design_id).fetch_one(&mut *c).await)?;
    Ok(BrandListing {
        id: l.id,
        design: DesignRef::new(id, slug, name),
        template_name: lang.pick(&en, &fr).to_string(),
        state: l.state(now),
        starts_at: l.starts_at,
        reason: l.status_reason.clone(),
        terms: Terms::from(current),
        history: terms.iter().map(Terms::from).collect(),
        acceptances: acceptances(ex, l.id, l.design_id).await?,
        created_at: l.created_at,
    })
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListingsQuery {
    /// `offered`, `declined`, `scheduled`, `live`, `paused` or `retired`; all when absent.
    pub state: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// The brand's listings, newest first.
#[utoipa::path(get, path = "/api/v1/brand/listings", tag = "brand", params(ListingsQuery),
    responses((status = 200, body = Page<BrandListing>), (status = 403, body = crate::error::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    lang: Lang,
    QueryParams(q): QueryParams<ListingsQuery>,
) -> Result<Json<Page<BrandListing>>> {
    // (status, and for active listings: 1 scheduled, 2 live)
    let (status, timing) = match q.state.as_deref() {
        None => (None, 0),
        Some(s @ ("offered" | "declined" | "paused" | "retired")) => (Some(s), 0),
        Some("scheduled") => (Some("active"), 1),
        Some("live") => (Some("active"), 2),
        Some(_) => return Err(Error::field("state", "invalid_state", "Not a listing state.")),
    };
    let page = PageQuery { cursor: q.cursor, limit: q.limit };
    let (limit, before) = (page.limit()?, page.after_id()?);
    let now = now_ms();
    let sql = format!(
        "{LISTING} WHERE ($1 IS NULL OR l.status = $1) \
         AND ($2 = 0 OR ($2 = 1 AND l.starts_at > $3) OR ($2 = 2 AND l.starts_at <= $3)) \
         AND ($4 IS NULL OR l.id < $4) ORDER BY l.id DESC LIMIT $5"
    );
    let mut conn = state.db.reader().await?;
    let rows: Vec<ListingRow> = on_db!(conn.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(status)
        .bind(timing)
        .bind(now)
        .bind(before)
        .bind(limit + 1)
        .fetch_all(&mut *c)
        .await)?;
    let mut items = Vec::with_capacity(rows.len());
    for l in &rows {
        items.push(brand_listing(conn.ex(), l, lang, now).await?);
    }
    Ok(Json(page_by_id(items, limit, |l| l.id)))
}

/// Moves a listing from one of `from` to `to`, audited; 409 when it is elsewhere.
async fn transition(
    state: &AppState,
    user: &CurrentUser,
    lang: Lang,
    id: Uuid,
    (from, to): (&[&str], &str),
    reason: Option<String>,
) -> Result<Json<BrandListing>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let sql = format!(
        "UPDATE listings SET status = $2, status_reason = $3, updated_at = $4 WHERE id = $1 AND status IN ({})",
        from.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")
    );
    let moved = on_db!(tx.ex(), |c| sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .bind(to)
        .bind(&reason)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let sql = format!("{LISTING} WHERE l.id = $1");
    let l: Option<ListingRow> =
        on_db!(tx.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(&mut *c).await)?;
    let l = l.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if moved == 0 {
        return Err(Error::detail(ErrorCode::InvalidTransition, format!("The listing is {}.", l.state(now))));
    }
    let entry = audit::Entry {
        actor: Some(user.id),
        action: match to {
            "paused" => "listing.paused",
            "retired" => "listing.retired",
            _ => "listing.resumed",
        },
        target_type: "listing",
        target_id: id.to_string(),
        detail: serde_json::json!({ "reason": reason }),
    };
    audit::record(tx.ex(), entry).await?;
    let out = brand_listing(tx.ex(), &l, lang, now).await?;
    tx.commit().await?;
    Ok(Json(out))
}

/// Takes a listing off the menu for a while.
#[utoipa::path(post, path = "/api/v1/brand/listings/{id}/pause", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = BrandListing), (status = 409, body = crate::error::Problem)))]
pub async fn pause(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
    Valid(Reason(reason)): Valid<Reason>,
) -> Result<Json<BrandListing>> {
    transition(&state, &user, lang, id, (&["active"], "paused"), reason).await
}

/// Puts a paused listing back on the menu.
#[utoipa::path(post, path = "/api/v1/brand/listings/{id}/resume", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = BrandListing), (status = 409, body = crate::error::Problem)))]
pub async fn resume(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
    Valid(Reason(reason)): Valid<Reason>,
) -> Result<Json<BrandListing>> {
    transition(&state, &user, lang, id, (&["paused"], "active"), reason).await
}

/// Retires a listing for good, with a reason.
#[utoipa::path(post, path = "/api/v1/brand/listings/{id}/retire", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = BrandListing), (status = 409, body = crate::error::Problem)))]
pub async fn retire(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<BrandListing>> {
    transition(&state, &user, lang, id, (&["offered", "active", "paused"], "retired"), Some(reason)).await
}

/// Schedules new terms for a listing, from a future time on. Royalties can only stay or rise: a
/// cut needs the creators' consent, which a new offer asks for.
#[utoipa::path(post, path = "/api/v1/brand/listings/{id}/terms", tag = "brand", params(("id" = Uuid, Path)),
    request_body = TermsBody,
    responses((status = 201, body = BrandListing), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub async fn change_terms(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
    Valid(TermsChange(t)): Valid<TermsChange>,
) -> Result<(StatusCode, Json<BrandListing>)> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE listings SET updated_at = $2 WHERE id = $1 AND status IN ('active', 'paused')";
    let locked =
        on_db!(tx.ex(), |c| sqlx::query(sql).bind(id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    let sql = format!("{LISTING} WHERE l.id = $1");
    let l: Option<ListingRow> =
        on_db!(tx.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(&mut *c).await)?;
    let l = l.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if locked == 0 {
        return Err(Error::detail(
            ErrorCode::InvalidTransition,
            format!("The terms of a {} listing cannot change.", l.state(now)),
        ));
    }
    let terms = history(tx.ex(), id).await?;
    let latest = terms.last().ok_or_else(|| anyhow::anyhow!("listing {id} has no terms"))?;
    if t.price.currency.as_str() != latest.currency {
        return Err(Error::field("price", "wrong_currency", format!("This listing is priced in {}.", latest.currency)));
    }
    let mut cuts = Vec::new();
    if t.royalty_bps < latest.royalty_bps {
        cuts.push(FieldError::new("royalty_bps", "royalty_cut", "The share of revenue cannot go down."));
    }
    if t.royalty_fixed < latest.royalty_fixed {
        cuts.push(FieldError::new("royalty_fixed", "royalty_cut", "The amount per unit cannot go down."));
    }
    if !cuts.is_empty() {
        return Err(Error::Validation(cuts));
    }
    if t.at <= latest.effective_from {
        return Err(Error::field("effective_from", "too_early", "Changes apply after the last scheduled one."));
    }
    let terms_id = insert_terms(tx.ex(), id, &t, t.at, user.id, now).await?;
    let mut detail = t.audit();
    detail["terms_id"] = serde_json::json!(terms_id);
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "listing.terms_changed",
        target_type: "listing",
        target_id: id.to_string(),
        detail,
    };
    audit::record(tx.ex(), entry).await?;
    let to: Vec<Uuid> = acceptors(tx.ex(), l.design_id).await?.into_iter().map(|(a, _)| a).collect();
    let notice = Notice { kind: Kind::TermsChanged, design: l.design_id, actor: None, count: None };
    notifications::notify(tx.ex(), &to, notice, &state.settings.public_url(), now).await?;
    let out = brand_listing(tx.ex(), &l, lang, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(out)))
}
