//! Access tokens (EdDSA-signed JWTs, 15 minutes) and refresh tokens (random secrets, stored
//! only as a SHA-256 hash, rotated on every use).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::settings::{Mode, Settings};

/// How long an access token is good for.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// How long a refresh token is good for, counted from its issue (each refresh issues a new one).
pub const REFRESH_TTL_MS: i64 = 30 * 24 * 60 * 60 * 1000;

const ISSUER: &str = "cocreate";
const KEY_FILE: &str = "token-signing-key";

/// What an access token says: whose it is and which session family it belongs to, so a
/// revoked session stops its access tokens at once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub sid: Uuid,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Tokens whose signature checked out, with their claims. An Ed25519 check costs about
    /// 50 µs and a client sends the same token with every request for 15 minutes, so the
    /// verdict is kept; the expiry is still checked at every use (see [`TokenKeys::verify`]).
    verified: Mutex<HashMap<String, Claims>>,
}

/// The most verified tokens remembered; past it, the expired ones go, or else all of them.
const VERIFIED_CAP: usize = 16_384;

impl TokenKeys {
    /// Loads the signing key from the settings, or in development from DATA_DIR, generating it
    /// there the first time.
    pub fn load(settings: &Settings) -> anyhow::Result<TokenKeys> {
        if let Some(key) = &settings.token_signing_key {
            let der =
                STANDARD.decode(key.expose().trim()).map_err(|_| anyhow::anyhow!("TOKEN_SIGNING_KEY is not base64"))?;
            return TokenKeys::from_pkcs8(&der).context("TOKEN_SIGNING_KEY is not an Ed25519 PKCS#8 key");
        }
        anyhow::ensure!(settings.mode == Mode::Development, "TOKEN_SIGNING_KEY is required in production mode");
        let path = settings.data_dir.join(KEY_FILE);
        let der = match std::fs::read_to_string(&path) {
            Ok(text) => STANDARD.decode(text.trim()).with_context(|| format!("{} is not base64", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_new_key(&path)?,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        TokenKeys::from_pkcs8(&der).with_context(|| format!("{} is not an Ed25519 key", path.display()))
    }

    pub fn from_pkcs8(der: &[u8]) -> anyhow::Result<TokenKeys> {
        let pair = Ed25519KeyPair::from_pkcs8_maybe_unchecked(der).map_err(|e| anyhow::anyhow!("{e}"))?;
        let public = URL_SAFE_NO_PAD.encode(pair.public_key().as_ref());
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.leeway = 5;
        Ok(TokenKeys {
            encoding: EncodingKey::from_ed_der(der),
            decoding: DecodingKey::from_ed_components(&public)?,
            validation,
            verified: Mutex::new(HashMap::new()),
        })
    }

    /// A fresh Ed25519 key, as base64 PKCS#8 (what TOKEN_SIGNING_KEY takes).
    pub fn generate_base64() -> anyhow::Result<String> {
        let rng = ring::rand::SystemRandom::new();
        let der = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(STANDARD.encode(der.as_ref()))
    }

    pub fn issue(&self, account: Uuid, family: Uuid, now_secs: i64) -> anyhow::Result<String> {
        let claims =
            Claims { sub: account, sid: family, iat: now_secs, exp: now_secs + ACCESS_TTL_SECS, iss: ISSUER.into() };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::EdDSA), &claims, &self.encoding)?)
    }

    /// The claims of a valid, unexpired token signed by us; `None` for anything else. Whether
    /// its session is still live is for the caller to ask the database.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let now = jsonwebtoken::get_current_timestamp() as i64;
        let fresh = |c: &Claims| unexpired(c, now, self.validation.leeway);
        if let Some(claims) = self.remembered().get(token) {
            return fresh(claims).then(|| claims.clone());
        }
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).ok()?.claims;
        let mut remembered = self.remembered();
        if remembered.len() >= VERIFIED_CAP {
            remembered.retain(|_, c| fresh(c));
            if remembered.len() >= VERIFIED_CAP {
                remembered.clear();
            }
        }
        remembered.insert(token.to_string(), claims.clone());
        Some(claims)
    }

    fn remembered(&self) -> std::sync::MutexGuard<'_, HashMap<String, Claims>> {
        // The map holds only verified claims, so even one left by a panic is sound.
        self.verified.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Whether `claims` are still good at `now` (seconds), by the rule `jsonwebtoken` applies.
fn unexpired(claims: &Claims, now: i64, leeway: u64) -> bool {
    claims.exp >= now - leeway as i64
}

fn write_new_key(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let encoded = TokenKeys::generate_base64()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    let mut file = options.open(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(encoded.as_bytes())?;
    tracing::info!(path = %path.display(), "generated a development token signing key");
    Ok(STANDARD.decode(encoded)?)
}

/// A refresh token as the client holds it: `<session id>.<secret>`.
pub struct RefreshToken {
    pub session_id: Uuid,
    pub secret: String,
}

impl RefreshToken {
    pub fn generate() -> RefreshToken {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        RefreshToken { session_id: Uuid::now_v7(), secret: URL_SAFE_NO_PAD.encode(bytes) }
    }

    pub fn parse(value: &str) -> Option<RefreshToken> {
        let (id, secret) = value.split_once('.')?;
        let session_id = Uuid::try_parse(id).ok()?;
        (secret.len() == 43).then(|| RefreshToken { session_id, secret: secret.to_string() })
    }

    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.secret.as_bytes()))
    }

    pub fn encode(&self) -> String {
        format!("{}.{}", self.session_id, self.secret)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two hashes without an early exit.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        let der = STANDARD.decode(TokenKeys::generate_base64().unwrap()).unwrap();
        TokenKeys::from_pkcs8(&der).unwrap()
    }

    #[test]
    fn a_token_verifies_with_its_key_and_not_another() {
        let (a, b) = (keys(), keys());
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let (acc, fam) = (Uuid::now_v7(), Uuid::now_v7());
        let token = a.issue(acc, fam, now).unwrap();
        let claims = a.verify(&token).expect("valid");
        assert_eq!((claims.sub, claims.sid), (acc, fam));
        assert!(b.verify(&token).is_none());
        let tampered = format!("{}x", &token[..token.len() - 1]);
        assert!(a.verify(&tampered).is_none());
    }

    #[test]
    fn an_expired_token_is_refused() {
        let k = keys();
        let long_ago = time::OffsetDateTime::now_utc().unix_timestamp() - ACCESS_TTL_SECS - 60;
        let token = k.issue(Uuid::now_v7(), Uuid::now_v7(), long_ago).unwrap();
        assert!(k.verify(&token).is_none());
    }

    #[test]
    fn a_remembered_token_still_expires() {
        let k = keys();
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let token = k.issue(Uuid::now_v7(), Uuid::now_v7(), now).unwrap();
        let first = k.verify(&token).expect("valid");
        assert_eq!(k.verify(&token).map(|c| c.sid), Some(first.sid), "the second check answers the same");
        // The clock passes the token's expiry (and the leeway) while it is remembered.
        k.remembered().get_mut(&token).expect("remembered").exp = now - 10;
        assert!(k.verify(&token).is_none());
        assert!(unexpired(&first, first.exp + 5, 5) && !unexpired(&first, first.exp + 6, 5));
    }

    #[test]
    fn refresh_tokens_round_trip_and_hash() {
        let t = RefreshToken::generate();
        let back = RefreshToken::parse(&t.encode()).unwrap();
        assert_eq!(back.session_id, t.session_id);
        assert!(same_hash(&back.hash(), &t.hash()));
        assert!(!same_hash(&RefreshToken::generate().hash(), &t.hash()));
        assert!(RefreshToken::parse("not-a-token").is_none());
        assert!(RefreshToken::parse(&format!("{}.short", Uuid::now_v7())).is_none());
    }
}
