//! Co-creators: invitations with agreed shares that always add up to 10,000 basis points.

mod common;

use common::{TestApp, failing_fields, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn draft(app: &TestApp, owner: &str) -> String {
    let (_, t) = common::one_option_template(app).await;
    let d = common::one_option_draft(app, owner, &t, "Together", "").await;
    d["id"].as_str().unwrap().to_string()
}

async fn set_split(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/designs/{id}/co-creators")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn answer(app: &TestApp, token: &str, id: &str, accept: bool) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/designs/{id}/co-creators/answer")))
        .bearer_auth(token)
        .json(&json!({ "accept": accept }))
        .send()
        .await
        .unwrap()
}

both!(co_creators_are_invited_and_agree_to_a_split_that_adds_up, |app| {
    let alice = app.token_for("alice@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let carol = app.token_for("carol@example.com").await;
    let id = draft(&app, &alice).await;

    let res = set_split(&app, &alice, &id, json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 3000 }, { "email": "CAROL@example.com", "share_bps": 2000 }] })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let split: Value = res.json().await.unwrap();
    assert_eq!(split["creator_share_bps"], 5000);
    assert_eq!(split["agreed"], false);
    assert_eq!(split["co_creators"][0]["share_bps"], 3000);
    assert_eq!(split["co_creators"][0]["status"], "invited");

    // Bob sees the invitation and the draft he is invited to.
    let invitations: Value = app.get_with("/api/v1/me/invitations", &bob).await.json().await.unwrap();
    assert_eq!(invitations["items"][0]["design_name"], "Together");
    assert_eq!(invitations["items"][0]["share_bps"], 3000);
    assert_eq!(app.get_with(&format!("/api/v1/designs/{id}"), &bob).await.status(), StatusCode::OK);

    assert_eq!(answer(&app, &bob, &id, true).await.status(), StatusCode::OK);
    let split: Value = answer(&app, &carol, &id, false).await.json().await.unwrap();
    assert_eq!(split["agreed"], false, "one declined");
    assert_eq!(split["creator_share_bps"], 7000, "a declined share stays with the creator");

    // Without Carol, the split is agreed; the design shows it.
    let split: Value =
        set_split(&app, &alice, &id, json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 3000 }] }))
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(split["agreed"], true, "Bob's unchanged share stays accepted");
    let design: Value = app.get_with(&format!("/api/v1/designs/{id}"), &alice).await.json().await.unwrap();
    assert_eq!(design["split"]["creator_share_bps"], 7000);
    assert_eq!(design["split"]["co_creators"][0]["display_name"], "Test Person");
    assert_eq!(app.get_with(&format!("/api/v1/designs/{id}"), &carol).await.status(), StatusCode::NOT_FOUND);

    // A changed share asks again.
    let split: Value =
        set_split(&app, &alice, &id, json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 2500 }] }))
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(split["co_creators"][0]["status"], "invited");
    assert_eq!(split["agreed"], false);
});

both!(a_split_that_does_not_add_up_is_refused_and_changes_nothing, |app| {
    let alice = app.token_for("alice@example.com").await;
    app.token_for("bob@example.com").await;
    let id = draft(&app, &alice).await;
    let cases = [
        (
            json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 10000 }] }),
            vec!["co_creators[0].share_bps"],
        ),
        (
            json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 5000 }, { "email": "carl@example.com", "share_bps": 5000 }] }),
            vec!["co_creators"],
        ),
        (
            json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 6000 }, { "email": "bob@example.com", "share_bps": 4000 }] }),
            vec!["co_creators", "co_creators[1].email"],
        ),
        (json!({ "co_creators": [{ "email": "nobody@example.com", "share_bps": 100 }] }), vec!["co_creators[0].email"]),
        (json!({ "co_creators": [{ "email": "alice@example.com", "share_bps": 100 }] }), vec!["co_creators[0].email"]),
        (json!({ "co_creators": [{ "email": "bob@example.com", "share_bps": 0 }] }), vec!["co_creators[0].share_bps"]),
    ];
    for (body, fields) in cases {
        let res = set_split(&app, &alice, &id, body.clone()).await;
        let problem_body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(failing_fields(&problem_body), fields, "{body}");
    }
    assert_eq!(app.count("design_co_creators").await, 0);

    let bob = app.token_for("bob2@example.com").await;
    let res = set_split(&app, &bob, &id, json!({ "co_creators": [] })).await;
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
    problem(answer(&app, &bob, &id, true).await, StatusCode::NOT_FOUND, "not_found").await;
});
