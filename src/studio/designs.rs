//! Designs: the live quote, drafts (create, edit, delete), publishing (which freezes what the
//! design is made of into a snapshot and gives it a public page), withdrawing, and remixing.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::catalog::{self, ALLERGENS, Choice, DIETARY_TAGS, Flags, Lang, Nutrition, Quote};
use super::input::{self, Localized};
use super::templates::{self, Loaded};
use crate::accounts::domain::Role;
use crate::app::AppState;
use crate::db::{Conn, Ex, Tx, now_ms};
use crate::error::{Error, ErrorCode, FieldError, OnConstraint, Result};
use crate::http::{CurrentUser, Input, MaybeUser, PathParam, Valid};
use crate::money::{Currency, Money};
use crate::on_db;

// ---------------------------------------------------------------------------------------------
// Input

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
pub struct ChoiceBody {
    pub option_id: Uuid,
    #[serde(default = "one")]
    pub quantity: i64,
}

fn one() -> i64 {
    1
}

const MAX_CHOICES: usize = 50;

fn choices(raw: Vec<ChoiceBody>) -> Result<Vec<Choice>, FieldError> {
    if raw.len() > MAX_CHOICES {
        return Err(FieldError::new("choices", "too_many", format!("A design has at most {MAX_CHOICES} choices.")));
    }
    Ok(raw.into_iter().map(|c| Choice { option_id: c.option_id, quantity: c.quantity }).collect())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct QuoteBody {
    pub template_id: Option<Uuid>,
    #[serde(default)]
    pub choices: Vec<ChoiceBody>,
}

pub struct QuoteInput {
    template_id: Uuid,
    choices: Vec<Choice>,
}

impl Input for QuoteInput {
    type Raw = QuoteBody;
    fn parse(raw: QuoteBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let choices = choices(raw.choices).map_err(|e| errors.push(e)).ok();
        if raw.template_id.is_none() {
            errors.push(FieldError::new("template_id", "required", "This field is required."));
        }
        match (raw.template_id, choices) {
            (Some(template_id), Some(choices)) if errors.is_empty() => Ok(QuoteInput { template_id, choices }),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftBody {
    pub template_id: Option<Uuid>,
    #[serde(default)]
    pub choices: Vec<ChoiceBody>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A draft as typed: the name may still be empty (publishing needs one).
pub struct Draft {
    template_id: Option<Uuid>,
    choices: Vec<Choice>,
    name: String,
    story: String,
    tags: Vec<String>,
}

impl Input for Draft {
    type Raw = DraftBody;
    fn parse(raw: DraftBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut issue = |field: &str, r: Result<(), crate::error::Issue>| {
            if let Err(i) = r {
                errors.push(FieldError::new(field, i.code, i.message));
            }
        };
        let name = if raw.name.trim().is_empty() { Ok(String::new()) } else { input::design_name(&raw.name) };
        let story = input::story(&raw.story);
        let tags = input::tags(&raw.tags);
        issue("name", name.as_ref().map(drop).map_err(Clone::clone));
        issue("story", story.as_ref().map(drop).map_err(Clone::clone));
        issue("tags", tags.as_ref().map(drop).map_err(Clone::clone));
        let choices = choices(raw.choices).map_err(|e| errors.push(e)).ok();
        match (name, story, tags, choices) {
            (Ok(name), Ok(story), Ok(tags), Some(choices)) if errors.is_empty() => {
                Ok(Draft { template_id: raw.template_id, choices, name, story, tags })
            }
            _ => Err(errors),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Views

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteView {
    pub price: Money,
    pub nutrition: Nutrition,
    pub allergens: Vec<String>,
    pub dietary: Vec<String>,
    /// The chosen options from the bottom layer up.
    pub layers: Vec<Uuid>,
    pub ready_to_publish: bool,
    /// What stops publishing, worded in the caller's language.
    pub unfinished: Vec<FieldError>,
}

impl QuoteView {
    fn of(q: &Quote) -> QuoteView {
        QuoteView {
            price: Money::new(q.price, q.currency),
            nutrition: q.nutrition,
            allergens: names(q.allergens, &ALLERGENS),
            dietary: names(q.dietary, &DIETARY_TAGS),
            layers: q.layers.clone(),
            ready_to_publish: q.unfinished.is_empty(),
            unfinished: q.unfinished.clone(),
        }
    }
}

fn names(flags: Flags, list: &[&'static str]) -> Vec<String> {
    flags.names(list).into_iter().map(str::to_string).collect()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Person {
    pub id: Uuid,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct DesignLink {
    pub id: Uuid,
    pub slug: Option<String>,
    pub name: String,
    pub creator_name: String,
}

/// What the brand sees of a design's feasibility.
#[derive(Debug, Serialize, ToSchema)]
pub struct Feasibility {
    pub cost: Money,
    pub margin: Money,
    pub prep_seconds: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignView {
    pub id: Uuid,
    pub status: String,
    pub slug: Option<String>,
    /// The public page, once published.
    pub url: Option<String>,
    pub template_id: Uuid,
    pub template_name: Localized,
    pub name: String,
    pub story: String,
    pub tags: Vec<String>,
    pub choices: Vec<ChoiceBody>,
    pub quote: QuoteView,
    pub creator: Person,
    pub remix_of: Option<DesignLink>,
    /// Who shares the royalties, and whether they all agreed.
    pub split: super::co_creators::Split,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    /// How the community rated it.
    pub ratings: crate::community::ratings::RatingSummary,
    /// The viewer's own rating, when signed in and they rated it.
    pub my_rating: Option<crate::community::ratings::OwnRating>,
    /// When it met every promotion threshold.
    pub shortlisted_at: Option<i64>,
    /// Progress toward the brand's thresholds (published designs).
    pub promotion: Option<crate::community::promotion::Promotion>,
    /// Where it stands in the "top" feed (published designs).
    pub standing: Option<crate::community::promotion::Standing>,
    /// Ratings recorded but not counting yet, by reason: for its creators only.
    pub pending_ratings: Option<crate::community::promotion::PendingRatings>,
    /// Views, share clicks, ratings, would-buys, orders: for its creators and the brand.
    pub funnel: Option<Funnel>,
    /// Only for the brand (curators, community manager, admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feasibility: Option<Feasibility>,
    /// The brand's review, once it reached the brand: public, reason included.
    pub review: Option<crate::brand::review::ReviewView>,
    /// The version this one answers (after the brand asked for changes).
    pub revision_of: Option<crate::brand::DesignRef>,
    /// The newer version that answers the brand's request for changes.
    pub revised_by: Option<crate::brand::DesignRef>,
    /// Its place on the menu, once approved.
    pub listing: Option<crate::brand::listings::ListingView>,
    /// Hidden by a moderator: shown to its creators and the brand only.
    pub hidden: Option<Hidden>,
}

/// Why a moderator hid a design.
#[derive(Debug, Serialize, ToSchema)]
pub struct Hidden {
    pub at: i64,
    pub reason: String,
}

/// The status clients read: the stored one (`draft`, `published`, `withdrawn`), then the stage a
/// published design reached with the brand.
pub fn public_status(status: &str, shortlisted_at: Option<i64>, decision: Option<&str>, listed: bool) -> String {
    match (status, decision) {
        ("published", _) if listed => "listed",
        ("published", Some(d)) => d,
        ("published", None) if shortlisted_at.is_some() => "shortlisted",
        (s, _) => s,
    }
    .to_string()
}

/// A design's funnel, from being seen to being bought.
#[derive(Debug, Serialize, ToSchema)]
pub struct Funnel {
    pub views: i64,
    /// Visits that came through a shared link.
    pub share_clicks: i64,
    pub ratings: i64,
    pub would_buy: i64,
    /// Orders come with the menu; 0 until then.
    pub orders: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignList {
    pub items: Vec<DesignView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PictureLayer {
    pub svg: String,
    pub z: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Picture {
    pub base_layer_svg: String,
    pub layers: Vec<PictureLayer>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Chosen {
    pub name: Localized,
    pub quantity: i64,
}

/// A published design's public page: what it was made of when it was published.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicDesign {
    #[serde(flatten)]
    pub design: DesignView,
    pub picture: Picture,
    pub chosen: Vec<Chosen>,
    pub remixes: Vec<DesignLink>,
    /// Nearest first.
    pub ancestry: Vec<DesignLink>,
}

/// What a design was made of when it was published; never changes after.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub template_slug: String,
    pub template_name: Localized,
    pub base_layer_svg: String,
    pub currency: String,
    pub base_price: i64,
    pub options: Vec<SnapshotOption>,
    pub price: i64,
    pub nutrition: Nutrition,
    pub allergens: Vec<String>,
    pub dietary: Vec<String>,
    pub layers: Vec<Uuid>,
}

impl Snapshot {
    pub fn price_minor(&self) -> i64 {
        self.price
    }

    /// A published design was finished by definition.
    fn quote(&self) -> QuoteView {
        QuoteView {
            price: Money::new(self.price, Currency::parse(&self.currency).unwrap_or(Currency::EUR)),
            nutrition: self.nutrition,
            allergens: self.allergens.clone(),
            dietary: self.dietary.clone(),
            layers: self.layers.clone(),
            ready_to_publish: true,
            unfinished: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotOption {
    pub id: Uuid,
    pub name: Localized,
    pub quantity: i64,
    pub price_delta: i64,
    pub nutrition: Nutrition,
    pub allergens: Vec<String>,
    pub dietary: Vec<String>,
    pub layer_svg: String,
    pub layer_z: i64,
}

impl Snapshot {
    fn take(loaded: &Loaded, choices: &[Choice], quote: &Quote) -> Snapshot {
        let t = &loaded.template;
        let options = choices
            .iter()
            .filter_map(|c| {
                let o = loaded.option(c.option_id)?;
                let spec = o.spec();
                Some(SnapshotOption {
                    id: o.id,
                    name: Localized { en: o.name_en.clone(), fr: o.name_fr.clone() },
                    quantity: c.quantity,
                    price_delta: o.price_delta,
                    nutrition: spec.nutrition,
                    allergens: names(spec.allergens, &ALLERGENS),
                    dietary: names(spec.dietary, &DIETARY_TAGS),
                    layer_svg: o.layer_svg.clone(),
                    layer_z: o.layer_z,
                })
            })
            .collect();
        Snapshot {
            template_slug: t.slug.clone(),
            template_name: t.name(),
            base_layer_svg: t.base_layer_svg.clone(),
            currency: t.currency.clone(),
            base_price: t.base_price,
            options,
            price: quote.price,
            nutrition: quote.nutrition,
            allergens: names(quote.allergens, &ALLERGENS),
            dietary: names(quote.dietary, &DIETARY_TAGS),
            layers: quote.layers.clone(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Storage

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DesignRow {
    pub id: Uuid,
    pub creator_id: Uuid,
    pub template_id: Uuid,
    pub status: String,
    pub slug: Option<String>,
    pub name: String,
    pub story: String,
    pub tags: String,
    pub remix_of: Option<Uuid>,
    pub currency: String,
    pub price: i64,
    pub kcal: i64,
    pub allergens: i64,
    pub dietary: i64,
    pub snapshot: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
    pub stars_1: i64,
    pub stars_2: i64,
    pub stars_3: i64,
    pub stars_4: i64,
    pub stars_5: i64,
    pub would_buy_count: i64,
    pub lower_bound: f64,
    pub shortlisted_at: Option<i64>,
    pub views: i64,
    pub share_clicks: i64,
    pub decision: Option<String>,
    pub revision_of: Option<Uuid>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
}

const DESIGN_COLUMNS: &str = "d.id, d.creator_id, d.template_id, d.status, d.slug, d.name, d.story, d.tags, d.remix_of, \
     d.currency, d.price, d.kcal, d.allergens, d.dietary, s.snapshot, d.created_at, d.updated_at, d.published_at, \
     d.stars_1, d.stars_2, d.stars_3, d.stars_4, d.stars_5, d.would_buy_count, d.lower_bound, d.shortlisted_at, \
     d.views, d.share_clicks, d.decision, d.revision_of, d.hidden_at, d.hidden_reason";
/// The designs (`d`) with their snapshots (`s`), for [`DESIGN_COLUMNS`].
const DESIGNS: &str = "designs d LEFT JOIN design_snapshots s ON s.design_id = d.id";

async fn find(ex: Ex<'_>, id: Uuid) -> Result<Option<DesignRow>> {
    let sql = format!("SELECT {DESIGN_COLUMNS} FROM {DESIGNS} WHERE d.id = $1");
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(&mut *c).await)?)
}

/// A published or withdrawn design by its slug, with its creator's display name.
pub async fn published_with_creator(ex: Ex<'_>, slug: &str) -> Result<Option<(DesignRow, String)>> {
    let sql = format!(
        "SELECT {DESIGN_COLUMNS}, a.display_name FROM {DESIGNS} JOIN accounts a ON a.id = d.creator_id \
         WHERE d.slug = $1 AND d.status <> 'draft' AND d.hidden_at IS NULL"
    );
    #[derive(sqlx::FromRow)]
    struct WithName {
        #[sqlx(flatten)]
        row: DesignRow,
        display_name: String,
    }
    let found: Option<WithName> =
        on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(slug).fetch_optional(&mut *c).await)?;
    Ok(found.map(|w| (w.row, w.display_name)))
}

/// The frozen snapshot of a published design.
pub fn snapshot_of(row: &DesignRow) -> Result<Snapshot> {
    row.snapshot
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .ok_or_else(|| Error::Other(anyhow::anyhow!("published design {} has no snapshot", row.id)))
}

async fn find_by_slug(ex: Ex<'_>, slug: &str) -> Result<Option<DesignRow>> {
    let sql = format!("SELECT {DESIGN_COLUMNS} FROM {DESIGNS} WHERE d.slug = $1 AND d.status <> 'draft'");
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(slug).fetch_optional(&mut *c).await)?)
}

async fn list_by_creator(ex: Ex<'_>, creator: Uuid) -> Result<Vec<DesignRow>> {
    let sql = format!(
        "SELECT {DESIGN_COLUMNS} FROM {DESIGNS} WHERE d.creator_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT 200"
    );
    Ok(on_db!(ex, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(creator).fetch_all(&mut *c).await)?)
}

async fn choices_of(ex: Ex<'_>, id: Uuid) -> Result<Vec<Choice>> {
    let sql = "SELECT option_id, quantity FROM design_choices WHERE design_id = $1 ORDER BY position";
    let rows: Vec<(Uuid, i64)> = on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(option_id, quantity)| Choice { option_id, quantity }).collect())
}

async fn display_name(ex: Ex<'_>, id: Uuid) -> Result<String> {
    let sql = "SELECT display_name FROM accounts WHERE id = $1";
    let name: Option<String> = on_db!(ex, |c| sqlx::query_scalar(sql).bind(id).fetch_optional(&mut *c).await)?;
    Ok(name.unwrap_or_default())
}

async fn link(ex: Ex<'_>, id: Uuid) -> Result<Option<DesignLink>> {
    let sql = "SELECT d.id, d.slug, d.name, a.display_name AS creator_name FROM designs d \
               JOIN accounts a ON a.id = d.creator_id WHERE d.id = $1";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await)?)
}

async fn remixes(ex: Ex<'_>, id: Uuid) -> Result<Vec<DesignLink>> {
    let sql = "SELECT d.id, d.slug, d.name, a.display_name AS creator_name FROM designs d \
               JOIN accounts a ON a.id = d.creator_id WHERE d.remix_of = $1 AND d.status = 'published' AND d.hidden_at IS NULL \
               ORDER BY d.published_at DESC LIMIT 100";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).bind(id).fetch_all(&mut *c).await)?)
}

/// Writes the design's choices and the quote figures kept on its row.
async fn write_choices(ex: Ex<'_>, id: Uuid, choices: &[Choice], q: &Quote, now: i64) -> Result<()> {
    on_db!(ex, |c| {
        sqlx::query("DELETE FROM design_choices WHERE design_id = $1").bind(id).execute(&mut *c).await?;
        for (i, ch) in choices.iter().enumerate() {
            sqlx::query(
                "INSERT INTO design_choices (design_id, option_id, position, quantity) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(ch.option_id)
            .bind(i as i64)
            .bind(ch.quantity)
            .execute(&mut *c)
            .await?;
        }
        sqlx::query(
            "UPDATE designs SET price = $2, kcal = $3, allergens = $4, dietary = $5, updated_at = $6 WHERE id = $1",
        )
        .bind(id)
        .bind(q.price)
        .bind(q.nutrition.kcal)
        .bind(q.allergens.0)
        .bind(q.dietary.0)
        .bind(now)
        .execute(&mut *c)
        .await?;
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(())
}

struct NewDesign<'a> {
    id: Uuid,
    creator: Uuid,
    template_id: Uuid,
    currency: Currency,
    name: &'a str,
    story: &'a str,
    tags: &'a [String],
    remix_of: Option<Uuid>,
}

async fn insert(ex: Ex<'_>, d: NewDesign<'_>, now: i64) -> Result<()> {
    let sql = "INSERT INTO designs (id, creator_id, template_id, status, name, story, tags, remix_of, currency, price, \
               kcal, allergens, dietary, created_at, updated_at) \
               VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, 0, 0, 0, 0, $9, $9)";
    on_db!(ex, |c| sqlx::query(sql)
        .bind(d.id)
        .bind(d.creator)
        .bind(d.template_id)
        .bind(d.name)
        .bind(d.story)
        .bind(d.tags.join(" "))
        .bind(d.remix_of)
        .bind(d.currency.as_str())
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Assembling views

async fn view(
    ex_conn: &mut crate::db::Conn,
    row: &DesignRow,
    lang: Lang,
    viewer: Option<&CurrentUser>,
) -> Result<DesignView> {
    let choices = choices_of(ex_conn.ex(), row.id).await?;
    let creator = Person { id: row.creator_id, display_name: display_name(ex_conn.ex(), row.creator_id).await? };
    let remix_of = match row.remix_of {
        Some(id) => link(ex_conn.ex(), id).await?,
        None => None,
    };
    let currency = Currency::parse(&row.currency).unwrap_or(Currency::EUR);
    let snapshot = row.snapshot.as_deref().and_then(|s| serde_json::from_str::<Snapshot>(s).ok());
    let (template_name, quote) = match &snapshot {
        Some(s) => (s.template_name.clone(), s.quote()),
        None => {
            let loaded = templates::load(ex_conn.ex(), row.template_id)
                .await?
                .ok_or_else(|| Error::code(ErrorCode::NotFound))?;
            match catalog::quote(&loaded.catalog(), &choices, lang) {
                Ok(q) => (loaded.template.name(), QuoteView::of(&q)),
                // The template changed under the draft (an option sold out): show what is wrong.
                Err(errors) => (loaded.template.name(), stale_quote(row, currency, errors)),
            }
        }
    };
    let feasibility = match viewer.is_some_and(|u| u.has_any(Role::BRAND)) {
        true => {
            let loaded = templates::load(ex_conn.ex(), row.template_id)
                .await?
                .ok_or_else(|| Error::code(ErrorCode::NotFound))?;
            Some(feasibility(&loaded, &choices, quote.price))
        }
        false => None,
    };
    let split = super::co_creators::split_of(ex_conn.ex(), row.id).await?;
    let histogram =
        crate::community::ranking::Histogram([row.stars_1, row.stars_2, row.stars_3, row.stars_4, row.stars_5]);
    let my_rating = match viewer {
        Some(v) => crate::community::ratings::own(ex_conn.ex(), row.id, v.id).await?,
        None => None,
    };
    let community = community_view(ex_conn, row, &histogram, &split, viewer).await?;
    let now = now_ms();
    let mut review =
        crate::brand::review::find(ex_conn.ex(), row.id).await?.map(|r| crate::brand::review::ReviewView::of(&r, now));
    if let Some(r) = review.as_mut().filter(|_| row.status != "published" || row.hidden_at.is_some()) {
        // Withdrawn or hidden, it left the queue: no answer is late.
        r.overdue = false;
    }
    let listing = crate::brand::listings::for_design(ex_conn.ex(), row.id, viewer, now).await?;
    let revision_of = match row.revision_of {
        Some(id) => crate::brand::review::design_ref(ex_conn.ex(), id).await?,
        None => None,
    };
    let revised_by = match row.decision.as_deref() {
        Some("changes_requested") => crate::brand::review::revision(ex_conn.ex(), row.id).await?,
        _ => None,
    };
    let sees_private = viewer.is_some_and(|v| {
        v.id == row.creator_id || v.has_any(Role::BRAND) || split.co_creators.iter().any(|c| c.account_id == v.id)
    });
    let hidden = match (row.hidden_at, sees_private) {
        (Some(at), true) => Some(Hidden { at, reason: row.hidden_reason.clone().unwrap_or_default() }),
        _ => None,
    };
    let listed = listing.as_ref().is_some_and(|l| l.state == "live");
    Ok(DesignView {
        review,
        listing,
        revision_of,
        revised_by,
        hidden,
        ratings: crate::community::ratings::summary(histogram, row.would_buy_count),
        my_rating,
        shortlisted_at: row.shortlisted_at,
        promotion: community.promotion,
        standing: community.standing,
        pending_ratings: community.pending_ratings,
        funnel: community.funnel,
        id: row.id,
        split,
        status: public_status(&row.status, row.shortlisted_at, row.decision.as_deref(), listed),
        slug: row.slug.clone(),
        url: row.slug.as_ref().map(|s| format!("/d/{s}")),
        template_id: row.template_id,
        template_name,
        name: row.name.clone(),
        story: row.story.clone(),
        tags: row.tags.split_whitespace().map(str::to_string).collect(),
        choices: choices.iter().map(|c| ChoiceBody { option_id: c.option_id, quantity: c.quantity }).collect(),
        quote,
        creator,
        remix_of,
        created_at: row.created_at,
        updated_at: row.updated_at,
        published_at: row.published_at,
        feasibility,
    })
}

struct CommunityView {
    promotion: Option<crate::community::promotion::Promotion>,
    standing: Option<crate::community::promotion::Standing>,
    pending_ratings: Option<crate::community::promotion::PendingRatings>,
    funnel: Option<Funnel>,
}

/// What the community part of a design's page shows, and to whom.
async fn community_view(
    conn: &mut crate::db::Conn,
    row: &DesignRow,
    histogram: &crate::community::ranking::Histogram,
    split: &super::co_creators::Split,
    viewer: Option<&CurrentUser>,
) -> Result<CommunityView> {
    use crate::community::promotion;
    let mut out = CommunityView { promotion: None, standing: None, pending_ratings: None, funnel: None };
    if row.status == "draft" {
        return Ok(out);
    }
    let is_creator = viewer.is_some_and(|v| {
        v.id == row.creator_id || split.co_creators.iter().any(|c| c.account_id == v.id && c.status == "accepted")
    });
    let t = promotion::thresholds(conn.ex()).await?;
    if is_creator {
        out.pending_ratings = Some(promotion::pending(conn.ex(), row.id, &t, now_ms()).await?);
    }
    if is_creator || viewer.is_some_and(|v| v.has_any(Role::BRAND)) {
        out.funnel = Some(Funnel {
            views: row.views,
            share_clicks: row.share_clicks,
            ratings: histogram.count(),
            would_buy: row.would_buy_count,
            orders: 0,
        });
    }
    if row.status == "published" {
        out.promotion = Some(t.progress(histogram, row.would_buy_count));
        out.standing = Some(promotion::standing(conn.ex(), row.id, row.lower_bound).await?);
    }
    Ok(out)
}

/// The brand's figures for a design, from its current costs (whatever the rules say now).
fn feasibility(loaded: &Loaded, choices: &[Choice], price: Money) -> Feasibility {
    let t = &loaded.template;
    let (mut cost, mut prep) = (t.base_cost, t.base_prep_seconds);
    for c in choices {
        if let Some(o) = loaded.option(c.option_id) {
            cost += o.cost * c.quantity;
            prep += o.prep_seconds * c.quantity;
        }
    }
    Feasibility {
        cost: Money::new(cost, price.currency),
        margin: Money::new(price.amount_minor - cost, price.currency),
        prep_seconds: prep,
    }
}

fn stale_quote(row: &DesignRow, currency: Currency, errors: Vec<FieldError>) -> QuoteView {
    QuoteView {
        price: Money::new(row.price, currency),
        nutrition: Nutrition { kcal: row.kcal, ..Nutrition::default() },
        allergens: names(Flags(row.allergens), &ALLERGENS),
        dietary: names(Flags(row.dietary), &DIETARY_TAGS),
        layers: Vec::new(),
        ready_to_publish: false,
        unfinished: errors,
    }
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Prices a selection without saving it: price, nutrition, allergens, dietary tags and the
/// picture's layers, and what (if anything) stops it from being published.
#[utoipa::path(post, path = "/api/v1/designs/quote", tag = "studio", request_body = QuoteBody,
    responses(
        (status = 200, body = QuoteView),
        (status = 404, body = crate::error::Problem, description = "no such template"),
        (status = 422, body = crate::error::Problem, description = "the selection breaks a rule: each error names the choice (`choices[i]`) or the group (`groups.<id>`)"),
    ))]
pub async fn quote(
    State(state): State<AppState>,
    lang: Lang,
    Valid(input): Valid<QuoteInput>,
) -> Result<Json<QuoteView>> {
    let loaded = {
        let mut conn = state.db.reader().await?;
        templates::load(conn.ex(), input.template_id).await?
    };
    let loaded = loaded.filter(|l| l.template.status == "active").ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let q = catalog::quote(&loaded.catalog(), &input.choices, lang).map_err(Error::Validation)?;
    Ok(Json(QuoteView::of(&q)))
}

/// Starts a draft from a template. An unfinished selection is fine for a draft; one that
/// breaks a rule is not.
#[utoipa::path(post, path = "/api/v1/designs", tag = "studio", request_body = DraftBody,
    responses((status = 201, body = DesignView), (status = 422, body = crate::error::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    Valid(draft): Valid<Draft>,
) -> Result<(StatusCode, Json<DesignView>)> {
    let template_id =
        draft.template_id.ok_or_else(|| Error::field("template_id", "required", "This field is required."))?;
    let mut tx = state.db.begin().await?;
    let spec = DraftSpec {
        creator: user.id,
        template_id,
        choices: &draft.choices,
        name: &draft.name,
        story: &draft.story,
        tags: &draft.tags,
        remix_of: None,
    };
    let id = create_draft_in(&mut tx, spec, lang, now_ms()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(read_view(&state, id, lang, Some(&user)).await?)))
}

/// What a new draft is made of.
pub struct DraftSpec<'a> {
    pub creator: Uuid,
    pub template_id: Uuid,
    pub choices: &'a [Choice],
    pub name: &'a str,
    pub story: &'a str,
    pub tags: &'a [String],
    pub remix_of: Option<Uuid>,
}

/// Writes a new draft inside `tx`, refusing a selection that breaks the template's rules.
pub async fn create_draft_in(tx: &mut Tx, d: DraftSpec<'_>, lang: Lang, now: i64) -> Result<Uuid> {
    let loaded = templates::load(tx.ex(), d.template_id).await?.filter(|l| l.template.status == "active");
    let loaded = loaded.ok_or_else(|| Error::field("template_id", "unknown_template", "There is no such template."))?;
    let q = catalog::quote(&loaded.catalog(), d.choices, lang).map_err(Error::Validation)?;
    let id = Uuid::now_v7();
    let new = NewDesign {
        id,
        creator: d.creator,
        template_id: d.template_id,
        currency: loaded.template.currency(),
        name: d.name,
        story: d.story,
        tags: d.tags,
        remix_of: d.remix_of,
    };
    insert(tx.ex(), new, now).await?;
    write_choices(tx.ex(), id, d.choices, &q, now).await?;
    Ok(id)
}

async fn read_view(state: &AppState, id: Uuid, lang: Lang, viewer: Option<&CurrentUser>) -> Result<DesignView> {
    let mut conn = state.db.reader().await?;
    view_by_id(&mut conn, id, lang, viewer).await
}

/// A design's view as `viewer` sees it (no check that they may see a draft).
pub async fn view_by_id(conn: &mut Conn, id: Uuid, lang: Lang, viewer: Option<&CurrentUser>) -> Result<DesignView> {
    let row = find(conn.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    view(conn, &row, lang, viewer).await
}

/// A design: its creator sees drafts; everyone sees published and withdrawn designs.
#[utoipa::path(get, path = "/api/v1/designs/{id}", tag = "studio", params(("id" = Uuid, Path)),
    responses((status = 200, body = DesignView), (status = 404, body = crate::error::Problem)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeUser(viewer): MaybeUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
) -> Result<Json<DesignView>> {
    let mut conn = state.db.reader().await?;
    let row = find(conn.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if !may_see(&mut conn, &row, viewer.as_ref()).await? {
        return Err(Error::code(ErrorCode::NotFound));
    }
    Ok(Json(view(&mut conn, &row, lang, viewer.as_ref()).await?))
}

/// Whether `viewer` may see the design: a draft is seen by its creator and the people invited
/// to create it with them; a design a moderator hid, by them and the brand.
async fn may_see(conn: &mut Conn, row: &DesignRow, viewer: Option<&CurrentUser>) -> Result<bool> {
    if row.status != "draft" && row.hidden_at.is_none() {
        return Ok(true);
    }
    Ok(match viewer {
        None => false,
        Some(v) if v.id == row.creator_id => true,
        Some(v) if row.status != "draft" && v.has_any(Role::BRAND) => true,
        Some(v) => {
            super::co_creators::split_of(conn.ex(), row.id).await?.co_creators.iter().any(|c| c.account_id == v.id)
        }
    })
}

/// The creator's own draft, for a change: someone else's draft does not exist for them, and
/// anything but a draft cannot change.
async fn own_draft(ex: Ex<'_>, id: Uuid, user: &CurrentUser) -> Result<DesignRow> {
    let row = find(ex, id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if row.creator_id != user.id {
        return Err(Error::code(if row.status == "draft" { ErrorCode::NotFound } else { ErrorCode::Forbidden }));
    }
    if row.status != "draft" {
        return Err(Error::code(ErrorCode::DesignNotEditable));
    }
    Ok(row)
}

/// Changes a draft: its choices, name, story and tags.
#[utoipa::path(put, path = "/api/v1/designs/{id}", tag = "studio", params(("id" = Uuid, Path)), request_body = DraftBody,
    responses(
        (status = 200, body = DesignView),
        (status = 409, body = crate::error::Problem, description = "`design_not_editable`: it is published"),
        (status = 422, body = crate::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
    Valid(draft): Valid<Draft>,
) -> Result<Json<DesignView>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = own_draft(tx.ex(), id, &user).await?;
    if draft.template_id.is_some_and(|t| t != row.template_id) {
        return Err(Error::field(
            "template_id",
            "cannot_change",
            "A draft keeps its template; start a new design instead.",
        ));
    }
    let loaded = templates::load(tx.ex(), row.template_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let q = catalog::quote(&loaded.catalog(), &draft.choices, lang).map_err(Error::Validation)?;
    let sql = "UPDATE designs SET name = $2, story = $3, tags = $4, updated_at = $5 WHERE id = $1 AND status = 'draft'";
    on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(&draft.name)
        .bind(&draft.story)
        .bind(draft.tags.join(" "))
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    write_choices(tx.ex(), id, &draft.choices, &q, now).await?;
    tx.commit().await?;
    Ok(Json(read_view(&state, id, lang, Some(&user)).await?))
}

/// Deletes a draft (a published design is withdrawn instead: its history stays).
#[utoipa::path(delete, path = "/api/v1/designs/{id}", tag = "studio", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 409, body = crate::error::Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
) -> Result<StatusCode> {
    let mut tx = state.db.begin().await?;
    own_draft(tx.ex(), id, &user).await?;
    on_db!(tx.ex(), |c| sqlx::query("DELETE FROM designs WHERE id = $1 AND status = 'draft'")
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publishes a draft: it needs a name and a finished selection. What it is made of is frozen
/// from now on, and it gets a public page at `/d/{slug}`.
#[utoipa::path(post, path = "/api/v1/designs/{id}/publish", tag = "studio", params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = DesignView),
        (status = 409, body = crate::error::Problem, description = "already published"),
        (status = 422, body = crate::error::Problem, description = "what is missing: `name`, a group (`groups.<id>`), or `choices`"),
    ))]
pub async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
) -> Result<Json<DesignView>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let draft = own_draft(tx.ex(), id, &user).await?;
    publish_in(&mut tx, id, lang, now).await?;
    if let Some(previous) = draft.revision_of {
        crate::brand::review::resubmit(&mut tx, id, previous, user.id, now).await?;
    }
    if let Some(original) = draft.remix_of {
        // The original's creators hear about the remix once it is public.
        use crate::community::notifications::{Kind, Notice, notify};
        let to = crate::community::promotion::creators_of(tx.ex(), original).await?;
        let notice = Notice { kind: Kind::Remix, design: id, actor: Some(user.id), count: None };
        notify(tx.ex(), &to, notice, &state.settings.public_url(), now).await?;
    }
    tx.commit().await?;
    Ok(Json(read_view(&state, id, lang, Some(&user)).await?))
}

/// Publishes the draft `id` inside `tx`: it needs a name and a finished selection; what it is
/// made of is frozen into its snapshot.
pub async fn publish_in(tx: &mut Tx, id: Uuid, lang: Lang, now: i64) -> Result<()> {
    let row = find(tx.ex(), id)
        .await?
        .filter(|r| r.status == "draft")
        .ok_or_else(|| Error::code(ErrorCode::DesignNotEditable))?;
    let loaded = templates::load(tx.ex(), row.template_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let choices = choices_of(tx.ex(), id).await?;
    let mut missing = Vec::new();
    if row.name.is_empty() {
        let message = lang.pick("Give your design a name.", "Donnez un nom à votre création.");
        missing.push(FieldError::new("name", "required", message));
    }
    let q = match catalog::quote(&loaded.catalog(), &choices, lang) {
        Ok(q) => {
            missing.extend(q.unfinished.iter().cloned());
            Some(q)
        }
        Err(errors) => {
            missing.extend(errors);
            None
        }
    };
    let Some(q) = q.filter(|_| missing.is_empty()) else {
        return Err(Error::Validation(missing));
    };
    let snapshot = serde_json::to_string(&Snapshot::take(&loaded, &choices, &q)).map_err(anyhow::Error::from)?;
    let slug = slug_for(&row.name, id);
    let sql = "UPDATE designs SET status = 'published', slug = $2, published_at = $3, updated_at = $3, \
               price = $4, kcal = $5, allergens = $6, dietary = $7, hot = $8, search_name = $9 \
               WHERE id = $1 AND status = 'draft'";
    let changed = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(&slug)
        .bind(now)
        .bind(q.price)
        .bind(q.nutrition.kcal)
        .bind(q.allergens.0)
        .bind(q.dietary.0)
        .bind(crate::community::ranking::hot(&Default::default(), now))
        .bind(row.name.to_lowercase())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .on_constraint("designs_slug_key", || {
        Error::detail(ErrorCode::DesignNotEditable, "Publishing collided; try again.")
    })?;
    if changed == 0 {
        return Err(Error::code(ErrorCode::DesignNotEditable));
    }
    // In a table of its own, off the row every rating and page view updates (see the migration
    // `design_snapshots`).
    let sql = "INSERT INTO design_snapshots (design_id, snapshot) VALUES ($1, $2)";
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(id).bind(&snapshot).execute(&mut *c).await.map(|_| ()))?;
    Ok(())
}

/// `the-big-one-k3x9q2`: the name's words, then a suffix from the id so slugs never collide.
fn slug_for(name: &str, id: Uuid) -> String {
    let mut words = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            words.push(c);
        } else if !words.ends_with('-') && !words.is_empty() {
            words.push('-');
        }
    }
    let words: String = words.trim_end_matches('-').chars().take(40).collect();
    let suffix: String = id.simple().to_string().chars().rev().take(6).collect();
    if words.is_empty() { suffix } else { format!("{}-{suffix}", words.trim_end_matches('-')) }
}

/// Withdraws a published design: it leaves the feeds; its page and history stay.
#[utoipa::path(post, path = "/api/v1/designs/{id}/withdraw", tag = "studio", params(("id" = Uuid, Path)),
    responses((status = 200, body = DesignView), (status = 409, body = crate::error::Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
) -> Result<Json<DesignView>> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = find(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if row.creator_id != user.id {
        return Err(Error::code(if row.status == "draft" { ErrorCode::NotFound } else { ErrorCode::Forbidden }));
    }
    let sql = "UPDATE designs SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2 WHERE id = $1 AND status = 'published'";
    let changed =
        on_db!(tx.ex(), |c| sqlx::query(sql).bind(id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(Error::detail(ErrorCode::DesignNotEditable, "Only a published design can be withdrawn."));
    }
    // Checked after the row is locked: an offer made meanwhile is seen here.
    if crate::brand::listings::is_open(tx.ex(), id).await? {
        return Err(Error::detail(
            ErrorCode::DesignNotEditable,
            "It is on the brand's menu or offered for it: decline the offer, or ask the brand to retire it.",
        ));
    }
    tx.commit().await?;
    Ok(Json(read_view(&state, id, lang, Some(&user)).await?))
}

/// Starts a new draft from a published design's choices, credited to it. Options that are no
/// longer available are left out.
#[utoipa::path(post, path = "/api/v1/designs/{id}/remix", tag = "studio", params(("id" = Uuid, Path)),
    responses((status = 201, body = DesignView), (status = 404, body = crate::error::Problem)))]
pub async fn remix(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
) -> Result<(StatusCode, Json<DesignView>)> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let source =
        find(tx.ex(), id).await?.filter(|r| r.status == "published").ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let kept = kept_choices(&mut tx, &source, lang).await?;
    let prefix = lang.pick("Remix of", "Remix de");
    let name: String = format!("{prefix} {}", source.name).chars().take(80).collect();
    let spec = DraftSpec {
        creator: user.id,
        template_id: source.template_id,
        choices: &kept,
        name: &name,
        story: "",
        tags: &[],
        remix_of: Some(id),
    };
    let new_id = create_draft_in(&mut tx, spec, lang, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(read_view(&state, new_id, lang, Some(&user)).await?)))
}

/// A design's choices that its template still offers and that still fit its rules as they
/// are now (for a remix or a new version).
async fn kept_choices(tx: &mut Tx, source: &DesignRow, lang: Lang) -> Result<Vec<Choice>> {
    let loaded = templates::load(tx.ex(), source.template_id).await?.filter(|l| l.template.status == "active");
    let loaded = loaded.ok_or_else(|| Error::detail(ErrorCode::NotFound, "Its template is no longer offered."))?;
    let catalog = loaded.catalog();
    let available: Vec<Choice> = choices_of(tx.ex(), source.id)
        .await?
        .into_iter()
        .filter(|c| loaded.option(c.option_id).is_some_and(|o| o.availability == "active"))
        .collect();
    let mut kept: Vec<Choice> = Vec::new();
    for c in available {
        let mut trial = kept.clone();
        trial.push(c);
        if catalog::quote(&catalog, &trial, lang).is_ok() {
            kept = trial;
        }
    }
    Ok(kept)
}

/// Starts a new version of a design the brand asked changes to: a draft copy (choices, name,
/// story, tags, co-creators and their shares) linked to it. Published, it goes straight back
/// to review.
#[utoipa::path(post, path = "/api/v1/designs/{id}/revision", tag = "studio", params(("id" = Uuid, Path)),
    responses(
        (status = 201, body = DesignView),
        (status = 409, body = crate::error::Problem, description = "`not_revisable` or `already_revised`"),
    ))]
pub async fn revise(
    State(state): State<AppState>,
    user: CurrentUser,
    lang: Lang,
    PathParam(id): PathParam<Uuid>,
) -> Result<(StatusCode, Json<DesignView>)> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let source =
        find(tx.ex(), id).await?.filter(|r| r.status != "draft").ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if source.creator_id != user.id {
        return Err(Error::code(ErrorCode::Forbidden));
    }
    if source.decision.as_deref() != Some("changes_requested") {
        return Err(Error::code(ErrorCode::NotRevisable));
    }
    if let Some(newer) = crate::brand::review::revision(tx.ex(), id).await? {
        return Err(Error::detail(ErrorCode::AlreadyRevised, format!("“{}” is its new version.", newer.name)));
    }
    let kept = kept_choices(&mut tx, &source, lang).await?;
    let tags: Vec<String> = source.tags.split_whitespace().map(str::to_string).collect();
    let spec = DraftSpec {
        creator: user.id,
        template_id: source.template_id,
        choices: &kept,
        name: &source.name,
        story: &source.story,
        tags: &tags,
        remix_of: source.remix_of,
    };
    let new_id = create_draft_in(&mut tx, spec, lang, now).await?;
    on_db!(tx.ex(), |c| sqlx::query("UPDATE designs SET revision_of = $2 WHERE id = $1")
        .bind(new_id)
        .bind(id)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .on_constraint("designs_revision_of_key", || Error::code(ErrorCode::AlreadyRevised))?;
    let sql = "INSERT INTO design_co_creators (design_id, account_id, share_bps, status, invited_at, responded_at) \
               SELECT $1, account_id, share_bps, status, invited_at, responded_at FROM design_co_creators \
               WHERE design_id = $2 AND status <> 'declined'";
    on_db!(tx.ex(), |c| sqlx::query(sql).bind(new_id).bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(read_view(&state, new_id, lang, Some(&user)).await?)))
}

/// My designs, newest first.
#[utoipa::path(get, path = "/api/v1/me/designs", tag = "studio", responses((status = 200, body = DesignList)))]
pub async fn mine(State(state): State<AppState>, user: CurrentUser, lang: Lang) -> Result<Json<DesignList>> {
    let mut conn = state.db.reader().await?;
    let rows = list_by_creator(conn.ex(), user.id).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(view(&mut conn, row, lang, Some(&user)).await?);
    }
    Ok(Json(DesignList { items }))
}

/// A published (or withdrawn) design's public page, from what it was made of when published.
#[utoipa::path(get, path = "/api/v1/designs/by-slug/{slug}", tag = "studio", params(("slug" = String, Path)),
    responses((status = 200, body = PublicDesign), (status = 404, body = crate::error::Problem)))]
pub async fn by_slug(
    State(state): State<AppState>,
    MaybeUser(viewer): MaybeUser,
    lang: Lang,
    PathParam(slug): PathParam<String>,
) -> Result<Json<PublicDesign>> {
    let mut conn = state.db.reader().await?;
    let row = find_by_slug(conn.ex(), &slug).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if !may_see(&mut conn, &row, viewer.as_ref()).await? {
        return Err(Error::code(ErrorCode::NotFound));
    }
    let snapshot = snapshot_of(&row)?;
    let design = view(&mut conn, &row, lang, viewer.as_ref()).await?;
    let mut layers: Vec<PictureLayer> =
        snapshot.options.iter().map(|o| PictureLayer { svg: o.layer_svg.clone(), z: o.layer_z }).collect();
    layers.sort_by_key(|l| l.z);
    let chosen = snapshot.options.iter().map(|o| Chosen { name: o.name.clone(), quantity: o.quantity }).collect();
    let remixes = remixes(conn.ex(), row.id).await?;
    let mut ancestry = Vec::new();
    let mut next = row.remix_of;
    while let Some(id) = next.filter(|_| ancestry.len() < 50) {
        let Some(l) = link(conn.ex(), id).await? else { break };
        next = find(conn.ex(), id).await?.and_then(|r| r.remix_of);
        ancestry.push(l);
    }
    Ok(Json(PublicDesign {
        design,
        picture: Picture { base_layer_svg: snapshot.base_layer_svg, layers },
        chosen,
        remixes,
        ancestry,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_read_like_the_name_and_never_collide() {
        let a = slug_for("Le Grand Burger Épicé !", Uuid::now_v7());
        assert!(a.starts_with("le-grand-burger-epice-"), "{a}");
        let b = slug_for("Le Grand Burger Épicé !", Uuid::now_v7());
        assert_ne!(a, b);
        assert!(slug_for("!!!", Uuid::now_v7()).len() == 6);
    }
}
