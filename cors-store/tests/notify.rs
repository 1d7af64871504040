//! PostgreSQL pushes every change to every instance (`LISTEN`/`NOTIFY`): another instance
//! serves it within a second, however long its time-to-live.

mod common;

use std::time::Duration;

use cors_store::{PgStore, StoreOrigins};
use sqlx::Connection;

use common::*;

/// Long enough that only a notification explains a change being served.
const TTL: Duration = Duration::from_secs(3600);
const LIMIT: Duration = Duration::from_secs(1);

async fn serves(origins: &StoreOrigins, tenant: &str, origin: &str) -> bool {
    origins.allowed(tenant).await.is_some_and(|set| set.allows(origin))
}

/// Asserts that `b` serves (or stops serving) `origin` for `tenant` within a second.
async fn within_a_second(b: &StoreOrigins, tenant: &str, origin: &str, served: bool) {
    let took = within(LIMIT * 3, || async { serves(b, tenant, origin).await == served }).await;
    let took = took.unwrap_or_else(|| {
        panic!("{origin} {} for {tenant} after 3 s", if served { "not served" } else { "still served" })
    });
    assert!(took < LIMIT, "{origin} for {tenant}: {took:?}");
}

#[actix_web::test]
async fn a_change_reaches_another_instance_within_a_second() {
    let Some(db) = Db::new(Backend::Postgres).await else { return };
    let a = origins(db.open().await, TTL).build();
    let b = origins(db.open().await, TTL).build();
    seed(&a).await;
    let beta = "https://beta.acme.example";
    assert!(serves(&b, "acme", ACME).await && !serves(&b, "acme", beta).await);
    assert!(!serves(&b, "initech", beta).await, "cached as unknown");

    a.add("acme", beta).await.unwrap();
    within_a_second(&b, "acme", beta, true).await;
    a.add("initech", beta).await.unwrap();
    within_a_second(&b, "initech", beta, true).await;
    a.remove("acme", beta).await.unwrap();
    within_a_second(&b, "acme", beta, false).await;

    // A change made around the application (psql, a migration) is pushed by the trigger.
    assert!(serves(&b, "globex", GLOBEX).await);
    db.exec("DELETE FROM cors_tenant_origins WHERE tenant = 'globex'").await;
    within_a_second(&b, "globex", GLOBEX, false).await;
    db.exec("TRUNCATE cors_tenant_origins").await;
    within_a_second(&b, "acme", ACME, false).await;
    db.finish().await;
}

#[actix_web::test]
async fn changes_still_arrive_after_the_listener_loses_its_connection() {
    let Some(db) = Db::new(Backend::Postgres).await else { return };
    let a = origins(db.open().await, TTL).build();
    let b = origins(db.open().await, TTL).build();
    seed(&a).await;
    assert!(serves(&b, "acme", ACME).await);

    // Cut every listener's connection, and change something before they are back.
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(cut, [true, true], "both instances listen");
    sqlx::query("DELETE FROM cors_store.cors_tenant_origins WHERE tenant = 'acme'").execute(&mut conn).await.unwrap();
    within_a_second(&b, "acme", ACME, false).await;

    // And the feed goes on.
    a.add("acme", ACME).await.unwrap();
    within_a_second(&b, "acme", ACME, true).await;
    db.finish().await;
}

#[actix_web::test]
async fn schemas_keep_their_entries_and_notifications_apart() {
    let Some(db) = Db::new(Backend::Postgres).await else { return };
    let one = PgStore::connect_in_schema(&db.url, "tenants_one").await.unwrap();
    let two = PgStore::connect_in_schema(&db.url, "tenants_two").await.unwrap();
    assert_eq!((one.schema(), two.schema()), ("tenants_one", "tenants_two"));
    let a = origins(one, TTL).build();
    let b = origins(two, TTL).build();
    a.add("acme", ACME).await.unwrap();
    assert!(!serves(&b, "acme", ACME).await);
    let loads = b.stats().loads;
    a.add("acme", "https://beta.acme.example").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(b.stats().loads, loads, "no notification crosses schemas");
    assert!(b.store().is_empty().await.unwrap());

    for bad in ["", "Upper", "1st", "a-b", "x\"; DROP SCHEMA public; --", &"s".repeat(41)] {
        let err = PgStore::connect_in_schema(&db.url, bad).await.unwrap_err();
        assert!(err.to_string().contains("invalid schema name"), "{bad:?}: {err}");
    }
    db.finish().await;
}
