//! Target 3: origin lookup cost against the size of the allow-list.
//!
//! The engine's origin check on a prebuilt header map, for policies built with the run-time builder
//! (the same table code as `#[cors]`):
//! - group `origins`: 1, 10, 100 and 1000 exact origins, a hit and a miss; beside it, actix-cors's
//!   model (`HashSet<HeaderValue>` with the std hasher, which is what actix-cors keeps, and the
//!   same `HeaderMap::get` first);
//! - group `wildcards`: 100 exact origins plus 0, 10 or 100 `*.` wildcards; an exact hit, a
//!   wildcard hit, an ordinary miss, and a worst-case miss (a 319-byte origin of one-letter
//!   labels, each of whose suffixes is a candidate key).
//!
//! After the timings it prints the allocations per lookup (expected: none).

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

use actix_web::http::header::{HeaderMap, HeaderValue, ORIGIN};
use cors_bench::{CountingAlloc, Counts, measuring, save, scale_origins};
use cors_runtime::__private::engine::allow_origin;
use cors_runtime::Policy;
use criterion::{BenchmarkId, Criterion};
use serde_json::json;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const SIZES: [usize; 4] = [1, 10, 100, 1000];
const WILDCARDS: [usize; 3] = [0, 10, 100];
/// Exact origins beside the wildcards.
const WITH_WILDCARDS: usize = 100;

fn policy(origins: &[String]) -> Policy {
    Policy::builder().origins(origins.iter().cloned()).methods(["GET"]).build().expect("a valid policy")
}

fn headers(origin: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(ORIGIN, HeaderValue::from_str(origin).expect("a header value"));
    h
}

/// A miss that makes the wildcard matcher try every suffix: 150 one-letter labels.
fn deep_miss() -> String {
    format!("https://{}example.org", "a.".repeat(150))
}

fn allowed(p: &Policy, h: &HeaderMap) -> bool {
    allow_origin(p, black_box(h)).is_ok()
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let miss = headers("https://evil.example.com");
    let mut allocs = serde_json::Map::new();

    let mut g = c.benchmark_group("origins");
    for n in SIZES {
        let origins = scale_origins(n, 0);
        let p = policy(&origins);
        let hit = headers(&origins[n / 2]);
        assert!(allowed(&p, &hit) && !allowed(&p, &miss), "{n} origins");
        let set: HashSet<HeaderValue> = origins.iter().map(|o| HeaderValue::from_str(o).unwrap()).collect();
        let in_set = |h: &HeaderMap| h.get(ORIGIN).is_some_and(|o| set.contains(o));
        assert!(in_set(&hit) && !in_set(&miss));
        g.bench_with_input(BenchmarkId::new("hit", n), &hit, |b, h| b.iter(|| allowed(&p, h)));
        g.bench_with_input(BenchmarkId::new("miss", n), &miss, |b, h| b.iter(|| allowed(&p, h)));
        g.bench_with_input(BenchmarkId::new("hashset-hit", n), &hit, |b, h| b.iter(|| in_set(black_box(h))));
        g.bench_with_input(BenchmarkId::new("hashset-miss", n), &miss, |b, h| b.iter(|| in_set(black_box(h))));
        for (name, h) in [("hit", &hit), ("miss", &miss)] {
            allowed(&p, h);
            let before = Counts::now();
            for _ in 0..1000 {
                allowed(&p, h);
            }
            let n_allocs = before.since().allocations;
            allocs.insert(format!("origins/{name}/{n}"), json!(n_allocs as f64 / 1000.0));
        }
    }
    g.finish();

    let mut g = c.benchmark_group("wildcards");
    let exact_hit = headers("https://o50.example.com");
    let wild_hit = headers("https://app.w5.example.net");
    let deep = headers(&deep_miss());
    for w in WILDCARDS {
        let p = policy(&scale_origins(WITH_WILDCARDS, w));
        assert!(allowed(&p, &exact_hit) && !allowed(&p, &miss) && !allowed(&p, &deep));
        assert_eq!(allowed(&p, &wild_hit), w > 5, "{w} wildcards");
        g.bench_with_input(BenchmarkId::new("exact-hit", w), &exact_hit, |b, h| b.iter(|| allowed(&p, h)));
        if w > 0 {
            g.bench_with_input(BenchmarkId::new("wildcard-hit", w), &wild_hit, |b, h| b.iter(|| allowed(&p, h)));
        }
        g.bench_with_input(BenchmarkId::new("miss", w), &miss, |b, h| b.iter(|| allowed(&p, h)));
        g.bench_with_input(BenchmarkId::new("deep-miss", w), &deep, |b, h| b.iter(|| allowed(&p, h)));
        for (name, h) in [("exact-hit", &exact_hit), ("wildcard-hit", &wild_hit), ("miss", &miss), ("deep-miss", &deep)]
        {
            allowed(&p, h);
            let before = Counts::now();
            for _ in 0..1000 {
                allowed(&p, h);
            }
            let n_allocs = before.since().allocations;
            allocs.insert(format!("wildcards/{name}/{w}"), json!(n_allocs as f64 / 1000.0));
        }
    }
    g.finish();

    if measuring("origins") || measuring("wildcards") {
        let total: f64 = allocs.values().filter_map(serde_json::Value::as_f64).sum();
        println!("\nallocations per lookup, summed over every case: {total}");
        save("matching-allocations", &allocs.into());
    }
    c.final_summary();
}
