//! At most one load per tenant, whatever the parallelism: 1000 tasks on two worker threads,
//! with the store's answer held back until every task waits for it.

mod common;

use std::sync::atomic::Ordering;
use std::time::Duration;

use common::*;

async fn one_load_for_a_thousand_tasks(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    seed(&origins(db.open().await, Duration::from_secs(30)).build()).await;
    let (store, open) = Counted::gated(db.open().await);
    let reads = store.reads.clone();
    let origins = origins(store, Duration::from_secs(30)).build();
    listening(&origins, backend).await;

    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            let origins = origins.clone();
            let tenant = if i % 2 == 0 { "acme" } else { "globex" };
            tokio::spawn(async move { (tenant, origins.allowed(tenant).await) })
        })
        .collect();
    within(Duration::from_secs(5), || async { reads.load(Ordering::SeqCst) == 2 }).await.expect("both loads start");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(reads.load(Ordering::SeqCst), 2, "one load in flight per tenant");
    open.send_replace(true);
    for task in tasks {
        let (tenant, set) = task.await.expect("the task ends");
        let origin = if tenant == "acme" { ACME } else { GLOBEX };
        assert!(set.expect("a known tenant").allows(origin));
    }
    assert_eq!(reads.load(Ordering::SeqCst), 2, "one load per tenant in all");
    db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_one_load_per_tenant_for_a_thousand_parallel_tasks() {
    one_load_for_a_thousand_tasks(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_one_load_per_tenant_for_a_thousand_parallel_tasks() {
    one_load_for_a_thousand_tasks(Backend::Postgres).await;
}
