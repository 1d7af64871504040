//! The stores themselves: schema by migration, entries in and out, URLs.

mod common;

use cors_store::OriginStore;
use sqlx::Connection;

use common::*;

async fn migrations_create_the_schema_once(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let first = db.open().await;
    first.insert("acme", ACME).await.unwrap();
    let again = db.open().await; // a second instance, or a restart: nothing to do
    assert_eq!(again.origins("acme").await.unwrap(), [ACME], "the data survives");
    let applied: i64 = match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations").fetch_one(&mut conn).await.unwrap()
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query_scalar("SELECT count(*) FROM cors_store._sqlx_migrations").fetch_one(&mut conn).await.unwrap()
        }
    };
    assert_eq!(applied, 1);
    assert_eq!(first.changes().is_some(), backend == Backend::Postgres, "only PostgreSQL pushes changes");
    db.finish().await;
}

async fn entries_go_in_and_out(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = db.open().await;
    assert!(store.is_empty().await.unwrap());
    assert!(store.insert("acme", "https://b.acme.example").await.unwrap());
    assert!(store.insert("acme", "https://a.acme.example").await.unwrap());
    assert!(!store.insert("acme", "https://a.acme.example").await.unwrap(), "already there");
    assert!(store.insert("globex", "https://a.acme.example").await.unwrap(), "per tenant");
    assert_eq!(store.origins("acme").await.unwrap(), ["https://a.acme.example", "https://b.acme.example"]);
    assert!(store.origins("ACME").await.unwrap().is_empty(), "tenant names are exact");
    assert!(store.remove("acme", "https://a.acme.example").await.unwrap());
    assert!(!store.remove("acme", "https://a.acme.example").await.unwrap());
    assert_eq!(store.origins("globex").await.unwrap(), ["https://a.acme.example"]);
    assert!(!store.is_empty().await.unwrap());
    // The database refuses what no checked write sends: a backstop for other writers.
    assert!(store.insert("", ACME).await.is_err());
    assert!(store.insert("acme", &"x".repeat(327)).await.is_err());
    db.finish().await;
}

async fn connect_picks_the_store_from_the_url(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = cors_store::connect(&db.url).await.unwrap();
    assert!(store.insert("acme", ACME).await.unwrap());
    assert_eq!(store.origins("acme").await.unwrap(), [ACME]);
    db.finish().await;
}

macro_rules! on_both {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(#[actix_web::test] async fn $case() { super::$case(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[actix_web::test] async fn $case() { super::$case(super::Backend::Postgres).await })*
        }
    };
}

on_both!(migrations_create_the_schema_once, entries_go_in_and_out, connect_picks_the_store_from_the_url);

#[actix_web::test]
async fn an_unsupported_url_is_refused_without_echoing_it() {
    let err = cors_store::connect("mysql://app:s3cret@db.internal/app").await.err().expect("refused");
    let text = err.to_string();
    assert!(text.contains("\"mysql\"") && text.contains("sqlite:") && text.contains("postgres://"), "{text}");
    assert!(!text.contains("s3cret"), "{text}");
}
