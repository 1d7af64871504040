//! The cost of origins from a tenant store (`cors-store`) against a static policy's.
//!
//! A real SQLite store holds 10,000 tenants; [`StoreOrigins`] caches them (time-to-live one
//! hour, so no reload happens while measuring). Cases:
//! - `lookup/static-check`: the engine's origin check for a static policy, on the request's
//!   headers (as in `matching`): the cost a store-backed policy is compared with;
//! - `lookup/tenant-lookup`: `TenantOrigins::lookup` for a cached tenant, the work a request
//!   adds: `Origin` present, the application's tenant function (`match_info`), the cache, the
//!   freshness check, the set's reference count;
//! - `lookup/tenant-check`: the lookup and then the check of the `Origin` against the set;
//! - `lookup/moka-get`: `moka::sync::Cache::get` for the same key, for the choice of cache;
//! - `scale/10`, `scale/10000`: lookups for each cached tenant in turn, from caches holding
//!   10 or 10,000 tenants. The request is the same one each time (a server's request is hot
//!   in the CPU's caches, whatever its tenant); the tenant function names the next tenant.
//!   With 10,000 tenants, entries and origin sets are spread over more memory than the CPU's
//!   caches hold; `scale/10-one`, `scale/10000-one`: always the same tenant, from either cache;
//! - `request/static`, `request/tenant`: a credentialed `GET` through an actix-web `App`,
//!   `#[cors(STATIC)]` against `#[cors(TENANTS)]` (the same policy but for the origins).
//!
//! Criterion times each case; `ratios` then interleaves them round by round, so that the
//! machine's load hits all alike, and reports the median ratio over rounds. Last, the
//! allocations of a cached lookup (expected: none).

use std::cell::Cell;
use std::hint::black_box;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use actix_web::dev::Service;
use actix_web::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue, ORIGIN};
use actix_web::rt::System;
use actix_web::test::{self, TestRequest};
use actix_web::{App, HttpRequest, HttpResponse, get};
use cors_bench::{CountingAlloc, Counts, Interleaved, Request, measuring, save, timed, warm};
use cors_runtime::__private::engine::allow_origin;
use cors_runtime::tenant::{Lookup, OriginSet, TenantOrigins, TenantStores};
use cors_runtime::{Policy, cors, policy};
use cors_store::{OriginStore, SqliteStore, StoreOrigins};
use criterion::Criterion;
use serde_json::json;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const ACME: &str = "https://app.acme.example";
const TENANTS_IN_STORE: usize = 10_000;
const ROUNDS: usize = 200;
const PER_ROUND: u64 = 20_000;
const REQUESTS_PER_ROUND: u64 = 2_000;

static STATIC: Policy = policy!(origins = ["https://app.acme.example"], headers = ["content-type"], credentials);
static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);

#[cors(STATIC)]
#[get("/s/{tenant}/me")]
async fn static_me() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(TENANTS)]
#[get("/t/{tenant}/me")]
async fn tenant_me() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

fn tenant_of(req: &HttpRequest) -> Option<&str> {
    req.match_info().get("tenant")
}

thread_local! {
    /// The tenant [`indexed`] names, by index into [`NAMES`].
    static CURRENT: Cell<usize> = const { Cell::new(0) };
}

/// Every tenant's name.
static NAMES: OnceLock<Vec<String>> = OnceLock::new();

/// The `scale` cases' tenant function: the tenant whose turn it is, whatever the request.
fn indexed(_: &HttpRequest) -> Option<&str> {
    NAMES.get()?.get(CURRENT.get()).map(String::as_str)
}

fn tenant(i: usize) -> String {
    format!("tenant{i:05}")
}

fn origin(i: usize) -> String {
    format!("https://app.tenant{i:05}.example")
}

/// A request to tenant `t`'s route from `origin`, as the engine sees it.
fn http_request(t: &str, origin: &str) -> HttpRequest {
    let path = format!("/t/{t}/me");
    TestRequest::get().uri(&path).insert_header((ORIGIN, origin)).param("tenant", t.to_owned()).to_http_request()
}

fn get_static() -> Request {
    warm(TestRequest::get().uri("/s/acme/me").insert_header((ORIGIN, ACME)).to_request())
}

fn get_tenant() -> Request {
    warm(TestRequest::get().uri("/t/acme/me").insert_header((ORIGIN, ACME)).to_request())
}

/// The cached set, as the hot path hands it to the engine.
fn cached(origins: &StoreOrigins, req: &HttpRequest) -> Option<Arc<OriginSet>> {
    match origins.lookup(req) {
        Lookup::Ready(set) => set,
        Lookup::Pending(_) => panic!("the tenant is cached"),
    }
}

/// The engine's store-backed check: the lookup, then the request's `Origin` against the set.
fn tenant_check(origins: &StoreOrigins, req: &HttpRequest) -> Option<HeaderValue> {
    let set = cached(origins, req)?;
    let origin = req.headers().get(ORIGIN)?;
    set.allows(std::str::from_utf8(origin.as_bytes()).ok()?).then(|| origin.clone())
}

/// Everything the cases run on.
struct Fixture {
    small: StoreOrigins,
    ten: StoreOrigins,
    all: StoreOrigins,
    acme: HttpRequest,
    moka: moka::sync::Cache<Box<str>, Arc<OriginSet>>,
    _dir: tempfile::TempDir,
}

/// A real SQLite store with 10,000 tenants and `acme`; a cache of `acme` for the requests,
/// and for the `scale` cases one of 10 tenants and one of all 10,000.
async fn fixture() -> Fixture {
    NAMES.get_or_init(|| (0..TENANTS_IN_STORE).map(tenant).collect());
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Arc::new(SqliteStore::open(dir.path().join("bench.db")).await.expect("open the store"));
    store.insert("acme", ACME).await.expect("insert");
    for i in 0..TENANTS_IN_STORE {
        store.insert(&tenant(i), &origin(i)).await.expect("insert");
    }
    let hour = Duration::from_secs(3600);
    let small = StoreOrigins::builder("tenants", Arc::clone(&store), tenant_of).ttl(hour).build();
    let ten = StoreOrigins::builder("tenants", Arc::clone(&store), indexed).ttl(hour).build();
    let all = StoreOrigins::builder("tenants", Arc::clone(&store), indexed).ttl(hour).build();
    small.allowed("acme").await.expect("acme");
    for i in 0..TENANTS_IN_STORE {
        if i < 10 {
            ten.allowed(&tenant(i)).await.expect("a tenant");
        }
        all.allowed(&tenant(i)).await.expect("a tenant");
    }
    assert_eq!((ten.stats().cached_tenants, all.stats().cached_tenants), (10, TENANTS_IN_STORE));
    let moka = moka::sync::Cache::builder().max_capacity(100_000).time_to_live(Duration::from_secs(3600)).build();
    moka.insert("acme".into(), small.allowed("acme").await.expect("acme"));
    Fixture { small, ten, all, acme: http_request("acme", ACME), moka, _dir: dir }
}

/// Every case, as `<group>/<name>`; the code below refers to them by index.
const CASES: [&str; 10] = [
    "lookup/static-check",
    "lookup/tenant-lookup",
    "lookup/tenant-check",
    "lookup/moka-get",
    "scale/10",
    "scale/10000",
    "scale/10-one",
    "scale/10000-one",
    "request/static",
    "request/tenant",
];

/// (label, numerator, denominator), as [`CASES`] indices.
const RATIOS: [(&str, usize, usize); 6] = [
    ("cached tenant lookup / static origin check", 1, 0),
    ("tenant lookup + check / static origin check", 2, 0),
    ("moka get / static origin check", 3, 0),
    ("one tenant: 10000 cached / 10 cached", 7, 6),
    ("each request the next tenant: 10000 / 10", 5, 4),
    ("request: tenant / static", 9, 8),
];

/// Runs `n` lookups of `req`, for each of the first `tenants` tenants in turn.
fn cycle(origins: &StoreOrigins, req: &HttpRequest, tenants: usize, n: u64) -> Duration {
    let start = Instant::now();
    for i in 0..n as usize {
        CURRENT.set(i % tenants);
        black_box(cached(origins, black_box(req)));
    }
    start.elapsed()
}

fn main() {
    let rt = System::new();
    let f = rt.block_on(fixture());
    // One application per route, so that routing costs both the same.
    let static_app = rt.block_on(test::init_service(App::new().service(static_me)));
    let tenant_app = rt.block_on(test::init_service(
        App::new().app_data(TenantStores::new().with(f.small.clone())).service(tenant_me),
    ));
    // The cases measure what they claim: both routes allow acme's page, from the cache.
    let statics = rt.block_on(static_app.call(get_static())).expect("an answer");
    let tenants = rt.block_on(tenant_app.call(get_tenant())).expect("an answer");
    for res in [statics, tenants] {
        assert_eq!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.as_bytes()), Some(ACME.as_bytes()));
    }
    assert!(allow_origin(&STATIC, f.acme.headers()).is_ok() && tenant_check(&f.small, &f.acme).is_some());
    let loads = [&f.small, &f.ten, &f.all].map(|o| o.stats().loads);

    let run = |i: usize, n: u64| -> Duration {
        let start = Instant::now();
        match i {
            0 => (0..n).for_each(|_| drop(black_box(allow_origin(&STATIC, black_box(f.acme.headers()))))),
            1 => (0..n).for_each(|_| drop(black_box(cached(&f.small, black_box(&f.acme))))),
            2 => (0..n).for_each(|_| drop(black_box(tenant_check(&f.small, black_box(&f.acme))))),
            3 => (0..n).for_each(|_| drop(black_box(f.moka.get(black_box("acme"))))),
            4 => return cycle(&f.ten, &f.acme, 10, n),
            5 => return cycle(&f.all, &f.acme, TENANTS_IN_STORE, n),
            6 => return cycle(&f.ten, &f.acme, 1, n),
            7 => return cycle(&f.all, &f.acme, 1, n),
            8 => return timed(&rt, &static_app, get_static, n),
            _ => return timed(&rt, &tenant_app, get_tenant, n),
        }
        start.elapsed()
    };

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    for group in ["lookup", "scale", "request"] {
        let mut g = c.benchmark_group(format!("tenant-{group}"));
        for (i, case) in CASES.iter().enumerate() {
            if let Some(name) = case.strip_prefix(group).and_then(|n| n.strip_prefix('/')) {
                g.bench_function(name, |b| b.iter_custom(|iters| run(i, iters)));
            }
        }
        g.finish();
    }

    if measuring("tenant-ratios") {
        ratios(&run);
    }
    if measuring("tenant-allocations") {
        let before = Counts::now();
        run(1, 10_000);
        run(5, 10_000);
        let n = before.since().allocations;
        println!("\nallocations in 20,000 cached lookups: {n}");
        save("tenant-allocations", &json!({ "cached lookups": 20_000, "allocations": n }));
    }
    assert_eq!([&f.small, &f.ten, &f.all].map(|o| o.stats().loads), loads, "no load while measuring");
    c.final_summary();
}

/// The cases interleaved round by round (order alternating), and the ratios over rounds.
fn ratios(run: &dyn Fn(usize, u64) -> Duration) {
    let per = |i: usize| if CASES[i].starts_with("request") { REQUESTS_PER_ROUND } else { PER_ROUND };
    let rounds = Interleaved::run(ROUNDS, CASES.len(), |i| run(i, per(i)).as_nanos() as f64 / per(i) as f64);
    println!("\ninterleaved, {ROUNDS} rounds (ns per lookup or request: median, min, max):");
    save("tenant-ratios", &rounds.report(&CASES, &RATIOS));
}
