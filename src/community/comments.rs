//! Comments on published designs: one level of replies, editable by their author for 15
//! minutes, deletable by their author or the brand. A deleted comment keeps its place (and its
//! replies) with an empty body; its text stays in the database for moderation. Comments by the
//! brand's team (curators, community manager) carry a badge.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::notifications::{self, Kind, Notice};
use super::promotion::creators_of;
use crate::accounts::domain::Role;
use crate::app::AppState;
use crate::audit;
use crate::db::{Ex, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::http::{CurrentUser, Input, PathParam, QueryParams, Valid};
use crate::on_db;

/// How long a comment can be edited after it was posted.
pub const EDIT_WINDOW_MS: i64 = 15 * 60 * 1000;
pub const MAX_BODY_CHARS: usize = 2000;

#[derive(Debug, Serialize, ToSchema)]
pub struct Author {
    pub id: Uuid,
    pub display_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Comment {
    pub id: Uuid,
    pub design_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author: Author,
    /// Written by the brand's team: shown with a badge.
    pub brand: bool,
    /// Empty once deleted or hidden.
    pub body: String,
    pub deleted: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub editable_until: i64,
    /// Replies, oldest first (top-level comments only).
    #[schema(no_recursion)]
    pub replies: Vec<Comment>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    design_id: Uuid,
    parent_id: Option<Uuid>,
    author_id: Uuid,
    display_name: String,
    brand: bool,
    body: String,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
}

impl Row {
    fn view(self) -> Comment {
        let deleted = self.deleted_at.is_some();
        let hidden = self.hidden_at.is_some();
        Comment {
            id: self.id,
            design_id: self.design_id,
            parent_id: self.parent_id,
            author: Author { id: self.author_id, display_name: self.display_name },
            brand: self.brand,
            body: if deleted || hidden { String::new() } else { self.body },
            deleted,
            hidden,
            created_at: self.created_at,
            edited_at: self.edited_at,
            editable_until: self.created_at + EDIT_WINDOW_MS,
            replies: Vec::new(),
        }
    }
}

const SELECT: &str = "SELECT c.id, c.design_id, c.parent_id, c.author_id, a.display_name, \
    EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = c.author_id AND r.role IN ('curator', 'community_manager')) AS brand, \
    c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at FROM comments c JOIN accounts a ON a.id = c.author_id";

async fn find(ex: Ex<'_>, id: Uuid) -> Result<Option<Row>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(&mut *c).await)?)
}

/// A design's status, or 404 for a draft (not public) or no design.
async fn public_status(ex: Ex<'_>, design: Uuid) -> Result<String> {
    let sql = "SELECT CASE WHEN hidden_at IS NULL THEN status ELSE 'draft' END FROM designs WHERE id = $1";
    let status: Option<String> = on_db!(ex, |c| sqlx::query_scalar(sql).bind(design).fetch_optional(&mut *c).await)?;
    status.filter(|s| s != "draft").ok_or_else(|| Error::code(ErrorCode::NotFound))
}

/// A design's comments: top-level ones oldest first, a page at a time, each with its replies.
#[utoipa::path(get, path = "/api/v1/designs/{id}/comments", tag = "community",
    params(("id" = Uuid, Path), PageQuery),
    responses((status = 200, body = Page<Comment>), (status = 404, body = crate::error::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    PathParam(design): PathParam<Uuid>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<Comment>>> {
    let (limit, after) = (q.limit()?, q.after_id()?);
    let mut conn = state.db.reader().await?;
    public_status(conn.ex(), design).await?;
    let sql = format!(
        "{SELECT} WHERE c.design_id = $1 AND c.parent_id IS NULL AND ($2 IS NULL OR c.id > $2) ORDER BY c.id LIMIT $3"
    );
    let rows: Vec<Row> = on_db!(conn.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(design)
        .bind(after)
        .bind(limit + 1)
        .fetch_all(&mut *c)
        .await)?;
    let mut page = page_by_id(rows.into_iter().map(Row::view).collect(), limit, |c: &Comment| c.id);
    if let (Some(first), Some(last)) = (page.items.first().map(|c| c.id), page.items.last().map(|c| c.id)) {
        // Ids grow with time, so this page's parents are exactly the top-level ids in [first, last].
        let sql = format!("{SELECT} WHERE c.design_id = $1 AND c.parent_id >= $2 AND c.parent_id <= $3 ORDER BY c.id");
        let replies: Vec<Row> = on_db!(conn.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(design)
            .bind(first)
            .bind(last)
            .fetch_all(&mut *c)
            .await)?;
        for reply in replies {
            if let Some(parent) = page.items.iter_mut().find(|c| Some(c.id) == reply.parent_id) {
                parent.replies.push(reply.view());
            }
        }
    }
    Ok(Json(page))
}

/// Writes a comment (already checked) and returns its id.
pub async fn insert(
    ex: Ex<'_>,
    design: Uuid,
    parent: Option<Uuid>,
    author: Uuid,
    body: &str,
    now: i64,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let sql =
        "INSERT INTO comments (id, design_id, parent_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(id)
        .bind(design)
        .bind(parent)
        .bind(author)
        .bind(body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CommentBody {
    pub body: Option<String>,
    /// A top-level comment to reply to.
    pub parent_id: Option<Uuid>,
}

pub struct NewComment {
    body: String,
    parent_id: Option<Uuid>,
}

fn text(raw: Option<String>) -> Result<String, Vec<FieldError>> {
    let body = raw.map(|b| b.trim().to_string()).unwrap_or_default();
    if body.is_empty() {
        Err(vec![FieldError::new("body", "required", "Write something first.")])
    } else if body.chars().count() > MAX_BODY_CHARS {
        Err(vec![FieldError::new("body", "too_long", format!("At most {MAX_BODY_CHARS} characters."))])
    } else {
        Ok(body)
    }
}

impl Input for NewComment {
    type Raw = CommentBody;
    fn parse(raw: CommentBody) -> Result<Self, Vec<FieldError>> {
        Ok(NewComment { body: text(raw.body)?, parent_id: raw.parent_id })
    }
}

/// Comments on a published design, or replies to one of its top-level comments.
#[utoipa::path(post, path = "/api/v1/designs/{id}/comments", tag = "community", params(("id" = Uuid, Path)),
    request_body = CommentBody,
    responses(
        (status = 201, body = Comment),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem, description = "`not_commentable`: withdrawn"),
        (status = 422, body = crate::error::Problem, description = "`reply_depth`: replies to a reply"),
        (status = 429, body = crate::error::Problem, description = "`rate_limited`"),
    ))]
pub async fn post(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(design): PathParam<Uuid>,
    Valid(input): Valid<NewComment>,
) -> Result<(StatusCode, Json<Comment>)> {
    state.limits.comment(user.id)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if public_status(tx.ex(), design).await? != "published" {
        return Err(Error::code(ErrorCode::NotCommentable));
    }
    let parent = match input.parent_id {
        None => None,
        Some(p) => {
            let parent = find(tx.ex(), p)
                .await?
                .filter(|c| c.design_id == design)
                .ok_or_else(|| Error::field("parent_id", "not_found", "There is no such comment on this design."))?;
            if parent.parent_id.is_some() {
                return Err(Error::field("parent_id", "reply_depth", "Reply to the comment that starts the thread."));
            }
            if parent.deleted_at.is_some() {
                return Err(Error::field("parent_id", "deleted", "This comment was deleted."));
            }
            Some(parent)
        }
    };
    let id = insert(tx.ex(), design, input.parent_id, user.id, &input.body, now).await?;
    let site = state.settings.public_url();
    let (to, kind) = match &parent {
        Some(p) => (vec![p.author_id], Kind::Reply),
        None => (creators_of(tx.ex(), design).await?, Kind::Comment),
    };
    notifications::notify(tx.ex(), &to, Notice { kind, design, actor: Some(user.id), count: None }, &site, now).await?;
    let row = find(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(row.view())))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EditBody {
    pub body: Option<String>,
}

pub struct Edit(String);

impl Input for Edit {
    type Raw = EditBody;
    fn parse(raw: EditBody) -> Result<Self, Vec<FieldError>> {
        Ok(Edit(text(raw.body)?))
    }
}

/// Edits my comment, within 15 minutes of posting it.
#[utoipa::path(patch, path = "/api/v1/comments/{id}", tag = "community", params(("id" = Uuid, Path)),
    request_body = EditBody,
    responses(
        (status = 200, body = Comment),
        (status = 403, body = crate::error::Problem, description = "someone else's"),
        (status = 409, body = crate::error::Problem, description = "`edit_window_closed`"),
    ))]
pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(Edit(body)): Valid<Edit>,
) -> Result<Json<Comment>> {
    state.limits.comment(user.id)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row =
        find(tx.ex(), id).await?.filter(|c| c.deleted_at.is_none()).ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if row.author_id != user.id {
        return Err(Error::code(ErrorCode::Forbidden));
    }
    if now > row.created_at + EDIT_WINDOW_MS {
        return Err(Error::code(ErrorCode::EditWindowClosed));
    }
    let sql = "UPDATE comments SET body = $2, edited_at = $3 WHERE id = $1";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(&body)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    let row = find(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    tx.commit().await?;
    Ok(Json(row.view()))
}

/// Deletes a comment: my own, or any as the brand (audited).
#[utoipa::path(delete, path = "/api/v1/comments/{id}", tag = "community", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
) -> Result<StatusCode> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = find(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let as_brand = row.author_id != user.id;
    if as_brand && !user.has_any(Role::BRAND) {
        return Err(Error::code(ErrorCode::Forbidden));
    }
    if row.deleted_at.is_none() {
        let sql = "UPDATE comments SET deleted_at = $2, deleted_by = $3 WHERE id = $1";
        on_db!(tx.ex(), |c| sqlx::query(sql)
            .bind(id)
            .bind(now)
            .bind(user.id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        if as_brand {
            let entry = audit::Entry {
                actor: Some(user.id),
                action: "comment.deleted",
                target_type: "comment",
                target_id: id.to_string(),
                detail: serde_json::json!({ "design_id": row.design_id, "author_id": row.author_id }),
            };
            audit::record(tx.ex(), entry).await?;
        }
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
