//! The feeds: top by the lower bound of the rating, new by publication, hot; keyset cursors.

mod common;

use common::{TestApp, problem, publish};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let page: Value = app.get_json(&format!("/api/v1/feed?{query}")).await;
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{query}: {page}"))
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect()
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

/// A burger with two groups whose options carry allergens and dietary tags; returns the template.
async fn tagged_template(app: &TestApp) -> Value {
    let curator = app.token_with_role("curator@example.com", cocreate::accounts::domain::Role::Curator).await;
    let option = |en: &str, allergens: &[&str], dietary: &[&str]| {
        json!({ "name": { "en": en, "fr": en }, "price_delta": 100, "allergens": allergens, "dietary": dietary,
            "nutrition": { "kcal": 100, "protein_mg": 0, "carbohydrate_mg": 0, "fat_mg": 0, "salt_mg": 0 },
            "layer_svg": common::LAYER, "layer_z": 1 })
    };
    let template = json!({ "slug": "burger", "name": { "en": "Burger", "fr": "Burger" }, "description": { "en": "B", "fr": "B" },
        "base_price": { "amount_minor": 700, "currency": "EUR" }, "base_layer_svg": common::LAYER,
        "groups": [
            { "name": { "en": "Patty", "fr": "Steak" }, "min_choices": 1, "max_choices": 1, "options": [
                option("Beef", &[], &["halal", "gluten_free", "dairy_free"]),
                option("Lentil", &[], &["vegan", "vegetarian", "halal", "gluten_free", "dairy_free"]) ] },
            { "name": { "en": "Bun", "fr": "Pain" }, "min_choices": 1, "max_choices": 1, "options": [
                option("Wheat bun", &["gluten"], &["vegan", "vegetarian", "halal", "dairy_free"]),
                option("Lettuce wrap", &[], &["vegan", "vegetarian", "halal", "gluten_free", "dairy_free"]) ] } ] });
    let res = app.client.post(app.url("/api/v1/templates")).bearer_auth(&curator).json(&template).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn publish_made_of(app: &TestApp, token: &str, t: &Value, name: &str, patty: usize, bun: usize) -> String {
    let option = |g: usize, o: usize| t["groups"][g]["options"][o]["id"].clone();
    let body = json!({ "template_id": t["id"], "name": name, "story": "",
        "choices": [{ "option_id": option(0, patty) }, { "option_id": option(1, bun) }] });
    let res = app.client.post(app.url("/api/v1/designs")).bearer_auth(token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/publish"))).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    id
}

both!(feeds_filter_by_option_allergen_diet_creator_and_name, |app| {
    let t = tagged_template(&app).await;
    let ann = app.token_for("ann@example.com").await;
    let ben = app.token_for("ben@example.com").await;
    publish_made_of(&app, &ann, &t, "Beef on Wheat", 0, 0).await;
    publish_made_of(&app, &ann, &t, "Lentil on Wheat", 1, 0).await;
    publish_made_of(&app, &ann, &t, "Lentil in Lettuce", 1, 1).await;
    publish_made_of(&app, &ben, &t, "Beef in Lettuce 100%", 0, 1).await;
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let feed = |q: String| {
        let app = &app;
        async move { sorted(names(app, &format!("sort=new&{q}")).await) }
    };
    assert_eq!(feed("free_of=gluten".into()).await, ["Beef in Lettuce 100%", "Lentil in Lettuce"]);
    assert_eq!(feed("dietary=vegan".into()).await, ["Lentil in Lettuce", "Lentil on Wheat"]);
    assert_eq!(feed("dietary=vegan&free_of=gluten&free_of=milk".into()).await, ["Lentil in Lettuce"]);
    assert_eq!(feed("dietary=vegan&dietary=gluten_free".into()).await, ["Lentil in Lettuce"]);
    let lentil = t["groups"][0]["options"][1]["id"].as_str().unwrap();
    assert_eq!(feed(format!("option={lentil}")).await, ["Lentil in Lettuce", "Lentil on Wheat"]);
    let ben_id =
        app.get_with("/api/v1/me", &ben).await.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(feed(format!("creator={ben_id}")).await, ["Beef in Lettuce 100%"]);
    assert_eq!(feed("q=LETTUCE".into()).await, ["Beef in Lettuce 100%", "Lentil in Lettuce"]);
    // Search text is text: % and _ match only themselves.
    assert_eq!(feed("q=100%25".into()).await, ["Beef in Lettuce 100%"]);
    assert!(feed("q=%25%25".into()).await.is_empty());
    assert!(feed("q=n_w".into()).await.is_empty(), "_ would match the space in \"on wheat\"");
    // Filters keep the keyset cursor working.
    let page = app.get_json("/api/v1/feed?sort=top&free_of=gluten&limit=1").await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let next = app.get_json(&format!("/api/v1/feed?sort=top&free_of=gluten&limit=1&cursor={cursor}")).await;
    assert_eq!(next["items"].as_array().unwrap().len(), 1);
    assert_ne!(next["items"][0]["id"], page["items"][0]["id"]);
    assert!(next["next_cursor"].is_null());

    let res = app.client.get(app.url("/api/v1/feed?free_of=unicorn")).send().await.unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "free_of");
    let res = app.client.get(app.url("/api/v1/feed?q=x")).send().await.unwrap();
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
});

/// `n` published designs containing gluten (`filler-1` to `filler-n`, ranked in that order
/// from the bottom), all hotter than the one design already published (SQLite).
async fn gluten_fillers(app: &TestApp, n: usize) {
    app.exec(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
         INSERT INTO designs (id, creator_id, template_id, status, slug, name, story, tags, currency, price, kcal, \
         allergens, dietary, created_at, updated_at, published_at, hot, search_name) \
         SELECT randomblob(16), d.creator_id, d.template_id, 'published', 'filler-' || n.i, 'Filler ' || n.i, '', '', \
         d.currency, d.price, d.kcal, 1, 0, d.created_at, d.updated_at, d.published_at, d.hot + n.i, 'filler ' || n.i \
         FROM n, designs d WHERE d.slug IS NOT NULL"
    ))
    .await;
}

#[tokio::test]
async fn a_rare_match_is_reached_by_following_cursors_through_bounded_pages() {
    // 1,500 designs containing gluten rank above the one design free of it. A filtered page
    // examines at most SCAN_WINDOW designs, so the first page is empty but points further on.
    let app = TestApp::spawn(common::Backend::Sqlite).await;
    let (_, t) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    publish(&app, &creator, &t, "Needle").await;
    gluten_fillers(&app, 1500).await;
    let mut pages = 0;
    let mut found = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = app.get_json(&format!("/api/v1/feed?sort=hot&free_of=gluten&limit=5{cursor}")).await;
        pages += 1;
        found.extend(page["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
        assert!(pages < 10, "the feed must end");
    }
    assert_eq!(found, ["Needle"]);
    assert_eq!(pages, 2, "one full window of fillers, then the needle and the end");
    // Unfiltered, the same feed is plain keyset paging.
    assert_eq!(app.get_json("/api/v1/feed?sort=hot&limit=5").await["items"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_filtered_page_gathers_sparse_matches_from_its_whole_window() {
    // "Pin" ranks first, "Needle" under 600 designs containing gluten, all inside one window:
    // one page holds both, in order, and ends the feed.
    const { assert!(602 < cocreate::community::feed::SCAN_WINDOW) };
    let app = TestApp::spawn(common::Backend::Sqlite).await;
    let (_, t) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    publish(&app, &creator, &t, "Needle").await;
    gluten_fillers(&app, 601).await;
    // The highest filler becomes Pin, free of gluten.
    app.exec("UPDATE designs SET name = 'Pin', allergens = 0 WHERE slug = 'filler-601'").await;
    let page = app.get_json("/api/v1/feed?sort=hot&free_of=gluten&limit=2").await;
    let names: Vec<&str> = page["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Pin", "Needle"]);
    assert!(page["next_cursor"].is_null(), "fewer designs than a window remain: {page}");
    // With room for one only, the page ends at Pin and its cursor leads to Needle.
    let first = app.get_json("/api/v1/feed?sort=hot&free_of=gluten&limit=1").await;
    assert_eq!(first["items"][0]["name"], "Pin");
    let cursor = first["next_cursor"].as_str().expect("Needle comes next");
    let next = app.get_json(&format!("/api/v1/feed?sort=hot&free_of=gluten&limit=1&cursor={cursor}")).await;
    assert_eq!(next["items"][0]["name"], "Needle");
    assert!(next["next_cursor"].is_null());
}
