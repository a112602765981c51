//! Accounts: sign-up, sign-in, refresh-token rotation with theft detection, sign-out, password
//! change, the current account, and the admins' role management with its audit trail.

pub mod admin;
pub mod domain;
pub mod email;
pub mod passwords;
pub mod repo;
pub mod throttle;
pub mod tokens;

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit;
use crate::db::{Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Result, required};
use crate::http::{Access, Api, ClientAddr, CurrentUser, Fields, Input, Valid};
use domain::{DisplayName, Email, Password, Role};
use tokens::{ACCESS_TTL_SECS, REFRESH_TTL_MS, RefreshToken};

pub const REFRESH_COOKIE: &str = "cocreate_refresh";
pub const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";

pub fn routes(api: Api) -> Api {
    api.route(Access::Public, routes!(register))
        .route(Access::Public, routes!(login))
        .route(Access::Public, routes!(refresh))
        .route(Access::Public, routes!(logout))
        .route(Access::SignedIn, routes!(change_password))
        .route(Access::SignedIn, routes!(me))
        .route(Access::Public, routes!(email::verify_email))
        .route(Access::SignedIn, routes!(email::resend_verification))
        .route(Access::Public, routes!(email::forgot_password))
        .route(Access::Public, routes!(email::reset_password))
        .route(Access::ADMIN, routes!(crate::mail::outbox))
        .route(Access::ADMIN, routes!(admin::grant_role, admin::revoke_role))
        .route(Access::ADMIN, routes!(admin::list_users))
        .route(Access::ADMIN, routes!(admin::audit_log))
}

/// An account as its owner and admins see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    /// Always holds `customer`.
    pub roles: Vec<Role>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Whether the email address was confirmed (the link in the verification email).
    pub email_verified: bool,
}

impl AccountView {
    pub fn of(a: repo::AccountRow, roles: Vec<Role>) -> AccountView {
        AccountView {
            id: a.id,
            email: a.email,
            display_name: a.display_name,
            roles,
            created_at: a.created_at,
            email_verified: a.email_verified_at.is_some(),
        }
    }
}

impl From<CurrentUser> for AccountView {
    fn from(u: CurrentUser) -> Self {
        AccountView {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            roles: u.roles,
            created_at: u.created_at,
            email_verified: u.email_verified,
        }
    }
}

/// A signed-in session: the access token goes in `Authorization: Bearer`; the refresh token is
/// an HttpOnly cookie scoped to `/api/v1/auth`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub account: AccountView,
}

#[derive(Deserialize, ToSchema)]
pub struct RegisterBody {
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub password: Option<String>,
}

pub struct Register {
    email: Email,
    display_name: DisplayName,
    password: Password,
}

impl Input for Register {
    type Raw = RegisterBody;
    fn parse(raw: RegisterBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let email = f.check("email", required(raw.email, Email::parse));
        let display_name = f.check("display_name", required(raw.display_name, DisplayName::parse));
        let password = f.check("password", required(raw.password, Password::parse));
        f.finish(|| Some(Register { email: email?, display_name: display_name?, password: password? }))
    }
}

#[derive(Deserialize, ToSchema)]
pub struct LoginBody {
    pub email: Option<String>,
    pub password: Option<String>,
}

pub struct Login {
    /// As typed, normalised; not checked for shape (a wrong email is a wrong credential).
    email: String,
    password: String,
}

impl Input for Login {
    type Raw = LoginBody;
    fn parse(raw: LoginBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let email = f.check("email", required(raw.email, |s| non_empty(s.trim().to_lowercase())));
        let password = f.check("password", required(raw.password, |s| non_empty(s.to_string())));
        f.finish(|| Some(Login { email: email?, password: password? }))
    }
}

fn non_empty(s: String) -> Result<String, crate::error::Issue> {
    if s.is_empty() {
        Err(crate::error::Issue::required())
    } else if s.chars().count() > 256 {
        Err(crate::error::Issue::new("too_long", "This value is too long."))
    } else {
        Ok(s)
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ChangePasswordBody {
    pub current_password: Option<String>,
    pub new_password: Option<String>,
}

pub struct ChangePassword {
    current: String,
    new: Password,
}

impl Input for ChangePassword {
    type Raw = ChangePasswordBody;
    fn parse(raw: ChangePasswordBody) -> Result<Self, Vec<FieldError>> {
        let mut f = Fields::default();
        let current = f.check("current_password", required(raw.current_password, |s| non_empty(s.to_string())));
        let new = f.check("new_password", required(raw.new_password, Password::parse));
        f.finish(|| Some(ChangePassword { current: current?, new: new? }))
    }
}

/// Creates an account and signs it in.
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "auth", request_body = RegisterBody,
    responses(
        (status = 201, body = Session, description = "Signed up and signed in; sets the refresh cookie"),
        (status = 409, body = crate::error::Problem, description = "`email_taken`"),
        (status = 422, body = crate::error::Problem, description = "`validation_failed`, with every failing field"),
        (status = 429, body = crate::error::Problem, description = "`too_many_attempts`: too many sign-ups from this address"),
    ))]
async fn register(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    jar: CookieJar,
    Valid(input): Valid<Register>,
) -> Result<(StatusCode, CookieJar, Json<Session>)> {
    state.throttle.begin_signup(&addr, Instant::now()).map_err(Error::too_many_attempts)?;
    let hash = passwords::hash(&input.password).await?;
    let id = Uuid::now_v7();
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let new = repo::NewAccount {
        id,
        email: input.email.as_str(),
        display_name: input.display_name.as_str(),
        password_hash: &hash,
        now,
    };
    use crate::error::OnConstraint;
    repo::insert_account(tx.ex(), new)
        .await
        .on_constraint("accounts_email_key", || Error::code(ErrorCode::EmailTaken))?;
    email::send_verification(&state, &mut tx, id, input.email.as_str(), now).await?;
    let (session, jar) = start_session(&state, &mut tx, jar, id, None).await?;
    tx.commit().await?;
    tracing::info!(account = %id, "account registered");
    Ok((StatusCode::CREATED, jar, Json(session)))
}

/// Signs in. Too many failures for an account or from an address answer 429 with `Retry-After`.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginBody,
    responses(
        (status = 200, body = Session, description = "Signed in; sets the refresh cookie"),
        (status = 401, body = crate::error::Problem, description = "`invalid_credentials`"),
        (status = 403, body = crate::error::Problem, description = "`account_suspended` (or banned)"),
        (status = 429, body = crate::error::Problem, description = "`too_many_attempts`"),
    ))]
async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    jar: CookieJar,
    Valid(input): Valid<Login>,
) -> Result<(CookieJar, Json<Session>)> {
    state.throttle.begin_attempt(&input.email, &addr, Instant::now()).map_err(Error::too_many_attempts)?;
    let creds = {
        let mut conn = state.db.reader().await?;
        repo::credentials_by_email(conn.ex(), &input.email).await?
    };
    // An unknown email is checked against a dummy hash: it costs the same as a wrong password.
    let (id, hash) = creds.map(|c| (c.id, c.password_hash)).unzip();
    let verified = passwords::verify(&input.password, hash).await;
    let Some(id) = id.filter(|_| verified) else {
        return Err(Error::code(ErrorCode::InvalidCredentials));
    };
    state.throttle.succeeded(&input.email, &addr);
    let mut tx = state.db.begin().await?;
    // Locked, so a suspension committing now either comes first (and is seen here) or after
    // (and ends this new session too). Only the right password learns of it.
    repo::lock_account(tx.ex(), id).await?;
    match repo::blocked_until(tx.ex(), id).await? {
        Some(i64::MAX) => return Err(Error::detail(ErrorCode::AccountSuspended, "This account is banned.")),
        Some(until) if until > crate::db::now_ms() => {
            let when = crate::brand::utc_minute(until);
            return Err(Error::detail(ErrorCode::AccountSuspended, format!("This account is suspended until {when}.")));
        }
        _ => {}
    }
    let (session, jar) = start_session(&state, &mut tx, jar, id, None).await?;
    tx.commit().await?;
    Ok((jar, Json(session)))
}

/// Exchanges the refresh cookie for a new session. A refresh token works once: presenting one
/// that was already used ends its whole session family (someone else may hold a copy).
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    responses(
        (status = 200, body = Session, description = "A new access token and a rotated refresh cookie"),
        (status = 401, body = crate::error::Problem, description = "`invalid_refresh_token` or `refresh_token_reused`"),
    ))]
async fn refresh(
    State(state): State<AppState>,
    jar: CookieJar,
) -> Result<(CookieJar, Json<Session>), (CookieJar, Error)> {
    // A refused token clears the cookie; a server error leaves it alone (it may still be good).
    let signed_out = |code| (jar.clone().remove(removal_cookie()), Error::code(code));
    let keep = |e: Error| (CookieJar::new(), e);
    let token = jar
        .get(REFRESH_COOKIE)
        .and_then(|c| RefreshToken::parse(c.value()))
        .ok_or_else(|| signed_out(ErrorCode::InvalidRefreshToken))?;
    // Checked on a reader first, so a forged cookie never takes the writer.
    let account_id = session_holder(&state, &token)
        .await
        .map_err(keep)?
        .ok_or_else(|| signed_out(ErrorCode::InvalidRefreshToken))?;

    let now = now_ms();
    let mut tx = state.db.begin().await.map_err(keep)?;
    // Serialises with sign-out and password change on this account (a row lock on PostgreSQL),
    // then reads the token again: it may have been used or revoked meanwhile.
    repo::lock_account(tx.ex(), account_id).await.map_err(keep)?;
    let stored = repo::find_session(tx.ex(), token.session_id)
        .await
        .map_err(keep)?
        .ok_or_else(|| signed_out(ErrorCode::InvalidRefreshToken))?;
    if stored.revoked_at.is_some() || stored.expires_at <= now {
        return Err(signed_out(ErrorCode::InvalidRefreshToken));
    }
    if stored.used_at.is_some() || !repo::mark_session_used(tx.ex(), stored.id, now).await.map_err(keep)? {
        repo::revoke_family(tx.ex(), stored.family_id, now).await.map_err(keep)?;
        tx.commit().await.map_err(keep)?;
        state.sessions.changed();
        tracing::warn!(account = %stored.account_id, family = %stored.family_id, "refresh token reused; session family revoked");
        return Err(signed_out(ErrorCode::RefreshTokenReused));
    }
    let (session, jar) =
        start_session(&state, &mut tx, jar.clone(), stored.account_id, Some(stored.family_id)).await.map_err(keep)?;
    tx.commit().await.map_err(keep)?;
    Ok((jar, Json(session)))
}

/// The account a refresh token belongs to, when the token is one we issued (whatever its state).
async fn session_holder(state: &AppState, token: &RefreshToken) -> Result<Option<Uuid>> {
    let mut conn = state.db.reader().await?;
    let stored = repo::find_session(conn.ex(), token.session_id).await?;
    Ok(stored.filter(|s| tokens::same_hash(&s.token_hash, &token.hash())).map(|s| s.account_id))
}

/// Signs out: ends the session family of the refresh cookie and clears it.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204, description = "Signed out")))]
async fn logout(State(state): State<AppState>, jar: CookieJar) -> Result<(StatusCode, CookieJar)> {
    if let Some(token) = jar.get(REFRESH_COOKIE).and_then(|c| RefreshToken::parse(c.value()))
        && let Some(account_id) = session_holder(&state, &token).await?
    {
        let mut tx = state.db.begin().await?;
        repo::lock_account(tx.ex(), account_id).await?;
        if let Some(s) = repo::find_session(tx.ex(), token.session_id).await? {
            repo::revoke_family(tx.ex(), s.family_id, now_ms()).await?;
        }
        tx.commit().await?;
        state.sessions.changed();
    }
    Ok((StatusCode::NO_CONTENT, jar.remove(removal_cookie())))
}

/// Changes the password, ends every session of the account, and starts a new one here.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = ChangePasswordBody,
    responses(
        (status = 200, body = Session, description = "Changed; every other session is signed out"),
        (status = 422, body = crate::error::Problem, description = "`validation_failed` (`current_password` is `incorrect`)"),
        (status = 429, body = crate::error::Problem, description = "`too_many_attempts`"),
    ))]
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    ClientAddr(addr): ClientAddr,
    jar: CookieJar,
    Valid(input): Valid<ChangePassword>,
) -> Result<(CookieJar, Json<Session>)> {
    state.throttle.begin_attempt(&user.email, &addr, Instant::now()).map_err(Error::too_many_attempts)?;
    let stored = {
        let mut conn = state.db.reader().await?;
        repo::password_hash(conn.ex(), user.id).await?
    };
    if !passwords::verify(&input.current, stored).await {
        return Err(Error::field("current_password", "incorrect", "The current password is wrong."));
    }
    state.throttle.succeeded(&user.email, &addr);
    let hash = passwords::hash(&input.new).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // Updating the account row first also locks it, so a refresh racing this change either
    // finishes before (and its new token is revoked below) or waits and finds its token revoked.
    repo::set_password_hash(tx.ex(), user.id, &hash, now).await?;
    repo::revoke_all_sessions(tx.ex(), user.id, now).await?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "account.password_changed",
        target_type: "account",
        target_id: user.id.to_string(),
        detail: serde_json::json!({}),
    };
    audit::record(tx.ex(), entry).await?;
    let (session, jar) = start_session(&state, &mut tx, jar, user.id, None).await?;
    tx.commit().await?;
    state.sessions.changed();
    Ok((jar, Json(session)))
}

/// The signed-in account with its roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth",
    responses((status = 200, body = AccountView), (status = 401, body = crate::error::Problem)))]
async fn me(user: CurrentUser) -> Json<AccountView> {
    Json(user.into())
}

/// Issues an access token and a new refresh token (in `family`, or a new family), inside `tx`.
async fn start_session(
    state: &AppState,
    tx: &mut Tx,
    jar: CookieJar,
    account_id: Uuid,
    family: Option<Uuid>,
) -> Result<(Session, CookieJar)> {
    let now = now_ms();
    let token = RefreshToken::generate();
    let row = repo::SessionRow {
        id: token.session_id,
        family_id: family.unwrap_or_else(Uuid::now_v7),
        account_id,
        token_hash: token.hash(),
        expires_at: now + REFRESH_TTL_MS,
        used_at: None,
        revoked_at: None,
    };
    repo::insert_session(tx.ex(), &row, now).await?;
    let account = repo::find_account(tx.ex(), account_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let roles = repo::roles(tx.ex(), account_id).await?;
    let access_token = state.tokens.issue(account_id, row.family_id, now / 1000)?;
    let cookie = Cookie::build((REFRESH_COOKIE, token.encode()))
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.secure_cookies())
        .max_age(time::Duration::milliseconds(REFRESH_TTL_MS))
        .build();
    let session = Session {
        access_token,
        token_type: "Bearer",
        expires_in: ACCESS_TTL_SECS,
        account: AccountView::of(account, roles),
    };
    Ok((session, jar.add(cookie)))
}

fn removal_cookie() -> Cookie<'static> {
    Cookie::build((REFRESH_COOKIE, "")).path(REFRESH_COOKIE_PATH).build()
}
