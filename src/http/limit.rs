//! Per-account rate limits on the community's writes (ratings, comments, reports), so one
//! account cannot flood a design or the moderators. GCRA buckets from `governor` (a well-kept
//! implementation of the generic cell rate algorithm): a burst is allowed, then a steady rate.
//! Kept in process memory, like the sign-in throttle.

use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use uuid::Uuid;

use crate::error::{Error, Result};

/// Per minute, per account.
#[derive(Debug, Clone, Copy)]
pub struct ActionQuotas {
    pub ratings: u32,
    pub comments: u32,
    pub reports: u32,
}

impl Default for ActionQuotas {
    fn default() -> Self {
        ActionQuotas { ratings: 30, comments: 6, reports: 10 }
    }
}

pub struct ActionLimits {
    ratings: DefaultKeyedRateLimiter<Uuid>,
    comments: DefaultKeyedRateLimiter<Uuid>,
    reports: DefaultKeyedRateLimiter<Uuid>,
    clock: DefaultClock,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl ActionLimits {
    pub fn new(q: ActionQuotas) -> ActionLimits {
        ActionLimits {
            ratings: DefaultKeyedRateLimiter::keyed(per_minute(q.ratings)),
            comments: DefaultKeyedRateLimiter::keyed(per_minute(q.comments)),
            reports: DefaultKeyedRateLimiter::keyed(per_minute(q.reports)),
            clock: DefaultClock::default(),
        }
    }

    /// A rating given, changed or removed.
    pub fn rating(&self, account: Uuid) -> Result<()> {
        self.take(&self.ratings, account)
    }

    /// A comment posted or edited.
    pub fn comment(&self, account: Uuid) -> Result<()> {
        self.take(&self.comments, account)
    }

    pub fn report(&self, account: Uuid) -> Result<()> {
        self.take(&self.reports, account)
    }

    fn take(&self, limiter: &DefaultKeyedRateLimiter<Uuid>, account: Uuid) -> Result<()> {
        // Forget accounts whose bucket is full again, so the map stays the size of the
        // accounts active in the last minute.
        if limiter.len() > 50_000 {
            limiter.retain_recent();
        }
        limiter.check_key(&account).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            Error::rate_limited(wait.as_secs().max(1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_limited_after_its_burst_and_others_are_not() {
        let limits = ActionLimits::new(ActionQuotas { ratings: 3, comments: 1, reports: 1 });
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        for _ in 0..3 {
            limits.rating(a).unwrap();
        }
        let refused = limits.rating(a).unwrap_err();
        assert!(matches!(refused, Error::Client { retry_after_secs: Some(s), .. } if (1..=60).contains(&s)));
        limits.rating(b).unwrap();
        // Each action has its own bucket.
        limits.comment(a).unwrap();
        assert!(limits.comment(a).is_err());
    }
}
