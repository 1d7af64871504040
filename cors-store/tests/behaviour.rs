//! What browsers get from routes whose origins come from the store, through real actix-web
//! services (`#[cors(TENANTS)]` handlers and `Cors::new(&TENANTS)` on a scope), on a real
//! database: every case runs on SQLite and on PostgreSQL.

mod common;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::http::header::VARY;
use cors_store::{OriginStore, WriteError};
use futures_util::future::join_all;

use common::*;

/// Runs each case on both backends, as `sqlite::case` and `postgres::case`.
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

on_both!(
    each_tenant_allows_its_own_origins_only,
    preflights_are_answered_per_tenant,
    cross_origin_writes_run_only_from_the_tenants_origins,
    scope_middleware_serves_the_tenants_origins,
    invalid_writes_are_refused_with_their_violations,
    invalid_stored_entries_are_logged_and_never_served,
    cache_hits_never_query_the_store,
    requests_without_origin_or_tenant_never_query_the_store,
    a_thousand_concurrent_requests_for_a_cold_tenant_cause_one_load,
    writes_are_served_at_once_by_the_instance_that_made_them,
    another_instance_serves_a_change_within_the_ttl,
    a_failing_store_serves_the_last_good_entries_for_the_bound_then_refuses,
    a_closed_store_never_fails_open,
    a_store_checked_without_credentials_serves_no_credentialed_policy,
    odd_input_never_panics,
);

async fn each_tenant_allows_its_own_origins_only(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(30)).build();
    seed(&origins).await;
    let (app, ran) = app!(origins);

    let (status, h) = call(&app, get("/t/acme/me", Some(ACME))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(allows(&h, ACME), "acme's page reads acme's API: {h:?}");
    let (_, h) = call(&app, get("/t/globex/me", Some(GLOBEX))).await;
    assert!(allows(&h, GLOBEX));

    for (path, origin) in
        [("/t/acme/me", GLOBEX), ("/t/globex/me", ACME), ("/t/acme/me", EVIL), ("/t/initech/me", ACME)]
    {
        let (status, h) = call(&app, get(path, Some(origin))).await;
        assert_eq!(status, StatusCode::OK, "a GET runs; the browser just cannot read it");
        assert!(no_cors(&h), "{origin} on {path}: {h:?}");
        assert_eq!(h.get(VARY).map(|v| v.as_bytes()), Some(&b"Origin"[..]));
    }
    assert_eq!(ran.0.load(Ordering::SeqCst), 6);
    db.finish().await;
}

/// A store built for a policy without `credentials` admits wildcards over public suffixes,
/// which a credentialed policy must never serve: the engine allows it no origin at all.
async fn a_store_checked_without_credentials_serves_no_credentialed_policy(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(30)).credentials(false).build();
    seed(&origins).await;
    assert!(origins.add("acme", "https://*.github.io").await.expect("valid without credentials"));
    let (app, ran) = app!(origins);
    let loads = origins.stats().loads;

    for (path, origin) in [("/t/acme/me", ACME), ("/s/acme/me", ACME), ("/t/acme/me", "https://evil.github.io")] {
        let (status, h) = call(&app, get(path, Some(origin))).await;
        assert!(status.is_success(), "{status}");
        assert!(no_cors(&h), "{origin} on {path}: {h:?}");
    }
    let (status, h) = call(&app, preflight("/t/acme/notes", ACME, "POST", Some("content-type"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(no_cors(&h));
    assert_eq!(origins.stats().loads, loads, "the store is not even asked");
    assert_eq!(ran.0.load(Ordering::SeqCst), 3);
    db.finish().await;
}

async fn preflights_are_answered_per_tenant(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(30)).build();
    seed(&origins).await;
    let (app, ran) = app!(origins);

    let (status, h) = call(&app, preflight("/t/acme/notes", ACME, "POST", Some("content-type"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(allows(&h, ACME));
    assert_eq!(h.get("access-control-allow-methods").unwrap(), "POST");
    assert_eq!(h.get("access-control-allow-headers").unwrap(), "content-type");

    for (path, origin, header) in [
        ("/t/acme/notes", GLOBEX, "content-type"),
        ("/t/globex/notes", ACME, "content-type"),
        ("/t/initech/notes", ACME, "content-type"),
        ("/t/acme/notes", ACME, "x-not-allowed"),
    ] {
        let (status, h) = call(&app, preflight(path, origin, "POST", Some(header))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin} on {path} with {header}");
        assert!(no_cors(&h));
    }
    assert_eq!(ran.0.load(Ordering::SeqCst), 0, "a preflight never reaches a handler");
    db.finish().await;
}

async fn cross_origin_writes_run_only_from_the_tenants_origins(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(30)).build();
    seed(&origins).await;
    let (app, ran) = app!(origins);

    // POLICY §4: a cross-site write from a page the tenant did not register never runs.
    for (path, origin) in [("/t/acme/notes", EVIL), ("/t/acme/notes", GLOBEX), ("/t/initech/notes", ACME)] {
        let (status, h) = call(&app, post_note(path, origin)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin} posting to {path}");
        assert!(no_cors(&h));
    }
    assert_eq!(ran.0.load(Ordering::SeqCst), 0, "refused writes never reach the handler");

    let (status, h) = call(&app, post_note("/t/acme/notes", ACME)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(allows(&h, ACME));
    assert_eq!(ran.0.load(Ordering::SeqCst), 1);

    // A same-origin write needs no registration.
    let same = post_note("/t/acme/notes", EVIL).insert_header(("sec-fetch-site", "same-origin"));
    assert_eq!(call(&app, same).await.0, StatusCode::CREATED);
    db.finish().await;
}

async fn scope_middleware_serves_the_tenants_origins(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(30)).build();
    seed(&origins).await;
    let (app, ran) = app!(origins);

    let (_, h) = call(&app, get("/s/acme/me", Some(ACME))).await;
    assert!(allows(&h, ACME));
    let (_, h) = call(&app, get("/s/acme/me", Some(GLOBEX))).await;
    assert!(no_cors(&h));
    let (status, h) = call(&app, preflight("/s/acme/notes", ACME, "POST", Some("content-type"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(allows(&h, ACME));
    assert_eq!(call(&app, preflight("/s/globex/notes", ACME, "POST", None)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(call(&app, post_note("/s/globex/notes", ACME)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(call(&app, post_note("/s/globex/notes", GLOBEX)).await.0, StatusCode::CREATED);
    assert_eq!(ran.0.load(Ordering::SeqCst), 3);
    db.finish().await;
}

async fn invalid_writes_are_refused_with_their_violations(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = db.open().await;
    let origins = origins(store.clone(), Duration::from_secs(30)).build();

    for bad in [
        "http://app.acme.example",
        "https://App.acme.example",
        "https://app.acme.example/",
        "https://app.acme.example:443",
        "https://*.github.io", // credentialed: a public suffix
        "https://localhost:3000",
        "*",
        "null",
        "",
        "app.acme.example",
    ] {
        let Err(WriteError::Invalid(violations)) = origins.add("acme", bad).await else {
            panic!("{bad:?} was accepted");
        };
        assert!(violations.iter().all(|v| !v.message.is_empty() && !v.fix.is_empty()), "{bad:?}: {violations}");
    }
    for bad in ["", "line\nbreak", &"t".repeat(256)] {
        let Err(WriteError::Tenant(e)) = origins.add(bad, ACME).await else { panic!("tenant {bad:?} was accepted") };
        assert!(!e.message.is_empty() && !e.fix.is_empty());
    }
    assert!(store.is_empty().await.unwrap(), "nothing refused was written");
    db.finish().await;
}

async fn invalid_stored_entries_are_logged_and_never_served(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = db.open().await;
    // Rows written around the checks (another tool, an older release): loaded, checked, left out.
    for bad in ["http://old.acme.example", "https://Upper.acme.example", "*", "null", "https://*.github.io"] {
        store.insert("acme", bad).await.unwrap();
    }
    store.insert("acme", ACME).await.unwrap();
    let origins = origins(store.clone(), Duration::from_secs(30)).build();
    listening(&origins, backend).await;
    let (app, _) = app!(origins);

    let (logs, _guard) = Logs::capture();
    let (_, h) = call(&app, get("/t/acme/me", Some(ACME))).await;
    assert!(allows(&h, ACME), "the valid entry is served");
    for bad in ["http://old.acme.example", "https://Upper.acme.example", "null", "https://evil.github.io"] {
        let (_, h) = call(&app, get("/t/acme/me", Some(bad))).await;
        assert!(no_cors(&h), "{bad} is never served");
    }
    assert_eq!(origins.allowed("acme").await.unwrap().len(), 1);
    for bad in ["http://old.acme.example", "https://Upper.acme.example", "*", "null", "https://*.github.io"] {
        let origin = format!("origin=\"{bad}\"");
        let lines = logs.lines_with(&["WARN", "cors", "stored origin is invalid", "tenant=\"acme\"", &origin]);
        assert_eq!(lines.len(), 1, "one warning for {bad}, with its violations:\n{}", logs.text());
    }
    assert!(
        !logs.lines_with(&["https://Upper.acme.example", "https://upper.acme.example"]).is_empty(),
        "the fix is logged"
    );
    // The administrator sees every stored string, and can remove the bad ones.
    assert_eq!(origins.stored("acme").await.unwrap().len(), 6);
    assert!(origins.remove("acme", "null").await.unwrap());
    db.finish().await;
}

async fn cache_hits_never_query_the_store(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    seed(&origins(db.open().await, Duration::from_secs(30)).build()).await;
    let store = Counted::new(db.open().await);
    let reads = store.reads.clone();
    let origins = origins(store, Duration::from_secs(30)).build();
    listening(&origins, backend).await;
    let (app, _) = app!(origins);

    assert!(allows(&call(&app, get("/t/acme/me", Some(ACME))).await.1, ACME));
    assert!(no_cors(&call(&app, get("/t/initech/me", Some(ACME))).await.1), "unknown tenant");
    assert_eq!(reads.load(Ordering::SeqCst), 2, "one load per tenant, the unknown one included");
    for _ in 0..100 {
        assert!(allows(&call(&app, get("/t/acme/me", Some(ACME))).await.1, ACME));
        assert!(no_cors(&call(&app, get("/t/acme/me", Some(EVIL))).await.1));
        assert_eq!(call(&app, preflight("/t/acme/notes", ACME, "POST", None)).await.0, StatusCode::NO_CONTENT);
        assert_eq!(call(&app, post_note("/t/acme/notes", EVIL)).await.0, StatusCode::FORBIDDEN);
        assert!(no_cors(&call(&app, get("/t/initech/me", Some(ACME))).await.1));
    }
    assert_eq!(reads.load(Ordering::SeqCst), 2, "500 cached answers, no query");
    assert_eq!(origins.stats().loads, 2);
    db.finish().await;
}

async fn requests_without_origin_or_tenant_never_query_the_store(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = Counted::new(db.open().await);
    let reads = store.reads.clone();
    let origins = origins(store, Duration::from_secs(30)).build();
    let (app, ran) = app!(origins);

    // Without `Origin` the answer cannot depend on the tenant's origins: nothing to load.
    for i in 0..50 {
        let (status, h) = call(&app, get(&format!("/t/tenant{i}/me"), None)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(no_cors(&h));
    }
    let long = "t".repeat(300);
    let too_long_origin = format!("https://{}.example", "a".repeat(330));
    for (path, origin) in [
        (format!("/t/{long}/me"), ACME),                     // no tenant is that long
        ("/t/bad%0Aname/me".to_owned(), ACME),               // nor has a control character
        ("/t/acme/me".to_owned(), too_long_origin.as_str()), // no browser sends that
    ] {
        let (_, h) = call(&app, get(&path, Some(origin))).await;
        assert!(no_cors(&h), "{path}");
    }
    assert_eq!(reads.load(Ordering::SeqCst), 0);
    assert_eq!(ran.0.load(Ordering::SeqCst), 53);
    db.finish().await;
}

async fn a_thousand_concurrent_requests_for_a_cold_tenant_cause_one_load(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    seed(&origins(db.open().await, Duration::from_secs(30)).build()).await;
    let (store, open) = Counted::gated(db.open().await);
    let reads = store.reads.clone();
    let origins = origins(store, Duration::from_secs(30)).build();
    listening(&origins, backend).await;
    let (app, _) = app!(origins);

    let requests = join_all((0..1000).map(|_| call(&app, get("/t/acme/me", Some(ACME)))));
    let release = async {
        // Every request is polled before the first load may finish; it is held until then.
        within(Duration::from_secs(5), || async { reads.load(Ordering::SeqCst) > 0 }).await.expect("a load starts");
        tokio::time::sleep(Duration::from_millis(100)).await;
        let in_flight = reads.load(Ordering::SeqCst);
        open.send_replace(true);
        in_flight
    };
    let (answers, in_flight) = tokio::join!(requests, release);
    assert_eq!(in_flight, 1, "one load in flight for 1000 waiting requests");
    assert!(answers.iter().all(|(status, h)| *status == StatusCode::OK && allows(h, ACME)));
    assert_eq!(reads.load(Ordering::SeqCst), 1, "and one load in all");
    assert_eq!(origins.stats().loads, 1);
    db.finish().await;
}

async fn writes_are_served_at_once_by_the_instance_that_made_them(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let origins = origins(db.open().await, Duration::from_secs(3600)).build();
    seed(&origins).await;
    let (app, _) = app!(origins);
    let beta = "https://beta.acme.example";

    assert!(no_cors(&call(&app, get("/t/acme/me", Some(beta))).await.1));
    assert!(no_cors(&call(&app, get("/t/initech/me", Some(beta))).await.1), "cached as unknown");
    assert!(origins.add("acme", beta).await.unwrap());
    assert!(!origins.add("acme", beta).await.unwrap(), "a second add changes nothing");
    assert!(origins.add("initech", beta).await.unwrap());
    assert!(allows(&call(&app, get("/t/acme/me", Some(beta))).await.1, beta), "served at once");
    assert!(allows(&call(&app, get("/t/initech/me", Some(beta))).await.1, beta), "the negative entry is replaced");

    assert!(origins.remove("acme", beta).await.unwrap());
    assert!(!origins.remove("acme", beta).await.unwrap());
    assert!(no_cors(&call(&app, get("/t/acme/me", Some(beta))).await.1), "removed at once");
    assert!(allows(&call(&app, get("/t/acme/me", Some(ACME))).await.1, ACME));
    assert_eq!(origins.stored("acme").await.unwrap(), [ACME]);
    db.finish().await;
}

async fn another_instance_serves_a_change_within_the_ttl(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let ttl = Duration::from_millis(600);
    let a = origins(db.open().await, ttl).build();
    let b = origins(db.open().await, ttl).build();
    seed(&a).await;
    let (app_b, _) = app!(b);
    let beta = "https://beta.acme.example";
    let b_allows = |origin: &'static str| {
        let app = &app_b;
        move || async move { allows(&call(app, get("/t/acme/me", Some(origin))).await.1, origin) }
    };

    assert!(b_allows(ACME)().await && !b_allows(beta)().await);
    a.add("acme", beta).await.unwrap();
    let took = within(ttl * 3, b_allows(beta)).await.expect("B serves the new origin");
    assert!(took <= ttl + Duration::from_millis(200), "within the ttl ({ttl:?}): {took:?}");

    a.remove("acme", beta).await.unwrap();
    let b_refuses = || async { !b_allows(beta)().await };
    let took = within(ttl * 3, b_refuses).await.expect("B stops serving it");
    assert!(took <= ttl + Duration::from_millis(200), "within the ttl ({ttl:?}): {took:?}");
    db.finish().await;
}

async fn a_failing_store_serves_the_last_good_entries_for_the_bound_then_refuses(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let (ttl, max_stale) = (Duration::from_millis(400), Duration::from_millis(1200));
    let origins = origins(db.open().await, ttl)
        .max_stale(max_stale)
        .retry_after(Duration::from_millis(100))
        .load_timeout(Duration::from_millis(500))
        .build();
    seed(&origins).await;
    let (app, _) = app!(origins);
    let (logs, _guard) = Logs::capture();
    let acme_allowed = || async { allows(&call(&app, get("/t/acme/me", Some(ACME))).await.1, ACME) };

    let loaded = Instant::now();
    assert!(acme_allowed().await);
    db.break_it().await;
    // Past the ttl, within the bound: the last good entries.
    tokio::time::sleep(ttl + Duration::from_millis(200)).await;
    assert!(acme_allowed().await, "last good entries within the bound");
    assert!(origins.stats().failed_loads >= 1);
    assert_eq!(
        logs.lines_with(&["ERROR", "cors", "tenant store failed", "tenant=\"acme\""]).len(),
        1,
        "{}",
        logs.text()
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(acme_allowed().await, "still within the bound");

    // Past the bound: refused, and said so.
    let bound = ttl + max_stale;
    tokio::time::sleep((bound + Duration::from_millis(300)).saturating_sub(loaded.elapsed())).await;
    assert!(!acme_allowed().await, "refused after ttl + max_stale");
    assert_eq!(call(&app, post_note("/t/acme/notes", ACME)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(logs.lines_with(&["WARN", "last good origins expired", "tenant=\"acme\""]).len(), 1, "{}", logs.text());

    // The store answers again: served again, without a restart.
    db.repair().await;
    within(Duration::from_secs(3), acme_allowed).await.expect("served again once the store answers");
    assert_eq!(logs.lines_with(&["INFO", "tenant store answers again"]).len(), 1, "{}", logs.text());
    db.finish().await;
}

async fn a_closed_store_never_fails_open(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = db.open().await;
    let origins = origins(store.clone(), Duration::from_millis(200))
        .max_stale(Duration::from_millis(300))
        .retry_after(Duration::from_millis(50))
        .build();
    seed(&origins).await;
    let (app, _) = app!(origins);
    assert!(allows(&call(&app, get("/t/acme/me", Some(ACME))).await.1, ACME));
    store.close().await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    for _ in 0..3 {
        assert!(no_cors(&call(&app, get("/t/acme/me", Some(ACME))).await.1));
        assert!(no_cors(&call(&app, get("/t/globex/me", Some(GLOBEX))).await.1), "a cold tenant too");
        assert_eq!(call(&app, post_note("/t/acme/notes", ACME)).await.0, StatusCode::FORBIDDEN);
    }
    assert!(matches!(origins.add("acme", "https://beta.acme.example").await, Err(WriteError::Store(_))));
    db.finish().await;
}

async fn odd_input_never_panics(backend: Backend) {
    let Some(db) = Db::new(backend).await else { return };
    let store = db.open().await;
    let origins = origins(store.clone(), Duration::from_secs(30)).build();
    let (app, _) = app!(origins);

    // SQL metacharacters are data: bound parameters, never SQL.
    let odd = [
        "o'brien",
        "x'; DROP TABLE cors_tenant_origins; --",
        "100%_off",
        "\"quoted\"",
        "back\\slash",
        "ünïcødé-テナント",
        "a/b",
        &"t".repeat(255),
    ];
    for tenant in odd {
        assert!(origins.add(tenant, ACME).await.unwrap(), "{tenant:?}");
        assert_eq!(origins.stored(tenant).await.unwrap(), [ACME], "{tenant:?}");
    }
    assert_eq!(origins.stored("100%").await.unwrap(), Vec::<String>::new(), "no pattern matching");
    assert!(allows(&call(&app, get("/t/o'brien/me", Some(ACME))).await.1, ACME));
    assert!(allows(
        &call(&app, get("/t/%C3%BCn%C3%AFc%C3%B8d%C3%A9-%E3%83%86%E3%83%8A%E3%83%B3%E3%83%88/me", Some(ACME))).await.1,
        ACME
    ));
    for tenant in odd {
        assert!(origins.remove(tenant, ACME).await.unwrap(), "{tenant:?}");
    }
    assert!(store.is_empty().await.unwrap(), "the table is still there, and empty");

    // Huge and hostile values are refused, not stored, and never panic.
    let huge = format!("https://{}.example", "a".repeat(1 << 20));
    assert!(matches!(origins.add("acme", &huge).await, Err(WriteError::Invalid(_))));
    assert!(matches!(origins.add(&"t".repeat(1 << 20), ACME).await, Err(WriteError::Tenant(_))));
    assert!(matches!(origins.add("acme", "https://a.example\0").await, Err(WriteError::Invalid(_))));
    assert!(!origins.remove("acme", &huge).await.unwrap());
    assert!(origins.stored(&"t".repeat(1 << 20)).await.unwrap().is_empty());
    assert!(origins.allowed("line\nbreak").await.is_none());
    for path in ["/t/%00/me", "/t/%FF%FE/me", "/t/..%2F..%2Fetc/me", "/t/%27%3B--/me"] {
        let (status, h) = call(&app, get(path, Some(ACME))).await;
        assert!(status.is_success() || status.is_client_error(), "{path}: {status}");
        assert!(no_cors(&h), "{path}");
    }
    assert!(store.is_empty().await.unwrap());
    db.finish().await;
}
