//! Fixtures shared by the benchmarks, the throughput server and the report (see BENCHMARKS.md).
//!
//! Every comparison uses the same handler on the same path, in four set-ups:
//! - **bare**: the handler under a plain `#[get]`;
//! - **static**: for `GET`, the handler adding `Access-Control-Allow-Origin` and `Vary` itself;
//!   for preflights, bare plus a hand-written `#[options]` handler answering with the same
//!   headers as `#[cors]`. Every value comes from `HeaderValue::from_static` and nothing is
//!   checked: the practical limit of any CORS layer;
//! - **ours**: the handler under `#[cors]`;
//! - **actix-cors**: bare, behind an app-level `actix_cors::Cors` with the same policy.

use std::hint::black_box;
use std::time::{Duration, Instant};

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderValue, ORIGIN as ORIGIN_HEADER, VARY,
};
use actix_web::http::{Method, header};
use actix_web::rt::SystemRunner;
use actix_web::test::TestRequest;
use actix_web::{Error, HttpResponse, get, options, web};
use cors_runtime::cors;

pub use actix_http::Request;

/// The allowed origin every request sends.
pub const ORIGIN: &str = "https://a.example";
/// The path of every route.
pub const PATH: &str = "/items";
/// The body every handler returns.
pub const BODY: &str = "ok";

/// The handler without CORS.
#[get("/items")]
pub async fn bare_get() -> HttpResponse {
    HttpResponse::Ok().body(BODY)
}

/// The same handler under `#[cors]`.
#[cors(origins = ["https://a.example"], headers = ["content-type"], max_age = 600)]
#[get("/items")]
pub async fn cors_get() -> HttpResponse {
    HttpResponse::Ok().body(BODY)
}

/// The bare handler adding, itself, the two headers `#[cors]` adds to an allowed `GET`, from
/// `HeaderValue::from_static` and checking nothing: what any CORS layer has to cost at least.
#[get("/items")]
pub async fn static_get() -> HttpResponse {
    let mut res = HttpResponse::Ok().body(BODY);
    let h = res.headers_mut();
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static(ORIGIN));
    h.append(VARY, HeaderValue::from_static("Origin"));
    res
}

/// A hand-written preflight answer with exactly the headers `#[cors]` sends, checking nothing.
#[options("/items")]
pub async fn static_preflight() -> HttpResponse {
    let mut res = HttpResponse::new(StatusCode::NO_CONTENT);
    let h = res.headers_mut();
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static(ORIGIN));
    h.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET"));
    h.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
    h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    h.insert(VARY, HeaderValue::from_static("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
    res
}

/// The bare route.
pub fn bare(cfg: &mut web::ServiceConfig) {
    cfg.service(bare_get);
}

/// The route adding the CORS headers itself.
pub fn static_headers(cfg: &mut web::ServiceConfig) {
    cfg.service(static_get);
}

/// The bare route and the hand-written preflight, registered in the order `#[cors]` uses (the
/// other order would cost the preflight more: actix-web's method guard allocates when it fails).
pub fn with_static_preflight(cfg: &mut web::ServiceConfig) {
    cfg.service(static_preflight).service(bare_get);
}

/// The `#[cors]` route.
pub fn ours(cfg: &mut web::ServiceConfig) {
    cfg.service(cors_get);
}

/// actix-cors configured like `cors_get`, for `App::wrap`.
pub fn actix_cors() -> actix_cors::Cors {
    actix_cors::Cors::default()
        .allowed_origin(ORIGIN)
        .allowed_methods([Method::GET])
        .allowed_header(header::CONTENT_TYPE)
        .max_age(600)
}

/// A `GET` from the allowed origin.
pub fn get_request() -> Request {
    warm(TestRequest::get().uri(PATH).insert_header((ORIGIN_HEADER, ORIGIN)).to_request())
}

/// A browser's preflight for a `GET` with a `content-type` header, from the allowed origin.
/// (Every header value is a copied, then shared, buffer, as in a parsed request; a
/// `from_static` value would make echoing it cheaper than it is on a server.)
pub fn preflight_request() -> Request {
    preflight_with(HeaderValue::from_str("content-type").expect("a header value"))
}

/// A preflight from the allowed origin asking for `GET` with this `Access-Control-Request-Headers`.
pub fn preflight_with(acrh: HeaderValue) -> Request {
    warm(
        TestRequest::default()
            .method(Method::OPTIONS)
            .uri(PATH)
            .insert_header((ORIGIN_HEADER, ORIGIN))
            .insert_header((ACCESS_CONTROL_REQUEST_METHOD, "GET"))
            .insert_header((ACCESS_CONTROL_REQUEST_HEADERS, acrh))
            .to_request(),
    )
}

/// Clones every header value once, so that request construction pays for it, not the service.
///
/// A test-built `HeaderValue` owns a unique buffer whose first clone allocates (it becomes
/// reference-counted); a server-parsed one already shares the read buffer, and cloning it only
/// bumps a count. Without this, a service that echoes the request's `Origin` would be charged
/// an allocation that no real request causes.
pub fn warm(req: Request) -> Request {
    for (_, v) in req.head().headers.iter() {
        drop(v.clone());
    }
    req
}

pub use cors_test_support::counting::{CountingAlloc, Counts};

/// Origins for the matching-scale benchmark: `n` exact ones, and `w` `*.` wildcards.
pub fn scale_origins(n: usize, w: usize) -> Vec<String> {
    let exact = (0..n).map(|i| format!("https://o{i}.example.com"));
    let wild = (0..w).map(|i| format!("https://*.w{i}.example.net"));
    exact.chain(wild).collect()
}

/// Where criterion writes its results, and where the benchmarks add theirs: the same rule
/// as criterion's (`CRITERION_HOME`, else `CARGO_TARGET_DIR/criterion`, else the workspace's
/// `target/criterion`).
pub fn criterion_dir() -> std::path::PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return std::path::Path::new(&target).join("criterion");
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
}

/// Saves `value` as `<criterion dir>/extra/<name>.json`, for the report.
pub fn save(name: &str, value: &serde_json::Value) {
    let dir = criterion_dir().join("extra");
    std::fs::create_dir_all(&dir).expect("create the results directory");
    let text = serde_json::to_string_pretty(value).expect("serialise results");
    std::fs::write(dir.join(format!("{name}.json")), text).expect("write results");
}

/// Minimum, median and maximum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The smallest value.
    pub min: f64,
    /// The median.
    pub median: f64,
    /// The largest value.
    pub max: f64,
}

impl Spread {
    /// The spread of `values` (not empty).
    pub fn of(values: &[f64]) -> Spread {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
        Spread { min: v[0], median, max: v[n - 1] }
    }

    /// As JSON, for [`save`].
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({ "min": self.min, "median": self.median, "max": self.max })
    }
}

impl std::fmt::Display for Spread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} (min {:.3}, max {:.3})", self.median, self.min, self.max)
    }
}

/// Cases timed side by side: in each round every case runs once, in an order that alternates
/// between rounds, so that cases compared within a round saw the same machine load and
/// neither end of a round is favoured. On a shared machine only such ratios are results.
#[derive(Clone, Debug)]
pub struct Interleaved {
    /// Nanoseconds per operation, one row per round, one column per case.
    rounds: Vec<Vec<f64>>,
}

impl Interleaved {
    /// Runs `rounds` rounds of `cases` cases; `ns(i)` times case `i` once and returns its
    /// nanoseconds per operation.
    pub fn run(rounds: usize, cases: usize, mut ns: impl FnMut(usize) -> f64) -> Interleaved {
        let rounds = (0..rounds)
            .map(|r| {
                let mut row = vec![0f64; cases];
                for j in 0..cases {
                    let i = if r % 2 == 0 { j } else { cases - 1 - j };
                    row[i] = ns(i);
                }
                row
            })
            .collect();
        Interleaved { rounds }
    }

    /// Case `i` over the rounds.
    pub fn case(&self, i: usize) -> Spread {
        Spread::of(&self.rounds.iter().map(|row| row[i]).collect::<Vec<_>>())
    }

    /// Case `a` over case `b`: round by round, and the ratio of their fastest rounds.
    pub fn ratio(&self, a: usize, b: usize) -> (Spread, f64) {
        let per_round = Spread::of(&self.rounds.iter().map(|row| row[a] / row[b]).collect::<Vec<_>>());
        (per_round, self.case(a).min / self.case(b).min)
    }

    /// Prints every case (named by `names`) and every ratio `(label, a, b)`, and returns them
    /// as JSON for [`save`].
    pub fn report(&self, names: &[&str], ratios: &[(&str, usize, usize)]) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
        for (i, name) in names.iter().enumerate() {
            let s = self.case(i);
            println!("  {name:<width$} {s}");
            out.insert(format!("ns {name}"), s.json());
        }
        println!("ratios (median, min and max over rounds; then the ratio of the fastest rounds):");
        let width = ratios.iter().map(|(l, _, _)| l.len()).max().unwrap_or(0);
        for &(label, a, b) in ratios {
            let (s, fastest) = self.ratio(a, b);
            println!("  {label:<width$} {s}; fastest {fastest:.3}");
            out.insert(label.into(), serde_json::json!({ "per round": s.json(), "fastest rounds": fastest }));
        }
        out.into()
    }
}

/// Whether a benchmark binary runs for measurements (`cargo bench`), as opposed to the single
/// pass `cargo test --benches` makes, and whether a name passes its command-line filter.
pub fn measuring(name: &str) -> bool {
    let mut args = std::env::args().skip(1);
    let mut bench = false;
    let mut filters = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => bench = true,
            // criterion's options that take a value
            "--warm-up-time"
            | "--measurement-time"
            | "--sample-size"
            | "--save-baseline"
            | "--baseline"
            | "--noise-threshold"
            | "--significance-level"
            | "--confidence-level"
            | "--nresamples"
            | "--profile-time"
            | "--output-format"
            | "--color"
            | "--plotting-backend"
            | "--format" => {
                args.next();
            }
            a if a.starts_with('-') => {}
            a => filters.push(a.to_owned()),
        }
    }
    bench && (filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
}

/// Requests built ahead of each timed stretch (bounds memory, keeps them out of the timing).
const BATCH: u64 = 64;

/// Times `n` calls of `app` on requests from `make`: the call, awaiting the response and
/// dropping it. Building the requests is not timed.
pub fn timed<S, B>(rt: &SystemRunner, app: &S, make: fn() -> Request, n: u64) -> Duration
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
{
    let mut total = Duration::ZERO;
    let mut left = n;
    while left > 0 {
        let k = left.min(BATCH);
        let reqs: Vec<Request> = (0..k).map(|_| make()).collect();
        total += rt.block_on(async {
            let start = Instant::now();
            for req in reqs {
                black_box(app.call(req).await.expect("the service answers"));
            }
            start.elapsed()
        });
        left -= k;
    }
    total
}

/// Allocations and bytes allocated per request, over `n` requests after a warm-up, counted
/// like [`timed`] times: from the call until the response is dropped.
pub fn allocations<S, B>(rt: &SystemRunner, app: &S, make: fn() -> Request, n: u64) -> (f64, f64)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
{
    timed(rt, app, make, 1_000);
    let reqs: Vec<Request> = (0..n).map(|_| make()).collect();
    let before = Counts::now();
    rt.block_on(async {
        for req in reqs {
            black_box(app.call(req).await.expect("the service answers"));
        }
    });
    let d = before.since();
    (d.allocations as f64 / n as f64, d.bytes as f64 / n as f64)
}
