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
        // No text column can hold a NUL (PostgreSQL refuses it): refuse it here, for every field.
        let with_nul = strings_with_nul(&value, "");
        if !with_nul.is_empty() {
            let errors = with_nul
                .into_iter()
                .map(|f| FieldError::new(f, "invalid_characters", "This field holds a NUL character."))
                .collect();
            return Err(Error::Validation(errors));
        }
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

/// The paths of every string in `value` (keys included) that holds a NUL character.
fn strings_with_nul(value: &serde_json::Value, path: &str) -> Vec<String> {
    use serde_json::Value;
    let join = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
    match value {
        Value::String(s) if s.contains('\0') => vec![path.to_string()],
        Value::Array(items) => {
            items.iter().enumerate().flat_map(|(i, v)| strings_with_nul(v, &format!("{path}[{i}]"))).collect()
        }
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| {
                if k.contains('\0') { vec![join(&k.replace('\0', "\\0"))] } else { strings_with_nul(v, &join(k)) }
            })
            .collect(),
        _ => Vec::new(),
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

/// Query parameters; ones that do not parse are a 400 problem. A key may repeat to fill a list
/// (`free_of=gluten&free_of=milk`), as HTML forms send them (serde_html_form).
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for QueryParams<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self> {
        let query = parts.uri.query().unwrap_or_default();
        if query.to_ascii_lowercase().contains("%00") {
            return Err(Error::detail(ErrorCode::InvalidQueryParameter, "A query parameter holds a NUL character."));
        }
        serde_html_form::from_str::<T>(query).map(QueryParams).map_err(|e| {
            Error::detail(ErrorCode::InvalidQueryParameter, format!("Failed to deserialize query string: {e}"))
        })
    }
}

/// The client's network address, for throttling: the socket's peer, or, behind
/// `TRUSTED_PROXIES` reverse proxies, the address the outermost of them saw (read from the right
/// of `X-Forwarded-For`, so a client cannot choose it). IPv6 addresses count by their /64, the
/// block one subscriber gets.
pub struct ClientAddr(pub String);

impl FromRequestParts<crate::app::AppState> for ClientAddr {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &crate::app::AppState) -> Result<Self> {
        let peer = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let hops = state.settings.trusted_proxies;
        let ip = match hops {
            0 => peer,
            n => forwarded.iter().rev().nth(n - 1).and_then(|s| s.parse().ok()).or(peer),
        };
        Ok(ClientAddr(ip.map(throttle_key).unwrap_or_else(|| "unknown".to_string())))
    }
}

fn throttle_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

impl<S: Send + Sync> FromRequestParts<S> for crate::studio::catalog::Lang {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        let header = parts.headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        Ok(crate::studio::catalog::Lang::from_accept_language(header))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_addresses_count_by_their_block() {
        let a = throttle_key("2001:db8:1:2::1".parse().unwrap());
        let b = throttle_key("2001:db8:1:2:ffff::9".parse().unwrap());
        assert_eq!(a, b);
        assert_ne!(a, throttle_key("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(throttle_key("::ffff:10.1.2.3".parse().unwrap()), "10.1.2.3");
    }

    #[test]
    fn nul_characters_are_found_wherever_they_are() {
        let v = serde_json::json!({ "a": "ok", "b": "x\u{0}y", "c": [1, "z\u{0}"], "d": { "e": "\u{0}" } });
        let mut found = strings_with_nul(&v, "");
        found.sort();
        assert_eq!(found, ["b", "c[1]", "d.e"]);
    }
}
