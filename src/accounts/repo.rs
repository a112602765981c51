//! The accounts' SQL: accounts, roles and refresh-token sessions.

use uuid::Uuid;

use crate::accounts::domain::Role;
use crate::db::{Db, Ex};
use crate::error::Result;
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub created_at: i64,
    pub email_verified_at: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: Uuid,
    pub password_hash: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub id: Uuid,
    pub family_id: Uuid,
    pub account_id: Uuid,
    pub token_hash: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub struct NewAccount<'a> {
    pub id: Uuid,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub now: i64,
}

/// Fails with the `accounts_email_key` constraint when the email is taken.
pub async fn insert_account(ex: Ex<'_>, a: NewAccount<'_>) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO accounts (id, email, display_name, password_hash, created_at, password_changed_at) \
               VALUES ($1, $2, $3, $4, $5, $5)";
    on_db!(ex, |c| {
        sqlx::query(sql)
            .bind(a.id)
            .bind(a.email)
            .bind(a.display_name)
            .bind(a.password_hash)
            .bind(a.now)
            .execute(&mut *c)
            .await
            .map(drop)
    })
}

pub async fn mark_email_verified(ex: Ex<'_>, id: Uuid, now: i64) -> Result<()> {
    let sql = "UPDATE accounts SET email_verified_at = $2 WHERE id = $1 AND email_verified_at IS NULL";
    on_db!(ex, |c| sqlx::query(sql).bind(id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks the address verified, if the account still has it (a link proved it).
pub async fn confirm_email(ex: Ex<'_>, id: Uuid, email: &str, now: i64) -> Result<()> {
    let sql = "UPDATE accounts SET email_verified_at = $3 WHERE id = $1 AND email = $2 AND email_verified_at IS NULL";
    on_db!(ex, |c| sqlx::query(sql).bind(id).bind(email).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Moves an account's creation time (demo data only).
pub async fn backdate_account(ex: Ex<'_>, id: Uuid, created_at: i64) -> Result<()> {
    let sql = "UPDATE accounts SET created_at = $2 WHERE id = $1";
    on_db!(ex, |c| sqlx::query(sql).bind(id).bind(created_at).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn find_account(ex: Ex<'_>, id: Uuid) -> Result<Option<AccountRow>> {
    let sql = "SELECT id, email, display_name, created_at, email_verified_at FROM accounts WHERE id = $1";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await)?)
}

pub async fn find_account_by_email(ex: Ex<'_>, email: &str) -> Result<Option<AccountRow>> {
    let sql = "SELECT id, email, display_name, created_at, email_verified_at FROM accounts WHERE email = $1";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(email).fetch_optional(&mut *c).await)?)
}

pub async fn credentials_by_email(ex: Ex<'_>, email: &str) -> Result<Option<Credentials>> {
    let sql = "SELECT id, password_hash FROM accounts WHERE email = $1";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(email).fetch_optional(&mut *c).await)?)
}

pub async fn password_hash(ex: Ex<'_>, id: Uuid) -> Result<Option<String>> {
    let sql = "SELECT password_hash FROM accounts WHERE id = $1";
    Ok(on_db!(ex, |c| sqlx::query_scalar(sql).bind(id).fetch_optional(&mut *c).await)?)
}

pub async fn set_password_hash(ex: Ex<'_>, id: Uuid, hash: &str, now: i64) -> Result<()> {
    let sql = "UPDATE accounts SET password_hash = $2, password_changed_at = $3 WHERE id = $1";
    on_db!(ex, |c| sqlx::query(sql).bind(id).bind(hash).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The account's roles, `customer` first, then the granted ones in a fixed order.
pub async fn roles(ex: Ex<'_>, id: Uuid) -> Result<Vec<Role>> {
    let sql = "SELECT role FROM account_roles WHERE account_id = $1";
    let names: Vec<String> = on_db!(ex, |c| sqlx::query_scalar(sql).bind(id).fetch_all(&mut *c).await)?;
    let mut roles = vec![Role::Customer];
    roles.extend(names.iter().filter_map(|n| n.parse::<Role>().ok()));
    roles.sort();
    roles.dedup();
    Ok(roles)
}

/// Grants a role; `false` when the account already had it.
pub async fn grant_role(ex: Ex<'_>, id: Uuid, role: Role, by: Option<Uuid>, now: i64) -> Result<bool> {
    let sql = "INSERT INTO account_roles (account_id, role, granted_at, granted_by) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (account_id, role) DO NOTHING";
    let done = on_db!(ex, |c| {
        sqlx::query(sql).bind(id).bind(role.as_str()).bind(now).bind(by).execute(&mut *c).await?.rows_affected()
    });
    Ok(done == 1)
}

/// Revokes a role; `false` when the account did not have it.
pub async fn revoke_role(ex: Ex<'_>, id: Uuid, role: Role) -> Result<bool> {
    let sql = "DELETE FROM account_roles WHERE account_id = $1 AND role = $2";
    let done = on_db!(ex, |c| sqlx::query(sql).bind(id).bind(role.as_str()).execute(&mut *c).await?.rows_affected());
    Ok(done == 1)
}

/// Locks the account's row until the transaction ends (PostgreSQL; SQLite has one writer), so
/// session changes of one account happen one after the other.
/// Until when a moderator keeps the account out: `i64::MAX` once banned, `None` when it is free.
pub async fn blocked_until(ex: Ex<'_>, id: Uuid) -> Result<Option<i64>> {
    let sql = "SELECT CASE WHEN banned_at IS NOT NULL THEN CAST(9223372036854775807 AS BIGINT) \
               ELSE suspended_until END FROM accounts WHERE id = $1";
    let found: Option<Option<i64>> = on_db!(ex, |c| sqlx::query_scalar(sql).bind(id).fetch_optional(&mut *c).await)?;
    Ok(found.flatten())
}

pub async fn lock_account(ex: Ex<'_>, id: Uuid) -> Result<()> {
    let sql = "UPDATE accounts SET password_changed_at = password_changed_at WHERE id = $1";
    on_db!(ex, |c| sqlx::query(sql).bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn count_role(ex: Ex<'_>, role: Role) -> Result<i64> {
    let sql = "SELECT COUNT(*) FROM account_roles WHERE role = $1";
    Ok(on_db!(ex, |c| sqlx::query_scalar(sql).bind(role.as_str()).fetch_one(&mut *c).await)?)
}

/// Serialises the transactions that change who is an admin (a row lock on PostgreSQL; SQLite
/// already has a single writer), so two admins demoting each other cannot leave none.
pub async fn lock_admin_roles(ex: Ex<'_>) -> Result<()> {
    let sql = "UPDATE named_locks SET taken_at = $1 WHERE name = 'admin_roles'";
    on_db!(ex, |c| sqlx::query(sql).bind(crate::db::now_ms()).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A page of accounts, newest first, after the cursor id (UUIDv7 ids sort by creation).
pub async fn list_accounts(ex: Ex<'_>, before: Option<Uuid>, limit: i64) -> Result<Vec<AccountRow>> {
    let sql = "SELECT id, email, display_name, created_at, email_verified_at FROM accounts \
               WHERE ($1 IS NULL OR id < $1) ORDER BY id DESC LIMIT $2";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(before).bind(limit).fetch_all(&mut *c).await)?)
}

pub async fn insert_session(ex: Ex<'_>, s: &SessionRow, now: i64) -> Result<()> {
    let sql = "INSERT INTO sessions (id, family_id, account_id, token_hash, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_db!(ex, |c| {
        sqlx::query(sql)
            .bind(s.id)
            .bind(s.family_id)
            .bind(s.account_id)
            .bind(&s.token_hash)
            .bind(now)
            .bind(s.expires_at)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn find_session(ex: Ex<'_>, id: Uuid) -> Result<Option<SessionRow>> {
    let sql =
        "SELECT id, family_id, account_id, token_hash, expires_at, used_at, revoked_at FROM sessions WHERE id = $1";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await)?)
}

/// Marks a token used; `false` when it was already used or revoked (a concurrent refresh won).
pub async fn mark_session_used(ex: Ex<'_>, id: Uuid, now: i64) -> Result<bool> {
    let sql = "UPDATE sessions SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL";
    let n = on_db!(ex, |c| sqlx::query(sql).bind(id).bind(now).execute(&mut *c).await?.rows_affected());
    Ok(n == 1)
}

pub async fn revoke_family(ex: Ex<'_>, family: Uuid, now: i64) -> Result<()> {
    let sql = "UPDATE sessions SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL";
    on_db!(ex, |c| sqlx::query(sql).bind(family).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn revoke_all_sessions(ex: Ex<'_>, account: Uuid, now: i64) -> Result<()> {
    let sql = "UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL";
    on_db!(ex, |c| sqlx::query(sql).bind(account).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether the session family still stands (not signed out, not revoked).
/// What a request's token stands for, in one query: the account, whether the token's session
/// family is live, and the account's roles (always with `customer`).
pub async fn session_account(db: &Db, account: Uuid, family: Uuid) -> Result<Option<(AccountRow, bool, Vec<Role>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: AccountRow,
        live: bool,
        role_bits: i64,
    }
    let sql = "SELECT a.id, a.email, a.display_name, a.created_at, a.email_verified_at, \
               EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = $2 AND s.account_id = a.id AND s.revoked_at IS NULL) AS live, \
               (SELECT COALESCE(SUM(CASE r.role WHEN 'curator' THEN 1 WHEN 'community_manager' THEN 2 WHEN 'admin' THEN 4 \
               ELSE 0 END), 0) FROM account_roles r WHERE r.account_id = a.id) AS role_bits \
               FROM accounts a WHERE a.id = $1";
    // Every signed-in request reads this: on SQLite on the calling thread (see `db::InlineReaders`).
    let row: Option<Row> = match db.inline() {
        Some(inline) => inline
            .query(sql, &[("$1", &account), ("$2", &family)], |r| {
                Ok(Row {
                    account: AccountRow {
                        id: r.get(0)?,
                        email: r.get(1)?,
                        display_name: r.get(2)?,
                        created_at: r.get(3)?,
                        email_verified_at: r.get(4)?,
                    },
                    live: r.get(5)?,
                    role_bits: r.get(6)?,
                })
            })?
            .pop(),
        None => {
            let mut conn = db.reader().await?;
            on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(account).bind(family).fetch_optional(&mut *c).await)?
        }
    };
    Ok(row.map(|r| {
        let mut roles = vec![Role::Customer];
        for (bit, role) in [(1, Role::Curator), (2, Role::CommunityManager), (4, Role::Admin)] {
            if r.role_bits & bit != 0 {
                roles.push(role);
            }
        }
        roles.sort();
        (r.account, r.live, roles)
    }))
}
