//! Database access: SQLite by default, PostgreSQL in production, chosen at run time from the
//! URL, through one SQL text for both.
//!
//! Why an enum and a macro rather than code generic over `sqlx::Database`: the bounds such code
//! needs (`i64: Encode<'q, DB>`, `for<'c> &'c mut DB::Connection: Executor<'c>` and so on) are
//! not supertraits, and Rust does not carry non-supertrait bounds from a helper trait to its
//! users, so every function would repeat a dozen lines of `where`. Instead each storage function
//! takes an [`Ex`] and writes its SQL once inside [`on_db!`], which compiles the same body once
//! per backend: the SQL text, the binds and the row type are shared, the types are checked twice.
//!
//! SQLite runs in WAL mode with foreign keys on and a busy timeout. All writes go through one
//! writer connection (writes queue in the process instead of failing with "database is locked")
//! whose transactions begin IMMEDIATE, beside a pool of read-only connections. The writer uses
//! `synchronous=FULL`, so a committed fact (money above all) has reached the disk before it is
//! acknowledged; the rating writer commits under `NORMAL` and acknowledges after flushing the
//! log itself ([`log_sync`]). A third connection copies the write-ahead log into the database
//! file beside them ([`checkpoint_continuously`]), and every connection reads the file through a
//! memory map.
//! The feeds read through a few more connections, opened with rusqlite and used on the calling
//! thread ([`InlineReaders`]). Every connection reaches the files through a VFS that writes each
//! commit's log in a few large writes (`wal_buffer`).

mod inline;
pub mod log_sync;
mod wal_buffer;

use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::migrate::{Migration, Migrator};
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::error::Result;

pub use inline::{InlineReaders, Snapshot};

static COMMON: Migrator = sqlx::migrate!("./migrations");
static SQLITE_ONLY: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_ONLY: Migrator = sqlx::migrate!("./migrations/postgres");

/// How much of a SQLite database file each connection maps into memory.
const MMAP_BYTES: u64 = 1 << 30;
/// How often the SQLite checkpointer copies the write-ahead log into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);
/// How long the log may grow (in pages) before the writer checkpoints by itself.
///
/// Under a steady stream of writes the checkpointer alone never lets the log start over: SQLite
/// rewinds the log only when a write begins with every frame copied into the database file, and
/// by the time a passive checkpoint has copied and flushed, the writer has appended more. So the
/// log is rewound when it reaches this size and the writer checkpoints it by itself at a commit:
/// a pause of 70-90 ms (copying the last frames and flushing the database file). At 16,384 pages
/// that pause came every quarter of a second of rating traffic in `make bench`, a fifth of the
/// writer's time; at 65,536 (256 MiB with 4 KiB pages, on disk for good once reached) it comes
/// about once a second. Readers pay nothing for a long log the checkpointer keeps up with: they
/// look up only frames it has not copied yet.
const WRITER_CHECKPOINT_PAGES: u32 = 65_536;

/// Copies the SQLite write-ahead log into the database file, on a connection of its own, until
/// the pool is closed. By default the connection that commits runs the checkpoint whenever the
/// log passes 1,000 pages; for the one writer that meant stopping every few batches of ratings
/// to copy and flush the pages of the last ones (measured with `make bench`). A passive
/// checkpoint runs beside the writer and the readers without blocking either.
async fn checkpoint_continuously(pool: SqlitePool) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if pool.is_closed() {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await
            && !pool.is_closed()
        {
            tracing::warn!(error = %e, "a checkpoint of the SQLite log failed; the next tick tries again");
        }
    }
}

/// Runs one body against whichever backend `$ex` holds, binding the connection to `$c`.
#[macro_export]
macro_rules! on_db {
    ($ex:expr, |$c:ident| $body:expr) => {
        match $ex {
            $crate::db::Ex::Sqlite($c) => $body,
            $crate::db::Ex::Postgres($c) => $body,
        }
    };
}

/// A connection to run statements on: borrowed from a transaction or a pooled connection.
pub enum Ex<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

/// The application's database: a SQLite file or a PostgreSQL server.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite {
        writer: SqlitePool,
        readers: SqlitePool,
        checkpointer: SqlitePool,
        inline: Arc<InlineReaders>,
        log: Arc<Path>,
    },
    Postgres(PgPool),
}

/// A write transaction. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A pooled connection for reads.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://...`), creating a SQLite file and its
    /// folder when missing.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).context("DATABASE_URL is not a valid PostgreSQL URL")?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await
                .context("cannot connect to the PostgreSQL server in DATABASE_URL")?;
            Ok(Db::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            wal_buffer::install().context("cannot set up SQLite's file access")?;
            let opts = SqliteConnectOptions::from_str(url)
                .context("DATABASE_URL is not a valid SQLite URL")?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .synchronous(SqliteSynchronous::Full)
                // Reads map the file instead of copying each page through a system call.
                .pragma("mmap_size", MMAP_BYTES.to_string());
            if let Some(dir) = Path::new(opts.get_filename()).parent()
                && !dir.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
            }
            // The writer first: it creates the file and switches it to WAL for the readers.
            // Its statement journals (a multi-row statement inside a transaction keeps the
            // pages it changes, to undo just that statement) stay in memory rather than spill to
            // a temporary file. It leaves checkpoints to the checkpointer below unless the log
            // grows far past it.
            let writer = SqlitePoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(
                    opts.clone()
                        .pragma("temp_store", "memory")
                        .pragma("wal_autocheckpoint", WRITER_CHECKPOINT_PAGES.to_string()),
                )
                .await
                .context("cannot open the SQLite database in DATABASE_URL")?;
            let checkpointer = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(opts.clone())
                .await
                .context("cannot open the SQLite database in DATABASE_URL for checkpoints")?;
            tokio::spawn(checkpoint_continuously(checkpointer.clone()));
            let readers = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(opts.clone().read_only(true))
                .await
                .context("cannot open the SQLite database in DATABASE_URL for reading")?;
            let inline = Arc::new(InlineReaders::open(opts.get_filename(), MMAP_BYTES)?);
            let mut log = opts.get_filename().as_os_str().to_owned();
            log.push("-wal");
            let log = Arc::from(Path::new(&log));
            Ok(Db::Sqlite { writer, readers, checkpointer, inline, log })
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://")
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Begins a write transaction (IMMEDIATE on SQLite, so it never fails on a lock upgrade).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite { writer, .. } => Tx::Sqlite(writer.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// SQLite's one write connection, outside any transaction, for a caller that runs many
    /// transactions in a row (the rating writer); other writes wait until it is dropped. `None`
    /// on PostgreSQL.
    pub async fn sqlite_writer(&self) -> Result<Option<PoolConnection<Sqlite>>> {
        Ok(match self {
            Db::Sqlite { writer, .. } => Some(writer.acquire().await?),
            Db::Postgres(_) => None,
        })
    }

    /// SQLite's write-ahead log file; `None` on PostgreSQL.
    pub fn sqlite_log(&self) -> Option<Arc<Path>> {
        match self {
            Db::Sqlite { log, .. } => Some(log.clone()),
            Db::Postgres(_) => None,
        }
    }

    /// SQLite's connections for reads on the calling thread (see [`InlineReaders`]); `None` on
    /// PostgreSQL.
    pub fn inline(&self) -> Option<&InlineReaders> {
        match self {
            Db::Sqlite { inline, .. } => Some(inline),
            Db::Postgres(_) => None,
        }
    }

    /// A connection for reads.
    pub async fn reader(&self) -> Result<Conn> {
        Ok(match self {
            Db::Sqlite { readers, .. } => Conn::Sqlite(readers.acquire().await?),
            Db::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = migrator(self.backend());
        match self {
            Db::Sqlite { writer, .. } => migrator.run(writer).await,
            Db::Postgres(pool) => migrator.run(pool).await,
        }
        .context("database migration failed")
    }

    /// Whether the database answers and every migration this build knows is applied.
    pub async fn schema_is_current(&self) -> Result<bool> {
        let expected: Vec<i64> = migrator(self.backend()).iter().map(|m| m.version).collect();
        let mut conn = self.reader().await?;
        let sql = "SELECT version FROM _sqlx_migrations WHERE success = TRUE ORDER BY version";
        let applied: Result<Vec<i64>, sqlx::Error> =
            on_db!(conn.ex(), |c| { sqlx::query_scalar(sql).fetch_all(&mut *c).await });
        match applied {
            Ok(applied) => Ok(expected.iter().all(|v| applied.contains(v))),
            // No migration table yet: reachable, but not migrated.
            Err(sqlx::Error::Database(_)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { writer, readers, checkpointer, .. } => {
                checkpointer.close().await;
                readers.close().await;
                writer.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// The migrations for one backend: the shared folder plus that backend's own (triggers and
/// other DDL where the dialects differ), in version order.
pub fn migrator(backend: Backend) -> Migrator {
    let own = match backend {
        Backend::Sqlite => &SQLITE_ONLY,
        Backend::Postgres => &POSTGRES_ONLY,
    };
    let mut all: Vec<Migration> = COMMON.iter().chain(own.iter()).cloned().collect();
    all.sort_by_key(|m| m.version);
    Migrator { migrations: Cow::Owned(all), ..Migrator::DEFAULT }
}

impl Ex<'_> {
    /// The same connection for one more statement, keeping this handle for the next.
    pub fn reborrow(&mut self) -> Ex<'_> {
        match self {
            Ex::Sqlite(c) => Ex::Sqlite(c),
            Ex::Postgres(c) => Ex::Postgres(c),
        }
    }
}

impl Tx {
    pub fn ex(&mut self) -> Ex<'_> {
        match self {
            Tx::Sqlite(tx) => Ex::Sqlite(&mut *tx),
            Tx::Postgres(tx) => Ex::Postgres(&mut *tx),
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

impl Conn {
    pub fn ex(&mut self) -> Ex<'_> {
        match self {
            Conn::Sqlite(c) => Ex::Sqlite(&mut *c),
            Conn::Postgres(c) => Ex::Postgres(&mut *c),
        }
    }
}

/// Milliseconds since the Unix epoch, the one time format of the database.
pub fn now_ms() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    (now.unix_timestamp_nanos() / 1_000_000) as i64
}
