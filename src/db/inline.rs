//! SQLite reads run on the calling thread, for the hottest read paths: the feeds, and the session
//! every signed-in request reads.
//!
//! sqlx runs each SQLite connection on a thread of its own: every statement is a message to that
//! thread and every row a message back, and taking a connection from the pool and giving it back
//! ping it on that thread too. A feed page is a single index scan of a few dozen rows, and those
//! thread hand-offs cost more than the scan: in `make bench` a fifth of the CPU of a feed page
//! was spent switching threads (`perf`, 64 clients). These connections, opened with rusqlite on
//! the same file and the same settings as the read pool, run the statement where it is asked
//! for, with no hand-off.
//!
//! A read holds its connection only while it runs and never across an `.await`, so at most one
//! connection per thread that can call it is busy at once: the pool has one per core and a few
//! more, and a caller finding every one busy waits for one rather than opening another. A read
//! runs on the async runtime's thread, so only short, bounded statements belong here: an index
//! scan with a `LIMIT`, never a report.

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context;
use rusqlite::{Connection, OpenFlags, Row, ToSql};

/// Statements each connection keeps prepared.
const STATEMENT_CACHE: usize = 128;

/// Read-only connections to a SQLite file, used on the calling thread.
pub struct InlineReaders {
    conns: Box<[Mutex<Connection>]>,
    next: AtomicUsize,
}

impl fmt::Debug for InlineReaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InlineReaders").field("connections", &self.conns.len()).finish()
    }
}

impl InlineReaders {
    /// Opens read-only connections to `path`, each reading the file through a memory map of
    /// `mmap_bytes`.
    pub fn open(path: &Path, mmap_bytes: u64) -> anyhow::Result<InlineReaders> {
        let count = std::thread::available_parallelism().map_or(2, |n| n.get()) + 2;
        let conns = (0..count)
            .map(|_| {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = Connection::open_with_flags(path, flags)
                    .with_context(|| format!("cannot open {} for inline reads", path.display()))?;
                conn.busy_timeout(Duration::from_secs(10))?;
                conn.pragma_update(None, "mmap_size", i64::try_from(mmap_bytes)?)?;
                conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
                Ok(Mutex::new(conn))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(InlineReaders { conns: conns.into_boxed_slice(), next: AtomicUsize::new(0) })
    }

    /// Runs `sql` on a free connection, on this thread, and maps each row it returns. The
    /// statement binds the named parameters (`$1`, `$2`...) of `params` it holds and skips the
    /// others: a statement built from optional clauses binds one list whatever clauses it has,
    /// as sqlx does. By name, not position: SQLite numbers parameters in the order they appear.
    pub fn query<T>(
        &self,
        sql: &str,
        params: &[(&str, &dyn ToSql)],
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        run(&self.take(), sql, params, row)
    }

    /// Runs `read` on one free connection inside a read transaction, so that every statement it
    /// runs sees the same state of the database (each statement alone sees its own).
    pub fn snapshot<T>(&self, read: impl FnOnce(Snapshot<'_>) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        let conn = self.take();
        // Dropped, the transaction rolls back: nothing was written, and a read that fails or
        // panics leaves its connection outside any transaction.
        let tx = conn.unchecked_transaction()?;
        read(Snapshot(&tx))
    }

    fn take(&self) -> MutexGuard<'_, Connection> {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let n = self.conns.len();
        for i in 0..n {
            if let Ok(conn) = self.conns[(start + i) % n].try_lock() {
                return conn;
            }
        }
        // A read that panicked leaves its connection as sound as any other: statements reset
        // when dropped.
        self.conns[start % n].lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Statements that see one state of the database (see [`InlineReaders::snapshot`]).
pub struct Snapshot<'c>(&'c Connection);

impl Snapshot<'_> {
    /// As [`InlineReaders::query`].
    pub fn query<T>(
        &self,
        sql: &str,
        params: &[(&str, &dyn ToSql)],
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        run(self.0, sql, params, row)
    }
}

fn run<T>(
    conn: &Connection,
    sql: &str,
    params: &[(&str, &dyn ToSql)],
    mut row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    for (name, value) in params {
        if let Some(index) = statement.parameter_index(name)? {
            statement.raw_bind_parameter(index, value)?;
        }
    }
    let mut rows = statement.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(row(r)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(rows: rusqlite::Result<Vec<i64>>) -> i64 {
        rows.unwrap()[0]
    }

    /// Statements in one snapshot agree with each other even when a write commits between them.
    #[test]
    fn a_snapshot_does_not_see_a_write_committed_while_it_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("snapshot.db");
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "wal").unwrap();
        writer.execute_batch("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);").unwrap();
        let readers = InlineReaders::open(&path, 0).unwrap();
        let sql = "SELECT COUNT(*) FROM t";
        let (before, after) = readers
            .snapshot(|s| {
                let before = count(s.query(sql, &[], |r| r.get(0)));
                writer.execute("INSERT INTO t VALUES (2)", []).unwrap();
                Ok((before, count(s.query(sql, &[], |r| r.get(0)))))
            })
            .unwrap();
        assert_eq!((before, after), (1, 1));
        assert_eq!(count(readers.query(sql, &[], |r| r.get(0))), 2, "a new read sees the write");
    }
}
