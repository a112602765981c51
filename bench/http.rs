//! `make bench`: request throughput and latency of the real app on SQLite, over loopback, each
//! figure printed beside a baseline measured in the same run (`/healthz`, which touches no
//! database), so the numbers mean something on any machine. Bounded in time and count.

/// The server's allocator (see src/main.rs), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use cocreate::accounts::tokens::TokenKeys;
use cocreate::app::{self, AppState};
use cocreate::db::Db;
use cocreate::settings::{DatabaseUrl, LogFormat, Mode, Settings};
use serde_json::json;

const CONCURRENCY: usize = 16;
const DURATION: Duration = Duration::from_secs(3);
const MAX_REQUESTS: usize = 200_000;

struct Figures {
    requests: usize,
    per_sec: f64,
    p50: Duration,
    p99: Duration,
}

async fn load<F, Fut>(make: F) -> Figures
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let started = Instant::now();
    let per_worker = MAX_REQUESTS / CONCURRENCY;
    let workers: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let make = make.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while started.elapsed() < DURATION && latencies.len() < per_worker {
                    let t = Instant::now();
                    assert!(make().await, "a request failed during the benchmark");
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let elapsed = started.elapsed();
    all.sort();
    let at = |q: f64| all[((all.len() as f64 - 1.0) * q) as usize];
    Figures { requests: all.len(), per_sec: all.len() as f64 / elapsed.as_secs_f64(), p50: at(0.5), p99: at(0.99) }
}

fn print(name: &str, f: &Figures, baseline: Option<&Figures>) {
    let ratio = baseline.map(|b| format!("  ({:.2}x baseline)", f.per_sec / b.per_sec)).unwrap_or_default();
    println!(
        "{name:<34} {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  n={}{ratio}",
        f.per_sec,
        f.p50.as_secs_f64() * 1e3,
        f.p99.as_secs_f64() * 1e3,
        f.requests
    );
}

#[tokio::main]
async fn main() {
    cocreate::install_crypto_provider();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let settings = Settings {
        database_url: DatabaseUrl::new(url),
        trusted_proxies: 0,
        bind_addr: "127.0.0.1:0".parse().unwrap(),
        public_url: None,
        data_dir: dir.path().to_path_buf(),
        token_signing_key: None,
        mode: Mode::Development,
        migrate_on_start: true,
        web_dist: None,
        log_format: LogFormat::Text,
        smtp_url: None,
        mail_from: "cocreate <no-reply@bench.localhost>".into(),
    };
    let tokens = TokenKeys::load(&settings).unwrap();
    cocreate::demo::seed(&db).await.unwrap();
    let (router, _) = app::router(AppState::new(db.clone(), settings, tokens));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(app::serve(listener, router, std::future::pending()));

    let client = reqwest::Client::new();
    let session: serde_json::Value = client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&json!({ "email": "bench@example.com", "display_name": "Bench", "password": "bench password 1" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = session["access_token"].as_str().unwrap().to_string();

    println!("cocreate HTTP benchmark: SQLite, {CONCURRENCY} concurrent clients, {DURATION:?} per figure");
    let (c, b) = (client.clone(), base.clone());
    let baseline = load(move || {
        let (c, b) = (c.clone(), b.clone());
        async move { c.get(format!("{b}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) }
    })
    .await;
    print("baseline GET /healthz", &baseline, None);

    let (c, b, t) = (client.clone(), base.clone(), token.clone());
    let me = load(move || {
        let (c, b, t) = (c.clone(), b.clone(), t.clone());
        async move { c.get(format!("{b}/api/v1/me")).bearer_auth(t).send().await.is_ok_and(|r| r.status().is_success()) }
    })
    .await;
    print("GET /api/v1/me (JWT, session kept 1 s)", &me, Some(&baseline));

    // Sign-ins spread over many accounts, as in life (one account's attempts are throttled).
    let accounts = 64;
    for i in 0..accounts {
        let email = format!("reader{i}@example.com");
        cocreate::cli::create_user(
            &db,
            &email,
            Some("Reader"),
            "bench password 1",
            cocreate::accounts::domain::Role::Customer,
        )
        .await
        .unwrap();
    }
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (c, b) = (client.clone(), base.clone());
    let login = load(move || {
        let (c, b) = (c.clone(), b.clone());
        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % accounts;
        async move {
            let body = json!({ "email": format!("reader{i}@example.com"), "password": "bench password 1" });
            c.post(format!("{b}/api/v1/auth/login")).json(&body).send().await.is_ok_and(|r| r.status().is_success())
        }
    })
    .await;
    print("POST /api/v1/auth/login (argon2id)", &login, Some(&baseline));

    // The studio: a quote for a full burger, re-priced on every pick.
    let templates: serde_json::Value =
        client.get(format!("{base}/api/v1/templates")).send().await.unwrap().json().await.unwrap();
    let burger_id =
        templates["items"].as_array().unwrap().iter().find(|t| t["slug"] == "burger").unwrap()["id"].clone();
    let burger: serde_json::Value = client
        .get(format!("{base}/api/v1/templates/{}", burger_id.as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let groups = burger["groups"].as_array().unwrap();
    let pick = |g: usize, o: usize| json!({ "option_id": groups[g]["options"][o]["id"], "quantity": 1 });
    let selection = json!({ "template_id": burger_id, "choices": [pick(0, 1), pick(1, 0), pick(2, 0), pick(3, 0), pick(3, 1), pick(4, 3)] });
    let (c, b) = (client.clone(), base.clone());
    let quote = load(move || {
        let (c, b, body) = (c.clone(), b.clone(), selection.clone());
        async move {
            c.post(format!("{b}/api/v1/designs/quote")).json(&body).send().await.is_ok_and(|r| r.status().is_success())
        }
    })
    .await;
    print("POST /api/v1/designs/quote (burger)", &quote, Some(&baseline));

    // Share pictures: the first render of a design, then the cached picture over HTTP.
    let slugs: Vec<String> = {
        let mut conn = db.reader().await.unwrap();
        cocreate::on_db!(conn.ex(), |c| sqlx::query_scalar::<_, String>(
            "SELECT slug FROM designs WHERE slug IS NOT NULL ORDER BY slug"
        )
        .fetch_all(&mut *c)
        .await)
        .unwrap()
    };
    let mut first = Vec::new();
    for slug in slugs.iter().take(20) {
        let t = Instant::now();
        let res = client.get(format!("{base}/d/{slug}/preview.png")).send().await.unwrap();
        assert!(res.status().is_success());
        res.bytes().await.unwrap();
        first.push(t.elapsed());
    }
    first.sort();
    println!(
        "{:<34} p50 {:>7.2} ms  max {:>7.2} ms  n={}",
        "preview.png first render (HTTP)",
        first[first.len() / 2].as_secs_f64() * 1e3,
        first[first.len() - 1].as_secs_f64() * 1e3,
        first.len()
    );
    let cached_slug = slugs[0].clone();
    let (c, b) = (client.clone(), base.clone());
    let cached = load(move || {
        let (c, b, s) = (c.clone(), b.clone(), cached_slug.clone());
        async move {
            match c.get(format!("{b}/d/{s}/preview.png")).send().await {
                Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                _ => false,
            }
        }
    })
    .await;
    print("GET preview.png (cached)", &cached, Some(&baseline));
}
