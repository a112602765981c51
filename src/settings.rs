//! Settings, from flags or the environment (clap), validated once at start-up. Secrets are
//! wrapped so that `Debug` never prints them.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Args, Clone, Debug)]
pub struct Settings {
    /// Where the data lives: `sqlite://path` (created when missing) or `postgres://...`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/cocreate.db",
        hide_env_values = true,
        global = true
    )]
    pub database_url: DatabaseUrl,

    /// The address and port the server listens on (port 0 picks a free one).
    #[arg(long, env = "BIND_ADDR", default_value = "127.0.0.1:8080", global = true)]
    pub bind_addr: SocketAddr,

    /// The address people use to reach the product, for links in emails and share cards.
    #[arg(long, env = "PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// A folder for local state: the development token key lives here.
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// The Ed25519 key that signs access tokens: base64 of its PKCS#8 DER. Generated into
    /// DATA_DIR in development when absent; required in production.
    #[arg(long, env = "TOKEN_SIGNING_KEY", hide_env_values = true, global = true)]
    pub token_signing_key: Option<Secret>,

    /// `production` refuses missing secrets and marks cookies Secure.
    #[arg(long = "mode", env = "COCREATE_ENV", value_enum, default_value_t = Mode::Development, global = true)]
    pub mode: Mode,

    /// Apply pending migrations when `serve` starts (turn off where a deploy step runs
    /// `cocreate migrate` before the new version starts).
    #[arg(long, env = "MIGRATE_ON_START", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub migrate_on_start: bool,

    /// Serve the web app from this folder instead of the copy built into the binary.
    #[arg(long, env = "WEB_DIST", global = true)]
    pub web_dist: Option<PathBuf>,

    /// How many reverse proxies in front of the server append to X-Forwarded-For (0: none, the
    /// client is the socket's peer).
    #[arg(long, env = "TRUSTED_PROXIES", default_value_t = 0, global = true)]
    pub trusted_proxies: usize,

    /// The SMTP server email goes out through, as lettre reads it (`smtp://host:25`,
    /// `smtp://user:password@host:587?tls=required`, `smtps://...`). Without it, nothing is sent and
    /// admins read the queued emails at the development mail viewer.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<Secret>,

    /// The sender of every email.
    #[arg(long, env = "MAIL_FROM", default_value = "cocreate <no-reply@cocreate.localhost>", global = true)]
    pub mail_from: String,

    /// Log lines as JSON (for a log pipeline) or as text (for a terminal).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    Development,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Settings {
    /// The public address without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(u) => u.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.bind_addr),
        }
    }

    /// Checks what clap's types cannot: one line naming the bad setting.
    pub fn validate(&self) -> anyhow::Result<()> {
        let url = self.database_url.expose();
        if !["sqlite:", "postgres://", "postgresql://"].iter().any(|p| url.starts_with(p)) {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres:// (got {:?})", redact_url(url));
        }
        if let Some(url) = &self.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            anyhow::bail!("PUBLIC_URL must start with http:// or https:// (got {url:?})");
        }
        if self.mode == Mode::Production {
            if self.token_signing_key.is_none() {
                anyhow::bail!("TOKEN_SIGNING_KEY is required in production mode");
            }
            if self.public_url.is_none() {
                anyhow::bail!("PUBLIC_URL is required in production mode");
            }
        }
        Ok(())
    }

    /// Cookies are `Secure` whenever the product is reached over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.mode == Mode::Production || self.public_url().starts_with("https://")
    }
}

/// A URL with its password, if any, replaced by `***`, fit for a log or an error.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let (authority, tail) = rest.split_once('/').map(|(a, t)| (a, format!("/{t}"))).unwrap_or((rest, String::new()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        None => url.to_string(),
    }
}

/// The database URL, which may hold a password: `Debug` shows it redacted.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Self {
        DatabaseUrl(url.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", redact_url(&self.0))
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(DatabaseUrl(s.to_string()))
    }
}

/// A secret value: `Debug` and `Display` print a placeholder.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_password() {
        assert_eq!(redact_url("postgres://app:s3cret@db:5432/cocreate"), "postgres://app:***@db:5432/cocreate");
        assert_eq!(redact_url("sqlite://data/cocreate.db"), "sqlite://data/cocreate.db");
    }

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("hunter2-very-secret");
        assert!(!format!("{s:?} {s}").contains("hunter2"));
    }
}
