//! The one error type of the application and its mapping to `application/problem+json`
//! (RFC 9457). Every error a client can see has a stable `code` from [`ErrorCode`]; the detail of
//! an internal error is logged with the request id and never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Every error code a client may see, with its HTTP status and title, in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    MalformedJson,
    UnsupportedMediaType,
    PayloadTooLarge,
    InvalidPathParameter,
    InvalidQueryParameter,
    ValidationFailed,
    Unauthenticated,
    InvalidCredentials,
    InvalidRefreshToken,
    RefreshTokenReused,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    EmailTaken,
    LastAdmin,
    DesignNotEditable,
    NotRateable,
    OwnDesign,
    NotCommentable,
    EditWindowClosed,
    AlreadyReported,
    Claimed,
    AlreadyDecided,
    NotInReview,
    NotACreator,
    OfferClosed,
    TermsChanged,
    AlreadyRevised,
    NotRevisable,
    InvalidTransition,
    AccountSuspended,
    TooManyAttempts,
    RateLimited,
    NotReady,
    RequestTimeout,
    Internal,
}

impl ErrorCode {
    /// `(code, status, title)`: the stable contract with clients.
    pub const fn spec(self) -> (&'static str, StatusCode, &'static str) {
        use ErrorCode::*;
        match self {
            MalformedJson => ("malformed_json", StatusCode::BAD_REQUEST, "The request body is not valid JSON."),
            UnsupportedMediaType => (
                "unsupported_media_type",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "The request body must be application/json.",
            ),
            PayloadTooLarge => ("payload_too_large", StatusCode::PAYLOAD_TOO_LARGE, "The request body is too large."),
            InvalidPathParameter => {
                ("invalid_path_parameter", StatusCode::BAD_REQUEST, "A parameter in the URL is not valid.")
            }
            InvalidQueryParameter => {
                ("invalid_query_parameter", StatusCode::BAD_REQUEST, "A query parameter is not valid.")
            }
            ValidationFailed => ("validation_failed", StatusCode::UNPROCESSABLE_ENTITY, "Some fields are not valid."),
            Unauthenticated => ("unauthenticated", StatusCode::UNAUTHORIZED, "You need to sign in."),
            InvalidCredentials => {
                ("invalid_credentials", StatusCode::UNAUTHORIZED, "The email or the password is wrong.")
            }
            InvalidRefreshToken => {
                ("invalid_refresh_token", StatusCode::UNAUTHORIZED, "Your session has ended; sign in again.")
            }
            RefreshTokenReused => (
                "refresh_token_reused",
                StatusCode::UNAUTHORIZED,
                "This session was used twice and has been closed for your safety; sign in again.",
            ),
            Forbidden => ("forbidden", StatusCode::FORBIDDEN, "You are not allowed to do this."),
            NotFound => ("not_found", StatusCode::NOT_FOUND, "Nothing was found here."),
            MethodNotAllowed => {
                ("method_not_allowed", StatusCode::METHOD_NOT_ALLOWED, "This method is not allowed here.")
            }
            EmailTaken => ("email_taken", StatusCode::CONFLICT, "An account already uses this email."),
            LastAdmin => ("last_admin", StatusCode::CONFLICT, "The last admin cannot lose the admin role."),
            DesignNotEditable => (
                "design_not_editable",
                StatusCode::CONFLICT,
                "Only a draft can be changed; remix a published design instead.",
            ),
            NotRateable => ("not_rateable", StatusCode::CONFLICT, "Only a published design can be rated."),
            OwnDesign => {
                ("own_design", StatusCode::FORBIDDEN, "Nobody rates their own design, nor one they co-created.")
            }
            NotCommentable => ("not_commentable", StatusCode::CONFLICT, "Only a published design can be commented on."),
            EditWindowClosed => (
                "edit_window_closed",
                StatusCode::CONFLICT,
                "A comment can be edited for 15 minutes after it is posted.",
            ),
            AlreadyReported => ("already_reported", StatusCode::CONFLICT, "You have already reported this."),
            Claimed => ("claimed", StatusCode::CONFLICT, "Another curator is reviewing this design."),
            AlreadyDecided => {
                ("already_decided", StatusCode::CONFLICT, "The brand has already decided on this design.")
            }
            NotInReview => (
                "not_in_review",
                StatusCode::CONFLICT,
                "This design is no longer in review: its creator withdrew it or a moderator hid it.",
            ),
            NotACreator => {
                ("not_a_creator", StatusCode::FORBIDDEN, "Only the design's creators can answer this offer.")
            }
            OfferClosed => ("offer_closed", StatusCode::CONFLICT, "This offer is no longer open."),
            TermsChanged => {
                ("terms_changed", StatusCode::CONFLICT, "The terms changed since you read them; read them again.")
            }
            AlreadyRevised => ("already_revised", StatusCode::CONFLICT, "A new version of this design already exists."),
            NotRevisable => {
                ("not_revisable", StatusCode::CONFLICT, "The brand did not ask for changes to this design.")
            }
            InvalidTransition => {
                ("invalid_transition", StatusCode::CONFLICT, "The listing cannot make this move from its state.")
            }
            AccountSuspended => ("account_suspended", StatusCode::FORBIDDEN, "This account is suspended."),
            RateLimited => {
                ("rate_limited", StatusCode::TOO_MANY_REQUESTS, "Slow down: wait a little before doing that again.")
            }
            TooManyAttempts => (
                "too_many_attempts",
                StatusCode::TOO_MANY_REQUESTS,
                "Too many failed attempts; wait before trying again.",
            ),
            NotReady => ("not_ready", StatusCode::SERVICE_UNAVAILABLE, "The service is not ready."),
            RequestTimeout => ("request_timeout", StatusCode::REQUEST_TIMEOUT, "The request took too long."),
            Internal => ("internal_error", StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side."),
        }
    }

    pub const fn as_str(self) -> &'static str {
        self.spec().0
    }

    pub const fn status(self) -> StatusCode {
        self.spec().1
    }
}

/// One failing field of a request, as listed in a validation error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field's path in the request body, e.g. `email` or `options[2].quantity`.
    pub field: String,
    /// A stable code for the rule that failed, e.g. `required`, `too_long`, `unknown_field`.
    pub code: &'static str,
    /// A human sentence in English.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), code, message: message.into() }
    }

    /// The same error on a field nested under `prefix` (`terms.price`).
    pub fn prefixed(self, prefix: &str) -> Self {
        Self { field: format!("{prefix}.{}", self.field), ..self }
    }
}

/// Why a value was refused: a stable code and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub code: &'static str,
    pub message: String,
}

impl Issue {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Issue { code, message: message.into() }
    }

    pub fn required() -> Self {
        Issue::new("required", "This field is required.")
    }
}

/// Takes a required field: missing is an issue like any other.
pub fn required<T>(value: Option<String>, parse: impl FnOnce(&str) -> Result<T, Issue>) -> Result<T, Issue> {
    match value {
        Some(v) => parse(&v),
        None => Err(Issue::required()),
    }
}

/// The problem+json body every error response carries.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: &'static str,
    pub status: u16,
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An error the client caused or may see, with an optional detail sentence.
    #[error("{}: {}", .code.as_str(), .detail.as_deref().unwrap_or(""))]
    Client { code: ErrorCode, detail: Option<String>, retry_after_secs: Option<u64> },
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Error {
    pub fn code(code: ErrorCode) -> Self {
        Error::Client { code, detail: None, retry_after_secs: None }
    }

    pub fn detail(code: ErrorCode, detail: impl Into<String>) -> Self {
        Error::Client { code, detail: Some(detail.into()), retry_after_secs: None }
    }

    /// A 429 with `Retry-After`.
    fn wait(code: ErrorCode, retry_after_secs: u64) -> Self {
        Error::Client {
            code,
            detail: Some(format!("Try again in {retry_after_secs} seconds.")),
            retry_after_secs: Some(retry_after_secs),
        }
    }

    /// Too many ratings, comments or reports in a short time.
    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Error::wait(ErrorCode::RateLimited, retry_after_secs)
    }

    /// Too many sign-in attempts, sign-ups or emails asked for.
    pub fn too_many_attempts(retry_after_secs: u64) -> Self {
        Error::wait(ErrorCode::TooManyAttempts, retry_after_secs)
    }

    pub fn field(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn error_code(&self) -> ErrorCode {
        match self {
            Error::Client { code, .. } => *code,
            Error::Validation(_) => ErrorCode::ValidationFailed,
            Error::Database(_) | Error::Other(_) => ErrorCode::Internal,
        }
    }
}

/// A failed statement on a SQLite connection used through rusqlite: an internal error.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Other(anyhow::Error::new(e).context("SQLite"))
    }
}

/// Turns a unique or foreign-key violation of the named constraint into a client error, so a
/// conflict is decided by the database, never by matching an error message's text.
pub trait OnConstraint<T> {
    fn on_constraint(self, name: &str, to: impl FnOnce() -> Error) -> Result<T>;
}

impl<T> OnConstraint<T> for Result<T, sqlx::Error> {
    fn on_constraint(self, name: &str, to: impl FnOnce() -> Error) -> Result<T> {
        self.map_err(|e| match &e {
            sqlx::Error::Database(db) if constraint_matches(db.as_ref(), name) => to(),
            _ => Error::Database(e),
        })
    }
}

impl<T> OnConstraint<T> for Result<T> {
    fn on_constraint(self, name: &str, to: impl FnOnce() -> Error) -> Result<T> {
        self.map_err(|e| match &e {
            Error::Database(sqlx::Error::Database(db)) if constraint_matches(db.as_ref(), name) => to(),
            _ => e,
        })
    }
}

/// PostgreSQL names the violated constraint. SQLite does not, but for a unique index it reports
/// the indexed columns (`accounts.email`), so each unique constraint is declared as a named
/// unique index whose name is `<table>_<column>_key` and we match on that shape too.
fn constraint_matches(db: &dyn sqlx::error::DatabaseError, name: &str) -> bool {
    if let Some(c) = db.constraint() {
        return c == name;
    }
    db.is_unique_violation() && sqlite_unique_columns(db.message()).as_deref() == Some(name)
}

/// `UNIQUE constraint failed: accounts.email` -> `accounts_email_key`. This reads SQLite's
/// structured error format (table.column list), which is stable API in SQLite.
fn sqlite_unique_columns(message: &str) -> Option<String> {
    let cols = message.strip_prefix("UNIQUE constraint failed: ")?;
    let mut table = None;
    let mut names = Vec::new();
    for part in cols.split(", ") {
        let (t, c) = part.split_once('.')?;
        table.get_or_insert(t);
        names.push(c);
    }
    Some(format!("{}_{}_key", table?, names.join("_")))
}

tokio::task_local! {
    /// The id of the request being answered, set by the request-id middleware for the whole
    /// handling of a request so errors and audit entries can carry it.
    pub static REQUEST_ID: String;
}

/// The current request's id, if called while answering a request.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let code = self.error_code();
        let (code_str, status, title) = code.spec();
        let (detail, errors, retry_after) = match self {
            Error::Client { detail, retry_after_secs, .. } => (detail, Vec::new(), retry_after_secs),
            Error::Validation(errors) => (None, errors, None),
            Error::Database(e) => {
                tracing::error!(error = %e, "database error");
                (None, Vec::new(), None)
            }
            Error::Other(e) => {
                tracing::error!(error = format!("{e:#}"), "internal error");
                (None, Vec::new(), None)
            }
        };
        problem_response(status, code_str, title, detail, errors, retry_after)
    }
}

pub fn problem_response(
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: Option<String>,
    errors: Vec<FieldError>,
    retry_after: Option<u64>,
) -> Response {
    let problem = Problem {
        type_: format!("/api/problems/{code}"),
        title,
        status: status.as_u16(),
        code,
        detail,
        errors,
        request_id: current_request_id(),
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut res = (status, body).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    if let Some(secs) = retry_after {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_unique_message_maps_to_constraint_name() {
        assert_eq!(
            sqlite_unique_columns("UNIQUE constraint failed: accounts.email").as_deref(),
            Some("accounts_email_key")
        );
        assert_eq!(
            sqlite_unique_columns("UNIQUE constraint failed: ratings.design_id, ratings.account_id").as_deref(),
            Some("ratings_design_id_account_id_key")
        );
        assert_eq!(sqlite_unique_columns("NOT NULL constraint failed: x.y"), None);
    }

    #[test]
    fn codes_are_unique() {
        use ErrorCode::*;
        let all = [
            MalformedJson,
            UnsupportedMediaType,
            PayloadTooLarge,
            InvalidPathParameter,
            InvalidQueryParameter,
            ValidationFailed,
            Unauthenticated,
            InvalidCredentials,
            InvalidRefreshToken,
            RefreshTokenReused,
            Forbidden,
            NotFound,
            MethodNotAllowed,
            EmailTaken,
            LastAdmin,
            DesignNotEditable,
            NotRateable,
            OwnDesign,
            NotCommentable,
            EditWindowClosed,
            AlreadyReported,
            Claimed,
            AlreadyDecided,
            NotInReview,
            NotACreator,
            OfferClosed,
            TermsChanged,
            AlreadyRevised,
            NotRevisable,
            InvalidTransition,
            AccountSuspended,
            TooManyAttempts,
            RateLimited,
            NotReady,
            RequestTimeout,
            Internal,
        ];
        let mut codes: Vec<_> = all.iter().map(|c| c.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
