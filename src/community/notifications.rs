//! In-app notifications (a rating milestone, a comment or a reply, a remix, shortlisted), each
//! written in the transaction of the event, and sent by email too unless the recipient turned
//! that kind off. Nobody is notified of their own doing.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::{Ex, now_ms};
use crate::error::{FieldError, Result};
use crate::http::page::{Page, PageQuery, page_by_id};
use crate::http::{CurrentUser, Input, QueryParams, Valid};
use crate::on_db;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    RatingMilestone,
    Comment,
    Reply,
    Remix,
    Shortlisted,
    /// The brand approved the design and offers terms.
    Approved,
    ChangesRequested,
    Rejected,
    /// Every creator accepted: the design goes on the menu.
    Listed,
    /// The brand scheduled new terms for the design's listing.
    TermsChanged,
    /// A moderator hid the design.
    Hidden,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RatingMilestone => "rating_milestone",
            Kind::Comment => "comment",
            Kind::Reply => "reply",
            Kind::Remix => "remix",
            Kind::Shortlisted => "shortlisted",
            Kind::Approved => "approved",
            Kind::ChangesRequested => "changes_requested",
            Kind::Rejected => "rejected",
            Kind::Listed => "listed",
            Kind::TermsChanged => "terms_changed",
            Kind::Hidden => "hidden",
        }
    }
}

pub struct Notice {
    pub kind: Kind,
    pub design: Uuid,
    /// Who commented, replied or remixed.
    pub actor: Option<Uuid>,
    /// The milestone reached.
    pub count: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Recipient {
    email: String,
    wants_email: bool,
}

#[derive(sqlx::FromRow)]
struct About {
    name: String,
    slug: Option<String>,
    actor_name: Option<String>,
}

/// Notifies each of `to` (except the actor) inside the transaction `ex` is in, by email too
/// where they want it. Email links point at `site` (the public address).
pub async fn notify(mut ex: Ex<'_>, to: &[Uuid], n: Notice, site: &str, now: i64) -> Result<()> {
    let recipients: Vec<Uuid> = to.iter().copied().filter(|id| Some(*id) != n.actor).collect();
    if recipients.is_empty() {
        return Ok(());
    }
    let sql = "SELECT d.name, d.slug, (SELECT display_name FROM accounts WHERE id = $2) AS actor_name \
               FROM designs d WHERE d.id = $1";
    let about: About =
        on_db!(ex.reborrow(), |c| sqlx::query_as(sql).bind(n.design).bind(n.actor).fetch_one(&mut *c).await)?;
    let (subject, text) = wording(&n, &about, site);
    for account in recipients {
        let sql = "INSERT INTO notifications (id, account_id, kind, design_id, actor_id, count, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7)";
        on_db!(ex.reborrow(), |c| sqlx::query(sql)
            .bind(Uuid::now_v7())
            .bind(account)
            .bind(n.kind.as_str())
            .bind(n.design)
            .bind(n.actor)
            .bind(n.count)
            .bind(now)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
        // The column is chosen from a closed set, never from input.
        let sql = format!(
            "SELECT a.email, COALESCE(p.{}, TRUE) AS wants_email FROM accounts a \
             LEFT JOIN notification_preferences p ON p.account_id = a.id WHERE a.id = $1",
            n.kind.as_str()
        );
        let r: Recipient = on_db!(ex.reborrow(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(account)
            .fetch_one(&mut *c)
            .await)?;
        if r.wants_email {
            crate::mail::enqueue(ex.reborrow(), &r.email, &subject, &text, now).await?;
        }
    }
    Ok(())
}

/// The email's subject and text.
fn wording(n: &Notice, about: &About, site: &str) -> (String, String) {
    let name = &about.name;
    let actor = about.actor_name.as_deref().unwrap_or("Someone");
    let link = match &about.slug {
        Some(slug) => format!("{site}/d/{slug}"),
        None => format!("{site}/studio"),
    };
    let subject = match n.kind {
        Kind::RatingMilestone => format!("“{name}” reached {} ratings", n.count.unwrap_or_default()),
        Kind::Comment => format!("{actor} commented on “{name}”"),
        Kind::Reply => format!("{actor} replied to your comment on “{name}”"),
        Kind::Remix => format!("{actor} remixed your design: “{name}”"),
        Kind::Shortlisted => format!("“{name}” is shortlisted for the brand"),
        Kind::Approved => format!("The brand approved “{name}”: read and accept its terms"),
        Kind::ChangesRequested => format!("The brand asks for changes to “{name}”"),
        Kind::Rejected => format!("The brand's answer on “{name}”"),
        Kind::Listed => format!("“{name}” is going on the menu"),
        Kind::TermsChanged => format!("New terms for “{name}” on the menu"),
        Kind::Hidden => format!("“{name}” was hidden by a moderator"),
    };
    let settings = format!("{site}/notifications");
    let text = format!("{subject}.\n\nSee it here: {link}\n\nChoose which emails you get: {settings}\n");
    (subject, text)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignRef {
    pub id: Uuid,
    pub slug: Option<String>,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: Uuid,
    pub kind: Kind,
    pub design: DesignRef,
    pub actor_name: Option<String>,
    pub count: Option<i64>,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    kind: String,
    design_id: Uuid,
    slug: Option<String>,
    name: String,
    actor_name: Option<String>,
    count: Option<i64>,
    created_at: i64,
    read_at: Option<i64>,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::RatingMilestone,
        Kind::Comment,
        Kind::Reply,
        Kind::Remix,
        Kind::Shortlisted,
        Kind::Approved,
        Kind::ChangesRequested,
        Kind::Rejected,
        Kind::Listed,
        Kind::TermsChanged,
        Kind::Hidden,
    ];
}

fn kind_of(s: &str) -> Kind {
    Kind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or(Kind::Shortlisted)
}

/// My notifications, newest first.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "community", params(PageQuery),
    responses((status = 200, body = Page<Notification>)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<Page<Notification>>> {
    let (limit, before) = (q.limit()?, q.after_id()?);
    let sql = "SELECT n.id, n.kind, n.design_id, d.slug, d.name, a.display_name AS actor_name, n.count, n.created_at, n.read_at \
               FROM notifications n JOIN designs d ON d.id = n.design_id LEFT JOIN accounts a ON a.id = n.actor_id \
               WHERE n.account_id = $1 AND ($2 IS NULL OR n.id < $2) ORDER BY n.id DESC LIMIT $3";
    let mut conn = state.db.reader().await?;
    let rows: Vec<Row> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(user.id).bind(before).bind(limit + 1).fetch_all(&mut *c).await)?;
    let items = rows
        .into_iter()
        .map(|r| Notification {
            id: r.id,
            kind: kind_of(&r.kind),
            design: DesignRef { id: r.design_id, slug: r.slug, name: r.name },
            actor_name: r.actor_name,
            count: r.count,
            created_at: r.created_at,
            read_at: r.read_at,
        })
        .collect();
    Ok(Json(page_by_id(items, limit, |n| n.id)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub count: i64,
}

/// How many of my notifications are unread (for the navigation's badge).
#[utoipa::path(get, path = "/api/v1/me/notifications/unread-count", tag = "community",
    responses((status = 200, body = UnreadCount)))]
pub async fn unread_count(State(state): State<AppState>, user: CurrentUser) -> Result<Json<UnreadCount>> {
    let sql = "SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL";
    let mut conn = state.db.reader().await?;
    let count: i64 = on_db!(conn.ex(), |c| sqlx::query_scalar(sql).bind(user.id).fetch_one(&mut *c).await)?;
    Ok(Json(UnreadCount { count }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MarkReadBody {
    #[serde(default)]
    pub ids: Vec<Uuid>,
    #[serde(default)]
    pub all: bool,
}

pub struct MarkRead(MarkReadBody);

impl Input for MarkRead {
    type Raw = MarkReadBody;
    fn parse(raw: MarkReadBody) -> Result<Self, Vec<FieldError>> {
        if raw.ids.len() > 200 {
            return Err(vec![FieldError::new("ids", "too_many", "At most 200 at a time.")]);
        }
        if raw.ids.is_empty() && !raw.all {
            return Err(vec![FieldError::new("ids", "required", "Name the notifications, or send all: true.")]);
        }
        Ok(MarkRead(raw))
    }
}

/// Marks some (`ids`) or all (`all: true`) of my notifications read.
#[utoipa::path(post, path = "/api/v1/me/notifications/read", tag = "community", request_body = MarkReadBody,
    responses((status = 204), (status = 422, body = crate::error::Problem)))]
pub async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(MarkRead(body)): Valid<MarkRead>,
) -> Result<StatusCode> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if body.all {
        let sql = "UPDATE notifications SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL";
        on_db!(tx.ex(), |c| sqlx::query(sql)
            .bind(user.id)
            .bind(now)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected()))?;
    } else {
        for id in &body.ids {
            let sql = "UPDATE notifications SET read_at = $3 WHERE id = $1 AND account_id = $2 AND read_at IS NULL";
            on_db!(tx.ex(), |c| sqlx::query(sql)
                .bind(id)
                .bind(user.id)
                .bind(now)
                .execute(&mut *c)
                .await
                .map(|r| r.rows_affected()))?;
        }
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Which kinds of notification also go out by email.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
#[serde(deny_unknown_fields)]
pub struct EmailChoices {
    pub rating_milestone: bool,
    pub comment: bool,
    pub reply: bool,
    pub remix: bool,
    pub shortlisted: bool,
    #[serde(default = "yes")]
    pub approved: bool,
    #[serde(default = "yes")]
    pub changes_requested: bool,
    #[serde(default = "yes")]
    pub rejected: bool,
    #[serde(default = "yes")]
    pub listed: bool,
    #[serde(default = "yes")]
    pub terms_changed: bool,
    #[serde(default = "yes")]
    pub hidden: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Preferences {
    pub email: EmailChoices,
}

impl Input for Preferences {
    type Raw = Preferences;
    fn parse(raw: Preferences) -> Result<Self, Vec<FieldError>> {
        Ok(raw)
    }
}

/// My email preferences (all on until changed).
#[utoipa::path(get, path = "/api/v1/me/notification-preferences", tag = "community",
    responses((status = 200, body = Preferences)))]
pub async fn get_preferences(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Preferences>> {
    let sql = "SELECT rating_milestone, comment, reply, remix, shortlisted, approved, changes_requested, rejected, \
               listed, terms_changed, hidden FROM notification_preferences WHERE account_id = $1";
    let mut conn = state.db.reader().await?;
    let found: Option<EmailChoices> =
        on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(user.id).fetch_optional(&mut *c).await)?;
    let email = found.unwrap_or(EmailChoices {
        rating_milestone: true,
        comment: true,
        reply: true,
        remix: true,
        shortlisted: true,
        approved: true,
        changes_requested: true,
        rejected: true,
        listed: true,
        terms_changed: true,
        hidden: true,
    });
    Ok(Json(Preferences { email }))
}

/// Sets my email preferences.
#[utoipa::path(put, path = "/api/v1/me/notification-preferences", tag = "community", request_body = Preferences,
    responses((status = 200, body = Preferences), (status = 422, body = crate::error::Problem)))]
pub async fn put_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(p): Valid<Preferences>,
) -> Result<Json<Preferences>> {
    let e = &p.email;
    let sql = "INSERT INTO notification_preferences (account_id, rating_milestone, comment, reply, remix, shortlisted, \
               approved, changes_requested, rejected, listed, hidden, terms_changed) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
               ON CONFLICT (account_id) DO UPDATE SET rating_milestone = $2, comment = $3, reply = $4, remix = $5, \
               shortlisted = $6, approved = $7, changes_requested = $8, rejected = $9, listed = $10, hidden = $11, \
               terms_changed = $12";
    let mut tx = state.db.begin().await?;
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(user.id)
        .bind(e.rating_milestone)
        .bind(e.comment)
        .bind(e.reply)
        .bind(e.remix)
        .bind(e.shortlisted)
        .bind(e.approved)
        .bind(e.changes_requested)
        .bind(e.rejected)
        .bind(e.listed)
        .bind(e.hidden)
        .bind(e.terms_changed)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(Json(p))
}
