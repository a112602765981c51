//! Walks every route of the router: an anonymous caller is refused (401) on every route that is
//! not public, and a signed-in customer is refused (403) on every route that needs a role. A
//! route added later is covered without editing this test.

mod common;

use cocreate::app::{self, AppState};
use cocreate::http::{Access, RouteSpec};
use common::problem;
use reqwest::{Method, StatusCode};

fn route_table(app: &common::TestApp) -> Vec<RouteSpec> {
    let settings = common::test_settings(&app.test_db.url, std::env::temp_dir());
    let der = base64_decode(&cocreate::accounts::tokens::TokenKeys::generate_base64().unwrap());
    let tokens = cocreate::accounts::tokens::TokenKeys::from_pkcs8(&der).unwrap();
    app::router(AppState::new(app.db.clone(), settings, tokens)).1
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

/// A concrete URL for a route: ids become fresh UUIDs, other parameters a plausible value.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|seg| match seg {
            "{role}" => "curator".to_string(),
            s if s.starts_with('{') => uuid::Uuid::now_v7().to_string(),
            s => s.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

both!(every_route_refuses_callers_without_the_right_access, |app| {
    let table = route_table(&app);
    assert!(table.iter().any(|r| r.path == "/api/v1/admin/users/{id}/roles/{role}" && r.method == Method::PUT));
    assert!(table.iter().any(|r| r.access == Access::SignedIn));
    let customer = app.token_for("just-a-customer@example.com").await;
    let mut checked = 0;
    for route in &table {
        let url = app.url(&concrete(&route.path));
        let send = |token: Option<&str>| {
            let mut req = app.client.request(route.method.clone(), &url).json(&serde_json::json!({}));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            req.send()
        };
        match route.access {
            Access::Public => continue,
            Access::SignedIn => {
                problem(send(None).await.unwrap(), StatusCode::UNAUTHORIZED, "unauthenticated").await;
            }
            Access::AnyOf(roles) => {
                assert!(!roles.contains(&cocreate::accounts::domain::Role::Customer), "{route:?} is open to all");
                problem(send(None).await.unwrap(), StatusCode::UNAUTHORIZED, "unauthenticated").await;
                problem(send(Some(&customer)).await.unwrap(), StatusCode::FORBIDDEN, "forbidden").await;
            }
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} guarded routes");
});
