//! The feeds: top by the lower bound of the rating, new by publication, hot; keyset cursors.

mod common;

use common::{TestApp, problem, publish};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let page: Value = app.get_json(&format!("/api/v1/feed?{query}")).await;
    page["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap().to_string()).collect()
}

both!(top_ranks_by_the_lower_bound_and_new_by_publication, |app| {
    let (_, t) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    let lucky = publish(&app, &creator, &t, "One Lucky Five").await;
    let solid = publish(&app, &creator, &t, "Solid Favourite").await;
    publish(&app, &creator, &t, "Nobody Rated Me").await;

    let rate = |token: String, id: String, stars: i64| {
        let c = app.new_client();
        let url = app.url(&format!("/api/v1/designs/{id}/rating"));
        async move { c.put(url).bearer_auth(token).json(&json!({ "stars": stars })).send().await.unwrap().status() }
    };
    let first = app.token_for("v0@example.com").await;
    assert_eq!(rate(first.clone(), lucky.clone(), 5).await, StatusCode::OK);
    for i in 0..8 {
        let v = if i == 0 { first.clone() } else { app.token_for(&format!("v{i}@example.com")).await };
        assert_eq!(rate(v, solid.clone(), if i % 3 == 0 { 4 } else { 5 }).await, StatusCode::OK);
    }

    assert_eq!(names(&app, "sort=top").await, ["Solid Favourite", "One Lucky Five", "Nobody Rated Me"]);
    assert_eq!(names(&app, "sort=new").await, ["Nobody Rated Me", "Solid Favourite", "One Lucky Five"]);
    let hot = names(&app, "sort=hot").await;
    assert_eq!(hot[0], "Solid Favourite", "{hot:?}");

    // Page by page with the cursor: everyone once, in the same order.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("/api/v1/feed?sort=top&limit=1&cursor={c}"),
            None => "/api/v1/feed?sort=top&limit=1".to_string(),
        };
        let page: Value = app.get_json(&q).await;
        seen.extend(page["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, ["Solid Favourite", "One Lucky Five", "Nobody Rated Me"]);

    let item: Value = app.get_json("/api/v1/feed?sort=top&limit=1").await;
    let item = &item["items"][0];
    assert_eq!(item["ratings"]["count"], 8);
    assert!(item["preview_url"].as_str().unwrap().ends_with("/preview.png"));
    assert_eq!(names(&app, &format!("template={}", uuid::Uuid::now_v7())).await.len(), 0);
    assert_eq!(names(&app, &format!("template={}", t["id"].as_str().unwrap())).await.len(), 3);

    problem(
        app.client.get(app.url("/api/v1/feed?sort=best")).send().await.unwrap(),
        StatusCode::BAD_REQUEST,
        "invalid_query_parameter",
    )
    .await;
    problem(
        app.client.get(app.url("/api/v1/feed?cursor=abc")).send().await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
});
