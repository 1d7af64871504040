//! Targets 1 and 2: an actual `GET` and a preflight through a full actix-web `App`, in process.
//!
//! Requests are built (and their headers warmed, see [`cors_bench::warm`]) outside the timed
//! loop; the timed part is `Service::call`, awaiting the response and dropping it.
//!
//! Set-ups (see `bench/lib.rs`): `bare`, `static` (the same headers added by hand, the
//! practical limit), `ours` (`#[cors]`) and `actix-cors` (app-level `actix_cors::Cors`).
//! Three measurements, in one run:
//! - criterion groups `get` and `preflight` (time per request);
//! - allocations per request with a counting global allocator;
//! - `ratios`: the set-ups interleaved round by round, so that a change in the machine's load
//!   hits all of them alike; each round gives one ratio, and the spread over rounds is reported.

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap};
use actix_web::rt::{System, SystemRunner};
use actix_web::{App, Error, test};
use cors_bench::{
    CountingAlloc, Interleaved, ORIGIN, Request, allocations, get_request, measuring, preflight_request, save, timed,
};
use criterion::Criterion;
use serde_json::json;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Requests per set-up when counting allocations.
const ALLOC_REQUESTS: u64 = 10_000;
/// Rounds of the interleaved comparison, and requests per set-up in each round.
const ROUNDS: usize = 200;
const PER_ROUND: u64 = 2_000;

/// One response, for the sanity checks.
fn answer<S, B>(rt: &SystemRunner, app: &S, make: fn() -> Request) -> (StatusCode, HeaderMap)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    let res = rt.block_on(test::call_service(app, make()));
    (res.status(), res.headers().clone())
}

fn acao(h: &HeaderMap) -> Option<&[u8]> {
    h.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.as_bytes())
}

/// Sorted `name: value` lines, to compare two responses' headers.
fn lines(h: &HeaderMap) -> Vec<String> {
    let mut v: Vec<String> = h.iter().map(|(n, v)| format!("{n}: {}", v.to_str().unwrap_or("?"))).collect();
    v.sort();
    v
}

/// Every case, as `<request>/<set-up>`; the code below refers to them by index.
const CASES: [&str; 7] = [
    "get/bare",
    "get/static",
    "get/ours",
    "get/actix-cors",
    "preflight/static",
    "preflight/ours",
    "preflight/actix-cors",
];

/// The ratios the targets are about: (label, numerator, denominator), as [`CASES`] indices.
const RATIOS: [(&str, usize, usize); 8] = [
    ("get: ours / bare", 2, 0),
    ("get: static / bare", 1, 0),
    ("get: ours / static", 2, 1),
    ("get: actix-cors / bare", 3, 0),
    ("get: ours / actix-cors", 2, 3),
    ("preflight: ours / static", 5, 4),
    ("preflight: actix-cors / static", 6, 4),
    ("preflight: ours / actix-cors", 5, 6),
];

fn main() {
    let rt = System::new();
    let bare = rt.block_on(test::init_service(App::new().configure(cors_bench::bare)));
    let stat_get = rt.block_on(test::init_service(App::new().configure(cors_bench::static_headers)));
    let stat_pre = rt.block_on(test::init_service(App::new().configure(cors_bench::with_static_preflight)));
    let ours = rt.block_on(test::init_service(App::new().configure(cors_bench::ours)));
    let acx = rt.block_on(test::init_service(App::new().wrap(cors_bench::actix_cors()).configure(cors_bench::bare)));

    // The set-ups must do what they claim before their timings mean anything.
    let o = Some(ORIGIN.as_bytes());
    let (s, h) = answer(&rt, &bare, get_request);
    assert!(s == StatusCode::OK && acao(&h).is_none(), "bare GET: {s} {h:?}");
    let (s, static_get) = answer(&rt, &stat_get, get_request);
    assert_eq!(s, StatusCode::OK, "static GET");
    let (s, h) = answer(&rt, &ours, get_request);
    assert!(s == StatusCode::OK && acao(&h) == o, "#[cors] GET: {s} {h:?}");
    assert_eq!(lines(&h), lines(&static_get), "#[cors] and the static handler answer a GET alike");
    let (s, h) = answer(&rt, &acx, get_request);
    assert!(s == StatusCode::OK && acao(&h) == o, "actix-cors GET: {s} {h:?}");
    let (s, static_pre) = answer(&rt, &stat_pre, preflight_request);
    assert_eq!(s, StatusCode::NO_CONTENT, "static preflight");
    let (s, h) = answer(&rt, &ours, preflight_request);
    assert_eq!(s, StatusCode::NO_CONTENT, "#[cors] preflight: {h:?}");
    assert_eq!(lines(&h), lines(&static_pre), "#[cors] and the static handler answer a preflight alike");
    let (s, h) = answer(&rt, &acx, preflight_request);
    assert!(s == StatusCode::OK && acao(&h) == o, "actix-cors preflight: {s} {h:?}");

    // One entry point per case, so that the loops below can take them in any order.
    let run = |i: usize, n: u64| match i {
        0 => timed(&rt, &bare, get_request, n),
        1 => timed(&rt, &stat_get, get_request, n),
        2 => timed(&rt, &ours, get_request, n),
        3 => timed(&rt, &acx, get_request, n),
        4 => timed(&rt, &stat_pre, preflight_request, n),
        5 => timed(&rt, &ours, preflight_request, n),
        _ => timed(&rt, &acx, preflight_request, n),
    };
    let allocs = |i: usize| match i {
        0 => allocations(&rt, &bare, get_request, ALLOC_REQUESTS),
        1 => allocations(&rt, &stat_get, get_request, ALLOC_REQUESTS),
        2 => allocations(&rt, &ours, get_request, ALLOC_REQUESTS),
        3 => allocations(&rt, &acx, get_request, ALLOC_REQUESTS),
        4 => allocations(&rt, &stat_pre, preflight_request, ALLOC_REQUESTS),
        5 => allocations(&rt, &ours, preflight_request, ALLOC_REQUESTS),
        _ => allocations(&rt, &acx, preflight_request, ALLOC_REQUESTS),
    };

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for group in ["get", "preflight"] {
        let mut g = c.benchmark_group(group);
        for (i, case) in CASES.iter().enumerate() {
            if let Some(name) = case.strip_prefix(group).and_then(|n| n.strip_prefix('/')) {
                g.bench_function(name, |b| b.iter_custom(|iters| run(i, iters)));
            }
        }
        g.finish();
    }

    if measuring("allocations") {
        println!("\nallocations per request (steady state, request construction excluded):");
        let mut out = serde_json::Map::new();
        for (i, case) in CASES.iter().enumerate() {
            let (n, bytes) = allocs(i);
            println!("  {case:<22} {n:>6.2} allocations  {bytes:>8.1} bytes");
            out.insert((*case).into(), json!({ "allocations": n, "bytes": bytes }));
        }
        save("allocations", &out.into());
    }

    if measuring("ratios") {
        let rounds = Interleaved::run(ROUNDS, CASES.len(), |i| run(i, PER_ROUND).as_nanos() as f64 / PER_ROUND as f64);
        println!("\ninterleaved, {ROUNDS} rounds of {PER_ROUND} requests per case (ns/request):");
        save("ratios", &rounds.report(&CASES, &RATIOS));
    }

    c.final_summary();
}
