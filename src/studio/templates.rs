//! The brand's templates: creating one with its groups and options, reading them (customers
//! see prices and nutrition, the brand also sees cost and preparation time), and marking an
//! option out of stock or retired.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::catalog::{ALLERGENS, Availability, Catalog, DIETARY_TAGS, Flags, GroupSpec, Nutrition, OptionSpec};
use super::input::{Localized, localized, svg_layer};
use crate::app::AppState;
use crate::audit;
use crate::db::{Ex, now_ms};
use crate::error::{Error, ErrorCode, FieldError, Issue, OnConstraint, Result};
use crate::http::{CurrentUser, Input, PathParam, Valid};
use crate::money::{Currency, Money};
use crate::on_db;

// ---------------------------------------------------------------------------------------------
// Views

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateSummary {
    pub id: Uuid,
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub base_price: Money,
    /// `active`, or `retired` (only the brand sees retired templates).
    pub status: String,
}

impl TemplateRow {
    fn summary(&self) -> TemplateSummary {
        TemplateSummary {
            id: self.id,
            slug: self.slug.clone(),
            name: self.name(),
            description: Localized { en: self.description_en.clone(), fr: self.description_fr.clone() },
            base_price: Money::new(self.base_price, self.currency()),
            status: self.status.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateView {
    pub id: Uuid,
    pub slug: String,
    pub name: Localized,
    pub description: Localized,
    pub base_price: Money,
    pub base_layer_svg: String,
    pub max_prep_seconds: Option<i64>,
    pub status: String,
    pub groups: Vec<GroupView>,
    /// Brand view only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_cost: Option<Money>,
    /// Brand view only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_prep_seconds: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupView {
    pub id: Uuid,
    pub name: Localized,
    pub min_choices: i64,
    pub max_choices: i64,
    pub max_quantity: i64,
    pub options: Vec<OptionView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionView {
    pub id: Uuid,
    pub name: Localized,
    pub price_delta: Money,
    pub nutrition: Nutrition,
    pub allergens: Vec<&'static str>,
    pub dietary: Vec<&'static str>,
    pub layer_svg: String,
    pub layer_z: i64,
    pub availability: Availability,
    /// Brand view only: what one portion costs the brand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// Brand view only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prep_seconds: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateList {
    pub items: Vec<TemplateSummary>,
}

// ---------------------------------------------------------------------------------------------
// Storage

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateRow {
    pub id: Uuid,
    pub slug: String,
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    pub currency: String,
    pub base_price: i64,
    pub base_cost: i64,
    pub base_prep_seconds: i64,
    pub max_prep_seconds: Option<i64>,
    pub base_layer_svg: String,
    pub status: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct GroupRow {
    id: Uuid,
    name_en: String,
    name_fr: String,
    min_choices: i64,
    max_choices: i64,
    max_quantity: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OptionRow {
    pub id: Uuid,
    pub group_id: Uuid,
    pub name_en: String,
    pub name_fr: String,
    pub price_delta: i64,
    pub cost: i64,
    pub prep_seconds: i64,
    pub kcal: i64,
    pub protein_mg: i64,
    pub carbohydrate_mg: i64,
    pub fat_mg: i64,
    pub salt_mg: i64,
    pub allergens: i64,
    pub dietary: i64,
    pub layer_svg: String,
    pub layer_z: i64,
    pub availability: String,
}

/// A template with everything under it, as stored.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub template: TemplateRow,
    groups: Vec<(GroupRow, Vec<OptionRow>)>,
}

pub async fn load(ex: Ex<'_>, id: Uuid) -> Result<Option<Loaded>> {
    let t_sql = "SELECT id, slug, name_en, name_fr, description_en, description_fr, currency, base_price, \
                 base_cost, base_prep_seconds, max_prep_seconds, base_layer_svg, status FROM templates WHERE id = $1";
    let g_sql = "SELECT id, name_en, name_fr, min_choices, max_choices, max_quantity FROM option_groups \
                 WHERE template_id = $1 ORDER BY position";
    let o_sql = "SELECT o.id, o.group_id, o.name_en, o.name_fr, o.price_delta, o.cost, o.prep_seconds, o.kcal, \
                 o.protein_mg, o.carbohydrate_mg, o.fat_mg, o.salt_mg, o.allergens, o.dietary, o.layer_svg, \
                 o.layer_z, o.availability FROM options o JOIN option_groups g ON g.id = o.group_id \
                 WHERE g.template_id = $1 ORDER BY g.position, o.position";
    on_db!(ex, |c| {
        let Some(template): Option<TemplateRow> = sqlx::query_as(t_sql).bind(id).fetch_optional(&mut *c).await? else {
            return Ok(None);
        };
        let groups: Vec<GroupRow> = sqlx::query_as(g_sql).bind(id).fetch_all(&mut *c).await?;
        let options: Vec<OptionRow> = sqlx::query_as(o_sql).bind(id).fetch_all(&mut *c).await?;
        let groups = groups
            .into_iter()
            .map(|g| {
                let mine = options.iter().filter(|o| o.group_id == g.id).cloned().collect();
                (g, mine)
            })
            .collect();
        Ok(Some(Loaded { template, groups }))
    })
}

pub async fn list_active(ex: Ex<'_>) -> Result<Vec<TemplateRow>> {
    let sql = "SELECT id, slug, name_en, name_fr, description_en, description_fr, currency, base_price, \
               base_cost, base_prep_seconds, max_prep_seconds, base_layer_svg, status FROM templates \
               WHERE status = 'active' ORDER BY created_at";
    Ok(on_db!(ex, |c| sqlx::query_as(sql).fetch_all(&mut *c).await)?)
}

impl TemplateRow {
    pub fn currency(&self) -> Currency {
        Currency::parse(&self.currency).unwrap_or(Currency::EUR)
    }

    pub fn name(&self) -> Localized {
        Localized { en: self.name_en.clone(), fr: self.name_fr.clone() }
    }
}

impl OptionRow {
    pub fn spec(&self) -> OptionSpec {
        OptionSpec {
            id: self.id,
            name_en: self.name_en.clone(),
            name_fr: self.name_fr.clone(),
            price_delta: self.price_delta,
            cost: self.cost,
            prep_seconds: self.prep_seconds,
            nutrition: Nutrition {
                kcal: self.kcal,
                protein_mg: self.protein_mg,
                carbohydrate_mg: self.carbohydrate_mg,
                fat_mg: self.fat_mg,
                salt_mg: self.salt_mg,
            },
            allergens: Flags(self.allergens),
            dietary: Flags(self.dietary),
            availability: Availability::parse(&self.availability).unwrap_or(Availability::Retired),
            layer_z: self.layer_z,
        }
    }

    fn view(&self, currency: Currency, brand: bool) -> OptionView {
        let spec = self.spec();
        OptionView {
            id: self.id,
            name: Localized { en: self.name_en.clone(), fr: self.name_fr.clone() },
            price_delta: Money::new(self.price_delta, currency),
            nutrition: spec.nutrition,
            allergens: spec.allergens.names(&ALLERGENS),
            dietary: spec.dietary.names(&DIETARY_TAGS),
            layer_svg: self.layer_svg.clone(),
            layer_z: self.layer_z,
            availability: spec.availability,
            cost: brand.then(|| Money::new(self.cost, currency)),
            prep_seconds: brand.then_some(self.prep_seconds),
        }
    }
}

impl Loaded {
    pub fn catalog(&self) -> Catalog {
        let t = &self.template;
        Catalog {
            template_id: t.id,
            currency: t.currency(),
            base_price: t.base_price,
            base_cost: t.base_cost,
            base_prep_seconds: t.base_prep_seconds,
            max_prep_seconds: t.max_prep_seconds,
            groups: self
                .groups
                .iter()
                .map(|(g, options)| GroupSpec {
                    id: g.id,
                    name_en: g.name_en.clone(),
                    name_fr: g.name_fr.clone(),
                    min_choices: g.min_choices,
                    max_choices: g.max_choices,
                    max_quantity: g.max_quantity,
                    options: options.iter().map(OptionRow::spec).collect(),
                })
                .collect(),
        }
    }

    pub fn option(&self, id: Uuid) -> Option<&OptionRow> {
        self.groups.iter().flat_map(|(_, o)| o.iter()).find(|o| o.id == id)
    }

    /// Customers do not see retired options nor the brand's own figures.
    pub fn view(&self, brand: bool) -> TemplateView {
        let t = &self.template;
        let currency = t.currency();
        TemplateView {
            id: t.id,
            slug: t.slug.clone(),
            name: t.name(),
            description: Localized { en: t.description_en.clone(), fr: t.description_fr.clone() },
            base_price: Money::new(t.base_price, currency),
            base_layer_svg: t.base_layer_svg.clone(),
            max_prep_seconds: t.max_prep_seconds,
            status: t.status.clone(),
            groups: self
                .groups
                .iter()
                .map(|(g, options)| GroupView {
                    id: g.id,
                    name: Localized { en: g.name_en.clone(), fr: g.name_fr.clone() },
                    min_choices: g.min_choices,
                    max_choices: g.max_choices,
                    max_quantity: g.max_quantity,
                    options: options
                        .iter()
                        .filter(|o| brand || o.availability != "retired")
                        .map(|o| o.view(currency, brand))
                        .collect(),
                })
                .collect(),
            base_cost: brand.then(|| Money::new(t.base_cost, currency)),
            base_prep_seconds: brand.then_some(t.base_prep_seconds),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Creating a template

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewTemplateBody {
    /// Lower-case letters, digits and hyphens; unique.
    pub slug: Option<String>,
    pub name: Option<Localized>,
    pub description: Option<Localized>,
    pub base_price: Option<Money>,
    /// Minor units of the base price's currency.
    #[serde(default)]
    pub base_cost: i64,
    #[serde(default)]
    pub base_prep_seconds: i64,
    pub max_prep_seconds: Option<i64>,
    pub base_layer_svg: Option<String>,
    #[serde(default)]
    pub groups: Vec<NewGroupBody>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewGroupBody {
    pub name: Option<Localized>,
    #[serde(default)]
    pub min_choices: i64,
    pub max_choices: Option<i64>,
    #[serde(default = "one")]
    pub max_quantity: i64,
    #[serde(default)]
    pub options: Vec<NewOptionBody>,
}

fn one() -> i64 {
    1
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewOptionBody {
    pub name: Option<Localized>,
    /// Minor units, in the template's currency; may be negative (a cheaper swap).
    #[serde(default)]
    pub price_delta: i64,
    #[serde(default)]
    pub cost: i64,
    #[serde(default)]
    pub prep_seconds: i64,
    pub nutrition: Option<Nutrition>,
    #[serde(default)]
    pub allergens: Vec<String>,
    #[serde(default)]
    pub dietary: Vec<String>,
    pub layer_svg: Option<String>,
    #[serde(default)]
    pub layer_z: i64,
    pub availability: Option<Availability>,
}

pub struct NewTemplate {
    slug: String,
    name: Localized,
    description: Localized,
    base_price: Money,
    base_cost: i64,
    base_prep_seconds: i64,
    max_prep_seconds: Option<i64>,
    base_layer_svg: String,
    groups: Vec<(NewGroupBody, Localized)>,
}

impl Input for NewTemplate {
    type Raw = NewTemplateBody;

    fn parse(raw: NewTemplateBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut field = |path: String, r: Result<(), Issue>| {
            if let Err(i) = r {
                errors.push(FieldError::new(path, i.code, i.message));
            }
        };
        let slug = raw.slug.clone().unwrap_or_default();
        field("slug".into(), slug_rule(&slug));
        let name = localized(raw.name, 80);
        let description = localized(raw.description, 500);
        let svg = raw.base_layer_svg.as_deref().map(svg_layer).unwrap_or_else(|| Err(Issue::required()));
        let non_negative =
            |v: i64| if v < 0 { Err(Issue::new("negative", "This may not be negative.")) } else { Ok(()) };
        field("base_cost".into(), non_negative(raw.base_cost));
        field("base_prep_seconds".into(), non_negative(raw.base_prep_seconds));
        if let Some(m) = raw.max_prep_seconds {
            field(
                "max_prep_seconds".into(),
                if m < 1 { Err(Issue::new("out_of_range", "At least one second.")) } else { Ok(()) },
            );
        }
        match &raw.base_price {
            None => field("base_price".into(), Err(Issue::required())),
            Some(p) => field("base_price".into(), non_negative(p.amount_minor)),
        }
        if raw.groups.is_empty() {
            field("groups".into(), Err(Issue::new("required", "A template has at least one group of options.")));
        }
        let mut groups = Vec::new();
        for (gi, g) in raw.groups.into_iter().enumerate() {
            let at = |f: &str| format!("groups[{gi}].{f}");
            let gname = localized(g.name.clone(), 60);
            let max = g.max_choices.unwrap_or(1);
            if g.min_choices < 0 || max < 1 || max < g.min_choices {
                field(
                    at("max_choices"),
                    Err(Issue::new(
                        "out_of_range",
                        "Choices go from min_choices (0 or more) to max_choices (1 or more, not below the minimum).",
                    )),
                );
            }
            if g.max_quantity < 1 || g.max_quantity > 10 {
                field(at("max_quantity"), Err(Issue::new("out_of_range", "The quantity per option is 1 to 10.")));
            }
            if g.options.is_empty() {
                field(at("options"), Err(Issue::new("required", "A group has at least one option.")));
            }
            for (oi, o) in g.options.iter().enumerate() {
                let at = |f: &str| format!("groups[{gi}].options[{oi}].{f}");
                field(at("name"), localized(o.name.clone(), 60).map(drop));
                field(at("cost"), non_negative(o.cost));
                field(at("prep_seconds"), non_negative(o.prep_seconds));
                field(
                    at("layer_svg"),
                    o.layer_svg.as_deref().map(svg_layer).unwrap_or_else(|| Err(Issue::required())).map(drop),
                );
                field(
                    at("allergens"),
                    Flags::from_names(&ALLERGENS, &o.allergens)
                        .map(drop)
                        .map_err(|n| Issue::new("unknown_allergen", format!("{n:?} is not one of the 14 allergens."))),
                );
                field(
                    at("dietary"),
                    Flags::from_names(&DIETARY_TAGS, &o.dietary)
                        .map(drop)
                        .map_err(|n| Issue::new("unknown_dietary_tag", format!("{n:?} is not a dietary tag we know."))),
                );
                let nutrition_ok = o.nutrition.as_ref().is_some_and(|n| {
                    [n.kcal, n.protein_mg, n.carbohydrate_mg, n.fat_mg, n.salt_mg].iter().all(|v| *v >= 0)
                });
                field(
                    at("nutrition"),
                    if nutrition_ok {
                        Ok(())
                    } else {
                        Err(Issue::new(
                            "required",
                            "Nutrition per portion (kcal and milligrams, none negative) is required.",
                        ))
                    },
                );
            }
            match gname {
                Ok(n) => groups.push((g, n)),
                Err(i) => field(at("name"), Err(i)),
            }
        }
        let (name, description, svg) = match (name, description, svg) {
            (Ok(n), Ok(d), Ok(s)) => (Some(n), Some(d), Some(s)),
            (n, d, s) => {
                for (f, r) in [("name", n.err()), ("description", d.err()), ("base_layer_svg", s.err())] {
                    if let Some(i) = r {
                        field(f.into(), Err(i));
                    }
                }
                (None, None, None)
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        match (name, description, svg, raw.base_price) {
            (Some(name), Some(description), Some(base_layer_svg), Some(base_price)) => Ok(NewTemplate {
                slug,
                name,
                description,
                base_price,
                base_cost: raw.base_cost,
                base_prep_seconds: raw.base_prep_seconds,
                max_prep_seconds: raw.max_prep_seconds,
                base_layer_svg,
                groups,
            }),
            _ => Err(vec![FieldError::new("", "invalid", "The template is not complete.")]),
        }
    }
}

fn slug_rule(slug: &str) -> Result<(), Issue> {
    if slug.is_empty() {
        return Err(Issue::required());
    }
    if slug.len() > 48 || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(Issue::new("invalid_slug", "A slug is up to 48 lower-case letters, digits and hyphens."));
    }
    Ok(())
}

/// Writes a new template with its groups and options; returns its id.
pub async fn insert(ex: Ex<'_>, t: &NewTemplate, now: i64) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let t_sql = "INSERT INTO templates (id, slug, name_en, name_fr, description_en, description_fr, currency, base_price, \
                 base_cost, base_prep_seconds, max_prep_seconds, base_layer_svg, status, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active', $13, $13)";
    let g_sql = "INSERT INTO option_groups (id, template_id, position, name_en, name_fr, min_choices, max_choices, max_quantity) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let o_sql = "INSERT INTO options (id, group_id, position, name_en, name_fr, price_delta, cost, prep_seconds, kcal, \
                 protein_mg, carbohydrate_mg, fat_mg, salt_mg, allergens, dietary, layer_svg, layer_z, availability, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
    on_db!(ex, |c| {
        sqlx::query(t_sql)
            .bind(id)
            .bind(&t.slug)
            .bind(&t.name.en)
            .bind(&t.name.fr)
            .bind(&t.description.en)
            .bind(&t.description.fr)
            .bind(t.base_price.currency.as_str())
            .bind(t.base_price.amount_minor)
            .bind(t.base_cost)
            .bind(t.base_prep_seconds)
            .bind(t.max_prep_seconds)
            .bind(&t.base_layer_svg)
            .bind(now)
            .execute(&mut *c)
            .await
            .on_constraint("templates_slug_key", || Error::field("slug", "taken", "Another template has this slug."))?;
        for (gi, (g, gname)) in t.groups.iter().enumerate() {
            let gid = Uuid::now_v7();
            sqlx::query(g_sql)
                .bind(gid)
                .bind(id)
                .bind(gi as i64)
                .bind(&gname.en)
                .bind(&gname.fr)
                .bind(g.min_choices)
                .bind(g.max_choices.unwrap_or(1))
                .bind(g.max_quantity)
                .execute(&mut *c)
                .await?;
            for (oi, o) in g.options.iter().enumerate() {
                let name = o.name.clone().unwrap_or(Localized { en: String::new(), fr: String::new() });
                let n = o.nutrition.unwrap_or_default();
                let allergens = Flags::from_names(&ALLERGENS, &o.allergens).unwrap_or_default();
                let dietary = Flags::from_names(&DIETARY_TAGS, &o.dietary).unwrap_or_default();
                sqlx::query(o_sql)
                    .bind(Uuid::now_v7())
                    .bind(gid)
                    .bind(oi as i64)
                    .bind(name.en.trim())
                    .bind(name.fr.trim())
                    .bind(o.price_delta)
                    .bind(o.cost)
                    .bind(o.prep_seconds)
                    .bind(n.kcal)
                    .bind(n.protein_mg)
                    .bind(n.carbohydrate_mg)
                    .bind(n.fat_mg)
                    .bind(n.salt_mg)
                    .bind(allergens.0)
                    .bind(dietary.0)
                    .bind(o.layer_svg.as_deref().unwrap_or("").trim())
                    .bind(o.layer_z)
                    .bind(o.availability.unwrap_or(Availability::Active).as_str())
                    .bind(now)
                    .execute(&mut *c)
                    .await?;
            }
        }
        Ok::<_, Error>(())
    })?;
    Ok(id)
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// The templates a customer can design from.
#[utoipa::path(get, path = "/api/v1/templates", tag = "studio", responses((status = 200, body = TemplateList)))]
pub async fn list(State(state): State<AppState>) -> Result<Json<TemplateList>> {
    let mut conn = state.db.reader().await?;
    let rows = list_active(conn.ex()).await?;
    let items = rows.into_iter().map(|t| t.summary()).collect();
    Ok(Json(TemplateList { items }))
}

/// A template with its groups and options, as customers see it.
#[utoipa::path(get, path = "/api/v1/templates/{id}", tag = "studio", params(("id" = Uuid, Path)),
    responses((status = 200, body = TemplateView), (status = 404, body = crate::error::Problem)))]
pub async fn get(State(state): State<AppState>, PathParam(id): PathParam<Uuid>) -> Result<Json<TemplateView>> {
    let loaded = load_or_404(&state, id).await?;
    if loaded.template.status != "active" {
        return Err(Error::code(ErrorCode::NotFound));
    }
    Ok(Json(loaded.view(false)))
}

/// A template as the brand sees it: with costs, preparation times and retired options.
#[utoipa::path(get, path = "/api/v1/brand/templates/{id}", tag = "brand", params(("id" = Uuid, Path)),
    responses((status = 200, body = TemplateView), (status = 404, body = crate::error::Problem)))]
pub async fn get_for_brand(
    State(state): State<AppState>,
    PathParam(id): PathParam<Uuid>,
) -> Result<Json<TemplateView>> {
    Ok(Json(load_or_404(&state, id).await?.view(true)))
}

async fn load_or_404(state: &AppState, id: Uuid) -> Result<Loaded> {
    let mut conn = state.db.reader().await?;
    load(conn.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))
}

/// Creates a template with its groups and options (curators and admins).
#[utoipa::path(post, path = "/api/v1/templates", tag = "brand", request_body = NewTemplateBody,
    responses(
        (status = 201, body = TemplateView),
        (status = 422, body = crate::error::Problem, description = "`validation_failed`, each field by its path, e.g. `groups[1].options[0].layer_svg`"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Valid(input): Valid<NewTemplate>,
) -> Result<(StatusCode, Json<TemplateView>)> {
    let mut tx = state.db.begin().await?;
    let id = insert(tx.ex(), &input, now_ms()).await?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "template.created",
        target_type: "template",
        target_id: id.to_string(),
        detail: serde_json::json!({ "slug": input.slug }),
    };
    audit::record(tx.ex(), entry).await?;
    let loaded = load(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(loaded.view(true))))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct OptionChangeBody {
    pub availability: Option<Availability>,
    /// Minor units of the template's currency.
    pub price_delta: Option<i64>,
    pub cost: Option<i64>,
    pub prep_seconds: Option<i64>,
}

/// A change to an option: any of its availability, price, cost and preparation time.
pub struct OptionChange(OptionChangeBody);

impl Input for OptionChange {
    type Raw = OptionChangeBody;
    fn parse(raw: OptionChangeBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = negatives(&[("cost", raw.cost), ("prep_seconds", raw.prep_seconds)]);
        if raw.availability.is_none() && raw.price_delta.is_none() && raw.cost.is_none() && raw.prep_seconds.is_none() {
            errors.push(nothing_changes());
        }
        if errors.is_empty() { Ok(OptionChange(raw)) } else { Err(errors) }
    }
}

/// The fields given with a negative value.
fn negatives(fields: &[(&str, Option<i64>)]) -> Vec<FieldError> {
    fields
        .iter()
        .filter(|(_, v)| v.is_some_and(|v| v < 0))
        .map(|(f, _)| FieldError::new(*f, "negative", "This may not be negative."))
        .collect()
}

fn nothing_changes() -> FieldError {
    FieldError::new("", "empty", "Say what changes.")
}

/// Changes an option: marks it out of stock or retired, or changes its price, cost or
/// preparation time. Published designs keep what they were made of (their snapshot); drafts and
/// new designs see the change at once.
#[utoipa::path(patch, path = "/api/v1/brand/options/{id}", tag = "brand", params(("id" = Uuid, Path)),
    request_body = OptionChangeBody,
    responses((status = 200, body = OptionView), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub async fn update_option(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(OptionChange(change)): Valid<OptionChange>,
) -> Result<Json<OptionView>> {
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE options SET availability = COALESCE($2, availability), price_delta = COALESCE($3, price_delta), \
               cost = COALESCE($4, cost), prep_seconds = COALESCE($5, prep_seconds), updated_at = $6 WHERE id = $1";
    let changed = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(change.availability.map(Availability::as_str))
        .bind(change.price_delta)
        .bind(change.cost)
        .bind(change.prep_seconds)
        .bind(now_ms())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    let template_id: Uuid = on_db!(tx.ex(), |c| sqlx::query_scalar(
        "SELECT g.template_id FROM options o JOIN option_groups g ON g.id = o.group_id WHERE o.id = $1"
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await)?;
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "option.updated",
        target_type: "option",
        target_id: id.to_string(),
        detail: serde_json::json!({
            "availability": change.availability,
            "price_delta": change.price_delta,
            "cost": change.cost,
            "prep_seconds": change.prep_seconds,
        }),
    };
    audit::record(tx.ex(), entry).await?;
    let loaded = load(tx.ex(), template_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    tx.commit().await?;
    let option = loaded.option(id).ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    Ok(Json(option.view(loaded.template.currency(), true)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TemplateChangeBody {
    /// Minor units of the template's currency.
    pub base_price: Option<i64>,
    pub base_cost: Option<i64>,
    pub base_prep_seconds: Option<i64>,
    /// The counter's limit; `0` removes it.
    pub max_prep_seconds: Option<i64>,
    /// `active` or `retired` (a retired template takes no new designs; published ones stay).
    pub status: Option<String>,
}

pub struct TemplateChange(TemplateChangeBody);

impl Input for TemplateChange {
    type Raw = TemplateChangeBody;
    fn parse(raw: TemplateChangeBody) -> Result<Self, Vec<FieldError>> {
        let mut errors = negatives(&[
            ("base_price", raw.base_price),
            ("base_cost", raw.base_cost),
            ("base_prep_seconds", raw.base_prep_seconds),
            ("max_prep_seconds", raw.max_prep_seconds),
        ]);
        if raw.status.as_deref().is_some_and(|s| s != "active" && s != "retired") {
            errors.push(FieldError::new("status", "invalid_status", "A template is `active` or `retired`."));
        }
        let empty = raw.base_price.is_none()
            && raw.base_cost.is_none()
            && raw.base_prep_seconds.is_none()
            && raw.max_prep_seconds.is_none()
            && raw.status.is_none();
        if empty {
            errors.push(nothing_changes());
        }
        if errors.is_empty() { Ok(TemplateChange(raw)) } else { Err(errors) }
    }
}

/// Changes a template's base price, cost, preparation time, the counter's limit, or retires it.
/// Published designs keep what they were made of.
#[utoipa::path(patch, path = "/api/v1/brand/templates/{id}", tag = "brand", params(("id" = Uuid, Path)),
    request_body = TemplateChangeBody,
    responses((status = 200, body = TemplateView), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub async fn update_template(
    State(state): State<AppState>,
    user: CurrentUser,
    PathParam(id): PathParam<Uuid>,
    Valid(TemplateChange(change)): Valid<TemplateChange>,
) -> Result<Json<TemplateView>> {
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE templates SET base_price = COALESCE($2, base_price), base_cost = COALESCE($3, base_cost), \
               base_prep_seconds = COALESCE($4, base_prep_seconds), \
               max_prep_seconds = CASE WHEN $5 IS NULL THEN max_prep_seconds WHEN $5 = 0 THEN NULL ELSE $5 END, \
               status = COALESCE($6, status), updated_at = $7 WHERE id = $1";
    let changed = on_db!(tx.ex(), |c| sqlx::query(sql)
        .bind(id)
        .bind(change.base_price)
        .bind(change.base_cost)
        .bind(change.base_prep_seconds)
        .bind(change.max_prep_seconds)
        .bind(change.status.as_deref())
        .bind(now_ms())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(Error::code(ErrorCode::NotFound));
    }
    let entry = audit::Entry {
        actor: Some(user.id),
        action: "template.updated",
        target_type: "template",
        target_id: id.to_string(),
        detail: serde_json::json!({
            "base_price": change.base_price,
            "base_cost": change.base_cost,
            "base_prep_seconds": change.base_prep_seconds,
            "max_prep_seconds": change.max_prep_seconds,
            "status": change.status,
        }),
    };
    audit::record(tx.ex(), entry).await?;
    let loaded = load(tx.ex(), id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    tx.commit().await?;
    Ok(Json(loaded.view(true)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BrandTemplateList {
    pub items: Vec<TemplateSummary>,
}

/// Every template, retired ones included, for the brand.
#[utoipa::path(get, path = "/api/v1/brand/templates", tag = "brand", responses((status = 200, body = BrandTemplateList)))]
pub async fn list_for_brand(State(state): State<AppState>) -> Result<Json<BrandTemplateList>> {
    let sql = "SELECT id, slug, name_en, name_fr, description_en, description_fr, currency, base_price, \
               base_cost, base_prep_seconds, max_prep_seconds, base_layer_svg, status FROM templates ORDER BY created_at";
    let mut conn = state.db.reader().await?;
    let rows: Vec<TemplateRow> = on_db!(conn.ex(), |c| sqlx::query_as(sql).fetch_all(&mut *c).await)?;
    let items = rows.into_iter().map(|t| t.summary()).collect();
    Ok(Json(BrandTemplateList { items }))
}
