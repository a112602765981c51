//! Admins grant and revoke roles; every change is in the append-only audit log with who, what,
//! when and the request id.

mod common;

use cocreate::accounts::domain::Role;
use common::problem;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn account_id(app: &common::TestApp, token: &str) -> String {
    let me: Value = app.get_with("/api/v1/me", token).await.json().await.unwrap();
    me["id"].as_str().unwrap().to_string()
}

both!(an_admin_grants_and_revokes_a_role_and_the_audit_log_says_so, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let admin_id = account_id(&app, &admin).await;
    let member = app.token_for("cam@example.com").await;
    let member_id = account_id(&app, &member).await;
    let path = format!("/api/v1/admin/users/{member_id}/roles/curator");

    let res = app.client.put(app.url(&path)).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let account: Value = res.json().await.unwrap();
    assert_eq!(account["roles"], json!(["customer", "curator"]));
    // The member's existing token carries the new role at once.
    let me: Value = app.get_with("/api/v1/me", &member).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["customer", "curator"]));

    // Granting again changes nothing and logs nothing.
    let res = app.client.put(app.url(&path)).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    let res = app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = app.get_with("/api/v1/me", &member).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["customer"]));

    let log: Value = app.get_with("/api/v1/admin/audit-log?action=role.granted", &admin).await.json().await.unwrap();
    let granted: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|e| e["target_id"] == member_id.as_str()).collect();
    assert_eq!(granted.len(), 1, "{log}");
    assert_eq!(granted[0]["actor_id"], admin_id.as_str());
    assert_eq!(granted[0]["request_id"], request_id.as_str());
    assert!(granted[0]["detail"].as_str().unwrap().contains("curator"));
    assert!(granted[0]["at"].as_i64().unwrap() > 1_700_000_000_000);
    let log: Value = app.get_with("/api/v1/admin/audit-log?action=role.revoked", &admin).await.json().await.unwrap();
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
});

both!(the_audit_log_cannot_be_changed_or_erased, |app| {
    app.token_with_role("boss@example.com", Role::Admin).await;
    assert_eq!(app.count("audit_log").await, 1);
    let mut tx = app.db.begin().await.unwrap();
    let update = cocreate::on_db!(tx.ex(), |c| sqlx::query("UPDATE audit_log SET action = 'nothing'")
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()));
    assert!(update.is_err(), "an update was allowed");
    drop(tx);
    let mut tx = app.db.begin().await.unwrap();
    let delete = cocreate::on_db!(tx.ex(), |c| sqlx::query("DELETE FROM audit_log")
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()));
    assert!(delete.is_err(), "a delete was allowed");
    drop(tx);
    assert_eq!(app.count("audit_log").await, 1);
});

both!(the_last_admin_keeps_the_role, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let admin_id = account_id(&app, &admin).await;
    let path = format!("/api/v1/admin/users/{admin_id}/roles/admin");
    let res = app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.unwrap();
    problem(res, StatusCode::CONFLICT, "last_admin").await;
    let me: Value = app.get_with("/api/v1/me", &admin).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["customer", "admin"]));

    // With a second admin, one may step down.
    let other = app.token_for("deputy@example.com").await;
    let other_id = account_id(&app, &other).await;
    let grant = format!("/api/v1/admin/users/{other_id}/roles/admin");
    assert_eq!(app.client.put(app.url(&grant)).bearer_auth(&admin).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(app.client.delete(app.url(&path)).bearer_auth(&admin).send().await.unwrap().status(), StatusCode::OK);
    problem(app.get_with("/api/v1/admin/users", &admin).await, StatusCode::FORBIDDEN, "forbidden").await;
});

both!(two_admins_demoting_each_other_at_once_leave_one_admin, |app| {
    let a = app.token_with_role("a@example.com", Role::Admin).await;
    let b = app.token_with_role("b@example.com", Role::Admin).await;
    let (a_id, b_id) = (account_id(&app, &a).await, account_id(&app, &b).await);
    let demote = |token: String, target: String| {
        let c = app.new_client();
        let url = app.url(&format!("/api/v1/admin/users/{target}/roles/admin"));
        async move { c.delete(url).bearer_auth(token).send().await.unwrap().status() }
    };
    let (x, y) = tokio::join!(demote(a.clone(), b_id), demote(b.clone(), a_id));
    let mut statuses = [x, y];
    statuses.sort();
    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    assert_eq!(app.count("account_roles WHERE role = 'admin'").await, 1, "{statuses:?}");
});

both!(customer_is_not_granted_and_unknown_accounts_are_404, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let admin_id = account_id(&app, &admin).await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{admin_id}/roles/customer")))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{admin_id}/roles/emperor")))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::BAD_REQUEST, "invalid_path_parameter").await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/admin/users/{}/roles/curator", uuid::Uuid::now_v7())))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
});

both!(admins_page_through_accounts, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    for i in 0..5 {
        app.register(&app.new_client(), &format!("p{i}@example.com")).await;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/admin/users?limit=2&cursor={c}"),
            None => "/api/v1/admin/users?limit=2".to_string(),
        };
        let page: Value = app.get_with(&path, &admin).await.json().await.unwrap();
        for item in page["items"].as_array().unwrap() {
            seen.push(item["email"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["p4@example.com", "p3@example.com", "p2@example.com", "p1@example.com", "p0@example.com", "boss@example.com"]
    );
});
