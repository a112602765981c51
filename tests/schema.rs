//! The SQLite and PostgreSQL migrations are kept in step: after migrating, both databases have
//! the same tables with the same columns, nullability and indexes, and the same triggers'
//! effect (checked by the audit-log tests).

mod common;

use std::collections::BTreeSet;

use common::{Backend, TestApp};

async fn sqlite_schema(app: &TestApp) -> BTreeSet<String> {
    let mut conn = app.db.reader().await.unwrap();
    let cocreate::db::Ex::Sqlite(c) = conn.ex() else { panic!("sqlite") };
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    let mut out = BTreeSet::new();
    for t in tables {
        let cols: Vec<(String, i64)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT name, \"notnull\" FROM pragma_table_info('{t}')")))
                .fetch_all(&mut *c)
                .await
                .unwrap();
        for (name, notnull) in cols {
            out.insert(format!("{t}.{name} not_null={}", notnull == 1));
        }
        let indexes: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT name FROM pragma_index_list('{t}') WHERE origin = 'c'"
        )))
        .fetch_all(&mut *c)
        .await
        .unwrap();
        for i in indexes {
            out.insert(format!("index {i}"));
        }
    }
    out
}

async fn postgres_schema(app: &TestApp) -> BTreeSet<String> {
    let mut conn = app.db.reader().await.unwrap();
    let cocreate::db::Ex::Postgres(c) = conn.ex() else { panic!("postgres") };
    let cols: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    let mut out: BTreeSet<String> =
        cols.into_iter().map(|(t, c, nullable)| format!("{t}.{c} not_null={}", nullable == "NO")).collect();
    // Indexes made by CREATE INDEX (not the primary keys, which SQLite lists apart).
    let indexes: Vec<String> = sqlx::query_scalar(
        "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' \
         AND tablename <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    out.extend(indexes.into_iter().map(|i| format!("index {i}")));
    out
}

/// SQLite reports a PRIMARY KEY column as nullable unless declared NOT NULL; PostgreSQL makes it
/// NOT NULL. Compare with that one known difference taken out.
fn normalise(schema: BTreeSet<String>, pk_columns: &BTreeSet<String>) -> BTreeSet<String> {
    schema
        .into_iter()
        .map(|line| {
            let col = line.split(' ').next().unwrap().to_string();
            if pk_columns.contains(&col) { format!("{col} not_null=true") } else { line }
        })
        .collect()
}

mod the_two_schemas_match {
    use super::*;

    #[tokio::test]
    async fn postgres() {
        let lite = TestApp::spawn(Backend::Sqlite).await;
        let pg = TestApp::spawn(Backend::Postgres).await;
        let mut conn = lite.db.reader().await.unwrap();
        let cocreate::db::Ex::Sqlite(c) = conn.ex() else { panic!() };
        let pks: Vec<(String, String)> = sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.pk > 0",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        drop(conn);
        let pk_columns: BTreeSet<String> = pks.into_iter().map(|(t, c)| format!("{t}.{c}")).collect();
        let lite_schema = normalise(sqlite_schema(&lite).await, &pk_columns);
        let pg_schema = normalise(postgres_schema(&pg).await, &pk_columns);
        assert!(lite_schema.iter().any(|l| l.starts_with("accounts.email")), "{lite_schema:?}");
        let only_lite: Vec<_> = lite_schema.difference(&pg_schema).collect();
        let only_pg: Vec<_> = pg_schema.difference(&lite_schema).collect();
        assert!(
            only_lite.is_empty() && only_pg.is_empty(),
            "only in SQLite: {only_lite:?}\nonly in PostgreSQL: {only_pg:?}"
        );
    }
}

/// The migration that moved snapshots out of the designs' rows keeps every published design's
/// snapshot: a database with designs from before it (one published, one draft) comes out with
/// the published one's snapshot in `design_snapshots`, and nothing for the draft.
mod snapshots_survive_their_move_to_a_table_of_their_own {
    use std::borrow::Cow;

    use cocreate::db::{Db, Ex, migrator};
    use sqlx::migrate::Migrator;

    use super::*;

    const MOVED_IN: i64 = 20261207000010;

    /// Designs as the schema before the move held them: (id, status, snapshot).
    async fn insert_old_designs(mut ex: Ex<'_>, rows: &[(uuid::Uuid, &str, Option<&str>)]) {
        let insert = "INSERT INTO designs (id, creator_id, template_id, status, name, story, tags, currency, price, \
                      kcal, allergens, dietary, snapshot, created_at, updated_at) \
                      VALUES ($1, $3, $3, $2, 'A', '', '', 'EUR', 950, 700, 0, 0, $4, 1, 1)";
        for (id, status, snapshot) in rows {
            let other = uuid::Uuid::now_v7();
            cocreate::on_db!(ex.reborrow(), |c| sqlx::query(insert)
                .bind(*id)
                .bind(*status)
                .bind(other)
                .bind(*snapshot)
                .execute(&mut *c)
                .await
                .map(|_| ()))
            .unwrap();
        }
    }

    async fn run(backend: Backend) {
        let test_db = common::TestDb::create(backend).await;
        let db = Db::connect(&test_db.url).await.unwrap();
        let all = migrator(db.backend());
        let before = Migrator {
            migrations: Cow::Owned(all.iter().filter(|m| m.version < MOVED_IN).cloned().collect()),
            ..Migrator::DEFAULT
        };
        let (published, draft) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let snapshot = r#"{"options":[{"name":"Cheddar"}]}"#;
        let rows = [(published, "published", Some(snapshot)), (draft, "draft", None)];
        // The rows' creator and template do not exist: foreign keys are off for this one setup.
        match &db {
            Db::Sqlite { writer, .. } => {
                before.run(writer).await.unwrap();
                let mut c = writer.acquire().await.unwrap();
                sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *c).await.unwrap();
                insert_old_designs(Ex::Sqlite(&mut c), &rows).await;
                sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *c).await.unwrap();
                drop(c);
                all.run(writer).await.unwrap();
            }
            Db::Postgres(pool) => {
                before.run(pool).await.unwrap();
                let mut tx = pool.begin().await.unwrap();
                sqlx::query("SET LOCAL session_replication_role = replica").execute(&mut *tx).await.unwrap();
                insert_old_designs(Ex::Postgres(&mut tx), &rows).await;
                tx.commit().await.unwrap();
                all.run(pool).await.unwrap();
            }
        }
        let mut conn = db.reader().await.unwrap();
        let moved: Vec<(uuid::Uuid, String)> = cocreate::on_db!(conn.ex(), |c| {
            sqlx::query_as("SELECT design_id, snapshot FROM design_snapshots").fetch_all(&mut *c).await
        })
        .unwrap();
        assert_eq!(moved, vec![(published, snapshot.to_string())]);
        let still_there: Result<Vec<(Option<String>,)>, _> = cocreate::on_db!(conn.ex(), |c| {
            sqlx::query_as("SELECT snapshot FROM designs").fetch_all(&mut *c).await
        });
        assert!(still_there.is_err(), "the designs' rows no longer carry a snapshot");
        drop(conn);
        db.close().await;
    }

    #[tokio::test]
    async fn sqlite() {
        run(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        run(Backend::Postgres).await;
    }
}
