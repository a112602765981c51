//! Email through an outbox: a message is a row written in the transaction that decided to send
//! it (so a rolled-back sign-up sends nothing, and a committed one cannot lose its email), and a
//! sender delivers due rows over SMTP (lettre) when `SMTP_URL` is set. Without SMTP, nothing is
//! sent and admins read the messages at the development mail viewer (`GET /admin/outbox`).
//!
//! Delivery is at least once: a row is leased (its next attempt pushed five minutes ahead)
//! before it is sent, so two instances do not send it together; a failure retries with a
//! doubling delay, at most [`MAX_ATTEMPTS`] times.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::{Db, Ex, now_ms};
use crate::error::{Error, ErrorCode, Result};
use crate::http::QueryParams;
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::on_db;

pub const MAX_ATTEMPTS: i64 = 8;
const LEASE_MS: i64 = 5 * 60 * 1000;

/// Queues an email inside the caller's transaction.
pub async fn enqueue(ex: Ex<'_>, to: &str, subject: &str, text: &str, now: i64) -> Result<()> {
    let sql = "INSERT INTO outbox (id, to_address, subject, body_text, created_at, next_attempt_at) \
               VALUES ($1, $2, $3, $4, $5, $5)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(Uuid::now_v7())
        .bind(to)
        .bind(subject)
        .bind(text)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct OutboxMail {
    pub id: Uuid,
    #[sqlx(rename = "to_address")]
    pub to: String,
    pub subject: String,
    #[sqlx(rename = "body_text")]
    pub text: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// The development mail viewer: every queued email, newest first. Only while no SMTP server is
/// configured (the messages hold sign-in links); 404 otherwise.
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", params(PageQuery),
    responses((status = 200, body = Page<OutboxMail>), (status = 404, body = crate::error::Problem)))]
pub async fn outbox(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<OutboxMail>>> {
    if state.settings.smtp_url.is_some() {
        return Err(Error::detail(ErrorCode::NotFound, "Email goes out through SMTP: there is no local mail viewer."));
    }
    let limit = q.limit()?;
    let before = q.after_id()?;
    let sql = "SELECT id, to_address, subject, body_text, created_at, sent_at, attempts, last_error FROM outbox \
               WHERE ($1 IS NULL OR id < $1) ORDER BY id DESC LIMIT $2";
    let mut conn = state.db.reader().await?;
    let rows: Vec<OutboxMail> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(before).bind(limit + 1).fetch_all(&mut *c).await)?;
    Ok(Json(page_by_id(rows, limit, |m| m.id)))
}

/// Sends through one SMTP server from one address.
pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Sender {
    /// `url` as lettre reads it: `smtp://host:port` (plain), `smtp://host?tls=required`
    /// (STARTTLS), `smtps://user:password@host` (TLS).
    pub fn new(url: &str, from: &str) -> anyhow::Result<Sender> {
        let transport =
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.timeout(Some(Duration::from_secs(20))).build();
        let from = from.parse().map_err(|e| anyhow::anyhow!("MAIL_FROM is not an address: {e}"))?;
        Ok(Sender { transport, from })
    }

    async fn send(&self, to: &str, subject: &str, text: &str) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(text.to_string())?;
        self.transport.send(message).await?;
        Ok(())
    }
}

#[derive(sqlx::FromRow)]
struct Due {
    id: Uuid,
    to_address: String,
    subject: String,
    body_text: String,
    attempts: i64,
}

/// Sends every due email once; returns how many went out.
pub async fn deliver_due(db: &Db, sender: &Sender, now: i64) -> Result<usize> {
    let sql = "SELECT id, to_address, subject, body_text, attempts FROM outbox \
               WHERE sent_at IS NULL AND next_attempt_at <= $1 AND attempts < $2 ORDER BY next_attempt_at LIMIT 50";
    let due: Vec<Due> = {
        let mut conn = db.reader().await?;
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(now).bind(MAX_ATTEMPTS).fetch_all(&mut *c).await)?
    };
    let mut sent = 0;
    for mail in due {
        if !lease(db, mail.id, now).await? {
            continue;
        }
        let outcome = sender.send(&mail.to_address, &mail.subject, &mail.body_text).await;
        let mut tx = db.begin().await?;
        match outcome {
            Ok(()) => {
                let sql = "UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1";
                on_db!(tx.ex(), |c| sqlx::query(sql)
                    .bind(mail.id)
                    .bind(now_ms())
                    .execute(&mut *c)
                    .await
                    .map(|r| r.rows_affected()))?;
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(mail = %mail.id, error = %e, "email not sent; will retry");
                let retry_at = now_ms() + 30_000 * (1 << mail.attempts.min(10));
                let sql =
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1";
                on_db!(tx.ex(), |c| sqlx::query(sql)
                    .bind(mail.id)
                    .bind(e.to_string())
                    .bind(retry_at)
                    .execute(&mut *c)
                    .await
                    .map(|r| r.rows_affected()))?;
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Takes a due email for this sender: false when another sender took it first.
async fn lease(db: &Db, id: Uuid, now: i64) -> Result<bool> {
    let sql = "UPDATE outbox SET next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL AND next_attempt_at <= $2";
    let mut tx = db.begin().await?;
    let taken = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(now)
        .bind(now + LEASE_MS)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(taken == 1)
}

/// Delivers due emails every few seconds until the process ends.
pub fn spawn_sender(db: Db, sender: Sender) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3));
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&db, &sender, now_ms()).await {
                tracing::warn!(error = %e, "outbox delivery failed");
            }
        }
    })
}
