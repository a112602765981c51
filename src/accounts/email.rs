//! Links sent by email: verifying the address (sent at sign-up, and again on request) and
//! resetting a forgotten password. Each link carries a random secret of which only the SHA-256
//! is stored; it works once and expires. Asking for a reset never says whether an account
//! exists.

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

use super::domain::{Email, Password};
use super::{passwords, repo};
use crate::app::AppState;
use crate::audit;
use crate::db::{Ex, Tx, now_ms};
use crate::error::{Error, FieldError, Result, required};
use crate::http::{ClientAddr, CurrentUser, Fields, Input, Valid};
use crate::on_db;

pub const VERIFY_TTL_MS: i64 = 7 * 24 * 3600 * 1000;
pub const RESET_TTL_MS: i64 = 3600 * 1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
        }
    }
}

fn hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores a new link's hash and returns its secret.
async fn issue(ex: Ex<'_>, account: Uuid, email: &str, purpose: Purpose, ttl_ms: i64, now: i64) -> Result<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let sql = "INSERT INTO email_tokens (token_hash, account_id, purpose, email, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(hash(&secret))
        .bind(account)
        .bind(purpose.as_str())
        .bind(email)
        .bind(now)
        .bind(now + ttl_ms)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(secret)
}

/// Uses a link: marks it used and returns its account and the email it was sent to, or a 422
/// on `token` when it is unknown, used, expired or for another purpose.
async fn redeem(ex: &mut Tx, secret: &str, purpose: Purpose, now: i64) -> Result<(Uuid, String)> {
    let invalid = || Error::field("token", "invalid_token", "This link is not valid any more. Ask for a new one.");
    let sql = "UPDATE email_tokens SET used_at = $3 \
               WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";
    let used = on_db!(ex.ex(), |c| sqlx::query(sql)
        .bind(hash(secret))
        .bind(purpose.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if used != 1 {
        return Err(invalid());
    }
    let sql = "SELECT account_id, email FROM email_tokens WHERE token_hash = $1";
    Ok(on_db!(ex.ex(), |c| sqlx::query_as(sql).bind(hash(secret)).fetch_one(&mut *c).await)?)
}

/// Queues the verification email for a new (or re-sent) address, inside `tx`.
pub async fn send_verification(state: &AppState, tx: &mut Tx, account: Uuid, email: &str, now: i64) -> Result<()> {
    let secret = issue(tx.ex(), account, email, Purpose::VerifyEmail, VERIFY_TTL_MS, now).await?;
    let link = format!("{}/verify-email?token={secret}", state.settings.public_url());
    let text = format!(
        "Welcome to cocreate!\n\nConfirm your email address to make your ratings count toward the brand's shortlist:\n\n\
         {link}\n\nThe link works once, for seven days. If you did not sign up, ignore this email.\n"
    );
    crate::mail::enqueue(tx.ex(), email, "Confirm your email address", &text, now).await
}

#[derive(Deserialize, ToSchema)]
pub struct TokenBody {
    pub token: Option<String>,
}

pub struct TokenInput(String);

impl Input for TokenInput {
    type Raw = TokenBody;
    fn parse(raw: TokenBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let token = f.check("token", required(raw.token, |s| Ok(s.trim().to_string())));
        f.finish(|| Some(TokenInput(token?)))
    }
}

#[derive(Serialize, ToSchema)]
pub struct Verified {
    pub verified: bool,
}

/// Confirms an email address from the link in the verification email. Ratings the account
/// gave while unverified start counting at once.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "auth", request_body = TokenBody,
    responses((status = 200, body = Verified), (status = 422, body = crate::error::Problem, description = "`invalid_token`")))]
pub async fn verify_email(
    State(state): State<AppState>,
    Valid(TokenInput(secret)): Valid<TokenInput>,
) -> Result<Json<Verified>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let (account, email) = redeem(&mut tx, &secret, Purpose::VerifyEmail, now).await?;
    repo::confirm_email(tx.ex(), account, &email, now).await?;
    tx.commit().await?;
    state.sessions.changed();
    crate::community::ratings::count_qualified_ratings(
        &state.db,
        Some(account),
        &state.settings.public_url(),
        now_ms(),
    )
    .await?;
    Ok(Json(Verified { verified: true }))
}

/// Sends the verification email again (for the signed-in account, when not yet verified).
#[utoipa::path(post, path = "/api/v1/auth/resend-verification", tag = "auth",
    responses((status = 202), (status = 429, body = crate::error::Problem)))]
pub async fn resend_verification(State(state): State<AppState>, user: CurrentUser) -> Result<StatusCode> {
    if user.email_verified {
        return Ok(StatusCode::ACCEPTED);
    }
    state.throttle.begin_email(&user.email, Instant::now()).map_err(Error::too_many_attempts)?;
    let mut tx = state.db.begin().await?;
    send_verification(&state, &mut tx, user.id, &user.email, now_ms()).await?;
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct ForgotBody {
    pub email: Option<String>,
}

pub struct Forgot(Email);

impl Input for Forgot {
    type Raw = ForgotBody;
    fn parse(raw: ForgotBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let email = f.check("email", required(raw.email, Email::parse));
        f.finish(|| Some(Forgot(email?)))
    }
}

/// Sends a password reset link to the address if an account has it. Always 202, so the answer
/// never tells whether an account exists.
#[utoipa::path(post, path = "/api/v1/auth/forgot-password", tag = "auth", request_body = ForgotBody,
    responses((status = 202), (status = 422, body = crate::error::Problem), (status = 429, body = crate::error::Problem)))]
pub async fn forgot_password(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Valid(Forgot(email)): Valid<Forgot>,
) -> Result<StatusCode> {
    state.throttle.begin_email(email.as_str(), Instant::now()).map_err(Error::too_many_attempts)?;
    state.throttle.begin_email(&addr, Instant::now()).map_err(Error::too_many_attempts)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if let Some(account) = repo::find_account_by_email(tx.ex(), email.as_str()).await? {
        let secret = issue(tx.ex(), account.id, email.as_str(), Purpose::ResetPassword, RESET_TTL_MS, now).await?;
        let link = format!("{}/reset-password?token={secret}", state.settings.public_url());
        let text = format!(
            "Someone (we hope you) asked to reset the password of your cocreate account.\n\n\
             Choose a new password here:\n\n{link}\n\nThe link works once, for one hour. If you did not ask, \
             ignore this email: your password stays as it is.\n"
        );
        crate::mail::enqueue(tx.ex(), email.as_str(), "Reset your cocreate password", &text, now).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct ResetBody {
    pub token: Option<String>,
    pub password: Option<String>,
}

pub struct Reset {
    token: String,
    password: Password,
}

impl Input for Reset {
    type Raw = ResetBody;
    fn parse(raw: ResetBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let token = f.check("token", required(raw.token, |s| Ok(s.trim().to_string())));
        let password = f.check("password", required(raw.password, Password::parse));
        f.finish(|| Some(Reset { token: token?, password: password? }))
    }
}

/// Sets a new password from a reset link and signs out every session of the account. Following
/// the link also proves the address, so it counts as verified.
#[utoipa::path(post, path = "/api/v1/auth/reset-password", tag = "auth", request_body = ResetBody,
    responses((status = 204), (status = 422, body = crate::error::Problem, description = "`invalid_token` or a weak password")))]
pub async fn reset_password(State(state): State<AppState>, Valid(input): Valid<Reset>) -> Result<StatusCode> {
    let hash = passwords::hash(&input.password).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let (account, email) = redeem(&mut tx, &input.token, Purpose::ResetPassword, now).await?;
    repo::set_password_hash(tx.ex(), account, &hash, now).await?;
    repo::revoke_all_sessions(tx.ex(), account, now).await?;
    repo::confirm_email(tx.ex(), account, &email, now).await?;
    let entry = audit::Entry {
        actor: Some(account),
        action: "account.password_reset",
        target_type: "account",
        target_id: account.to_string(),
        detail: serde_json::json!({}),
    };
    audit::record(tx.ex(), entry).await?;
    tx.commit().await?;
    state.sessions.changed();
    crate::community::ratings::count_qualified_ratings(
        &state.db,
        Some(account),
        &state.settings.public_url(),
        now_ms(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
