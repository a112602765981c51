//! Promotion to the brand: the thresholds, the progress bars, which ratings count, shortlisting
//! exactly once, milestones, the creator's view of ratings that do not count yet, burst alerts.

mod common;

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use common::{TestApp, get_ok, problem, published, rate};
use reqwest::StatusCode;
use serde_json::{Value, json};

const DAY_MS: i64 = 24 * 3600 * 1000;

async fn set_thresholds(app: &TestApp, admin: &str, t: Value) -> reqwest::Response {
    app.client.put(app.url("/api/v1/brand/settings/promotion")).bearer_auth(admin).json(&t).send().await.unwrap()
}

async fn design(app: &TestApp, id: &str, token: Option<&str>) -> Value {
    match token {
        Some(t) => get_ok(app, &format!("/api/v1/designs/{id}"), t).await,
        None => app.get_json(&format!("/api/v1/designs/{id}")).await,
    }
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    get_ok(app, "/api/v1/me/notifications", token).await["items"].as_array().unwrap().clone()
}

fn kinds(items: &[Value]) -> Vec<String> {
    items.iter().map(|n| n["kind"].as_str().unwrap().to_string()).collect()
}

both!(a_design_is_shortlisted_once_when_it_meets_every_threshold, |app| {
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let t = json!({ "min_ratings": 3, "min_lower_bound": 2.5, "min_would_buy": 2,
        "min_account_age_days": 0, "require_verified_email": false });
    assert_eq!(set_thresholds(&app, &admin, t).await.status(), StatusCode::OK);
    let (creator, id) = published(&app).await;

    // Everyone sees the bars, and they move with each rating.
    let before = design(&app, &id, None).await;
    assert_eq!(before["status"], "published");
    let bars = before["promotion"]["progress"].as_array().unwrap();
    assert_eq!(
        bars.iter().map(|b| b["key"].as_str().unwrap()).collect::<Vec<_>>(),
        ["ratings", "lower_bound", "would_buy"]
    );
    assert_eq!(before["promotion"]["met"], false);

    let voters = [app.token_for("v1@example.com").await, app.token_for("v2@example.com").await];
    for (i, v) in voters.iter().enumerate() {
        let res: Value = rate(&app, v, &id, 5, true).await.json().await.unwrap();
        assert_eq!(res["counted"], true);
        assert_eq!(res["status"], "published", "after {} ratings", i + 1);
    }
    let two = design(&app, &id, None).await;
    assert_eq!(two["promotion"]["progress"][0]["current"], 2.0);
    assert_eq!(two["promotion"]["progress"][2]["met"], true);

    // The third crosses every line: shortlisted in that very request.
    let third = app.token_for("v3@example.com").await;
    let res: Value = rate(&app, &third, &id, 5, false).await.json().await.unwrap();
    assert_eq!(res["status"], "shortlisted");
    let after = design(&app, &id, None).await;
    assert_eq!(after["status"], "shortlisted");
    assert!(after["shortlisted_at"].as_i64().is_some());
    assert_eq!(after["promotion"]["met"], true);
    let feed = app.get_json("/api/v1/feed?sort=top").await;
    assert_eq!(feed["items"][0]["status"], "shortlisted");

    // More ratings, a change, a removal: still shortlisted once, announced once.
    let fourth = app.token_for("v4@example.com").await;
    rate(&app, &fourth, &id, 1, false).await;
    rate(&app, &third, &id, 4, true).await;
    assert_eq!(kinds(&notifications(&app, &creator).await), ["shortlisted"]);
    assert_eq!(app.count("audit_log WHERE action = 'design.shortlisted'").await, 1);
    let mails = app.count("outbox WHERE subject LIKE '%shortlisted%'").await;
    assert_eq!(mails, 1, "the creator is emailed once");
});

both!(concurrent_ratings_that_cross_the_line_shortlist_exactly_once, |app| {
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let t = json!({ "min_ratings": 4, "min_lower_bound": 1.0, "min_would_buy": null,
        "min_account_age_days": 0, "require_verified_email": false });
    assert_eq!(set_thresholds(&app, &admin, t).await.status(), StatusCode::OK);
    let (creator, id) = published(&app).await;
    let mut voters = Vec::new();
    for i in 0..12 {
        voters.push(app.voter(&format!("crowd{i}@example.com")).await);
    }
    let requests = voters.iter().map(|v| {
        let (c, url) = (app.new_client(), app.url(&format!("/api/v1/designs/{id}/rating")));
        async move { c.put(url).bearer_auth(v).json(&json!({ "stars": 4 })).send().await.unwrap().status() }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    assert_eq!(design(&app, &id, None).await["status"], "shortlisted");
    assert_eq!(app.count("audit_log WHERE action = 'design.shortlisted'").await, 1);
    // Crossing 4 (shortlisted) and 10 (a milestone) may fall in one group commit: any order.
    let notes = notifications(&app, &creator).await;
    let mut seen = kinds(&notes);
    seen.sort();
    assert_eq!(seen, ["rating_milestone", "shortlisted"]);
    let milestone = notes.iter().find(|n| n["kind"] == "rating_milestone").unwrap();
    assert_eq!(milestone["count"], 10);
});

both!(young_and_unverified_ratings_wait_and_count_once_their_accounts_qualify, |app| {
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let t = json!({ "min_ratings": 10, "min_lower_bound": 1.0, "min_would_buy": null,
        "min_account_age_days": 2, "require_verified_email": true });
    assert_eq!(set_thresholds(&app, &admin, t).await.status(), StatusCode::OK);
    let (creator, id) = published(&app).await;
    let voter = app.token_for("fresh@example.com").await;

    let res: Value = rate(&app, &voter, &id, 5, true).await.json().await.unwrap();
    assert_eq!(res["counted"], false);
    assert_eq!(res["not_counted_because"], "email_unverified");
    assert_eq!(res["design"]["count"], 0);
    assert_eq!(app.count("ratings").await, 1, "recorded all the same");
    // The creator sees how many and why; nobody else sees it.
    assert_eq!(
        design(&app, &id, Some(&creator)).await["pending_ratings"],
        json!({ "too_young": 0, "unverified": 1, "moderated": 0 })
    );
    assert_eq!(design(&app, &id, Some(&voter)).await["pending_ratings"], Value::Null);
    assert_eq!(design(&app, &id, None).await["pending_ratings"], Value::Null);

    // Verifying the email (the link from the outbox) leaves it too young.
    let token = link_token(&app, "fresh@example.com", "verify-email").await;
    let res = app.post("/api/v1/auth/verify-email", json!({ "token": token })).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/me", &voter).await["email_verified"], true);
    assert_eq!(
        design(&app, &id, Some(&creator)).await["pending_ratings"],
        json!({ "too_young": 1, "unverified": 0, "moderated": 0 })
    );
    assert_eq!(design(&app, &id, None).await["ratings"]["count"], 0);

    // Two days later the sweep counts it, without the voter doing anything.
    app.exec(&format!(
        "UPDATE accounts SET created_at = created_at - {} WHERE email = 'fresh@example.com'",
        2 * DAY_MS
    ))
    .await;
    let counted =
        cocreate::community::ratings::count_qualified_ratings(&app.db, None, "http://x", now_ms()).await.unwrap();
    assert_eq!(counted, 1);
    let now = design(&app, &id, Some(&creator)).await;
    assert_eq!(now["ratings"]["count"], 1);
    assert_eq!(now["ratings"]["would_buy_count"], 1);
    assert_eq!(now["pending_ratings"], json!({ "too_young": 0, "unverified": 0, "moderated": 0 }));
    // Counting again finds nothing more.
    assert_eq!(
        cocreate::community::ratings::count_qualified_ratings(&app.db, None, "http://x", now_ms()).await.unwrap(),
        0
    );
    let again: Value = rate(&app, &voter, &id, 3, false).await.json().await.unwrap();
    assert_eq!(again["counted"], true);
    assert_eq!(again["design"]["histogram"], json!([0, 0, 1, 0, 0]));
});

/// The token of the newest email link of `kind` sent to `to`, read at the admin mail viewer.
async fn link_token(app: &TestApp, to: &str, kind: &str) -> String {
    let admin =
        app.token_with_role(&format!("mailreader{}@example.com", uuid::Uuid::now_v7().simple()), Role::Admin).await;
    let page = get_ok(app, "/api/v1/admin/outbox", &admin).await;
    let mail =
        page["items"].as_array().unwrap().iter().find(|m| m["to"] == to && m["text"].as_str().unwrap().contains(kind));
    let text = mail.unwrap_or_else(|| panic!("no {kind} email to {to}: {page}"))["text"].as_str().unwrap().to_string();
    let start = text.find("token=").unwrap() + "token=".len();
    text[start..].split_whitespace().next().unwrap().to_string()
}

both!(the_thresholds_are_the_brands_to_read_and_the_admins_to_change, |app| {
    let customer = app.token_for("someone@example.com").await;
    let curator = app.token_with_role("curator2@example.com", Role::Curator).await;
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    problem(app.get_with("/api/v1/brand/settings/promotion", &customer).await, StatusCode::FORBIDDEN, "forbidden")
        .await;
    let current = get_ok(&app, "/api/v1/brand/settings/promotion", &curator).await;
    assert_eq!(current["min_ratings"], 10);
    let change = json!({ "min_ratings": 2, "min_lower_bound": 1.5, "min_would_buy": null,
        "min_account_age_days": 1, "require_verified_email": true });
    problem(set_thresholds(&app, &curator, change.clone()).await, StatusCode::FORBIDDEN, "forbidden").await;
    let bad = json!({ "min_ratings": 0, "min_lower_bound": 7, "min_would_buy": 0,
        "min_account_age_days": -1, "require_verified_email": true });
    let body =
        problem(set_thresholds(&app, &admin, bad).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        common::failing_fields(&body),
        ["min_account_age_days", "min_lower_bound", "min_ratings", "min_would_buy"]
    );
    assert_eq!(set_thresholds(&app, &admin, change.clone()).await.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/brand/settings/promotion", &curator).await, change);
    assert_eq!(app.count("audit_log WHERE action = 'settings.promotion_changed'").await, 1);
});

both!(lowering_the_thresholds_shortlists_the_designs_that_now_meet_them, |app| {
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let (creator, id) = published(&app).await;
    for i in 0..2 {
        let v = app.token_for(&format!("v{i}@example.com")).await;
        rate(&app, &v, &id, 5, true).await;
    }
    assert_eq!(design(&app, &id, None).await["status"], "published");
    let t = json!({ "min_ratings": 2, "min_lower_bound": 2.0, "min_would_buy": 2,
        "min_account_age_days": 0, "require_verified_email": false });
    assert_eq!(set_thresholds(&app, &admin, t).await.status(), StatusCode::OK);
    assert_eq!(design(&app, &id, None).await["status"], "shortlisted");
    assert_eq!(kinds(&notifications(&app, &creator).await), ["shortlisted"]);
});

both!(a_design_page_says_where_it_stands_in_top, |app| {
    let (_, t) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    let low = common::publish(&app, &creator, &t, "Low").await;
    let high = common::publish(&app, &creator, &t, "High").await;
    let v = app.token_for("v@example.com").await;
    rate(&app, &v, &high, 5, false).await;
    rate(&app, &v, &low, 1, false).await;
    assert_eq!(design(&app, &high, None).await["standing"], json!({ "top_position": 1, "of": 2 }));
    assert_eq!(design(&app, &low, None).await["standing"], json!({ "top_position": 2, "of": 2 }));
});

both!(a_burst_of_ratings_from_young_accounts_is_shown_to_moderators, |app| {
    let (_, t) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    let id = common::publish(&app, &creator, &t, "Hyped").await;
    let quiet = common::publish(&app, &creator, &t, "Quiet").await;
    for i in 0..5 {
        let v = app.token_for(&format!("sock{i}@example.com")).await;
        rate(&app, &v, &id, 5, true).await;
    }
    let v = app.token_for("honest@example.com").await;
    rate(&app, &v, &quiet, 4, false).await;
    let moderator = app.token_with_role("community@example.com", Role::CommunityManager).await;
    let alerts = get_ok(&app, "/api/v1/brand/alerts", &moderator).await;
    let items = alerts["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{alerts}");
    assert_eq!(items[0]["design_id"], id.as_str());
    assert_eq!(items[0]["young_ratings"], 5);
    let customer = app.token_for("nosy@example.com").await;
    problem(app.get_with("/api/v1/brand/alerts", &customer).await, StatusCode::FORBIDDEN, "forbidden").await;
});

both!(rating_too_fast_is_refused_for_a_while, |app| {
    let (_, id) = published(&app).await;
    let v = app.token_for("eager@example.com").await;
    for i in 0..30 {
        assert_eq!(rate(&app, &v, &id, 1 + i % 5, false).await.status(), StatusCode::OK, "rating {i}");
    }
    let res = rate(&app, &v, &id, 5, false).await;
    assert!(res.headers().get("retry-after").is_some());
    problem(res, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Someone else is not slowed down.
    let other = app.token_for("calm@example.com").await;
    assert_eq!(rate(&app, &other, &id, 4, false).await.status(), StatusCode::OK);
});
