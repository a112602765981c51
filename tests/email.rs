//! Email: verification at sign-up, password reset links, the outbox and its SMTP delivery, the
//! admins' development mail viewer. And each design's funnel of views and share clicks.

mod common;

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use common::{Options, PASSWORD, TestApp, get_ok, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

async fn outbox(app: &TestApp) -> Vec<Value> {
    let admin = app.token_with_role(&format!("ops{}@example.com", uuid::Uuid::now_v7().simple()), Role::Admin).await;
    get_ok(app, "/api/v1/admin/outbox", &admin).await["items"].as_array().unwrap().clone()
}

fn token_in(mail: &Value) -> String {
    let text = mail["text"].as_str().unwrap();
    let start = text.find("token=").expect("a link with a token") + "token=".len();
    text[start..].split_whitespace().next().unwrap().to_string()
}

async fn mail_to(app: &TestApp, to: &str, subject_has: &str) -> Value {
    let mails = outbox(app).await;
    mails
        .into_iter()
        .find(|m| m["to"] == to && m["subject"].as_str().unwrap().contains(subject_has))
        .unwrap_or_else(|| panic!("no email to {to} about {subject_has}"))
}

both!(signing_up_sends_a_link_that_verifies_the_address_once, |app| {
    let token = app.token_for("new@example.com").await;
    assert_eq!(get_ok(&app, "/api/v1/me", &token).await["email_verified"], false);
    let mail = mail_to(&app, "new@example.com", "Confirm").await;
    let text = mail["text"].as_str().unwrap();
    assert!(text.contains(&format!("{}/verify-email?token=", app.base)), "{text}");
    let secret = token_in(&mail);
    assert_eq!(app.post("/api/v1/auth/verify-email", json!({ "token": secret })).await.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/me", &token).await["email_verified"], true);
    let again = app.post("/api/v1/auth/verify-email", json!({ "token": secret })).await;
    let body = problem(again, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "invalid_token");
    let forged = app.post("/api/v1/auth/verify-email", json!({ "token": "not-a-token" })).await;
    problem(forged, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // Asking again once verified sends nothing more.
    let res = app.client.post(app.url("/api/v1/auth/resend-verification")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(app.count("outbox WHERE to_address = 'new@example.com'").await, 1);
});

both!(a_verification_link_can_be_sent_again_and_expires, |app| {
    let token = app.token_for("slow@example.com").await;
    let res = app.client.post(app.url("/api/v1/auth/resend-verification")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(app.count("outbox WHERE to_address = 'slow@example.com'").await, 2);
    let secret = token_in(&mail_to(&app, "slow@example.com", "Confirm").await);
    app.exec(&format!("UPDATE email_tokens SET expires_at = {}", now_ms() - 1)).await;
    let res = app.post("/api/v1/auth/verify-email", json!({ "token": secret })).await;
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(get_ok(&app, "/api/v1/me", &token).await["email_verified"], false);
});

both!(a_forgotten_password_is_reset_by_a_single_use_link_that_signs_everyone_out, |app| {
    let client = app.new_client();
    app.register(&client, "forgetful@example.com").await;
    // The answer is the same whether an account exists or not, and no mail goes to strangers.
    for email in ["forgetful@example.com", "stranger@example.com"] {
        let res = app.post("/api/v1/auth/forgot-password", json!({ "email": email })).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    assert_eq!(app.count("outbox WHERE to_address = 'stranger@example.com'").await, 0);
    let mail = mail_to(&app, "forgetful@example.com", "Reset").await;
    assert!(mail["text"].as_str().unwrap().contains("/reset-password?token="));
    let secret = token_in(&mail);

    let weak = app.post("/api/v1/auth/reset-password", json!({ "token": secret, "password": "short" })).await;
    problem(weak, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let res =
        app.post("/api/v1/auth/reset-password", json!({ "token": secret, "password": "a brand new passphrase" })).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // The session from before the reset is over.
    let refresh = client.post(app.url("/api/v1/auth/refresh")).send().await.unwrap();
    assert_eq!(refresh.status(), StatusCode::UNAUTHORIZED);
    let old = app.post("/api/v1/auth/login", json!({ "email": "forgetful@example.com", "password": PASSWORD })).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = app
        .post("/api/v1/auth/login", json!({ "email": "forgetful@example.com", "password": "a brand new passphrase" }))
        .await;
    assert_eq!(new.status(), StatusCode::OK);
    let session: Value = new.json().await.unwrap();
    assert_eq!(session["account"]["email_verified"], true, "the link proved the address");
    let reuse =
        app.post("/api/v1/auth/reset-password", json!({ "token": secret, "password": "yet another passphrase" })).await;
    problem(reuse, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.count("audit_log WHERE action = 'account.password_reset'").await, 1);
});

both!(asking_for_links_too_often_is_refused, |app| {
    for _ in 0..5 {
        let res = app.post("/api/v1/auth/forgot-password", json!({ "email": "target@example.com" })).await;
        assert_eq!(res.status(), StatusCode::ACCEPTED);
    }
    let res = app.post("/api/v1/auth/forgot-password", json!({ "email": "target@example.com" })).await;
    problem(res, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
});

both!(the_mail_viewer_is_for_admins, |app| {
    let customer = app.token_for("curious@example.com").await;
    problem(app.get_with("/api/v1/admin/outbox", &customer).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert!(!outbox(&app).await.is_empty());
});

#[tokio::test]
async fn with_smtp_configured_there_is_no_mail_viewer() {
    let options = Options { smtp_url: Some("smtp://127.0.0.1:1".into()), ..Options::default() };
    let app = TestApp::spawn_with(common::Backend::Sqlite, options).await;
    let admin = app.token_with_role("admin@example.com", Role::Admin).await;
    problem(app.get_with("/api/v1/admin/outbox", &admin).await, StatusCode::NOT_FOUND, "not_found").await;
}

/// A minimal SMTP server that accepts every message and hands back what it received.
async fn fake_smtp() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            tx.send(data.take().unwrap()).unwrap();
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 fake\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, rx)
}

#[tokio::test]
async fn the_outbox_is_delivered_over_smtp_once_and_retried_on_failure() {
    let app = TestApp::spawn(common::Backend::Sqlite).await;
    app.token_for("reader@example.com").await;
    let (port, mut received) = fake_smtp().await;
    let sender =
        cocreate::mail::Sender::new(&format!("smtp://127.0.0.1:{port}"), "cocreate <no-reply@test.localhost>").unwrap();
    assert_eq!(cocreate::mail::deliver_due(&app.db, &sender, now_ms()).await.unwrap(), 1);
    let message = received.recv().await.unwrap();
    assert!(message.contains("To: reader@example.com"), "{message}");
    assert!(message.contains("Subject: Confirm your email address"), "{message}");
    assert_eq!(app.count("outbox WHERE sent_at IS NOT NULL AND attempts = 1").await, 1);
    // Sent is sent: nothing goes twice.
    assert_eq!(cocreate::mail::deliver_due(&app.db, &sender, now_ms()).await.unwrap(), 0);

    // A server that is down: the email waits for a later attempt, with the error kept.
    app.token_for("second@example.com").await;
    let down = cocreate::mail::Sender::new("smtp://127.0.0.1:1", "cocreate <no-reply@test.localhost>").unwrap();
    assert_eq!(cocreate::mail::deliver_due(&app.db, &down, now_ms()).await.unwrap(), 0);
    assert_eq!(app.count("outbox WHERE sent_at IS NULL AND attempts = 1 AND last_error IS NOT NULL").await, 1);
    assert_eq!(cocreate::mail::deliver_due(&app.db, &sender, now_ms()).await.unwrap(), 0, "not due yet");
    let later = now_ms() + 10 * 60 * 1000;
    assert_eq!(cocreate::mail::deliver_due(&app.db, &sender, later).await.unwrap(), 1);
    assert!(received.recv().await.unwrap().contains("To: second@example.com"));
}

both!(a_design_counts_its_views_and_share_clicks_for_its_creators, |app| {
    let (_, template) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    let id = common::publish(&app, &creator, &template, "Seen").await;
    for _ in 0..3 {
        let res = app.client.post(app.url(&format!("/api/v1/designs/{id}/views"))).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let design = get_ok(&app, &format!("/api/v1/designs/{id}"), &creator).await;
    let slug = design["slug"].as_str().unwrap();
    // The share page needs the built web app; without it the click is still counted.
    app.client.get(app.url(&format!("/d/{slug}?via=share&utm_source=chat"))).send().await.unwrap();
    app.client.get(app.url(&format!("/d/{slug}"))).send().await.unwrap();
    let voter = app.token_for("voter@example.com").await;
    common::rate(&app, &voter, &id, 4, true).await;
    let funnel = get_ok(&app, &format!("/api/v1/designs/{id}"), &creator).await["funnel"].clone();
    assert_eq!(funnel, json!({ "views": 3, "share_clicks": 1, "ratings": 1, "would_buy": 1, "orders": 0 }));
    // Only its creators (and the brand) see it.
    assert_eq!(get_ok(&app, &format!("/api/v1/designs/{id}"), &voter).await["funnel"], Value::Null);
    let draft = common::one_option_draft(&app, &creator, &template, "Secret", "").await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/designs/{}/views", draft["id"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
});

both!(parallel_views_are_each_counted_once_and_never_on_a_draft, |app| {
    let (_, template) = common::one_option_template(&app).await;
    let creator = app.token_for("creator@example.com").await;
    let id = common::publish(&app, &creator, &template, "Popular").await;
    let draft = common::one_option_draft(&app, &creator, &template, "Unfinished", "").await;
    let draft_id = draft["id"].as_str().unwrap().to_string();
    // Views of both at once, so that many are counted together (see `community::funnel`).
    let views = (0..60).map(|i| {
        let target = if i % 4 == 0 { draft_id.clone() } else { id.clone() };
        let request = app.client.post(app.url(&format!("/api/v1/designs/{target}/views"))).send();
        async move { (target, request.await.unwrap().status()) }
    });
    for (target, status) in futures_util::future::join_all(views).await {
        let expected = if target == draft_id { StatusCode::NOT_FOUND } else { StatusCode::NO_CONTENT };
        assert_eq!(status, expected, "a view of {target}");
    }
    let funnel = get_ok(&app, &format!("/api/v1/designs/{id}"), &creator).await["funnel"].clone();
    assert_eq!(funnel["views"], 45);
    // Published now, the draft shows the views it had as a draft: none.
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{draft_id}/publish"))).bearer_auth(&creator).send().await;
    assert_eq!(res.unwrap().status(), StatusCode::OK);
    let later = get_ok(&app, &format!("/api/v1/designs/{draft_id}"), &creator).await["funnel"].clone();
    assert_eq!(later["views"], 0, "{later}");
});
