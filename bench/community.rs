//! `make bench` (community part): durable rating writes and feed pages at size, over HTTP from
//! 64 concurrent clients, each printed beside a raw baseline measured in the same run on the same
//! machine:
//!
//! - rating writes per second (and p99) beside raw single-row durable commits into a scratch
//!   SQLite file (`synchronous=FULL`, WAL, one connection), and their ratio (target >= 2, with no
//!   5xx and no "database is locked");
//! - page views per second (durable, counted in groups), beside the same raw commits;
//! - feed pages per second (p50, p99) for hot and top, first and deep pages, with and without
//!   filters, beside raw top-20 index reads on the same data (target >= 1/4 of raw, p99 < 10 ms).
//!   The raw reads that set the target go through sqlx's read pool, as every other read of the
//!   application does. On SQLite the feed itself reads on the calling thread (`db::InlineReaders`);
//!   the same raw reads done that way are printed too, for scale: they outrun even `/healthz`, so
//!   no HTTP endpoint could reach a quarter of them.
//!
//! Loads 100,000 published designs and 1,000,000 ratings (bulk inserts, counters computed from
//! the ratings) into SQLite, and into PostgreSQL too when `TEST_POSTGRES_URL` names a server (a
//! scratch database is created and dropped). Sizes can be lowered for a quick look with
//! `BENCH_DESIGNS` and `BENCH_RATINGS`; `BENCH_ONLY=sqlite|postgres` runs one database.

/// The server's allocator (see src/main.rs), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use cocreate::accounts::tokens::TokenKeys;
use cocreate::app::{self, AppState};
use cocreate::community::ranking::{self, Histogram};
use cocreate::db::{Db, now_ms};
use cocreate::http::limit::{ActionLimits, ActionQuotas};
use cocreate::settings::{DatabaseUrl, LogFormat, Mode, Settings};
use serde_json::{Value, json};
use uuid::Uuid;

const CLIENTS: usize = 64;
const WRITE_SECONDS: Duration = Duration::from_secs(8);
const READ_SECONDS: Duration = Duration::from_secs(4);
const VOTERS: usize = 20_000;
const PASSWORD: &str = "bench password 1";
/// The size of each design's snapshot: the average of the demo's published designs (4.4 KB of
/// JSON, their pictures' layers), so the database weighs what a real one would.
const SNAPSHOT_BYTES: usize = 4_400;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Latencies of one measured run.
struct Run {
    ok: usize,
    server_errors: usize,
    other: usize,
    per_sec: f64,
    p50: Duration,
    p99: Duration,
}

/// `CLIENTS` tasks call `op(i)` (i counts calls across tasks) for `secs`; `op` answers an HTTP
/// status, or 0 for a transport error.
async fn drive<F, Fut>(secs: Duration, op: F) -> Run
where
    F: Fn(usize) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = u16> + Send,
{
    let started = Instant::now();
    let counter = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (op, counter) = (op.clone(), counter.clone());
            tokio::spawn(async move {
                let mut out = Vec::new();
                while started.elapsed() < secs {
                    let i = counter.fetch_add(1, Ordering::Relaxed);
                    let t = Instant::now();
                    let status = op(i).await;
                    out.push((t.elapsed(), status));
                }
                out
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    let ok = all.iter().filter(|(_, s)| (200..300).contains(s)).count();
    let server_errors = all.iter().filter(|(_, s)| *s >= 500 || *s == 0).count();
    let mut latencies: Vec<Duration> = all.iter().map(|(d, _)| *d).collect();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q) as usize];
    Run {
        ok,
        server_errors,
        other: all.len() - ok - server_errors,
        per_sec: ok as f64 / elapsed,
        p50: at(0.5),
        p99: at(0.99),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Raw single-row durable commits into a scratch SQLite file: the floor our writes are held to.
async fn raw_sqlite_commits(dir: &std::path::Path) -> f64 {
    use sqlx::ConnectOptions;
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.join("raw.db"))
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full)
        // SQLite's own file access, not the app's (which gathers a commit's log into a few large writes).
        .vfs("unix");
    let mut conn = opts.connect().await.unwrap();
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)").execute(&mut conn).await.unwrap();
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < Duration::from_secs(3) {
        sqlx::query("INSERT INTO t (v) VALUES (?)").bind(n as i64).execute(&mut conn).await.unwrap();
        n += 1;
    }
    n as f64 / started.elapsed().as_secs_f64()
}

/// Raw top-20 index reads on the app's own data, through the app's read pool, `CLIENTS` at once.
async fn raw_top_reads(db: &Db) -> Run {
    let db = db.clone();
    drive(READ_SECONDS, move |_| {
        let db = db.clone();
        async move {
            let mut conn = db.reader().await.unwrap();
            let rows: Vec<Uuid> = cocreate::on_db!(conn.ex(), |c| sqlx::query_scalar(
                "SELECT id FROM designs WHERE status = 'published' ORDER BY lower_bound DESC, id DESC LIMIT 20"
            )
            .fetch_all(&mut *c)
            .await)
            .unwrap();
            if rows.len() == 20 { 200 } else { 500 }
        }
    })
    .await
}

/// The same reads on SQLite's inline connections (`db::InlineReaders`, what the feed reads
/// through on SQLite), with no thread hand-off; `None` on PostgreSQL.
async fn raw_top_reads_inline(db: &Db) -> Option<Run> {
    db.inline()?;
    let db = db.clone();
    Some(
        drive(READ_SECONDS, move |_| {
            let db = db.clone();
            async move {
                let rows = db.inline().unwrap().query(
                    "SELECT id FROM designs WHERE status = 'published' ORDER BY lower_bound DESC, id DESC LIMIT 20",
                    &[],
                    |r| r.get::<_, Uuid>(0),
                );
                if rows.map(|r| r.len()) == Ok(20) { 200 } else { 500 }
            }
        })
        .await,
    )
}

/// Bulk-loads `designs` published designs and `ratings` ratings from `VOTERS` accounts, with
/// each design's counters and scores computed from its ratings. Returns the design ids.
/// How often each allergen is in a bench design (per cent, in the order of `ALLERGENS`): most
/// burgers have a bun (gluten), about half hold milk, few hold lupin.
const ALLERGEN_SHARES: [u64; 14] = [85, 5, 40, 8, 10, 25, 55, 10, 15, 30, 45, 20, 2, 2];
/// How often each dietary tag holds (per cent, in the order of `DIETARY_TAGS`).
const DIETARY_SHARES: [u64; 5] = [20, 5, 15, 40, 30];

/// The flags of design `n`: bit i is set with probability `shares[i]` per cent, each bit drawn
/// on its own (a SplitMix64 step per bit), so that combined filters match the product of their
/// shares, as they would on a real menu.
fn flags(n: u64, shares: &[u64]) -> i64 {
    let mut bits = 0i64;
    for (i, share) in shares.iter().enumerate() {
        let mut z = n.wrapping_mul(31).wrapping_add(i as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        if z % 100 < *share {
            bits |= 1 << i;
        }
    }
    bits
}

async fn load(db: &Db, designs: usize, ratings: usize) -> Vec<Uuid> {
    let started = Instant::now();
    cocreate::demo::seed(db).await.unwrap();
    let (template, option, creator): (Uuid, Uuid, Uuid) = {
        let mut conn = db.reader().await.unwrap();
        cocreate::on_db!(conn.ex(), |c| sqlx::query_as(
            "SELECT d.template_id, c.option_id, d.creator_id FROM designs d \
             JOIN design_choices c ON c.design_id = d.id WHERE d.status = 'published' LIMIT 1"
        )
        .fetch_one(&mut *c)
        .await)
        .unwrap()
    };
    let hash = cocreate::accounts::passwords::hash(&cocreate::accounts::domain::Password::parse(PASSWORD).unwrap())
        .await
        .unwrap();
    let now = now_ms();
    let old = now - 90 * 24 * 3600 * 1000;
    let voters: Vec<Uuid> = (0..VOTERS).map(|_| Uuid::now_v7()).collect();
    for (chunk_no, chunk) in voters.chunks(2000).enumerate() {
        let mut tx = db.begin().await.unwrap();
        let mut values = Vec::new();
        for (i, id) in chunk.iter().enumerate() {
            values.push((*id, format!("voter{}@bench.example", chunk_no * 2000 + i)));
        }
        cocreate::on_db!(tx.ex(), |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO accounts (id, email, display_name, password_hash, created_at, password_changed_at, email_verified_at) ",
            );
            q.push_values(&values, |mut b, (id, email)| {
                b.push_bind(*id).push_bind(email.clone()).push_bind("Voter").push_bind(&hash).push_bind(old).push_bind(old).push_bind(old);
            });
            q.build().execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .unwrap();
        tx.commit().await.unwrap();
    }
    // Ratings: voter v rates designs (v * 7919 + k * 4729) mod designs, distinct for each voter.
    let per_voter = ratings.div_ceil(VOTERS);
    let mut histograms = vec![Histogram::default(); designs];
    let mut would_buy = vec![0i64; designs];
    let mut rows: Vec<(usize, usize, u8, bool)> = Vec::with_capacity(ratings);
    'outer: for v in 0..VOTERS {
        for k in 0..per_voter {
            if rows.len() == ratings {
                break 'outer;
            }
            let d = (v * 7919 + k * 4729) % designs;
            let stars = [5u8, 4, 3, 5, 2, 4, 1, 5, 4, 3][(v + d) % 10];
            let wb = (v + k) % 4 == 0;
            histograms[d].add(stars);
            would_buy[d] += i64::from(wb);
            rows.push((d, v, stars, wb));
        }
    }
    let ids: Vec<Uuid> = (0..designs).map(|_| Uuid::now_v7()).collect();
    for (chunk_no, chunk) in ids.chunks(1000).enumerate() {
        let mut values = Vec::new();
        for (i, id) in chunk.iter().enumerate() {
            let n = chunk_no * 1000 + i;
            let published = now - (designs - n) as i64 * 20_000;
            let h = histograms[n];
            values.push((*id, n, published, h, would_buy[n]));
        }
        let mut tx = db.begin().await.unwrap();
        cocreate::on_db!(tx.ex(), |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO designs (id, creator_id, template_id, status, slug, name, story, tags, currency, price, kcal, \
                 allergens, dietary, created_at, updated_at, published_at, stars_1, stars_2, stars_3, stars_4, \
                 stars_5, would_buy_count, lower_bound, hot, search_name) ",
            );
            q.push_values(&values, |mut b, (id, n, published, h, wb)| {
                let name = format!("Bench Burger {n}");
                b.push_bind(*id)
                    .push_bind(creator)
                    .push_bind(template)
                    .push_bind("published")
                    .push_bind(format!("bench-burger-{n}"))
                    .push_bind(name.clone())
                    .push_bind("")
                    .push_bind("")
                    .push_bind("EUR")
                    .push_bind(950i64)
                    .push_bind(700i64)
                    .push_bind(flags(*n as u64, &ALLERGEN_SHARES))
                    .push_bind(flags(*n as u64 ^ 0xd1e7, &DIETARY_SHARES))
                    .push_bind(*published)
                    .push_bind(*published)
                    .push_bind(*published)
                    .push_bind(h.0[0])
                    .push_bind(h.0[1])
                    .push_bind(h.0[2])
                    .push_bind(h.0[3])
                    .push_bind(h.0[4])
                    .push_bind(*wb)
                    .push_bind(h.lower_bound())
                    .push_bind(ranking::hot(h, *published))
                    .push_bind(name.to_lowercase());
            });
            q.build().execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .unwrap();
        cocreate::on_db!(tx.ex(), |c| {
            let mut q =
                sqlx::QueryBuilder::new("INSERT INTO design_choices (design_id, option_id, position, quantity) ");
            q.push_values(chunk, |mut b, id| {
                b.push_bind(*id).push_bind(option).push_bind(0i64).push_bind(1i64);
            });
            q.build().execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .unwrap();
        cocreate::on_db!(tx.ex(), |c| {
            let mut q = sqlx::QueryBuilder::new("INSERT INTO design_snapshots (design_id, snapshot) ");
            q.push_values(chunk, |mut b, id| {
                let layers = format!("{{\"layers\":\"{}\"}}", id.simple().to_string().repeat(SNAPSHOT_BYTES / 32));
                b.push_bind(*id).push_bind(layers);
            });
            q.build().execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .unwrap();
        tx.commit().await.unwrap();
    }
    for chunk in rows.chunks(4000) {
        let mut tx = db.begin().await.unwrap();
        cocreate::on_db!(tx.ex(), |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO ratings (design_id, account_id, stars, would_buy, created_at, updated_at, counted) ",
            );
            q.push_values(chunk, |mut b, (d, v, stars, wb)| {
                b.push_bind(ids[*d])
                    .push_bind(voters[*v])
                    .push_bind(i64::from(*stars))
                    .push_bind(*wb)
                    .push_bind(old)
                    .push_bind(old)
                    .push_bind(true);
            });
            q.build().execute(&mut *c).await.map(|r| r.rows_affected())
        })
        .unwrap();
        tx.commit().await.unwrap();
    }
    if let Db::Postgres(pool) = db {
        sqlx::query("ANALYZE").execute(pool).await.unwrap();
    }
    println!(
        "  loaded {designs} designs, {} ratings from {VOTERS} voters in {:.1} s",
        rows.len(),
        started.elapsed().as_secs_f64()
    );
    ids
}

/// The bytes this process has handed to write calls so far (Linux: `wchar` in /proc/self/io).
fn bytes_written() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines().find_map(|l| l.strip_prefix("wchar:")).and_then(|v| v.trim().parse().ok())
}

/// The share of published designs meeting `condition`: how sparse a filter is, so how far a page
/// must walk past the designs that do not match.
async fn match_share(db: &Db, condition: &str) -> String {
    let mut conn = db.reader().await.unwrap();
    let sql = format!("SELECT COUNT(*) FILTER (WHERE {condition}), COUNT(*) FROM designs WHERE status = 'published'");
    let (matching, all): (i64, i64) =
        cocreate::on_db!(conn.ex(), |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_one(&mut *c).await)
            .unwrap();
    format!("{:.1}% match", 100.0 * matching as f64 / all.max(1) as f64)
}

async fn bench(name: &str, url: String, dir: &std::path::Path, raw_commits: f64) {
    println!("\n== {name} ==");
    let designs = env_usize("BENCH_DESIGNS", 100_000);
    let ratings = env_usize("BENCH_RATINGS", 1_000_000);
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let ids = Arc::new(load(&db, designs, ratings).await);
    let settings = Settings {
        database_url: DatabaseUrl::new(url),
        trusted_proxies: 0,
        bind_addr: "127.0.0.1:0".parse().unwrap(),
        public_url: None,
        data_dir: dir.to_path_buf(),
        token_signing_key: None,
        mode: Mode::Development,
        migrate_on_start: false,
        web_dist: None,
        log_format: LogFormat::Text,
        smtp_url: None,
        mail_from: "cocreate <no-reply@bench.localhost>".into(),
    };
    let tokens = TokenKeys::load(&settings).unwrap();
    let mut state = AppState::new(db.clone(), settings, tokens);
    // The per-account limits would stop 64 clients hammering as a few accounts: lift them here.
    let lifted = u32::MAX / 2;
    state.limits = Arc::new(ActionLimits::new(ActionQuotas { ratings: lifted, comments: lifted, reports: lifted }));
    let (router, _) = app::router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { app::serve(listener, router, std::future::pending()).await.unwrap() });
    let client = reqwest::Client::builder().pool_max_idle_per_host(CLIENTS).build().unwrap();

    // One signed-in voter per client.
    let mut voter_tokens = Vec::new();
    for i in 0..CLIENTS {
        let body = json!({ "email": format!("voter{i}@bench.example"), "password": PASSWORD });
        let session: Value =
            client.post(format!("{base}/api/v1/auth/login")).json(&body).send().await.unwrap().json().await.unwrap();
        voter_tokens.push(session["access_token"].as_str().unwrap().to_string());
    }
    let voter_tokens = Arc::new(voter_tokens);

    println!("  {CLIENTS} voters signed in; rating for {} s", WRITE_SECONDS.as_secs());
    // The process's metrics outlive a database's run: this one's figures are what it adds.
    let metrics_before = client.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    let written_before = bytes_written();
    let (c, b, ids2, t) = (client.clone(), base.clone(), ids.clone(), voter_tokens.clone());
    let writes = drive(WRITE_SECONDS, move |i| {
        let (c, b, ids, t) = (c.clone(), b.clone(), ids2.clone(), t.clone());
        async move {
            let design = ids[(i * 104_729) % ids.len()];
            let body = json!({ "stars": 1 + (i % 5), "would_buy": i % 3 == 0 });
            match c
                .put(format!("{b}/api/v1/designs/{design}/rating"))
                .bearer_auth(&t[i % CLIENTS])
                .json(&body)
                .send()
                .await
            {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let text = r.text().await.unwrap_or_default();
                    if text.contains("database is locked") { 599 } else { status }
                }
                Err(_) => 0,
            }
        }
    })
    .await;
    // What the ratings caused beside themselves: each shortlisting and milestone writes more rows.
    let (total, shortlisted, notices): (i64, i64, i64) = {
        let mut conn = db.reader().await.unwrap();
        cocreate::on_db!(conn.ex(), |c| sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM ratings), (SELECT COUNT(*) FROM designs WHERE shortlisted_at IS NOT NULL), \
             (SELECT COUNT(*) FROM notifications)"
        )
        .fetch_one(&mut *c)
        .await)
        .unwrap()
    };
    println!(
        "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms  ok={} 5xx/locked={} other={}  \
         (ratings now {total}; {shortlisted} designs shortlisted, {notices} notifications)",
        "rating writes (PUT, durable, 64 clients)",
        writes.per_sec,
        ms(writes.p50),
        ms(writes.p99),
        writes.ok,
        writes.server_errors,
        writes.other
    );
    let metrics = client.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    let value = |metrics: &str, name: &str| {
        metrics.lines().find(|l| l.starts_with(name)).and_then(|l| l.split_whitespace().last()?.parse::<f64>().ok())
    };
    let figure = |name: &str| {
        let added = value(&metrics, name)? - value(&metrics_before, name).unwrap_or(0.0);
        (added > 0.0).then_some(added)
    };
    if let (Some(sum), Some(count)) =
        (figure("cocreate_rating_batch_size_sum"), figure("cocreate_rating_batch_size_count"))
    {
        println!("{:<48} {:>8.1} ratings per commit ({count} commits)", "group commit", sum / count.max(1.0));
        // The writer is one thread: its time per rating bounds the rate, whatever the rest does.
        // Measured on SQLite only (where the batch runs on the writer's thread).
        if let (Some(cpu), Some(wall)) =
            (figure("cocreate_rating_batch_cpu_seconds_sum"), figure("cocreate_rating_batch_seconds_sum"))
        {
            println!(
                "{:<48} {:>8.1} us CPU, {:.1} us in all, per rating (in it {:.0}% of the run)",
                "the writer's SQLite work",
                cpu / sum.max(1.0) * 1e6,
                wall / sum.max(1.0) * 1e6,
                100.0 * wall / WRITE_SECONDS.as_secs_f64()
            );
        }
    }
    if let (Some(before), Some(after)) = (written_before, bytes_written()) {
        // The bytes handed to write calls: the log, the checkpoint's copies into the database file
        // (for SQLite), and the HTTP requests and answers (a few hundred bytes each).
        let per_rating = (after - before) as f64 / writes.ok.max(1) as f64;
        println!(
            "{:<48} {:>8.1} KiB per rating (~{:.0} pages of 4 KiB: log, checkpoint, HTTP)",
            "written by the process",
            per_rating / 1024.0,
            per_rating / 4096.0
        );
    }
    if let Ok(log) = std::fs::metadata(dir.join("bench.db-wal")) {
        // The checkpointer must keep up: a log that only grows would slow every read.
        let mib = log.len() as f64 / (1 << 20) as f64;
        println!("{:<48} {:>8.1} MiB", "SQLite write-ahead log after the ratings", mib);
    }
    println!("{:<48} {:>8.0} /s", "raw single-row durable commits (SQLite)", raw_commits);
    let ratio = writes.per_sec / raw_commits;
    let verdict = if ratio >= 2.0 && writes.server_errors == 0 { "meets" } else { "MISSES" };
    println!("{:<48} {:>8.2}x  ({verdict} the target: >= 2x, no 5xx)", "ratio", ratio);

    // Page views: durable too, counted in groups like ratings (no target in the issue; printed so
    // a change to their path shows).
    let (c, b, ids2) = (client.clone(), base.clone(), ids.clone());
    let views = drive(READ_SECONDS, move |i| {
        let (c, url) = (c.clone(), format!("{b}/api/v1/designs/{}/views", ids2[(i * 7_919) % ids2.len()]));
        async move { c.post(url).send().await.map(|r| r.status().as_u16()).unwrap_or(0) }
    })
    .await;
    println!(
        "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms  5xx={}  ({:.2}x the raw commits)",
        "page views (POST, durable, 64 clients)",
        views.per_sec,
        ms(views.p50),
        ms(views.p99),
        views.server_errors,
        views.per_sec / raw_commits
    );

    let (c, b) = (client.clone(), base.clone());
    let healthz = drive(READ_SECONDS, move |_| {
        let (c, url) = (c.clone(), format!("{b}/healthz"));
        async move { c.get(url).send().await.map(|r| r.status().as_u16()).unwrap_or(0) }
    })
    .await;
    println!(
        "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms  (the HTTP floor: no database)",
        "GET /healthz",
        healthz.per_sec,
        ms(healthz.p50),
        ms(healthz.p99)
    );
    let (c, b, t) = (client.clone(), base.clone(), voter_tokens.clone());
    let me = drive(READ_SECONDS, move |i| {
        let (c, url, t) = (c.clone(), format!("{b}/api/v1/me"), t.clone());
        async move { c.get(url).bearer_auth(&t[i % CLIENTS]).send().await.map(|r| r.status().as_u16()).unwrap_or(0) }
    })
    .await;
    println!(
        "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms  (a signed-in request: JWT check, session kept 1 s)",
        "GET /api/v1/me",
        me.per_sec,
        ms(me.p50),
        ms(me.p99)
    );
    let raw = raw_top_reads(&db).await;
    println!(
        "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms",
        "raw top-20 index reads (SQL, 64 at once)",
        raw.per_sec,
        ms(raw.p50),
        ms(raw.p99)
    );
    let inline = raw_top_reads_inline(&db).await;
    if let Some(inline) = &inline {
        println!(
            "{:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms",
            "raw top-20 reads on the calling thread",
            inline.per_sec,
            ms(inline.p50),
            ms(inline.p99)
        );
    }
    // A cursor about 5,000 designs deep in top and in hot (halfway down a smaller feed).
    let mut deep = Vec::new();
    let pages = (designs / 2 / 200).clamp(1, 25);
    for sort in ["top", "hot"] {
        let mut cursor = String::new();
        for _ in 0..pages {
            let page: Value = client
                .get(format!("{base}/api/v1/feed?sort={sort}&limit=200{cursor}"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            cursor = format!("&cursor={}", page["next_cursor"].as_str().unwrap());
        }
        deep.push(cursor);
    }
    let gluten_free_vegetarian = match_share(&db, "(allergens & 1) = 0 AND (dietary & 1) = 1").await;
    let milk_free = match_share(&db, "(allergens & 64) = 0").await;
    let named = match_share(&db, "search_name LIKE '%burger 42%'").await;
    let cases = [
        ("feed hot, first page".to_string(), "sort=hot".to_string()),
        ("feed top, first page".to_string(), "sort=top".to_string()),
        (format!("feed hot, {} deep", pages * 200), format!("sort=hot{}", deep[1])),
        (format!("feed top, {} deep", pages * 200), format!("sort=top{}", deep[0])),
        (
            format!("feed top, gluten-free vegetarian ({gluten_free_vegetarian})"),
            "sort=top&free_of=gluten&dietary=vegetarian".to_string(),
        ),
        (format!("feed hot, free of milk ({milk_free})"), "sort=hot&free_of=milk".to_string()),
        (format!("feed top, name search ({named})"), "sort=top&q=burger%2042".to_string()),
    ];
    for (label, query) in cases {
        let (c, b) = (client.clone(), base.clone());
        let run = drive(READ_SECONDS, move |_| {
            let (c, url) = (c.clone(), format!("{b}/api/v1/feed?limit=20&{query}"));
            async move {
                match c.get(url).send().await {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        let _ = r.bytes().await;
                        status
                    }
                    Err(_) => 0,
                }
            }
        })
        .await;
        let share = run.per_sec / raw.per_sec;
        let verdict = if share >= 0.25 && run.p99 < Duration::from_millis(10) && run.server_errors == 0 {
            "meets"
        } else {
            "MISSES"
        };
        println!(
            "{label:<48} {:>8.0} /s  p50 {:>6.2} ms  p99 {:>7.2} ms  {:.2}x raw ({verdict}: >= 0.25x, p99 < 10 ms)",
            run.per_sec,
            ms(run.p50),
            ms(run.p99),
            share
        );
    }
    server.abort();
    db.close().await;
}

#[tokio::main]
async fn main() {
    cocreate::install_crypto_provider();
    let dir = tempfile::tempdir().unwrap();
    println!("cocreate community benchmark: {CLIENTS} concurrent clients over HTTP, release build");
    let raw_commits = raw_sqlite_commits(dir.path()).await;
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    if only != "postgres" {
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        bench("SQLite", url, dir.path(), raw_commits).await;
    }
    if only == "sqlite" {
        return;
    }
    if let Ok(admin) = std::env::var("TEST_POSTGRES_URL") {
        let name = format!("cocreate_bench_{}", Uuid::now_v7().simple());
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.unwrap();
        let url = match admin.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{name}"),
            None => admin.clone(),
        };
        let pg_dir = tempfile::tempdir().unwrap();
        bench("PostgreSQL", url, pg_dir.path(), raw_commits).await;
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name} WITH (FORCE)")))
            .execute(&mut conn)
            .await
            .unwrap();
    } else {
        println!("\n(PostgreSQL skipped: set TEST_POSTGRES_URL to run the same benchmark on it)");
    }
}
