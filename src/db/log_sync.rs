//! Flushing SQLite's write-ahead log to disk on a thread of its own, so that a writer may go on
//! with its next transaction while the last one reaches the disk.
//!
//! The rating writer commits each batch with `synchronous=NORMAL` (SQLite writes the log and
//! makes the commit visible without flushing it) and hands the batch's answers to [`LogSync`],
//! which flushes the log (`fdatasync`) and only then runs them: a rating is still acknowledged
//! only once it is on disk, but the flush of one batch overlaps the work of the next. A flush
//! covers every commit written before it, so one flush often answers several batches.
//!
//! What this gives up: other connections may read a batch in the ~1 ms before its flush. A power
//! loss in that window loses the batch (never acknowledged to its raters) and what was read from
//! it; the database itself stays consistent, as SQLite guarantees under `NORMAL`. The writes
//! that must never be seen before they are durable (money) commit under `FULL` as before, and
//! their flush covers any rating batch written before them.

use std::fs::File;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

/// What waits for a flush; told whether it succeeded.
pub type AfterSync = Box<dyn FnOnce(io::Result<()>) + Send>;

/// The handle of the flushing thread; the thread ends when the handle is dropped.
pub struct LogSync {
    queue: mpsc::Sender<AfterSync>,
}

impl LogSync {
    /// Starts the thread that flushes the log at `log` (a database's `-wal` file).
    pub fn spawn(log: Arc<Path>) -> io::Result<LogSync> {
        let (queue, waiting) = mpsc::channel::<AfterSync>();
        std::thread::Builder::new().name("sqlite-log-sync".into()).spawn(move || {
            let mut file = None;
            while let Ok(first) = waiting.recv() {
                // Everything queued by now was committed before this flush starts.
                let mut due = vec![first];
                due.extend(waiting.try_iter());
                let synced = sync(&log, &mut file);
                for after in due {
                    after(synced.as_ref().map(|_| ()).map_err(|e| io::Error::new(e.kind(), e.to_string())));
                }
            }
        })?;
        Ok(LogSync { queue })
    }

    /// Runs `after` once everything written to the log so far is on disk (or the flush failed).
    pub fn after_sync(&self, after: AfterSync) {
        if let Err(mpsc::SendError(after)) = self.queue.send(after) {
            after(Err(io::Error::other("the log's flushing thread has stopped")));
        }
    }
}

/// Flushes the file at `path`, reopening it when it is not the one held: SQLite deletes the log
/// when its last connection closes and makes a new one, and flushing the old file would then
/// flush nothing that matters.
fn sync(path: &Path, held: &mut Option<File>) -> io::Result<()> {
    let now = std::fs::metadata(path)?;
    let same =
        held.as_ref().and_then(|f| f.metadata().ok()).is_some_and(|m| m.dev() == now.dev() && m.ino() == now.ino());
    let file = match held {
        Some(file) if same => file,
        _ => held.insert(File::open(path)?),
    };
    file.sync_data()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(sync: &LogSync) -> io::Result<()> {
        let (tx, rx) = mpsc::channel();
        sync.after_sync(Box::new(move |r| tx.send(r).unwrap()));
        rx.recv().unwrap()
    }

    /// Answers wait for a flush that succeeded; a log that is gone (or was never made) fails
    /// them instead of letting them claim a flush that did not happen.
    #[test]
    fn answers_follow_a_flush_of_the_current_log_file() {
        let dir = tempfile::tempdir().unwrap();
        let log: Arc<Path> = Arc::from(dir.path().join("app.db-wal"));
        let sync = LogSync::spawn(log.clone()).unwrap();
        assert!(wait(&sync).is_err(), "no log file yet");
        std::fs::write(&log, b"first").unwrap();
        wait(&sync).unwrap();
        std::fs::remove_file(&log).unwrap();
        assert!(wait(&sync).is_err(), "the file held was deleted");
        std::fs::write(&log, b"second").unwrap();
        wait(&sync).unwrap();
    }
}
