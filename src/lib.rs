//! cocreate: a co-creation marketplace. Customers design products from a brand's building
//! blocks, the community rates them, the brand lists the best, and every sale pays its creators
//! a royalty.
//!
//! Domain modules own their types, SQL and rules (`accounts`, later `studio`, `community`,
//! `curation`, `orders`, `ledger`); `http` is the thin layer that routes, guards and observes;
//! `app` assembles them; `cli` is the command line.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod brand;
pub mod cli;
pub mod community;
pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod mail;
pub mod money;
pub mod settings;
pub mod studio;

/// Installs rustls' ring provider for the whole process; call first thing (two providers are
/// linked, and a TLS client panics if neither was chosen).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
