//! Feeds of published designs: hot, top and new, each an index scan on the design's row
//! (`designs_hot_idx`, `designs_top_idx`, `designs_new_idx`) with an opaque keyset cursor.

use axum::Json;
use axum::extract::State;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::ranking::Histogram;
use super::ratings::{RatingSummary, summary};
use crate::app::AppState;
use crate::db::{Backend, Db};
use crate::error::{Error, Result};
use crate::http::QueryParams;
use crate::http::page::{DEFAULT_LIMIT, MAX_LIMIT, Page};
use crate::money::{Currency, Money};
use crate::studio::catalog::{ALLERGENS, DIETARY_TAGS, Flags};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    Hot,
    Top,
    New,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct FeedQuery {
    /// `hot` (default), `top` (by the lower bound of the rating) or `new`.
    pub sort: Option<Sort>,
    /// Only designs of this template.
    pub template: Option<Uuid>,
    /// Only designs containing this option.
    pub option: Option<Uuid>,
    /// Only designs free of these allergens (the key may repeat; all must be absent).
    #[serde(default)]
    pub free_of: Vec<String>,
    /// Only designs carrying these dietary tags (the key may repeat; all must hold).
    #[serde(default)]
    pub dietary: Vec<String>,
    /// Only this creator's designs.
    pub creator: Option<Uuid>,
    /// Names containing this text (case-insensitive, 2 to 80 characters).
    pub q: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedItem {
    pub id: Uuid,
    pub slug: String,
    pub url: String,
    /// The 1200x630 share picture.
    pub preview_url: String,
    pub name: String,
    /// `published`, or `shortlisted` once it met the brand's thresholds.
    pub status: String,
    pub creator_id: Uuid,
    pub creator_name: String,
    pub template_id: Uuid,
    pub price: Money,
    pub ratings: RatingSummary,
    pub published_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    slug: String,
    name: String,
    creator_id: Uuid,
    shortlisted_at: Option<i64>,
    decision: Option<String>,
    creator_name: String,
    template_id: Uuid,
    currency: String,
    price: i64,
    stars_1: i64,
    stars_2: i64,
    stars_3: i64,
    stars_4: i64,
    stars_5: i64,
    would_buy_count: i64,
    lower_bound: f64,
    hot: f64,
    published_at: i64,
}

/// Where the previous page ended: the sort key (as its exact bits) and the id.
fn encode_cursor(key: f64, id: Uuid) -> String {
    let mut bytes = key.to_bits().to_be_bytes().to_vec();
    bytes.extend_from_slice(id.as_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

fn decode_cursor(cursor: &str) -> Result<(f64, Uuid)> {
    let bad = || Error::field("cursor", "invalid_cursor", "This cursor did not come from this feed.");
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    if bytes.len() != 24 {
        return Err(bad());
    }
    let key = f64::from_bits(u64::from_be_bytes(bytes[..8].try_into().map_err(|_| bad())?));
    let id = Uuid::from_slice(&bytes[8..]).map_err(|_| bad())?;
    if !key.is_finite() {
        return Err(bad());
    }
    Ok((key, id))
}

/// What a feed page reads of a design (never its snapshot, which holds its pictures).
const WINDOW_COLUMNS: &str = "d.id, d.slug, d.name, d.creator_id, d.shortlisted_at, d.decision, d.template_id, d.currency, d.price, \
    d.stars_1, d.stars_2, d.stars_3, d.stars_4, d.stars_5, d.would_buy_count, d.lower_bound, d.hot, d.published_at";

/// How many designs past its cursor a filtered page examines at most.
pub const SCAN_WINDOW: i64 = 1000;

/// Published designs, ranked. Pass `next_cursor` back as `cursor` for the next page. A filtered
/// page examines at most [`SCAN_WINDOW`] designs, so it may hold fewer items than `limit` (even
/// none) while `next_cursor` is set: keep following it; the feed ends when it is absent.
#[utoipa::path(get, path = "/api/v1/feed", tag = "community", params(FeedQuery),
    responses((status = 200, body = Page<FeedItem>), (status = 422, body = crate::error::Problem)))]
pub async fn feed(
    State(state): State<AppState>,
    QueryParams(q): QueryParams<FeedQuery>,
) -> Result<Json<Page<FeedItem>>> {
    let limit = match q.limit {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => return Err(Error::field("limit", "out_of_range", format!("limit is between 1 and {MAX_LIMIT}."))),
    };
    let sort = q.sort.unwrap_or(Sort::Hot);
    let free_of = Flags::from_names(&ALLERGENS, &q.free_of).map_err(|n| {
        Error::field("free_of", "unknown_allergen", format!("{n:?} is not one of {}.", ALLERGENS.join(", ")))
    })?;
    let dietary = Flags::from_names(&DIETARY_TAGS, &q.dietary).map_err(|n| {
        Error::field("dietary", "unknown_tag", format!("{n:?} is not one of {}.", DIETARY_TAGS.join(", ")))
    })?;
    let name = match q.q.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) if !(2..=80).contains(&text.chars().count()) => {
            return Err(Error::field("q", "out_of_range", "Search for 2 to 80 characters."));
        }
        // Names are searched lower-cased (`search_name`), for the text as typed: no wildcards.
        Some(text) => Some(text.to_lowercase()),
    };
    let after = q.cursor.as_deref().map(decode_cursor).transpose()?;
    // Only the filters asked for are in the statement. A condition such as `$8 IS NULL OR …`
    // would cost every page. A name is found by a plain substring search, which each database
    // spells its own way: unlike a `LIKE '%…%'` pattern, the text needs no escaping of `%` and
    // `_` (and `\`) to be taken as typed.
    let contains_name = match state.db.backend() {
        Backend::Sqlite => " AND instr(w.search_name, $8) > 0",
        Backend::Postgres => " AND strpos(w.search_name, $8) > 0",
    };
    let mut filters = String::new();
    for (asked, clause) in [
        (q.template.is_some(), " AND w.template_id = $1"),
        (free_of.0 != 0, " AND (w.allergens & $5) = 0"),
        (dietary.0 != 0, " AND (w.dietary & $6) = $6"),
        (q.creator.is_some(), " AND w.creator_id = $7"),
        (name.is_some(), contains_name),
        (
            q.option.is_some(),
            " AND EXISTS (SELECT 1 FROM design_choices c WHERE c.design_id = w.id AND c.option_id = $9)",
        ),
    ] {
        if asked {
            filters.push_str(clause);
        }
    }
    let (after_key, after_id) = after.unzip();
    let params = Params {
        template: q.template,
        after_key,
        after_id,
        limit: limit + 1,
        free_of: free_of.0,
        dietary: dietary.0,
        creator: q.creator,
        name,
        option: q.option,
    };
    let (rows, edge) = if filters.is_empty() {
        // The designs come from a plain walk of the sort's index in a subquery: PostgreSQL, left
        // to plan the whole query with its generic parameters, chose a full scan and a sort.
        let after_clause = if after.is_some() { key_bound(sort, "<", 2) } else { String::new() };
        let order = order_by(sort, "d");
        let sql = format!(
            "SELECT {COLUMNS} FROM (SELECT {WINDOW_COLUMNS} FROM designs d \
             WHERE d.status = 'published' AND d.hidden_at IS NULL{after_clause} ORDER BY {order} LIMIT $4) d \
             JOIN accounts a ON a.id = d.creator_id ORDER BY {order} LIMIT $4"
        );
        (fetch_page(&state.db, &sql, &params).await?, None)
    } else {
        filtered_page(&state.db, sort, &filters, params).await?
    };
    let more = rows.len() as i64 > limit;
    let rows = &rows[..rows.len().min(limit as usize)];
    let next_cursor = if more {
        rows.last().map(|r| {
            let k = match sort {
                Sort::Hot => r.hot,
                Sort::Top => r.lower_bound,
                Sort::New => r.published_at as f64,
            };
            encode_cursor(k, r.id)
        })
    } else {
        // Fewer matches than asked in a full window: the feed goes on past the window's last
        // design, so the page (short, maybe empty) carries a cursor from there.
        edge.map(|(k, id)| encode_cursor(k, id))
    };
    let items = rows
        .iter()
        .map(|r| {
            let h = Histogram([r.stars_1, r.stars_2, r.stars_3, r.stars_4, r.stars_5]);
            FeedItem {
                id: r.id,
                slug: r.slug.clone(),
                url: format!("/d/{}", r.slug),
                preview_url: format!("/d/{}/preview.png", r.slug),
                name: r.name.clone(),
                status: crate::studio::designs::public_status(
                    "published",
                    r.shortlisted_at,
                    r.decision.as_deref(),
                    false,
                ),
                creator_id: r.creator_id,
                creator_name: r.creator_name.clone(),
                template_id: r.template_id,
                price: Money::new(r.price, Currency::parse(&r.currency).unwrap_or(Currency::EUR)),
                ratings: summary(h, r.would_buy_count),
                published_at: r.published_at,
            }
        })
        .collect();
    Ok(Json(Page { items, next_cursor }))
}

/// ` AND (key, id) <op> ($n, $n+1)` on the sort's key: where a cursor or a window's edge cuts the
/// sort's index. The columns are compared as a row value, so both databases seek straight to it.
fn key_bound(sort: Sort, op: &str, n: usize) -> String {
    let (key, param) = match sort {
        Sort::Hot => ("d.hot", format!("${n}")),
        Sort::Top => ("d.lower_bound", format!("${n}")),
        Sort::New => ("d.published_at", format!("CAST(${n} AS BIGINT)")),
    };
    format!(" AND ({key}, d.id) {op} ({param}, ${})", n + 1)
}

/// The design column a sort orders by. Chosen from a closed set, never from input.
fn sort_column(sort: Sort) -> &'static str {
    match sort {
        Sort::Hot => "hot",
        Sort::Top => "lower_bound",
        Sort::New => "published_at",
    }
}

/// The page's order on the designs aliased `table`: the sort's key, then the id.
fn order_by(sort: Sort, table: &str) -> String {
    format!("{table}.{key} DESC, {table}.id DESC", key = sort_column(sort))
}

/// What a page shows of each design.
const COLUMNS: &str = "d.id, d.slug, d.name, d.creator_id, d.shortlisted_at, d.decision, a.display_name AS creator_name, \
    d.template_id, d.currency, d.price, d.stars_1, d.stars_2, d.stars_3, d.stars_4, d.stars_5, d.would_buy_count, \
    d.lower_bound, d.hot, d.published_at";

/// A filtered page examines at most [`SCAN_WINDOW`] designs past its cursor, so a rare match
/// costs a bounded amount of work per request rather than a scan of every design. The page is one
/// walk down the sort's index, bounded by the window (`w`), whose entries are tested against the
/// filters as they come; the walk stops as soon as the page is full, and only the designs that
/// match are read in full. On SQLite the index holds every column a filter tests, so the walk
/// reads no row of the table (see the migration `feed_indexes_cover_filters`).
///
/// The page and the edge it may need are read in one snapshot: between two snapshots ratings move
/// designs, and an edge read apart from the walk could land past designs the page never examined,
/// or before some it did.
///
/// Returns the rows (up to `p.limit`) and, when the page came back short from a full window, the
/// window's last design (its edge): the next page starts there.
async fn filtered_page(db: &Db, sort: Sort, filters: &str, p: Params) -> Result<(Vec<Row>, Option<(f64, Uuid)>)> {
    let page = filtered_sql(sort, filters, p.after_key.is_some());
    let edge = edge_sql(sort, p.after_key.is_some(), SCAN_WINDOW);
    // Full, the page ends at its own last design; short, either the feed ended inside the window
    // or the window was walked to its end.
    let short = |rows: &Vec<Row>| (rows.len() as i64) < p.limit;
    match db {
        Db::Sqlite { inline, .. } => Ok(inline.snapshot(|s| {
            let rows = s.query(&page, &p.named(), Row::from_sqlite)?;
            let edge = if short(&rows) {
                let after = [("$1", &p.after_key as &dyn rusqlite::ToSql), ("$2", &p.after_id)];
                s.query(&edge, &after, |r| Ok((r.get(0)?, r.get(1)?)))?.into_iter().next()
            } else {
                None
            };
            Ok((rows, edge))
        })?),
        Db::Postgres(pool) => {
            let mut tx = pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY").await?;
            let rows = page_on_postgres(&mut tx, &page, &p).await?;
            let edge = if short(&rows) {
                let q = sqlx::query_as(sqlx::AssertSqlSafe(edge)).bind(p.after_key).bind(p.after_id);
                q.fetch_optional(&mut *tx).await?
            } else {
                None
            };
            tx.commit().await?;
            Ok((rows, edge))
        }
    }
}

/// A filtered page's statement: the window's walk (`w`, from the cursor when `after`), its entries
/// tested against `filters`, the matches joined to their rows.
fn filtered_sql(sort: Sort, filters: &str, after: bool) -> String {
    let after_clause = if after { key_bound(sort, "<", 2) } else { String::new() };
    format!(
        "SELECT {COLUMNS} FROM (SELECT d.id, d.{key}, d.hidden_at, d.template_id, d.creator_id, d.allergens, \
         d.dietary, d.search_name FROM designs d WHERE d.status = 'published'{after_clause} \
         ORDER BY {walk} LIMIT {SCAN_WINDOW}) w \
         JOIN designs d ON d.id = w.id JOIN accounts a ON a.id = d.creator_id \
         WHERE w.hidden_at IS NULL{filters} ORDER BY {page} LIMIT $4",
        key = sort_column(sort),
        walk = order_by(sort, "d"),
        page = order_by(sort, "w"),
    )
}

/// The values a page's statement may bind, by their numbers in it.
struct Params {
    template: Option<Uuid>,
    after_key: Option<f64>,
    after_id: Option<Uuid>,
    limit: i64,
    free_of: i64,
    dietary: i64,
    creator: Option<Uuid>,
    /// Lower-cased, searched for in `search_name`.
    name: Option<String>,
    option: Option<Uuid>,
}

impl Params {
    /// Named as SQLite numbers them; a statement binds those it holds.
    fn named(&self) -> [(&'static str, &dyn rusqlite::ToSql); 9] {
        [
            ("$1", &self.template),
            ("$2", &self.after_key),
            ("$3", &self.after_id),
            ("$4", &self.limit),
            ("$5", &self.free_of),
            ("$6", &self.dietary),
            ("$7", &self.creator),
            ("$8", &self.name),
            ("$9", &self.option),
        ]
    }
}

impl Row {
    /// A row of the page's statement, its columns in the order it selects them.
    fn from_sqlite(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
        Ok(Row {
            id: r.get(0)?,
            slug: r.get(1)?,
            name: r.get(2)?,
            creator_id: r.get(3)?,
            shortlisted_at: r.get(4)?,
            decision: r.get(5)?,
            creator_name: r.get(6)?,
            template_id: r.get(7)?,
            currency: r.get(8)?,
            price: r.get(9)?,
            stars_1: r.get(10)?,
            stars_2: r.get(11)?,
            stars_3: r.get(12)?,
            stars_4: r.get(13)?,
            stars_5: r.get(14)?,
            would_buy_count: r.get(15)?,
            lower_bound: r.get(16)?,
            hot: r.get(17)?,
            published_at: r.get(18)?,
        })
    }
}

/// Runs a page's statement: on SQLite on this thread (see `db::InlineReaders`), on PostgreSQL
/// through the pool.
async fn fetch_page(db: &Db, sql: &str, p: &Params) -> Result<Vec<Row>> {
    match db {
        Db::Sqlite { inline, .. } => Ok(inline.query(sql, &p.named(), Row::from_sqlite)?),
        Db::Postgres(pool) => Ok(page_on_postgres(&mut *pool.acquire().await?, sql, p).await?),
    }
}

async fn page_on_postgres(c: &mut sqlx::PgConnection, sql: &str, p: &Params) -> Result<Vec<Row>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(p.template)
        .bind(p.after_key)
        .bind(p.after_id)
        .bind(p.limit)
        .bind(p.free_of)
        .bind(p.dietary)
        .bind(p.creator)
        .bind(&p.name)
        .bind(p.option)
        .fetch_all(c)
        .await
}

/// The sort key and id of the `n`th design past the cursor (`$1`, `$2`, when `after`) in the
/// sort's order, if there are that many: where a filtered page's window ends. Read from the index
/// alone.
fn edge_sql(sort: Sort, after: bool, n: i64) -> String {
    let key = match sort {
        Sort::Hot => "d.hot",
        Sort::Top => "d.lower_bound",
        Sort::New => "CAST(d.published_at AS DOUBLE PRECISION)",
    };
    let after_clause = if after { key_bound(sort, "<", 1) } else { String::new() };
    format!(
        "SELECT {key} AS k, d.id FROM designs d WHERE d.status = 'published'{after_clause} \
         ORDER BY {} LIMIT 1 OFFSET {}",
        order_by(sort, "d"),
        n - 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A filtered page walks the sort's index alone (no row read for a design that does not
    /// match) and stops when the page is full: no sort of the whole window.
    #[tokio::test]
    async fn a_filtered_page_walks_the_index_alone_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("plan.db").display())).await.unwrap();
        db.migrate().await.unwrap();
        let filters = " AND (w.allergens & $5) = 0 AND (w.dietary & $6) = $6 AND instr(w.search_name, $8) > 0";
        for (sort, index) in
            [(Sort::Hot, "designs_hot_idx"), (Sort::Top, "designs_top_idx"), (Sort::New, "designs_new_idx")]
        {
            for after in [false, true] {
                let sql = format!("EXPLAIN QUERY PLAN {}", filtered_sql(sort, filters, after));
                let steps = db.inline().unwrap().query(&sql, &[], |r| r.get::<_, String>(3)).unwrap();
                assert!(
                    steps.iter().any(|s| s.contains(&format!("USING COVERING INDEX {index}"))),
                    "{sort:?}: {steps:?}"
                );
                assert!(!steps.iter().any(|s| s.contains("TEMP B-TREE")), "{sort:?}: {steps:?}");
            }
        }
        db.close().await;
    }

    #[test]
    fn cursors_round_trip_exactly_and_refuse_garbage() {
        let id = Uuid::now_v7();
        let key = 2.047372836123456_f64;
        assert_eq!(decode_cursor(&encode_cursor(key, id)).unwrap(), (key, id));
        assert!(decode_cursor("nope").is_err());
        assert!(decode_cursor(&URL_SAFE_NO_PAD.encode([0u8; 10])).is_err());
    }
}
