//! What every request passes through to be observable: a request id (taken from a well-formed
//! `x-request-id` header or made new, returned on the response, in every log line of the request
//! and in problem bodies), a log line per request, and Prometheus metrics per route and status.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tracing::Instrument;

use crate::error::REQUEST_ID;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The process-wide Prometheus recorder (a process has one metrics registry).
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".into()),
                    &[0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
                )
                .expect("buckets are not empty")
                .build_recorder();
            let handle = recorder.handle();
            // A second app in the same process (tests) shares the first recorder.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

fn valid_incoming_id(v: &HeaderValue) -> Option<String> {
    let s = v.to_str().ok()?;
    (!s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .then(|| s.to_string())
}

pub async fn observe(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(valid_incoming_id)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let span = tracing::info_span!("request", request_id = %id, %method, path = %req.uri().path());
    let started = Instant::now();
    let _in_flight = InFlight::enter();

    let mut res = REQUEST_ID.scope(id.clone(), next.run(req)).instrument(span.clone()).await;

    let elapsed = started.elapsed();
    let status = res.status().as_u16().to_string();
    let labels = [("method", method.to_string()), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(elapsed.as_secs_f64());
    span.in_scope(|| {
        tracing::info!(status = res.status().as_u16(), latency_ms = elapsed.as_millis() as u64, "answered")
    });
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID_HEADER, v);
    }
    res
}

/// Counts a request in `http_requests_in_flight` for as long as it lives, however it ends.
struct InFlight;

impl InFlight {
    fn enter() -> InFlight {
        metrics::gauge!("http_requests_in_flight").increment(1.0);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics::gauge!("http_requests_in_flight").decrement(1.0);
    }
}

/// Error answers made below our handlers (a timeout, a panic, a framework rejection) carry no
/// body of ours: give them the same problem+json as every other error.
pub async fn bare_errors_as_problems(req: Request, next: Next) -> Response {
    use crate::error::{Error, ErrorCode};
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    let res = next.run(req).await;
    if !(res.status().is_client_error() || res.status().is_server_error())
        || res.headers().contains_key(axum::http::header::CONTENT_TYPE)
    {
        return res;
    }
    let code = match res.status() {
        StatusCode::REQUEST_TIMEOUT => ErrorCode::RequestTimeout,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => return res,
    };
    let mut problem = Error::code(code).into_response();
    for (name, value) in res.headers() {
        problem.headers_mut().entry(name).or_insert(value.clone());
    }
    problem
}

/// A handler that panicked answers 500 problem+json (and the panic is logged), instead of a
/// dropped connection.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    use axum::response::IntoResponse;
    let what = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a panic");
    crate::error::Error::Other(anyhow::anyhow!("handler panicked: {what}")).into_response()
}
