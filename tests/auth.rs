//! Signing up, in and out, refresh-token rotation and theft detection, password change, and
//! failed-login throttling, through the public HTTP API on both databases.

mod common;

use common::{PASSWORD, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn refresh_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("cocreate_refresh="))
        .map(str::to_string)
}

both!(signing_up_signs_in_and_shows_the_account, |app| {
    let body = json!({ "email": "  Zoe@Example.COM ", "display_name": "Zoë O'Brien", "password": PASSWORD });
    let res = app.post("/api/v1/auth/register", body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let cookie = refresh_cookie(&res).expect("a refresh cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(cookie.contains("Path=/api/v1/auth"), "{cookie}");
    let session: Value = res.json().await.unwrap();
    assert_eq!(session["token_type"], "Bearer");
    assert_eq!(session["expires_in"], 900);
    assert_eq!(session["account"]["email"], "zoe@example.com");

    let me: Value = app.get_with("/api/v1/me", session["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["email"], "zoe@example.com");
    assert_eq!(me["display_name"], "Zoë O'Brien");
    assert_eq!(me["roles"], json!(["customer"]));
});

both!(an_email_is_taken_whatever_its_case, |app| {
    app.register(&app.new_client(), "sam@example.com").await;
    let body = json!({ "email": "SAM@example.com", "display_name": "Other Sam", "password": PASSWORD });
    problem(app.post("/api/v1/auth/register", body).await, StatusCode::CONFLICT, "email_taken").await;
    assert_eq!(app.count("accounts").await, 1);
    assert_eq!(app.count("sessions").await, 1, "the refused sign-up started no session");
});

both!(the_stored_password_is_an_argon2id_hash, |app| {
    app.register(&app.new_client(), "hash@example.com").await;
    let mut conn = app.db.reader().await.unwrap();
    let hash: String = cocreate::on_db!(conn.ex(), |c| sqlx::query_scalar("SELECT password_hash FROM accounts")
        .fetch_one(&mut *c)
        .await)
    .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));
});

both!(signing_in_needs_the_right_password, |app| {
    app.register(&app.new_client(), "lea@example.com").await;
    let wrong = json!({ "email": "lea@example.com", "password": "not the password" });
    problem(app.post("/api/v1/auth/login", wrong).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let unknown = json!({ "email": "nobody@example.com", "password": PASSWORD });
    problem(app.post("/api/v1/auth/login", unknown).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let right = json!({ "email": "LEA@example.com", "password": PASSWORD });
    let res = app.post("/api/v1/auth/login", right).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(refresh_cookie(&res).is_some());
    let session: Value = res.json().await.unwrap();
    let me = app.get_with("/api/v1/me", session["access_token"].as_str().unwrap()).await;
    assert_eq!(me.status(), StatusCode::OK);
});

both!(a_refresh_rotates_the_token_and_a_reused_one_ends_the_session, |app| {
    let browser = app.new_client();
    app.register(&browser, "rui@example.com").await;
    // The thief copies the refresh token before the browser uses it.
    let first = login_cookie_value(&app, "rui@example.com").await;

    let refresh = |cookie: String| {
        let c = app.new_client();
        let url = app.url("/api/v1/auth/refresh");
        async move { c.post(url).header("cookie", cookie).send().await.unwrap() }
    };
    let res = refresh(first.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = refresh_cookie(&res).unwrap().split(';').next().unwrap().to_string();
    assert_ne!(second, first, "the token rotates");
    let session: Value = res.json().await.unwrap();
    let access = session["access_token"].as_str().unwrap().to_string();
    assert_eq!(app.get_with("/api/v1/me", &access).await.status(), StatusCode::OK);

    // The old token comes back: the whole family ends, the newest token and its access token too.
    problem(refresh(first).await, StatusCode::UNAUTHORIZED, "refresh_token_reused").await;
    problem(refresh(second).await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    problem(app.get_with("/api/v1/me", &access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;

    // Another device's session is not touched.
    let res = browser.post(app.url("/api/v1/auth/refresh")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
});

async fn login_cookie_value(app: &common::TestApp, email: &str) -> String {
    login_cookie_with(app, email, PASSWORD).await
}

async fn login_cookie_with(app: &common::TestApp, email: &str, password: &str) -> String {
    let res = app.post("/api/v1/auth/login", json!({ "email": email, "password": password })).await;
    assert_eq!(res.status(), StatusCode::OK);
    refresh_cookie(&res).unwrap().split(';').next().unwrap().to_string()
}

both!(racing_refreshes_with_one_token_let_at_most_one_through, |app| {
    app.register(&app.new_client(), "race@example.com").await;
    let cookie = login_cookie_value(&app, "race@example.com").await;
    let calls = (0..6).map(|_| {
        let c = app.new_client();
        let (url, cookie) = (app.url("/api/v1/auth/refresh"), cookie.clone());
        async move {
            let res = c.post(url).header("cookie", cookie).send().await.unwrap();
            let next = refresh_cookie(&res).map(|c| c.split(';').next().unwrap().to_string()).unwrap_or_default();
            (res.status(), next)
        }
    });
    let results = futures_util::future::join_all(calls).await;
    let statuses: Vec<StatusCode> = results.iter().map(|(s, _)| *s).collect();
    let winners: Vec<&String> = results.iter().filter(|(s, _)| *s == StatusCode::OK).map(|(_, c)| c).collect();
    assert_eq!(winners.len(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    // The losers presented a used token: the session ends, the winner's new token with it. (The
    // web app never races itself: it serialises refreshes, across tabs too.)
    let res = app
        .new_client()
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", winners[0].clone())
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
});

both!(signing_out_ends_the_session, |app| {
    let browser = app.new_client();
    let session = app.register(&browser, "out@example.com").await;
    let access = session["access_token"].as_str().unwrap();
    // Used once before signing out: the server has the session in memory by then.
    assert_eq!(app.get_with("/api/v1/me", access).await.status(), StatusCode::OK);
    let res = browser.post(app.url("/api/v1/auth/logout")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let cleared = refresh_cookie(&res).expect("the cookie is cleared");
    assert!(cleared.starts_with("cocreate_refresh=;"), "{cleared}");
    problem(app.get_with("/api/v1/me", access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let res = browser.post(app.url("/api/v1/auth/refresh")).send().await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
});

both!(changing_the_password_signs_out_every_other_session, |app| {
    let phone = app.new_client();
    let laptop = app.new_client();
    app.register(&phone, "pat@example.com").await;
    let res = laptop
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "pat@example.com", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let laptop_access = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string();
    let phone_access = phone.post(app.url("/api/v1/auth/refresh")).send().await.unwrap().json::<Value>().await.unwrap()
        ["access_token"]
        .as_str()
        .unwrap()
        .to_string();

    let wrong = json!({ "current_password": "not my password", "new_password": "a brand new password" });
    let res =
        phone.post(app.url("/api/v1/auth/password")).bearer_auth(&phone_access).json(&wrong).send().await.unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(common::failing_fields(&body), ["current_password"]);

    let change = json!({ "current_password": PASSWORD, "new_password": "a brand new password" });
    let res =
        phone.post(app.url("/api/v1/auth/password")).bearer_auth(&phone_access).json(&change).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let fresh: Value = res.json().await.unwrap();
    assert_eq!(app.get_with("/api/v1/me", fresh["access_token"].as_str().unwrap()).await.status(), StatusCode::OK);

    problem(app.get_with("/api/v1/me", &laptop_access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    problem(app.get_with("/api/v1/me", &phone_access).await, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let res = laptop.post(app.url("/api/v1/auth/refresh")).send().await.unwrap();
    problem(res, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    let old = json!({ "email": "pat@example.com", "password": PASSWORD });
    problem(app.post("/api/v1/auth/login", old).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let new = json!({ "email": "pat@example.com", "password": "a brand new password" });
    assert_eq!(app.post("/api/v1/auth/login", new).await.status(), StatusCode::OK);
    assert_eq!(app.count("audit_log WHERE action = 'account.password_changed'").await, 1);
});

both!(failed_logins_are_throttled_per_account, |app| {
    app.register(&app.new_client(), "kim@example.com").await;
    for _ in 0..5 {
        let res =
            app.post("/api/v1/auth/login", json!({ "email": "kim@example.com", "password": "guess guess" })).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password waits now: the guesser learns nothing.
    let res = app.post("/api/v1/auth/login", json!({ "email": "kim@example.com", "password": PASSWORD })).await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    problem(res, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    // Another account from the same address is still served.
    app.register(&app.new_client(), "lou@example.com").await;
    let res = app.post("/api/v1/auth/login", json!({ "email": "lou@example.com", "password": PASSWORD })).await;
    assert_eq!(res.status(), StatusCode::OK);
});

both!(failed_logins_are_throttled_per_address, |app| {
    for i in 0..20 {
        let res = app
            .post("/api/v1/auth/login", json!({ "email": format!("u{i}@example.com"), "password": "guess guess" }))
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let res = app.post("/api/v1/auth/login", json!({ "email": "fresh@example.com", "password": "guess guess" })).await;
    assert!(res.headers().contains_key("retry-after"));
    problem(res, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
});

both!(a_refresh_racing_a_password_change_never_outlives_it, |app| {
    // A thief holds a refresh token and keeps refreshing while the owner changes the password:
    // whatever the interleaving, once the change is done the thief is out.
    app.register(&app.new_client(), "owner@example.com").await;
    let mut password = PASSWORD.to_string();
    for round in 0..6 {
        let mut stolen = Vec::new();
        for _ in 0..8 {
            stolen.push(login_cookie_with(&app, "owner@example.com", &password).await);
        }
        let owner = app.new_client();
        let res = owner
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": "owner@example.com", "password": password }))
            .send()
            .await
            .unwrap();
        let access = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string();
        let new_password = format!("the new password {round}");
        let done = std::sync::atomic::AtomicBool::new(false);
        let change = async {
            let res = owner
                .post(app.url("/api/v1/auth/password"))
                .bearer_auth(&access)
                .json(&json!({ "current_password": password, "new_password": new_password }))
                .send()
                .await
                .unwrap();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            res.status()
        };
        let thief = |stolen: String| async {
            let (mut cookie, mut thief_access) = (stolen, None::<String>);
            for _ in 0..500 {
                if done.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let res = app
                    .new_client()
                    .post(app.url("/api/v1/auth/refresh"))
                    .header("cookie", &cookie)
                    .send()
                    .await
                    .unwrap();
                if res.status() != StatusCode::OK {
                    break;
                }
                cookie = refresh_cookie(&res).unwrap().split(';').next().unwrap().to_string();
                thief_access = res.json::<Value>().await.unwrap()["access_token"].as_str().map(str::to_string);
            }
            (cookie, thief_access)
        };
        // Several thieves at once, so some refresh is always mid-transaction when the change lands.
        let thieves = futures_util::future::join_all(stolen.into_iter().map(thief));
        let (changed, ends) = tokio::join!(change, thieves);
        assert_eq!(changed, StatusCode::OK);
        password = new_password;
        for (cookie, thief_access) in ends {
            let again =
                app.new_client().post(app.url("/api/v1/auth/refresh")).header("cookie", cookie).send().await.unwrap();
            assert_eq!(again.status(), StatusCode::UNAUTHORIZED, "round {round}: a thief's session survived");
            if let Some(t) = thief_access {
                let me = app.get_with("/api/v1/me", &t).await;
                assert_eq!(me.status(), StatusCode::UNAUTHORIZED, "round {round}: a thief's access token still works");
            }
        }
    }
});

both!(a_stale_token_does_not_block_the_public_auth_routes, |app| {
    let session = app.register(&app.new_client(), "stale@example.com").await;
    let token = session["access_token"].as_str().unwrap().to_string();
    app.post("/api/v1/auth/logout", json!({})).await;
    let c = app.new_client();
    let res = c.post(app.url("/api/v1/auth/logout")).bearer_auth("expired.or.garbage").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = c
        .post(app.url("/api/v1/auth/login"))
        .bearer_auth("expired.or.garbage")
        .json(&json!({ "email": "stale@example.com", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get_with("/api/v1/me", &token).await.status(), StatusCode::OK);
});

#[tokio::test]
async fn over_https_the_refresh_cookie_is_secure() {
    let options = common::Options { public_url: Some("https://cocreate.example".into()), ..Default::default() };
    let app = common::TestApp::spawn_with(common::Backend::Sqlite, options).await;
    let body = json!({ "email": "s@example.com", "display_name": "S", "password": PASSWORD });
    let res = app.post("/api/v1/auth/register", body).await;
    let cookie = refresh_cookie(&res).unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(cookie.contains("Max-Age=2592000"), "{cookie}");
}

#[tokio::test]
async fn behind_a_trusted_proxy_failures_count_per_forwarded_address() {
    let options = common::Options { trusted_proxies: 1, ..Default::default() };
    let app = common::TestApp::spawn_with(common::Backend::Sqlite, options).await;
    let attempt = |from: &'static str, i: usize| {
        let req = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", format!("6.6.6.6, {from}"))
            .json(&json!({ "email": format!("u{i}@example.com"), "password": "guess guess" }));
        async move { req.send().await.unwrap().status() }
    };
    for i in 0..20 {
        assert_eq!(attempt("203.0.113.7", i).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(attempt("203.0.113.7", 99).await, StatusCode::TOO_MANY_REQUESTS);
    // Everyone else behind the same proxy is still served; the spoofable left part is ignored.
    assert_eq!(attempt("198.51.100.1", 99).await, StatusCode::UNAUTHORIZED);
}

both!(sign_ups_from_one_address_are_limited, |app| {
    for i in 0..10 {
        app.register(&app.new_client(), &format!("n{i}@example.com")).await;
    }
    let body = json!({ "email": "eleventh@example.com", "display_name": "Eleven", "password": PASSWORD });
    let res = app.post("/api/v1/auth/register", body).await;
    assert!(res.headers().contains_key("retry-after"));
    problem(res, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    assert_eq!(app.count("accounts").await, 10);
    // Signing in from the same address still works.
    let res = app.post("/api/v1/auth/login", json!({ "email": "n3@example.com", "password": PASSWORD })).await;
    assert_eq!(res.status(), StatusCode::OK);
});
