//! Sharing a design: `/d/{slug}` is the web app's page with Open Graph and Twitter card tags in
//! its head (so a pasted link unfurls with the picture), and `/d/{slug}/preview.png` is that
//! picture: 1200 x 630, drawn on the server from the design's frozen layers and its name,
//! rendered once per content and then served from memory with an ETag.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, LazyLock, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use super::designs::{self, Snapshot};
use crate::app::AppState;
use crate::community::funnel::Seen;
use crate::error::{Error, ErrorCode, Result};
use crate::http::{PathParam, QueryParams, web};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Part of every cache key: bump it when the drawing changes.
const RENDERER_VERSION: &str = "preview-v1";

/// What the card and the picture say about a design.
pub struct Card {
    pub slug: String,
    pub name: String,
    pub creator: String,
    pub story: String,
    pub snapshot: Snapshot,
}

impl Card {
    /// A hash of everything drawn: the same design draws the same picture, whoever asks.
    pub fn content_key(&self) -> String {
        let mut h = Sha256::new();
        for part in
            [RENDERER_VERSION, &self.name, &self.creator, &serde_json::to_string(&self.snapshot).unwrap_or_default()]
        {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    fn price_text(&self) -> String {
        let p = self.snapshot.price_minor();
        let symbol = match self.snapshot.currency.as_str() {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            other => other,
        };
        format!("{symbol}{}.{:02}", p / 100, p % 100)
    }

    fn description(&self) -> String {
        let story: String = self.story.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead =
            format!("A {} by {} — {}.", self.snapshot.template_name.en.to_lowercase(), self.creator, self.price_text());
        if story.is_empty() {
            lead
        } else {
            let story: String = story.chars().take(180).collect();
            format!("{lead} {story}")
        }
    }

    /// The card as one SVG document, 1200 x 630.
    pub fn svg(&self) -> String {
        let s = &self.snapshot;
        let mut layers: Vec<(&str, i64)> = s.options.iter().map(|o| (o.layer_svg.as_str(), o.layer_z)).collect();
        layers.sort_by_key(|(_, z)| *z);
        let picture: String = std::iter::once(s.base_layer_svg.as_str())
            .chain(layers.into_iter().map(|(svg, _)| svg))
            .map(|layer| format!(r#"<svg x="40" y="45" width="540" height="540" viewBox="0 0 400 400">{layer}</svg>"#))
            .collect();
        let lines = wrap(&self.name, 16, 3);
        let name_y = 200 - (lines.len() as i64 - 1) * 34;
        let name: String = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                format!(
                    r##"<text x="620" y="{}" font-size="58" font-weight="bold" fill="#1c1917">{}</text>"##,
                    name_y + i as i64 * 68,
                    escape(line)
                )
            })
            .collect();
        let below = name_y + (lines.len() as i64 - 1) * 68;
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, sans-serif">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff8f1"/><rect width="{WIDTH}" height="14" fill="#c2410c"/>
<circle cx="310" cy="315" r="280" fill="#ffedd5"/>{picture}{name}
<text x="620" y="{}" font-size="34" fill="#57534e">by {}</text>
<text x="620" y="{}" font-size="52" font-weight="bold" fill="#c2410c">{}</text>
<text x="620" y="585" font-size="28" fill="#78716c">{} · cocreate</text></svg>"##,
            below + 60,
            escape(&self.creator),
            below + 140,
            escape(&self.price_text()),
            escape(&s.template_name.en),
        )
    }
}

/// Words into at most `max_lines` lines of about `width` characters, the last one cut with "…".
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.chars().take(width).collect()),
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let cut: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{cut}…");
        }
    }
    lines
}

/// Escapes text for XML and HTML attribute values and content.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where Debian's `fonts-dejavu-core` puts the faces the card uses. Without them the picture is
/// drawn without its text (the page's tags still carry the name).
const FONT_FILES: [&str; 2] =
    ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"];

static FONTS: LazyLock<Arc<resvg::usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = resvg::usvg::fontdb::Database::new();
    for file in FONT_FILES {
        match std::fs::read(file) {
            Ok(data) => db.load_font_data(data),
            Err(e) => tracing::warn!(file, error = %e, "share pictures will lack this font"),
        }
    }
    db.set_sans_serif_family("DejaVu Sans");
    Arc::new(db)
});

/// Draws the card to PNG bytes.
pub fn render_png(card_svg: &str) -> anyhow::Result<Vec<u8>> {
    let opt = resvg::usvg::Options { fontdb: FONTS.clone(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(card_svg, &opt)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| anyhow::anyhow!("no pixmap"))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap.encode_png()?)
}

/// Rendered previews by content key. Concurrent requests for the same key wait for one render;
/// the oldest entries go when the cache is full.
pub struct PreviewCache {
    capacity: usize,
    inner: Mutex<Entries>,
}

/// One cell per content key (filled by the first request, awaited by the others), and the keys
/// in the order they came, to drop the oldest.
#[derive(Default)]
struct Entries {
    cells: HashMap<String, Arc<OnceCell<Bytes>>>,
    order: VecDeque<String>,
}

impl PreviewCache {
    pub fn new(capacity: usize) -> Self {
        PreviewCache { capacity, inner: Mutex::new(Entries::default()) }
    }

    fn cell(&self, key: &str) -> Arc<OnceCell<Bytes>> {
        let mut guard = self.inner.lock().expect("preview cache lock");
        let Entries { cells: map, order } = &mut *guard;
        if let Some(cell) = map.get(key) {
            return cell.clone();
        }
        if map.len() >= self.capacity
            && let Some(oldest) = order.pop_front()
        {
            map.remove(&oldest);
        }
        let cell = Arc::new(OnceCell::new());
        map.insert(key.to_string(), cell.clone());
        order.push_back(key.to_string());
        cell
    }

    pub async fn get_or_render(&self, key: &str, svg: String) -> Result<Bytes> {
        let cell = self.cell(key);
        let png = cell
            .get_or_try_init(|| async move {
                metrics::counter!("preview_renders_total").increment(1);
                let png =
                    tokio::task::spawn_blocking(move || render_png(&svg)).await.map_err(anyhow::Error::from)??;
                Ok::<_, Error>(Bytes::from(png))
            })
            .await?;
        Ok(png.clone())
    }
}

async fn card(state: &AppState, slug: &str) -> Result<Option<Card>> {
    let mut conn = state.db.reader().await?;
    let Some((row, creator)) = designs::published_with_creator(conn.ex(), slug).await? else {
        return Ok(None);
    };
    let snapshot = designs::snapshot_of(&row)?;
    Ok(Some(Card { slug: slug.to_string(), name: row.name, creator, story: row.story, snapshot }))
}

/// How a visitor reached a design's page. Other parameters (campaign tags...) are ignored.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub struct Visit {
    /// `share` on the links the share buttons give out: counted as a share click.
    pub via: Option<String>,
}

/// The design's page: the web app, with the share card's tags in its head.
#[utoipa::path(get, path = "/d/{slug}", tag = "sharing", params(("slug" = String, Path), Visit),
    responses((status = 200, content_type = "text/html", description = "The web app's page with Open Graph and Twitter card tags")))]
pub async fn page(
    State(state): State<AppState>,
    PathParam(slug): PathParam<String>,
    QueryParams(visit): QueryParams<Visit>,
) -> Response {
    if visit.via.as_deref() == Some("share")
        && let Err(e) = state.funnel.count(Seen::ShareClick(slug.clone())).await
    {
        return e.into_response();
    }
    let Some(index) = web::index_html(&state) else {
        return web::not_built();
    };
    let card = match card(&state, &slug).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let Some(card) = card else {
        // The app shows its "not found" page; crawlers get the status.
        return (StatusCode::NOT_FOUND, Html(index)).into_response();
    };
    let base = state.settings.public_url();
    let url = format!("{base}/d/{}", card.slug);
    let image = format!("{url}/preview.png?v={}", card.content_key());
    let title = format!("{} · cocreate", card.name);
    let description = card.description();
    let tags = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", "cocreate"),
        ("property", "og:title", title.as_str()),
        ("property", "og:description", description.as_str()),
        ("property", "og:url", url.as_str()),
        ("property", "og:image", image.as_str()),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", card.name.as_str()),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title.as_str()),
        ("name", "twitter:description", description.as_str()),
        ("name", "twitter:image", image.as_str()),
        ("name", "description", description.as_str()),
    ];
    let mut head: String = tags
        .iter()
        .map(|(attr, key, value)| format!(r#"<meta {attr}="{key}" content="{}">"#, escape(value)))
        .collect::<Vec<_>>()
        .join("\n    ");
    head.push_str(&format!(
        r#"
    <link rel="canonical" href="{}">"#,
        escape(&url)
    ));
    let html = replace_title(&index, &escape(&title)).replacen("</head>", &format!("    {head}\n  </head>"), 1);
    let mut res = Html(html).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

fn replace_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}<title>{title}</title>{}", &html[..a], &html[b + "</title>".len()..]),
        _ => html.to_string(),
    }
}

/// The design's share picture: 1200 x 630 PNG, with a strong ETag.
#[utoipa::path(get, path = "/d/{slug}/preview.png", tag = "sharing", params(("slug" = String, Path)),
    responses((status = 200, content_type = "image/png"), (status = 304), (status = 404, body = crate::error::Problem)))]
pub async fn preview(
    State(state): State<AppState>,
    PathParam(slug): PathParam<String>,
    headers: HeaderMap,
) -> Result<Response> {
    let card = card(&state, &slug).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let key = card.content_key();
    let etag = format!("\"{key}\"");
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    let etag_header = (header::ETAG, HeaderValue::from_str(&etag).map_err(anyhow::Error::from)?);
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return Ok((StatusCode::NOT_MODIFIED, [cache, etag_header]).into_response());
    }
    let png = state.previews.get_or_render(&key, card.svg()).await?;
    let content_type = (header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    Ok(([content_type, cache, etag_header], png).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_and_are_cut() {
        assert_eq!(wrap("The Smoky Stack", 20, 3), ["The Smoky Stack"]);
        let lines = wrap("An extremely long burger name that goes on and on and on forever and ever", 20, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape(r#"<b>"Tom" & 'Jerry'</b>"#), "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
    }
}
