//! The brand's review: the queue and its deadline, claims, the three decisions and what the
//! creators see of them, new versions, two curators deciding at once, the offer every creator
//! must accept before a listing reaches the menu, and who may do what.

mod common;

use cocreate::accounts::domain::Role;
use cocreate::db::now_ms;
use common::brand::{DAY_MS, approval, decide, design, kinds, live_listing, menu_items, post, shortlisted};
use common::{failing_fields, get_ok, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

both!(a_shortlisted_design_waits_in_the_queue_with_a_public_deadline, |app| {
    let before = now_ms();
    let (creator, id, curator) = shortlisted(&app, "ana@example.com").await;
    let queue = get_ok(&app, "/api/v1/brand/reviews", &curator).await;
    let items = queue["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item["design"]["id"], id.as_str());
    let entered = item["entered_at"].as_i64().unwrap();
    assert!(entered >= before);
    assert_eq!(item["due_at"].as_i64().unwrap(), entered + 14 * DAY_MS, "the default promise is 14 days");
    assert_eq!(item["due_soon"], false);
    assert_eq!(item["claim"], Value::Null);
    // What the curator needs to decide is there: the ratings, the margin, the counts.
    assert_eq!(item["design"]["ratings"]["histogram"], json!([0, 0, 0, 0, 1]));
    assert!(item["design"]["feasibility"]["margin"].is_object(), "{}", item["design"]["feasibility"]);
    assert_eq!(item["comments"], 0);
    assert_eq!(item["open_reports"], 0);

    // Everyone sees the deadline on the design's page.
    let page = design(&app, &id, None).await;
    assert_eq!(page["status"], "shortlisted");
    assert_eq!(page["review"]["state"], "waiting");
    assert_eq!(page["review"]["due_at"], item["due_at"]);

    // Close to the deadline, the queue flags it; past it, it is overdue for everyone to see.
    app.exec(&format!("UPDATE reviews SET due_at = {}", now_ms() + DAY_MS)).await;
    let item = &get_ok(&app, "/api/v1/brand/reviews", &curator).await["items"][0];
    assert_eq!(item["due_soon"], true);
    assert_eq!(item["overdue"], false);
    app.exec(&format!("UPDATE reviews SET due_at = {}", now_ms() - 1000)).await;
    assert_eq!(design(&app, &id, None).await["review"]["overdue"], true);

    // A customer, the creator included, reaches none of the brand's routes.
    for path in ["/api/v1/brand/reviews", "/api/v1/brand/listings"] {
        problem(app.get_with(path, &creator).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    for path in [format!("/brand/reviews/{id}/claim"), format!("/brand/reviews/{id}/decision")] {
        problem(post(&app, &creator, &path, approval(1290, now_ms())).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
});

both!(a_claim_shows_who_holds_a_design_and_expires_after_an_hour, |app| {
    let (_, id, first) = shortlisted(&app, "ben@example.com").await;
    let second = app.token_with_role("second-curator@example.com", Role::Curator).await;
    let claim = format!("/brand/reviews/{id}/claim");

    let mine: Value = post(&app, &first, &claim, json!({})).await.json().await.unwrap();
    assert_eq!(mine["claim"]["mine"], true);
    let expires = mine["claim"]["expires_at"].as_i64().unwrap();
    assert!((expires - now_ms() - 3600 * 1000).abs() < 60_000, "an hour");
    assert_eq!(design(&app, &id, None).await["review"]["state"], "in_review");

    let theirs = &get_ok(&app, "/api/v1/brand/reviews", &second).await["items"][0]["claim"];
    assert_eq!(theirs["mine"], false);
    assert_eq!(theirs["by"]["display_name"], "Brand Person");
    let refused = problem(post(&app, &second, &claim, json!({})).await, StatusCode::CONFLICT, "claimed").await;
    assert!(refused["detail"].as_str().unwrap().contains("Brand Person"), "{refused}");
    let reject = json!({ "decision": "rejected", "reason": "Too close to our classic burger." });
    problem(decide(&app, &second, &id, reject.clone()).await, StatusCode::CONFLICT, "claimed").await;
    let res = app.client.delete(app.url(&format!("/api/v1{claim}"))).bearer_auth(&second).send().await.unwrap();
    problem(res, StatusCode::CONFLICT, "claimed").await;

    // An hour later the claim has lapsed: the other curator takes it.
    app.exec(&format!("UPDATE reviews SET claim_expires_at = {}", now_ms() - 1)).await;
    assert_eq!(design(&app, &id, None).await["review"]["state"], "waiting");
    let taken: Value = post(&app, &second, &claim, json!({})).await.json().await.unwrap();
    assert_eq!(taken["claim"]["mine"], true);
    // Released, it is free again.
    let res = app.client.delete(app.url(&format!("/api/v1{claim}"))).bearer_auth(&second).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(get_ok(&app, "/api/v1/brand/reviews", &first).await["items"][0]["claim"], Value::Null);
});

both!(rejection_and_requests_for_changes_carry_words_the_creator_reads, |app| {
    let (creator, id, curator) = shortlisted(&app, "cleo@example.com").await;
    // A refusal without a reason is refused, and leaves the design in the queue.
    let res = decide(&app, &curator, &id, json!({ "decision": "rejected" })).await;
    assert_eq!(failing_fields(&problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await), ["reason"]);
    let res = decide(&app, &curator, &id, json!({ "decision": "rejected", "reason": "No." })).await;
    assert_eq!(failing_fields(&problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await), ["reason"]);
    let res = decide(&app, &curator, &id, json!({ "decision": "maybe", "reason": "Let us think about it." })).await;
    assert_eq!(
        failing_fields(&problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await),
        ["decision"]
    );
    assert_eq!(app.count("listings").await, 0);
    assert_eq!(design(&app, &id, None).await["review"]["state"], "waiting");

    let reason = "The smoked cheese is leaving our kitchens this winter.";
    let res = decide(&app, &curator, &id, json!({ "decision": "rejected", "reason": reason })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let decided: Value = res.json().await.unwrap();
    assert_eq!(decided["decision"]["decision"], "rejected");
    // The answer is public, reason included; the creator is told.
    let page = design(&app, &id, None).await;
    assert_eq!(page["status"], "rejected");
    assert_eq!(page["review"]["reason"], reason);
    assert_eq!(page["review"]["decided_by"]["display_name"], "Brand Person");
    assert!(kinds(&app, &creator).await.contains(&"rejected".to_string()));
    // Decided once.
    let again = decide(&app, &curator, &id, json!({ "decision": "changes_requested", "reason": reason })).await;
    problem(again, StatusCode::CONFLICT, "already_decided").await;
    problem(
        post(&app, &creator, &format!("/designs/{id}/revision"), json!({})).await,
        StatusCode::CONFLICT,
        "not_revisable",
    )
    .await;
    // It has left the open queue for the decided one.
    assert_eq!(get_ok(&app, "/api/v1/brand/reviews", &curator).await["items"], json!([]));
    let decided = get_ok(&app, "/api/v1/brand/reviews?state=decided", &curator).await;
    assert_eq!(decided["items"][0]["design"]["id"], id.as_str());
});

both!(a_new_version_answers_a_request_for_changes_and_goes_straight_back_to_review, |app| {
    let (creator, id, curator) = shortlisted(&app, "dan@example.com").await;
    let reason = "Lovely, but swap the bun for one we can bake in every restaurant.";
    let res = decide(&app, &curator, &id, json!({ "decision": "changes_requested", "reason": reason })).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(kinds(&app, &creator).await.contains(&"changes_requested".to_string()));
    let page = design(&app, &id, Some(&creator)).await;
    assert_eq!(page["status"], "changes_requested");
    assert_eq!(page["review"]["reason"], reason);

    // Only its creator starts the new version, and only one.
    let stranger = app.voter("stranger@example.com").await;
    let revise = format!("/designs/{id}/revision");
    problem(post(&app, &stranger, &revise, json!({})).await, StatusCode::FORBIDDEN, "forbidden").await;
    let res = post(&app, &creator, &revise, json!({})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let draft: Value = res.json().await.unwrap();
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["name"], "Smoky Stack");
    assert_eq!(draft["revision_of"]["id"], id.as_str());
    assert_eq!(draft["choices"], page["choices"]);
    problem(post(&app, &creator, &revise, json!({})).await, StatusCode::CONFLICT, "already_revised").await;

    // Published, it is back in review at once, without a single rating.
    let new_id = draft["id"].as_str().unwrap();
    let res = post(&app, &creator, &format!("/designs/{new_id}/publish"), json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["status"], "shortlisted");
    assert_eq!(published["review"]["state"], "waiting");
    let queue = get_ok(&app, "/api/v1/brand/reviews", &curator).await;
    assert_eq!(queue["items"][0]["design"]["id"], new_id);
    assert_eq!(queue["items"][0]["design"]["revision_of"]["id"], id.as_str());
    // The old page points to the new version.
    assert_eq!(design(&app, &id, None).await["revised_by"]["id"], new_id);
});

both!(two_curators_deciding_at_once_one_wins_and_the_other_gets_409, |app| {
    let (creator, id, first) = shortlisted(&app, "eve@example.com").await;
    let second = app.token_with_role("other-curator@example.com", Role::Curator).await;
    let reject = json!({ "decision": "rejected", "reason": "Not for our menu this season." });
    let (a, b) = tokio::join!(decide(&app, &first, &id, approval(1290, now_ms())), decide(&app, &second, &id, reject));
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let loser = if a.status() == StatusCode::CONFLICT { a } else { b };
    problem(loser, StatusCode::CONFLICT, "already_decided").await;
    // One decision, one audit entry, one notification, and a listing only if the approval won.
    let decisions = app.count("audit_log WHERE action LIKE 'review.%'").await;
    assert_eq!(decisions, 1);
    let told = kinds(&app, &creator).await.iter().filter(|k| *k == "approved" || *k == "rejected").count();
    assert_eq!(told, 1);
    let approved = design(&app, &id, None).await["status"] == "approved";
    assert_eq!(app.count("listings").await, i64::from(approved));
});

both!(an_approval_is_an_offer_that_reaches_the_menu_once_every_creator_accepts, |app| {
    let (creator, id, curator) = shortlisted(&app, "fay@example.com").await;
    // A co-creator who agreed to 30 % of the royalties.
    let co = app.voter("gus@example.com").await;
    app.exec(
        "INSERT INTO design_co_creators (design_id, account_id, share_bps, status, invited_at, responded_at) \
         SELECT d.id, a.id, 3000, 'accepted', 0, 0 FROM designs d, accounts a WHERE a.email = 'gus@example.com'",
    )
    .await;

    // Bad terms are refused field by field, and nothing is decided.
    let bad = json!({ "decision": "approved", "terms": { "price": { "amount_minor": 0, "currency": "EUR" },
        "royalty_bps": 20000, "starts_at": now_ms() - 10 * DAY_MS } });
    let p =
        problem(decide(&app, &curator, &id, bad).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&p), ["terms.price", "terms.royalty_bps", "terms.starts_at"]);
    let no_royalty = json!({ "decision": "approved", "terms": { "price": { "amount_minor": 990, "currency": "EUR" },
        "royalty_bps": 0, "starts_at": now_ms() } });
    let p =
        problem(decide(&app, &curator, &id, no_royalty).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    assert_eq!(p["errors"][0]["code"], "no_royalty");
    let dollars = json!({ "decision": "approved", "terms": { "price": { "amount_minor": 990, "currency": "USD" },
        "royalty_bps": 500, "starts_at": now_ms() } });
    let p = problem(decide(&app, &curator, &id, dollars).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(failing_fields(&p), ["terms.price"]);
    assert_eq!(design(&app, &id, None).await["status"], "shortlisted");

    let res = decide(&app, &curator, &id, approval(1290, now_ms())).await;
    assert_eq!(res.status(), StatusCode::OK);
    for token in [&creator, &co] {
        assert!(kinds(&app, token).await.contains(&"approved".to_string()));
    }
    // The creators read the offer; the public sees only that it is coming.
    let page = design(&app, &id, Some(&creator)).await;
    assert_eq!(page["status"], "approved");
    let listing = &page["listing"];
    assert_eq!(listing["state"], "offered");
    assert_eq!(listing["my_acceptance_needed"], true);
    assert_eq!(listing["terms"]["price"], json!({ "amount_minor": 1290, "currency": "EUR" }));
    assert_eq!(listing["terms"]["royalty_bps"], 500);
    assert_eq!(listing["terms"]["royalty_fixed"]["amount_minor"], 25);
    let shares: Vec<i64> =
        listing["acceptances"].as_array().unwrap().iter().map(|a| a["share_bps"].as_i64().unwrap()).collect();
    assert_eq!(shares, [7000, 3000]);
    let names: Vec<&str> =
        listing["acceptances"].as_array().unwrap().iter().map(|a| a["display_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Brand Person", "Brand Person"], "each creator by name");
    let public = design(&app, &id, None).await;
    assert_eq!(public["listing"]["terms"], Value::Null);
    assert_eq!(public["listing"]["acceptances"], Value::Null);
    assert_eq!(menu_items(&app).await.len(), 0);

    // The creators accept the terms with the split as it stands: it is fixed while the offer is open.
    let split = json!({ "co_creators": [] });
    let res = app
        .client
        .put(app.url(&format!("/api/v1/designs/{id}/co-creators")))
        .bearer_auth(&creator)
        .json(&split)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::CONFLICT, "design_not_editable").await;
    let res = post(&app, &co, &format!("/designs/{id}/co-creators/answer"), json!({ "accept": false })).await;
    problem(res, StatusCode::CONFLICT, "design_not_editable").await;

    let terms_id = listing["terms"]["id"].as_str().unwrap().to_string();
    let accept = format!("/designs/{id}/offer/accept");
    let stranger = app.voter("hal@example.com").await;
    problem(
        post(&app, &stranger, &accept, json!({ "terms_id": terms_id })).await,
        StatusCode::FORBIDDEN,
        "not_a_creator",
    )
    .await;
    let stale = json!({ "terms_id": uuid::Uuid::now_v7() });
    problem(post(&app, &creator, &accept, stale).await, StatusCode::CONFLICT, "terms_changed").await;

    // One acceptance is not enough.
    let res = post(&app, &creator, &accept, json!({ "terms_id": terms_id })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after_one: Value = res.json().await.unwrap();
    assert_eq!(after_one["listing"]["state"], "offered");
    assert_eq!(after_one["listing"]["my_acceptance_needed"], false);
    assert_eq!(menu_items(&app).await.len(), 0);

    // The last one puts it on the menu, at the offered price, with both creators credited.
    let res = post(&app, &co, &accept, json!({ "terms_id": terms_id })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let live: Value = res.json().await.unwrap();
    assert_eq!(live["listing"]["state"], "live");
    assert_eq!(live["status"], "listed");
    let items = menu_items(&app).await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["design"]["id"], id.as_str());
    assert_eq!(items[0]["price"], json!({ "amount_minor": 1290, "currency": "EUR" }));
    assert_eq!(items[0]["creators"].as_array().unwrap().len(), 2);
    assert_eq!(items[0]["allergens"], json!(["milk"]));
    assert_eq!(items[0]["ratings"]["count"], 1);
    assert!(kinds(&app, &creator).await.contains(&"listed".to_string()));
    // Each acceptance recorded the exact terms and the share.
    assert_eq!(app.count("listing_acceptances").await, 2, "one listing, one set of terms");
    assert_eq!(app.count("listing_terms").await, 1);
    assert_eq!(app.count("listing_acceptances WHERE share_bps = 3000").await, 1);
    problem(post(&app, &co, &accept, json!({ "terms_id": terms_id })).await, StatusCode::CONFLICT, "offer_closed")
        .await;
});

both!(a_declined_offer_never_reaches_the_menu, |app| {
    let (creator, id, curator) = shortlisted(&app, "ida@example.com").await;
    assert_eq!(decide(&app, &curator, &id, approval(1100, now_ms())).await.status(), StatusCode::OK);
    let decline = format!("/designs/{id}/offer/decline");
    let p =
        problem(post(&app, &creator, &decline, json!({})).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .await;
    assert_eq!(failing_fields(&p), ["reason"]);
    let res =
        post(&app, &creator, &decline, json!({ "reason": "I would rather keep it for my own restaurant." })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["listing"]["state"], "declined");
    let declined = get_ok(&app, "/api/v1/brand/listings?state=declined", &curator).await;
    assert_eq!(declined["items"][0]["reason"], "I would rather keep it for my own restaurant.");
    // Why is for the brand and the creators, not for everyone.
    assert_eq!(design(&app, &id, None).await["listing"]["reason"], Value::Null);
    assert_eq!(
        design(&app, &id, Some(&creator)).await["listing"]["reason"],
        "I would rather keep it for my own restaurant."
    );
    assert_eq!(menu_items(&app).await.len(), 0);
});

both!(a_listing_pauses_resumes_and_retires_and_its_terms_change_only_from_a_future_time, |app| {
    let (curator, listing, _) = live_listing(&app, "jo@example.com").await;
    let at = |action: &str| format!("/brand/listings/{listing}/{action}");

    let paused: Value =
        post(&app, &curator, &at("pause"), json!({ "reason": "Out of smoked cheese" })).await.json().await.unwrap();
    assert_eq!(paused["state"], "paused");
    assert_eq!(menu_items(&app).await.len(), 0);
    problem(post(&app, &curator, &at("pause"), json!({})).await, StatusCode::CONFLICT, "invalid_transition").await;
    let resumed: Value = post(&app, &curator, &at("resume"), json!({})).await.json().await.unwrap();
    assert_eq!(resumed["state"], "live");
    assert_eq!(menu_items(&app).await.len(), 1);

    // New terms apply from a future time; a royalty cut needs the creators' consent.
    let change = |price: i64, bps: i64, from: i64| {
        json!({ "price": { "amount_minor": price, "currency": "EUR" }, "royalty_bps": bps,
                "royalty_fixed": { "amount_minor": 25, "currency": "EUR" }, "effective_from": from })
    };
    let p = problem(
        post(&app, &curator, &at("terms"), change(1390, 500, now_ms() - 1000)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(failing_fields(&p), ["effective_from"]);
    let p = problem(
        post(&app, &curator, &at("terms"), change(1390, 400, now_ms() + DAY_MS)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "royalty_cut");
    let res = post(&app, &curator, &at("terms"), change(1390, 600, now_ms() + DAY_MS)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["history"].as_array().unwrap().len(), 2);
    assert_eq!(changed["terms"]["price"]["amount_minor"], 1290, "the old terms are still in force");
    assert_eq!(menu_items(&app).await[0]["price"]["amount_minor"], 1290);
    // A day later (the clock moved), the new price is on the menu; the old terms are kept.
    app.exec(&format!("UPDATE listing_terms SET effective_from = {} WHERE price = 1390", now_ms() - 1)).await;
    assert_eq!(menu_items(&app).await[0]["price"]["amount_minor"], 1390);
    assert_eq!(app.count("listing_terms").await, 2);
    assert_eq!(app.count("notifications WHERE kind = 'terms_changed'").await, 1, "the creator is told");

    let p = problem(
        post(&app, &curator, &at("retire"), json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(failing_fields(&p), ["reason"]);
    let retired: Value = post(&app, &curator, &at("retire"), json!({ "reason": "Replaced by the winter menu" }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retired["state"], "retired");
    assert_eq!(retired["reason"], "Replaced by the winter menu");
    assert_eq!(menu_items(&app).await.len(), 0);
    problem(post(&app, &curator, &at("resume"), json!({})).await, StatusCode::CONFLICT, "invalid_transition").await;
    // Every move is in the audit log.
    assert_eq!(
        app.count("audit_log WHERE action LIKE 'listing.%' AND actor_id IS NOT NULL").await,
        6,
        "accepted, activated, paused, resumed, terms changed, retired"
    );
});

both!(a_listing_starting_later_is_scheduled_not_on_the_menu, |app| {
    let (creator, id, curator) = shortlisted(&app, "kim@example.com").await;
    assert_eq!(decide(&app, &curator, &id, approval(1290, now_ms() + 7 * DAY_MS)).await.status(), StatusCode::OK);
    let terms_id = design(&app, &id, Some(&creator)).await["listing"]["terms"]["id"].clone();
    let res = post(&app, &creator, &format!("/designs/{id}/offer/accept"), json!({ "terms_id": terms_id })).await;
    let page: Value = res.json().await.unwrap();
    assert_eq!(page["listing"]["state"], "scheduled");
    assert_eq!(page["status"], "approved");
    assert_eq!(menu_items(&app).await.len(), 0);
    let scheduled = get_ok(&app, "/api/v1/brand/listings?state=scheduled", &curator).await;
    assert_eq!(scheduled["items"].as_array().unwrap().len(), 1);
    assert_eq!(get_ok(&app, "/api/v1/brand/listings?state=live", &curator).await["items"], json!([]));
});

both!(the_community_manager_reads_the_queue_but_only_curators_decide, |app| {
    let (_, id, _) = shortlisted(&app, "lea@example.com").await;
    let manager = app.token_with_role("manager@example.com", Role::CommunityManager).await;
    assert_eq!(get_ok(&app, "/api/v1/brand/reviews", &manager).await["items"].as_array().unwrap().len(), 1);
    let reject = json!({ "decision": "rejected", "reason": "Not for our menu this season." });
    problem(decide(&app, &manager, &id, reject).await, StatusCode::FORBIDDEN, "forbidden").await;
    problem(
        app.get_with("/api/v1/brand/reviews?state=later", &manager).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
});

both!(a_withdrawn_design_leaves_the_queue_and_a_listed_one_cannot_be_withdrawn, |app| {
    let (creator, id, curator) = shortlisted(&app, "max@example.com").await;
    let res = post(&app, &creator, &format!("/designs/{id}/withdraw"), json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(get_ok(&app, "/api/v1/brand/reviews", &curator).await["items"], json!([]));
    let reject = json!({ "decision": "rejected", "reason": "Not for our menu this season." });
    problem(decide(&app, &curator, &id, reject).await, StatusCode::CONFLICT, "not_in_review").await;

    // Once on the menu (or offered), its creator declines or asks the brand to retire it instead.
    let (creator, id, curator) = shortlisted(&app, "ned@example.com").await;
    assert_eq!(decide(&app, &curator, &id, approval(1290, now_ms())).await.status(), StatusCode::OK);
    let res = post(&app, &creator, &format!("/designs/{id}/withdraw"), json!({})).await;
    problem(res, StatusCode::CONFLICT, "design_not_editable").await;
    assert_eq!(design(&app, &id, None).await["listing"]["state"], "offered");
});
