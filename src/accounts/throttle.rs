//! Throttling of the auth routes: failed sign-ins per account and per client address, and
//! sign-ups per address. After too many in a window the key is refused until the window ends
//! (429 with `Retry-After`), before any password is checked, so guessing (or mass sign-up) cannot
//! go on at the speed of the server.
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
    /// Accounts created from one address in a window.
    pub signups_per_address: u32,
    /// Verification and reset emails asked for, per address or per email.
    pub emails_per_key: u32,
    pub window: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_account: 5,
            per_address: 20,
            signups_per_address: 10,
            emails_per_key: 5,
            window: Duration::from_secs(15 * 60),
        }
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

    /// Starts a sign-in attempt: `Err(seconds to wait)` when the account or the address has used
    /// up its failures; otherwise the attempt is counted as a failure *now*, before the slow
    /// password check, so parallel guesses cannot all slip past the limit. [`Self::succeeded`]
    /// gives it back.
    pub fn begin_attempt(&self, account: &str, address: &str, now: Instant) -> Result<(), u64> {
        self.take(
            &[(account_key(account), self.limits.per_account), (address_key(address), self.limits.per_address)],
            now,
        )
    }

    /// Counts a sign-up from `address`: `Err(seconds to wait)` when it has made too many.
    pub fn begin_signup(&self, address: &str, now: Instant) -> Result<(), u64> {
        self.take(&[(format!("signup:{address}"), self.limits.signups_per_address)], now)
    }

    /// Counts an email asked for (a reset link, a verification again) against `key`, an email
    /// address or a client address: `Err(seconds to wait)` when it asked for too many.
    pub fn begin_email(&self, key: &str, now: Instant) -> Result<(), u64> {
        self.take(&[(format!("email:{key}"), self.limits.emails_per_key)], now)
    }

    /// Refuses when any key is at its limit; otherwise counts one against every key.
    fn take(&self, keys: &[(String, u32)], now: Instant) -> Result<(), u64> {
        let mut windows = self.windows.lock().expect("throttle lock");
        let wait = keys
            .iter()
            .filter_map(|(key, limit)| {
                let w = windows.get(key)?;
                let ends = w.started + self.limits.window;
                (w.failures >= *limit && ends > now).then(|| ends.duration_since(now).as_secs().max(1))
            })
            .max();
        if let Some(secs) = wait {
            return Err(secs);
        }
        if windows.len() > 100_000 {
            let window = self.limits.window;
            windows.retain(|_, w| w.started + window > now);
        }
        for (key, _) in keys {
            let w = windows.entry(key.clone()).or_insert(Window { started: now, failures: 0 });
            if w.started + self.limits.window <= now {
                *w = Window { started: now, failures: 0 };
            }
            w.failures += 1;
        }
        Ok(())
    }

    /// The attempt succeeded: the account's failures are forgiven, and the address gets its
    /// attempt back (many people may share one address).
    pub fn succeeded(&self, account: &str, address: &str) {
        let mut windows = self.windows.lock().expect("throttle lock");
        windows.remove(&account_key(account));
        if let Some(w) = windows.get_mut(&address_key(address)) {
            w.failures = w.failures.saturating_sub(1);
        }
    }
}

fn account_key(account: &str) -> String {
    format!("acct:{account}")
}

fn address_key(address: &str) -> String {
    format!("addr:{address}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle() -> LoginThrottle {
        LoginThrottle::new(Limits {
            per_account: 3,
            per_address: 5,
            signups_per_address: 2,
            emails_per_key: 2,
            window: Duration::from_secs(60),
        })
    }

    #[test]
    fn an_account_is_refused_after_its_failures_until_the_window_ends() {
        let t = throttle();
        let now = Instant::now();
        for _ in 0..3 {
            assert!(t.begin_attempt("a@x.io", "1.1.1.1", now).is_ok());
        }
        let wait = t.begin_attempt("a@x.io", "9.9.9.9", now + Duration::from_secs(10)).unwrap_err();
        assert_eq!(wait, 50);
        assert!(t.begin_attempt("b@x.io", "9.9.9.9", now).is_ok(), "another account is not affected");
        assert!(t.begin_attempt("a@x.io", "1.1.1.1", now + Duration::from_secs(61)).is_ok());
    }

    #[test]
    fn an_address_is_refused_after_failures_across_accounts() {
        let t = throttle();
        let now = Instant::now();
        for i in 0..5 {
            assert!(t.begin_attempt(&format!("u{i}@x.io"), "1.1.1.1", now).is_ok());
        }
        assert!(t.begin_attempt("new@x.io", "1.1.1.1", now).is_err());
        assert!(t.begin_attempt("new@x.io", "2.2.2.2", now).is_ok());
    }

    #[test]
    fn success_forgives_the_account_and_returns_the_address_its_attempt() {
        let t = throttle();
        let now = Instant::now();
        for _ in 0..2 {
            t.begin_attempt("a@x.io", "1.1.1.1", now).unwrap();
        }
        t.begin_attempt("a@x.io", "1.1.1.1", now).unwrap();
        t.succeeded("a@x.io", "1.1.1.1");
        for _ in 0..3 {
            assert!(t.begin_attempt("a@x.io", "1.1.1.1", now).is_ok());
        }
        // Many successful sign-ins from one address (an office) never lock it.
        for i in 0..50 {
            let who = format!("p{i}@x.io");
            t.begin_attempt(&who, "8.8.8.8", now).unwrap();
            t.succeeded(&who, "8.8.8.8");
        }
        assert!(t.begin_attempt("last@x.io", "8.8.8.8", now).is_ok());
    }

    #[test]
    fn sign_ups_are_counted_per_address_apart_from_sign_ins() {
        let t = throttle();
        let now = Instant::now();
        assert!(t.begin_signup("1.1.1.1", now).is_ok());
        assert!(t.begin_signup("1.1.1.1", now).is_ok());
        assert_eq!(t.begin_signup("1.1.1.1", now + Duration::from_secs(15)), Err(45));
        assert!(t.begin_signup("2.2.2.2", now).is_ok());
        assert!(t.begin_attempt("a@x.io", "1.1.1.1", now).is_ok(), "signing in is another budget");
    }

    proptest::proptest! {
        /// However attempts interleave, no key gets more attempts in a window than its limit.
        #[test]
        fn attempts_never_exceed_the_limits(ops in proptest::collection::vec((0u8..4, 0u8..3, proptest::bool::ANY), 0..200)) {
            let t = throttle();
            let now = Instant::now();
            let mut allowed_failures = std::collections::HashMap::<String, u32>::new();
            for (acct, addr, ok) in ops {
                let (acct, addr) = (format!("u{acct}"), format!("10.0.0.{addr}"));
                if t.begin_attempt(&acct, &addr, now).is_ok() {
                    if ok {
                        t.succeeded(&acct, &addr);
                        allowed_failures.remove(&acct);
                    } else {
                        *allowed_failures.entry(acct).or_default() += 1;
                    }
                }
            }
            proptest::prop_assert!(allowed_failures.values().all(|n| *n <= 3));
        }
    }
}
