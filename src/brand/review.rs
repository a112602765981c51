//! The review of shortlisted designs. A design enters the queue in the transaction that
//! shortlists it, with the deadline the brand promises (`review_days`). A curator claims it for an
//! hour (others see who holds it) and decides: approve with the listing's terms, ask for changes,
//! or reject, each with words for the creators, who are notified; the answer is public on the
//! design's page. A design is decided once: the decision is an `UPDATE … WHERE decision IS NULL`,
//! so of two curators deciding together exactly one changes the row and the other gets 409.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::listings::{self, NewTerms, TermsBody};
use super::{DesignRef, Person};
use crate::app::AppState;
use crate::audit;
use crate::community::notifications::{self, Kind, Notice};
use crate::community::promotion::DAY_MS;
use crate::db::{Conn, Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::http::page::{Page, PageQuery};
use crate::http::{CurrentUser, Input, PathParam, QueryParams, Valid};
use crate::on_db;
use crate::studio::catalog::Lang;
use crate::studio::designs::{self, DesignView};

/// How long a claim holds a design for one curator.
pub const CLAIM_MS: i64 = 3600 * 1000;
/// The queue flags designs with this little time left.
pub const DUE_SOON_MS: i64 = 2 * DAY_MS;
pub const MIN_REASON_CHARS: usize = 10;
pub const MAX_REASON_CHARS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ChangesRequested,
    Rejected,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ChangesRequested => "changes_requested",
            Decision::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> Option<Decision> {
        [Decision::Approved, Decision::ChangesRequested, Decision::Rejected].into_iter().find(|d| d.as_str() == s)
    }

    fn kind(self) -> Kind {
        match self {
            Decision::Approved => Kind::Approved,
            Decision::ChangesRequested => Kind::ChangesRequested,
            Decision::Rejected => Kind::Rejected,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReviewRow {
    pub design_id: Uuid,
    pub entered_at: i64,
    pub due_at: i64,
    pub claimed_by: Option<Uuid>,
    pub claimed_by_name: Option<String>,
    pub claim_expires_at: Option<i64>,
    pub decision: Option<String>,
    pub reason: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<i64>,
}

const SELECT: &str = "SELECT r.design_id, r.entered_at, r.due_at, r.claimed_by, ca.display_name AS claimed_by_name, \
    r.claim_expires_at, r.decision, r.reason, r.decided_by, da.display_name AS decided_by_name, r.decided_at \
    FROM reviews r LEFT JOIN accounts ca ON ca.id = r.claimed_by LEFT JOIN accounts da ON da.id = r.decided_by";

impl ReviewRow {
    /// The live claim: `None` once it expired.
    fn claim_at(&self, now: i64) -> Option<(Uuid, &str, i64)> {
        match (self.claimed_by, self.claim_expires_at) {
            (Some(by), Some(until)) if until > now => Some((by, self.claimed_by_name.as_deref().unwrap_or(""), until)),
            _ => None,
        }
    }
}

/// What everyone sees of a design's review on its page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewView {
    /// `waiting`, `in_review` (a curator holds it), `approved`, `changes_requested` or `rejected`.
    pub state: &'static str,
    pub entered_at: i64,
    /// The brand promises an answer by then.
    pub due_at: i64,
    pub overdue: bool,
    pub decided_at: Option<i64>,
    /// The brand's words: always there for `changes_requested` and `rejected`.
    pub reason: Option<String>,
    pub decided_by: Option<Person>,
}

impl ReviewView {
    pub fn of(r: &ReviewRow, now: i64) -> ReviewView {
        let decision = r.decision.as_deref().and_then(Decision::parse);
        let state = match decision {
            Some(d) => d.as_str(),
            None if r.claim_at(now).is_some() => "in_review",
            None => "waiting",
        };
        ReviewView {
            state,
            entered_at: r.entered_at,
            due_at: r.due_at,
            overdue: decision.is_none() && now > r.due_at,
            decided_at: r.decided_at,
            reason: r.reason.clone(),
            decided_by: r
                .decided_by
                .map(|id| Person { id, display_name: r.decided_by_name.clone().unwrap_or_default() }),
        }
    }
}

pub async fn find(ex: Ex<'_>, design: Uuid) -> Result<Option<ReviewRow>> {
    let sql = format!("{SELECT} WHERE r.design_id = $1");
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(design).fetch_optional(&mut *c).await)?)
}

/// Puts a design in the review queue with the brand's deadline, inside the transaction that
/// shortlisted it (once: a second call changes nothing).
pub async fn enter(ex: Ex<'_>, design: Uuid, now: i64) -> Result<()> {
    let sql = "INSERT INTO reviews (design_id, entered_at, due_at) \
               SELECT $1, $2, $2 + review_days * $3 FROM brand_settings WHERE id = 1 ON CONFLICT DO NOTHING";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(design)
        .bind(now)
        .bind(DAY_MS)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A new version that answers a request for changes goes straight back to review when it is
/// published (inside the publishing transaction).
pub async fn resubmit(tx: &mut Tx, design: Uuid, previous: Uuid, actor: Uuid, now: i64) -> Result<()> {
    let sql = "UPDATE designs SET shortlisted_at = $2 WHERE id = $1 AND shortlisted_at IS NULL";
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(design).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    enter(tx.ex(), design, now).await?;
    let entry = audit::Entry {
        actor: Some(actor),
        action: "review.resubmitted",
        target_type: "design",
        target_id: design.to_string(),
        detail: serde_json::json!({ "revision_of": previous }),
    };
    audit::record(tx.ex(), entry).await
}

// ---------------------------------------------------------------------------------------------
// The queue

#[derive(Debug, Serialize, ToSchema)]
pub struct Claim {
    pub by: Person,
    pub expires_at: i64,
    /// Held by the caller.
    pub mine: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionView {
    pub decision: Decision,
    pub reason: Option<String>,
    pub decided_at: i64,
    pub decided_by: Option<Person>,
}

/// One design in the review queue, with what a curator needs to decide.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewItem {
    /// The design as the brand sees it: ratings, feasibility (margin, preparation time), lineage.
    pub design: DesignView,
    pub entered_at: i64,
    pub due_at: i64,
    /// Two days or less left.
    pub due_soon: bool,
    pub overdue: bool,
    pub claim: Option<Claim>,
    /// Comments that are neither deleted nor hidden.
    pub comments: i64,
    pub open_reports: i64,
    pub decision: Option<DecisionView>,
}

async fn item(conn: &mut Conn, r: &ReviewRow, user: &CurrentUser, lang: Lang, now: i64) -> Result<ReviewItem> {
    let design = designs::view_by_id(conn, r.design_id, lang, Some(user)).await?;
    let sql = "SELECT (SELECT COUNT(*) FROM comments WHERE design_id = $1 AND deleted_at IS NULL AND hidden_at IS NULL), \
               (SELECT COUNT(*) FROM reports WHERE resolved_at IS NULL AND ((target_type = 'design' AND target_id = $1) \
               OR (target_type = 'comment' AND target_id IN (SELECT id FROM comments WHERE design_id = $1))))";
    let (comments, open_reports): (i64, i64) =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(r.design_id).fetch_one(&mut *c).await)?;
    let decision = r.decision.as_deref().and_then(Decision::parse);
    Ok(ReviewItem {
        design,
        entered_at: r.entered_at,
        due_at: r.due_at,
        due_soon: decision.is_none() && r.due_at - now <= DUE_SOON_MS,
        overdue: decision.is_none() && now > r.due_at,
        claim: r.claim_at(now).map(|(id, name, until)| Claim {
            by: Person { id, display_name: name.to_string() },
            expires_at: until,
            mine: id == user.id,
        }),
        comments,
        open_reports,
        decision: decision.map(|d| DecisionView {
            decision: d,
            reason: r.reason.clone(),
            decided_at: r.decided_at.unwrap_or_default(),
            decided_by: r
                .decided_by
                .map(|id| Person { id, display_name: r.decided_by_name.clone().unwrap_or_default() }),
        }),
    })
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    /// `open` (the default: oldest first) or `decided` (latest decision first).
    pub state: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// The review queue: designs waiting for the brand's answer, oldest first, or those decided.
#[utoipa::path(get, path = "/api/v1/brand/reviews", tag = "brand", params(QueueQuery),
    responses((status = 200, body = Page<ReviewItem>), (status = 403, body = crate::error::Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    QueryParams(q): QueryParams<QueueQuery>,
) -> Result<Json<Page<ReviewItem>>> {
    let decided = match q.state.as_deref() {
        None | Some("open") => false,
        Some("decided") => true,
        Some(_) => return Err(Error::field("state", "invalid_state", "state is `open` or `decided`.")),
    };
    let page = PageQuery { cursor: q.cursor, limit: q.limit };
    let (limit, after) = (page.limit()?, page.after_key()?);
    let now = now_ms();
    // Open: by entry time, oldest first; decided: by decision time, newest first. The cursor is
    // the last row's (time, design id).
    let sql = if decided {
        format!(
            "{SELECT} WHERE r.decided_at IS NOT NULL AND ($1 IS NULL OR r.decided_at < $1 OR (r.decided_at = $1 AND r.design_id < $2)) \
             ORDER BY r.decided_at DESC, r.design_id DESC LIMIT $3"
        )
    } else {
        format!(
            "{SELECT} WHERE r.decided_at IS NULL AND ($1 IS NULL OR r.entered_at > $1 OR (r.entered_at = $1 AND r.design_id > $2)) \
             AND r.design_id IN (SELECT id FROM designs WHERE status = 'published' AND hidden_at IS NULL) \
             ORDER BY r.entered_at, r.design_id LIMIT $3"
        )
    };
    let (key, id) = after.map_or((None, None), |(k, id)| (Some(k), Some(id)));
    let mut conn = state.db.reader().await?;
    let mut rows: Vec<ReviewRow> = on_db!(conn.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(key)
        .bind(id)
        .bind(limit + 1)
        .fetch_all(&mut *c)
        .await)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = match rows.last() {
        Some(r) if more => Some(PageQuery::key_cursor(
            if decided { r.decided_at.unwrap_or_default() } else { r.entered_at },
            r.design_id,
        )),
        _ => None,
    };
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        items.push(item(&mut conn, r, &user, lang, now).await?);
    }
    Ok(Json(Page { items, next_cursor }))
}

async fn answer(state: &AppState, design: Uuid, user: &CurrentUser, lang: Lang) -> Result<Json<ReviewItem>> {
    let mut conn = state.db.reader().await?;
    let r = find(conn.ex(), design).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    Ok(Json(item(&mut conn, &r, user, lang, now_ms()).await?))
}

/// Why a review could not be taken or decided by `user` now.
fn refusal(r: &ReviewRow, user: Uuid, now: i64) -> Error {
    if r.decision.is_some() {
        return Error::code(ErrorCode::AlreadyDecided);
    }
    match r.claim_at(now) {
        Some((by, name, until)) if by != user => Error::detail(
            ErrorCode::Claimed,
            format!("{name} is reviewing this design until {}.", super::utc_minute(until)),
        ),
        _ => Error::code(ErrorCode::AlreadyDecided),
    }
}

/// Claims a design for an hour (or extends the caller's own claim).
#[utoipa::path(post, path = "/api/v1/brand/reviews/{id}/claim", tag = "brand", params(("id" = Uuid, Path)),
    responses((status = 200, body = ReviewItem), (status = 409, body = crate::error::Problem)))]
pub async fn claim(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(design): PathParam<Uuid>,
) -> Result<Json<ReviewItem>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE reviews SET claimed_by = $2, claim_expires_at = $3 WHERE design_id = $1 AND decision IS NULL \
               AND (claimed_by IS NULL OR claimed_by = $2 OR claim_expires_at <= $4)";
    let taken = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(design)
        .bind(user.id)
        .bind(now + CLAIM_MS)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if taken == 0 {
        let r = find(tx.ex(), design).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
        return Err(refusal(&r, user.id, now));
    }
    tx.commit().await?;
    answer(&state, design, &user, lang).await
}

/// Gives a claimed design back to the queue.
#[utoipa::path(delete, path = "/api/v1/brand/reviews/{id}/claim", tag = "brand", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 409, body = crate::error::Problem)))]
pub async fn release(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(design): PathParam<Uuid>,
) -> Result<StatusCode> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let r = find(tx.ex(), design).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if let Some((by, _, _)) = r.claim_at(now)
        && by != user.id
    {
        return Err(refusal(&r, user.id, now));
    }
    let sql = "UPDATE reviews SET claimed_by = NULL, claim_expires_at = NULL WHERE design_id = $1 AND claimed_by = $2";
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(design).bind(user.id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// `approved`, `changes_requested` or `rejected`.
    pub decision: Option<String>,
    /// Required (10 to 2,000 characters) unless approving.
    pub reason: Option<String>,
    /// Required when approving.
    pub terms: Option<TermsBody>,
}

pub struct DecisionInput {
    pub decision: Decision,
    pub reason: Option<String>,
    pub terms: Option<NewTerms>,
}

impl Input for DecisionInput {
    type Raw = DecisionBody;
    fn parse(raw: DecisionBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let decision = match raw.decision.as_deref().map(Decision::parse) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                errors.push(FieldError::new(
                    "decision",
                    "invalid_decision",
                    "The decision is approved, changes_requested or rejected.",
                ));
                None
            }
            None => {
                errors.push(FieldError::new("decision", "required", "This field is required."));
                None
            }
        };
        let reason = raw.reason.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
        let needs_reason = decision.is_some_and(|d| d != Decision::Approved);
        match &reason {
            None if needs_reason => errors.push(FieldError::new(
                "reason",
                "required",
                "Tell the creators why, in a few words they can act on.",
            )),
            Some(r) if needs_reason && r.chars().count() < MIN_REASON_CHARS => errors.push(FieldError::new(
                "reason",
                "too_short",
                format!("A reason has at least {MIN_REASON_CHARS} characters."),
            )),
            Some(r) if r.chars().count() > MAX_REASON_CHARS => errors.push(FieldError::new(
                "reason",
                "too_long",
                format!("A reason has at most {MAX_REASON_CHARS} characters."),
            )),
            _ => {}
        }
        let terms = match (decision, raw.terms) {
            (Some(Decision::Approved), None) => {
                errors.push(FieldError::new("terms", "required", "Approving sets the listing's terms."));
                None
            }
            (Some(Decision::Approved), Some(t)) => match listings::parse_offer(t, now_ms()) {
                Ok(t) => Some(t),
                Err(e) => {
                    errors.extend(e.into_iter().map(|f| f.prefixed("terms")));
                    None
                }
            },
            (_, Some(_)) => {
                errors.push(FieldError::new("terms", "not_allowed", "Terms come only with an approval."));
                None
            }
            (_, None) => None,
        };
        match decision {
            Some(decision) if errors.is_empty() => Ok(DecisionInput { decision, reason, terms }),
            _ => Err(errors),
        }
    }
}

/// Decides on a design in review. Approving makes an offer of terms to its creators.
#[utoipa::path(post, path = "/api/v1/brand/reviews/{id}/decision", tag = "brand", params(("id" = Uuid, Path)),
    request_body = DecisionBody,
    responses(
        (status = 200, body = ReviewItem),
        (status = 409, body = crate::error::Problem, description = "`already_decided`, or `claimed` by another curator"),
        (status = 422, body = crate::error::Problem),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(design): PathParam<Uuid>,
    Valid(input): Valid<DecisionInput>,
) -> Result<Json<ReviewItem>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    decide_in(&mut tx, design, &input, user.id, &state.settings.public_url(), now).await?;
    tx.commit().await?;
    answer(&state, design, &user, lang).await
}

/// Records `by`'s decision on `design` inside `tx`: the review, the design's stage, the offer of
/// an approval, the audit entry and the creators' notifications.
pub async fn decide_in(tx: &mut Tx, design: Uuid, input: &DecisionInput, by: Uuid, site: &str, now: i64) -> Result<()> {
    // First the design's row, which also locks it: a withdrawal or a moderator's hide either
    // came first (and is seen) or waits for this decision.
    let sql = "UPDATE designs SET decision = $2 WHERE id = $1 AND status = 'published' AND hidden_at IS NULL";
    let reviewable = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(design)
        .bind(input.decision.as_str())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if reviewable == 0 {
        let exists = find(tx.ex(), design).await?.is_some();
        return Err(Error::code(if exists { ErrorCode::NotInReview } else { ErrorCode::NotFound }));
    }
    let sql = "UPDATE reviews SET decision = $2, reason = $3, decided_by = $4, decided_at = $5, claimed_by = NULL, \
               claim_expires_at = NULL WHERE design_id = $1 AND decision IS NULL \
               AND (claimed_by IS NULL OR claimed_by = $4 OR claim_expires_at <= $5)";
    let decided = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(design)
        .bind(input.decision.as_str())
        .bind(&input.reason)
        .bind(by)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if decided == 0 {
        let r = find(tx.ex(), design).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
        return Err(refusal(&r, by, now));
    }
    let mut detail = serde_json::json!({ "reason": input.reason });
    if let Some(terms) = &input.terms {
        let listing = listings::offer(tx, design, terms, by, now).await?;
        detail["listing_id"] = serde_json::json!(listing);
        detail["terms"] = terms.audit();
    }
    let entry = audit::Entry {
        actor: Some(by),
        action: match input.decision {
            Decision::Approved => "review.approved",
            Decision::ChangesRequested => "review.changes_requested",
            Decision::Rejected => "review.rejected",
        },
        target_type: "design",
        target_id: design.to_string(),
        detail,
    };
    audit::record(tx.ex(), entry).await?;
    let to = listings::acceptors(tx.ex(), design).await?.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    let notice = Notice { kind: input.decision.kind(), design, actor: None, count: None };
    notifications::notify(tx.ex(), &to, notice, site, now).await
}

/// The version that answers a request for changes to `design`, if there is one.
pub async fn revision(ex: Ex<'_>, design: Uuid) -> Result<Option<DesignRef>> {
    let sql = "SELECT id, slug, name FROM designs WHERE revision_of = $1";
    let row: Option<(Uuid, Option<String>, String)> =
        on_db!(ex, |c| sqlx::query_as(sql).bind(design).fetch_optional(&mut *c).await)?;
    Ok(row.map(|(id, slug, name)| DesignRef::new(id, slug, name)))
}

/// The design pages' link to another design.
pub async fn design_ref(ex: Ex<'_>, id: Uuid) -> Result<Option<DesignRef>> {
    let sql = "SELECT id, slug, name FROM designs WHERE id = $1";
    let row: Option<(Uuid, Option<String>, String)> =
        on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(|(id, slug, name)| DesignRef::new(id, slug, name)))
}
