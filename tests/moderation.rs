//! Moderation: reports grouped by target, hiding and restoring designs and comments with a
//! reason, dismissing reports, suspending, banning and reinstating accounts (their ratings stop
//! counting and the scores are recomputed), and the audit log admins filter.

mod common;

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use common::{PASSWORD, TestApp, failing_fields, get_ok, problem, published, rate};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Response {
    app.client.post(app.url(&format!("/api/v1{path}"))).bearer_auth(token).json(&body).send().await.unwrap()
}

async fn report(app: &TestApp, token: &str, target_type: &str, id: &Value, reason: &str) {
    let body = json!({ "target_type": target_type, "target_id": id, "reason": reason, "note": "" });
    assert_eq!(post(app, token, "/reports", body).await.status(), StatusCode::CREATED);
}

async fn feed_ids(app: &TestApp) -> Vec<String> {
    let res = app.client.get(app.url("/api/v1/feed?sort=new")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let page: Value = res.json().await.unwrap();
    page["items"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_string()).collect()
}

async fn login(app: &TestApp, email: &str) -> Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
}

both!(a_hidden_design_leaves_the_feeds_and_its_reports_are_closed, |app| {
    let (creator, id) = published(&app).await;
    let target = json!(id);
    let (ada, bob) = (app.voter("ada@example.com").await, app.voter("bob@example.com").await);
    report(&app, &ada, "design", &target, "offensive").await;
    report(&app, &bob, "design", &target, "spam").await;
    let moderator = app.token_with_role("manager@example.com", Role::CommunityManager).await;

    // The queue groups the two reports on the one design.
    let targets = get_ok(&app, "/api/v1/brand/reports/targets", &moderator).await;
    let group = &targets["items"][0];
    assert_eq!(targets["items"].as_array().unwrap().len(), 1);
    assert_eq!(group["target_id"], id.as_str());
    assert_eq!(group["reports"], 2);
    assert_eq!(group["reasons"], json!(["offensive", "spam"]));
    assert_eq!(group["title"], "Rate Me");
    assert_eq!(group["hidden"], false);

    let hide = format!("/brand/designs/{id}/hide");
    problem(post(&app, &creator, &hide, json!({ "reason": "x" })).await, StatusCode::FORBIDDEN, "forbidden").await;
    let p =
        problem(post(&app, &moderator, &hide, json!({})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    assert_eq!(failing_fields(&p), ["reason"]);
    assert!(feed_ids(&app).await.contains(&id));

    let res = post(&app, &moderator, &hide, json!({ "reason": "Hateful words in the story" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let done: Value = res.json().await.unwrap();
    assert_eq!(done["reports_resolved"], 2);
    assert_eq!(get_ok(&app, "/api/v1/brand/reports/targets", &moderator).await["items"], json!([]));
    assert!(!feed_ids(&app).await.contains(&id));
    // Gone for the public; its creator sees why and is told.
    let res = app.client.get(app.url(&format!("/api/v1/designs/{id}"))).send().await.unwrap();
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
    let own = get_ok(&app, &format!("/api/v1/designs/{id}"), &creator).await;
    assert_eq!(own["hidden"]["reason"], "Hateful words in the story");
    let told = get_ok(&app, "/api/v1/me/notifications", &creator).await;
    assert_eq!(told["items"][0]["kind"], "hidden");
    // Nobody rates it while it is hidden.
    problem(rate(&app, &ada, &id, 5, false).await, StatusCode::CONFLICT, "not_rateable").await;
    problem(
        post(&app, &moderator, &hide, json!({ "reason": "again" })).await,
        StatusCode::CONFLICT,
        "invalid_transition",
    )
    .await;
    assert_eq!(app.count("audit_log WHERE action = 'moderation.design_hidden'").await, 1);

    let res =
        post(&app, &moderator, &format!("/brand/designs/{id}/restore"), json!({ "reason": "Story edited offline" }))
            .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(feed_ids(&app).await.contains(&id));
    assert_eq!(rate(&app, &ada, &id, 5, false).await.status(), StatusCode::OK);
});

both!(a_hidden_comment_keeps_its_place_without_its_words, |app| {
    let (_, id) = published(&app).await;
    let ada = app.voter("ada@example.com").await;
    let res = post(&app, &ada, &format!("/designs/{id}/comments"), json!({ "body": "Buy cheap watches" })).await;
    let comment: Value = res.json().await.unwrap();
    let moderator = app.token_with_role("moderator@example.com", Role::Curator).await;
    let hide = format!("/brand/comments/{}/hide", comment["id"].as_str().unwrap());
    assert_eq!(post(&app, &moderator, &hide, json!({ "reason": "Spam" })).await.status(), StatusCode::OK);
    let thread = app.get_json(&format!("/api/v1/designs/{id}/comments")).await;
    assert_eq!(thread["items"][0]["hidden"], true);
    assert_eq!(thread["items"][0]["body"], "");
    let restore = hide.replace("/hide", "/restore");
    assert_eq!(
        post(&app, &moderator, &restore, json!({ "reason": "Not spam after all" })).await.status(),
        StatusCode::OK
    );
    let thread = app.get_json(&format!("/api/v1/designs/{id}/comments")).await;
    assert_eq!(thread["items"][0]["body"], "Buy cheap watches");
});

both!(dismissing_reports_closes_them_and_leaves_the_target_alone, |app| {
    let (_, id) = published(&app).await;
    let ada = app.voter("ada@example.com").await;
    report(&app, &ada, "design", &json!(id), "copyright").await;
    let moderator = app.token_with_role("manager@example.com", Role::CommunityManager).await;
    let body = json!({ "target_type": "design", "target_id": id, "reason": "It is an original recipe" });
    let res = post(&app, &moderator, "/brand/reports/dismiss", body.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/brand/reports", &moderator).await["items"], json!([]));
    assert!(feed_ids(&app).await.contains(&id));
    problem(post(&app, &moderator, "/brand/reports/dismiss", body).await, StatusCode::NOT_FOUND, "not_found").await;
    // Closed, the same person may report it again.
    report(&app, &ada, "design", &json!(id), "copyright").await;
});

both!(a_suspended_account_is_signed_out_and_its_ratings_stop_counting_until_reinstated, |app| {
    let (creator, id) = published(&app).await;
    let troll = app.voter("troll@example.com").await;
    let fair = app.voter("fair@example.com").await;
    assert_eq!(rate(&app, &troll, &id, 1, false).await.status(), StatusCode::OK);
    assert_eq!(rate(&app, &fair, &id, 5, true).await.status(), StatusCode::OK);
    let before = app.get_json(&format!("/api/v1/designs/{id}")).await;
    assert_eq!(before["ratings"]["histogram"], json!([1, 0, 0, 0, 1]));
    let troll_id = get_ok(&app, "/api/v1/me", &troll).await["id"].as_str().unwrap().to_string();

    let moderator = app.token_with_role("manager@example.com", Role::CommunityManager).await;
    let suspend = format!("/brand/accounts/{troll_id}/suspend");
    let p = problem(
        post(&app, &moderator, &suspend, json!({ "until": now_ms() - 1 })).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(failing_fields(&p), ["reason", "until"]);
    let until = now_ms() + 7 * 24 * 3600 * 1000;
    let res = post(&app, &moderator, &suspend, json!({ "until": until, "reason": "Rating bursts" })).await;
    assert_eq!(res.status(), StatusCode::OK);

    // The score is recomputed without the suspended rating, and the creator sees one held back.
    let after = app.get_json(&format!("/api/v1/designs/{id}")).await;
    assert_eq!(after["ratings"]["histogram"], json!([0, 0, 0, 0, 1]));
    assert!(after["ratings"]["lower_bound"].as_f64() > before["ratings"]["lower_bound"].as_f64());
    let own = get_ok(&app, &format!("/api/v1/designs/{id}"), &creator).await;
    assert_eq!(own["pending_ratings"]["moderated"], 1);
    // Signed out at once, and kept out.
    problem(app.get_with("/api/v1/me", &troll).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let refused = problem(login(&app, "troll@example.com").await, StatusCode::FORBIDDEN, "account_suspended").await;
    assert!(refused["detail"].as_str().unwrap().contains("until"), "{refused}");

    // Reinstated, its rating counts again, and it signs in.
    let res = post(
        &app,
        &moderator,
        &format!("/brand/accounts/{troll_id}/reinstate"),
        json!({ "reason": "Appeal accepted" }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get_json(&format!("/api/v1/designs/{id}")).await["ratings"]["histogram"], json!([1, 0, 0, 0, 1]));
    assert_eq!(login(&app, "troll@example.com").await.status(), StatusCode::OK);

    // A ban keeps it out for good.
    let res =
        post(&app, &moderator, &format!("/brand/accounts/{troll_id}/ban"), json!({ "reason": "Back at it" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let refused = problem(login(&app, "troll@example.com").await, StatusCode::FORBIDDEN, "account_suspended").await;
    assert!(refused["detail"].as_str().unwrap().contains("banned"));
    assert_eq!(app.get_json(&format!("/api/v1/designs/{id}")).await["ratings"]["histogram"], json!([0, 0, 0, 0, 1]));

    // Each step is in the audit log, which an admin filters by target.
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let log = get_ok(&app, &format!("/api/v1/admin/audit-log?target_type=account&target_id={troll_id}"), &admin).await;
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["moderation.account_banned", "moderation.account_reinstated", "moderation.account_suspended"]);
    let moderator_id = get_ok(&app, "/api/v1/me", &moderator).await["id"].as_str().unwrap().to_string();
    let mine =
        get_ok(&app, &format!("/api/v1/admin/audit-log?actor_id={moderator_id}&since={}", now_ms() - 60_000), &admin)
            .await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 3);
    problem(app.get_with("/api/v1/admin/audit-log", &moderator).await, StatusCode::FORBIDDEN, "forbidden").await;
});

both!(only_an_admin_moderates_the_brand_team_and_nobody_themselves, |app| {
    let curator = app.token_with_role("curator@example.com", Role::Curator).await;
    let manager = app.token_with_role("manager@example.com", Role::CommunityManager).await;
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    let curator_id = get_ok(&app, "/api/v1/me", &curator).await["id"].as_str().unwrap().to_string();
    let manager_id = get_ok(&app, "/api/v1/me", &manager).await["id"].as_str().unwrap().to_string();
    let ban = |id: &str| format!("/brand/accounts/{id}/ban");
    let reason = json!({ "reason": "Testing the rules" });
    problem(post(&app, &manager, &ban(&curator_id), reason.clone()).await, StatusCode::FORBIDDEN, "forbidden").await;
    problem(post(&app, &manager, &ban(&manager_id), reason.clone()).await, StatusCode::FORBIDDEN, "forbidden").await;
    let customer = app.voter("cust@example.com").await;
    problem(post(&app, &customer, &ban(&curator_id), reason.clone()).await, StatusCode::FORBIDDEN, "forbidden").await;
    let nobody = uuid::Uuid::now_v7();
    problem(post(&app, &admin, &ban(&nobody.to_string()), reason.clone()).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(post(&app, &admin, &ban(&curator_id), reason).await.status(), StatusCode::OK);
    problem(login(&app, "curator@example.com").await, StatusCode::FORBIDDEN, "account_suspended").await;
});
