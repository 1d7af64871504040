//! What POLICY §4's check of cross-origin writes costs, and what logging a refused origin
//! costs when no `tracing` subscriber listens, side by side in one run.
//!
//! Set-ups, all `#[cors]` routes returning `"ok"`, with the same policy except for the
//! opt-out:
//! - `checked`: `origins = ["https://a.example"]`, so the check applies;
//! - `unchecked`: the same with `dangerously_accept_cross_origin_writes`, so it does not.
//!
//! Requests: `GET` and `POST` from the allowed origin as a browser sends them cross-origin
//! (`Sec-Fetch-Site: cross-site`); a `GET` from an origin the policy does not allow, which is
//! logged at debug level (no subscriber is installed).
//!
//! `cargo bench -p cors-bench --bench writes` prints the interleaved ratios; add `-- ratios`
//! for those alone.

use actix_web::http::header::ORIGIN;
use actix_web::http::{Method, StatusCode};
use actix_web::rt::System;
use actix_web::test::{self, TestRequest};
use actix_web::{App, HttpResponse, get, post, web};
use cors_bench::{Interleaved, Request, measuring, save, timed, warm};
use cors_runtime::cors;

const ALLOWED: &str = "https://a.example";
const OTHER: &str = "https://b.example";

#[cors(origins = ["https://a.example"], headers = ["content-type"])]
#[get("/items")]
async fn checked_get() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://a.example"], headers = ["content-type"])]
#[post("/items")]
async fn checked_post() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://a.example"], headers = ["content-type"], dangerously_accept_cross_origin_writes)]
#[get("/items")]
async fn unchecked_get() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://a.example"], headers = ["content-type"], dangerously_accept_cross_origin_writes)]
#[post("/items")]
async fn unchecked_post() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

fn request(method: Method, path: &str, origin: &str) -> Request {
    let req = TestRequest::default()
        .method(method)
        .uri(path)
        .insert_header((ORIGIN, origin))
        .insert_header(("sec-fetch-site", "cross-site"));
    warm(req.to_request())
}

/// A case: its name, whether it runs on the `checked` app, and its request.
type Case = (&'static str, bool, fn() -> Request);

const CASES: [Case; 5] = [
    ("get/unchecked", false, || request(Method::GET, "/items", ALLOWED)),
    ("get/checked", true, || request(Method::GET, "/items", ALLOWED)),
    ("post/unchecked", false, || request(Method::POST, "/items", ALLOWED)),
    ("post/checked", true, || request(Method::POST, "/items", ALLOWED)),
    ("get-refused-origin/checked", true, || request(Method::GET, "/items", OTHER)),
];

const ROUNDS: usize = 200;
const PER_ROUND: u64 = 2_000;

/// The two apps have the same routes, in the same order, on the same path.
fn checked(cfg: &mut web::ServiceConfig) {
    cfg.service(checked_get).service(checked_post);
}

fn unchecked(cfg: &mut web::ServiceConfig) {
    cfg.service(unchecked_get).service(unchecked_post);
}

fn main() {
    if !measuring("ratios") {
        return;
    }
    let rt = System::new();
    let checked = rt.block_on(test::init_service(App::new().configure(checked)));
    let unchecked = rt.block_on(test::init_service(App::new().configure(unchecked)));
    let run = |i: usize, n: u64| {
        let (_, on_checked, make) = CASES[i];
        if on_checked { timed(&rt, &checked, make, n) } else { timed(&rt, &unchecked, make, n) }
    };
    for (name, on_checked, make) in CASES {
        let res = if on_checked {
            rt.block_on(test::call_service(&checked, make()))
        } else {
            rt.block_on(test::call_service(&unchecked, make()))
        };
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        let allowed = res.headers().contains_key("access-control-allow-origin");
        assert_eq!(allowed, !name.starts_with("get-refused"), "{name}");
    }
    let rounds = Interleaved::run(ROUNDS, CASES.len(), |i| run(i, PER_ROUND).as_nanos() as f64 / PER_ROUND as f64);
    let names = CASES.map(|(name, _, _)| name);
    let ratios = [
        ("get: checked / unchecked", 1, 0),
        ("post: checked / unchecked", 3, 2),
        ("get, refused origin / allowed origin", 4, 1),
    ];
    println!("interleaved, {ROUNDS} rounds of {PER_ROUND} requests per case (ns/request):");
    save("writes", &rounds.report(&names, &ratios));
}
