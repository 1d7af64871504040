//! Target 4: a hostile 1 MiB `Access-Control-Request-Headers` is rejected fast, without
//! allocating in proportion to it.
//!
//! - group `acrh-check`: the engine's preflight check on a prebuilt header map, for each shape of
//!   hostile field, against a browser's ordinary `content-type` request for scale;
//! - group `acrh-app`: the whole preflight through an actix-web `App` with a `#[cors]` route
//!   (the 1 MiB value is shared, so building each request does not copy it).
//!
//! - `hostile-names` (interleaved, as in `requests`): a preflight asking for 64 distinct
//!   mixed-case names of 1,024 bytes (65,599 bytes, under actix-web's limit for a request
//!   head) against a browser's `content-type` preflight, through a `headers = ["*"]` route,
//!   the policy that echoes names: the names are echoed only up to 4,096 bytes in all, so it
//!   is refused without rebuilding them.
//!
//! After the timings it prints allocations and bytes allocated per rejection.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, HeaderValue, ORIGIN,
};
use actix_web::rt::System;
use actix_web::{App, HttpResponse, get, test};
use cors_bench::{CountingAlloc, Counts, Request, allocations, measuring, preflight_request, preflight_with, save};
use cors_runtime::__private::engine::check_preflight;
use cors_runtime::{Policy, cors};
use criterion::Criterion;
use serde_json::json;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const MIB: usize = 1 << 20;

/// `unit` repeated up to 1 MiB.
fn fill(unit: &str) -> String {
    unit.repeat(MIB / unit.len())
}

/// The hostile fields, by name. Each is (close to) 1 MiB on one line, except `lines`.
fn shapes() -> Vec<(&'static str, Vec<HeaderValue>)> {
    let one = |s: String| vec![HeaderValue::from_str(&s).expect("a header value")];
    // The longest scan any policy allows: 64 names of the longest length `headers = ["*"]`
    // accepts (1024 bytes), then the 65th name.
    let long_names = {
        let mut s = vec!["a".repeat(1024); 65].join(",");
        s.push_str(&fill(","));
        s.truncate(MIB);
        s
    };
    vec![
        ("commas", one(fill(","))),
        ("spaces", one(fill(" "))),
        ("tabs-and-commas", one(fill("\t,"))),
        ("allowed-names", one(fill("content-type,"))),
        ("one-long-name", one(fill("a"))),
        ("long-names-any-header", one(long_names)),
        ("lines", vec![HeaderValue::from_static("content-type"); MIB / 12]),
    ]
}

fn headers(acrh: &[HeaderValue]) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(ORIGIN, HeaderValue::from_static(cors_bench::ORIGIN));
    h.insert(ACCESS_CONTROL_REQUEST_METHOD, HeaderValue::from_static("GET"));
    for v in acrh {
        h.append(ACCESS_CONTROL_REQUEST_HEADERS, v.clone());
    }
    h
}

fn policy(headers: &str) -> Policy {
    Policy::builder()
        .origins([cors_bench::ORIGIN])
        .methods(["GET"])
        .headers([headers])
        .max_age(Duration::from_secs(600))
        .build()
        .expect("a valid policy")
}

/// The route that echoes any requested name but `authorization`.
#[cors(origins = ["https://a.example"], headers = ["*"], max_age = 600)]
#[get("/items")]
async fn any_header() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// 64 distinct mixed-case names of 1,024 bytes, built once and shared by every request.
fn hostile_names_request() -> Request {
    static NAMES: OnceLock<HeaderValue> = OnceLock::new();
    let value = NAMES.get_or_init(|| {
        let names: Vec<String> = (0..64).map(|i| format!("X-{i:02}-{}", "aB".repeat(510))[..1024].to_owned()).collect();
        HeaderValue::from_str(&names.join(",")).expect("a header value")
    });
    preflight_with(value.clone())
}

/// The 1 MiB field of commas, built once and shared by every request.
fn hostile_request() -> Request {
    static COMMAS: OnceLock<HeaderValue> = OnceLock::new();
    preflight_with(COMMAS.get_or_init(|| HeaderValue::from_str(&fill(",")).expect("a header value")).clone())
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let named = policy("content-type");
    let any = policy("*");
    let mut out = serde_json::Map::new();

    let mut g = c.benchmark_group("acrh-check");
    let browser = headers(&[HeaderValue::from_static("content-type")]);
    assert!(check_preflight(&named, &browser).is_ok());
    g.bench_function("browser", |b| b.iter(|| check_preflight(&named, black_box(&browser)).is_ok()));
    for (name, acrh) in shapes() {
        let h = headers(&acrh);
        let p = if name.ends_with("any-header") { &any } else { &named };
        assert!(check_preflight(p, &h).is_err(), "{name} is rejected");
        g.bench_function(name, |b| b.iter(|| check_preflight(p, black_box(&h)).is_ok()));
        let before = Counts::now();
        for _ in 0..100 {
            black_box(check_preflight(p, black_box(&h)).is_ok());
        }
        let d = before.since();
        out.insert(
            format!("check/{name}"),
            json!({ "allocations": d.allocations as f64 / 100.0, "bytes": d.bytes as f64 / 100.0 }),
        );
    }
    g.finish();

    let rt = System::new();
    let app = rt.block_on(test::init_service(App::new().configure(cors_bench::ours)));
    let res = rt.block_on(test::call_service(&app, hostile_request()));
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let mut g = c.benchmark_group("acrh-app");
    g.bench_function("browser", |b| b.iter_custom(|n| cors_bench::timed(&rt, &app, preflight_request, n)));
    g.bench_function("commas", |b| b.iter_custom(|n| cors_bench::timed(&rt, &app, hostile_request, n)));
    g.finish();

    if measuring("hostile-names") {
        let app = rt.block_on(test::init_service(App::new().service(any_header)));
        let ok = rt.block_on(test::call_service(&app, preflight_request()));
        assert_eq!(ok.status(), StatusCode::NO_CONTENT);
        let refused = rt.block_on(test::call_service(&app, hostile_names_request()));
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let cases: [fn() -> Request; 2] = [preflight_request, hostile_names_request];
        let rounds = cors_bench::Interleaved::run(200, cases.len(), |i| {
            cors_bench::timed(&rt, &app, cases[i], 500).as_nanos() as f64 / 500.0
        });
        let (ratio, _) = rounds.ratio(1, 0);
        println!("\ninterleaved, 200 rounds of 500 preflights each, headers = [\"*\"] (ns/request):");
        println!("  browser (content-type)       {}", rounds.case(0));
        println!("  64 names of 1,024 bytes      {}", rounds.case(1));
        println!("  ratio hostile / browser      {ratio}");
        save("acrh-hostile-names", &json!({ "ratio": ratio.json() }));
    }

    if measuring("acrh") {
        for (name, make) in [("browser", preflight_request as fn() -> Request), ("commas", hostile_request)] {
            let (n, bytes) = allocations(&rt, &app, make, 2_000);
            out.insert(format!("app/{name}"), json!({ "allocations": n, "bytes": bytes }));
        }
        println!("\nallocations per preflight (steady state, request construction excluded):");
        for (k, v) in &out {
            println!(
                "  {k:<28} {:>6.2} allocations  {:>8.1} bytes",
                v["allocations"].as_f64().unwrap_or(f64::NAN),
                v["bytes"].as_f64().unwrap_or(f64::NAN)
            );
        }
        save("acrh-allocations", &out.into());
    }
    c.final_summary();
}
