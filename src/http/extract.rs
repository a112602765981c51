//! Extractors that turn a request into domain input, refusing bad input with our problem+json:
//! 415 for a body that is not JSON, 413 over the size limit, 400 for malformed JSON, and 422
//! listing every failing field (unknown fields, wrong types, and each domain rule broken).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorCode, FieldError, Result};

/// A request body: deserialised into `Raw` (the wire shape, fields optional), then parsed into
/// the domain type, which reports every field it refuses at once.
pub trait Input: Sized {
    type Raw: DeserializeOwned;
    fn parse(raw: Self::Raw) -> Result<Self, Vec<FieldError>>;
}

/// A JSON body parsed into `T`.
pub struct Valid<T>(pub T);

impl<S: Send + Sync, T: Input> FromRequest<S> for Valid<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self> {
        if !is_json(req.headers()) {
            return Err(Error::code(ErrorCode::UnsupportedMediaType));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Error::code(ErrorCode::PayloadTooLarge)
            } else {
                Error::detail(ErrorCode::MalformedJson, "The request body could not be read.")
            }
        })?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| Error::detail(ErrorCode::MalformedJson, e.to_string()))?;
        if !value.is_object() {
            return Err(Error::field("", "invalid_type", "The body must be a JSON object."));
        }
        let mut unknown = Vec::new();
        let mut on_unknown = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let ignored = serde_ignored::Deserializer::new(&value, &mut on_unknown);
        let raw: T::Raw = serde_path_to_error::deserialize(ignored).map_err(|e| {
            let field = e.path().to_string();
            Error::Validation(vec![FieldError::new(field, "invalid_type", e.into_inner().to_string())])
        })?;
        let unknown: Vec<FieldError> = unknown
            .into_iter()
            .map(|f| FieldError::new(f, "unknown_field", "This field is not expected here."))
            .collect();
        match T::parse(raw) {
            Ok(input) if unknown.is_empty() => Ok(Valid(input)),
            Ok(_) => Err(Error::Validation(unknown)),
            Err(mut errors) => {
                errors.extend(unknown);
                Err(Error::Validation(errors))
            }
        }
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(ct) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Collects the field errors of a whole input; see the accounts inputs for the pattern.
#[derive(Default)]
pub struct Fields(Vec<FieldError>);

impl Fields {
    /// Keeps the value, or records why it was refused under `field`.
    pub fn check<T>(&mut self, field: &str, result: Result<T, crate::error::Issue>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(issue) => {
                self.0.push(FieldError::new(field, issue.code, issue.message));
                None
            }
        }
    }

    /// The input, when every field passed; otherwise every failing field.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        match build() {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(self.0),
        }
    }
}

/// A path parameter; one that does not parse is a 400 problem, not axum's plain text.
pub struct PathParam<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParam<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| PathParam(p.0))
            .map_err(|e| Error::detail(ErrorCode::InvalidPathParameter, e.body_text()))
    }
}

/// Query parameters; ones that do not parse are a 400 problem.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for QueryParams<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| QueryParams(q.0))
            .map_err(|e| Error::detail(ErrorCode::InvalidQueryParameter, e.body_text()))
    }
}

/// The client's network address, as the server's socket saw it.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        let addr = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_else(|| "unknown".to_string());
        Ok(ClientAddr(addr))
    }
}
