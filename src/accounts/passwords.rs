//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes), off the async
//! threads because it is deliberately slow.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use crate::accounts::domain::Password;

/// A hash of a password nobody has, verified against when an email is unknown so that a wrong
/// email takes as long to refuse as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_blocking("dummy password for timing").expect("argon2 works"));

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let hash = Argon2::default().hash_password(password.as_bytes()).map_err(|e| anyhow::anyhow!("argon2: {e}"))?;
    Ok(hash.to_string())
}

/// At most this many hashes run at once (each takes 19 MiB and a core for a while); the rest
/// wait their turn, so a burst of sign-ins cannot exhaust memory or starve other requests.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

pub async fn hash(password: &Password) -> anyhow::Result<String> {
    let password = password.expose().to_string();
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

/// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
pub async fn verify(password: &str, stored: Option<String>) -> bool {
    let password = password.to_string();
    let Ok(_permit) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && known
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_against_its_hash_only() {
        let pw = Password::parse("correct horse battery").unwrap();
        let h = hash(&pw).await.unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("correct horse battery", Some(h.clone())).await);
        assert!(!verify("correct horse battery!", Some(h)).await);
        assert!(!verify("dummy password for timing", None).await);
    }
}
