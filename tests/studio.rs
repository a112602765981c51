//! The design studio through the public API: the brand's templates, the live quote, drafts,
//! publishing (frozen), withdrawing and remixing, on both databases.

mod common;

use cocreate::accounts::domain::Role;
use common::{TestApp, failing_fields, problem};
use reqwest::StatusCode;
use serde_json::{Value, json};

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><rect width="400" height="60" fill="#c84"/></svg>"##;

fn option(en: &str, fr: &str, price_delta: i64, kcal: i64, allergens: &[&str], dietary: &[&str], z: i64) -> Value {
    json!({
        "name": { "en": en, "fr": fr }, "price_delta": price_delta, "cost": price_delta / 3 + 20, "prep_seconds": 30,
        "nutrition": { "kcal": kcal, "protein_mg": 5000, "carbohydrate_mg": 10000, "fat_mg": 3000, "salt_mg": 400 },
        "allergens": allergens, "dietary": dietary, "layer_svg": SVG, "layer_z": z
    })
}

fn burger_template() -> Value {
    json!({
        "slug": "burger",
        "name": { "en": "Burger", "fr": "Burger" },
        "description": { "en": "Build your burger.", "fr": "Composez votre burger." },
        "base_price": { "amount_minor": 500, "currency": "EUR" },
        "base_cost": 100, "base_prep_seconds": 60, "max_prep_seconds": 300,
        "base_layer_svg": SVG,
        "groups": [
            { "name": { "en": "Bun", "fr": "Pain" }, "min_choices": 1, "max_choices": 1, "options": [
                option("Brioche", "Brioche", 0, 250, &["gluten", "eggs", "milk"], &["vegetarian"], 0),
                option("Sesame", "Sésame", 30, 230, &["gluten", "sesame"], &["vegetarian", "vegan"], 0),
            ]},
            { "name": { "en": "Patty", "fr": "Steak" }, "min_choices": 1, "max_choices": 2, "max_quantity": 2, "options": [
                option("Beef", "Bœuf", 250, 300, &[], &[], 10),
                option("Falafel", "Falafel", 150, 280, &["sesame"], &["vegetarian", "vegan"], 10),
            ]},
            { "name": { "en": "Sauces", "fr": "Sauces" }, "min_choices": 0, "max_choices": 2, "options": [
                option("Mustard", "Moutarde", 20, 15, &["mustard"], &["vegetarian", "vegan"], 30),
                option("Mayo", "Mayo", 20, 90, &["eggs"], &["vegetarian"], 30),
            ]},
        ]
    })
}

/// A curator's token and the created template.
async fn brand_with_burger(app: &TestApp) -> (String, Value) {
    let curator = app.token_with_role("curator@example.com", Role::Curator).await;
    let res = app
        .client
        .post(app.url("/api/v1/templates"))
        .bearer_auth(&curator)
        .json(&burger_template())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    (curator, res.json().await.unwrap())
}

fn option_id(template: &Value, group: usize, option: usize) -> String {
    template["groups"][group]["options"][option]["id"].as_str().unwrap().to_string()
}

fn group_id(template: &Value, group: usize) -> String {
    template["groups"][group]["id"].as_str().unwrap().to_string()
}

async fn quote(app: &TestApp, template: &Value, choices: Value, lang: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/designs/quote"))
        .header("accept-language", lang)
        .json(&json!({ "template_id": template["id"], "choices": choices }))
        .send()
        .await
        .unwrap()
}

both!(the_brand_builds_a_template_and_customers_see_it_without_costs, |app| {
    let (curator, brand_view) = brand_with_burger(&app).await;
    assert_eq!(brand_view["groups"][1]["options"][0]["cost"]["amount_minor"], 250 / 3 + 20);
    let id = brand_view["id"].as_str().unwrap();

    let list: Value = app.get_json("/api/v1/templates").await;
    assert_eq!(list["items"][0]["name"]["fr"], "Burger");
    let public: Value = app.get_json(&format!("/api/v1/templates/{id}")).await;
    assert_eq!(public["groups"][1]["name"]["fr"], "Steak");
    assert_eq!(public["groups"][0]["options"][1]["allergens"], json!(["gluten", "sesame"]));
    assert!(public["groups"][0]["options"][0].get("cost").is_none(), "customers never see the brand's costs");
    assert!(public.get("base_cost").is_none());

    // The same slug twice is refused, naming the field; a customer cannot create templates.
    let res = app
        .client
        .post(app.url("/api/v1/templates"))
        .bearer_auth(&curator)
        .json(&burger_template())
        .send()
        .await
        .unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), ["slug"]);
    assert_eq!(app.count("templates").await, 1);
    let customer = app.token_for("eve@example.com").await;
    let res = app
        .client
        .post(app.url("/api/v1/templates"))
        .bearer_auth(&customer)
        .json(&burger_template())
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::FORBIDDEN, "forbidden").await;
});

both!(a_bad_template_lists_every_broken_field_and_writes_nothing, |app| {
    let curator = app.token_with_role("curator@example.com", Role::Curator).await;
    let mut t = burger_template();
    t["slug"] = json!("Not A Slug");
    t["groups"][0]["max_choices"] = json!(0);
    t["groups"][1]["options"][0]["layer_svg"] = json!("<svg onload=\"alert(1)\"></svg>");
    t["groups"][2]["options"][1]["allergens"] = json!(["pollen"]);
    t["groups"][2]["options"][0]["name"]["fr"] = json!("<b>Moutarde</b>");
    let res = app.client.post(app.url("/api/v1/templates")).bearer_auth(&curator).json(&t).send().await.unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        failing_fields(&body),
        [
            "groups[0].max_choices",
            "groups[1].options[0].layer_svg",
            "groups[2].options[0].name",
            "groups[2].options[1].allergens",
            "slug"
        ]
    );
    assert_eq!(app.count("templates").await, 0);
    assert_eq!(app.count("options").await, 0);
});

both!(the_quote_adds_up_and_explains_what_is_missing, |app| {
    let (_, t) = brand_with_burger(&app).await;
    let res = quote(
        &app,
        &t,
        json!([{ "option_id": option_id(&t, 1, 0), "quantity": 2 }, { "option_id": option_id(&t, 2, 0) }]),
        "en",
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["price"], json!({ "amount_minor": 500 + 2 * 250 + 20, "currency": "EUR" }));
    assert_eq!(q["nutrition"]["kcal"], 2 * 300 + 15);
    assert_eq!(q["allergens"], json!(["mustard"]));
    assert_eq!(q["ready_to_publish"], false);
    assert_eq!(q["unfinished"][0]["field"], format!("groups.{}", group_id(&t, 0)));
    assert_eq!(q["unfinished"][0]["message"], "Bun: choose at least 1.");

    let res = quote(&app, &t, json!([{ "option_id": option_id(&t, 0, 1) }, { "option_id": option_id(&t, 1, 1) }, { "option_id": option_id(&t, 2, 0) }]), "fr-FR,fr;q=0.9").await;
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["ready_to_publish"], true);
    assert_eq!(q["dietary"], json!(["vegetarian", "vegan"]));
    assert_eq!(q["allergens"], json!(["gluten", "mustard", "sesame"]));
    assert_eq!(q["layers"][0], option_id(&t, 0, 1), "the bun is the bottom layer");
});

both!(a_selection_breaking_the_rules_is_refused_in_the_users_language, |app| {
    let (_, t) = brand_with_burger(&app).await;
    let choices = json!([
        { "option_id": option_id(&t, 0, 0) }, { "option_id": option_id(&t, 0, 1) },
        { "option_id": option_id(&t, 1, 0), "quantity": 3 },
        { "option_id": uuid::Uuid::now_v7() },
    ]);
    let body =
        problem(quote(&app, &t, choices, "fr").await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let fields = failing_fields(&body);
    assert_eq!(fields, ["choices[2]", "choices[3]", format!("groups.{}", group_id(&t, 0)).as_str()]);
    let messages: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["message"].as_str().unwrap()).collect();
    assert!(messages.contains(&"Pain : choisissez-en 1 au plus."), "{messages:?}");
    assert!(messages.contains(&"Bœuf : la quantité va de 1 à 2."), "{messages:?}");
});

both!(an_out_of_stock_option_cannot_be_chosen, |app| {
    let (curator, t) = brand_with_burger(&app).await;
    let mayo = option_id(&t, 2, 1);
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/brand/options/{mayo}")))
        .bearer_auth(&curator)
        .json(&json!({ "availability": "out_of_stock" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = problem(
        quote(&app, &t, json!([{ "option_id": mayo }]), "en").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["code"], "unavailable");
    assert_eq!(body["errors"][0]["message"], "Mayo is not available at the moment.");
    assert_eq!(app.count("audit_log WHERE action = 'option.updated'").await, 1);
});

async fn create_draft(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.client.post(app.url("/api/v1/designs")).bearer_auth(token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

both!(a_draft_is_published_once_finished_and_then_frozen, |app| {
    let (curator, t) = brand_with_burger(&app).await;
    let alice = app.token_for("alice@example.com").await;
    let draft = create_draft(
        &app,
        &alice,
        json!({ "template_id": t["id"], "choices": [{ "option_id": option_id(&t, 1, 0) }] }),
    )
    .await;
    assert_eq!(draft["status"], "draft");
    let id = draft["id"].as_str().unwrap();

    // Unfinished and unnamed: publishing says both, and changes nothing.
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/publish"))).bearer_auth(&alice).send().await.unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), [format!("groups.{}", group_id(&t, 0)).as_str(), "name"]);

    // Nobody else sees or changes the draft.
    let bob = app.token_for("bob@example.com").await;
    problem(app.get_with(&format!("/api/v1/designs/{id}"), &bob).await, StatusCode::NOT_FOUND, "not_found").await;

    let story = "Smoky & bold.\n<script>alert('x')</script>";
    let update = json!({ "choices": [{ "option_id": option_id(&t, 0, 0) }, { "option_id": option_id(&t, 1, 0), "quantity": 2 }], "name": "The  Big One", "story": story, "tags": ["Smoky", "beef"] });
    let res = app
        .client
        .put(app.url(&format!("/api/v1/designs/{id}")))
        .bearer_auth(&alice)
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/publish"))).bearer_auth(&alice).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["status"], "published");
    let slug = published["slug"].as_str().unwrap().to_string();
    assert!(slug.starts_with("the-big-one-"), "{slug}");
    assert_eq!(published["url"], format!("/d/{slug}"));

    // Frozen: the draft cannot change any more, and the brand's later changes do not touch it.
    let res = app
        .client
        .put(app.url(&format!("/api/v1/designs/{id}")))
        .bearer_auth(&alice)
        .json(&update)
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::CONFLICT, "design_not_editable").await;
    app.client
        .patch(app.url(&format!("/api/v1/brand/options/{}", option_id(&t, 1, 0))))
        .bearer_auth(&curator)
        .json(&json!({ "availability": "retired" }))
        .send()
        .await
        .unwrap();
    let page: Value = app.get_json(&format!("/api/v1/designs/by-slug/{slug}")).await;
    assert_eq!(page["name"], "The Big One");
    assert_eq!(page["story"], story, "the story is kept as typed; pages show it as text");
    assert_eq!(page["tags"], json!(["smoky", "beef"]));
    assert_eq!(page["quote"]["price"]["amount_minor"], 500 + 2 * 250, "the bun's new price does not touch it");
    assert_eq!(page["chosen"][1], json!({ "name": { "en": "Beef", "fr": "Bœuf" }, "quantity": 2 }));
    assert_eq!(page["picture"]["layers"].as_array().unwrap().len(), 2);
    assert_eq!(page["creator"]["display_name"], "Test Person");
    assert!(page.get("feasibility").is_none(), "the public sees no costs");

    // The brand sees margin and preparation time of a published design too.
    let brand: Value = app.get_with(&format!("/api/v1/designs/{id}"), &curator).await.json().await.unwrap();
    assert_eq!(brand["feasibility"]["prep_seconds"], 60 + 30 + 2 * 30);
    assert_eq!(brand["feasibility"]["margin"]["amount_minor"], 1000 - (100 + 20 + 2 * (250 / 3 + 20)));

    // Withdrawn: the page stays, marked.
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/withdraw"))).bearer_auth(&alice).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page: Value = app.get_json(&format!("/api/v1/designs/by-slug/{slug}")).await;
    assert_eq!(page["status"], "withdrawn");
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/withdraw"))).bearer_auth(&alice).send().await.unwrap();
    problem(res, StatusCode::CONFLICT, "design_not_editable").await;
});

both!(the_brand_sees_a_drafts_margin_and_preparation_time, |app| {
    let (curator, t) = brand_with_burger(&app).await;
    let draft = create_draft(&app, &curator, json!({ "template_id": t["id"], "choices": [{ "option_id": option_id(&t, 0, 0) }, { "option_id": option_id(&t, 1, 0), "quantity": 2 }] })).await;
    let f = &draft["feasibility"];
    let cost = 100 + 20 + 2 * (250 / 3 + 20);
    assert_eq!(f["cost"]["amount_minor"], cost);
    assert_eq!(f["margin"]["amount_minor"], 500 + 500 - cost);
    assert_eq!(f["prep_seconds"], 60 + 30 + 2 * 30);
    let alice = app.token_for("alice@example.com").await;
    let mine = create_draft(&app, &alice, json!({ "template_id": t["id"] })).await;
    assert!(mine.get("feasibility").is_none(), "customers never see the brand's figures");
});

both!(a_remix_starts_a_credited_draft_and_lineage_is_kept, |app| {
    let (_, t) = brand_with_burger(&app).await;
    let alice = app.token_for("alice@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let choices = json!([{ "option_id": option_id(&t, 0, 1) }, { "option_id": option_id(&t, 1, 1) }]);
    let original =
        create_draft(&app, &alice, json!({ "template_id": t["id"], "choices": choices, "name": "Green Giant" })).await;
    let oid = original["id"].as_str().unwrap();
    // A draft cannot be remixed.
    let res = app.client.post(app.url(&format!("/api/v1/designs/{oid}/remix"))).bearer_auth(&bob).send().await.unwrap();
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
    app.client.post(app.url(&format!("/api/v1/designs/{oid}/publish"))).bearer_auth(&alice).send().await.unwrap();

    let res = app.client.post(app.url(&format!("/api/v1/designs/{oid}/remix"))).bearer_auth(&bob).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let remix: Value = res.json().await.unwrap();
    assert_eq!(remix["status"], "draft");
    assert_eq!(remix["name"], "Remix of Green Giant");
    assert_eq!(remix["choices"], original["choices"]);
    assert_eq!(remix["remix_of"]["id"], oid);
    assert_eq!(remix["remix_of"]["creator_name"], "Test Person");
    let rid = remix["id"].as_str().unwrap();
    app.client.post(app.url(&format!("/api/v1/designs/{rid}/publish"))).bearer_auth(&bob).send().await.unwrap();

    // A remix of the remix: the page shows the whole line, nearest first.
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{rid}/remix"))).bearer_auth(&alice).send().await.unwrap();
    let third: Value = res.json().await.unwrap();
    let tid = third["id"].as_str().unwrap();
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{tid}/publish"))).bearer_auth(&alice).send().await.unwrap();
    let third: Value = res.json().await.unwrap();
    let page: Value = app.get_json(&format!("/api/v1/designs/by-slug/{}", third["slug"].as_str().unwrap())).await;
    let line: Vec<&str> = page["ancestry"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(line, ["Remix of Green Giant", "Green Giant"]);
    let original_page: Value =
        app.get_json(&format!("/api/v1/designs/by-slug/{}", page["ancestry"][1]["slug"].as_str().unwrap())).await;
    assert_eq!(original_page["remixes"][0]["name"], "Remix of Green Giant");
});

both!(drafts_are_listed_and_deleted_by_their_creator_only, |app| {
    let (_, t) = brand_with_burger(&app).await;
    let alice = app.token_for("alice@example.com").await;
    let bob = app.token_for("bob@example.com").await;
    let a = create_draft(&app, &alice, json!({ "template_id": t["id"], "name": "First" })).await;
    create_draft(&app, &alice, json!({ "template_id": t["id"], "name": "Second" })).await;
    let mine: Value = app.get_with("/api/v1/me/designs", &alice).await.json().await.unwrap();
    let names: Vec<&str> = mine["items"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Second", "First"]);
    let id = a["id"].as_str().unwrap();
    let res = app.client.delete(app.url(&format!("/api/v1/designs/{id}"))).bearer_auth(&bob).send().await.unwrap();
    problem(res, StatusCode::NOT_FOUND, "not_found").await;
    let res = app.client.delete(app.url(&format!("/api/v1/designs/{id}"))).bearer_auth(&alice).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.count("designs").await, 1);
    assert_eq!(app.count("design_choices").await, 0);
});

both!(bad_design_input_is_refused_with_every_field, |app| {
    let (_, t) = brand_with_burger(&app).await;
    let alice = app.token_for("alice@example.com").await;
    let body = json!({ "template_id": t["id"], "name": "x".repeat(81), "story": "y".repeat(2001), "tags": ["Not OK!", "a", "b", "c", "d", "e"] });
    let res = app.client.post(app.url("/api/v1/designs")).bearer_auth(&alice).json(&body).send().await.unwrap();
    let problem_body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&problem_body), ["name", "story", "tags"]);
    let res = app
        .client
        .post(app.url("/api/v1/designs"))
        .bearer_auth(&alice)
        .json(&json!({ "template_id": uuid::Uuid::now_v7() }))
        .send()
        .await
        .unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(failing_fields(&body), ["template_id"]);
    let res =
        app.client.post(app.url("/api/v1/designs/quote")).json(&json!({ "template_id": "nope" })).send().await.unwrap();
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.count("designs").await, 0);
});

both!(a_design_the_kitchen_cannot_prepare_in_time_cannot_be_published, |app| {
    let (curator, t) = brand_with_burger(&app).await;
    let alice = app.token_for("alice@example.com").await;
    let choices = json!([{ "option_id": option_id(&t, 0, 0) }, { "option_id": option_id(&t, 1, 0), "quantity": 2 }]);
    let d =
        create_draft(&app, &alice, json!({ "template_id": t["id"], "choices": choices, "name": "Slow Food" })).await;
    // The kitchen finds beef takes longer: 60 + 30 + 2 x 150 = 390 s, over the 300 s the counter allows.
    app.client
        .patch(app.url(&format!("/api/v1/brand/options/{}", option_id(&t, 1, 0))))
        .bearer_auth(&curator)
        .json(&json!({ "prep_seconds": 150 }))
        .send()
        .await
        .unwrap();
    let id = d["id"].as_str().unwrap();
    let res =
        app.client.post(app.url(&format!("/api/v1/designs/{id}/publish"))).bearer_auth(&alice).send().await.unwrap();
    let body = problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "too_long_to_prepare");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("6:30"), "{body}");
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/brand/options/{}", option_id(&t, 1, 0))))
        .bearer_auth(&curator)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
});

both!(the_brand_changes_and_retires_a_template_without_touching_published_designs, |app| {
    let (curator, t) = brand_with_burger(&app).await;
    let id = t["id"].as_str().unwrap();
    let alice = app.token_for("alice@example.com").await;
    let choices = json!([{ "option_id": option_id(&t, 0, 0) }, { "option_id": option_id(&t, 1, 0) }]);
    let d = create_draft(&app, &alice, json!({ "template_id": id, "choices": choices, "name": "Keeper" })).await;
    let published: Value = app
        .client
        .post(app.url(&format!("/api/v1/designs/{}/publish", d["id"].as_str().unwrap())))
        .bearer_auth(&alice)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let patch = |body: Value| {
        app.client.patch(app.url(&format!("/api/v1/brand/templates/{id}"))).bearer_auth(&curator).json(&body).send()
    };
    let view: Value = patch(json!({ "base_price": 900, "max_prep_seconds": 0 })).await.unwrap().json().await.unwrap();
    assert_eq!(view["base_price"]["amount_minor"], 900);
    assert_eq!(view["max_prep_seconds"], Value::Null, "0 lifts the limit");
    let q: Value = quote(&app, &t, choices.clone(), "en").await.json().await.unwrap();
    assert_eq!(q["price"]["amount_minor"], 900 + 250, "new quotes use the new base price");
    let page: Value = app.get_json(&format!("/api/v1/designs/by-slug/{}", published["slug"].as_str().unwrap())).await;
    assert_eq!(page["quote"]["price"]["amount_minor"], 500 + 250, "the published design keeps its price");

    let res = patch(json!({ "status": "retired" })).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let list: Value = app.get_json("/api/v1/templates").await;
    assert!(list["items"].as_array().unwrap().is_empty(), "customers no longer see it");
    let brand_list: Value = app.get_with("/api/v1/brand/templates", &curator).await.json().await.unwrap();
    assert_eq!(brand_list["items"].as_array().unwrap().len(), 1, "the brand still does");
    assert_eq!(brand_list["items"][0]["status"], "retired");
    let res = app
        .client
        .post(app.url("/api/v1/designs"))
        .bearer_auth(&alice)
        .json(&json!({ "template_id": id }))
        .send()
        .await
        .unwrap();
    problem(res, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    problem(
        patch(json!({ "status": "gone", "base_cost": -1 })).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(app.count("audit_log WHERE action = 'template.updated'").await, 2);
});
