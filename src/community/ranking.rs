//! How designs are ranked: pure functions over a design's rating histogram.
//!
//! **Top** sorts by a lower confidence bound of the mean rating, not by the average, so that a
//! design with one 5-star rating does not beat one with two hundred ratings averaging 4.6. The
//! bound is Evan Miller's for star ratings ("Ranking Items With Star Ratings", 2015): a
//! Bayesian posterior of the rating with a Dirichlet prior of one rating on each star, and the
//! normal approximation of its mean at z = 1.65 (about 95% one-sided). With `n_k` ratings of `k`
//! stars, `N = Σ n_k` and `K = 5` stars:
//!
//! ```text
//! mean  = Σ k   (n_k + 1) / (N + K)
//! mean2 = Σ k²  (n_k + 1) / (N + K)
//! lower_bound = mean − z · sqrt((mean2 − mean²) / (N + K + 1))
//! ```
//!
//! **Hot** favours designs that earn support recently, in a form that never changes once written
//! (so it can sit on the design's row, indexed, and a feed is an index scan): the support of a
//! design, `ln(1 + count · (lower_bound − 1) / 4)`, plus its publication time divided by a
//! constant. Newer designs start higher; an older one stays above them only while it has
//! `e` times their support per [`HOT_TIME_CONSTANT_SECS`] of age (the same trick as Reddit's
//! "hot", with the star bound in place of the vote difference).

/// The z-score of the bound: 1.65 leaves about 5% of the posterior below it.
pub const Z: f64 = 1.65;

/// The number of stars a rating can give.
pub const STARS: usize = 5;

/// How much age a design's support must make up for: every 36 hours later, a design needs `e`
/// times less support to rank level.
pub const HOT_TIME_CONSTANT_SECS: f64 = 36.0 * 3600.0;

/// A design's ratings: how many of each star, 1 to 5.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Histogram(pub [i64; STARS]);

impl Histogram {
    pub fn count(&self) -> i64 {
        self.0.iter().sum()
    }

    /// The plain average, for people to read (never for ranking); `None` with no rating.
    pub fn average(&self) -> Option<f64> {
        let n = self.count();
        (n > 0).then(|| self.0.iter().enumerate().map(|(i, c)| (i as f64 + 1.0) * *c as f64).sum::<f64>() / n as f64)
    }

    /// Evan Miller's lower bound of the mean rating (see the module's documentation).
    pub fn lower_bound(&self) -> f64 {
        let n = self.count() as f64;
        let k = STARS as f64;
        let (mut mean, mut mean2) = (0.0, 0.0);
        for (i, c) in self.0.iter().enumerate() {
            let stars = i as f64 + 1.0;
            let weight = (*c as f64 + 1.0) / (n + k);
            mean += stars * weight;
            mean2 += stars * stars * weight;
        }
        let variance = ((mean2 - mean * mean) / (n + k + 1.0)).max(0.0);
        mean - Z * variance.sqrt()
    }

    pub fn add(&mut self, stars: u8) {
        self.0[usize::from(stars.clamp(1, 5)) - 1] += 1;
    }
}

/// The hot score of a design published at `published_at_ms` (unix milliseconds).
pub fn hot(histogram: &Histogram, published_at_ms: i64) -> f64 {
    let support = histogram.count() as f64 * ((histogram.lower_bound() - 1.0) / 4.0).max(0.0);
    (1.0 + support).ln() + (published_at_ms as f64 / 1000.0) / HOT_TIME_CONSTANT_SECS
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-4
    }

    #[test]
    fn one_five_star_rating_does_not_beat_two_hundred_averaging_four_point_six() {
        let one = Histogram([0, 0, 0, 0, 1]);
        let many = Histogram([0, 0, 0, 80, 120]);
        assert!(close(many.average().unwrap(), 4.6));
        // Worked by hand from the formula: 20/6 − 1.65·sqrt((80/6 − (20/6)²)/7).
        assert!(close(one.lower_bound(), 2.4036), "{}", one.lower_bound());
        // 935/205 − 1.65·sqrt((4335/205 − (935/205)²)/206).
        assert!(close(many.lower_bound(), 4.4936), "{}", many.lower_bound());
        assert!(many.lower_bound() > one.lower_bound());
    }

    #[test]
    fn no_rating_sits_below_the_middle_of_the_scale() {
        let none = Histogram::default();
        assert_eq!(none.average(), None);
        // The prior alone: mean 3, spread sqrt(2/6).
        assert!(close(none.lower_bound(), 3.0 - Z * (2.0f64 / 6.0).sqrt()), "{}", none.lower_bound());
    }

    #[test]
    fn hot_prefers_recent_support() {
        let day_ms = 24 * 3600 * 1000;
        let liked = Histogram([0, 0, 1, 5, 20]);
        assert!(hot(&liked, 10 * day_ms) > hot(&liked, 9 * day_ms), "the same support ranks higher when newer");
        assert!(hot(&liked, 10 * day_ms) > hot(&Histogram::default(), 10 * day_ms), "support counts");
        // Forty days on, a fresh design with no rating outranks yesterday's favourite.
        assert!(hot(&Histogram::default(), 50 * day_ms) > hot(&liked, 10 * day_ms));
    }

    fn histogram() -> impl Strategy<Value = Histogram> {
        prop::array::uniform5(0i64..300).prop_map(Histogram)
    }

    proptest! {
        #[test]
        fn the_bound_stays_on_the_scale_and_below_the_posterior_mean(h in histogram()) {
            let lb = h.lower_bound();
            prop_assert!((0.0..=5.0).contains(&lb), "{lb}");
            let n = h.count() as f64;
            let posterior_mean: f64 = h.0.iter().enumerate().map(|(i, c)| (i as f64 + 1.0) * (*c as f64 + 1.0)).sum::<f64>() / (n + 5.0);
            prop_assert!(lb <= posterior_mean + 1e-12);
        }

        #[test]
        fn a_five_star_rating_never_lowers_the_bound_and_a_one_star_never_raises_it(h in histogram()) {
            let mut up = h;
            up.add(5);
            prop_assert!(up.lower_bound() >= h.lower_bound() - 1e-12);
            let mut down = h;
            down.add(1);
            prop_assert!(down.lower_bound() <= h.lower_bound() + 1e-12);
        }

        #[test]
        fn more_of_the_same_ratings_only_tighten_the_bound_upwards(stars in 3u8..=5, n in 1i64..200) {
            // Many ratings of the same mean are more certain than few: the bound rises towards it
            // (for means above the prior's 3).
            let mut few = Histogram::default();
            let mut many = Histogram::default();
            few.0[usize::from(stars) - 1] = n;
            many.0[usize::from(stars) - 1] = n * 10;
            prop_assert!(many.lower_bound() >= few.lower_bound() - 1e-12);
        }
    }
}
