//! Admins grant and revoke roles (each change goes to the audit log in the same transaction),
//! list accounts, and read the audit log.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::AccountView;
use super::domain::Role;
use super::repo;
use crate::app::AppState;
use crate::audit::{self, AuditEntry};
use crate::db::now_ms;
use crate::error::{Error, ErrorCode, Result};
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::http::{CurrentUser, PathParam, QueryParams};

/// Grants a role (idempotent: granting a role the account has changes nothing).
#[utoipa::path(put, path = "/api/v1/admin/users/{id}/roles/{role}", tag = "admin",
    params(("id" = Uuid, Path), ("role" = Role, Path)),
    responses(
        (status = 200, body = AccountView),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem, description = "`customer` is everyone's and cannot be granted"),
    ))]
pub async fn grant_role(
    State(state): State<AppState>,
    admin: CurrentUser,
    PathParam((id, role)): PathParam<(Uuid, Role)>,
) -> Result<Json<AccountView>> {
    change_role(&state, &admin, id, role, true).await.map(Json)
}

/// Revokes a role. The last admin keeps theirs (409 `last_admin`).
#[utoipa::path(delete, path = "/api/v1/admin/users/{id}/roles/{role}", tag = "admin",
    params(("id" = Uuid, Path), ("role" = Role, Path)),
    responses(
        (status = 200, body = AccountView),
        (status = 404, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem, description = "`last_admin`"),
    ))]
pub async fn revoke_role(
    State(state): State<AppState>,
    admin: CurrentUser,
    PathParam((id, role)): PathParam<(Uuid, Role)>,
) -> Result<Json<AccountView>> {
    change_role(&state, &admin, id, role, false).await.map(Json)
}

async fn change_role(state: &AppState, admin: &CurrentUser, id: Uuid, role: Role, grant: bool) -> Result<AccountView> {
    if !role.is_grantable() {
        return Err(Error::field("role", "not_grantable", "Every account is a customer; that role is not granted."));
    }
    let mut tx = state.db.begin().await?;
    if role == Role::Admin {
        repo::lock_admin_roles(tx.ex()).await?;
    }
    // The caller was an admin when the request began; make sure they still are.
    if !repo::roles(tx.ex(), admin.id).await?.contains(&Role::Admin) {
        return Err(Error::code(ErrorCode::Forbidden));
    }
    let account = repo::find_account(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let changed = if grant {
        repo::grant_role(tx.ex(), id, role, Some(admin.id), now_ms()).await?
    } else {
        repo::revoke_role(tx.ex(), id, role).await?
    };
    if changed && !grant && role == Role::Admin && repo::count_role(tx.ex(), Role::Admin).await? == 0 {
        return Err(Error::code(ErrorCode::LastAdmin)); // dropping tx rolls the revocation back
    }
    if changed {
        let entry = audit::Entry {
            actor: Some(admin.id),
            action: if grant { "role.granted" } else { "role.revoked" },
            target_type: "account",
            target_id: id.to_string(),
            detail: serde_json::json!({ "role": role }),
        };
        audit::record(tx.ex(), entry).await?;
    }
    let roles = repo::roles(tx.ex(), id).await?;
    tx.commit().await?;
    state.sessions.changed();
    Ok(AccountView::of(account, roles))
}

/// Every account, newest first.
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", params(PageQuery),
    responses((status = 200, body = Page<AccountView>)))]
pub async fn list_users(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<AccountView>>> {
    let (limit, after) = (q.limit()?, q.after_id()?);
    let mut conn = state.db.reader().await?;
    let rows = repo::list_accounts(conn.ex(), after, limit + 1).await?;
    let mut items = Vec::with_capacity(rows.len());
    for a in rows {
        let roles = repo::roles(conn.ex(), a.id).await?;
        items.push(AccountView::of(a, roles));
    }
    Ok(Json(page_by_id(items, limit, |a| a.id)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only entries of this action, e.g. `role.granted`.
    pub action: Option<String>,
    /// Only what this account did.
    pub actor_id: Option<Uuid>,
    /// Only entries about this kind of thing: `design`, `listing`, `account`, `comment`…
    pub target_type: Option<String>,
    /// Only entries about this one (with `target_type`).
    pub target_id: Option<String>,
    /// From this time on (unix ms).
    pub since: Option<i64>,
    /// Before this time (unix ms).
    pub until: Option<i64>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// The audit log, newest first, filtered by action, actor, target and time.
#[utoipa::path(get, path = "/api/v1/admin/audit-log", tag = "admin", params(AuditQuery),
    responses((status = 200, body = Page<AuditEntry>)))]
pub async fn audit_log(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<AuditQuery>,
) -> Result<Json<Page<AuditEntry>>> {
    let action_is_valid =
        |a: &str| (1..=64).contains(&a.len()) && a.bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_');
    if q.action.as_deref().is_some_and(|a| !action_is_valid(a)) {
        return Err(Error::field("action", "invalid_action", "An action looks like `role.granted`."));
    }
    if q.target_type.as_deref().is_some_and(|t| !action_is_valid(t)) {
        return Err(Error::field("target_type", "invalid_target_type", "A target type looks like `design`."));
    }
    if q.target_id.as_deref().is_some_and(|t| t.len() > 100) {
        return Err(Error::field("target_id", "too_long", "A target id has at most 100 characters."));
    }
    let filter = audit::Filter {
        action: q.action.as_deref(),
        actor: q.actor_id,
        target_type: q.target_type.as_deref(),
        target_id: q.target_id.as_deref(),
        since: q.since,
        until: q.until,
    };
    let page = PageQuery { cursor: q.cursor, limit: q.limit };
    let (limit, after) = (page.limit()?, page.after_id()?);
    let mut conn = state.db.reader().await?;
    let rows = audit::list(conn.ex(), &filter, after, limit + 1).await?;
    Ok(Json(page_by_id(rows, limit, |e| e.id)))
}
