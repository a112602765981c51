//! Sharing: a design's page carries Open Graph and Twitter card tags, and its preview is a
//! 1200 x 630 PNG rendered once however many requests arrive at once.

mod common;

use common::{Backend, Options, TestApp, problem};
use reqwest::StatusCode;
use serde_json::Value;

fn web_dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let index = "<!doctype html><html><head><meta charset=\"utf-8\"><title>cocreate</title></head><body><div id=\"root\"></div></body></html>";
    std::fs::write(dir.path().join("index.html"), index).unwrap();
    dir
}

/// A published design named `name`; returns its slug.
async fn published(app: &TestApp, name: &str) -> String {
    let (_, t) = common::one_option_template(app).await;
    let alice = app.token_for("alice@example.com").await;
    let d = common::one_option_draft(app, &alice, &t, name, "Tall & proud.").await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/designs/{}/publish", d["id"].as_str().unwrap())))
        .bearer_auth(&alice)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["slug"].as_str().unwrap().to_string()
}

fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let at = html.find(&format!("\"{key}\" content=\""))? + key.len() + 12;
    Some(&html[at..at + html[at..].find('"')?])
}

async fn the_page_unfurls(backend: Backend) {
    let dist = web_dist();
    let app = TestApp::spawn_with(
        backend,
        Options {
            web_dist: Some(dist.path().into()),
            public_url: Some("https://cocreate.example".into()),
            ..Default::default()
        },
    )
    .await;
    let slug = published(&app, r#"Tom's "Big" One"#).await;
    let res = app.client.get(app.url(&format!("/d/{slug}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("<div id=\"root\"></div>"), "it is the web app");
    assert!(html.contains("<title>Tom&#39;s &quot;Big&quot; One · cocreate</title>"), "{html}");
    assert_eq!(meta(&html, "og:title"), Some("Tom&#39;s &quot;Big&quot; One · cocreate"));
    assert_eq!(meta(&html, "og:url"), Some(format!("https://cocreate.example/d/{slug}").as_str()));
    let image = meta(&html, "og:image").unwrap();
    assert!(image.starts_with(&format!("https://cocreate.example/d/{slug}/preview.png")), "{image}");
    assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
    assert_eq!(meta(&html, "twitter:image"), Some(image));
    assert!(meta(&html, "og:description").unwrap().contains("Tall &amp; proud."));

    let res = app.client.get(app.url("/d/no-such-design")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("id=\"root\""), "the app shows its own not-found page");
}

mod a_design_page_unfurls_with_open_graph_and_twitter_tags {
    #[tokio::test]
    async fn sqlite() {
        super::the_page_unfurls(super::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        super::the_page_unfurls(super::Backend::Postgres).await
    }
}

both!(the_preview_is_a_1200_by_630_png_rendered_once, |app| {
    let slug = published(&app, "The Smoky Stack").await;
    let url = app.url(&format!("/d/{slug}/preview.png"));
    let requests = (0..16).map(|_| {
        let (c, url) = (app.new_client(), url.clone());
        async move {
            let res = c.get(url).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.headers()["content-type"], "image/png");
            let etag = res.headers()["etag"].to_str().unwrap().to_string();
            (etag, res.bytes().await.unwrap())
        }
    });
    let answers = futures_util::future::join_all(requests).await;
    let (etag, png) = &answers[0];
    assert!(answers.iter().all(|(e, b)| e == etag && b == png), "every answer is the same picture");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 630));

    let metrics = app.client.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    let renders = metrics.lines().find_map(|l| l.strip_prefix("preview_renders_total ")).expect("a render counter");
    assert_eq!(renders.trim(), "1", "sixteen requests, one render");

    let res = app.client.get(&url).header("if-none-match", etag.as_str()).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    problem(
        app.client.get(app.url("/d/nothing/preview.png")).send().await.unwrap(),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
});
