//! Co-creators: a creator invites other accounts to a design with agreed shares of its
//! royalties, in basis points; the creator keeps the rest, so the split always adds up to
//! 10,000. Each invitee accepts or declines; the split counts as agreed when every co-creator
//! has accepted it, and that is the split the royalty ledger will use.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::accounts::domain::Email;
use crate::accounts::repo as accounts;
use crate::app::AppState;
use crate::db::{Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::http::{CurrentUser, Input, PathParam, Valid};
use crate::on_db;

pub const WHOLE_BPS: i64 = 10_000;

#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct CoCreator {
    pub account_id: Uuid,
    pub display_name: String,
    /// Basis points of the design's royalties (10,000 = all of them).
    pub share_bps: i64,
    /// `invited`, `accepted` or `declined`.
    pub status: String,
}

/// The whole split of a design: its creator's share and each co-creator's.
#[derive(Debug, Serialize, ToSchema)]
pub struct Split {
    pub creator_share_bps: i64,
    pub co_creators: Vec<CoCreator>,
    /// Every co-creator accepted the split as it stands.
    pub agreed: bool,
}

pub async fn split_of(ex: Ex<'_>, design: Uuid) -> Result<Split> {
    let sql = "SELECT c.account_id, a.display_name, c.share_bps, c.status FROM design_co_creators c \
               JOIN accounts a ON a.id = c.account_id WHERE c.design_id = $1 ORDER BY c.share_bps DESC, a.display_name";
    let co_creators: Vec<CoCreator> = on_db!(ex, |c| sqlx::query_as(sql).bind(design).fetch_all(&mut *c).await)?;
    let given: i64 = co_creators.iter().filter(|c| c.status != "declined").map(|c| c.share_bps).sum();
    let agreed = co_creators.iter().all(|c| c.status == "accepted");
    Ok(Split { creator_share_bps: WHOLE_BPS - given, co_creators, agreed })
}

/// Refuses a change of the split while the brand's offer is open or the design is on the menu:
/// the creators accepted the terms with these shares. The design's row is locked first, so a
/// decision making an offer either came before (and is seen) or waits.
async fn split_is_open(tx: &mut Tx, design: Uuid) -> Result<()> {
    let lock = "UPDATE designs SET updated_at = updated_at WHERE id = $1";
    on_db!(tx.ex(), |c| sqlx::query(lock).bind(design).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    if crate::brand::listings::is_open(tx.ex(), design).await? {
        return Err(Error::detail(
            ErrorCode::DesignNotEditable,
            "The split is fixed while the brand's offer is open or the design is on the menu.",
        ));
    }
    Ok(())
}

/// Records a co-creator who has already agreed (demo data, imports).
pub async fn insert_accepted(ex: Ex<'_>, design: Uuid, account: Uuid, share_bps: i64, now: i64) -> Result<()> {
    let sql = "INSERT INTO design_co_creators (design_id, account_id, share_bps, status, invited_at, responded_at) \
               VALUES ($1, $2, $3, 'accepted', $4, $4)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(design)
        .bind(account)
        .bind(share_bps)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// One co-creator and their share: someone new by `email`, or someone already in the split by
/// `account_id` (the split lists account ids, never emails).
#[derive(Debug, Deserialize, ToSchema)]
pub struct ShareBody {
    pub email: Option<String>,
    pub account_id: Option<Uuid>,
    pub share_bps: Option<i64>,
}

/// Who a share is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Person {
    Email(Email),
    Account(Uuid),
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SplitBody {
    /// The co-creators and their shares; the creator keeps the rest. An empty list removes them all.
    #[serde(default)]
    pub co_creators: Vec<ShareBody>,
}

pub struct NewSplit(Vec<(Person, i64)>);

impl Input for NewSplit {
    type Raw = SplitBody;
    fn parse(raw: SplitBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut shares = Vec::new();
        for (i, s) in raw.co_creators.into_iter().enumerate() {
            let email = match (s.account_id, s.email) {
                (Some(id), None) => Ok(Person::Account(id)),
                (None, email) => crate::error::required(email, Email::parse).map(Person::Email),
                (Some(_), Some(_)) => {
                    Err(crate::error::Issue::new("ambiguous", "Give an email or an account id, not both."))
                }
            };
            let share = match s.share_bps {
                Some(bps) if (1..WHOLE_BPS).contains(&bps) => Ok(bps),
                _ => Err(crate::error::Issue::new(
                    "out_of_range",
                    "A share is 1 to 9,999 basis points (0.01% to 99.99%).",
                )),
            };
            match (email, share) {
                (Ok(e), Ok(b)) => shares.push((e, b)),
                (e, b) => {
                    for (f, issue) in [("email", e.err()), ("share_bps", b.err())] {
                        if let Some(issue) = issue {
                            errors.push(FieldError::new(format!("co_creators[{i}].{f}"), issue.code, issue.message));
                        }
                    }
                }
            }
        }
        let total: i64 = shares.iter().map(|(_, b)| b).sum();
        if total >= WHOLE_BPS {
            errors.push(FieldError::new(
                "co_creators",
                "shares_too_large",
                "The co-creators' shares leave nothing to the creator: together they must stay under 10,000.",
            ));
        }
        for (i, (e, _)) in shares.iter().enumerate() {
            if shares[..i].iter().any(|(o, _)| o == e) {
                errors.push(FieldError::new(
                    format!("co_creators[{i}].email"),
                    "duplicate",
                    "This person is already in the list.",
                ));
            }
        }
        if errors.is_empty() { Ok(NewSplit(shares)) } else { Err(errors) }
    }
}

/// Sets a design's co-creators and their shares (its creator only, before it is listed). Every
/// co-creator whose share is new or changed is asked again.
#[utoipa::path(put, path = "/api/v1/designs/{id}/co-creators", tag = "studio", params(("id" = Uuid, Path)),
    request_body = SplitBody,
    responses(
        (status = 200, body = Split),
        (status = 404, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem, description = "shares out of range, over the whole, unknown or repeated people"),
    ))]
pub async fn set(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(NewSplit(shares)): Valid<NewSplit>,
) -> Result<Json<Split>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let creator: Option<(Uuid, String)> =
        on_db!(tx.ex(), |c| sqlx::query_as("SELECT creator_id, status FROM designs WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *c)
            .await)?;
    let Some((creator, status)) = creator else { return Err(Error::code(ErrorCode::NotFound)) };
    if creator != user.id {
        return Err(Error::code(if status == "draft" { ErrorCode::NotFound } else { ErrorCode::Forbidden }));
    }
    if status == "withdrawn" {
        return Err(Error::detail(ErrorCode::DesignNotEditable, "A withdrawn design's split cannot change."));
    }
    split_is_open(&mut tx, id).await?;
    let mut wanted = Vec::new();
    let mut errors = Vec::new();
    for (i, (person, bps)) in shares.iter().enumerate() {
        let found = match person {
            Person::Email(email) => accounts::find_account_by_email(tx.ex(), email.as_str()).await?,
            Person::Account(id) => accounts::find_account(tx.ex(), *id).await?,
        };
        match found {
            Some(a) if a.id == user.id => errors.push(FieldError::new(
                format!("co_creators[{i}].email"),
                "is_creator",
                "You are the creator; your share is what the others leave.",
            )),
            Some(a) if wanted.iter().any(|(w, _)| *w == a.id) => errors.push(FieldError::new(
                format!("co_creators[{i}].email"),
                "duplicate",
                "This person is already in the list.",
            )),
            Some(a) => wanted.push((a.id, *bps)),
            None => errors.push(match person {
                Person::Email(_) => FieldError::new(
                    format!("co_creators[{i}].email"),
                    "unknown_account",
                    "Nobody has an account with this email yet.",
                ),
                Person::Account(_) => FieldError::new(
                    format!("co_creators[{i}].account_id"),
                    "unknown_account",
                    "This account no longer exists.",
                ),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let current = split_of(tx.ex(), id).await?;
    on_db!(tx.ex(), |c| {
        for old in &current.co_creators {
            if !wanted.iter().any(|(a, _)| *a == old.account_id) {
                sqlx::query("DELETE FROM design_co_creators WHERE design_id = $1 AND account_id = $2")
                    .bind(id)
                    .bind(old.account_id)
                    .execute(&mut *c)
                    .await?;
            }
        }
        for (account, bps) in &wanted {
            let unchanged = current.co_creators.iter().any(|o| o.account_id == *account && o.share_bps == *bps);
            if unchanged {
                continue;
            }
            sqlx::query(
                "INSERT INTO design_co_creators (design_id, account_id, share_bps, status, invited_at) VALUES ($1, $2, $3, 'invited', $4) \
                 ON CONFLICT (design_id, account_id) DO UPDATE SET share_bps = $3, status = 'invited', invited_at = $4, responded_at = NULL",
            )
            .bind(id)
            .bind(account)
            .bind(bps)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        Ok::<_, sqlx::Error>(())
    })?;
    let split = split_of(tx.ex(), id).await?;
    tx.commit().await?;
    Ok(Json(split))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerBody {
    pub accept: Option<bool>,
}

pub struct Answer(bool);

impl Input for Answer {
    type Raw = AnswerBody;
    fn parse(raw: AnswerBody) -> Result<Self, Vec<FieldError>> {
        raw.accept
            .map(Answer)
            .ok_or_else(|| vec![FieldError::new("accept", "required", "Say true to accept or false to decline.")])
    }
}

/// An invitee accepts or declines their share of a design.
#[utoipa::path(post, path = "/api/v1/designs/{id}/co-creators/answer", tag = "studio", params(("id" = Uuid, Path)),
    request_body = AnswerBody,
    responses((status = 200, body = Split), (status = 404, body = crate::error::Problem, description = "no invitation for you")))]
pub async fn answer(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(Answer(accept)): Valid<Answer>,
) -> Result<Json<Split>> {
    let mut tx = state.db.begin().await?;
    split_is_open(&mut tx, id).await?;
    let sql = "UPDATE design_co_creators SET status = $3, responded_at = $4 WHERE design_id = $1 AND account_id = $2";
    let changed = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(user.id)
        .bind(if accept { "accepted" } else { "declined" })
        .bind(now_ms())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    let split = split_of(tx.ex(), id).await?;
    tx.commit().await?;
    Ok(Json(split))
}

#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Invitation {
    pub design_id: Uuid,
    pub design_name: String,
    pub creator_name: String,
    pub share_bps: i64,
    pub status: String,
    pub invited_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationList {
    pub items: Vec<Invitation>,
}

/// The designs I am invited to, newest first, with the share offered.
#[utoipa::path(get, path = "/api/v1/me/invitations", tag = "studio", responses((status = 200, body = InvitationList)))]
pub async fn mine(State(state): State<AppState>, user: CurrentUser) -> Result<Json<InvitationList>> {
    let sql = "SELECT c.design_id, d.name AS design_name, a.display_name AS creator_name, c.share_bps, c.status, c.invited_at \
               FROM design_co_creators c JOIN designs d ON d.id = c.design_id JOIN accounts a ON a.id = d.creator_id \
               WHERE c.account_id = $1 ORDER BY c.invited_at DESC LIMIT 200";
    let mut conn = state.db.reader().await?;
    let items = on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(user.id).fetch_all(&mut *c).await)?;
    Ok(Json(InvitationList { items }))
}
