//! Demo data for `make run`: the brand team, a dozen creators, the menu's templates and the
//! designs the community has published, and the brand's answers to the first shortlisted ones.
//! Loading it twice changes nothing (what exists is left as it is).

mod art;
pub mod brand;
pub mod menu;

use crate::accounts::domain::{Email, Role};
use crate::accounts::repo;
use crate::db::Db;

/// Where links in the demo's emails point (the address `make run` serves).
pub const DEMO_SITE: &str = "http://localhost:8080";

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

/// More creators, so the community has a dozen voices (same password).
pub const CREATORS: &[(&str, &str)] = &[
    ("chloe@cocreate.demo", "Chloé Bernard"),
    ("hugo@cocreate.demo", "Hugo Petit"),
    ("ines@cocreate.demo", "Inès Moreau"),
    ("lucas@cocreate.demo", "Lucas Girard"),
    ("jade@cocreate.demo", "Jade Lambert"),
    ("nina@cocreate.demo", "Nina Rousseau"),
    ("omar@cocreate.demo", "Omar Haddad"),
    ("priya@cocreate.demo", "Priya Shah"),
    ("sam@cocreate.demo", "Sam Taylor"),
    ("tom@cocreate.demo", "Tom Fischer"),
];

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let people = ACCOUNTS
        .iter()
        .map(|a| (a.email, a.display_name, a.role))
        .chain(CREATORS.iter().map(|(email, name)| (*email, *name, Role::Customer)));
    let mut creators = Vec::new();
    let mut brand_voice = None;
    let mut curator = None;
    for (email, display_name, role) in people {
        let email = Email::parse(email).map_err(|i| anyhow::anyhow!(i.message))?;
        let existing = {
            let mut conn = db.reader().await?;
            repo::find_account_by_email(conn.ex(), email.as_str()).await?.map(|a| a.id)
        };
        let id = match existing {
            Some(id) => id,
            None => {
                let id = crate::cli::create_user(db, email.as_str(), Some(display_name), DEMO_PASSWORD, role).await?;
                // The community has been here for two months, so its ratings count.
                let mut tx = db.begin().await?;
                repo::backdate_account(tx.ex(), id, crate::db::now_ms() - 60 * crate::community::promotion::DAY_MS)
                    .await?;
                tx.commit().await?;
                id
            }
        };
        if role == Role::Customer {
            creators.push(id);
        }
        if role == Role::CommunityManager {
            brand_voice = Some(id);
        }
        if role == Role::Curator {
            curator = Some(id);
        }
    }
    let favourite = menu::seed(db, &creators, brand_voice).await?;
    if let (Some(favourite), Some(curator)) = (favourite, curator) {
        brand::seed(db, curator, favourite).await?;
    }
    Ok(())
}

pub fn print_logins() {
    println!("Demo logins (password for all: {DEMO_PASSWORD}):");
    for a in ACCOUNTS {
        println!("  {:<26} {}", a.email, a.what);
    }
    println!(
        "  and {} more creators: {}",
        CREATORS.len(),
        CREATORS.iter().map(|(e, _)| *e).collect::<Vec<_>>().join(", ")
    );
}
