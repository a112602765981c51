//! Paginated lists with opaque cursors: a client passes back `next_cursor` as `cursor` and never
//! reads it. Inside, a cursor is the last row's sort key.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::{Error, Result};

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// From the previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// 1 to 200, 50 when absent.
    pub limit: Option<i64>,
}

impl PageQuery {
    pub fn limit(&self) -> Result<i64> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(Error::field("limit", "out_of_range", format!("limit is between 1 and {MAX_LIMIT}."))),
        }
    }

    /// The id the previous page ended on.
    pub fn after_id(&self) -> Result<Option<Uuid>> {
        let Some(c) = &self.cursor else { return Ok(None) };
        let bad = || Error::field("cursor", "invalid_cursor", "This cursor did not come from this list.");
        let bytes = URL_SAFE_NO_PAD.decode(c).map_err(|_| bad())?;
        Uuid::from_slice(&bytes).map(Some).map_err(|_| bad())
    }
}

impl PageQuery {
    /// A cursor for lists sorted by a time and then an id.
    pub fn key_cursor(key: i64, id: Uuid) -> String {
        let mut bytes = key.to_be_bytes().to_vec();
        bytes.extend_from_slice(id.as_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The (time, id) the previous page ended on, for lists sorted that way.
    pub fn after_key(&self) -> Result<Option<(i64, Uuid)>> {
        let Some(c) = &self.cursor else { return Ok(None) };
        let bad = || Error::field("cursor", "invalid_cursor", "This cursor did not come from this list.");
        let bytes = URL_SAFE_NO_PAD.decode(c).map_err(|_| bad())?;
        if bytes.len() != 24 {
            return Err(bad());
        }
        let key = i64::from_be_bytes(bytes[..8].try_into().map_err(|_| bad())?);
        let id = Uuid::from_slice(&bytes[8..]).map_err(|_| bad())?;
        Ok(Some((key, id)))
    }
}

/// Builds a page from `limit + 1` fetched rows: the extra row only says there is more.
pub fn page_by_id<T>(mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> Uuid) -> Page<T> {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = if more { rows.last().map(|r| URL_SAFE_NO_PAD.encode(id(r).as_bytes())) } else { None };
    Page { items: rows, next_cursor }
}
