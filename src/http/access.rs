//! Who may call a route. Every route is registered with an [`Access`]; a layer enforces it before
//! the handler (and before the body is read), and puts the caller in the request for
//! [`CurrentUser`]. The same table drives the test that walks every route.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use crate::accounts::domain::Role;
use crate::accounts::repo;
use crate::app::AppState;
use crate::error::{Error, ErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone; a valid token, when sent, still identifies the caller (an invalid one is ignored).
    Public,
    /// Any signed-in account.
    SignedIn,
    /// A signed-in account holding at least one of these roles.
    AnyOf(&'static [Role]),
}

impl Access {
    pub const ADMIN: Access = Access::AnyOf(&[Role::Admin]);
    pub const BRAND: Access = Access::AnyOf(Role::BRAND);
}

/// The signed-in caller, as the database says now (roles are read per request, so a revoked
/// role or session stops working at once, not when the token expires).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub created_at: i64,
    pub email_verified: bool,
    /// The session family of the token.
    pub session_family: Uuid,
}

impl CurrentUser {
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|r| roles.contains(r))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = Error;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        parts.extensions.get::<CurrentUser>().cloned().ok_or_else(|| Error::code(ErrorCode::Unauthenticated))
    }
}

/// The caller when signed in, on a public route.
pub struct MaybeUser(pub Option<CurrentUser>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = Error;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        Ok(MaybeUser(parts.extensions.get::<CurrentUser>().cloned()))
    }
}

#[derive(Clone)]
pub struct Guard {
    pub state: AppState,
    pub access: Access,
}

pub async fn enforce(State(guard): State<Guard>, mut req: Request, next: Next) -> Response {
    let user = match (bearer(&req), guard.access) {
        (None, _) => None,
        // On a public route a stale token is no reason to refuse: the caller is anonymous, and
        // may be on its way to /auth/refresh.
        (Some(t), Access::Public) => authenticate(&guard.state, &t).await.ok().flatten(),
        (Some(t), _) => match authenticate(&guard.state, &t).await {
            Ok(user) => user,
            Err(e) => return e.into_response(),
        },
    };
    let refused = match (guard.access, &user) {
        (Access::Public, _) => None,
        (_, None) => Some(ErrorCode::Unauthenticated),
        (Access::SignedIn, Some(_)) => None,
        (Access::AnyOf(roles), Some(u)) => (!u.has_any(roles)).then_some(ErrorCode::Forbidden),
    };
    if let Some(code) = refused {
        let mut res = Error::code(code).into_response();
        if code == ErrorCode::Unauthenticated {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        return res;
    }
    if let Some(u) = user {
        req.extensions_mut().insert(u);
    }
    next.run(req).await
}

fn bearer(req: &Request) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

/// The account behind a token: `Ok(None)` never happens for a token that was sent; a bad,
/// expired or revoked token is a 401 whatever the route, so a client knows to refresh.
async fn authenticate(state: &AppState, token: &str) -> Result<Option<CurrentUser>> {
    let unauthenticated = || Error::detail(ErrorCode::Unauthenticated, "The access token is not valid.");
    let claims = state.tokens.verify(token).ok_or_else(unauthenticated)?;
    let (account, live, roles) =
        repo::session_account(&state.db, claims.sub, claims.sid).await?.ok_or_else(unauthenticated)?;
    if !live {
        return Err(Error::detail(ErrorCode::Unauthenticated, "This session has ended."));
    }
    Ok(Some(CurrentUser {
        id: account.id,
        email: account.email,
        display_name: account.display_name,
        roles,
        created_at: account.created_at,
        email_verified: account.email_verified_at.is_some(),
        session_family: claims.sid,
    }))
}
