//! Comments (one level of replies, a 15-minute edit window, deletion, the brand's badge),
//! reports and the moderators' queue, and the notifications they bring.

mod common;

use cocreate::accounts::domain::Role;
use common::{TestApp, get_ok, problem, published};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn comment(app: &TestApp, token: &str, design: &str, body: Value) -> reqwest::Response {
    let url = app.url(&format!("/api/v1/designs/{design}/comments"));
    app.client.post(url).bearer_auth(token).json(&body).send().await.unwrap()
}

async fn posted(app: &TestApp, token: &str, design: &str, body: Value) -> Value {
    let res = comment(app, token, design, body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn thread(app: &TestApp, design: &str) -> Vec<Value> {
    app.get_json(&format!("/api/v1/designs/{design}/comments")).await["items"].as_array().unwrap().clone()
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    get_ok(app, "/api/v1/me/notifications", token).await["items"].as_array().unwrap().clone()
}

both!(comments_have_one_level_of_replies_and_the_brand_is_badged, |app| {
    let (creator, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let brand = app.token_with_role("community@example.com", Role::CommunityManager).await;

    let first = posted(&app, &ada, &id, json!({ "body": "  Love the pickles  " })).await;
    assert_eq!(first["body"], "Love the pickles");
    assert_eq!(first["brand"], false);
    let reply = posted(&app, &brand, &id, json!({ "body": "Thanks! Noted.", "parent_id": first["id"] })).await;
    assert_eq!(reply["brand"], true);
    let deeper = comment(&app, &ada, &id, json!({ "body": "and?", "parent_id": reply["id"] })).await;
    let body = problem(deeper, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "reply_depth");
    posted(&app, &creator, &id, json!({ "body": "Second thread, by the creator" })).await;

    let items = thread(&app, &id).await;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["replies"].as_array().unwrap().len(), 1);
    assert_eq!(items[0]["replies"][0]["body"], "Thanks! Noted.");
    assert_eq!(items[1]["author"]["display_name"], "Test Person");

    // The creator hears of the comment, Ada of the reply; nobody of their own words.
    let creator_kinds: Vec<_> = notifications(&app, &creator).await.iter().map(|n| n["kind"].clone()).collect();
    assert_eq!(creator_kinds, [json!("comment")]);
    let ada_notes = notifications(&app, &ada).await;
    assert_eq!(ada_notes.len(), 1);
    assert_eq!(ada_notes[0]["kind"], "reply");
    assert_eq!(ada_notes[0]["actor_name"], "Brand Person");
    assert_eq!(ada_notes[0]["design"]["id"], id.as_str());
});

both!(bad_comments_are_refused_and_leave_nothing_behind, |app| {
    let (creator, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let res = app.post(&format!("/api/v1/designs/{id}/comments"), json!({ "body": "anonymous" })).await;
    problem(res, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    for body in [json!({ "body": "   " }), json!({ "body": "x".repeat(2001) }), json!({})] {
        problem(comment(&app, &ada, &id, body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    let elsewhere = json!({ "body": "hi", "parent_id": uuid::Uuid::now_v7() });
    problem(comment(&app, &ada, &id, elsewhere).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let nowhere = uuid::Uuid::now_v7().to_string();
    problem(comment(&app, &ada, &nowhere, json!({ "body": "hi" })).await, StatusCode::NOT_FOUND, "not_found").await;
    app.client.post(app.url(&format!("/api/v1/designs/{id}/withdraw"))).bearer_auth(&creator).send().await.unwrap();
    problem(comment(&app, &ada, &id, json!({ "body": "late" })).await, StatusCode::CONFLICT, "not_commentable").await;
    assert_eq!(app.count("comments").await, 0);
    assert_eq!(app.count("notifications").await, 0);
});

both!(a_comment_can_be_edited_for_fifteen_minutes_by_its_author_only, |app| {
    let (_, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let c = posted(&app, &ada, &id, json!({ "body": "Fist!" })).await;
    let url = app.url(&format!("/api/v1/comments/{}", c["id"].as_str().unwrap()));
    let edit = |token: String, body: &'static str| {
        let (client, url) = (app.new_client(), url.clone());
        async move { client.patch(url).bearer_auth(token).json(&json!({ "body": body })).send().await.unwrap() }
    };
    let res = edit(ada.clone(), "First!").await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.unwrap();
    assert_eq!(edited["body"], "First!");
    assert!(edited["edited_at"].as_i64().is_some());
    assert_eq!(edited["editable_until"], c["created_at"].as_i64().unwrap() + 15 * 60 * 1000);
    problem(edit(bob, "Hijacked").await, StatusCode::FORBIDDEN, "forbidden").await;

    // Sixteen minutes later the window has closed.
    app.exec("UPDATE comments SET created_at = created_at - 960000").await;
    problem(edit(ada, "Too late").await, StatusCode::CONFLICT, "edit_window_closed").await;
    assert_eq!(thread(&app, &id).await[0]["body"], "First!");
});

both!(deleting_keeps_the_thread_and_only_the_author_or_the_brand_may, |app| {
    let (_, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let curator = app.token_with_role("curator2@example.com", Role::Curator).await;
    let top = posted(&app, &ada, &id, json!({ "body": "Opening" })).await;
    let reply = posted(&app, &bob, &id, json!({ "body": "Rude reply", "parent_id": top["id"] })).await;
    let delete = |token: String, comment: Value| {
        let c = app.new_client();
        let url = app.url(&format!("/api/v1/comments/{}", comment["id"].as_str().unwrap()));
        async move { c.delete(url).bearer_auth(token).send().await.unwrap().status() }
    };
    assert_eq!(delete(bob.clone(), top.clone()).await, StatusCode::FORBIDDEN);
    assert_eq!(delete(ada.clone(), top.clone()).await, StatusCode::NO_CONTENT);
    assert_eq!(delete(curator, reply.clone()).await, StatusCode::NO_CONTENT);
    let items = thread(&app, &id).await;
    assert_eq!(items[0]["deleted"], true);
    assert_eq!(items[0]["body"], "");
    assert_eq!(items[0]["replies"][0]["deleted"], true);
    // A moderator's deletion is audited; an author's own is not a moderation.
    assert_eq!(app.count("audit_log WHERE action = 'comment.deleted'").await, 1);
    let res = comment(&app, &bob, &id, json!({ "body": "Reply to gone", "parent_id": top["id"] })).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
});

both!(comments_page_with_their_replies, |app| {
    let (_, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let mut tops = Vec::new();
    for i in 0..3 {
        tops.push(posted(&app, &ada, &id, json!({ "body": format!("Top {i}") })).await);
    }
    let bob = app.token_for("bob@example.com").await;
    for top in &tops {
        posted(&app, &bob, &id, json!({ "body": "Reply", "parent_id": top["id"] })).await;
    }
    let first = app.get_json(&format!("/api/v1/designs/{id}/comments?limit=2")).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert!(first["items"].as_array().unwrap().iter().all(|c| c["replies"].as_array().unwrap().len() == 1));
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app.get_json(&format!("/api/v1/designs/{id}/comments?limit=2&cursor={cursor}")).await;
    assert_eq!(second["items"][0]["body"], "Top 2");
    assert_eq!(second["items"][0]["replies"].as_array().unwrap().len(), 1);
    assert!(second["next_cursor"].is_null());
});

async fn report(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.client.post(app.url("/api/v1/reports")).bearer_auth(token).json(&body).send().await.unwrap()
}

both!(reports_wait_in_the_moderators_queue_once_per_reporter, |app| {
    let (_, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let c = posted(&app, &ada, &id, json!({ "body": "Buy cheap watches at ..." })).await;

    let on_comment = json!({ "target_type": "comment", "target_id": c["id"], "reason": "spam", "note": "an ad" });
    assert_eq!(report(&app, &bob, on_comment.clone()).await.status(), StatusCode::CREATED);
    problem(report(&app, &bob, on_comment).await, StatusCode::CONFLICT, "already_reported").await;
    let on_design = json!({ "target_type": "design", "target_id": id, "reason": "copyright" });
    assert_eq!(report(&app, &bob, on_design.clone()).await.status(), StatusCode::CREATED);
    assert_eq!(report(&app, &ada, on_design).await.status(), StatusCode::CREATED);

    let bad = json!({ "target_type": "user", "target_id": id, "reason": "meh" });
    let body = problem(report(&app, &bob, bad).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(common::failing_fields(&body), ["reason", "target_type"]);
    let ghost = json!({ "target_type": "comment", "target_id": uuid::Uuid::now_v7(), "reason": "spam" });
    problem(report(&app, &bob, ghost).await, StatusCode::NOT_FOUND, "not_found").await;

    problem(app.get_with("/api/v1/brand/reports", &bob).await, StatusCode::FORBIDDEN, "forbidden").await;
    let moderator = app.token_with_role("community@example.com", Role::CommunityManager).await;
    let queue = get_ok(&app, "/api/v1/brand/reports", &moderator).await;
    let items = queue["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["target_type"], "comment");
    assert_eq!(items[0]["note"], "an ad");
    assert_eq!(items[1]["reports_on_target"], 2);
});

both!(notifications_are_counted_read_and_emailed_as_each_person_prefers, |app| {
    let (creator, id) = published(&app).await;
    let ada = app.token_for("ada@example.com").await;
    posted(&app, &ada, &id, json!({ "body": "One" })).await;
    let unread = get_ok(&app, "/api/v1/me/notifications/unread-count", &creator).await;
    assert_eq!(unread["count"], 1);
    let emails_before = app.count("outbox WHERE subject LIKE '%commented%'").await;
    assert_eq!(emails_before, 1);

    // Turn comment emails off: the next comment notifies in the app only.
    let prefs = json!({ "email": { "rating_milestone": true, "comment": false, "reply": true, "remix": true, "shortlisted": true } });
    let res = app
        .client
        .put(app.url("/api/v1/me/notification-preferences"))
        .bearer_auth(&creator)
        .json(&prefs)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // Kinds a client does not name (added later: the brand's decisions) stay on.
    let stored = get_ok(&app, "/api/v1/me/notification-preferences", &creator).await;
    assert_eq!(stored["email"]["comment"], false);
    for kind in [
        "rating_milestone",
        "reply",
        "remix",
        "shortlisted",
        "approved",
        "changes_requested",
        "rejected",
        "listed",
        "hidden",
    ] {
        assert_eq!(stored["email"][kind], true, "{kind}");
    }
    posted(&app, &ada, &id, json!({ "body": "Two" })).await;
    assert_eq!(app.count("outbox WHERE subject LIKE '%commented%'").await, 1);
    assert_eq!(get_ok(&app, "/api/v1/me/notifications/unread-count", &creator).await["count"], 2);

    // Read one, then all.
    let first = notifications(&app, &creator).await[0]["id"].clone();
    let read = |body: Value| {
        let c = app.new_client();
        let (url, token) = (app.url("/api/v1/me/notifications/read"), creator.clone());
        async move { c.post(url).bearer_auth(token).json(&body).send().await.unwrap().status() }
    };
    assert_eq!(read(json!({ "ids": [first] })).await, StatusCode::NO_CONTENT);
    assert_eq!(get_ok(&app, "/api/v1/me/notifications/unread-count", &creator).await["count"], 1);
    assert_eq!(read(json!({})).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(read(json!({ "all": true })).await, StatusCode::NO_CONTENT);
    assert_eq!(get_ok(&app, "/api/v1/me/notifications/unread-count", &creator).await["count"], 0);
    // Someone else's notifications are not mine to read.
    assert_eq!(get_ok(&app, "/api/v1/me/notifications", &ada).await["items"].as_array().unwrap().len(), 0);
});

both!(the_original_creator_hears_of_a_published_remix, |app| {
    let (creator, id) = published(&app).await;
    let remixer = app.token_for("remixer@example.com").await;
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/remix"))).bearer_auth(&remixer).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let draft: Value = res.json().await.unwrap();
    let remix = draft["id"].as_str().unwrap();
    assert!(notifications(&app, &creator).await.is_empty(), "a draft is private");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/designs/{remix}/publish")))
        .bearer_auth(&remixer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let notes = notifications(&app, &creator).await;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["kind"], "remix");
    assert_eq!(notes[0]["design"]["id"], remix);
});
