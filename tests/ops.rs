//! Operations: health, readiness, metrics, request ids, the API docs, problem+json fallbacks,
//! serving the web app, and graceful shutdown.

mod common;

use common::{Backend, Options, TestApp, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

both!(health_and_readiness_answer, |app| {
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "ready");
});

async fn readiness_waits_for_migrations(backend: Backend) {
    let app = TestApp::spawn_with(backend, Options { migrate: false, ..Options::default() }).await;
    let res = app.client.get(app.url("/readyz")).send().await.unwrap();
    problem(res, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
    assert_eq!(app.client.get(app.url("/healthz")).send().await.unwrap().status(), StatusCode::OK);
    app.db.migrate().await.unwrap();
    assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
}

mod readiness_fails_until_migrations_are_applied {
    #[tokio::test]
    async fn sqlite() {
        super::readiness_waits_for_migrations(super::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        super::readiness_waits_for_migrations(super::Backend::Postgres).await
    }
}

both!(metrics_count_requests_per_route_and_status, |app| {
    app.client.get(app.url("/api/v1/me")).send().await.unwrap();
    let text = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("http_requests_total") && l.contains("route=\"/api/v1/me\"") && l.contains("status=\"401\"")
        })
        .unwrap_or_else(|| panic!("no counter for /api/v1/me in\n{text}"));
    assert!(line.ends_with(" 1") || line.split(' ').next_back().unwrap().parse::<f64>().unwrap() >= 1.0);
    assert!(text.contains("http_request_duration_seconds_bucket"), "latency is a histogram");
});

both!(every_response_carries_a_request_id, |app| {
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap();
    assert!(uuid::Uuid::try_parse(id).is_ok(), "{id}");
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "from-the-proxy-42").send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], "from-the-proxy-42");
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "bad id with spaces").send().await.unwrap();
    assert_ne!(res.headers()["x-request-id"], "bad id with spaces");
    let res = app.client.get(app.url("/api/v1/me")).header("x-request-id", "trace-me").send().await.unwrap();
    let body = problem(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(body["request_id"], "trace-me");
});

both!(the_api_is_documented_and_unknown_api_paths_are_problems, |app| {
    let doc: Value = app.get_json("/api/openapi.json").await;
    assert!(doc["paths"]["/api/v1/auth/register"]["post"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    let res = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().to_lowercase().contains("swagger"));
    let res = app.client.get(app.url("/api/docs/swagger-ui.css")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "the docs' assets are served from the binary");

    problem(app.client.get(app.url("/api/v1/nothing-here")).send().await.unwrap(), StatusCode::NOT_FOUND, "not_found")
        .await;
    let res = app.client.delete(app.url("/api/v1/auth/register")).send().await.unwrap();
    problem(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
});

fn web_dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<!doctype html><title>cocreate</title><div id=root></div>").unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/index-abc123.js"), "console.log('app')").unwrap();
    dir
}

#[tokio::test]
async fn the_web_app_is_served_with_spa_fallback_and_cache_headers() {
    let dist = web_dist();
    let app =
        TestApp::spawn_with(Backend::Sqlite, Options { web_dist: Some(dist.path().into()), ..Default::default() })
            .await;
    let res = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(res.text().await.unwrap().contains("id=root"));

    let res = app.client.get(app.url("/earnings/2026/11")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "a client-side route gets the app");
    assert!(res.text().await.unwrap().contains("id=root"));

    let res = app.client.get(app.url("/assets/index-abc123.js")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    let etag = res.headers()["etag"].clone();
    let res = app.client.get(app.url("/assets/index-abc123.js")).header("if-none-match", etag).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);

    let res = app.client.get(app.url("/assets/missing-999.js")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "a missing asset is not the app");
    // Sent raw: an HTTP client would normalise the dots away before they reach the server.
    for sneaky in ["/assets/../../../../etc/passwd", "/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd"] {
        let answer = raw_get(&app.base, sneaky).await;
        assert!(!answer.contains("root:"), "{sneaky} escaped the web folder:\n{answer}");
    }
    let res = app.client.post(app.url("/signin")).send().await.unwrap();
    problem(res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_a_request_in_flight_finish() {
    let mut app = TestApp::spawn(Backend::Sqlite).await;
    // The body arrives in two parts: the request is in flight when the shutdown begins.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(2);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let body = json!({ "email": "late@example.com", "display_name": "Late", "password": common::PASSWORD }).to_string();
    let (first, rest) = body.split_at(10);
    tx.send(Ok(first.as_bytes().to_vec())).await.unwrap();
    let request = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .header("content-type", "application/json")
        .header("content-length", body.len())
        .body(reqwest::Body::wrap_stream(stream))
        .send();
    let request = tokio::spawn(request);
    // Wait until the server is inside that request: in flight beside the /metrics call itself.
    let probe = app.new_client();
    loop {
        let text = probe.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
        let in_flight = text
            .lines()
            .find_map(|l| l.strip_prefix("http_requests_in_flight "))
            .map(|v| v.trim().parse::<f64>().unwrap())
            .unwrap_or(0.0);
        if in_flight >= 2.0 {
            break;
        }
        tokio::task::yield_now().await;
    }
    let shutdown = {
        let app_ref = &mut app;
        async move { app_ref.shutdown().await }
    };
    let finish = async {
        tx.send(Ok(rest.as_bytes().to_vec())).await.unwrap();
        drop(tx);
    };
    let ((), ()) = tokio::join!(shutdown, finish);
    let res = request.await.unwrap().expect("the request in flight got its answer");
    assert_eq!(res.status(), StatusCode::CREATED);
}

/// A GET sent byte for byte, with the path exactly as given.
async fn raw_get(base: &str, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}
