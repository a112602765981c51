//! The account's domain types. Input becomes one of these once, at the edge; the code inside
//! never checks them again.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::error::{Issue, required};

/// A normalised email address (trimmed, lower-cased): the account's unique login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Email, Issue> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(Issue::required());
        }
        if email.chars().count() > Self::MAX_LEN {
            return Err(Issue::new("too_long", format!("An email has at most {} characters.", Self::MAX_LEN)));
        }
        let invalid = || Issue::new("invalid_email", "This is not a valid email address.");
        let (local, domain) = email.rsplit_once('@').ok_or_else(invalid)?;
        let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c);
        if local.is_empty()
            || local.len() > 64
            || local.chars().any(forbidden)
            || domain.len() < 3
            || !domain.contains('.')
            || domain.starts_with(['.', '-'])
            || domain.ends_with(['.', '-'])
            || domain.contains("..")
            || !domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        {
            return Err(invalid());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name shown beside a person's designs and comments. Letters, digits, spaces and a little
/// punctuation (`' ’ - . _`): no markup, nothing a page or a query could mistake for code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_LEN: usize = 60;

    pub fn parse(raw: &str) -> Result<DisplayName, Issue> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(Issue::required());
        }
        if name.chars().count() > Self::MAX_LEN {
            return Err(Issue::new("too_long", format!("A display name has at most {} characters.", Self::MAX_LEN)));
        }
        let allowed = |c: char| c.is_alphanumeric() || c == ' ' || "'’-._".contains(c) || is_combining_mark(c);
        if let Some(bad) = name.chars().find(|c| !allowed(*c)) {
            return Err(Issue::new(
                "invalid_characters",
                format!("A display name may hold letters, digits, spaces and ' - . _ only (not {bad:?})."),
            ));
        }
        Ok(DisplayName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Combining diacritical marks, so a name typed in decomposed form (e + ́) is accepted.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A new password as typed: any characters, 10 to 128 of them. It is hashed and dropped; it
/// never reaches a log (`Debug` hides it).
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN_LEN: usize = 10;
    pub const MAX_LEN: usize = 128;

    pub fn parse(raw: &str) -> Result<Password, Issue> {
        let n = raw.chars().count();
        if n == 0 {
            return Err(Issue::required());
        }
        if n < Self::MIN_LEN {
            return Err(Issue::new("too_short", format!("A password has at least {} characters.", Self::MIN_LEN)));
        }
        if n > Self::MAX_LEN {
            return Err(Issue::new("too_long", format!("A password has at most {} characters.", Self::MAX_LEN)));
        }
        Ok(Password(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// What a person may do. Everyone is a `customer`; the others are granted by an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Curator,
    CommunityManager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Customer, Role::Curator, Role::CommunityManager, Role::Admin];
    /// The roles that speak and act for the brand.
    pub const BRAND: &'static [Role] = &[Role::Curator, Role::CommunityManager, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Curator => "curator",
            Role::CommunityManager => "community_manager",
            Role::Admin => "admin",
        }
    }

    /// Whether an admin can grant or revoke it (`customer` belongs to everyone).
    pub fn is_grantable(self) -> bool {
        self != Role::Customer
    }
}

impl FromStr for Role {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Role, Issue> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| {
            Issue::new("unknown_role", "The role is one of customer, curator, community_manager, admin.")
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(Email::parse("  Alice@Example.COM ").unwrap().as_str(), "alice@example.com");
        assert_eq!(Email::parse("o'brien+tag@mail.example.ie").unwrap().as_str(), "o'brien+tag@mail.example.ie");
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in
            ["", "plain", "a@b", "a@@b.com", "' OR 1=1 --@x.com", "<script>@x.com", "a@-x.com", "a b@x.com", "a@x..com"]
        {
            assert!(Email::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_names_refuse_markup_and_sql() {
        assert_eq!(DisplayName::parse("  Zoë   O'Brien-Smith ").unwrap().as_str(), "Zoë O'Brien-Smith");
        assert_eq!(DisplayName::parse("Renée Ça").unwrap().as_str(), "Renée Ça");
        for bad in ["<b>bold</b>", "Robert'); DROP TABLE accounts;--", "a\u{0000}b", "   "] {
            assert!(DisplayName::parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(DisplayName::parse(&"x".repeat(61)).unwrap_err().code, "too_long");
    }

    #[test]
    fn passwords_have_bounds_in_characters() {
        assert_eq!(Password::parse("short").unwrap_err().code, "too_short");
        assert!(Password::parse("éééééééééé").is_ok());
        assert_eq!(Password::parse(&"x".repeat(129)).unwrap_err().code, "too_long");
        assert!(!format!("{:?}", Password::parse("super-secret-1").unwrap()).contains("secret"));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
        assert!("root".parse::<Role>().is_err());
    }

    proptest! {
        #[test]
        fn a_parsed_display_name_parses_to_itself(s in "\\PC{0,80}") {
            if let Ok(name) = DisplayName::parse(&s) {
                prop_assert_eq!(DisplayName::parse(name.as_str()).unwrap(), name.clone());
                prop_assert!(!name.as_str().contains(['<', '>', ';', '(', ')']));
            }
        }

        #[test]
        fn a_parsed_email_parses_to_itself(s in "[a-zA-Z0-9.+'_-]{1,20}@[a-zA-Z0-9-]{1,10}\\.[a-z]{2,5}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e);
            }
        }
    }
}
