//! The brand's console in tests: a shortlisted design, decisions, a live listing, the menu.

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use super::{TestApp, get_ok, rate};

pub const DAY_MS: i64 = 24 * 3600 * 1000;

/// A design shortlisted by one rating (the thresholds are set as low as they go); returns
/// (creator token, design id, curator token).
pub async fn shortlisted(app: &TestApp, creator_email: &str) -> (String, String, String) {
    let admin = app.token_with_role(&format!("admin-{creator_email}"), Role::Admin).await;
    let t = json!({ "min_ratings": 1, "min_lower_bound": 1.0, "min_would_buy": null,
        "min_account_age_days": 0, "require_verified_email": false });
    let res =
        app.client.put(app.url("/api/v1/brand/settings/promotion")).bearer_auth(&admin).json(&t).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let curator = app.token_with_role(&format!("curator-{creator_email}"), Role::Curator).await;
    let template = template(app, &curator, creator_email).await;
    let creator = app.voter(creator_email).await;
    let id = super::publish(app, &creator, &template, "Smoky Stack").await;
    let voter = app.voter(&format!("voter-{creator_email}")).await;
    let rated: Value = rate(app, &voter, &id, 5, true).await.json().await.unwrap();
    assert_eq!(rated["status"], "shortlisted");
    (creator, id, curator)
}

/// A one-option template with a slug of its own (several per test database).
pub async fn template(app: &TestApp, curator: &str, tag: &str) -> Value {
    let slug: String = tag.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let option = json!({ "name": { "en": "Beef", "fr": "Bœuf" }, "price_delta": 250,
        "nutrition": { "kcal": 300, "protein_mg": 0, "carbohydrate_mg": 0, "fat_mg": 0, "salt_mg": 0 },
        "allergens": ["milk"], "layer_svg": super::LAYER, "layer_z": 1 });
    let body = json!({ "slug": slug, "name": { "en": "Burger", "fr": "Burger" }, "description": { "en": "B", "fr": "B" },
        "base_price": { "amount_minor": 700, "currency": "EUR" }, "base_layer_svg": super::LAYER,
        "groups": [{ "name": { "en": "Patty", "fr": "Steak" }, "min_choices": 1, "max_choices": 1, "options": [option] }] });
    let res = app.client.post(app.url("/api/v1/templates")).bearer_auth(curator).json(&body).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

pub async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Response {
    app.client.post(app.url(&format!("/api/v1{path}"))).bearer_auth(token).json(&body).send().await.unwrap()
}

pub async fn decide(app: &TestApp, curator: &str, id: &str, body: Value) -> Response {
    post(app, curator, &format!("/brand/reviews/{id}/decision"), body).await
}

pub fn approval(price: i64, starts_at: i64) -> Value {
    json!({ "decision": "approved", "reason": "A crowd favourite; we love the smoke.",
        "terms": { "price": { "amount_minor": price, "currency": "EUR" }, "royalty_bps": 500,
                   "royalty_fixed": { "amount_minor": 25, "currency": "EUR" }, "starts_at": starts_at } })
}

pub async fn design(app: &TestApp, id: &str, token: Option<&str>) -> Value {
    match token {
        Some(t) => get_ok(app, &format!("/api/v1/designs/{id}"), t).await,
        None => app.get_json(&format!("/api/v1/designs/{id}")).await,
    }
}

pub async fn kinds(app: &TestApp, token: &str) -> Vec<String> {
    let items = get_ok(app, "/api/v1/me/notifications", token).await["items"].as_array().unwrap().clone();
    items.iter().map(|n| n["kind"].as_str().unwrap().to_string()).collect()
}

pub async fn menu_items(app: &TestApp) -> Vec<Value> {
    let res = app.client.get(app.url("/api/v1/menu")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let menu: Value = res.json().await.unwrap();
    menu["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap().clone()).collect()
}

/// A live listing of a design by a single creator; returns (curator, listing id, design id).
pub async fn live_listing(app: &TestApp, creator_email: &str) -> (String, String, String) {
    let (creator, id, curator) = shortlisted(app, creator_email).await;
    assert_eq!(decide(app, &curator, &id, approval(1290, now_ms())).await.status(), StatusCode::OK);
    let page = design(app, &id, Some(&creator)).await;
    let terms_id = page["listing"]["terms"]["id"].clone();
    let res = post(app, &creator, &format!("/designs/{id}/offer/accept"), json!({ "terms_id": terms_id })).await;
    assert_eq!(res.status(), StatusCode::OK);
    (curator, page["listing"]["id"].as_str().unwrap().to_string(), id)
}
