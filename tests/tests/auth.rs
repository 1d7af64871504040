//! Authentication in front of CORS routes, the way the documentation shows it, against the
//! attack of the security review: a request shaped like a preflight, asking for a made-up
//! method, must not reach a hand-written `OPTIONS` route or `default_service` without
//! authentication. And the `401` of the authentication must be readable cross-origin.

use std::cell::Cell;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::AUTHORIZATION;
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpResponse, get, test, web};
use cors_runtime::{Cors, Policy, cors, is_preflight, policy};

static ADMIN: Policy = policy!(origins = ["https://admin.example.com"], methods = [GET, DELETE], credentials);

thread_local! {
    /// Per test: each `actix_web::test` runs its app on its own thread, and tests run at once.
    static HANDLERS_RAN: Cell<usize> = const { Cell::new(0) };
}

fn handlers_ran() -> usize {
    HANDLERS_RAN.get()
}

/// A plain bearer-token check: no exemption of any kind.
async fn auth(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.headers().get(AUTHORIZATION).is_some_and(|v| v == "Bearer secret") {
        Ok(next.call(req).await?.map_into_left_body())
    } else {
        Ok(req.into_response(HttpResponse::Unauthorized().body("who are you?")).map_into_right_body())
    }
}

async fn export() -> HttpResponse {
    HANDLERS_RAN.set(HANDLERS_RAN.get() + 1);
    HttpResponse::Ok().body("all the data")
}

/// The pattern the review found: authentication that lets anything shaped like a preflight
/// through. `is_preflight` says what a request looks like, not who answers it.
async fn auth_exempting_preflights(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if is_preflight(&req) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    Ok(auth(req, next).await?.map_into_right_body())
}

/// `Cors::new(&ADMIN)` outside the authentication (actix-web runs the last `wrap` first).
fn scope_app() -> App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new().service(
        web::scope("/admin")
            .wrap(from_fn(auth))
            .wrap(Cors::new(&ADMIN))
            .route("/export", web::get().to(export))
            .route("/export", web::method(Method::OPTIONS).to(export))
            .default_service(web::to(export)),
    )
}

fn preflight(uri: &str, method: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri(uri)
        .insert_header(("Origin", "https://admin.example.com"))
        .insert_header(("Access-Control-Request-Method", method))
}

#[actix_web::test]
async fn made_up_preflights_meet_authentication() {
    let app = test::init_service(scope_app()).await;
    let before = handlers_ran();
    for uri in ["/admin/export", "/admin/anything-else"] {
        let res = test::call_service(&app, preflight(uri, "MADE-UP").to_request()).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{uri}");
        let body = test::read_body(res).await;
        assert_eq!(body, "who are you?", "{uri}");
    }
    assert_eq!(handlers_ran(), before, "a handler ran without authentication");
}

/// Why the documentation puts `Cors` outside authentication instead: with the exemption, the
/// same made-up preflight reaches the hand-written `OPTIONS` route and `default_service`.
#[actix_web::test]
async fn exempting_preflights_from_authentication_lets_the_attack_through() {
    let app = test::init_service(
        App::new().service(
            web::scope("/admin")
                .wrap(from_fn(auth_exempting_preflights))
                .wrap(Cors::new(&ADMIN))
                .route("/export", web::method(Method::OPTIONS).to(export))
                .default_service(web::to(export)),
        ),
    )
    .await;
    for uri in ["/admin/export", "/admin/anything-else"] {
        let before = handlers_ran();
        let res = test::call_service(&app, preflight(uri, "MADE-UP").to_request()).await;
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        assert_eq!(test::read_body(res).await, "all the data", "{uri}");
        assert!(handlers_ran() > before, "{uri}");
    }
}

#[actix_web::test]
async fn listed_preflights_are_answered_before_authentication() {
    let app = test::init_service(scope_app()).await;
    let before = handlers_ran();
    let res = test::call_service(&app, preflight("/admin/export", "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://admin.example.com");
    assert_eq!(res.headers().get("access-control-allow-credentials").unwrap(), "true");
    assert_eq!(handlers_ran(), before);
}

#[actix_web::test]
async fn the_401_is_readable_cross_origin() {
    let app = test::init_service(scope_app()).await;
    let req = test::TestRequest::get().uri("/admin/export").insert_header(("Origin", "https://admin.example.com"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://admin.example.com");
    assert_eq!(res.headers().get("access-control-allow-credentials").unwrap(), "true");

    let req = test::TestRequest::get()
        .uri("/admin/export")
        .insert_header(("Origin", "https://admin.example.com"))
        .insert_header((AUTHORIZATION, "Bearer secret"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://admin.example.com");

    // Another origin gets the 401 too, without any CORS header.
    let req = test::TestRequest::get().uri("/admin/export").insert_header(("Origin", "https://evil.example"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

/// Per route, the authentication goes in the route's own `wrap`: `#[cors]`'s middleware is
/// outside it, and the route's preflights are answered by a separate route it never sees.
#[cors(ADMIN)]
#[get("/reports", wrap = "from_fn(auth)")]
async fn reports() -> HttpResponse {
    HANDLERS_RAN.set(HANDLERS_RAN.get() + 1);
    HttpResponse::Ok().body("reports")
}

#[actix_web::test]
async fn route_level_authentication() {
    let app = test::init_service(App::new().service(reports)).await;
    let before = handlers_ran();
    let res = test::call_service(&app, preflight("/reports", "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = test::call_service(&app, preflight("/reports", "MADE-UP").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let req = test::TestRequest::get().uri("/reports").insert_header(("Origin", "https://admin.example.com"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://admin.example.com");
    assert_eq!(handlers_ran(), before);
}
