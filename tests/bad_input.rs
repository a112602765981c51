//! Bad input gets a 4xx problem+json with a stable code, is never a 500, and writes nothing.

mod common;

use cocreate::accounts::domain::Role;
use common::{PASSWORD, failing_fields, problem};
use reqwest::StatusCode;
use serde_json::json;

const REGISTER: &str = "/api/v1/auth/register";

both!(malformed_json_is_400, |app| {
    let res = app
        .client
        .post(app.url(REGISTER))
        .header("content-type", "application/json")
        .body(r#"{"email": "a@b.co", "password": "#)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::BAD_REQUEST, "malformed_json").await;
    assert_eq!(app.count("accounts").await, 0);
});

both!(a_body_that_is_not_json_is_415, |app| {
    let res = app
        .client
        .post(app.url(REGISTER))
        .header("content-type", "text/plain")
        .body(r#"{"email":"a@b.co","display_name":"A","password":"0123456789"}"#)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let res = app.client.post(app.url(REGISTER)).body("email=a@b.co").send().await.unwrap();
    problem(res, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    assert_eq!(app.count("accounts").await, 0);
});

both!(a_body_over_the_limit_is_413, |app| {
    let huge = "x".repeat(cocreate::app::BODY_LIMIT + 10);
    let body = json!({ "email": "a@b.co", "display_name": huge, "password": PASSWORD });
    problem(app.post(REGISTER, body).await, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert_eq!(app.count("accounts").await, 0);
});

both!(missing_and_unknown_fields_are_all_listed, |app| {
    let res = app.post(REGISTER, json!({ "email": "a@b.co", "is_admin": true, "roles": ["admin"] })).await;
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), ["display_name", "is_admin", "password", "roles"]);
    let codes: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"required") && codes.contains(&"unknown_field"), "{codes:?}");
    assert_eq!(app.count("accounts").await, 0);
});

both!(a_wrong_type_names_its_field, |app| {
    let res = app.post(REGISTER, json!({ "email": 42, "display_name": "A", "password": PASSWORD })).await;
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), ["email"]);
    let res = app.post(REGISTER, json!(["not", "an", "object"])).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.count("accounts").await, 0);
});

both!(every_broken_rule_is_listed_at_once, |app| {
    let body =
        json!({ "email": "x".repeat(300) + "@example.com", "display_name": "y".repeat(61), "password": "short" });
    let body = problem(app.post(REGISTER, body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let errors: Vec<(String, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_string(), e["code"].as_str().unwrap().to_string()))
        .collect();
    assert!(errors.contains(&("email".into(), "too_long".into())), "{errors:?}");
    assert!(errors.contains(&("display_name".into(), "too_long".into())), "{errors:?}");
    assert!(errors.contains(&("password".into(), "too_short".into())), "{errors:?}");
    assert_eq!(app.count("accounts").await, 0);
});

both!(sql_and_html_in_fields_are_refused_and_change_nothing, |app| {
    app.register(&app.new_client(), "first@example.com").await;
    let attempts = [
        json!({ "email": "x@example.com'; DROP TABLE accounts; --", "display_name": "A", "password": PASSWORD }),
        json!({ "email": "' OR '1'='1", "display_name": "A", "password": PASSWORD }),
        json!({ "email": "h@example.com", "display_name": "<script>alert(1)</script>", "password": PASSWORD }),
        json!({ "email": "h@example.com", "display_name": "Robert'); DROP TABLE accounts;--", "password": PASSWORD }),
        json!({ "email": "<img src=x onerror=alert(1)>@example.com", "display_name": "A", "password": PASSWORD }),
    ];
    for body in attempts {
        let res = app.post(REGISTER, body.clone()).await;
        problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    }
    // Signing in with SQL is just a wrong credential.
    let res = app.post("/api/v1/auth/login", json!({ "email": "' OR 1=1 --", "password": "' OR '1'='1" })).await;
    problem(res, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(app.count("accounts").await, 1, "the table is still there, with its one account");
});

both!(a_non_uuid_id_in_the_path_is_400, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let res = app
        .client
        .put(app.url("/api/v1/admin/users/not-a-uuid/roles/curator"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::BAD_REQUEST, "invalid_path_parameter").await;
    let res = app
        .client
        .put(app.url("/api/v1/admin/users/1' OR '1'='1/roles/curator"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::BAD_REQUEST, "invalid_path_parameter").await;
    assert_eq!(app.count("account_roles").await, 1, "only the admin's own role");
});

both!(bad_query_parameters_are_4xx, |app| {
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let res = app.get_with("/api/v1/admin/users?limit=lots", &admin).await;
    problem(res, StatusCode::BAD_REQUEST, "invalid_query_parameter").await;
    let res = app.get_with("/api/v1/admin/users?limit=0", &admin).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.get_with("/api/v1/admin/users?cursor=%27%3B--", &admin).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
});

both!(a_forged_or_garbage_token_is_401, |app| {
    for token in ["garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "a.b.c"] {
        problem(app.get_with("/api/v1/me", token).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
});

both!(nul_characters_are_refused_in_any_field, |app| {
    let res =
        app.post(REGISTER, json!({ "email": "n\u{0}@example.com", "display_name": "N", "password": PASSWORD })).await;
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), ["email"]);
    let res = app
        .post(REGISTER, json!({ "email": "n@example.com", "display_name": "N", "password": "pass\u{0}word-long" }))
        .await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res = app.post("/api/v1/auth/login", json!({ "email": "a\u{0}b@example.com", "password": PASSWORD })).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let admin = app.token_with_role("boss@example.com", Role::Admin).await;
    let res = app.get_with("/api/v1/admin/audit-log?action=%00", &admin).await;
    problem(res, StatusCode::BAD_REQUEST, "invalid_query_parameter").await;
    let res = app.get_with("/api/v1/admin/audit-log?action=role.granted%27%20OR%201%3D1", &admin).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.count("accounts").await, 1);
});
