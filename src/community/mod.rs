//! The community: ratings, feeds that rank fairly, promotion to the brand. This first part holds
//! the ranking formulas; the rating endpoints and feeds build on them.

pub mod ranking;
