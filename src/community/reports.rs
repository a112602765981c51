//! Reports: anyone signed in can report a design or a comment with a reason; reports wait in a
//! queue for the brand's moderators (who act on them in the moderation screens). One open
//! report per reporter and target, by a unique index.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::now_ms;
use crate::error::{Error, ErrorCode, FieldError, OnConstraint, Result, required};
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::http::{CurrentUser, Fields, Input, QueryParams, Valid};
use crate::on_db;

const TARGETS: [&str; 2] = ["design", "comment"];
const REASONS: [&str; 4] = ["spam", "offensive", "copyright", "other"];

#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportBody {
    /// `design` or `comment`.
    pub target_type: Option<String>,
    pub target_id: Option<Uuid>,
    /// `spam`, `offensive`, `copyright` or `other`.
    pub reason: Option<String>,
    /// Up to 1,000 characters.
    pub note: Option<String>,
}

pub struct NewReport {
    target_type: &'static str,
    target_id: Uuid,
    reason: &'static str,
    note: String,
}

fn one_of(list: &[&'static str], value: &str) -> Result<&'static str, crate::error::Issue> {
    list.iter()
        .find(|v| **v == value)
        .copied()
        .ok_or_else(|| crate::error::Issue::new("unknown_value", format!("One of: {}.", list.join(", "))))
}

impl Input for NewReport {
    type Raw = ReportBody;
    fn parse(raw: ReportBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let target_type = f.check("target_type", required(raw.target_type, |s| one_of(&TARGETS, s)));
        let target_id = f.check("target_id", raw.target_id.ok_or_else(crate::error::Issue::required));
        let reason = f.check("reason", required(raw.reason, |s| one_of(&REASONS, s)));
        let note = raw.note.unwrap_or_default().trim().to_string();
        let note = f.check(
            "note",
            if note.chars().count() > 1000 {
                Err(crate::error::Issue::new("too_long", "At most 1,000 characters."))
            } else {
                Ok(note)
            },
        );
        f.finish(|| Some(NewReport { target_type: target_type?, target_id: target_id?, reason: reason?, note: note? }))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Reports a design or a comment to the brand's moderators.
#[utoipa::path(post, path = "/api/v1/reports", tag = "community", request_body = ReportBody,
    responses(
        (status = 201, body = Created),
        (status = 404, body = crate::error::Problem, description = "no such design or comment"),
        (status = 409, body = crate::error::Problem, description = "`already_reported`"),
        (status = 422, body = crate::error::Problem),
        (status = 429, body = crate::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(r): Valid<NewReport>,
) -> Result<(StatusCode, Json<Created>)> {
    state.limits.report(user.id)?;
    let mut tx = state.db.begin().await?;
    // The column and table come from a closed list, never from input.
    let exists = match r.target_type {
        "design" => "SELECT COUNT(*) FROM designs WHERE id = $1 AND status <> 'draft'",
        _ => "SELECT COUNT(*) FROM comments WHERE id = $1",
    };
    let found: i64 = on_db!(tx.ex(), |c| sqlx::query_scalar(exists).bind(r.target_id).fetch_one(&mut *c).await)?;
    if found == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    let id = Uuid::now_v7();
    let sql = "INSERT INTO reports (id, reporter_id, target_type, target_id, reason, note, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(user.id)
        .bind(r.target_type)
        .bind(r.target_id)
        .bind(r.reason)
        .bind(&r.note)
        .bind(now_ms())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .on_constraint("reports_reporter_id_target_type_target_id_key", || Error::code(ErrorCode::AlreadyReported))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct QueuedReport {
    pub id: Uuid,
    pub target_type: String,
    pub target_id: Uuid,
    pub reason: String,
    pub note: String,
    pub reporter_id: Uuid,
    pub reporter_name: String,
    pub created_at: i64,
    /// Open reports on the same target, this one included.
    pub reports_on_target: i64,
}

/// Open reports, oldest first: the moderators' queue.
#[utoipa::path(get, path = "/api/v1/brand/reports", tag = "brand", params(PageQuery),
    responses((status = 200, body = Page<QueuedReport>), (status = 403, body = crate::error::Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<QueuedReport>>> {
    let (limit, after) = (q.limit()?, q.after_id()?);
    let sql = "SELECT r.id, r.target_type, r.target_id, r.reason, r.note, r.reporter_id, a.display_name AS reporter_name, \
               r.created_at, (SELECT COUNT(*) FROM reports o WHERE o.target_type = r.target_type AND o.target_id = r.target_id \
               AND o.resolved_at IS NULL) AS reports_on_target \
               FROM reports r JOIN accounts a ON a.id = r.reporter_id \
               WHERE r.resolved_at IS NULL AND ($1 IS NULL OR r.id > $1) ORDER BY r.id LIMIT $2";
    let mut conn = state.db.reader().await?;
    let rows: Vec<QueuedReport> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(after).bind(limit + 1).fetch_all(&mut *c).await)?;
    Ok(Json(page_by_id(rows, limit, |r| r.id)))
}
