//! Demo data for `make run`: the brand team and a few customers. Loading it twice changes
//! nothing (an account that exists is left as it is).

use crate::accounts::domain::{Email, Role};
use crate::accounts::repo;
use crate::db::Db;

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "cocreate-demo";

pub struct DemoAccount {
    pub email: &'static str,
    pub display_name: &'static str,
    pub role: Role,
    pub what: &'static str,
}

pub const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@cocreate.demo",
        display_name: "Ada Admin",
        role: Role::Admin,
        what: "brand admin: roles, settings, audit log",
    },
    DemoAccount {
        email: "curator@cocreate.demo",
        display_name: "Camille Curator",
        role: Role::Curator,
        what: "brand curator: templates, review queue, menu",
    },
    DemoAccount {
        email: "community@cocreate.demo",
        display_name: "Max Community",
        role: Role::CommunityManager,
        what: "community manager: speaks for the brand, moderates",
    },
    DemoAccount {
        email: "alice@cocreate.demo",
        display_name: "Alice Martin",
        role: Role::Customer,
        what: "creator: designs burgers, earns royalties",
    },
    DemoAccount {
        email: "bob@cocreate.demo",
        display_name: "Bob Dupont",
        role: Role::Customer,
        what: "voter: rates and comments",
    },
];

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    for a in ACCOUNTS {
        let email = Email::parse(a.email).map_err(|i| anyhow::anyhow!(i.message))?;
        let exists = {
            let mut conn = db.reader().await?;
            repo::find_account_by_email(conn.ex(), email.as_str()).await?.is_some()
        };
        if !exists {
            crate::cli::create_user(db, a.email, Some(a.display_name), DEMO_PASSWORD, a.role).await?;
        }
    }
    Ok(())
}

pub fn print_logins() {
    println!("Demo logins (password for all: {DEMO_PASSWORD}):");
    for a in ACCOUNTS {
        println!("  {:<26} {}", a.email, a.what);
    }
}
