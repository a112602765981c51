//! Rating designs: one rating per account per design, counters that always match the ratings,
//! and nobody rating their own design.

mod common;

use common::{problem, published, rate};
use reqwest::StatusCode;
use serde_json::{Value, json};

both!(a_rating_is_counted_once_changed_and_removed, |app| {
    let (_, id) = published(&app).await;
    let voter = app.token_for("voter@example.com").await;
    let res = rate(&app, &voter, &id, 4, true).await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: Value = res.json().await.unwrap();
    assert_eq!(mine["design"]["count"], 1);
    assert_eq!(mine["design"]["histogram"], json!([0, 0, 0, 1, 0]));
    assert_eq!(mine["design"]["would_buy_count"], 1);

    // The same rating again (a replay) changes nothing; a new one replaces it.
    let again: Value = rate(&app, &voter, &id, 4, true).await.json().await.unwrap();
    assert_eq!(again["design"]["count"], 1);
    let changed: Value = rate(&app, &voter, &id, 2, false).await.json().await.unwrap();
    assert_eq!(changed["design"]["histogram"], json!([0, 1, 0, 0, 0]));
    assert_eq!(changed["design"]["would_buy_count"], 0);
    assert_eq!(app.count("ratings").await, 1);

    let res =
        app.client.delete(app.url(&format!("/api/v1/designs/{id}/rating"))).bearer_auth(&voter).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.count("ratings").await, 0);
    assert_eq!(app.count("designs WHERE stars_2 = 0 AND would_buy_count = 0").await, 1);
});

both!(nobody_rates_their_own_design_a_draft_or_out_of_range, |app| {
    let (creator, id) = published(&app).await;
    problem(rate(&app, &creator, &id, 5, true).await, StatusCode::FORBIDDEN, "own_design").await;
    let voter = app.token_for("voter@example.com").await;
    for stars in [0, 6] {
        let body =
            problem(rate(&app, &voter, &id, stars, false).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
                .await;
        assert_eq!(body["errors"][0]["field"], "stars");
    }
    app.client.post(app.url(&format!("/api/v1/designs/{id}/withdraw"))).bearer_auth(&creator).send().await.unwrap();
    problem(rate(&app, &voter, &id, 5, false).await, StatusCode::CONFLICT, "not_rateable").await;
    problem(rate(&app, &voter, &uuid::Uuid::now_v7().to_string(), 5, false).await, StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(app.count("ratings").await, 0);
});

both!(a_co_creator_cannot_rate_the_design_either, |app| {
    let (creator, id) = published(&app).await;
    let friend = app.token_for("friend@example.com").await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/designs/{id}/co-creators")))
        .bearer_auth(&creator)
        .json(&json!({ "co_creators": [{ "email": "friend@example.com", "share_bps": 2000 }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    problem(rate(&app, &friend, &id, 5, true).await, StatusCode::FORBIDDEN, "own_design").await;
});

/// Ratings of 1 to 5 stars, then would-buys.
type Counters = (i64, i64, i64, i64, i64, i64);

both!(many_voters_at_once_leave_counters_that_match_the_ratings, |app| {
    let (_, id) = published(&app).await;
    let mut voters = Vec::new();
    for i in 0..24 {
        let email = format!("v{i}@example.com");
        cocreate::cli::create_user(
            &app.db,
            &email,
            Some("Voter"),
            common::PASSWORD,
            cocreate::accounts::domain::Role::Customer,
        )
        .await
        .unwrap();
        let res = app.post("/api/v1/auth/login", json!({ "email": email, "password": common::PASSWORD })).await;
        voters.push(res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string());
    }
    // Each voter rates twice at once (a double click), some change their mind.
    let calls = voters.iter().enumerate().flat_map(|(i, token)| {
        let (a, b) = ((i % 5 + 1) as i64, ((i + 2) % 5 + 1) as i64);
        [(token.clone(), a, i % 2 == 0), (token.clone(), if i % 3 == 0 { b } else { a }, i % 2 == 0)]
    });
    let results = futures_util::future::join_all(calls.map(|(token, stars, wb)| {
        let app = &app;
        let id = id.clone();
        async move { rate(app, &token, &id, stars, wb).await.status() }
    }))
    .await;
    assert!(results.iter().all(|s| *s == StatusCode::OK), "{results:?}");

    assert_eq!(app.count("ratings").await, 24, "one rating per voter");
    let mut conn = app.db.reader().await.unwrap();
    let (row, truth): (Counters, Counters) = cocreate::on_db!(conn.ex(), |c| {
        let row = sqlx::query_as(
            "SELECT stars_1, stars_2, stars_3, stars_4, stars_5, would_buy_count FROM designs WHERE id = $1",
        )
        .bind(uuid::Uuid::parse_str(&id).unwrap())
        .fetch_one(&mut *c)
        .await
        .unwrap();
        let truth = sqlx::query_as(
            "SELECT \
               COALESCE(SUM(CASE WHEN stars = 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN stars = 2 THEN 1 ELSE 0 END), 0), \
               COALESCE(SUM(CASE WHEN stars = 3 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN stars = 4 THEN 1 ELSE 0 END), 0), \
               COALESCE(SUM(CASE WHEN stars = 5 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN would_buy THEN 1 ELSE 0 END), 0) \
             FROM ratings",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        (row, truth)
    });
    assert_eq!(row, truth, "the design's counters match its ratings");
});

both!(refused_ratings_in_a_burst_do_not_disturb_the_others, |app| {
    // Ratings arriving together are committed together; the creator's own (refused) ratings
    // among them must neither count nor cost the others theirs.
    let (creator, id) = published(&app).await;
    let mut voters = Vec::new();
    for i in 0..16 {
        voters.push(app.voter(&format!("burst{i}@example.com")).await);
    }
    let mut tokens: Vec<(String, bool)> = voters.into_iter().map(|v| (v, true)).collect();
    for _ in 0..4 {
        tokens.push((creator.clone(), false));
    }
    let requests = tokens.iter().map(|(token, _)| {
        let (c, url) = (app.new_client(), app.url(&format!("/api/v1/designs/{id}/rating")));
        async move {
            c.put(url).bearer_auth(token).json(&json!({ "stars": 4, "would_buy": true })).send().await.unwrap().status()
        }
    });
    let statuses = futures_util::future::join_all(requests).await;
    for ((_, allowed), status) in tokens.iter().zip(&statuses) {
        let expected = if *allowed { StatusCode::OK } else { StatusCode::FORBIDDEN };
        assert_eq!(*status, expected);
    }
    assert_eq!(app.count("ratings").await, 16);
    assert_eq!(app.count("designs WHERE stars_4 = 16 AND would_buy_count = 16").await, 1);
});

// While ratings keep coming, the writer keeps SQLite's one write connection from batch to
// batch; other writes must still get their turn. A storm of ratings runs (through a writer of
// the test's own, which no rate limit slows) until a comment posted in the middle of it has
// gone through.
both!(other_writes_go_through_while_ratings_keep_coming, |app| {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let (_, id) = published(&app).await;
    let design = uuid::Uuid::parse_str(&id).unwrap();
    let mut raters = Vec::new();
    for i in 0..16 {
        let email = format!("storm{i}@example.com");
        let role = cocreate::accounts::domain::Role::Customer;
        let account = cocreate::cli::create_user(&app.db, &email, Some("Voter"), common::PASSWORD, role).await.unwrap();
        raters.push(account);
    }
    let writer = cocreate::community::writer::RatingWriter::spawn(app.db.clone(), app.base.clone());
    let stop = Arc::new(AtomicBool::new(false));
    let rated = Arc::new(AtomicUsize::new(0));
    let started = Arc::new(tokio::sync::Notify::new());
    let storm: Vec<_> = raters
        .iter()
        .enumerate()
        .map(|(i, account)| {
            let (writer, stop, rated, started, account) =
                (writer.clone(), stop.clone(), rated.clone(), started.clone(), *account);
            tokio::spawn(async move {
                let mut stars = (i % 5) as u8 + 1;
                while !stop.load(Ordering::Relaxed) {
                    writer.rate(design, account, stars, i % 2 == 0).await.unwrap();
                    stars = stars % 5 + 1;
                    if rated.fetch_add(1, Ordering::Relaxed) + 1 == 200 {
                        started.notify_one();
                    }
                }
            })
        })
        .collect();
    started.notified().await;
    let voter = app.voter("commenter@example.com").await;
    let url = app.url(&format!("/api/v1/designs/{id}/comments"));
    let res = app.client.post(url).bearer_auth(&voter).json(&json!({ "body": "Still here." })).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED, "a comment goes through during the storm");
    let during = rated.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    for task in storm {
        task.await.unwrap();
    }
    assert!(rated.load(Ordering::Relaxed) >= during, "ratings went on");
    assert_eq!(app.count("ratings").await, 16, "one rating per rater, however often they rated");
    // The rating writer commits under `synchronous=NORMAL` and flushes the log itself; the
    // write connection it hands back, on which money is committed, is under `FULL` (2) again.
    if app.db.backend() == cocreate::db::Backend::Sqlite {
        let mut tx = app.db.begin().await.unwrap();
        let cocreate::db::Ex::Sqlite(c) = tx.ex() else { unreachable!("a SQLite transaction") };
        let level: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut *c).await.unwrap();
        assert_eq!(level, 2, "the write connection is back under synchronous=FULL");
    }
});

/// A batch the database refuses (here a trigger stands for a failing disk or a constraint the
/// code did not foresee) is retried rating by rating: only the rating at fault fails, the
/// others in the same burst are saved, and the writer goes on with a sound connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_batch_the_database_refuses_costs_only_the_rating_at_fault() {
    let app = common::TestApp::spawn(common::Backend::Sqlite).await;
    let (_, id) = published(&app).await;
    let mut voters = Vec::new();
    for i in 0..12 {
        voters.push(app.voter(&format!("fault{i}@example.com")).await);
    }
    app.exec(
        "CREATE TRIGGER three_stars_fail BEFORE INSERT ON ratings WHEN NEW.stars = 3 \
         BEGIN SELECT RAISE(ABORT, 'three stars refused'); END",
    )
    .await;
    let requests = voters.iter().enumerate().map(|(i, token)| {
        let stars = if i == 5 { 3 } else { 4 };
        let (c, url) = (app.new_client(), app.url(&format!("/api/v1/designs/{id}/rating")));
        async move {
            let res = c.put(url).bearer_auth(token).json(&json!({ "stars": stars, "would_buy": false }));
            res.send().await.unwrap().status()
        }
    });
    let statuses = futures_util::future::join_all(requests).await;
    for (i, status) in statuses.iter().enumerate() {
        let expected = if i == 5 { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::OK };
        assert_eq!(*status, expected, "voter {i}");
    }
    assert_eq!(app.count("ratings").await, 11);
    assert_eq!(app.count("designs WHERE stars_4 = 11 AND stars_3 = 0").await, 1);

    // Once the fault is gone, the same voter's rating goes through.
    app.exec("DROP TRIGGER three_stars_fail").await;
    assert_eq!(rate(&app, &voters[5], &id, 3, false).await.status(), StatusCode::OK);
    assert_eq!(app.count("designs WHERE stars_4 = 11 AND stars_3 = 1").await, 1);
}
