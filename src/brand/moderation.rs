//! Moderation: the reports queue grouped by what was reported, hiding and restoring designs and
//! comments, dismissing reports, and suspending, banning and reinstating accounts. Every action
//! takes a reason and goes to the append-only audit log in its own transaction.
//!
//! A suspended or banned account is signed out everywhere, cannot sign in, and its ratings stop
//! counting: they are marked uncounted and every design it rated is recomputed from the ratings
//! that still count. When the suspension ends (or the account is reinstated) they count again
//! through the same path as ratings from accounts that came of age.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::listings::{ReasonBody, RequiredReason};
use super::{DesignRef, Person};
use crate::accounts::domain::Role;
use crate::accounts::repo;
use crate::app::AppState;
use crate::audit;
use crate::community::notifications::{self, Kind, Notice};
use crate::community::promotion::{DAY_MS, creators_of};
use crate::community::ratings;
use crate::db::{Db, Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::http::page::{Page, PageQuery};
use crate::http::{CurrentUser, Input, PathParam, QueryParams, Valid};
use crate::on_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetType {
    Design,
    Comment,
}

impl TargetType {
    fn as_str(self) -> &'static str {
        match self {
            TargetType::Design => "design",
            TargetType::Comment => "comment",
        }
    }
}

/// Everything reported about one design or comment.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportedTarget {
    pub target_type: TargetType,
    pub target_id: Uuid,
    /// The design's name, or the comment's text.
    pub title: String,
    /// The design, or the design the comment is on.
    pub design: DesignRef,
    /// Who wrote the design or the comment (to suspend or ban).
    pub author: Person,
    pub reports: i64,
    /// The reasons given, each once.
    pub reasons: Vec<String>,
    pub notes: Vec<String>,
    pub first_at: i64,
    pub hidden: bool,
}

#[derive(sqlx::FromRow)]
struct Group {
    target_type: String,
    target_id: Uuid,
    reports: i64,
    first_at: i64,
}

#[derive(sqlx::FromRow)]
struct About {
    title: String,
    design_id: Uuid,
    slug: Option<String>,
    name: String,
    author_id: Uuid,
    author_name: String,
    hidden: bool,
}

async fn about(ex: Ex<'_>, t: TargetType, id: Uuid) -> Result<Option<About>> {
    let sql = match t {
        TargetType::Design => {
            "SELECT d.name AS title, d.id AS design_id, d.slug, d.name, d.creator_id AS author_id, \
             a.display_name AS author_name, d.hidden_at IS NOT NULL AS hidden \
             FROM designs d JOIN accounts a ON a.id = d.creator_id WHERE d.id = $1"
        }
        TargetType::Comment => {
            "SELECT c.body AS title, d.id AS design_id, d.slug, d.name, c.author_id, a.display_name AS author_name, \
             c.hidden_at IS NOT NULL AS hidden FROM comments c JOIN designs d ON d.id = c.design_id \
             JOIN accounts a ON a.id = c.author_id WHERE c.id = $1"
        }
    };
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await)?)
}

/// Open reports grouped by what they are about, the most reported first.
#[utoipa::path(get, path = "/api/v1/brand/reports/targets", tag = "brand", params(PageQuery),
    responses((status = 200, body = Page<ReportedTarget>), (status = 403, body = crate::error::Problem)))]
pub async fn targets(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<ReportedTarget>>> {
    let limit = q.limit()?;
    // The order (count, then age) moves as reports arrive, so the cursor is a position.
    let offset = q.after_key()?.map_or(0, |(n, _)| n.max(0));
    let sql = "SELECT target_type, target_id, COUNT(*) AS reports, MIN(created_at) AS first_at FROM reports \
               WHERE resolved_at IS NULL GROUP BY target_type, target_id \
               ORDER BY COUNT(*) DESC, MIN(created_at), target_id LIMIT $1 OFFSET $2";
    let mut conn = state.db.reader().await?;
    let groups: Vec<Group> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(limit + 1).bind(offset).fetch_all(&mut *c).await)?;
    let more = groups.len() as i64 > limit;
    let mut items = Vec::new();
    for g in groups.into_iter().take(limit as usize) {
        let t = if g.target_type == "design" { TargetType::Design } else { TargetType::Comment };
        let Some(a) = about(conn.ex(), t, g.target_id).await? else { continue };
        let sql = "SELECT reason, note FROM reports WHERE resolved_at IS NULL AND target_type = $1 AND target_id = $2 \
                   ORDER BY created_at";
        let given: Vec<(String, String)> =
            on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(t.as_str()).bind(g.target_id).fetch_all(&mut *c).await)?;
        let mut reasons: Vec<String> = given.iter().map(|(r, _)| r.clone()).collect();
        reasons.sort();
        reasons.dedup();
        items.push(ReportedTarget {
            target_type: t,
            target_id: g.target_id,
            title: a.title.chars().take(200).collect(),
            design: DesignRef::new(a.design_id, a.slug, a.name),
            author: Person { id: a.author_id, display_name: a.author_name },
            reports: g.reports,
            reasons,
            notes: given.into_iter().map(|(_, n)| n).filter(|n| !n.is_empty()).collect(),
            first_at: g.first_at,
            hidden: a.hidden,
        });
    }
    let next_cursor = more.then(|| PageQuery::key_cursor(offset + limit, Uuid::nil()));
    Ok(Json(Page { items, next_cursor }))
}

/// Closes the open reports on a target.
async fn resolve_reports(ex: Ex<'_>, t: TargetType, id: Uuid, by: Uuid, now: i64) -> Result<u64> {
    let sql = "UPDATE reports SET resolved_at = $3, resolved_by = $4 \
               WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL";
    Ok(on_db!(ex, |c| sqlx::query(sql)
        .bind(t.as_str())
        .bind(id)
        .bind(now)
        .bind(by)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

async fn record(tx: &mut Tx, actor: Uuid, action: &str, t: &str, id: Uuid, detail: serde_json::Value) -> Result<()> {
    let entry = audit::Entry { actor: Some(actor), action, target_type: t, target_id: id.to_string(), detail };
    audit::record(tx.ex(), entry).await
}

/// What a moderation action answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct Moderated {
    pub target_type: String,
    pub target_id: Uuid,
    /// The state after the action (`hidden`, `visible`, `dismissed`, `suspended`, `banned`, `active`).
    pub state: &'static str,
    /// Open reports this action closed.
    pub reports_resolved: u64,
}

/// Hides or shows a design or a comment; `hide` closes its open reports.
async fn set_hidden(
    state: &AppState,
    user: &CurrentUser,
    t: TargetType,
    id: Uuid,
    hide: bool,
    reason: String,
) -> Result<Json<Moderated>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let sql = match (t, hide) {
        (TargetType::Design, true) => {
            "UPDATE designs SET hidden_at = $2, hidden_reason = $3 WHERE id = $1 AND status <> 'draft' AND hidden_at IS NULL"
        }
        (TargetType::Design, false) => {
            "UPDATE designs SET hidden_at = NULL, hidden_reason = NULL WHERE id = $1 AND hidden_at IS NOT NULL"
        }
        (TargetType::Comment, true) => {
            "UPDATE comments SET hidden_at = $2, hidden_reason = $3 WHERE id = $1 AND hidden_at IS NULL"
        }
        (TargetType::Comment, false) => {
            "UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE id = $1 AND hidden_at IS NOT NULL"
        }
    };
    let changed = on_db!(tx.ex(), |c| {
        let q = sqlx::query(sql).bind(id);
        let q = if hide { q.bind(now).bind(&reason) } else { q };
        q.execute(&mut *c).await.map(|r| r.rows_affected())
    })?;
    let Some(a) = about(tx.ex(), t, id).await? else { return Err(Error::code(ErrorCode::NotFound)) };
    if changed == 0 {
        let already = if hide { "already hidden" } else { "not hidden" };
        return Err(Error::detail(ErrorCode::InvalidTransition, format!("This {} is {already}.", t.as_str())));
    }
    let resolved = if hide { resolve_reports(tx.ex(), t, id, user.id, now).await? } else { 0 };
    let action = match (t, hide) {
        (TargetType::Design, true) => "moderation.design_hidden",
        (TargetType::Design, false) => "moderation.design_restored",
        (TargetType::Comment, true) => "moderation.comment_hidden",
        (TargetType::Comment, false) => "moderation.comment_restored",
    };
    record(
        &mut tx,
        user.id,
        action,
        t.as_str(),
        id,
        serde_json::json!({ "reason": reason, "reports_resolved": resolved }),
    )
    .await?;
    if hide && t == TargetType::Design {
        let to = creators_of(tx.ex(), a.design_id).await?;
        let notice = Notice { kind: Kind::Hidden, design: a.design_id, actor: None, count: None };
        notifications::notify(tx.ex(), &to, notice, &state.settings.public_url(), now).await?;
    }
    tx.commit().await?;
    Ok(Json(Moderated {
        target_type: t.as_str().into(),
        target_id: id,
        state: if hide { "hidden" } else { "visible" },
        reports_resolved: resolved,
    }))
}

/// Hides a design: it leaves the feeds and the menu and cannot be rated; its creators see why.
#[utoipa::path(post, path = "/api/v1/brand/designs/{id}/hide", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 409, body = crate::error::Problem)))]
pub async fn hide_design(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    set_hidden(&state, &user, TargetType::Design, id, true, reason).await
}

/// Shows a hidden design again.
#[utoipa::path(post, path = "/api/v1/brand/designs/{id}/restore", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 409, body = crate::error::Problem)))]
pub async fn restore_design(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    set_hidden(&state, &user, TargetType::Design, id, false, reason).await
}

/// Hides a comment: it keeps its place, shown as hidden by the brand.
#[utoipa::path(post, path = "/api/v1/brand/comments/{id}/hide", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 409, body = crate::error::Problem)))]
pub async fn hide_comment(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    set_hidden(&state, &user, TargetType::Comment, id, true, reason).await
}

/// Shows a hidden comment again.
#[utoipa::path(post, path = "/api/v1/brand/comments/{id}/restore", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 409, body = crate::error::Problem)))]
pub async fn restore_comment(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    set_hidden(&state, &user, TargetType::Comment, id, false, reason).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DismissBody {
    pub target_type: Option<TargetType>,
    pub target_id: Option<Uuid>,
    pub reason: Option<String>,
}

pub struct Dismiss {
    target_type: TargetType,
    target_id: Uuid,
    reason: String,
}

impl Input for Dismiss {
    type Raw = DismissBody;
    fn parse(raw: DismissBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = match RequiredReason::parse(ReasonBody { reason: raw.reason }) {
            Ok(RequiredReason(r)) => Some(r),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        if raw.target_type.is_none() {
            errors.push(FieldError::new("target_type", "required", "design or comment."));
        }
        if raw.target_id.is_none() {
            errors.push(FieldError::new("target_id", "required", "This field is required."));
        }
        match (raw.target_type, raw.target_id, reason) {
            (Some(target_type), Some(target_id), Some(reason)) => Ok(Dismiss { target_type, target_id, reason }),
            _ => Err(errors),
        }
    }
}

/// Closes a target's open reports without hiding it.
#[utoipa::path(post, path = "/api/v1/brand/reports/dismiss", tag = "brand", request_body = DismissBody,
    responses((status = 200, body = Moderated), (status = 404, body = crate::error::Problem)))]
pub async fn dismiss(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(d): Valid<Dismiss>,
) -> Result<Json<Moderated>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let resolved = resolve_reports(tx.ex(), d.target_type, d.target_id, user.id, now).await?;
    if resolved == 0 {
        return Err(Error::detail(ErrorCode::NotFound, "There is no open report on this."));
    }
    let detail = serde_json::json!({ "reason": d.reason, "reports_resolved": resolved });
    record(&mut tx, user.id, "moderation.reports_dismissed", d.target_type.as_str(), d.target_id, detail).await?;
    tx.commit().await?;
    Ok(Json(Moderated {
        target_type: d.target_type.as_str().into(),
        target_id: d.target_id,
        state: "dismissed",
        reports_resolved: resolved,
    }))
}

// ---------------------------------------------------------------------------------------------
// Accounts

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SuspendBody {
    /// Until when (unix ms, in the future, at most a year ahead).
    pub until: Option<i64>,
    pub reason: Option<String>,
}

pub struct Suspend {
    until: i64,
    reason: String,
}

impl Input for Suspend {
    type Raw = SuspendBody;
    fn parse(raw: SuspendBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = match RequiredReason::parse(ReasonBody { reason: raw.reason }) {
            Ok(RequiredReason(r)) => Some(r),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        let now = now_ms();
        match raw.until {
            None => errors.push(FieldError::new("until", "required", "Until when?")),
            Some(t) if t <= now => {
                errors.push(FieldError::new("until", "too_early", "A suspension ends in the future."))
            }
            Some(t) if t > now + 365 * DAY_MS => {
                errors.push(FieldError::new("until", "too_late", "At most a year; ban the account instead."))
            }
            _ => {}
        }
        match (raw.until, reason) {
            (Some(until), Some(reason)) if errors.is_empty() => Ok(Suspend { until, reason }),
            _ => Err(errors),
        }
    }
}

/// Checks that `user` may moderate `account`: not themselves, and a brand account only as admin.
async fn moderatable(mut ex: Ex<'_>, user: &CurrentUser, account: Uuid) -> Result<()> {
    let sql = "SELECT COUNT(*) FROM accounts WHERE id = $1";
    let exists: i64 = on_db!(ex.reborrow(), |c| sqlx::query_scalar(sql).bind(account).fetch_one(&mut *c).await)?;
    if exists == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    if account == user.id {
        return Err(Error::detail(ErrorCode::Forbidden, "You cannot moderate your own account."));
    }
    let roles = repo::roles(ex, account).await?;
    if roles.iter().any(|r| Role::BRAND.contains(r)) && !user.has_any(&[Role::Admin]) {
        return Err(Error::detail(ErrorCode::Forbidden, "Only an admin can moderate a member of the brand's team."));
    }
    Ok(())
}

/// Signs the account out everywhere and stops its ratings counting; returns (ratings, designs).
async fn silence(tx: &mut Tx, account: Uuid, now: i64) -> Result<(usize, usize)> {
    let sql = "UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL";
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(account).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    uncount(tx, account, now).await
}

/// Stops an account's counted ratings counting and recomputes the designs they were on.
async fn uncount(tx: &mut Tx, account: Uuid, now: i64) -> Result<(usize, usize)> {
    let sql = "UPDATE ratings SET counted = FALSE WHERE account_id = $1 AND counted RETURNING design_id";
    let mut designs: Vec<Uuid> = on_db!(tx.ex(), |c| sqlx::query_scalar(sql).bind(account).fetch_all(&mut *c).await)?;
    let ratings = designs.len();
    designs.sort();
    designs.dedup();
    for design in &designs {
        ratings::recount(tx, *design, now).await?;
    }
    Ok((ratings, designs.len()))
}

/// Uncounts ratings that moderated accounts still have counting: a rating committed in the
/// instant of a suspension. Run every minute beside the qualification sweep; returns how many.
pub async fn sweep(db: &Db, now: i64) -> Result<usize> {
    let sql = "SELECT DISTINCT a.id FROM accounts a JOIN ratings r ON r.account_id = a.id AND r.counted \
               WHERE a.banned_at IS NOT NULL OR a.suspended_until > $1";
    let accounts: Vec<Uuid> = {
        let mut conn = db.reader().await?;
        on_db!(conn.ex(), |c| sqlx::query_scalar(sql).bind(now).fetch_all(&mut *c).await)?
    };
    let mut total = 0;
    for account in accounts {
        let mut tx = db.begin().await?;
        total += uncount(&mut tx, account, now).await?.0;
        tx.commit().await?;
    }
    Ok(total)
}

async fn account_action(
    state: &AppState,
    user: &CurrentUser,
    account: Uuid,
    (set, action, outcome): (&'static str, &str, &'static str),
    until: Option<i64>,
    reason: String,
) -> Result<Json<Moderated>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    moderatable(tx.ex(), user, account).await?;
    // `set` names $3 when the action has a time (the end of a suspension, the ban's moment).
    let time = match outcome {
        "suspended" => until,
        "banned" => Some(now),
        _ => None,
    };
    let sql = format!("UPDATE accounts SET {set}, moderation_reason = $2 WHERE id = $1");
    on_db!(tx.ex(), |c| {
        let q = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(account).bind(&reason);
        let q = match time {
            Some(t) => q.bind(t),
            None => q,
        };
        q.execute(&mut *c).await.map(|r| r.rows_affected())
    })?;
    let mut detail = serde_json::json!({ "reason": reason, "until": until });
    if outcome != "active" {
        let (ratings, designs) = silence(&mut tx, account, now).await?;
        detail["ratings_uncounted"] = serde_json::json!(ratings);
        detail["designs_recomputed"] = serde_json::json!(designs);
    }
    record(&mut tx, user.id, action, "account", account, detail).await?;
    tx.commit().await?;
    state.sessions.changed();
    if outcome == "active" {
        // Its ratings count again, as any qualifying account's do.
        ratings::count_qualified_ratings(&state.db, Some(account), &state.settings.public_url(), now_ms()).await?;
    }
    Ok(Json(Moderated { target_type: "account".into(), target_id: account, state: outcome, reports_resolved: 0 }))
}

/// Suspends an account until a time: signed out, cannot sign in, its ratings stop counting.
#[utoipa::path(post, path = "/api/v1/brand/accounts/{id}/suspend", tag = "brand", params(("id" = Uuid, Path)),
    request_body = SuspendBody, responses((status = 200, body = Moderated), (status = 403, body = crate::error::Problem)))]
pub async fn suspend(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(s): Valid<Suspend>,
) -> Result<Json<Moderated>> {
    let set = ("suspended_until = $3", "moderation.account_suspended", "suspended");
    account_action(&state, &user, id, set, Some(s.until), s.reason).await
}

/// Bans an account for good (an admin can reinstate it).
#[utoipa::path(post, path = "/api/v1/brand/accounts/{id}/ban", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 403, body = crate::error::Problem)))]
pub async fn ban(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    account_action(&state, &user, id, ("banned_at = $3", "moderation.account_banned", "banned"), None, reason).await
}

/// Lifts a suspension or a ban; the account's ratings count again.
#[utoipa::path(post, path = "/api/v1/brand/accounts/{id}/reinstate", tag = "brand", params(("id" = Uuid, Path)),
    request_body = ReasonBody, responses((status = 200, body = Moderated), (status = 403, body = crate::error::Problem)))]
pub async fn reinstate(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(RequiredReason(reason)): Valid<RequiredReason>,
) -> Result<Json<Moderated>> {
    let set = ("suspended_until = NULL, banned_at = NULL", "moderation.account_reinstated", "active");
    account_action(&state, &user, id, set, None, reason).await
}
