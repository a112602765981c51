//! Failed-login throttling, per account and per client address: after too many failures in a
//! window the key is refused until the window ends (429 with `Retry-After`), before any
//! password is checked, so guessing cannot go on at the speed of the server.
//!
//! Kept in process memory: each instance throttles on its own, which bounds a guesser to
//! (limit x instances) per window. A shared store is the step to take when instances multiply.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_account: u32,
    pub per_address: u32,
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { per_account: 5, per_address: 20, window: Duration::from_secs(15 * 60) }
    }
}

struct Window {
    started: Instant,
    failures: u32,
}

pub struct LoginThrottle {
    limits: Limits,
    windows: Mutex<HashMap<String, Window>>,
}

impl LoginThrottle {
    pub fn new(limits: Limits) -> Self {
        LoginThrottle { limits, windows: Mutex::new(HashMap::new()) }
    }

    /// `Err(seconds to wait)` when the account or the address has used up its failures.
    pub fn check(&self, account: &str, address: &str, now: Instant) -> Result<(), u64> {
        let windows = self.windows.lock().expect("throttle lock");
        let wait = [
            (format!("acct:{account}"), self.limits.per_account),
            (format!("addr:{address}"), self.limits.per_address),
        ]
        .into_iter()
        .filter_map(|(key, limit)| {
            let w = windows.get(&key)?;
            let ends = w.started + self.limits.window;
            (w.failures >= limit && ends > now).then(|| ends.duration_since(now).as_secs().max(1))
        })
        .max();
        match wait {
            Some(secs) => Err(secs),
            None => Ok(()),
        }
    }

    pub fn record_failure(&self, account: &str, address: &str, now: Instant) {
        let mut windows = self.windows.lock().expect("throttle lock");
        if windows.len() > 100_000 {
            let window = self.limits.window;
            windows.retain(|_, w| w.started + window > now);
        }
        for key in [format!("acct:{account}"), format!("addr:{address}")] {
            let w = windows.entry(key).or_insert(Window { started: now, failures: 0 });
            if w.started + self.limits.window <= now {
                *w = Window { started: now, failures: 0 };
            }
            w.failures += 1;
        }
    }

    /// A successful sign-in clears the account's failures (not the address's).
    pub fn record_success(&self, account: &str) {
        self.windows.lock().expect("throttle lock").remove(&format!("acct:{account}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle() -> LoginThrottle {
        LoginThrottle::new(Limits { per_account: 3, per_address: 5, window: Duration::from_secs(60) })
    }

    #[test]
    fn an_account_is_refused_after_its_failures_until_the_window_ends() {
        let t = throttle();
        let now = Instant::now();
        for _ in 0..3 {
            assert!(t.check("a@x.io", "1.1.1.1", now).is_ok());
            t.record_failure("a@x.io", "1.1.1.1", now);
        }
        let wait = t.check("a@x.io", "9.9.9.9", now + Duration::from_secs(10)).unwrap_err();
        assert_eq!(wait, 50);
        assert!(t.check("b@x.io", "9.9.9.9", now).is_ok(), "another account is not affected");
        assert!(t.check("a@x.io", "1.1.1.1", now + Duration::from_secs(61)).is_ok());
    }

    #[test]
    fn an_address_is_refused_after_failures_across_accounts() {
        let t = throttle();
        let now = Instant::now();
        for i in 0..5 {
            t.record_failure(&format!("u{i}@x.io"), "1.1.1.1", now);
        }
        assert!(t.check("new@x.io", "1.1.1.1", now).is_err());
        assert!(t.check("new@x.io", "2.2.2.2", now).is_ok());
    }

    #[test]
    fn success_clears_the_account() {
        let t = throttle();
        let now = Instant::now();
        for _ in 0..2 {
            t.record_failure("a@x.io", "1.1.1.1", now);
        }
        t.record_success("a@x.io");
        t.record_failure("a@x.io", "1.1.1.1", now);
        t.record_failure("a@x.io", "1.1.1.1", now);
        assert!(t.check("a@x.io", "1.1.1.1", now).is_ok());
    }
}
