//! The test harness: the real app on a random port with a fresh database of its own, on SQLite
//! or on PostgreSQL (a database created on `TEST_POSTGRES_URL` for the test and dropped after).
//!
//! `both!` writes a test once and runs it on both backends as `<name>::sqlite` and
//! `<name>::postgres`; `make test` leaves out the `::postgres` ones, and says so, when
//! `TEST_POSTGRES_URL` is not set.
#![allow(dead_code)]

pub mod brand;

use std::path::PathBuf;
use std::time::Duration;

use cocreate::accounts::tokens::TokenKeys;
use cocreate::app::{self, AppState};
use cocreate::db::Db;
use cocreate::settings::{DatabaseUrl, LogFormat, Mode, Settings};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use tokio::sync::oneshot;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs the body on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! both {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            async fn run($app: $crate::common::TestApp) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                run($crate::common::TestApp::spawn($crate::common::Backend::Sqlite).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                run($crate::common::TestApp::spawn($crate::common::Backend::Postgres).await).await
            }
        }
    };
}

/// A database of the test's own; dropped (PostgreSQL) or deleted (SQLite) at the end.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    dir: Option<tempfile::TempDir>,
    pg_admin: Option<(String, String)>,
}

impl TestDb {
    pub async fn create(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                TestDb { url, backend, dir: Some(dir), pg_admin: None }
            }
            Backend::Postgres => {
                let admin = std::env::var("TEST_POSTGRES_URL").expect(
                    "TEST_POSTGRES_URL is not set: PostgreSQL tests need a server (make test skips them without it)",
                );
                let name = format!("cocreate_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
                    .await
                    .expect("connect to TEST_POSTGRES_URL");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let url = with_database(&admin, &name);
                TestDb { url, backend, dir: None, pg_admin: Some((admin, name)) }
            }
        }
    }

    pub fn dir(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.path().to_path_buf())
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_admin.take() {
            // Drop runs inside the test's runtime: do the async work on a thread of its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                rt.block_on(async {
                    if let Ok(mut conn) = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await;
                    }
                });
            })
            .join();
        }
    }
}

/// `postgres://u@h:5432/test?x=y` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

pub fn test_settings(db_url: &str, data_dir: PathBuf) -> Settings {
    Settings {
        database_url: DatabaseUrl::new(db_url),
        trusted_proxies: 0,
        bind_addr: "127.0.0.1:0".parse().unwrap(),
        public_url: None,
        data_dir,
        token_signing_key: None,
        mode: Mode::Development,
        migrate_on_start: true,
        web_dist: None,
        log_format: LogFormat::Text,
        smtp_url: None,
        mail_from: "cocreate <no-reply@test.localhost>".into(),
    }
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub backend: Backend,
    /// A client that keeps cookies, like a browser.
    pub client: Client,
    pub test_db: TestDb,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _data: tempfile::TempDir,
}

pub struct Options {
    pub migrate: bool,
    pub web_dist: Option<PathBuf>,
    pub public_url: Option<String>,
    pub trusted_proxies: usize,
    pub smtp_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { migrate: true, web_dist: None, public_url: None, trusted_proxies: 0, smtp_url: None }
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, Options::default()).await
    }

    pub async fn spawn_with(backend: Backend, options: Options) -> TestApp {
        TestApp::start(TestDb::create(backend).await, options).await
    }

    /// The app on a database the test has already prepared.
    pub async fn spawn_on(test_db: TestDb) -> TestApp {
        TestApp::start(test_db, Options::default()).await
    }

    async fn start(test_db: TestDb, options: Options) -> TestApp {
        cocreate::install_crypto_provider();
        let backend = test_db.backend;
        let db = Db::connect(&test_db.url).await.expect("connect");
        if options.migrate {
            db.migrate().await.expect("migrate");
            // Fresh test accounts' ratings count at once; the tests of who counts set stricter
            // thresholds themselves.
            exec(&db, "UPDATE brand_settings SET min_account_age_days = 0, require_verified_email = FALSE").await;
        }
        let data = tempfile::tempdir().expect("temp dir");
        let mut settings = test_settings(&test_db.url, data.path().to_path_buf());
        settings.web_dist = options.web_dist;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        // Links in emails point at the address the test reaches.
        settings.public_url = options.public_url.or_else(|| Some(base.clone()));
        settings.trusted_proxies = options.trusted_proxies;
        settings.smtp_url = options.smtp_url.map(cocreate::settings::Secret::new);
        let tokens = TokenKeys::load(&settings).expect("keys");
        let state = AppState::new(db.clone(), settings, tokens);
        let (router, _) = app::router(state);
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            app::serve(listener, router, async {
                let _ = rx.await;
            })
            .await
            .expect("server");
        });
        TestApp {
            base,
            db,
            backend,
            client: new_client(),
            test_db,
            shutdown: Some(tx),
            server: Some(server),
            _data: data,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A second browser: no cookies shared with `client`.
    pub fn new_client(&self) -> Client {
        new_client()
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.client.post(self.url(path)).json(&body).send().await.expect("request")
    }

    /// An anonymous GET's JSON body.
    pub async fn get_json(&self, path: &str) -> Value {
        self.client.get(self.url(path)).send().await.expect("request").json().await.expect("a JSON body")
    }

    pub async fn get_with(&self, path: &str, token: &str) -> Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.expect("request")
    }

    /// Signs up a new customer with `client`; returns the session JSON.
    pub async fn register(&self, client: &Client, email: &str) -> Value {
        let body = json!({ "email": email, "display_name": "Test Person", "password": PASSWORD });
        let res = client.post(self.url("/api/v1/auth/register")).json(&body).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "register {email}");
        res.json().await.unwrap()
    }

    /// Signs up and returns the access token.
    pub async fn token_for(&self, email: &str) -> String {
        let session = self.register(&new_client(), email).await;
        session["access_token"].as_str().unwrap().to_string()
    }

    /// A customer made without the sign-up throttle (for tests that need a crowd); their
    /// email is verified.
    pub async fn voter(&self, email: &str) -> String {
        self.token_with_role(email, cocreate::accounts::domain::Role::Customer).await
    }

    /// An account holding `role`, granted through the command line's code path.
    pub async fn token_with_role(&self, email: &str, role: cocreate::accounts::domain::Role) -> String {
        cocreate::cli::create_user(&self.db, email, Some("Brand Person"), PASSWORD, role).await.expect("create user");
        let body = json!({ "email": email, "password": PASSWORD });
        let res = new_client().post(self.url("/api/v1/auth/login")).json(&body).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let v: Value = res.json().await.unwrap();
        v["access_token"].as_str().unwrap().to_string()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let mut conn = self.db.reader().await.unwrap();
        cocreate::on_db!(conn.ex(), |c| sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone())).fetch_one(&mut *c).await)
            .unwrap()
    }

    /// Runs a statement on the app's database (to set up what the API cannot, like time passing).
    pub async fn exec(&self, sql: &str) {
        exec(&self.db, sql).await;
    }

    /// Stops the server the way SIGTERM does and waits for it to finish.
    pub async fn shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            tokio::time::timeout(Duration::from_secs(10), server).await.expect("server stops").expect("server task");
        }
    }
}

pub const PASSWORD: &str = "a long enough password";

fn new_client() -> Client {
    Client::builder().cookie_store(true).build().expect("client")
}

/// Reads a problem+json answer, checking its content type and status.
pub async fn problem(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status, "status");
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert_eq!(ct, "application/problem+json");
    let body: Value = res.json().await.expect("problem body");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status.as_u16());
    body
}

/// The fields a validation problem lists, sorted.
pub fn failing_fields(problem: &Value) -> Vec<String> {
    let mut fields: Vec<String> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_string()).collect();
    fields.sort();
    fields
}

/// A flat SVG layer that passes the studio's rules.
pub const LAYER: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><rect x="60" y="250" width="280" height="50" rx="25" fill="#6b3a1f"/></svg>"##;

/// A curator's token and a one-group, one-option template (a €7.00 burger with a €2.50 beef
/// patty, which must be chosen).
pub async fn one_option_template(app: &TestApp) -> (String, Value) {
    let curator = app.token_with_role("curator@example.com", cocreate::accounts::domain::Role::Curator).await;
    let option = json!({ "name": { "en": "Beef", "fr": "Bœuf" }, "price_delta": 250,
        "nutrition": { "kcal": 300, "protein_mg": 0, "carbohydrate_mg": 0, "fat_mg": 0, "salt_mg": 0 }, "layer_svg": LAYER, "layer_z": 1 });
    let template = json!({ "slug": "burger", "name": { "en": "Burger", "fr": "Burger" }, "description": { "en": "B", "fr": "B" },
        "base_price": { "amount_minor": 700, "currency": "EUR" }, "base_layer_svg": LAYER,
        "groups": [{ "name": { "en": "Patty", "fr": "Steak" }, "min_choices": 1, "max_choices": 1, "options": [option] }] });
    let res = app.client.post(app.url("/api/v1/templates")).bearer_auth(&curator).json(&template).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    (curator, res.json().await.unwrap())
}

/// A draft of `name` by the holder of `token`, made of the template's first option.
pub async fn one_option_draft(app: &TestApp, token: &str, template: &Value, name: &str, story: &str) -> Value {
    let body = json!({ "template_id": template["id"], "choices": [{ "option_id": template["groups"][0]["options"][0]["id"] }], "name": name, "story": story });
    let res = app.client.post(app.url("/api/v1/designs")).bearer_auth(token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

/// Publishes `name` (made of the template's first option) by the holder of `token`; returns its id.
pub async fn publish(app: &TestApp, token: &str, template: &Value, name: &str) -> String {
    let d = one_option_draft(app, token, template, name, "").await;
    let id = d["id"].as_str().unwrap().to_string();
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/publish"))).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    id
}

/// A published design by a new creator; returns (creator token, design id).
pub async fn published(app: &TestApp) -> (String, String) {
    let (_, t) = one_option_template(app).await;
    let creator = app.token_for("creator@example.com").await;
    let id = publish(app, &creator, &t, "Rate Me").await;
    (creator, id)
}

/// Rates design `id` as the holder of `token`.
pub async fn rate(app: &TestApp, token: &str, id: &str, stars: i64, would_buy: bool) -> Response {
    app.client
        .put(app.url(&format!("/api/v1/designs/{id}/rating")))
        .bearer_auth(token)
        .json(&json!({ "stars": stars, "would_buy": would_buy }))
        .send()
        .await
        .unwrap()
}

/// The JSON answer of a GET with a token, asserting 200.
pub async fn get_ok(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get_with(path, token).await;
    assert_eq!(res.status(), StatusCode::OK, "GET {path}");
    res.json().await.unwrap()
}

pub async fn exec(db: &Db, sql: &str) {
    let mut tx = db.begin().await.unwrap();
    let sql = sql.to_string();
    cocreate::on_db!(tx.ex(), |c| sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
    tx.commit().await.unwrap();
}
