//! The command line as an operator uses it: bootstrapping the first admin, loading the demo
//! data twice, and refusing a bad setting with one line that names it.

mod common;

use std::process::Command;

use common::{Backend, TestDb};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn cocreate(db: &TestDb, data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cocreate"))
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("DATA_DIR", data)
        .env_remove("TOKEN_SIGNING_KEY")
        .env_remove("COCREATE_ENV")
        .output()
        .expect("run cocreate")
}

async fn first_admin_can_sign_in_with_the_printed_password(backend: Backend) {
    let db = TestDb::create(backend).await;
    let data = tempfile::tempdir().unwrap();
    let out = cocreate(&db, data.path(), &["user", "create", "--email", "Boss@Example.com", "--role", "admin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let password = stdout.lines().find_map(|l| l.split("): ").nth(1)).expect("a password line").trim().to_string();
    assert_eq!(password.len(), 20);

    let again = cocreate(&db, data.path(), &["user", "create", "--email", "boss@example.com", "--role", "admin"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let app = common::TestApp::spawn_on(db).await;
    let res = app.post("/api/v1/auth/login", json!({ "email": "boss@example.com", "password": password })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let session: Value = res.json().await.unwrap();
    assert_eq!(session["account"]["roles"], json!(["customer", "admin"]));
    assert_eq!(app.count("audit_log WHERE action = 'role.granted' AND actor_id IS NULL").await, 1);
}

async fn demo_data_loads_twice_without_change(backend: Backend) {
    let db = TestDb::create(backend).await;
    let data = tempfile::tempdir().unwrap();
    let first = cocreate(&db, data.path(), &["seed-demo"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let stdout = String::from_utf8(first.stdout).unwrap();
    assert!(stdout.contains("admin@cocreate.demo") && stdout.contains(cocreate::demo::DEMO_PASSWORD), "{stdout}");
    let second = cocreate(&db, data.path(), &["seed-demo"]);
    assert!(second.status.success());

    let app = common::TestApp::spawn_on(db).await;
    let people = (cocreate::demo::ACCOUNTS.len() + cocreate::demo::CREATORS.len()) as i64;
    assert_eq!(app.count("accounts").await, people);
    assert_eq!(app.count("account_roles").await, 3);
    assert_eq!(app.count("templates").await, 2);
    assert!(app.count("designs WHERE status = 'published'").await >= 45);
    assert!(app.count("designs WHERE remix_of IS NOT NULL").await >= 3);
    assert!(app.count("(SELECT DISTINCT creator_id FROM designs) AS c").await >= 12);
    assert_eq!(app.count("design_co_creators WHERE status = 'accepted'").await, 2, "one design made by three friends");
    assert!(app.count("ratings").await >= 150, "the community has rated the designs");
    let top: Value = app.get_json("/api/v1/feed?sort=top&limit=3").await;
    assert!(top["items"][0]["ratings"]["count"].as_i64().unwrap() >= 5, "{top}");

    // The burger has at least 25 options in 5 groups, each with its own picture layer.
    let list: Value = app.get_json("/api/v1/templates").await;
    let burger = list["items"].as_array().unwrap().iter().find(|t| t["slug"] == "burger").expect("a burger").clone();
    let burger: Value = app.get_json(&format!("/api/v1/templates/{}", burger["id"].as_str().unwrap())).await;
    let groups = burger["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 5);
    let layers: std::collections::HashSet<&str> = groups
        .iter()
        .flat_map(|g| g["options"].as_array().unwrap())
        .map(|o| o["layer_svg"].as_str().unwrap())
        .collect();
    assert!(layers.len() >= 25, "{} distinct layers", layers.len());
    let login = json!({ "email": "curator@cocreate.demo", "password": cocreate::demo::DEMO_PASSWORD });
    let session: Value = app.post("/api/v1/auth/login", login).await.json().await.unwrap();
    assert_eq!(session["account"]["roles"], json!(["customer", "curator"]));

    // The brand has answered: live listings on the menu, a rejection with its reason, and the
    // crowd favourite still in review.
    let menu: Value = app.get_json("/api/v1/menu").await;
    let items: Vec<&Value> =
        menu["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap()).collect();
    assert_eq!(items.len(), 2, "{menu}");
    assert!(items.iter().all(|i| i["price"]["amount_minor"].as_i64().unwrap() > 0 && i["picture_url"].is_string()));
    assert_eq!(app.count("reviews WHERE decision = 'rejected' AND LENGTH(reason) > 20").await, 1);
    assert!(app.count("reviews WHERE decision IS NULL").await >= 1, "a design waits in review");
    assert_eq!(app.count("listing_acceptances").await, app.count("listings").await, "single creators accepted");
    let token = session["access_token"].as_str().unwrap();
    let queue: Value =
        app.client.get(app.url("/api/v1/brand/reviews")).bearer_auth(token).send().await.unwrap().json().await.unwrap();
    let favourite = &queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["comments"].as_i64() > Some(0))
        .unwrap_or_else(|| panic!("no favourite in {queue}"));
    assert_eq!(favourite["design"]["status"], "shortlisted");
}

mod bootstrapping_the_first_admin {
    #[tokio::test]
    async fn sqlite() {
        super::first_admin_can_sign_in_with_the_printed_password(super::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        super::first_admin_can_sign_in_with_the_printed_password(super::Backend::Postgres).await
    }
}

mod seeding_the_demo_twice {
    #[tokio::test]
    async fn sqlite() {
        super::demo_data_loads_twice_without_change(super::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        super::demo_data_loads_twice_without_change(super::Backend::Postgres).await
    }
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let data = tempfile::tempdir().unwrap();
    let run = |envs: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cocreate"));
        cmd.arg("serve").env("DATA_DIR", data.path()).env_remove("TOKEN_SIGNING_KEY").env_remove("COCREATE_ENV");
        cmd.env("DATABASE_URL", format!("sqlite://{}/x.db", data.path().display()));
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&[("BIND_ADDR", "not-an-address")]);
    assert!(err.trim().lines().count() == 1 && err.contains("BIND_ADDR"), "{err}");
    let err = run(&[("MIGRATE_ON_START", "perhaps")]);
    assert!(err.trim().lines().count() == 1 && err.contains("MIGRATE_ON_START"), "{err}");
    let err = run(&[("DATABASE_URL", "mysql://nope")]);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("DATABASE_URL"), "{err}");
    let err = run(&[("COCREATE_ENV", "production"), ("PUBLIC_URL", "https://cocreate.example")]);
    assert!(err.trim().lines().count() == 1 && err.contains("TOKEN_SIGNING_KEY"), "{err}");
    let err = run(&[("TOKEN_SIGNING_KEY", "c2VjcmV0LW5vdC1hLWtleQ==")]);
    assert!(err.contains("TOKEN_SIGNING_KEY") && !err.contains("c2VjcmV0"), "the key is never printed: {err}");
}

#[test]
fn the_development_key_is_generated_once_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let settings = common::test_settings("sqlite://unused", data.path().to_path_buf());
    cocreate::accounts::tokens::TokenKeys::load(&settings).unwrap();
    let key_file = data.path().join("token-signing-key");
    let first = std::fs::read_to_string(&key_file).unwrap();
    cocreate::accounts::tokens::TokenKeys::load(&settings).unwrap();
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), first);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777, 0o600);
}
