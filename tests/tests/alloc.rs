//! Heap allocations per request, counted by a global allocator: `#[cors]` must cost no more
//! than the route without it, and its preflight no more than actix-cors's.
//!
//! Counts are exact and deterministic (no timing). Each case warms the app first (actix-web
//! pools request and response heads, so the first requests allocate more), then counts one
//! batch of requests, from the call until the response is dropped.
//!
//! Excluded from the counts: building the requests, and the first clone of each request header
//! value. A test-built `HeaderValue` owns a unique buffer whose first clone allocates a shared
//! reference count; a header parsed by the server already shares its read buffer, and cloning
//! it allocates nothing. Requests are therefore built, and their header values cloned once,
//! before counting starts.

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{self, TestRequest};
use actix_web::{App, Error, HttpResponse, get};
use cors_runtime::cors;
use cors_test_support::counting::{CountingAlloc, Counts};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const ORIGIN: &str = "https://a.example";
const WARM_UP: usize = 200;
const COUNTED: usize = 100;

#[get("/items")]
async fn bare_handler() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://a.example"], headers = ["content-type"], max_age = 600)]
#[get("/items")]
async fn cors_handler() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// A wildcard policy echoes the request's own `Origin` value instead of a static one.
#[cors(origins = ["https://*.example.com"], headers = ["content-type"])]
#[get("/items")]
async fn wildcard_handler() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

fn actix_cors() -> actix_cors::Cors {
    actix_cors::Cors::default()
        .allowed_origin(ORIGIN)
        .allowed_methods([Method::GET])
        .allowed_header(header::CONTENT_TYPE)
        .max_age(600)
}

/// A request as the counted loop receives it: built, with every header value cloned once.
/// (A macro, because the request type comes from `actix-http`, which this package does not
/// name.)
macro_rules! built {
    ($req:expr) => {{
        let req = $req.to_request();
        for (_, v) in req.head().headers.iter() {
            drop(v.clone());
        }
        req
    }};
}

/// A `GET /items`, with this `Origin` if any.
macro_rules! get_request {
    ($origin:expr) => {{
        let req = TestRequest::get().uri("/items");
        built!(match $origin {
            Some(o) => req.insert_header((header::ORIGIN, o)),
            None => req,
        })
    }};
}

/// A preflight from the allowed origin for a `GET` with this `Access-Control-Request-Headers`.
macro_rules! preflight_request {
    ($acrh:expr) => {
        built!(
            TestRequest::default()
                .method(Method::OPTIONS)
                .uri("/items")
                .insert_header((header::ORIGIN, ORIGIN))
                .insert_header((header::ACCESS_CONTROL_REQUEST_METHOD, "GET"))
                .insert_header((header::ACCESS_CONTROL_REQUEST_HEADERS, $acrh))
        )
    };
}

/// Allocations and bytes for [`COUNTED`] requests, after [`WARM_UP`] uncounted ones. The
/// first response must satisfy `check`, so that a set-up that does nothing cannot pass.
async fn counted<S, R, B>(app: &S, make: impl Fn() -> R, check: impl FnOnce(&ServiceResponse<B>)) -> (u64, u64)
where
    S: Service<R, Response = ServiceResponse<B>, Error = Error>,
{
    check(&app.call(make()).await.expect("a response"));
    for _ in 0..WARM_UP {
        drop(app.call(make()).await);
    }
    let reqs: Vec<_> = (0..COUNTED).map(|_| make()).collect();
    let before = Counts::now();
    for req in reqs {
        drop(app.call(req).await.expect("a response"));
    }
    let spent = before.since();
    (spent.allocations, spent.bytes)
}

fn acao<B>(res: &ServiceResponse<B>) -> Option<&[u8]> {
    res.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).map(HeaderValue::as_bytes)
}

#[actix_web::test]
async fn annotated_get_allocates_no_more_than_the_bare_handler() {
    let bare = test::init_service(App::new().service(bare_handler)).await;
    let ours = test::init_service(App::new().service(cors_handler)).await;
    let wild = test::init_service(App::new().service(wildcard_handler)).await;
    let plain = |res: &ServiceResponse| assert!(res.status() == StatusCode::OK && acao(res).is_none());

    for origin in [Some(ORIGIN), Some("https://evil.example"), None] {
        let (base, _) = counted(&bare, || get_request!(origin), plain).await;
        let (n, _) = counted(
            &ours,
            || get_request!(origin),
            |res| {
                assert_eq!(res.status(), StatusCode::OK);
                assert_eq!(acao(res), origin.filter(|&o| o == ORIGIN).map(str::as_bytes), "{origin:?}");
                assert!(res.headers().contains_key(header::VARY));
            },
        )
        .await;
        assert!(n <= base, "Origin {origin:?}: #[cors] {n} allocations, bare {base}, for {COUNTED} requests");
    }

    let sub = "https://app.example.com";
    let (base, _) = counted(&bare, || get_request!(Some(sub)), plain).await;
    let (n, _) = counted(&wild, || get_request!(Some(sub)), |res| assert_eq!(acao(res), Some(sub.as_bytes()))).await;
    assert!(n <= base, "wildcard: #[cors] {n} allocations, bare {base}, for {COUNTED} requests");
}

#[actix_web::test]
async fn annotated_preflight_allocates_no_more_than_actix_cors() {
    let theirs = test::init_service(App::new().wrap(actix_cors()).service(bare_handler)).await;
    let ours = test::init_service(App::new().service(cors_handler)).await;
    let make = || preflight_request!(HeaderValue::from_static("content-type"));

    let (base, _) = counted(&theirs, make, |res| assert_eq!(acao(res), Some(ORIGIN.as_bytes()))).await;
    let (n, _) = counted(&ours, make, |res| {
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(acao(res), Some(ORIGIN.as_bytes()));
        assert_eq!(res.headers().get(header::ACCESS_CONTROL_MAX_AGE).map(HeaderValue::as_bytes), Some(&b"600"[..]));
    })
    .await;
    assert!(n <= base, "preflight: #[cors] {n} allocations, actix-cors {base}, for {COUNTED} requests");
}

#[actix_web::test]
async fn a_huge_request_headers_field_allocates_nothing_in_proportion() {
    let ours = test::init_service(App::new().service(cors_handler)).await;
    let forbidden = |res: &ServiceResponse| assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Built once and shared: cloning a shared value copies nothing.
    let huge = HeaderValue::from_str(&",".repeat(1 << 20)).expect("a header value");
    drop(huge.clone());

    let small = counted(&ours, || preflight_request!(HeaderValue::from_static("x-not-allowed")), forbidden).await;
    let large = counted(&ours, || preflight_request!(huge.clone()), forbidden).await;
    assert_eq!(large, small, "(allocations, bytes) for {COUNTED} rejections: 1 MiB field vs a short one");
}
