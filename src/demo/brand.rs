//! The brand's side of the demo: the curator has answered the oldest shortlisted designs (two
//! approved, their creators accepted, so they are on the menu; one rejected with its reason),
//! and the crowd favourite waits in review. Every step goes through the same code as the API.

use uuid::Uuid;

use crate::brand::listings::{self, NewTerms};
use crate::brand::review::{self, Decision, DecisionInput};
use crate::db::{Db, now_ms};
use crate::money::{Currency, Money};
use crate::on_db;

const REJECTION: &str = "Thank you! It is close to our Classic, and the kitchen cannot keep two so alike. \
                         Try it with the smoked cheddar and a sauce of your own: we would love to taste that.";

/// Decides on the oldest shortlisted designs except `keep_in_review`.
pub async fn seed(db: &Db, curator: Uuid, keep_in_review: Uuid) -> anyhow::Result<()> {
    let now = now_ms();
    let mut tx = db.begin().await?;
    let sql = "SELECT r.design_id, d.price, d.currency FROM reviews r JOIN designs d ON d.id = r.design_id \
               WHERE r.decision IS NULL AND r.design_id <> $1 ORDER BY r.entered_at, r.design_id LIMIT 3";
    let waiting: Vec<(Uuid, i64, String)> =
        on_db!(tx.ex(), |c| sqlx::query_as(sql).bind(keep_in_review).fetch_all(&mut *c).await)?;
    for (i, (design, price, currency)) in waiting.into_iter().enumerate() {
        let currency = Currency::parse(&currency).map_err(|e| anyhow::anyhow!(e.message))?;
        let input = if i < 2 {
            // 4food paid a fixed amount per burger; we add a small share of the line.
            let terms = NewTerms {
                price: Money::new(price, currency),
                royalty_bps: 300,
                royalty_fixed: 25,
                at: now - 3 * crate::community::promotion::DAY_MS,
            };
            let reason = Some("Approved after a tasting: it is going on the menu.".to_string());
            DecisionInput { decision: Decision::Approved, reason, terms: Some(terms) }
        } else {
            DecisionInput { decision: Decision::Rejected, reason: Some(REJECTION.to_string()), terms: None }
        };
        review::decide_in(&mut tx, design, &input, curator, super::DEMO_SITE, now).await?;
        if input.decision == Decision::Approved {
            let terms =
                listings::offered_terms(tx.ex(), design, now).await?.ok_or_else(|| anyhow::anyhow!("no offer"))?;
            for (creator, _) in listings::acceptors(tx.ex(), design).await? {
                listings::accept_in(&mut tx, design, creator, terms, super::DEMO_SITE, now).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
