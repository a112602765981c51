//! The public menu: live listings grouped by template, each with its picture, the price in
//! force now, allergens, the creators' credits and the community's ratings.

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::DesignRef;
use crate::app::AppState;
use crate::community::ranking::Histogram;
use crate::db::now_ms;
use crate::error::Result;
use crate::money::{Currency, Money};
use crate::on_db;
use crate::studio::catalog::{ALLERGENS, DIETARY_TAGS, Flags, Lang};

#[derive(Debug, Serialize, ToSchema)]
pub struct MenuRatings {
    pub count: i64,
    /// `null` without ratings.
    pub mean: Option<f64>,
    pub lower_bound: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MenuItem {
    pub listing_id: Uuid,
    pub design: DesignRef,
    pub picture_url: Option<String>,
    pub price: Money,
    pub allergens: Vec<&'static str>,
    pub dietary: Vec<&'static str>,
    pub kcal: i64,
    /// The creator first, then the co-creators.
    pub creators: Vec<String>,
    pub ratings: MenuRatings,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MenuTemplate {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MenuSection {
    pub template: MenuTemplate,
    pub items: Vec<MenuItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Menu {
    pub sections: Vec<MenuSection>,
}

#[derive(sqlx::FromRow)]
struct Row {
    listing_id: Uuid,
    template_id: Uuid,
    name_en: String,
    name_fr: String,
    design_id: Uuid,
    slug: Option<String>,
    name: String,
    allergens: i64,
    dietary: i64,
    kcal: i64,
    stars_1: i64,
    stars_2: i64,
    stars_3: i64,
    stars_4: i64,
    stars_5: i64,
    lower_bound: f64,
    currency: String,
    price: i64,
}

/// What is on the menu now.
#[utoipa::path(get, path = "/api/v1/menu", tag = "menu", responses((status = 200, body = Menu)))]
pub async fn menu(State(state): State<AppState>, lang: Lang) -> Result<Json<Menu>> {
    let now = now_ms();
    // The terms in force are the latest that started; a listing is live once active and started.
    let sql = "SELECT l.id AS listing_id, l.template_id, tp.name_en, tp.name_fr, d.id AS design_id, d.slug, d.name, \
               d.allergens, d.dietary, d.kcal, d.stars_1, d.stars_2, d.stars_3, d.stars_4, d.stars_5, d.lower_bound, \
               t.currency, t.price FROM listings l JOIN designs d ON d.id = l.design_id \
               JOIN templates tp ON tp.id = l.template_id \
               JOIN listing_terms t ON t.id = (SELECT t2.id FROM listing_terms t2 WHERE t2.listing_id = l.id \
               AND t2.effective_from <= $1 ORDER BY t2.effective_from DESC LIMIT 1) \
               WHERE l.status = 'active' AND l.starts_at <= $1 AND d.status = 'published' AND d.hidden_at IS NULL \
               ORDER BY tp.name_en, tp.id, d.lower_bound DESC, d.id";
    let credits = "SELECT l.design_id, a.display_name, CAST(0 AS BIGINT) AS rank, '' AS tie FROM listings l \
                   JOIN designs d ON d.id = l.design_id JOIN accounts a ON a.id = d.creator_id \
                   WHERE l.status = 'active' AND l.starts_at <= $1 \
                   UNION ALL SELECT l.design_id, a.display_name, CAST(1 AS BIGINT) AS rank, a.display_name AS tie FROM listings l \
                   JOIN design_co_creators c ON c.design_id = l.design_id AND c.status = 'accepted' \
                   JOIN accounts a ON a.id = c.account_id WHERE l.status = 'active' AND l.starts_at <= $1 \
                   ORDER BY 3, 4";
    let mut conn = state.db.reader().await?;
    let rows: Vec<Row> = on_db!(conn.ex(), |c| sqlx::query_as(sql).bind(now).fetch_all(&mut *c).await)?;
    let names: Vec<(Uuid, String, i64, String)> =
        on_db!(conn.ex(), |c| sqlx::query_as(credits).bind(now).fetch_all(&mut *c).await)?;
    let mut creators: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (design, name, _, _) in names {
        creators.entry(design).or_default().push(name);
    }
    let mut sections: Vec<MenuSection> = Vec::new();
    for r in rows {
        let h = Histogram([r.stars_1, r.stars_2, r.stars_3, r.stars_4, r.stars_5]);
        let item = MenuItem {
            listing_id: r.listing_id,
            picture_url: r.slug.as_ref().map(|s| format!("/d/{s}/preview.png")),
            design: DesignRef::new(r.design_id, r.slug, r.name),
            price: Money::new(r.price, Currency::parse(&r.currency).unwrap_or(Currency::EUR)),
            allergens: Flags(r.allergens).names(&ALLERGENS),
            dietary: Flags(r.dietary).names(&DIETARY_TAGS),
            kcal: r.kcal,
            creators: creators.remove(&r.design_id).unwrap_or_default(),
            ratings: MenuRatings { count: h.count(), mean: h.average(), lower_bound: r.lower_bound },
        };
        match sections.last_mut() {
            Some(s) if s.template.id == r.template_id => s.items.push(item),
            _ => sections.push(MenuSection {
                template: MenuTemplate { id: r.template_id, name: lang.pick(&r.name_en, &r.name_fr).to_string() },
                items: vec![item],
            }),
        }
    }
    Ok(Json(Menu { sections }))
}
