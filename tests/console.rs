//! The brand's settings (read by the brand, changed by admins, audited) and its analytics, as
//! JSON for the charts and as CSV files.

mod common;

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use common::brand::{DAY_MS, live_listing, shortlisted};
use common::{TestApp, failing_fields, get_ok, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn put_settings(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.client.put(app.url("/api/v1/brand/settings")).bearer_auth(token).json(body).send().await.unwrap()
}

both!(the_brand_reads_its_settings_and_admins_change_them_with_an_audit_trail, |app| {
    let curator = app.token_with_role("curator-settings@example.com", Role::Curator).await;
    let admin = app.token_with_role("admin-settings@example.com", Role::Admin).await;
    let settings = get_ok(&app, "/api/v1/brand/settings", &curator).await;
    assert_eq!(settings["review_days"], 14);
    assert_eq!(settings["holding_days"], 14);
    assert_eq!(settings["min_payout"], json!({ "amount_minor": 2000, "currency": "EUR" }));
    assert_eq!(settings["payout_schedule"], "monthly");
    assert_eq!(settings["vat_bps"], 1000);
    assert!(settings["promotion"]["min_ratings"].is_i64());
    let customer = app.voter("someone@example.com").await;
    problem(app.get_with("/api/v1/brand/settings", &customer).await, StatusCode::FORBIDDEN, "forbidden").await;
    problem(put_settings(&app, &curator, &settings).await, StatusCode::FORBIDDEN, "forbidden").await;

    let mut bad = settings.clone();
    bad["review_days"] = json!(0);
    bad["vat_bps"] = json!(9000);
    bad["min_payout"] = json!({ "amount_minor": 2000, "currency": "USD" });
    bad["promotion"]["min_lower_bound"] = json!(7.0);
    let p =
        problem(put_settings(&app, &admin, &bad).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&p), ["min_payout", "promotion.min_lower_bound", "review_days", "vat_bps"]);
    assert_eq!(get_ok(&app, "/api/v1/brand/settings", &curator).await, settings, "nothing changed");

    let mut new = settings.clone();
    new["review_days"] = json!(7);
    new["holding_days"] = json!(30);
    new["payout_schedule"] = json!("weekly");
    new["min_payout"] = json!({ "amount_minor": 5000, "currency": "EUR" });
    let res = put_settings(&app, &admin, &new).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/brand/settings", &curator).await, new);
    let log = get_ok(&app, "/api/v1/admin/audit-log?action=settings.changed", &admin).await;
    let detail: Value = serde_json::from_str(log["items"][0]["detail"].as_str().unwrap()).unwrap();
    assert_eq!(detail["before"]["review_days"], 14);
    assert_eq!(detail["after"]["review_days"], 7);

    // The new promise applies to the next design that reaches the brand.
    let (_, id, curator) = shortlisted(&app, "kai@example.com").await;
    let page = get_ok(&app, &format!("/api/v1/designs/{id}"), &curator).await;
    let review = &page["review"];
    assert_eq!(review["due_at"].as_i64().unwrap() - review["entered_at"].as_i64().unwrap(), 7 * DAY_MS);
});

both!(analytics_count_ratings_options_the_funnel_and_each_listing, |app| {
    let (curator, _, design) = live_listing(&app, "lou@example.com").await;
    let today = time::OffsetDateTime::from_unix_timestamp(now_ms() / 1000).unwrap().date().to_string();

    let per_day = get_ok(&app, "/api/v1/brand/analytics/ratings?days=7", &curator).await;
    let days = per_day["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[6], json!({ "date": today, "ratings": 1, "would_buy": 1 }));
    assert_eq!(days[0]["ratings"], 0);

    let options = get_ok(&app, "/api/v1/brand/analytics/options", &curator).await;
    assert_eq!(options["items"][0]["name"], "Beef");
    assert_eq!(options["items"][0]["published_designs"], 1);
    assert_eq!(options["items"][0]["units_sold"], 0);

    let funnel = get_ok(&app, "/api/v1/brand/analytics/funnel", &curator).await;
    assert_eq!(funnel, json!({ "published": 1, "shortlisted": 1, "approved": 1, "listed": 1, "sold": 0 }));

    let listings = get_ok(&app, "/api/v1/brand/analytics/listings", &curator).await;
    let row = &listings["items"][0];
    assert_eq!(row["design"]["id"], design.as_str());
    assert_eq!(row["state"], "live");
    assert_eq!(row["ratings"], 1);
    assert_eq!(row["would_buy"], 1);
    assert_eq!(row["conversion"], 0.0);

    // Each is a CSV file too: a header, then the rows.
    let res = app.get_with("/api/v1/brand/analytics/ratings?days=7&format=csv", &curator).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("ratings-per-day.csv"));
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "date,ratings,would_buy");
    assert_eq!(lines[7], format!("{today},1,1"));
    let funnel_csv = app.get_with("/api/v1/brand/analytics/funnel?format=csv", &curator).await.text().await.unwrap();
    assert_eq!(funnel_csv, "stage,designs\npublished,1\nshortlisted,1\napproved,1\nlisted,1\nsold,0\n");
    let listings_csv =
        app.get_with("/api/v1/brand/analytics/listings?format=csv", &curator).await.text().await.unwrap();
    assert!(listings_csv.starts_with("listing_id,design,state,ratings,lower_bound,would_buy,units_sold,conversion\n"));
    assert!(listings_csv.contains(",Smoky Stack,live,1,"), "{listings_csv}");

    let bad = app.get_with("/api/v1/brand/analytics/ratings?format=xml", &curator).await;
    problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let bad = app.get_with("/api/v1/brand/analytics/ratings?days=0", &curator).await;
    problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let customer = app.voter("nosy@example.com").await;
    for path in ["ratings", "options", "funnel", "listings"] {
        let res = app.get_with(&format!("/api/v1/brand/analytics/{path}"), &customer).await;
        problem(res, StatusCode::FORBIDDEN, "forbidden").await;
    }
});
