//! The web app's production build, served by the same binary: the files Vite hashed are cached
//! for a year, everything else revalidates, and any other path that is not the API gets
//! `index.html` so the app's router can answer it.

use std::borrow::Cow;
use std::path::PathBuf;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::error::{Error, ErrorCode};

#[derive(RustEmbed)]
#[folder = "frontend/dist"]
#[allow_missing = true]
struct Embedded;

struct Asset {
    bytes: Cow<'static, [u8]>,
    etag: String,
}

fn load(dir: Option<&PathBuf>, path: &str) -> Option<Asset> {
    match dir {
        Some(dir) => {
            if path.split('/').any(|seg| seg == "..") {
                return None;
            }
            let bytes = std::fs::read(dir.join(path)).ok()?;
            let etag = etag_of(&Sha256::digest(&bytes));
            Some(Asset { bytes: Cow::Owned(bytes), etag })
        }
        None => {
            let file = Embedded::get(path)?;
            let etag = etag_of(&file.metadata.sha256_hash());
            Some(Asset { bytes: file.data, etag })
        }
    }
}

/// The web app's `index.html`, if it is built.
pub fn index_html(state: &AppState) -> Option<String> {
    let asset = load(state.settings.web_dist.as_ref(), "index.html")?;
    String::from_utf8(asset.bytes.into_owned()).ok()
}

/// A strong ETag from the first 16 bytes of a SHA-256.
fn etag_of(sha256: &[u8]) -> String {
    let hex: String = sha256.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

pub async fn serve(State(state): State<AppState>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path == "api" || path.starts_with("api/") {
        return Error::code(ErrorCode::NotFound).into_response();
    }
    if method != Method::GET && method != Method::HEAD {
        return Error::code(ErrorCode::MethodNotAllowed).into_response();
    }
    let dir = state.settings.web_dist.as_ref();
    let (asset, name, is_index) = match load(dir, path).filter(|_| !path.is_empty()) {
        Some(a) => (a, path, false),
        None => match load(dir, "index.html") {
            Some(a) => (a, "index.html", true),
            None => return not_built(),
        },
    };
    // A missing file with an extension is a 404, not the app: a broken image must not get HTML.
    if is_index && !path.is_empty() && path.rsplit('/').next().is_some_and(|last| last.contains('.')) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let cache = if name.starts_with("assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut res = if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(asset.etag.as_str()) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mime = mime_guess::from_path(name).first_or_octet_stream();
        let mut res = Body::from(asset.bytes).into_response();
        if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
            res.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        res
    };
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&asset.etag) {
        h.insert(header::ETAG, v);
    }
    res
}

pub fn not_built() -> Response {
    let body = "<!doctype html><meta charset=utf-8><title>cocreate</title>\
                <p>The web app is not built. Run <code>make run</code>, or <code>npm run build</code> in frontend/.</p>";
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}
