//! Who may call a route. Every route is registered with an [`Access`]; a layer enforces it before
//! the handler (and before the body is read), and puts the caller in the request for
//! [`CurrentUser`]. The same table drives the test that walks every route.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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

/// The signed-in caller, as the database says (read per session at most once a [`SESSION_TTL`],
/// and again at once after this process changes a session or an account: a revoked role or
/// session stops working at once, not when the token expires; see [`SessionCache`]).
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
    let key = (claims.sub, claims.sid);
    let found = match state.sessions.get(key) {
        Some(found) => found,
        None => {
            let generation = state.sessions.generation();
            let found = repo::session_account(&state.db, claims.sub, claims.sid).await?;
            state.sessions.put(key, generation, found.clone());
            found
        }
    };
    let (account, live, roles) = found.ok_or_else(unauthenticated)?;
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

/// How long a session read from the database serves the requests that carry it. A change made
/// by this process ([`SessionCache::changed`]) takes effect at once; one made elsewhere (the
/// command line, another server on the same PostgreSQL) within this time.
pub const SESSION_TTL: Duration = Duration::from_secs(1);

/// What the database said about a session: its account, whether it is live, its roles.
type SessionRow = Option<(repo::AccountRow, bool, Vec<Role>)>;

/// Sessions read recently, so that a signed-in request need not read the database. Every
/// signed-in request used to read its session (account, liveness, roles): on SQLite, under a
/// storm of ratings, those reads were a tenth of the process's CPU and, worse, each began a read
/// transaction that had to wait for the writer's commits (`make bench`, `perf`).
///
/// After committing a change to a session, an account's roles, e-mail or moderation state,
/// call [`SessionCache::changed`]: it forgets everything, and a read that began before it does
/// not store what it read, so nothing read before the commit is served after it.
#[derive(Debug, Default)]
pub struct SessionCache {
    entries: Mutex<HashMap<(Uuid, Uuid), Entry>>,
    generation: AtomicU64,
}

#[derive(Debug)]
struct Entry {
    read_at: Instant,
    found: SessionRow,
}

/// More sessions than this in the cache, and the stale ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

impl SessionCache {
    /// Forgets every session read so far; call after committing a change that alters one.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.lock().clear();
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    fn get(&self, key: (Uuid, Uuid)) -> Option<SessionRow> {
        let entries = self.lock();
        let e = entries.get(&key)?;
        (e.read_at.elapsed() < SESSION_TTL).then(|| e.found.clone())
    }

    /// Keeps what a read that began at `generation` found, unless something changed since. (The
    /// check and the insert hold the lock that [`SessionCache::changed`] clears under, after
    /// counting the change, so no entry read before a change outlives it.)
    fn put(&self, key: (Uuid, Uuid), generation: u64, found: SessionRow) {
        let mut entries = self.lock();
        if self.generation() != generation {
            return;
        }
        if entries.len() >= SWEEP_ABOVE {
            entries.retain(|_, e| e.read_at.elapsed() < SESSION_TTL);
        }
        entries.insert(key, Entry { read_at: Instant::now(), found });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Uuid, Uuid), Entry>> {
        // A panic while holding the lock leaves at worst a stale entry, which expires.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A read that began before a change is not kept (it may have seen the state before the
    /// commit); one that began after is.
    #[test]
    fn a_read_begun_before_a_change_is_not_kept() {
        let cache = SessionCache::default();
        let key = (Uuid::now_v7(), Uuid::now_v7());
        let before = cache.generation();
        cache.changed();
        cache.put(key, before, None);
        assert!(cache.get(key).is_none());
        cache.put(key, cache.generation(), None);
        assert!(cache.get(key).is_some());
        cache.changed();
        assert!(cache.get(key).is_none(), "a change forgets what was kept");
    }
}
