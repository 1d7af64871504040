//! How `#[cors]` and `Cors::new` behave next to other code that touches CORS: another CORS
//! middleware, authentication in front, a `default_service`, and handlers that set
//! `Access-Control-*` headers of their own. SECURITY.md describes each case; these tests pin
//! the behaviour it describes.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, AUTHORIZATION, HeaderMap, VARY,
};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, Error, HttpResponse, ResponseError, get, options, put, web};
use cors_runtime::{Cors, Policy, cors, is_preflight};

const APP: &str = "https://app.example.com";
const EVIL: &str = "https://evil.example";

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], max_age = 600)]
#[put("/items/{id}")]
async fn put_item() -> HttpResponse {
    HttpResponse::Ok().body("put")
}

fn preflight(uri: &str, origin: &str, method: &str) -> TestRequest {
    TestRequest::default()
        .method(Method::OPTIONS)
        .uri(uri)
        .insert_header(("Origin", origin))
        .insert_header(("Access-Control-Request-Method", method))
}

fn header<'a>(h: &'a HeaderMap, name: &actix_web::http::header::HeaderName) -> Option<&'a str> {
    h.get(name).map(|v| v.to_str().expect("ASCII"))
}

fn cors_headers(h: &HeaderMap) -> Vec<String> {
    let mut v: Vec<String> =
        h.keys().filter(|k| k.as_str().starts_with("access-control-")).map(|k| k.to_string()).collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------------------------
// actix-cors on the App
// ---------------------------------------------------------------------------------------------

/// actix-cors wraps the whole App, so it sees every preflight first and answers it itself:
/// the route's policy is never consulted. A permissive one lets any origin through, on
/// preflights and (as the outer layer writes last) on actual responses too.
#[actix_web::test]
async fn actix_cors_in_front_takes_over_every_preflight() {
    let app = init_service(App::new().wrap(actix_cors::Cors::permissive()).service(put_item)).await;

    let res = call_service(&app, preflight("/items/1", EVIL, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::OK, "answered by actix-cors, not by the policy (204/403)");
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(EVIL));
    assert_ne!(header(res.headers(), &ACCESS_CONTROL_MAX_AGE), Some("600"), "actix-cors' max age, not the policy's");

    // POLICY §4: the route still refuses the cross-origin write itself (its handler never runs),
    // but the outer middleware writes its own headers over the refusal.
    let res = call_service(&app, TestRequest::put().uri("/items/1").insert_header(("Origin", EVIL)).to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN),
        Some(EVIL),
        "the outer middleware overrides the policy's refusal"
    );
    // A write that passes the check (here: the browser says it comes from the server's own
    // origin) runs, and the outer middleware overrides the policy's refusal of its origin.
    let req = TestRequest::put()
        .uri("/items/1")
        .insert_header(("Origin", EVIL))
        .insert_header(("Sec-Fetch-Site", "same-origin"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(EVIL));
}

/// A strict actix-cors configuration breaks the route the other way: its allow-list, not the
/// policy's, decides, so a preflight the policy allows is refused.
#[actix_web::test]
async fn strict_actix_cors_in_front_refuses_what_the_policy_allows() {
    let outer = actix_cors::Cors::default().allowed_origin(APP).allowed_methods(["GET"]);
    let app = init_service(App::new().wrap(outer).service(put_item)).await;
    let req = preflight("/items/1", APP, "PUT").insert_header(("Access-Control-Request-Headers", "content-type"));
    let res = app.call(req.to_request()).await;
    let status = match res {
        Ok(res) => res.status(),
        Err(e) => e.as_response_error().status_code(),
    };
    assert!(status.is_client_error(), "refused by actix-cors with {status}, although the policy allows it");

    // Without the outer middleware the same preflight is granted.
    let app = init_service(App::new().service(put_item)).await;
    let req = preflight("/items/1", APP, "PUT").insert_header(("Access-Control-Request-Headers", "content-type"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

// ---------------------------------------------------------------------------------------------
// Authentication in front
// ---------------------------------------------------------------------------------------------

/// An App behind an authentication layer that answers `401` unless the request carries
/// `Authorization`. With `exempt_preflights` it lets preflights through with
/// `cors_runtime::is_preflight`, as it must: browsers never attach credentials to a preflight.
macro_rules! app_with_auth {
    ($exempt_preflights:expr, $($service:expr),+) => {{
        let exempt: bool = $exempt_preflights;
        init_service(
            App::new()
                .wrap_fn(move |req, srv| {
                    let pass = req.headers().contains_key(AUTHORIZATION) || (exempt && is_preflight(&req));
                    let call = if pass { Ok(srv.call(req)) } else { Err(req) };
                    async move {
                        match call {
                            Ok(fut) => Ok(fut.await?.map_into_left_body()),
                            Err(req) => {
                                let res = HttpResponse::Unauthorized().body("log in");
                                Ok::<_, Error>(req.into_response(res).map_into_right_body())
                            }
                        }
                    }
                })
                $(.service($service))+,
        )
        .await
    }};
}

#[actix_web::test]
async fn auth_in_front_without_an_exemption_breaks_every_preflight() {
    let app = app_with_auth!(false, put_item);
    let res = call_service(&app, preflight("/items/1", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(cors_headers(res.headers()).is_empty(), "a 401 without CORS headers: the browser reports a CORS error");

    let req = TestRequest::put().uri("/items/1").insert_header(("Origin", APP)).insert_header((AUTHORIZATION, "t"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP), "authorized requests are fine");
}

#[actix_web::test]
async fn auth_that_lets_preflights_through_works() {
    let app = app_with_auth!(true, put_item);
    let res = call_service(&app, preflight("/items/1", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP));
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_MAX_AGE), Some("600"));

    // A preflight from a disallowed origin reaches the policy too, which refuses it.
    let res = call_service(&app, preflight("/items/1", EVIL, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The actual request without a token is still refused by the auth layer, which sits
    // outside the route's policy: the script cannot read that 401.
    let res = call_service(&app, TestRequest::put().uri("/items/1").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(cors_headers(res.headers()).is_empty());

    let req = TestRequest::put().uri("/items/1").insert_header(("Origin", APP)).insert_header((AUTHORIZATION, "t"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP));
}

/// With a run-time policy, `Cors::new` can wrap the auth layer instead: it answers preflights
/// before auth runs, and decorates the `401`, so that the script can read it.
#[actix_web::test]
async fn cors_outside_auth_answers_preflights_and_decorates_401() {
    let policy = Arc::new(Policy::builder().origins([APP]).methods(["PUT"]).build().expect("valid"));
    let app = init_service(
        App::new()
            .wrap_fn(|req, srv| {
                let authorized = req.headers().contains_key(AUTHORIZATION);
                let fut = srv.call(req);
                async move {
                    let res = fut.await?;
                    if authorized {
                        Ok(res.map_into_boxed_body())
                    } else {
                        let (req, _) = res.into_parts();
                        Ok(ServiceResponse::new(req, HttpResponse::Unauthorized().body("log in")))
                    }
                }
            })
            .wrap(Cors::new(policy))
            .route("/items/{id}", web::put().to(HttpResponse::Ok)),
    )
    .await;
    let res = call_service(&app, preflight("/items/1", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "answered before auth runs");
    let res = call_service(&app, TestRequest::put().uri("/items/1").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP), "the 401 is readable");
    // POLICY §4: a write from an origin the policy does not list is refused before
    // authentication runs, with no CORS headers.
    let res = call_service(&app, TestRequest::put().uri("/items/1").insert_header(("Origin", EVIL)).to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(cors_headers(res.headers()).is_empty());
    // One that passes the check reaches authentication, whose `401` is not readable by it.
    let req = TestRequest::put()
        .uri("/items/1")
        .insert_header(("Origin", EVIL))
        .insert_header(("Sec-Fetch-Site", "same-origin"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(cors_headers(res.headers()).is_empty());
}

// ---------------------------------------------------------------------------------------------
// default_service
// ---------------------------------------------------------------------------------------------

/// A preflight that no annotated route takes (a method the path does not serve, or a path
/// with no route) falls through to `default_service`, like any unmatched request. Even a
/// catch-all that answers `200` gives the browser no CORS headers, so the call still fails.
#[actix_web::test]
async fn unmatched_preflights_reach_default_service_without_cors_headers() {
    let app = init_service(
        App::new().service(put_item).default_service(web::to(|| async { HttpResponse::Ok().body("index.html") })),
    )
    .await;
    for req in [preflight("/items/1", APP, "DELETE"), preflight("/nowhere", APP, "PUT")] {
        let res = call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(cors_headers(res.headers()).is_empty(), "{:?}", res.headers());
        assert_eq!(read_body(res).await, "index.html");
    }
    // The route's own preflight is still answered by the policy.
    let res = call_service(&app, preflight("/items/1", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

/// `Cors::new` on the whole App answers preflights for every path, routed or not, and
/// decorates `default_service`'s responses like any other.
#[actix_web::test]
async fn app_wide_cors_answers_preflights_for_unrouted_paths() {
    let policy = Arc::new(Policy::builder().origins([APP]).methods(["PUT"]).build().expect("valid"));
    let app = init_service(
        App::new()
            .wrap(Cors::new(policy))
            .route("/items/{id}", web::put().to(HttpResponse::Ok))
            .default_service(web::to(HttpResponse::NotFound)),
    )
    .await;
    let res = call_service(&app, preflight("/nowhere", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = call_service(&app, preflight("/nowhere", APP, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "a method the policy does not list is passed on");
    assert!(cors_headers(res.headers()).is_empty());
    let res = call_service(&app, TestRequest::get().uri("/nowhere").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP));
}

// ---------------------------------------------------------------------------------------------
// Handlers that set Access-Control-* headers
// ---------------------------------------------------------------------------------------------

/// A handler that tries to widen the policy: any origin, credentials, more exposed headers.
fn widening_response() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"))
        .insert_header((ACCESS_CONTROL_EXPOSE_HEADERS, "x-secret, set-cookie"))
        .insert_header((VARY, "Accept-Encoding"))
        .body("widened")
}

#[cors(origins = ["https://app.example.com"], expose = ["x-request-id"])]
#[get("/widen")]
async fn widen() -> HttpResponse {
    widening_response()
}

#[cors(origins = ["https://app.example.com"], credentials)]
#[get("/narrow")]
async fn narrow() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((ACCESS_CONTROL_ALLOW_ORIGIN, EVIL))
        .insert_header((ACCESS_CONTROL_ALLOW_CREDENTIALS, "false"))
        .body("narrowed")
}

/// An error whose response carries CORS headers of its own.
#[derive(Debug)]
struct LeakyError;

impl std::fmt::Display for LeakyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("leaky")
    }
}

impl ResponseError for LeakyError {
    fn error_response(&self) -> HttpResponse {
        HttpResponse::InternalServerError()
            .insert_header((ACCESS_CONTROL_ALLOW_ORIGIN, EVIL))
            .insert_header((ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"))
            .finish()
    }
}

#[cors(origins = ["https://app.example.com"], credentials)]
#[get("/fails")]
async fn fails() -> Result<HttpResponse, LeakyError> {
    Err(LeakyError)
}

/// (ACAO, ACAC, ACEH, Vary lines) of a response.
type Seen = (Option<String>, Option<String>, Option<String>, Vec<String>);

fn seen(h: &HeaderMap) -> Seen {
    let s = |n| header(h, n).map(str::to_owned);
    let vary = h.get_all(VARY).map(|v| v.to_str().expect("ASCII").to_owned()).collect();
    (s(&ACCESS_CONTROL_ALLOW_ORIGIN), s(&ACCESS_CONTROL_ALLOW_CREDENTIALS), s(&ACCESS_CONTROL_EXPOSE_HEADERS), vary)
}

/// The policy wins: for an allowed origin ACAO, ACAC and ACEH are the policy's; for a
/// disallowed or absent one they are removed. `Vary` is kept and `Origin` added once.
#[actix_web::test]
async fn the_policy_overrides_cors_headers_set_by_handlers() {
    let builder_policy =
        Arc::new(Policy::builder().origins([APP]).methods(["GET"]).expose(["x-request-id"]).build().expect("valid"));
    let app = init_service(
        App::new().service(widen).service(narrow).service(fails).service(
            web::resource("/builder/widen")
                .wrap(Cors::new(builder_policy))
                .route(web::get().to(|| async { widening_response() })),
        ),
    )
    .await;
    let get = |uri: &str, origin: Option<&str>| {
        let mut r = TestRequest::get().uri(uri);
        if let Some(o) = origin {
            r = r.insert_header(("Origin", o));
        }
        r.to_request()
    };
    let vary = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for uri in ["/widen", "/builder/widen"] {
        let res = call_service(&app, get(uri, Some(APP))).await;
        assert_eq!(
            seen(res.headers()),
            (Some(APP.into()), None, Some("x-request-id".into()), vary(&["Accept-Encoding", "Origin"])),
            "{uri}, allowed origin"
        );
        for origin in [Some(EVIL), Some("null"), None] {
            let res = call_service(&app, get(uri, origin)).await;
            assert_eq!(
                seen(res.headers()),
                (None, None, None, vary(&["Accept-Encoding", "Origin"])),
                "{uri} {origin:?}"
            );
            assert_eq!(read_body(res).await, "widened", "the handler still runs");
        }
    }
    let res = call_service(&app, get("/narrow", Some(APP))).await;
    assert_eq!(seen(res.headers()), (Some(APP.into()), Some("true".into()), None, vary(&["Origin"])));

    let res = call_service(&app, get("/fails", Some(APP))).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(seen(res.headers()), (Some(APP.into()), Some("true".into()), None, vary(&["Origin"])), "error response");
    let res = call_service(&app, get("/fails", Some(EVIL))).await;
    assert_eq!(seen(res.headers()), (None, None, None, vary(&["Origin"])), "error response, disallowed origin");
}

#[cors(origins = ["https://app.example.com"])]
#[get("/self-served")]
async fn self_served() -> HttpResponse {
    HttpResponse::Ok().body("get")
}

/// A hand-written OPTIONS route beside an annotated one.
#[options("/self-served")]
async fn self_served_options() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((ACCESS_CONTROL_ALLOW_HEADERS, "*"))
        .insert_header(("Access-Control-Allow-Methods", "*"))
        .finish()
}

/// Preflights the generated route does not take (for a method the path does not serve) fall
/// through to routing: a hand-written OPTIONS handler on the same path answers them with
/// whatever headers it sets. The policy cannot filter a response it never sees.
#[actix_web::test]
async fn a_hand_written_options_route_answers_what_the_policy_does_not_take() {
    let app = init_service(App::new().service(self_served).service(self_served_options)).await;
    let res = call_service(&app, preflight("/self-served", APP, "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "the generated route answers the method it serves");
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some(APP));
    let res = call_service(&app, preflight("/self-served", EVIL, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN), Some("*"), "answered by the hand-written route");
    let body = res.into_body().try_into_bytes().expect("a sized body");
    assert!(body.is_empty());
}
