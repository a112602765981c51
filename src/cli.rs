//! The command line: `serve`, `migrate`, `seed-demo`, `user create`, `keygen`.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rand::Rng;
use tracing_subscriber::EnvFilter;
use uuid::Uuid;

use crate::accounts::domain::{DisplayName, Email, Password, Role};
use crate::accounts::{passwords, repo, tokens::TokenKeys};
use crate::app::{self, AppState};
use crate::audit;
use crate::db::{Db, now_ms};
use crate::settings::{LogFormat, Settings};

#[derive(Parser, Debug)]
#[command(name = "cocreate", version, about = "The cocreate co-creation marketplace")]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the API and the web app (applies pending migrations first unless told not to).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo accounts (running it again changes nothing).
    SeedDemo,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print a new token signing key for TOKEN_SIGNING_KEY.
    Keygen,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account with a role and print its one-time password (bootstraps the first admin).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Defaults to the part of the email before the @.
        #[arg(long)]
        display_name: Option<String>,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse::<Role>().map_err(|e| e.message)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print(); // --help, --version
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line that names the setting: clap's first line does.
            eprintln!("{}", e.to_string().lines().next().unwrap_or("error: bad arguments"));
            return ExitCode::from(2);
        }
    };
    init_logging(cli.settings.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => return fail(anyhow::anyhow!("cannot start the runtime: {e}")),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn fail(e: anyhow::Error) -> ExitCode {
    eprintln!("error: {e:#}");
    ExitCode::FAILURE
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.settings;
    if !matches!(cli.command, Command::Keygen) {
        settings.validate()?;
    }
    match cli.command {
        Command::Keygen => {
            println!("{}", TokenKeys::generate_base64()?);
            Ok(())
        }
        Command::Migrate => {
            let db = Db::connect(settings.database_url.expose()).await?;
            db.migrate().await?;
            println!("migrations applied");
            db.close().await;
            Ok(())
        }
        Command::SeedDemo => {
            let db = Db::connect(settings.database_url.expose()).await?;
            db.migrate().await?;
            crate::demo::seed(&db).await?;
            crate::demo::print_logins();
            db.close().await;
            Ok(())
        }
        Command::User(UserCommand::Create { email, role, display_name }) => {
            let db = Db::connect(settings.database_url.expose()).await?;
            db.migrate().await?;
            let password = one_time_password();
            create_user(&db, &email, display_name.as_deref(), &password, role).await?;
            println!("created {email} with role {role}");
            println!("initial password (shown once, not stored anywhere; change it after signing in): {password}");
            db.close().await;
            Ok(())
        }
        Command::Serve => serve(settings).await,
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let tokens = TokenKeys::load(&settings)?;
    let db = Db::connect(settings.database_url.expose()).await?;
    if settings.migrate_on_start {
        db.migrate().await?;
    }
    let listener = tokio::net::TcpListener::bind(settings.bind_addr)
        .await
        .map_err(|e| anyhow::anyhow!("BIND_ADDR {} cannot be used: {e}", settings.bind_addr))?;
    let addr = listener.local_addr()?;
    let site = settings.public_url();
    let sender = match &settings.smtp_url {
        Some(url) => Some(crate::mail::Sender::new(url.expose(), &settings.mail_from)?),
        None => {
            tracing::info!("SMTP_URL is not set: emails stay in the outbox, readable by admins at /admin/mail");
            None
        }
    };
    let state = AppState::new(db.clone(), settings, tokens);
    let mut jobs = vec![crate::community::spawn_jobs(db.clone(), site)];
    jobs.extend(sender.map(|s| crate::mail::spawn_sender(db.clone(), s)));
    let (router, _) = app::router(state);
    tracing::info!(%addr, backend = ?db.backend(), "serving");
    // One line on stdout, for people and for scripts that wait for the server.
    println!("cocreate listening on http://{addr}");
    std::io::stdout().flush()?;
    app::serve(listener, router, app::shutdown_signal()).await?;
    jobs.iter().for_each(|j| j.abort());
    db.close().await;
    Ok(())
}

/// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// Creates an account with a role, audited as done from the command line.
pub async fn create_user(
    db: &Db,
    email: &str,
    display_name: Option<&str>,
    password: &str,
    role: Role,
) -> anyhow::Result<Uuid> {
    let email = Email::parse(email).map_err(|i| anyhow::anyhow!("--email: {}", i.message))?;
    let name = display_name.unwrap_or_else(|| email.as_str().split('@').next().unwrap_or("admin"));
    let name = DisplayName::parse(name).map_err(|i| anyhow::anyhow!("--display-name: {}", i.message))?;
    let password = Password::parse(password).map_err(|i| anyhow::anyhow!("password: {}", i.message))?;
    let hash = passwords::hash(&password).await?;
    let id = Uuid::now_v7();
    let now = now_ms();
    let mut tx = db.begin().await?;
    let new = repo::NewAccount { id, email: email.as_str(), display_name: name.as_str(), password_hash: &hash, now };
    use crate::error::OnConstraint;
    repo::insert_account(tx.ex(), new)
        .await
        .on_constraint("accounts_email_key", || crate::error::Error::code(crate::error::ErrorCode::EmailTaken))
        .map_err(|e| match e {
            crate::error::Error::Client { .. } => anyhow::anyhow!("an account with the email {email} already exists"),
            other => anyhow::anyhow!(other),
        })?;
    // An operator typed the address in: it needs no link to prove it.
    repo::mark_email_verified(tx.ex(), id, now).await?;
    if role.is_grantable() {
        repo::grant_role(tx.ex(), id, role, None, now).await?;
        let entry = audit::Entry {
            actor: None,
            action: "role.granted",
            target_type: "account",
            target_id: id.to_string(),
            detail: serde_json::json!({ "role": role, "via": "command line" }),
        };
        audit::record(tx.ex(), entry).await?;
    }
    tx.commit().await?;
    Ok(id)
}
