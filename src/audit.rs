//! The append-only audit log: who did what, to what, when, and from which request. Entries are
//! written in the same transaction as the change they record; triggers refuse any update or
//! delete of an entry.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::{Ex, now_ms};
use crate::error::{Result, current_request_id};
use crate::on_db;

pub struct Entry<'a> {
    /// `None` when the command line did it.
    pub actor: Option<Uuid>,
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: String,
    pub detail: serde_json::Value,
}

pub async fn record(ex: Ex<'_>, e: Entry<'_>) -> Result<()> {
    let sql = "INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id, detail, request_id) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let detail = e.detail.to_string();
    let request_id = current_request_id();
    on_db!(ex, |c| {
        sqlx::query(sql)
            .bind(Uuid::now_v7())
            .bind(now_ms())
            .bind(e.actor)
            .bind(e.action)
            .bind(e.target_type)
            .bind(&e.target_id)
            .bind(&detail)
            .bind(&request_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// One entry as admins read it.
#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: Uuid,
    /// Unix milliseconds.
    pub at: i64,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    /// A JSON object, as text.
    pub detail: String,
    pub request_id: Option<String>,
}

/// Which entries an admin asks for.
#[derive(Debug, Default, Clone)]
pub struct Filter<'a> {
    pub action: Option<&'a str>,
    pub actor: Option<Uuid>,
    pub target_type: Option<&'a str>,
    pub target_id: Option<&'a str>,
    /// From this time on (unix ms, inclusive).
    pub since: Option<i64>,
    /// Before this time (unix ms, exclusive).
    pub until: Option<i64>,
}

/// Newest first, before the cursor id (UUIDv7 ids sort by time).
pub async fn list(ex: Ex<'_>, f: &Filter<'_>, before: Option<Uuid>, limit: i64) -> Result<Vec<AuditEntry>> {
    let sql = "SELECT id, at, actor_id, action, target_type, target_id, detail, request_id FROM audit_log \
               WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR id < $2) AND ($4 IS NULL OR actor_id = $4) \
               AND ($5 IS NULL OR target_type = $5) AND ($6 IS NULL OR target_id = $6) AND ($7 IS NULL OR at >= $7) \
               AND ($8 IS NULL OR at < $8) ORDER BY id DESC LIMIT $3";
    Ok(on_db!(ex, |c| sqlx::query_as(sql)
        .bind(f.action)
        .bind(before)
        .bind(limit)
        .bind(f.actor)
        .bind(f.target_type)
        .bind(f.target_id)
        .bind(f.since)
        .bind(f.until)
        .fetch_all(&mut *c)
        .await)?)
}
