//! The design studio: the brand's templates and options, drafts priced live, publishing,
//! sharing and remixing.

pub mod catalog;
